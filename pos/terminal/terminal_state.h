// What the terminal knows of the store, kept from the hub's snapshot and events
// (docs/protocol.md section 3): menu, 86 list and counts, floor plan, staff, the open
// checks and the warnings for people. No ImGui and no sockets: fed FeedItems, read by
// the screens, tested on its own.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "brigade/domain/staff.h"
#include "brigade/net/event_feed.h"
#include "brigade/protocol/codec.h"

namespace brigade::terminal {

using protocol::CheckView;
using protocol::Json;

// The hub's "station.not_acknowledged": a kitchen screen has not shown a ticket in time.
struct StationAlert {
  std::int64_t ticket_id = 0;
  std::int64_t check_id = 0;
  std::string label;    // "Table 12"
  std::string station;  // station id
  std::int64_t waiting_ms = 0;
  EpochMs at = 0;
};

// Wrong PINs in a row locked a device or a staff member's approvals (pin.locked_out).
struct PinLockout {
  std::string device;      // where the PINs were typed
  std::string staff_name;  // whose approvals, when a staff member is locked; else ""
  std::string doing;       // "login" or "approval"
  int wrong_pins = 0;
  EpochMs until = 0;
  EpochMs at = 0;
};

class TerminalState {
 public:
  // A snapshot replaces everything; an event changes what it names.
  void apply(const net::FeedItem& item);
  void apply_snapshot(const Json& result);
  void apply_event(const std::string& topic, const std::string& type, EpochMs at, const Json& body);
  // A check from a reply (open_check) that no event has brought yet.
  void learn_check(const Json& check);

  bool synced() const { return synced_; }
  // Check events that named a line this terminal never had (none, unless the hub and the
  // terminal disagree): the check stays as it was shown.
  std::uint64_t changes_not_applied() const { return changes_not_applied_; }
  // The checks such a change left incomplete, once: the controller asks the hub for them
  // (get_check) and gives them back with replace_check.
  std::vector<std::int64_t> take_checks_to_fetch() { return std::exchange(to_fetch_, {}); }
  void replace_check(const Json& whole);
  // Bumped on every change, so a screen can tell that something moved.
  std::uint64_t version() const { return version_; }

  const std::string& restaurant() const { return restaurant_; }
  const CurrencyFormat& currency() const { return currency_; }
  std::string money(Money m) const;

  const Menu& menu() const { return menu_; }
  // What each role may do in this store (the defaults until the first snapshot).
  const Permissions& permissions() const { return permissions_; }
  // The hub's count of menu edits, as of the menu held (0 before the first snapshot).
  std::int64_t menu_version() const { return menu_version_; }
  const Floor& floor() const { return floor_; }
  const Stock& stock() const { return stock_; }
  StockLevel stock_of(const std::string& item_id) const;
  // What is on hand of each counted ingredient; an ingredient's count (nullopt: not
  // counted); the counted ingredients at or below their low-stock mark, in menu order.
  const Inventory& inventory() const { return inventory_; }
  std::optional<std::int64_t> on_hand(const std::string& ingredient_id) const;
  std::vector<const Ingredient*> low_ingredients() const;
  // "Classic burger" for an id, the id itself if unknown.
  std::string item_name(const std::string& item_id) const;
  std::string station_name(const std::string& station_id) const;
  std::string staff_name(const std::string& staff_id) const;
  const std::vector<StaffMember>& staff() const { return staff_; }

  const std::map<std::int64_t, CheckView>& open_checks() const { return open_; }
  // An open check, or one closed (or merged away) since the terminal started.
  const CheckView* find_check(std::int64_t id) const;
  // The open dine-in checks at a table, oldest first.
  std::vector<const CheckView*> checks_at_table(const std::string& table_id) const;
  // Tabs, takeout, delivery and online orders: soonest promised first, then oldest.
  std::vector<const CheckView*> named_orders() const;

  const std::vector<StationAlert>& alerts() const { return alerts_; }
  // For a manager: the latest lock-outs, newest last.
  const std::vector<PinLockout>& lockouts() const { return lockouts_; }
  void dismiss_lockouts();
  // Counts device.paired and device.revoked events: the device list is out of date.
  std::uint64_t device_changes() const { return device_changes_; }
  // Counts staff.changed and permissions.changed: the staff list is out of date.
  std::uint64_t staff_changes() const { return staff_changes_; }
  // Counts punches at the pad and a manager's fixes: the timesheet is out of date.
  std::uint64_t clock_changes() const { return clock_changes_; }
  // Whether staff must clock in before opening a check (set_clock_rule).
  bool clock_in_required() const { return clock_in_required_; }
  void dismiss_alert(std::int64_t ticket_id, const std::string& station);
  // Alerts older than this are dropped (the kitchen has long since seen the ticket).
  void forget_alerts_before(EpochMs at);

 private:
  void put_check(CheckView view);
  void put_check(Json whole);  // keeps the JSON too, for the next event's change
  void changed() { ++version_; }
  // "stock" and "inventory" of a snapshot or a menu.changed, replacing what was held.
  void read_stock(const Json& j);

  bool synced_ = false;
  std::uint64_t changes_not_applied_ = 0;
  std::vector<std::int64_t> to_fetch_;
  std::uint64_t version_ = 0;
  std::string restaurant_;
  CurrencyFormat currency_;
  Menu menu_;
  std::int64_t menu_version_ = 0;
  Permissions permissions_ = Permissions::defaults();
  Floor floor_;
  Stock stock_;
  Inventory inventory_;
  std::vector<StaffMember> staff_;
  std::map<std::int64_t, CheckView> open_;
  std::map<std::int64_t, CheckView> finished_;  // closed or merged since start
  // Each check's JSON as the hub last described it: a check event carries only the lines
  // that changed (docs/protocol.md section 5), applied to this.
  std::map<std::int64_t, Json> check_json_;
  std::vector<StationAlert> alerts_;
  std::uint64_t device_changes_ = 0;
  std::uint64_t staff_changes_ = 0;
  std::uint64_t clock_changes_ = 0;
  bool clock_in_required_ = false;
  std::vector<PinLockout> lockouts_;
};

}  // namespace brigade::terminal
