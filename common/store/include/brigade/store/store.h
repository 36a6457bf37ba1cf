// The store: one SQLite file per restaurant, owned by the hub (the only writer).
// Schema by numbered migrations (PRAGMA user_version); WAL, foreign keys, busy timeout,
// synchronous=FULL. Every change runs in one IMMEDIATE transaction together with the
// events that describe it, appended to the event log (store-wide sequence, no gaps).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/business_day.h"
#include "brigade/domain/check.h"
#include "brigade/domain/device.h"
#include "brigade/domain/drawer.h"
#include "brigade/domain/floor.h"
#include "brigade/domain/inventory.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/refund.h"
#include "brigade/domain/report.h"
#include "brigade/domain/restaurant.h"
#include "brigade/domain/result.h"
#include "brigade/domain/staff.h"
#include "brigade/domain/ticket.h"
#include "brigade/domain/time_clock.h"

namespace brigade::store {

struct OpenOptions {
  bool synchronous_full = true;  // FULL survives power loss; NORMAL only a crash
  int busy_timeout_ms = 5000;
  // Apply migrations up to this version only (tests of upgrades); default: the latest.
  std::optional<int> migrate_to;
  // The key of the PIN key file beside the store (64 hex digits, see load_or_create_pin_key).
  // Empty: the store opens, but refuses to seed, set or check PINs, and a seeded store
  // older than schema v5 cannot be upgraded.
  std::string pin_key;
  // Write every row of a check on each save instead of only the rows that changed: the
  // reference the tests compare the usual saves with.
  bool full_saves = false;
  // The hub's own way: SQLite's lock is taken once and held while the store is open, not
  // taken and released around every statement; no other connection may open the file.
  bool exclusive = false;
};

// The PIN key file in the hub's keys folder ("brigade.db.keys/pin.key").
std::filesystem::path pin_key_path(const std::filesystem::path& keys_folder);
// Reads the PIN key file, or makes it (0600, 32 random bytes as hex) on first use. Refuses
// a file others may read, or one that does not hold a key.
Result<std::string> load_or_create_pin_key(const std::filesystem::path& file);

// What the connection runs with, as SQLite reports it (diagnostics and tests).
struct ConnectionSettings {
  std::string journal_mode;  // "wal" ("memory" for ":memory:")
  bool foreign_keys = false;
  int synchronous = 0;  // 2 = FULL, 1 = NORMAL
  int busy_timeout_ms = 0;
};

// One entry of the append-only event log.
struct Event {
  std::int64_t sequence = 0;
  std::string type;  // "check.opened", "line.added", ...
  std::string body;  // JSON text
  EpochMs at = 0;
};

// A staff member logged in on a device. The device sends the token; the store keeps only
// its hash (session_token_hash), so a copy of the file opens no session.
struct Session {
  std::string token_hash;
  std::string staff_id;
  std::string device;
  EpochMs started_at = 0;
  EpochMs last_used_at = 0;  // kept roughly (see docs/store.md): for the idle time-out
  EpochMs ended_at = 0;      // 0 while logged in
};
std::string session_token_hash(std::string_view token);

// The reply the hub gave to a command, kept by the command's id (exactly-once).
// After the hub's keep time the reply's text is dropped (expired) and only the command's
// id and hash remain: enough to never do the command twice.
struct StoredReply {
  std::string request_hash;  // of the request as first received
  std::string reply;         // empty when expired
  EpochMs at = 0;            // when the command was done
  bool expired = false;
};

// An event as one topic sees it: `prev` is the previous event on the same topic.
struct TopicEvent {
  Event event;
  std::string topic;
  std::int64_t prev = 0;
};

// One line of the audit log: who did what to money, the menu, stock, staff or permissions.
struct AuditEntry {
  std::int64_t id = 0;  // given by the store, in order
  EpochMs at = 0;
  std::string action;       // "menu.item.changed", "line.voided", ... (docs/protocol.md)
  std::string staff_id;     // who did it; empty for a device alone (a kitchen screen)
  std::string approved_by;  // the manager whose PIN approved it, if one did
  std::string device;
  std::string subject;  // what it was done to: "item classic-burger", "check 12"
  std::string reason;
  std::string before;  // JSON text, empty when there was nothing before (an addition)
  std::string after;   // JSON text, empty when nothing is left (a removal)
  bool operator==(const AuditEntry&) const = default;
};

struct AuditFilter {
  EpochMs since = 0;
  EpochMs until = INT64_MAX;  // exclusive
  std::int64_t after_id = 0;  // paging: entries after this one
  std::string action;         // "menu" matches "menu" and "menu.*"; empty: every action
  std::string staff_id;       // who did or approved it; empty: anyone
  int limit = 1000;
};

class Store;
// Work done inside one transaction; return an error to roll everything back.
using Work = std::function<Status(Store&)>;

class Store {
 public:
  // Opens (creating if missing) and migrates. ":memory:" gives a private in-memory store.
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& path,
                                             const OpenOptions& options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int latest_schema_version();
  int schema_version() const;
  ConnectionSettings connection_settings() const;

  // Runs work in one BEGIN IMMEDIATE transaction: committed if it returns success,
  // rolled back if it returns an error or throws (the exception becomes storage_error).
  // Not reentrant. Inside batch() it is a savepoint of the batch's transaction instead:
  // its work is kept or undone alone, and reaches the disk when the batch commits.
  Status transaction(const Work& work);
  // Group commit: runs work (which calls transaction() once per command) in one
  // transaction, committed with one write to the disk. If it fails, or the commit does,
  // nothing of any of its transactions is kept.
  Status batch(const Work& work);

  // --- Restaurant set-up ---
  bool is_seeded() const;
  // Writes menu, floor, staff (PINs hashed), stock and settings. Call inside a transaction.
  Status seed(const Restaurant& restaurant);
  std::string restaurant_name() const;
  CurrencyFormat currency() const;

  // --- Menu, floor, staff, stock ---
  Menu load_menu() const;
  Floor load_floor() const;
  std::vector<StaffMember> load_staff() const;
  std::optional<StaffMember> find_staff(std::string_view staff_id) const;
  // The active staff member whose PIN this is, if any; none for a PIN of the wrong length
  // (pin_digits). An error if the store was opened without its PIN key.
  Result<std::optional<StaffMember>> staff_by_pin(std::string_view pin) const;
  Status set_pin(std::string_view staff_id, std::string_view pin);
  // Adds a staff member (last in the list, no PIN yet) or changes one. Someone made inactive
  // loses their PIN: it may go to someone else, and they get a new one if they come back.
  // Call inside a transaction.
  Status save_staff(const StaffMember& member);
  // What each role may do (schema v8; a new store starts from Permissions::defaults()).
  // Names the store does not know (a permission of a later version) are left out.
  // The time clock: punches of one person (empty: everyone) at or after `since` and before
  // `until`, in time order; a new punch (id 0) is added and its id returned, else changed.
  std::vector<Punch> load_punches(std::string_view staff_id, EpochMs since, EpochMs until) const;
  std::optional<Punch> find_punch(std::int64_t id) const;
  Result<std::int64_t> save_punch(const Punch& punch);
  Status remove_punch(std::int64_t id);
  bool clock_in_required() const;
  Status set_clock_in_required(bool required);

  // The business day (schema v11): the one open, if any; one by id; the latest first; a
  // new one (the next id) opened at `at`; closing one with the next Z number (returned:
  // consecutive, in the same transaction). Changes inside a transaction.
  std::optional<BusinessDay> open_day() const;
  std::optional<BusinessDay> find_day(std::int64_t id) const;
  std::vector<BusinessDay> last_days(int count) const;
  Result<BusinessDay> start_day(EpochMs at, std::string_view by);
  Result<std::int64_t> close_day(std::int64_t id, EpochMs at, std::string_view by);
  // The day a check belongs to (0: none yet); putting it in another (carried over); how
  // many checks a day has, open ones too.
  std::int64_t day_of_check(std::int64_t check_id) const;
  Status set_day_of_check(std::int64_t check_id, std::int64_t day);
  std::int64_t count_checks_of_day(std::int64_t day) const;

  // The day's figures (schema v12). Tallies add to the day's sums (inside a transaction,
  // with the close or refund they come from); a day's sums; a day's closed checks not yet
  // tallied (closed before v12) and marking a check tallied.
  Status add_tallies(std::int64_t day, const std::vector<Tally>& tallies);
  std::vector<Tally> load_tallies(std::int64_t day) const;
  std::vector<std::int64_t> untallied_checks(std::int64_t day) const;
  Status mark_tallied(std::int64_t check_id);
  // The Z report of a closed day, kept as it was made (JSON text); "" for none.
  Status save_z_report(std::int64_t day, std::string_view report);
  std::string load_z_report(std::int64_t day) const;
  // Refunds with their lines and tenders: a new one (id set by the caller); those of a check.
  Status save_refund(const Refund& refund);
  std::vector<Refund> load_refunds_of_check(std::int64_t check_id) const;

  // Cash drawers (schema v12): a new one (id 0: added, its id returned) or its count (the
  // denominations replace any before); the one open under a device; by id; a day's; a
  // move added; a drawer's moves summed by kind (count, amount).
  Result<std::int64_t> save_drawer(const Drawer& drawer);
  std::optional<Drawer> open_drawer_of(std::string_view device_id) const;
  std::optional<Drawer> find_drawer(std::int64_t id) const;
  std::vector<Drawer> load_drawers(std::int64_t day) const;
  Result<std::int64_t> add_drawer_move(const DrawerMove& move);
  std::map<DrawerMoveKind, std::pair<std::int64_t, Money>> drawer_totals(
      std::int64_t drawer_id) const;

  Permissions load_permissions() const;
  Status save_permission(Role role, Permission permission, bool allowed);
  // The fewest digits a PIN may have: 4 (4 to 6 digits) or 6.
  int pin_digits() const;
  // Writes the whole menu (validated), keeping what other rows refer to, and bumps the
  // menu's version. Items missing from it are deleted: the hub retires them instead. Call
  // inside a transaction.
  Status save_menu(const Menu& menu);
  // 1 for a new store, one more with each save_menu.
  std::int64_t menu_version() const;
  // The 86 flags set by hand (remaining is never set: counts are by ingredient).
  Stock load_stock() const;
  Status save_stock_level(std::string_view item_id, const StockLevel& level);
  // What is on hand of each counted ingredient; nullopt stops counting one.
  Inventory load_inventory() const;
  Status save_on_hand(std::string_view ingredient_id, std::optional<std::int64_t> on_hand);
  // What a line took from stock (given back when it is removed or voided as not made).
  Needs load_line_stock(std::int64_t line_id) const;
  Status save_line_stock(std::int64_t line_id, const Needs& taken);

  // --- Ids ---
  // Next value of a named counter ("check", "line", "discount", "payment", "check_number"),
  // starting at 1. Call inside a transaction; a rollback gives the value back.
  std::int64_t next_id(std::string_view counter);

  // --- Checks ---
  Result<Check> load_check(std::int64_t check_id) const;
  std::vector<Check> load_open_checks() const;
  // Writes the whole check: inserts or updates the check, its lines, modifiers,
  // discounts, payments and split; deletes lines no longer on it (unsent lines removed,
  // lines moved away). Call inside a transaction.
  Status save_check(const Check& check);

  // --- Event log ---
  // Appends an event and returns its sequence number. Call inside a transaction.
  std::int64_t append_event(std::string_view type, std::string_view body_json, EpochMs at);
  std::vector<Event> events_since(std::int64_t after_sequence, int limit) const;
  std::int64_t last_sequence() const;

  // --- Audit log (schema v7) ---
  // Appends an entry (its id and the given fields). Call inside a transaction.
  Status append_audit(const AuditEntry& entry);
  std::vector<AuditEntry> load_audit(const AuditFilter& filter) const;

  // "ok", or SQLite's list of problems.
  std::string integrity_check() const;

  // --- The hub's records (schema v3) ---
  // Like append_event, and files the event under each topic, chaining it to the topic's
  // previous event. Returns the sequence and, per topic, the previous sequence.
  std::int64_t append_event(std::string_view type, std::string_view body_json, EpochMs at,
                            const std::vector<std::string>& topics,
                            std::vector<std::int64_t>* prevs);
  // Events after `after_sequence` on any of the topics (exact names), in sequence order,
  // once per (event, topic).
  std::vector<TopicEvent> events_since(std::int64_t after_sequence,
                                       const std::vector<std::string>& topics, int limit) const;
  // The newest sequence on every topic that has one.
  std::vector<std::pair<std::string, std::int64_t>> topic_heads() const;

  std::optional<StoredReply> find_reply(std::string_view command_id) const;
  Status save_reply(std::string_view command_id, std::string_view request_hash,
                    std::string_view reply, EpochMs at);
  // Drops the text of at most `at_most` replies kept since before `before`, oldest first;
  // returns how many. Their ids and hashes stay. Call inside a transaction.
  Result<int> expire_replies(EpochMs before, int at_most);

  // Adds a session, or updates its last use and end. Call inside a transaction.
  Status save_session(const Session& session);
  // The session of a token the device sent (found by the token's hash).
  std::optional<Session> find_session(std::string_view token) const;
  // Ends every open session of a staff member (clock-out, a PIN change) and returns them.
  // Call inside a transaction.
  Result<std::vector<Session>> end_sessions_of(std::string_view staff_id, EpochMs at);

  // --- Paired devices (schema v4) ---
  // Adds a device, or updates the one with its id (a revocation). Call inside a transaction.
  Status save_device(const PairedDevice& device);
  std::optional<PairedDevice> find_device(std::string_view id) const;
  std::optional<PairedDevice> find_device_by_key(std::string_view public_key) const;
  std::vector<PairedDevice> load_devices() const;  // revoked ones too, by pairing time

  Status save_ticket(const Ticket& ticket);
  Result<Ticket> load_ticket(std::int64_t ticket_id) const;
  // Tickets still in the kitchen's hands (held, open or ready), oldest first.
  std::vector<Ticket> load_open_tickets() const;
  // Open tickets fired at or before `fired_by` that a station has neither acknowledged nor
  // been warned about: what the acknowledgement watch looks at, without reading the rest.
  std::vector<Ticket> load_tickets_waiting_for_acknowledgement(EpochMs fired_by) const;
  std::vector<Ticket> load_tickets_of_check(std::int64_t check_id) const;
  std::vector<Ticket> load_tickets_with_line(std::int64_t line_id) const;
  // The check a line is on now (lines move between checks).
  std::optional<std::int64_t> check_of_line(std::int64_t line_id) const;

 private:
  Status savepoint(const Work& work);
  Status committed(const std::string& what, const std::function<Status()>& body);
  struct Impl;
  struct Running;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace brigade::store
