// Every shape of the protocol in both directions, one mapping each (docs/protocol.md,
// section 7): the hub writes them with to_json, terminals, kitchen screens and posctl read
// them back with read_*. Money is integer cents; times are epoch ms (null when not set);
// enums are their to_string() names. Reading is lenient (a client shows what the hub sent,
// and skips what it cannot read); the hub's reading of commands is strict (args.h).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string_view>

#include "brigade/domain/business_day.h"
#include "brigade/domain/check.h"
#include "brigade/domain/drawer.h"
#include "brigade/domain/floor.h"
#include "brigade/domain/inventory.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/pricing.h"
#include "brigade/domain/refund.h"
#include "brigade/domain/report.h"
#include "brigade/domain/staff.h"
#include "brigade/domain/ticket.h"
#include "brigade/domain/time_clock.h"
#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

// [SECTION] menu, 86 list, floor plan, staff, currency

Json to_json(const Menu& menu);
// {"server": ["take_orders", ...], ...}: every role, with what it may do.
Json to_json(const Permissions& permissions);
Permissions read_permissions(const Json& j);
Menu read_menu(const Json& menu);

Json to_json(const Stock& stock);
Json to_json(const std::string& item_id, const StockLevel& level);
// {"item_id":…, "eighty_sixed":…, "remaining":…}; the id goes to `item_id`.
StockLevel read_stock_level(const Json& level, std::string& item_id);
// An ingredient's count: {ingredient_id, name, unit, on_hand (null: not counted), low_at,
// low}; the menu's ingredients in order; reading one into an inventory.
Json to_json(const Ingredient& ingredient, const Inventory& inventory);
Json inventory_json(const Menu& menu, const Inventory& inventory);
void read_ingredient_level(const Json& level, Inventory& inventory);

Json to_json(const Floor& floor);
Floor read_floor(const Json& floor);

Json to_json(const StaffMember& staff);
StaffMember read_staff(const Json& staff);
// The time clock: {id, staff_id, kind, at, device, fixed_by, reason}; a timesheet day
// {staff_id, date, worked_ms, break_ms, open, punches}.
Json to_json(const Punch& punch);
Punch read_punch(const Json& punch);
Json to_json(const TimesheetDay& day);
TimesheetDay read_timesheet_day(const Json& day);
// The business day: {id, opened_at, opened_by, closed_at, closed_by, z_number}, the last
// three null while the day is open.
Json to_json(const BusinessDay& day);

// The day's figures (report_codec.cpp): every money field in cents, breakdowns as lists of
// {key, label, count, amount}; read leniently for clients.
Json to_json(const DayReport& report);
DayReport read_report(const Json& report);
// A refund: {id, check_id, check_number, server_id, day, amount, reason, approved_by, by,
// at, lines: [{line_id, item_id, name, tax_class_id, quantity, net, tax}], tenders:
// [{payment_id, tender, amount, reference}]}.
Json to_json(const Refund& refund);
// A cash drawer with its figures: {id, day, device_id, name, float, opened_by, opened_at,
// cash_in, cash_out, no_sales, expected, counted, over_short, denominations, counted_by,
// counted_at, closed_at} (the count's fields null until counted, closed_at while open); a
// move made by hand: {id, drawer_id, kind, amount, reason, staff_id, by, at}.
Json to_json(const Drawer& drawer, const DrawerRow& figures);
Json to_json(const DrawerMove& move);

Json to_json(const CurrencyFormat& currency);
CurrencyFormat read_currency(const Json& currency);

// [SECTION] checks

// A check as the hub describes it: the check, its label and the hub's totals (and the
// split's parts), so that no client prices on its own.
struct CheckView {
  Check check;
  std::string label;              // "Table 12", "Tab: Dana", "Pickup: Lee"
  CheckTotals totals;             // subtotal, discounts, comps, tax, total, paid, tips, balance
  std::vector<PartTotals> parts;  // the split's parts, when the check is split

  bool operator==(const CheckView&) const = default;
};
CheckView view_of(const Check& check, const std::vector<TaxClass>& tax_classes);

// What an event on topic `check` carries (docs/protocol.md section 5): `check`, the check
// without `lines` but with `line_ids` (every line's id, in order), and `lines`, whole,
// only for the lines that changed.
struct CheckChange {
  Json check;
  Json lines;
};
CheckChange change_of(const CheckView& view, const std::set<std::int64_t>& changed_line_ids);
// The whole check after a change, from the copy before it (null: none) and the change's
// `check` and `lines`. Empty when a line it lists is in neither: that copy is not whole
// (get the check again).
std::optional<Json> apply_change(const Json* before, const Json& check, const Json& lines);

Json to_json(const Line& line);
Json to_json(const CheckView& check);
Json to_json(const Check& check, const std::vector<TaxClass>& tax_classes);  // of view_of
CheckView read_check(const Json& check);

// [SECTION] kitchen tickets

// A ticket as a kitchen screen shows it: the hub's ticket with its lines' words read from
// the check (name, modifiers, note), so a screen needs nothing else.
struct TicketView {
  // One cooking station's progress on the ticket (expo is never one of them).
  struct Station {
    std::string station;
    EpochMs acknowledged_at = 0;  // 0: no screen of the station has shown it yet
    EpochMs bumped_at = 0;        // 0: the station is still cooking it
    bool operator==(const Station&) const = default;
  };
  struct Line {
    std::int64_t id = 0;
    std::string name;
    int quantity = 1;
    int voided_quantity = 0;  // part of the quantity voided after the send
    int seat = 0;             // 0: for the table
    std::optional<Course> course;
    std::vector<std::string> modifiers;  // their names
    std::string note;
    std::vector<std::string> stations;  // where it is cooked
    LineState state = LineState::sent;  // the line's state on its check
    std::string void_reason;
    std::vector<std::string> done_at;  // stations that marked this line done (item bump)

    bool voided() const { return state == LineState::voided; }
    // Some, not all, of it voided: the kitchen sees "2 -> 1".
    bool quantity_changed() const { return !voided() && voided_quantity > 0; }
    int live_quantity() const { return quantity - voided_quantity; }
    bool goes_to(std::string_view station) const;
    bool done_at_station(std::string_view station) const;
    bool operator==(const Line&) const = default;
  };

  std::int64_t id = 0;
  std::int64_t check_id = 0;
  std::int64_t check_number = 0;
  std::string label;  // "Table 12", "Tab: Maria", "Pickup: Ana"
  Channel channel = Channel::dine_in;
  std::string server;  // the server's name
  int guests = 0;
  EpochMs promised_at = 0;  // takeout and delivery
  TicketStatus status = TicketStatus::open;
  std::optional<Course> course;  // the first course on it (held: the course it waits for)
  bool addition = false;         // the check was sent before: everything on it is new
  bool rush = false;
  EpochMs created_at = 0;
  EpochMs fired_at = 0;  // 0 while held
  EpochMs served_at = 0;
  std::vector<Station> stations;
  std::vector<Line> lines;

  // When cooking started, by the hub's clock: the timer counts from here. Never a
  // screen's own clock, so that a screen that restarts shows the original time.
  EpochMs arrived_at() const { return fired_at != 0 ? fired_at : created_at; }
  const Station* station(std::string_view id) const;
  const Line* line(std::int64_t line_id) const;
  bool operator==(const TicketView&) const = default;
};

// What the hub knows around a ticket: its check, the server's name, and its lines even if
// they have since moved to another check.
struct TicketContext {
  const Check& check;
  std::string_view server_name;
  std::function<const brigade::Line*(std::int64_t)> find_line;
};
TicketView view_of(const Ticket& ticket, const TicketContext& context);

Json to_json(const TicketView& ticket);
Json to_json(const Ticket& ticket, const TicketContext& context);  // of view_of
// Empty if it is not a ticket (no id): a malformed event never breaks a screen.
std::optional<TicketView> read_ticket(const Json& ticket);

// What the kitchen changes on a ticket (acknowledge, bump, item bump, serve, rush): the
// ticket's own state, without its check's words or its lines. The events of those
// commands carry this, not the whole ticket: a screen applies it to the ticket it has.
struct TicketProgress {
  std::int64_t id = 0;
  std::int64_t check_id = 0;
  TicketStatus status = TicketStatus::open;
  bool rush = false;
  EpochMs fired_at = 0;
  EpochMs served_at = 0;
  std::vector<TicketView::Station> stations;
  std::vector<std::pair<std::int64_t, std::string>> done;  // (line id, station) item bumps
  // When the command moved the ticket's lines on their check (ready, served): each line's
  // state now. Empty when their states did not change.
  std::vector<std::pair<std::int64_t, LineState>> lines;
  bool operator==(const TicketProgress&) const = default;
};
// `check`: the ticket's check when the command moved its lines (their states go along).
TicketProgress progress_of(const Ticket& ticket, const Check* check = nullptr);
Json to_json(const TicketProgress& progress);
// Empty if it is not a ticket's progress (no id).
std::optional<TicketProgress> read_progress(const Json& progress);
// The ticket after the change: its status, rush, times and stations, each line's
// done_at and (when carried) state, from the progress; everything else as it was.
void apply(TicketView& ticket, const TicketProgress& progress);

}  // namespace brigade::protocol
