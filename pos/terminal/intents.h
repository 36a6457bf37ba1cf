// What a person at the terminal asked for. Screens emit these from draw(); the terminal
// turns navigation into a change of screen and the rest, through the Controller, into
// hub commands (docs/protocol.md). Each carries exactly what its command needs.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/time_clock.h"
#include "brigade/protocol/commands.h"
#include "brigade/protocol/protocol.h"

namespace brigade::terminal {

using protocol::Json;

// --- Where the person goes ---------------------------------------------------------
struct ShowFloor {};
struct ShowCheck {  // order entry on an open check
  std::int64_t check_id = 0;
};
struct ShowPayment {
  std::int64_t check_id = 0;
};
struct ShowStock {};       // the 86 list and counts (managers; cooks)
struct ShowMenuEditor {};  // the menu: items, prices, routing, modifier groups (managers)
struct ShowDevices {};     // the paired terminals and screens (managers)
struct ShowInventory {};   // what is on hand by ingredient: receive, count, waste
struct ShowStaff {};       // the people and what each role may do (managers)
struct ShowTimesheet {};   // hours by person and day; one's own for everyone
struct ShowAudit {};       // who changed what, when (managers)
struct ShowDay {};         // the X report and closing the day (managers)

// --- Who is at the terminal --------------------------------------------------------
struct LogIn {
  std::string pin;
};
struct LogOut {
  bool idle = false;  // the terminal logged out on its own after the idle time
};

// --- Checks and lines --------------------------------------------------------------
struct OpenCheck {
  CheckRequest request;
};
struct AddLine {
  std::int64_t check_id = 0;
  LineRequest line;
  std::string description;  // "Classic burger, medium rare" for the pending list
};
struct ChangeLine {
  std::int64_t check_id = 0;
  std::int64_t line_id = 0;
  LineChange change;
};
struct RemoveLine {  // an unsent line: a free delete
  std::int64_t check_id = 0;
  std::int64_t line_id = 0;
};
struct SendOrder {  // everything new; courses in `hold` wait for a fire
  std::int64_t check_id = 0;
  std::set<Course> hold;
};
struct FireCourse {
  std::int64_t check_id = 0;
  Course course = Course::mains;
};
struct VoidLine {  // a sent line: needs a reason, often a manager
  std::int64_t check_id = 0;
  std::int64_t line_id = 0;
  std::optional<int> quantity;  // all of what is left when empty
  std::string reason;
  std::string approval_pin;
};
struct AddDiscount {  // amount or percent off, or a comp; on a line or the whole check
  std::int64_t check_id = 0;
  std::optional<std::int64_t> line_id;
  DiscountKind kind = DiscountKind::percent;
  Money amount;
  std::int64_t percent_bp = 0;
  std::string reason;
  std::string approval_pin;
};
struct MoveToTable {
  std::int64_t check_id = 0;
  std::string table_id;
};
struct MoveLines {  // a guest moves to the bar: their lines go to another check
  std::int64_t from_check_id = 0;
  std::int64_t to_check_id = 0;
  std::vector<std::int64_t> line_ids;
};
struct GiveToServer {  // a shift change: the check is someone else's now
  std::int64_t check_id = 0;
  std::string server_id;
};
struct MergeChecks {  // every line of `from` onto `into`
  std::int64_t into_check_id = 0;
  std::int64_t from_check_id = 0;
};

// --- Paying ------------------------------------------------------------------------
struct SplitCheck {
  std::int64_t check_id = 0;
  SplitPlan plan;
};
struct TakeCash {
  std::int64_t check_id = 0;
  int part = 0;  // 0: the whole check
  Money handed;  // what the guest gave; change comes back
};
struct ChargeCard {  // through the card processor; a pay command follows an approval
  std::int64_t check_id = 0;
  int part = 0;
  Money amount;
  Money tip;
};
struct DeclineNextCard {  // the simulated card reader's switch, for training and tests
  bool decline = true;
};
struct AddTip {
  std::int64_t check_id = 0;
  std::int64_t payment_id = 0;
  Money tip;
};
struct CloseCheck {
  std::int64_t check_id = 0;
};

// --- The 86 list -------------------------------------------------------------------
struct EightySix {
  std::string item_id;
  std::string approval_pin;
};
struct BackOn {
  std::string item_id;
  std::string approval_pin;
};
struct SetCount {  // "short rib: 12 left"; no count stops counting
  std::string item_id;
  std::optional<int> remaining;
  std::string approval_pin;
};

// --- The time clock (a PIN alone, from the login pad) --------------------------------
struct ClockPunch {
  std::string pin;
  PunchKind kind = PunchKind::in;
};

// --- Inventory by ingredient ------------------------------------------------------
struct ReceiveStock {  // a delivery came
  std::string ingredient_id;
  std::int64_t quantity = 0;
  std::string approval_pin;
};
struct CountStock {  // a physical count; no count stops counting
  std::string ingredient_id;
  std::optional<std::int64_t> on_hand;
  std::string approval_pin;
};
struct WasteStock {  // dropped, burnt, spoiled: with the reason
  std::string ingredient_id;
  std::int64_t quantity = 0;
  std::string reason;
  std::string approval_pin;
};

// --- The menu (docs/protocol.md, save_menu_entry) ------------------------------------
struct SaveMenuEntry {
  std::string kind;         // "item", "modifier_group", ...
  Json entry;               // as the restaurant file writes it
  std::string description;  // "Saving Eggs Benedict"
};

// --- Staff, the timesheet and the audit log (docs/protocol.md section 4) --------------
struct ListStaff {};  // everyone, inactive people too
struct SaveStaffMember {
  protocol::SaveStaff staff;  // a new PIN in `pin`, or "" to keep it
};
struct ChangeStaffPin {  // one's own, with the current PIN; or someone else's (a manager)
  protocol::ChangePin change;
};
struct SetRolePermission {
  protocol::SetPermission change;
};
struct ReadTimesheet {
  protocol::GetTimesheet ask;
};
struct FixStaffPunch {  // a manager's correction, with the reason
  protocol::FixPunch fix;
};
struct ChangeClockRule {  // whether staff clock in before opening checks
  bool required = false;
};
struct ReadAudit {
  protocol::ListAudit ask;
};
struct ReadDayReport {};  // the open day's X report (or the last day's, once closed)
struct CloseTheDay {      // the Z report: the day closes with the next Z number
  bool carry_over = false;
};
struct ListDayDrawers {};  // the open day's cash drawers, with what each should hold
struct CountTheDrawer {    // the count by denomination; the drawer closes
  protocol::CountDrawer count;
  std::string name;
};
struct ReorderMenuEntries {  // every id of one kind, in the new order
  protocol::ReorderMenu order;
  std::string description;
};

// --- The store's devices (docs/protocol.md section 10) ------------------------------
struct ListDevices {};
struct StartPairing {  // the hub answers with a one-time code for the new device
  std::string name;
  std::string role;                   // terminal, kitchen or console
  std::vector<std::string> stations;  // a kitchen screen's; "expo" for the pass
};
struct RevokeDevice {  // cut off at once
  std::string device_id;
};

// --- Warnings ----------------------------------------------------------------------
struct DismissAlert {
  std::int64_t ticket_id = 0;
  std::string station;
};
struct DismissLockouts {};  // the manager has seen the wrong-PIN warnings

using Intent = std::variant<
    ShowFloor, ShowCheck, ShowPayment, ShowStock, ShowDevices, LogIn, LogOut, OpenCheck, AddLine,
    ChangeLine, RemoveLine, SendOrder, FireCourse, VoidLine, AddDiscount, MoveToTable, MoveLines,
    GiveToServer, MergeChecks, SplitCheck, TakeCash, ChargeCard, DeclineNextCard, AddTip,
    CloseCheck, EightySix, BackOn, SetCount, ListDevices, StartPairing, RevokeDevice, DismissAlert,
    DismissLockouts, ShowMenuEditor, SaveMenuEntry, ShowInventory, ReceiveStock, CountStock,
    WasteStock, ClockPunch, ShowStaff, ShowTimesheet, ShowAudit, ListStaff, SaveStaffMember,
    ChangeStaffPin, SetRolePermission, ReadTimesheet, FixStaffPunch, ChangeClockRule, ReadAudit,
    ReorderMenuEntries, ShowDay, ReadDayReport, CloseTheDay, ListDayDrawers, CountTheDrawer>;
using Intents = std::vector<Intent>;

// For std::visit over intents with one lambda per kind.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// Navigation stays in the terminal; everything else goes to the Controller.
inline bool is_navigation(const Intent& intent) {
  return std::holds_alternative<ShowFloor>(intent) || std::holds_alternative<ShowCheck>(intent) ||
         std::holds_alternative<ShowPayment>(intent) || std::holds_alternative<ShowStock>(intent) ||
         std::holds_alternative<ShowDevices>(intent) ||
         std::holds_alternative<ShowMenuEditor>(intent) ||
         std::holds_alternative<ShowInventory>(intent) ||
         std::holds_alternative<ShowStaff>(intent) ||
         std::holds_alternative<ShowTimesheet>(intent) ||
         std::holds_alternative<ShowAudit>(intent) || std::holds_alternative<ShowDay>(intent);
}

}  // namespace brigade::terminal
