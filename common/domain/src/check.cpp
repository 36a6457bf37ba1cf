// The rules of a check, from open to close. Each function validates everything
// first and only then changes the check, so a refused call leaves it untouched.
#include "brigade/domain/check.h"

#include <algorithm>
#include <array>

#include "brigade/domain/pricing.h"
#include "brigade/domain/text.h"

namespace brigade {

// [SECTION] names of enums, as stored and sent on the wire

namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "unknown";
}

template <class E, std::size_t N>
std::optional<E> parse_name(const std::array<std::pair<E, std::string_view>, N>& names,
                            std::string_view text) {
  for (const auto& [v, name] : names)
    if (name == text) return v;
  return std::nullopt;
}

constexpr std::array<std::pair<Channel, std::string_view>, 5> kChannels{{
    {Channel::dine_in, "dine_in"},
    {Channel::bar_tab, "bar_tab"},
    {Channel::takeout, "takeout"},
    {Channel::delivery, "delivery"},
    {Channel::online, "online"},
}};
constexpr std::array<std::pair<LineState, std::string_view>, 7> kLineStates{{
    {LineState::new_, "new"},
    {LineState::held, "held"},
    {LineState::sent, "sent"},
    {LineState::fired, "fired"},
    {LineState::ready, "ready"},
    {LineState::served, "served"},
    {LineState::voided, "voided"},
}};
constexpr std::array<std::pair<DiscountKind, std::string_view>, 3> kDiscountKinds{{
    {DiscountKind::amount, "amount"},
    {DiscountKind::percent, "percent"},
    {DiscountKind::comp, "comp"},
}};
constexpr std::array<std::pair<Tender, std::string_view>, 4> kTenders{{
    {Tender::cash, "cash"},
    {Tender::card, "card"},
    {Tender::gift_card, "gift_card"},
    {Tender::house_account, "house_account"},
}};
constexpr std::array<std::pair<SplitKind, std::string_view>, 4> kSplitKinds{{
    {SplitKind::none, "none"},
    {SplitKind::by_seat, "by_seat"},
    {SplitKind::by_item, "by_item"},
    {SplitKind::even, "even"},
}};
constexpr std::array<std::pair<CheckStatus, std::string_view>, 3> kCheckStatuses{{
    {CheckStatus::open, "open"},
    {CheckStatus::closed, "closed"},
    {CheckStatus::merged, "merged"},
}};

}  // namespace

std::string_view to_string(Channel v) {
  return name_of(kChannels, v);
}
std::optional<Channel> channel_from_string(std::string_view t) {
  return parse_name(kChannels, t);
}
std::string_view to_string(LineState v) {
  return name_of(kLineStates, v);
}
std::optional<LineState> line_state_from_string(std::string_view t) {
  return parse_name(kLineStates, t);
}
std::string_view to_string(DiscountKind v) {
  return name_of(kDiscountKinds, v);
}
std::optional<DiscountKind> discount_kind_from_string(std::string_view t) {
  return parse_name(kDiscountKinds, t);
}
std::string_view to_string(Tender v) {
  return name_of(kTenders, v);
}
std::optional<Tender> tender_from_string(std::string_view t) {
  return parse_name(kTenders, t);
}
std::string_view to_string(SplitKind v) {
  return name_of(kSplitKinds, v);
}
std::optional<SplitKind> split_kind_from_string(std::string_view t) {
  return parse_name(kSplitKinds, t);
}
std::string_view to_string(CheckStatus v) {
  return name_of(kCheckStatuses, v);
}
std::optional<CheckStatus> check_status_from_string(std::string_view t) {
  return parse_name(kCheckStatuses, t);
}

bool with_kitchen(LineState state) {
  return state == LineState::sent || state == LineState::fired || state == LineState::ready ||
         state == LineState::served;
}

// [SECTION] lines and checks

namespace {

Status require_open(const Check& check) {
  if (check.status == CheckStatus::closed)
    return fail(Errc::check_closed, "check " + std::to_string(check.number) +
                                        " is closed; reopen it or start a new check");
  if (check.status == CheckStatus::merged)
    return fail(Errc::check_closed, "check " + std::to_string(check.number) +
                                        " was merged into another check; use that one");
  return success();
}

Error line_not_found(const Check& check, std::int64_t line_id) {
  return fail(Errc::line_not_found, "line " + std::to_string(line_id) + " is not on check " +
                                        std::to_string(check.number));
}

Status validate_quantity(int quantity) {
  if (quantity < 1 || quantity > kMaxLineQuantity)
    return fail(Errc::invalid_quantity, "quantity must be between 1 and " +
                                            std::to_string(kMaxLineQuantity) + ", not " +
                                            std::to_string(quantity));
  return success();
}

Status validate_seat(int seat) {
  if (seat < 0 || seat > kMaxSeat)
    return fail(Errc::invalid_argument, "seat must be between 0 (the table) and " +
                                            std::to_string(kMaxSeat) + ", not " +
                                            std::to_string(seat));
  return success();
}

Status validate_note(const std::string& note) {
  if (characters(note) > kMaxNoteLength)
    return fail(Errc::invalid_argument,
                "a note may be at most " + std::to_string(kMaxNoteLength) + " characters");
  return success();
}

}  // namespace

Status require_reason(const std::string& reason, std::string_view what) {
  if (is_blank(reason)) return fail(Errc::reason_required, std::string(what) + " needs a reason");
  return success();
}

Line* Check::find_line(std::int64_t line_id) {
  auto it =
      std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.id == line_id; });
  return it == lines.end() ? nullptr : &*it;
}

const Line* Check::find_line(std::int64_t line_id) const {
  return const_cast<Check*>(this)->find_line(line_id);
}

std::string Check::label() const {
  switch (channel) {
    case Channel::dine_in:
      return "Table " + table_id;
    case Channel::bar_tab:
      return "Tab: " + tab_name;
    case Channel::takeout:
      return "Pickup: " + customer_name;
    case Channel::delivery:
      return "Delivery: " + customer_name;
    case Channel::online:
      return "Online: " + customer_name;
  }
  return "Check " + std::to_string(number);
}

Result<Line> build_line(const Menu& menu, const Stock& stock, const LineRequest& request,
                        std::optional<LocalTime> at) {
  if (auto s = validate_quantity(request.quantity); !s) return s.error();
  if (auto s = validate_seat(request.seat); !s) return s.error();
  if (auto s = validate_note(request.note); !s) return s.error();
  const MenuItem* item = menu.find_item(request.item_id);
  if (!item) return fail(Errc::unknown_item, "'" + request.item_id + "' is not on the menu");
  if (item->retired) return fail(Errc::not_on_sale, item->name + " is no longer on the menu");
  if (at)
    if (auto s = check_on_sale(menu, *item, *at); !s) return s.error();

  // Each choice must come from one of this item's groups, and each group's limits hold.
  std::map<std::string, int, std::less<>> chosen_per_group;
  std::vector<SelectedModifier> modifiers;
  for (const auto& modifier_id : request.modifier_ids) {
    const ModifierGroup* group = menu.group_offering(*item, modifier_id);
    if (!group) {
      bool exists = std::any_of(menu.modifier_groups.begin(), menu.modifier_groups.end(),
                                [&](const ModifierGroup& g) { return g.find(modifier_id); });
      if (!exists)
        return fail(Errc::unknown_modifier, "'" + modifier_id + "' is not a modifier on the menu");
      return fail(Errc::modifier_not_for_item,
                  "'" + modifier_id + "' is not offered with " + item->name);
    }
    const Modifier* modifier = group->find(modifier_id);
    if (++chosen_per_group[group->id] > group->max_select)
      return fail(Errc::too_many_modifiers, group->name + " for " + item->name +
                                                " allows at most " +
                                                std::to_string(group->max_select) + " choice" +
                                                (group->max_select == 1 ? "" : "s"));
    modifiers.push_back({group->id, modifier->id, modifier->name, modifier->price});
  }
  if (auto unanswered = unanswered_groups(menu, *item, request.modifier_ids); !unanswered.empty()) {
    const ModifierGroup* group = unanswered.front();
    return fail(Errc::forced_modifier_missing,
                item->name + " needs a choice of " + group->name +
                    (group->min_select > 1 ? " (" + std::to_string(group->min_select) + ")" : ""));
  }
  if (auto s = check_available(stock, *item, request.quantity); !s) return s.error();

  Line line;
  line.item_id = item->id;
  line.name = item->name;
  line.quantity = request.quantity;
  line.seat = request.seat;
  line.course = request.course.value_or(item->course);
  line.unit_price = at ? price_at(menu, *item, *at) : item->price;
  line.tax_class_id = item->tax_class_id;
  line.station_ids = item->station_ids;
  line.modifiers = std::move(modifiers);
  line.note = request.note;
  return line;
}

Status validate_check_request(const CheckRequest& r) {
  auto blank = [](const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' '; });
  };
  if (r.guests < 0 || r.guests > 99)
    return fail(Errc::invalid_argument, "guest count must be between 0 and 99");
  switch (r.channel) {
    case Channel::dine_in:
      if (blank(r.table_id)) return fail(Errc::invalid_argument, "a dine-in check needs a table");
      if (r.guests < 1) return fail(Errc::invalid_argument, "a dine-in check needs a guest count");
      break;
    case Channel::bar_tab:
      if (blank(r.tab_name)) return fail(Errc::invalid_argument, "a bar tab needs a name");
      break;
    case Channel::delivery:
      if (blank(r.customer_phone))
        return fail(Errc::invalid_argument, "a delivery order needs the customer's phone");
      [[fallthrough]];
    case Channel::takeout:
    case Channel::online:
      if (blank(r.customer_name))
        return fail(Errc::invalid_argument,
                    "a " + std::string(to_string(r.channel)) + " order needs the customer's name");
      if (r.promised_at < 0) return fail(Errc::invalid_argument, "promised time is before 1970");
      break;
  }
  return success();
}

Check open_check(std::int64_t id, std::int64_t number, const CheckRequest& request,
                 std::string server_id, EpochMs now) {
  Check check;
  check.id = id;
  check.number = number;
  check.channel = request.channel;
  check.table_id = request.table_id;
  check.tab_name = request.tab_name;
  check.customer_name = request.customer_name;
  check.customer_phone = request.customer_phone;
  check.promised_at = request.promised_at;
  check.guests = request.guests;
  check.server_id = std::move(server_id);
  check.opened_at = now;
  return check;
}

// [SECTION] before send

Status add_line(Check& check, Line line) {
  if (auto s = require_open(check); !s) return s;
  if (auto s = validate_quantity(line.quantity); !s) return s;
  if (check.find_line(line.id))
    return fail(Errc::invalid_argument,
                "line " + std::to_string(line.id) + " is already on the check");
  line.state = LineState::new_;
  line.voided_quantity = 0;
  check.lines.push_back(std::move(line));
  return success();
}

namespace {
Result<Line*> unsent_line(Check& check, std::int64_t line_id, std::string_view action) {
  if (auto s = require_open(check); !s) return s.error();
  Line* line = check.find_line(line_id);
  if (!line) return line_not_found(check, line_id);
  if (line->state == LineState::voided) return fail(Errc::line_voided, line->name + " is voided");
  if (with_kitchen(line->state))
    return fail(
        Errc::line_already_sent,
        line->name + " is already with the kitchen: void it instead of " + std::string(action));
  return line;
}
}  // namespace

Status change_line(Check& check, std::int64_t line_id, const LineChange& change) {
  auto found = unsent_line(check, line_id, "changing it");
  if (!found) return found.error();
  if (change.quantity)
    if (auto s = validate_quantity(*change.quantity); !s) return s;
  if (change.seat)
    if (auto s = validate_seat(*change.seat); !s) return s;
  if (change.note)
    if (auto s = validate_note(*change.note); !s) return s;
  Line& line = *found.value();
  if (change.course && line.state == LineState::held && *change.course != line.course)
    return fail(Errc::line_already_sent,
                line.name + " is held with its course; fire or void it instead of moving it");
  if (change.quantity) line.quantity = *change.quantity;
  if (change.seat) line.seat = *change.seat;
  if (change.course) line.course = *change.course;
  if (change.note) line.note = *change.note;
  return success();
}

Result<Line> remove_line(Check& check, std::int64_t line_id) {
  auto found = unsent_line(check, line_id, "removing it");
  if (!found) return found.error();
  if (found.value()->state == LineState::held)
    return fail(Errc::line_already_sent,
                found.value()->name + " was sent on hold; the kitchen has it: void it instead");
  Line removed = *found.value();
  std::erase_if(check.lines, [&](const Line& l) { return l.id == line_id; });
  // A discount on a removed line has nothing left to take off.
  std::erase_if(check.discounts, [&](const Discount& d) { return d.line_id == line_id; });
  if (check.split.kind == SplitKind::by_item) check.split.assignments.erase(line_id);
  return removed;
}

// [SECTION] send, hold, fire

Result<SendResult> send_lines(Check& check, const std::set<Course>& hold, EpochMs now) {
  if (auto s = require_open(check); !s) return s.error();
  SendResult result;
  for (Line& line : check.lines) {
    if (line.state != LineState::new_) continue;
    line.sent_at = now;
    if (hold.count(line.course)) {
      line.state = LineState::held;
      result.held.push_back(line.id);
    } else {
      line.state = LineState::sent;
      result.sent.push_back(line.id);
    }
  }
  if (result.sent.empty() && result.held.empty())
    return fail(Errc::nothing_to_send,
                "there are no new lines to send on check " + std::to_string(check.number));
  return result;
}

Result<std::vector<std::int64_t>> fire_course(Check& check, Course course, EpochMs now) {
  if (auto s = require_open(check); !s) return s.error();
  std::vector<std::int64_t> fired;
  for (Line& line : check.lines) {
    if (line.state != LineState::held || line.course != course) continue;
    line.state = LineState::fired;
    line.sent_at = now;  // the kitchen's clock for this line starts at the fire
    fired.push_back(line.id);
  }
  if (fired.empty())
    return fail(Errc::nothing_held, "no " + std::string(to_string(course)) +
                                        " are on hold on check " + std::to_string(check.number));
  return fired;
}

namespace {
Status advance(Check& check, std::int64_t line_id, LineState to) {
  Line* line = check.find_line(line_id);
  if (!line) return line_not_found(check, line_id);
  if (line->state == LineState::voided) return fail(Errc::line_voided, line->name + " is voided");
  bool ok = to == LineState::ready
                ? (line->state == LineState::sent || line->state == LineState::fired)
                : (line->state == LineState::sent || line->state == LineState::fired ||
                   line->state == LineState::ready);
  if (line->state == to) return success();  // a repeated bump changes nothing
  if (!ok)
    return fail(Errc::line_not_sent, line->name + " is " + std::string(to_string(line->state)) +
                                         ", not with the kitchen");
  line->state = to;
  return success();
}
}  // namespace

Status mark_ready(Check& check, std::int64_t line_id) {
  return advance(check, line_id, LineState::ready);
}
Status mark_served(Check& check, std::int64_t line_id) {
  return advance(check, line_id, LineState::served);
}

// [SECTION] after send

Status void_line(Check& check, std::int64_t line_id, std::optional<int> quantity,
                 std::string reason, std::string by, bool made) {
  if (auto s = require_open(check); !s) return s;
  Line* line = check.find_line(line_id);
  if (!line) return line_not_found(check, line_id);
  if (line->state == LineState::voided)
    return fail(Errc::line_voided, line->name + " is already voided");
  if (line->state == LineState::new_)
    return fail(Errc::line_not_sent, line->name + " was never sent: remove it instead of voiding");
  if (auto s = require_reason(reason, "a void"); !s) return s;
  int live = line->live_quantity();
  int amount = quantity.value_or(live);
  if (amount < 1 || amount > live)
    return fail(Errc::invalid_quantity, "can void 1 to " + std::to_string(live) + " of " +
                                            line->name + ", not " + std::to_string(amount));
  line->voided_quantity += amount;
  if (made) line->voided_made += amount;
  line->void_reason = std::move(reason);
  line->voided_by = std::move(by);
  if (line->live_quantity() == 0) line->state = LineState::voided;
  return success();
}

Status add_discount(Check& check, Discount discount) {
  if (auto s = require_open(check); !s) return s;
  const char* what = discount.kind == DiscountKind::comp ? "a comp" : "a discount";
  if (auto s = require_reason(discount.reason, what); !s) return s;
  if (discount.line_id) {
    const Line* line = check.find_line(*discount.line_id);
    if (!line) return line_not_found(check, *discount.line_id);
    if (line->state == LineState::voided)
      return fail(Errc::line_voided, line->name + " is voided: there is nothing to discount");
  }
  switch (discount.kind) {
    case DiscountKind::amount:
      if (discount.amount <= Money::zero())
        return fail(Errc::invalid_discount, "a discount amount must be above zero");
      discount.basis_points = 0;
      break;
    case DiscountKind::percent:
      if (discount.basis_points <= 0 || discount.basis_points > kBasisPointsPerWhole)
        return fail(Errc::invalid_discount, "a percent discount must be above 0% and at most 100%");
      discount.amount = Money::zero();
      break;
    case DiscountKind::comp:
      discount.amount = Money::zero();
      discount.basis_points = kBasisPointsPerWhole;
      break;
  }
  check.discounts.push_back(std::move(discount));
  return success();
}

// [SECTION] paying

Status set_split(Check& check, SplitPlan plan) {
  if (auto s = require_open(check); !s) return s;
  // Money already taken belongs to no part: a split after it could never balance.
  if (!check.payments.empty())
    return fail(
        Errc::has_payments,
        "this check has taken payments already; a split must come before the first payment");
  if (plan.kind == SplitKind::none) {
    check.split = SplitPlan{};
    return success();
  }
  if (plan.kind == SplitKind::by_seat) {
    plan.parts = 0;  // derived from the seats in use
    plan.assignments.clear();
  } else if (plan.parts < 2 || plan.parts > kMaxSplitParts) {
    return fail(Errc::invalid_split,
                "a split needs 2 to " + std::to_string(kMaxSplitParts) + " parts");
  }
  if (plan.kind == SplitKind::even) plan.assignments.clear();
  if (plan.kind == SplitKind::by_item) {
    for (const auto& [line_id, parts] : plan.assignments) {
      if (!check.find_line(line_id)) return line_not_found(check, line_id);
      if (parts.empty())
        return fail(Errc::invalid_split, "line " + std::to_string(line_id) + " is in no part");
      for (int p : parts)
        if (p < 1 || p > plan.parts)
          return fail(Errc::invalid_split, "line " + std::to_string(line_id) + " names part " +
                                               std::to_string(p) + " of " +
                                               std::to_string(plan.parts));
    }
  }
  SplitPlan previous = check.split;
  check.split = std::move(plan);
  // The pricing side knows whether every line is covered; ask it before keeping the plan.
  if (auto parts = price_split(check, {}); !parts) {
    check.split = std::move(previous);
    return parts.error();
  }
  return success();
}

Result<Payment> take_payment(Check& check, const std::vector<TaxClass>& tax_classes,
                             const PaymentRequest& request, std::int64_t payment_id,
                             std::string taken_by, EpochMs now) {
  if (auto s = require_open(check); !s) return s.error();
  if (request.amount <= Money::zero())
    return fail(Errc::invalid_payment, "a payment must be above zero");
  if (request.tip.is_negative()) return fail(Errc::invalid_payment, "a tip can't be negative");

  Money due;
  std::string whose = "the check";
  if (request.part == 0 && check.split.kind != SplitKind::none)
    return fail(Errc::invalid_payment, "this check is split: say which part the payment is for");
  if (request.part == 0) {
    due = price_check(check, tax_classes).balance;
  } else {
    auto parts = price_split(check, tax_classes);
    if (!parts) return parts.error();
    auto it = std::find_if(parts->begin(), parts->end(),
                           [&](const PartTotals& p) { return p.part == request.part; });
    if (it == parts->end())
      return fail(Errc::invalid_payment, "the split has no part " + std::to_string(request.part));
    due = it->balance;
    whose = it->label;
  }
  if (due <= Money::zero()) return fail(Errc::nothing_due, "nothing is due on " + whose);

  Payment payment;
  payment.id = payment_id;
  payment.part = request.part;
  payment.tender = request.tender;
  payment.tip = request.tip;
  payment.reference = request.reference;
  payment.taken_by = std::move(taken_by);
  payment.at = now;
  if (request.tender == Tender::cash) {
    // Cash may be more than is due: the rest goes back as change.
    payment.tendered = request.amount;
    payment.amount = min(request.amount, due);
    payment.change = request.amount - payment.amount;
  } else {
    if (request.amount > due)
      return fail(Errc::payment_exceeds_balance, std::string(to_string(request.tender)) +
                                                     " payment of " + format_money(request.amount) +
                                                     " is more than the " + format_money(due) +
                                                     " due on " + whose);
    payment.amount = request.amount;
    payment.tendered = request.amount;
  }
  check.payments.push_back(payment);
  return payment;
}

Status add_tip(Check& check, std::int64_t payment_id, Money tip) {
  if (auto s = require_open(check); !s) return s;
  if (tip.is_negative()) return fail(Errc::invalid_payment, "a tip can't be negative");
  auto it = std::find_if(check.payments.begin(), check.payments.end(),
                         [&](const Payment& p) { return p.id == payment_id; });
  if (it == check.payments.end())
    return fail(Errc::not_found, "payment " + std::to_string(payment_id) + " is not on check " +
                                     std::to_string(check.number));
  it->tip = tip;
  return success();
}

Status close_check(Check& check, const std::vector<TaxClass>& tax_classes, EpochMs now) {
  if (auto s = require_open(check); !s) return s;
  long unsent = std::count_if(check.lines.begin(), check.lines.end(),
                              [](const Line& l) { return l.state == LineState::new_; });
  if (unsent > 0)
    return fail(Errc::unsent_lines, std::to_string(unsent) + " line" + (unsent == 1 ? "" : "s") +
                                        " never went to the kitchen: send or remove " +
                                        (unsent == 1 ? "it" : "them") + " first");
  CheckTotals totals = price_check(check, tax_classes);
  if (!totals.balance.is_zero())
    return fail(Errc::balance_due, format_money(totals.balance) + " is still due on check " +
                                       std::to_string(check.number));
  check.status = CheckStatus::closed;
  check.closed_at = now;
  return success();
}

// [SECTION] moving lines

Status move_lines(Check& from, Check& to, const std::vector<std::int64_t>& line_ids) {
  if (auto s = require_open(from); !s) return s;
  if (auto s = require_open(to); !s) return s;
  if (from.id == to.id) return fail(Errc::invalid_argument, "lines can't move to their own check");
  if (!from.payments.empty())
    return fail(Errc::has_payments, "check " + std::to_string(from.number) +
                                        " has taken payments; refund them before moving lines");
  if (line_ids.empty()) return fail(Errc::invalid_argument, "no lines to move");
  for (auto id : line_ids)
    if (!from.find_line(id)) return line_not_found(from, id);

  auto moving = [&](std::int64_t id) {
    return std::find(line_ids.begin(), line_ids.end(), id) != line_ids.end();
  };
  for (auto it = from.lines.begin(); it != from.lines.end();) {
    if (moving(it->id)) {
      to.lines.push_back(std::move(*it));
      it = from.lines.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = from.discounts.begin(); it != from.discounts.end();) {
    if (it->line_id && moving(*it->line_id)) {
      to.discounts.push_back(std::move(*it));
      it = from.discounts.erase(it);
    } else {
      ++it;
    }
  }
  // A split names lines; after a move it no longer describes either check.
  from.split = SplitPlan{};
  if (to.payments.empty()) to.split = SplitPlan{};
  return success();
}

Status merge_checks(Check& into, Check& from, EpochMs now) {
  if (auto s = require_open(from); !s) return s;
  if (auto s = require_open(into); !s) return s;
  if (into.id == from.id) return fail(Errc::invalid_argument, "a check can't merge into itself");
  if (!from.payments.empty())
    return fail(Errc::has_payments, "check " + std::to_string(from.number) +
                                        " has taken payments; refund them before merging");
  // A percent or comp on a whole check would, after the merge, cover the other party's
  // lines too. An amount stays what it was, so only those may come along.
  for (const Discount& d : from.discounts)
    if (!d.line_id && d.kind != DiscountKind::amount)
      return fail(Errc::invalid_discount,
                  "check " + std::to_string(from.number) + " has a " +
                      (d.kind == DiscountKind::comp ? "comp" : "percent discount") +
                      " on the whole check: merge the other way, into check " +
                      std::to_string(from.number));
  std::vector<std::int64_t> ids;
  for (const Line& l : from.lines) ids.push_back(l.id);
  if (!ids.empty())
    if (auto s = move_lines(from, into, ids); !s) return s;
  // Amounts off the whole check come along: the party still pays what it did.
  for (Discount& d : from.discounts) into.discounts.push_back(std::move(d));
  from.discounts.clear();
  into.guests += from.guests;
  from.status = CheckStatus::merged;
  from.merged_into = into.id;
  from.closed_at = now;
  return success();
}

Status move_to_table(Check& check, const Floor& floor, const std::string& table_id) {
  if (check.channel != Channel::dine_in)
    return fail(Errc::invalid_argument, "only a dine-in check sits at a table");
  if (!floor.find_table(table_id))
    return fail(Errc::not_found, "there is no table '" + table_id + "' on the floor plan");
  check.table_id = table_id;
  return success();
}

Status give_to_server(Check& check, const std::string& server_id, const StaffMember* server,
                      const Permissions& permissions) {
  if (!server || !server->active || !permissions.allows(server->role, Permission::take_orders))
    return fail(Errc::not_found, "'" + server_id + "' is not someone who takes orders");
  check.server_id = server_id;
  return success();
}

}  // namespace brigade
