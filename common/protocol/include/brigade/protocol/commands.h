// Typed commands: each command's "args" as a struct (docs/protocol.md, section 4). A client
// writes one with to_json (and its `kind` is the command type); the hub reads one with
// read(ArgReader&, …), which keeps the strict reader's checks, its order and its exact
// error texts. One struct per command, used by both sides.
//
// [SECTION] sessions and reads: login, snapshot, events_since, get_check (hello, logout,
//           get_menu and list_checks take no args)
// [SECTION] front of house: open_check, add_line, change_line, remove_line, send, fire,
//           void_line, discount, pay, add_tip, split, close_check, move_lines, merge, transfer
// [SECTION] the 86 list and inventory: eighty_six, un_eighty_six, set_stock, receive_stock,
//           count_stock, waste_stock
// [SECTION] the back office: save_menu_entry, remove_menu_entry, reorder_menu, import_menu,
//           list_audit
// [SECTION] kitchen: ack_ticket, bump, serve, recall, item_bump, rush
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/drawer.h"
#include "brigade/domain/staff.h"
#include "brigade/domain/time_clock.h"
#include "brigade/protocol/args.h"
#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

// [SECTION] sessions and reads

struct Login {
  static constexpr std::string_view kind = command::login;
  std::string pin{};
  bool operator==(const Login&) const = default;
};

// The state of the store for the topics asked (prefixes: "ticket." is every station).
struct Snapshot {
  static constexpr std::string_view kind = command::snapshot;
  std::vector<std::string> topics{};
  bool operator==(const Snapshot&) const = default;
};

// The events after `after` on the topics asked, a page at a time.
struct EventsSince {
  static constexpr std::string_view kind = command::events_since;
  std::int64_t after = 0;
  std::vector<std::string> topics{};
  std::optional<int> limit{};  // 500 when left out
  bool operator==(const EventsSince&) const = default;
};

struct GetCheck {
  static constexpr std::string_view kind = command::get_check;
  std::int64_t check_id = 0;
  bool operator==(const GetCheck&) const = default;
};

Json to_json(const Login& c);
Json to_json(const Snapshot& c);
Json to_json(const EventsSince& c);
Json to_json(const GetCheck& c);
void read(ArgReader& args, Login& c);
void read(ArgReader& args, Snapshot& c);
void read(ArgReader& args, EventsSince& c);
void read(ArgReader& args, GetCheck& c);

// [SECTION] front of house. Fields a client may leave out are optional here too, so what
// the hub reads is exactly what the client wrote.

// A table, a tab, or a takeout/delivery/online order.
struct OpenCheck {
  static constexpr std::string_view kind = command::open_check;
  Channel channel = Channel::dine_in;
  std::optional<std::string> table_id{}, tab_name{}, customer_name{}, customer_phone{};
  std::optional<EpochMs> promised_at{};
  std::optional<int> guests{};
  bool operator==(const OpenCheck&) const = default;
};

struct AddLine {
  static constexpr std::string_view kind = command::add_line;
  std::int64_t check_id = 0;
  std::string item_id{};
  std::optional<int> quantity{};   // 1 when left out
  std::optional<int> seat{};       // 0 (the table) when left out
  std::optional<Course> course{};  // the item's own course when left out
  std::optional<std::vector<std::string>> modifiers{};
  std::optional<std::string> note{};
  bool operator==(const AddLine&) const = default;
};

// Sends everything new to the kitchen, holding the courses in `hold`.
struct Send {
  static constexpr std::string_view kind = command::send;
  std::int64_t check_id = 0;
  std::optional<std::vector<Course>> hold{};
  bool operator==(const Send&) const = default;
};

// Fires a held course.
struct Fire {
  static constexpr std::string_view kind = command::fire;
  std::int64_t check_id = 0;
  Course course = Course::mains;
  bool operator==(const Fire&) const = default;
};

// Voids a sent line, or part of it.
struct VoidLine {
  static constexpr std::string_view kind = command::void_line;
  std::int64_t check_id = 0;
  std::int64_t line_id = 0;
  std::optional<int> quantity{};  // all of it when left out
  std::string reason{};
  std::optional<bool> made{};  // false: never cooked, its ingredients go back to stock
  bool operator==(const VoidLine&) const = default;
};

struct Pay {
  static constexpr std::string_view kind = command::pay;
  std::int64_t check_id = 0;
  Tender tender = Tender::cash;
  Money amount{};  // cash: what the guest handed over; otherwise what to charge
  std::optional<Money> tip{};
  std::optional<int> part{};
  std::optional<std::string> reference{};
  bool operator==(const Pay&) const = default;
};

// Changes an unsent line: only what is given changes.
struct ChangeLine {
  static constexpr std::string_view kind = command::change_line;
  std::int64_t check_id = 0;
  std::int64_t line_id = 0;
  std::optional<int> quantity{};
  std::optional<int> seat{};
  std::optional<Course> course{};
  std::optional<std::string> note{};
  bool operator==(const ChangeLine&) const = default;
};

struct RemoveLine {
  static constexpr std::string_view kind = command::remove_line;
  std::int64_t check_id = 0;
  std::int64_t line_id = 0;
  bool operator==(const RemoveLine&) const = default;
};

// An amount or a percent off, or a comp; on a line or the whole check.
struct GiveDiscount {
  static constexpr std::string_view kind = command::discount;
  std::int64_t check_id = 0;
  std::optional<std::int64_t> line_id{};
  DiscountKind discount = DiscountKind::amount;
  std::optional<Money> amount{};             // needed for an amount
  std::optional<std::int64_t> percent_bp{};  // needed for a percent: 1000 = 10%
  std::string reason{};
  bool operator==(const GiveDiscount&) const = default;
};

struct AddTip {
  static constexpr std::string_view kind = command::add_tip;
  std::int64_t check_id = 0;
  std::int64_t payment_id = 0;
  Money tip{};
  bool operator==(const AddTip&) const = default;
};

// How the check is to be paid in parts. Parts of by_item assignments are clamped to
// -1..1000 as they are read; the domain then refuses what is out of range.
struct SplitCheck {
  static constexpr std::string_view kind = command::split;
  std::int64_t check_id = 0;
  SplitKind split = SplitKind::none;
  std::optional<int> parts{};
  std::optional<std::map<std::int64_t, std::vector<int>>> assignments{};
  bool operator==(const SplitCheck&) const = default;
};

struct MoveLines {
  static constexpr std::string_view kind = command::move_lines;
  std::int64_t from_check_id = 0;
  std::int64_t to_check_id = 0;
  std::vector<std::int64_t> line_ids{};
  bool operator==(const MoveLines&) const = default;
};

struct MergeChecks {
  static constexpr std::string_view kind = command::merge;
  std::int64_t into_check_id = 0;
  std::int64_t from_check_id = 0;
  bool operator==(const MergeChecks&) const = default;
};

// To another table, to another server, or both: at least one.
struct TransferCheck {
  static constexpr std::string_view kind = command::transfer;
  std::int64_t check_id = 0;
  std::optional<std::string> table_id{};
  std::optional<std::string> server_id{};
  bool operator==(const TransferCheck&) const = default;
};

struct CloseCheck {
  static constexpr std::string_view kind = command::close_check;
  std::int64_t check_id = 0;
  bool operator==(const CloseCheck&) const = default;
};

Json to_json(const OpenCheck& c);
Json to_json(const AddLine& c);
Json to_json(const Send& c);
Json to_json(const Fire& c);
Json to_json(const VoidLine& c);
Json to_json(const Pay& c);
Json to_json(const CloseCheck& c);
Json to_json(const ChangeLine& c);
Json to_json(const RemoveLine& c);
Json to_json(const GiveDiscount& c);
Json to_json(const AddTip& c);
Json to_json(const SplitCheck& c);
Json to_json(const MoveLines& c);
Json to_json(const MergeChecks& c);
Json to_json(const TransferCheck& c);

void read(ArgReader& args, OpenCheck& c);
void read(ArgReader& args, AddLine& c);
void read(ArgReader& args, Send& c);
void read(ArgReader& args, Fire& c);
void read(ArgReader& args, VoidLine& c);
void read(ArgReader& args, Pay& c);
void read(ArgReader& args, CloseCheck& c);
void read(ArgReader& args, ChangeLine& c);
void read(ArgReader& args, RemoveLine& c);
void read(ArgReader& args, GiveDiscount& c);
void read(ArgReader& args, AddTip& c);
void read(ArgReader& args, SplitCheck& c);
void read(ArgReader& args, MoveLines& c);
void read(ArgReader& args, MergeChecks& c);
void read(ArgReader& args, TransferCheck& c);

// [SECTION] the 86 list

struct EightySix {
  static constexpr std::string_view kind = command::eighty_six;
  std::string item_id{};
  bool operator==(const EightySix&) const = default;
};

struct BackOn {
  static constexpr std::string_view kind = command::un_eighty_six;
  std::string item_id{};
  bool operator==(const BackOn&) const = default;
};

// "short rib: 12 left"; no count (null on the wire) stops counting.
struct SetStock {
  static constexpr std::string_view kind = command::set_stock;
  std::string item_id{};
  std::optional<int> remaining{};
  bool operator==(const SetStock&) const = default;
};

// A delivery came: on hand goes up by `quantity` (an ingredient not counted yet starts
// being counted at it).
struct ReceiveStock {
  static constexpr std::string_view kind = command::receive_stock;
  std::string ingredient_id{};
  std::int64_t quantity = 0;
  std::optional<std::string> note{};  // "Sysco invoice 4471"
  bool operator==(const ReceiveStock&) const = default;
};

// A physical count: on hand becomes `on_hand` (null stops counting); the variance is
// recorded.
struct CountStock {
  static constexpr std::string_view kind = command::count_stock;
  std::string ingredient_id{};
  std::optional<std::int64_t> on_hand{};
  std::optional<std::string> note{};
  bool operator==(const CountStock&) const = default;
};

// Dropped, spoiled, burnt: on hand goes down by `quantity`, with the reason.
struct WasteStock {
  static constexpr std::string_view kind = command::waste_stock;
  std::string ingredient_id{};
  std::int64_t quantity = 0;
  std::string reason{};
  bool operator==(const WasteStock&) const = default;
};

Json to_json(const EightySix& c);
Json to_json(const BackOn& c);
Json to_json(const SetStock& c);
Json to_json(const ReceiveStock& c);
Json to_json(const CountStock& c);
Json to_json(const WasteStock& c);
void read(ArgReader& args, EightySix& c);
void read(ArgReader& args, BackOn& c);
void read(ArgReader& args, SetStock& c);
void read(ArgReader& args, ReceiveStock& c);
void read(ArgReader& args, CountStock& c);
void read(ArgReader& args, WasteStock& c);

// [SECTION] the back office

// The kinds of menu entry, as the restaurant file's menu lists them.
inline constexpr std::string_view kMenuKinds[] = {
    "tax_class", "station", "day_part", "ingredient", "category", "modifier_group", "item"};
// Its list in the restaurant file's "menu": "items" for "item".
std::string menu_list_of(std::string_view kind);

// Adds an entry, or replaces the one with its id: the entry as the restaurant file writes
// it (docs/restaurant-format.md). Retiring an item is saving it with "retired": true.
struct SaveMenuEntry {
  static constexpr std::string_view kind = command::save_menu_entry;
  std::string entry_kind{};  // "kind" on the wire: one of kMenuKinds
  Json entry = Json::object();
  bool operator==(const SaveMenuEntry&) const = default;
};

// Removes an entry nothing else uses; an item is retired instead (kept for old checks).
struct RemoveMenuEntry {
  static constexpr std::string_view kind = command::remove_menu_entry;
  std::string entry_kind{};
  std::string id{};
  bool operator==(const RemoveMenuEntry&) const = default;
};

// The entries of one kind in their new order: every id of that kind, once.
struct ReorderMenu {
  static constexpr std::string_view kind = command::reorder_menu;
  std::string entry_kind{};
  std::vector<std::string> ids{};
  bool operator==(const ReorderMenu&) const = default;
};

// The whole menu as the restaurant file's "menu" object: applied whole or not at all.
struct ImportMenu {
  static constexpr std::string_view kind = command::import_menu;
  Json menu = Json::object();
  bool operator==(const ImportMenu&) const = default;
};

// A page of the audit log, oldest first.
struct ListAudit {
  static constexpr std::string_view kind = command::list_audit;
  std::optional<std::int64_t> since{};  // ms since 1970, inclusive
  std::optional<std::int64_t> until{};  // exclusive
  std::optional<std::int64_t> after_id{};
  std::optional<std::string> action{};  // "menu" is every "menu.*" action
  std::optional<std::string> staff_id{};
  std::optional<int> limit{};  // 200 when left out, at most 1000
  bool operator==(const ListAudit&) const = default;
};

// Grants a role a permission, or takes it away (docs/protocol.md, set_permission).
struct SetPermission {
  static constexpr std::string_view kind = command::set_permission;
  Role role = Role::server;
  Permission permission = Permission::take_orders;
  bool allowed = false;
  bool operator==(const SetPermission&) const = default;
};

// Adds a staff member or changes one (name, role, active); a new one needs a PIN.
struct SaveStaff {
  static constexpr std::string_view kind = command::save_staff;
  std::string id{};
  std::string name{};
  Role role = Role::server;
  bool active = true;
  std::string pin{};  // empty: unchanged (required for someone new)
  bool operator==(const SaveStaff&) const = default;
};

// A new PIN: the holder (with the current one) or whoever manages staff.
struct ChangePin {
  static constexpr std::string_view kind = command::change_pin;
  std::string staff_id{};
  std::string pin{};
  std::string current_pin{};  // the holder's own PIN, when the holder changes it
  bool operator==(const ChangePin&) const = default;
};

// A punch from the PIN pad: the PIN says who (like login; no session needed).
struct Clock {
  static constexpr std::string_view kind = command::clock;
  std::string pin{};
  PunchKind action = PunchKind::in;
  bool operator==(const Clock&) const = default;
};

// A manager corrects the time clock, with the reason: changes a punch's time, adds one
// that was missed (no punch_id), or removes one.
struct FixPunch {
  static constexpr std::string_view kind = command::fix_punch;
  std::string staff_id{};
  std::optional<std::int64_t> punch_id{};
  std::optional<PunchKind> punch{};  // "kind" on the wire: needed when adding
  std::optional<EpochMs> at{};       // needed unless removing
  bool remove = false;
  std::string reason{};
  bool operator==(const FixPunch&) const = default;
};

// Hours by person and day, for shifts clocked in from `since` until before `until`.
struct GetTimesheet {
  static constexpr std::string_view kind = command::timesheet;
  std::optional<std::string> staff_id{};
  EpochMs since = 0;
  EpochMs until = 0;
  bool operator==(const GetTimesheet&) const = default;
};

// Whether everyone but a manager must be clocked in to take orders.
struct SetClockRule {
  static constexpr std::string_view kind = command::set_clock_rule;
  bool required = false;
  bool operator==(const SetClockRule&) const = default;
};

// The business day (docs/protocol.md, "The business day").
struct OpenDay {
  static constexpr std::string_view kind = command::open_day;
  bool operator==(const OpenDay&) const = default;
};
// Closes the open day with the next Z number; open checks go to the next day when
// `carry_over`, else the day stays open.
struct CloseDay {
  static constexpr std::string_view kind = command::close_day;
  bool carry_over = false;
  bool operator==(const CloseDay&) const = default;
};

// The open day and the last ten, with their check counts.
struct DayStatus {
  static constexpr std::string_view kind = command::day_status;
  bool operator==(const DayStatus&) const = default;
};

// The figures of a day so far (default: the open day, else the last closed), changing
// nothing.
struct XReport {
  static constexpr std::string_view kind = command::x_report;
  std::optional<std::int64_t> day{};
  bool operator==(const XReport&) const = default;
};

// The Z report a closed day was closed with, as it was made (default: the last).
struct ZReport {
  static constexpr std::string_view kind = command::z_report;
  std::optional<std::int64_t> day{};
  bool operator==(const ZReport&) const = default;
};

// Money back on a closed check: the lines asked (line id -> quantity), or all that is left
// when `lines` is left out; to the tenders that paid it. `reference`: the card reader's
// approval when a card is paid back.
struct RefundCheck {
  static constexpr std::string_view kind = command::refund;
  std::int64_t check_id = 0;
  std::optional<std::map<std::int64_t, int>> lines{};
  std::string reason{};
  std::optional<std::string> reference{};
  bool operator==(const RefundCheck&) const = default;
};

// Opens this terminal's cash drawer with its float ("Terminal 1" unless named).
struct OpenDrawer {
  static constexpr std::string_view kind = command::open_drawer;
  Money opening_float{};
  std::optional<std::string> name{};
  bool operator==(const OpenDrawer&) const = default;
};

// Cash in or out of this terminal's drawer by hand: paid_in, paid_out (with the reason),
// tip_payout (to staff_id) or no_sale (no amount).
struct DrawerCash {
  static constexpr std::string_view kind = command::drawer_cash;
  DrawerMoveKind move = DrawerMoveKind::no_sale;
  Money amount{};
  std::string reason{};
  std::optional<std::string> staff_id{};
  bool operator==(const DrawerCash&) const = default;
};

// The count at the close: denomination in cents -> pieces.
struct CountDrawer {
  static constexpr std::string_view kind = command::count_drawer;
  std::int64_t drawer_id = 0;
  std::map<std::int64_t, std::int64_t> denominations{};
  bool operator==(const CountDrawer&) const = default;
};

// A day's drawers (default: the open day) with what each should hold.
struct ListDrawers {
  static constexpr std::string_view kind = command::list_drawers;
  std::optional<std::int64_t> day{};
  bool operator==(const ListDrawers&) const = default;
};

Json to_json(const OpenDrawer& c);
Json to_json(const DrawerCash& c);
Json to_json(const CountDrawer& c);
Json to_json(const ListDrawers& c);
void read(ArgReader& args, OpenDrawer& c);
void read(ArgReader& args, DrawerCash& c);
void read(ArgReader& args, CountDrawer& c);
void read(ArgReader& args, ListDrawers& c);
Json to_json(const XReport& c);
Json to_json(const ZReport& c);
Json to_json(const RefundCheck& c);
void read(ArgReader& args, XReport& c);
void read(ArgReader& args, ZReport& c);
void read(ArgReader& args, RefundCheck& c);
Json to_json(const OpenDay& c);
Json to_json(const DayStatus& c);
void read(ArgReader& args, DayStatus& c);
Json to_json(const CloseDay& c);
void read(ArgReader& args, OpenDay& c);
void read(ArgReader& args, CloseDay& c);
Json to_json(const Clock& c);
Json to_json(const FixPunch& c);
Json to_json(const GetTimesheet& c);
Json to_json(const SetClockRule& c);
void read(ArgReader& args, Clock& c);
void read(ArgReader& args, FixPunch& c);
void read(ArgReader& args, GetTimesheet& c);
void read(ArgReader& args, SetClockRule& c);

Json to_json(const SaveStaff& c);
Json to_json(const ChangePin& c);
void read(ArgReader& args, SaveStaff& c);
void read(ArgReader& args, ChangePin& c);
Json to_json(const SetPermission& c);
void read(ArgReader& args, SetPermission& c);
Json to_json(const SaveMenuEntry& c);
Json to_json(const RemoveMenuEntry& c);
Json to_json(const ReorderMenu& c);
Json to_json(const ImportMenu& c);
Json to_json(const ListAudit& c);
void read(ArgReader& args, SaveMenuEntry& c);
void read(ArgReader& args, RemoveMenuEntry& c);
void read(ArgReader& args, ReorderMenu& c);
void read(ArgReader& args, ImportMenu& c);
void read(ArgReader& args, ListAudit& c);

// [SECTION] kitchen

// A station's screen has shown the ticket.
struct AckTicket {
  static constexpr std::string_view kind = command::ack_ticket;
  std::int64_t ticket_id = 0;
  std::string station{};
  bool operator==(const AckTicket&) const = default;
};

// A station has finished its part of the ticket.
struct Bump {
  static constexpr std::string_view kind = command::bump;
  std::int64_t ticket_id = 0;
  std::string station{};
  bool operator==(const Bump&) const = default;
};

// Expo sends the plates.
struct Serve {
  static constexpr std::string_view kind = command::serve;
  std::int64_t ticket_id = 0;
  bool operator==(const Serve&) const = default;
};

// Back onto a station's screen (with a station), or back from served at expo (without).
struct Recall {
  static constexpr std::string_view kind = command::recall;
  std::int64_t ticket_id = 0;
  std::optional<std::string> station{};
  bool operator==(const Recall&) const = default;
};

// One line done (or not done again) at a station.
struct ItemBump {
  static constexpr std::string_view kind = command::item_bump;
  std::int64_t ticket_id = 0;
  std::int64_t line_id = 0;
  std::string station{};
  bool done = true;
  bool operator==(const ItemBump&) const = default;
};

// Marks a ticket rush (or not).
struct Rush {
  static constexpr std::string_view kind = command::rush;
  std::int64_t ticket_id = 0;
  bool rush = true;
  bool operator==(const Rush&) const = default;
};

Json to_json(const AckTicket& c);
Json to_json(const Bump& c);
Json to_json(const Serve& c);
Json to_json(const Recall& c);
Json to_json(const ItemBump& c);
Json to_json(const Rush& c);

// Each reads every field and refuses others; the reader holds the first problem.
void read(ArgReader& args, AckTicket& c);
void read(ArgReader& args, Bump& c);
void read(ArgReader& args, Serve& c);
void read(ArgReader& args, Recall& c);
void read(ArgReader& args, ItemBump& c);
void read(ArgReader& args, Rush& c);

// [SECTION] devices (section 10)

struct StartPairing {
  static constexpr std::string_view kind = command::start_pairing;
  std::string name;                   // "Grill screen"
  std::string role;                   // terminal, kitchen or console
  std::vector<std::string> stations;  // kitchen: its stations, or ["expo"]
  bool operator==(const StartPairing&) const = default;
};

struct Pair {
  static constexpr std::string_view kind = command::pair;
  std::string public_key;  // the new device's CURVE public key (Z85)
  std::string proof;       // security::device_pairing_proof(code, public_key)
  bool operator==(const Pair&) const = default;
};

struct RevokeDevice {
  static constexpr std::string_view kind = command::revoke_device;
  std::string device_id;
  bool operator==(const RevokeDevice&) const = default;
};

Json to_json(const StartPairing& c);
Json to_json(const Pair& c);
Json to_json(const RevokeDevice& c);
void read(ArgReader& args, StartPairing& c);
void read(ArgReader& args, Pair& c);
void read(ArgReader& args, RevokeDevice& c);

}  // namespace brigade::protocol
