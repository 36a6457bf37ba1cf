// A check: everything one party orders, from open to close. The functions here are
// the rules of the front of house; they change a Check in memory and say no with a
// clear Error. Ids (check, line, discount, payment) are handed in by the caller (the
// store allocates them) so that the domain stays free of I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/clock.h"
#include "brigade/domain/floor.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/money.h"
#include "brigade/domain/result.h"
#include "brigade/domain/staff.h"

namespace brigade {

enum class Channel { dine_in, bar_tab, takeout, delivery, online };
std::string_view to_string(Channel channel);
std::optional<Channel> channel_from_string(std::string_view text);

// new -> sent, or new -> held -> fired; then ready -> served. Any sent state -> voided.
enum class LineState { new_, held, sent, fired, ready, served, voided };
std::string_view to_string(LineState state);
std::optional<LineState> line_state_from_string(std::string_view text);
// The kitchen has seen it (sent, fired, ready or served): changes are voids.
bool with_kitchen(LineState state);

struct SelectedModifier {
  std::string group_id;
  std::string modifier_id;
  std::string name;
  Money price;  // per unit of the line, as priced when ordered

  bool operator==(const SelectedModifier&) const = default;
};

struct Line {
  std::int64_t id = 0;
  std::string item_id;
  std::string name;  // as on the menu when ordered
  int quantity = 1;
  int voided_quantity = 0;  // part of quantity voided after send; all of it -> state voided
  int seat = 0;             // 0 = for the table (shared)
  Course course = Course::mains;
  Money unit_price;  // item price when ordered, before modifiers
  std::string tax_class_id;
  std::vector<std::string> station_ids;
  std::vector<SelectedModifier> modifiers;
  std::string note;  // "no onion, allergy: sesame"
  LineState state = LineState::new_;
  std::string void_reason;
  std::string voided_by;
  EpochMs ordered_at = 0;
  EpochMs sent_at = 0;
  int voided_made = 0;  // of voided_quantity, what the kitchen had made: waste, not stock

  int live_quantity() const { return quantity - voided_quantity; }
  // Price of one unit with its modifiers.
  Money unit_total() const;
  // Price of the live quantity with modifiers, before discounts.
  Money gross() const { return unit_total() * live_quantity(); }

  bool operator==(const Line&) const = default;
};

// What a terminal asks for when it adds a line.
struct LineRequest {
  std::string item_id;
  int quantity = 1;
  int seat = 0;
  std::optional<Course> course;  // default: the item's course
  std::vector<std::string> modifier_ids;
  std::string note;
};

constexpr int kMaxLineQuantity = 999;
constexpr int kMaxSeat = 99;
constexpr std::size_t kMaxNoteLength = 500;

// Builds a priced line from the menu, refusing: quantity outside 1..999, seat outside
// 0..99, an unknown item, a modifier the item does not offer, too many choices in a
// group, a forced group unanswered, an 86'd item or too few portions left.
// With `at` (the hub always gives it): refused outside the item's day parts, priced at the
// day part's price. A retired item is refused either way.
Result<Line> build_line(const Menu& menu, const Stock& stock, const LineRequest& request,
                        std::optional<LocalTime> at = std::nullopt);

enum class DiscountKind { amount, percent, comp };
std::string_view to_string(DiscountKind kind);
std::optional<DiscountKind> discount_kind_from_string(std::string_view text);

// Money off an item (line_id set) or the whole check. A comp gives the whole line or
// check away and is reported apart from discounts.
struct Discount {
  std::int64_t id = 0;
  std::optional<std::int64_t> line_id;
  DiscountKind kind = DiscountKind::amount;
  Money amount;                   // kind == amount
  std::int64_t basis_points = 0;  // kind == percent: 1000 = 10%
  std::string reason;
  std::string approved_by;  // staff id of whoever allowed it
  EpochMs at = 0;

  bool operator==(const Discount&) const = default;
};

enum class Tender { cash, card, gift_card, house_account };
std::string_view to_string(Tender tender);
std::optional<Tender> tender_from_string(std::string_view text);

struct Payment {
  std::int64_t id = 0;
  int part = 0;  // split part it pays (1-based); 0 = the check as a whole
  Tender tender = Tender::cash;
  Money amount;    // applied to the check
  Money tendered;  // handed over (cash); equals amount for other tenders
  Money change;    // tendered - amount, cash only
  Money tip;
  std::string reference;  // card approval code, gift card number, ...
  std::string taken_by;
  EpochMs at = 0;

  bool operator==(const Payment&) const = default;
};

struct PaymentRequest {
  Tender tender = Tender::cash;
  Money amount;  // for cash: what the guest handed over; otherwise what to charge
  Money tip;
  int part = 0;
  std::string reference;
};

enum class SplitKind { none, by_seat, by_item, even };
std::string_view to_string(SplitKind kind);
std::optional<SplitKind> split_kind_from_string(std::string_view text);

// How a check is to be paid in parts. The check keeps its lines; each payment names
// the part it pays. by_item: every priced line is assigned to one or more parts (a
// line shared by several parts is divided evenly among them).
struct SplitPlan {
  SplitKind kind = SplitKind::none;
  int parts = 0;
  std::map<std::int64_t, std::vector<int>> assignments;  // by_item: line id -> parts (1-based)

  bool operator==(const SplitPlan&) const = default;
};
constexpr int kMaxSplitParts = 50;

enum class CheckStatus { open, closed, merged };
std::string_view to_string(CheckStatus status);
std::optional<CheckStatus> check_status_from_string(std::string_view text);

struct Check {
  std::int64_t id = 0;
  std::int64_t number = 0;  // what people call it: "check 1042"
  Channel channel = Channel::dine_in;
  std::string table_id;       // dine-in
  std::string tab_name;       // bar tab
  std::string customer_name;  // takeout, delivery, online
  std::string customer_phone;
  EpochMs promised_at = 0;  // takeout/delivery: when the guest expects it; 0 = none
  int guests = 0;
  std::string server_id;
  CheckStatus status = CheckStatus::open;
  EpochMs opened_at = 0;
  EpochMs closed_at = 0;
  std::int64_t merged_into = 0;  // status merged: the check that took the lines
  std::vector<Line> lines;
  std::vector<Discount> discounts;
  std::vector<Payment> payments;
  SplitPlan split;

  Line* find_line(std::int64_t line_id);
  const Line* find_line(std::int64_t line_id) const;
  bool is_open() const { return status == CheckStatus::open; }
  // The label the kitchen and the floor use: "Table 12", "Tab: Dana", "Pickup: Lee".
  std::string label() const;

  bool operator==(const Check&) const = default;
};

// What a terminal says when it opens a check.
struct CheckRequest {
  Channel channel = Channel::dine_in;
  std::string table_id;
  std::string tab_name;
  std::string customer_name;
  std::string customer_phone;
  EpochMs promised_at = 0;
  int guests = 0;
};

// Dine-in needs a table and 1..99 guests; a bar tab a name; takeout, delivery and
// online a customer name (delivery also a phone). Unknown tables are the caller's check.
Status validate_check_request(const CheckRequest& request);
Check open_check(std::int64_t id, std::int64_t number, const CheckRequest& request,
                 std::string server_id, EpochMs now);

// Voids, comps, discounts, refunds and cash paid in or out say why: a reason that is not
// blank, else reason_required ("a void needs a reason").
Status require_reason(const std::string& reason, std::string_view what);

// --- Lines before send ---------------------------------------------------------------
Status add_line(Check& check, Line line);

struct LineChange {
  std::optional<int> quantity;
  std::optional<int> seat;
  std::optional<Course> course;
  std::optional<std::string> note;
};
// Only lines not yet sent (new or held) change freely.
Status change_line(Check& check, std::int64_t line_id, const LineChange& change);
// Removes an unsent line; returns it so its portions can be given back.
Result<Line> remove_line(Check& check, std::int64_t line_id);

// --- Send, hold, fire ------------------------------------------------------------------
struct SendResult {
  std::vector<std::int64_t> sent;  // now with the kitchen
  std::vector<std::int64_t> held;  // waiting for a fire
};
// Sends every new line; lines of a course in `hold` become held instead.
Result<SendResult> send_lines(Check& check, const std::set<Course>& hold, EpochMs now);
// Fires every held line of the course; returns their ids.
Result<std::vector<std::int64_t>> fire_course(Check& check, Course course, EpochMs now);
// Kitchen progress: sent/fired -> ready -> served. Voided lines are left alone.
Status mark_ready(Check& check, std::int64_t line_id);
Status mark_served(Check& check, std::int64_t line_id);

// --- After send ------------------------------------------------------------------------
// Voids `quantity` of a sent line (all of what is left when nullopt), with a reason;
// `made`: the kitchen had made it (reported apart from voids that were never cooked).
Status void_line(Check& check, std::int64_t line_id, std::optional<int> quantity,
                 std::string reason, std::string by, bool made = true);
// Adds a discount or comp (id set by the caller). A line discount names a live line.
Status add_discount(Check& check, Discount discount);

// --- Paying ----------------------------------------------------------------------------
// Sets how the check will be paid. Refused once any payment is on a part.
Status set_split(Check& check, SplitPlan plan);
// Records a payment against the check or one split part. Cash may exceed what is due
// (change is given); other tenders may not. Tax classes price the check.
Result<Payment> take_payment(Check& check, const std::vector<TaxClass>& tax_classes,
                             const PaymentRequest& request, std::int64_t payment_id,
                             std::string taken_by, EpochMs now);
// Adds a tip to an earlier payment (tips after the card slip is signed).
Status add_tip(Check& check, std::int64_t payment_id, Money tip);
// Closes a fully paid check whose lines were all sent.
Status close_check(Check& check, const std::vector<TaxClass>& tax_classes, EpochMs now);

// --- Moving lines ----------------------------------------------------------------------
// Moves lines (with their line discounts) to another open check. Refused when the
// source has taken payments.
Status move_lines(Check& from, Check& to, const std::vector<std::int64_t>& line_ids);
// Moves every line of `from` into `into`; `from` is marked merged.
Status merge_checks(Check& into, Check& from, EpochMs now);

// Transfers. To another table: only a dine-in check sits at a table, and the table must
// be on the floor plan. To another server: someone active whose role takes orders
// (`server` is who `server_id` names, or nullptr for nobody).
Status move_to_table(Check& check, const Floor& floor, const std::string& table_id);
// The new server must be active and of a role that takes orders in this store.
Status give_to_server(Check& check, const std::string& server_id, const StaffMember* server,
                      const Permissions& permissions = Permissions::defaults());

}  // namespace brigade
