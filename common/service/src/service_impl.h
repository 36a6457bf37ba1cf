// What the service's parts share: the call being handled, the transaction's events,
// and the checks on who may do what. Command handlers live in one file per area
// (sessions, checks, payments, kitchen, menu, queries).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "brigade/domain/device.h"
#include "brigade/domain/drawer.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/pricing.h"
#include "brigade/domain/report.h"
#include "brigade/domain/staff.h"
#include "brigade/protocol/args.h"
#include "brigade/protocol/events.h"
#include "brigade/protocol/protocol.h"
#include "brigade/service/order_service.h"
#include "pin_lockout.h"

namespace brigade::service {

using protocol::Json;
namespace event = protocol::event;
namespace topic = protocol::topic;

// A refusal: a domain Error, or a wire-only one (bad_request from argument reading).
struct Refusal {
  std::string code;
  std::string message;
  Json problems = nullptr;  // a refused menu edit's every problem (WireError::problems)
};
inline Refusal refusal(const Error& e) {
  return {std::string(to_string(e.code)), e.message};
}
inline Refusal refusal(const protocol::WireError& e) {
  return {e.code, e.message};
}

// A handler's answer: the reply's result object, or a refusal.
class Answer {
 public:
  Answer(Json result) : result_(std::move(result)) {}
  Answer(Refusal r) : refusal_(std::move(r)) {}
  Answer(const Error& e) : refusal_(refusal(e)) {}
  bool ok() const { return !refusal_; }
  const Json& result() const { return result_; }
  const Refusal& refused() const { return *refusal_; }

 private:
  Json result_;
  std::optional<Refusal> refusal_;
};

// The command being handled.
struct Call {
  const protocol::Envelope& envelope;
  protocol::ArgReader args;
  EpochMs now = 0;
  std::optional<StaffMember> staff;  // logged-in sender; none for a kitchen screen
  std::string approved_by;           // a manager whose PIN lent permission, if any
  // The device the transport authenticated by its CURVE key; in development mode, one made
  // up from the envelope's `device`.
  PairedDevice device;
  bool development = false;
  const std::string& device_id() const { return device.id; }
  // Whether this call may work a station's tickets: a kitchen screen of that station (or
  // expo), a logged-in cook or manager (checked before the handler runs), or anyone in
  // development mode.
  bool works_station(std::string_view station) const {
    return development || staff || device.works_station(station);
  }
  // Who acts, for records: the staff id, or the device for kitchen screens.
  std::string actor() const { return staff ? staff->id : device_id(); }
};

// An event written in the current transaction, to publish after commit.
struct PendingEvent {
  std::int64_t seq = 0;
  std::string type;
  EpochMs at = 0;
  std::string body;  // JSON text, as stored in the log and published
  std::vector<std::string> topics;
  std::vector<std::int64_t> prevs;
};

// A pairing a manager started: the code waits for its device (kept in memory only, so a
// hub restart ends every pairing that was not finished).
struct PendingPairing {
  std::string code;
  std::string name;
  DeviceRole role = DeviceRole::terminal;
  std::vector<std::string> stations;
  std::string started_by;  // staff id
  EpochMs expires_at = 0;
};

struct OrderService::Impl {
  Impl(store::Store& s, ServiceOptions o);

  store::Store& store;
  ServiceOptions options;
  CommandCounts counts;  // write commands by outcome, for the hub's summary line
  Menu menu;             // cached: the hub is the only writer
  // The menu before the running command changed it: put back if its transaction is undone.
  std::optional<Menu> menu_before_command;
  std::optional<Permissions> permissions_before_command;  // likewise
  Floor floor;                                            // cached
  Permissions permissions;                                // cached: what each role may do
  std::vector<PendingEvent> pending;
  std::vector<PendingPairing> pairings;
  int wrong_pairing_proofs = 0;     // since the last pairing that worked
  bool reconnect_everyone = false;  // set by a handler that revoked a device
  PinLockout lockout;
  std::vector<Json> lockout_alerts;  // locks to announce once the command's transaction is over
  EpochMs next_reply_expiry = 0;     // when tick() next drops the text of old replies
  // Checks as the running command loaded them: their events carry only the lines that
  // changed since. Cleared with each command (a stale copy only makes an event say more).
  std::map<std::int64_t, Check> before_change;

  // [SECTION] plumbing (order_service.cpp)
  Outcome handle(std::string_view request, const protocol::Peer& peer, EpochMs now);
  // Writes the event to the log (its body dumped once) and queues it for publishing;
  // gives the body back for the reply to use.
  Json emit(std::string_view type, std::vector<std::string> topics, Json body, EpochMs now);
  std::vector<Publication> publications_of(const std::vector<PendingEvent>& events) const;
  // Checks the sender's role, or a manager's PIN on the command, for a permission.
  std::optional<Refusal> require(Call& call, Permission permission, std::string_view doing);
  std::optional<StaffMember> staff_member(std::string_view staff_id) const;
  // The device a command acts under, from the transport's peer (section 10).
  Result<PairedDevice> sender(const protocol::Envelope& envelope, const protocol::Peer& peer) const;
  bool admits(const std::string& public_key) const;

  // [SECTION] PINs and sessions (pins_and_sessions.cpp)
  enum class PinUse { login, approval };
  // locked_out while the device (or, for approvals, the sender) must wait.
  std::optional<Refusal> pin_locked(const Call& call, PinUse use) const;
  // Counts a wrong PIN against the device (and the sender, for approvals); a new lock
  // goes on lockout_alerts.
  void pin_wrong(const Call& call, PinUse use);
  void pin_right(const Call& call, PinUse use);
  // Who a PIN typed at a terminal's pad belongs to (login, the time clock): a wrong one
  // counts against the device, and a locked device is refused.
  struct PadResult {
    std::optional<StaffMember> staff;
    std::optional<Refusal> refusal;
    explicit operator bool() const { return staff.has_value(); }
  };
  PadResult staff_at_pad(const Call& call, const std::string& pin);
  // Announces the locks of the last command in a transaction of their own: the command's
  // own transaction was rolled back with its refusal.
  void publish_lockout_alerts(Outcome& outcome, EpochMs now);
  // The staff member of a session token that is open on this device and not idle too long;
  // notes its use.
  std::optional<StaffMember> session_staff(std::string_view token, std::string_view device_id,
                                           EpochMs now);
  // Ends every session of a staff member (clock-out calls this), inside the caller's
  // transaction, with staff.logged_out for each.
  Status end_sessions_of(const std::string& staff_id, EpochMs now);

  // [SECTION] helpers shared by handlers (check_commands.cpp)
  Json check_json(const Check& check) const;
  std::set<std::int64_t> changed_lines(const Check& check, const CheckTotals& totals) const;
  Json ticket_json(const Ticket& ticket) const;
  // Emits `type` on the check topic with the whole check after the change; returns that
  // check's JSON, for the reply.
  Json emit_check(std::string_view type, const Check& check, EpochMs now,
                  Json extra = Json::object());
  void emit_ticket(std::string_view type, const Ticket& ticket, EpochMs now);
  // Emits `type` on the ticket's stations with its progress (protocol::TicketProgress);
  // returns that progress's JSON, for the reply.
  // `moved`: the ticket's check when the command moved its lines (their states go along).
  Json emit_progress(std::string_view type, const Ticket& ticket, EpochMs now,
                     const Check* moved = nullptr);
  // Moves the ticket's lines to `to` on their check, then emits `type` with the ticket's
  // progress and, if a line moved, lines.ready or lines.served on the check.
  // Returns the progress, for the reply.
  Result<Json> emit_advanced(std::string_view type, const Ticket& ticket, LineState to,
                             EpochMs now);
  std::vector<std::string> ticket_topics(const Ticket& ticket) const;
  Result<Check> open_check_for_change(std::int64_t check_id);
  // [SECTION] stock (stock_commands.cpp)
  // Every item's level as terminals see it: 86 flags with what counted ingredients leave.
  Stock stock_now() const;
  // Saves the counts that differ between `before` and `after` and tells every terminal:
  // ingredient.changed (with `why`) for each, stock.changed for each item whose level moved.
  Status commit_inventory(const Inventory& before, const Inventory& after, EpochMs now,
                          const Json& why);
  // Takes what `quantity` of the item with `modifier_ids` needs, or refuses naming the
  // ingredient short; adds what it took to the line's record and announces the counts.
  Status take_for_line(std::int64_t line_id, const MenuItem& item,
                       const std::vector<std::string>& modifier_ids, int quantity, EpochMs now);
  // Gives back `share` units' worth of the `of` units a line holds (all when equal) if
  // `to_stock`; the rest of the line's record stays. Announces the counts.
  Status release_from_line(std::int64_t line_id, int share, int of, bool to_stock, EpochMs now);
  // A ticket goes to the guests: served, saved, announced, and its lines marked served.
  Result<Json> serve_ticket(Ticket& ticket, EpochMs now);  // the ticket's progress

  // [SECTION] handlers. Each runs inside the command's transaction.
  Answer hello(Call& call);
  Answer login(Call& call);
  Answer logout(Call& call);
  Answer get_menu(Call& call);
  Answer snapshot(Call& call);
  Answer events_since(Call& call);
  Answer list_checks(Call& call);
  Answer get_check(Call& call);

  Answer open_check(Call& call);
  Answer add_line(Call& call);
  Answer change_line(Call& call);
  Answer remove_line(Call& call);
  Answer send(Call& call);
  Answer fire(Call& call);
  Answer void_line(Call& call);
  Answer discount(Call& call);
  Answer pay(Call& call);
  Answer add_tip(Call& call);
  Answer split(Call& call);
  Answer close_check(Call& call);
  Answer move_lines(Call& call);
  Answer merge(Call& call);
  Answer transfer(Call& call);

  Answer eighty_six(Call& call);
  Answer set_stock(Call& call);
  Answer un_eighty_six(Call& call);
  Answer receive_stock(Call& call);
  Answer count_stock(Call& call);
  Answer waste_stock(Call& call);

  Answer ack_ticket(Call& call);
  Answer bump(Call& call);
  Answer serve(Call& call);
  Answer recall(Call& call);
  Answer item_bump(Call& call);
  Answer rush(Call& call);

  // [SECTION] the back office (back_office_commands.cpp)
  Answer save_menu_entry(Call& call);
  Answer remove_menu_entry(Call& call);
  Answer reorder_menu(Call& call);
  Answer import_menu(Call& call);
  Answer list_audit(Call& call);
  Answer set_permission(Call& call);

  // [SECTION] staff (staff_commands.cpp)
  Answer save_staff(Call& call);
  Answer change_pin(Call& call);
  Answer list_staff(Call& call);
  // Applies a menu written as the restaurant file's "menu" object: checked whole by the
  // file's reader, saved, audited entry by entry, announced with menu.changed.
  Answer change_menu(Call& call, Json document, std::string_view action);
  Status audit_menu_change(const Call& call, const Json& before, const Json& after);
  // Appends to the audit log who (the call's staff, approver and device) did `action`.
  // A null before or after: nothing was there (an addition, a removal).
  Status record(const Call& call, std::string action, std::string subject, const Json& before,
                const Json& after, std::string reason = {});

  // [SECTION] the time clock (time_clock_commands.cpp)
  Answer clock(Call& call);
  Answer fix_punch(Call& call);
  Answer timesheet(Call& call);
  Answer set_clock_rule(Call& call);
  ClockState clock_state_of(const std::string& staff_id, EpochMs now) const;
  // A refusal when the store requires a clock-in and the sender (not a manager) is not
  // clocked in, or on a break.
  std::optional<Refusal> require_clocked_in(const Call& call) const;

  // [SECTION] the business day (day_commands.cpp)
  Answer open_day(Call& call);
  Answer close_day(Call& call);
  Answer day_status(Call& call);
  // The open day for a check about to open: the one open, or a new one (day.opened).
  Result<BusinessDay> day_for_new_check(const Call& call);
  Result<BusinessDay> start_day(const Call& call, bool automatically);
  Json open_day_json() const;  // the open day, or null

  // [SECTION] the day's figures and refunds (report_commands.cpp)
  Answer x_report(Call& call);
  Answer z_report(Call& call);
  Answer refund(Call& call);
  // Adds a closed check's tallies to its day, and marks it tallied.
  Status tally_check(const Check& check);
  // Tallies the day's checks closed before the hub kept tallies.
  Status tally_older_checks(std::int64_t day);
  DayReport day_report(const BusinessDay& day, EpochMs now) const;
  // Makes the Z report of a day just closed and keeps it; returns it as sent.
  Result<Json> make_z_report(const BusinessDay& closed, EpochMs now);

  // [SECTION] cash drawers (drawer_commands.cpp)
  Answer open_drawer(Call& call);
  Answer drawer_cash(Call& call);
  Answer count_drawer(Call& call);
  Answer list_drawers(Call& call);
  // The sender's open drawer, opened with no float if the terminal has none.
  Result<Drawer> drawer_here(const Call& call);
  // Cash a payment or refund moved through the sender's drawer (nothing for $0).
  Status cash_in_drawer(const Call& call, DrawerMoveKind kind, Money amount, std::int64_t check_id);
  // The day closes: its drawers still open close without a count.
  Status close_drawers_of(std::int64_t day, EpochMs now);
  DrawerRow drawer_row(const Drawer& drawer) const;
  std::vector<DrawerRow> drawer_rows(std::int64_t day) const;

  // [SECTION] devices (device_commands.cpp)
  Answer start_pairing(Call& call);
  Answer pair(Call& call);
  Answer list_devices(Call& call);
  Answer revoke_device(Call& call);

  std::vector<Publication> tick(EpochMs now);
  void expire_replies(EpochMs now);
};

}  // namespace brigade::service
