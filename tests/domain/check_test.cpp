#include "brigade/domain/check.h"

#include <gtest/gtest.h>

#include "brigade/domain/pricing.h"
#include "test_menu.h"

using namespace brigade;
using namespace brigade::testing;

namespace {

constexpr EpochMs kSevenThirty = 1'795'000'000'000;

class CheckRules : public ::testing::Test {
 protected:
  Menu menu = test_menu();
  Stock stock;
  Check check = open_check(1, 101, table_12(), "sam", kSevenThirty);
  std::int64_t next_line_id = 1;

  static CheckRequest table_12() {
    CheckRequest r;
    r.channel = Channel::dine_in;
    r.table_id = "12";
    r.guests = 4;
    return r;
  }

  // Builds and adds a line; returns its id.
  std::int64_t add(const LineRequest& request) {
    auto line = build_line(menu, stock, request);
    EXPECT_TRUE(line.ok()) << line.error().message;
    line.value().id = next_line_id++;
    EXPECT_TRUE(add_line(check, line.value()).ok());
    return line.value().id;
  }

  Money balance() { return price_check(check, menu.tax_classes).balance; }

  Discount discount(DiscountKind kind, std::optional<std::int64_t> line_id = std::nullopt) {
    Discount d;
    d.id = static_cast<std::int64_t>(check.discounts.size()) + 1;
    d.kind = kind;
    d.line_id = line_id;
    d.reason = "birthday";
    d.approved_by = "mia";
    return d;
  }

  Result<Payment> pay(Tender tender, std::int64_t cents, int part = 0, std::int64_t tip = 0) {
    PaymentRequest r;
    r.tender = tender;
    r.amount = usd(cents);
    r.tip = usd(tip);
    r.part = part;
    return take_payment(check, menu.tax_classes, r,
                        static_cast<std::int64_t>(check.payments.size()) + 1, "sam", kSevenThirty);
  }
};

}  // namespace

// --- Building lines from the menu ---

TEST_F(CheckRules, ABurgerWithoutItsTemperatureIsRefused) {
  LineRequest r = plain("burger");
  auto line = build_line(menu, stock, r);
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().code, Errc::forced_modifier_missing);
  EXPECT_EQ(line.error().message, "Classic Burger needs a choice of Temperature");
}

TEST_F(CheckRules, AModifierFromAnotherItemsGroupIsRefused) {
  LineRequest r = burger(1, {"aioli"});
  auto line = build_line(menu, stock, r);
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().code, Errc::modifier_not_for_item);
  EXPECT_EQ(line.error().message, "'aioli' is not offered with Classic Burger");
}

TEST_F(CheckRules, AnUnknownModifierIsRefused) {
  auto line = build_line(menu, stock, burger(1, {"truffle"}));
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().code, Errc::unknown_modifier);
  EXPECT_EQ(line.error().message, "'truffle' is not a modifier on the menu");
}

TEST_F(CheckRules, TwoTemperaturesOnOneBurgerAreRefused) {
  LineRequest r = burger();
  r.modifier_ids.push_back("rare");
  auto line = build_line(menu, stock, r);
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().code, Errc::too_many_modifiers);
  EXPECT_EQ(line.error().message, "Temperature for Classic Burger allows at most 1 choice");
}

TEST_F(CheckRules, AFourthAddOnIsRefused) {
  auto line = build_line(menu, stock, burger(1, {"bacon", "cheese", "avocado", "egg"}));
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().message, "Add-ons for Classic Burger allows at most 3 choices");
}

TEST_F(CheckRules, QuantityMustBePositiveAndSane) {
  for (int q : {0, -1, 1000}) {
    LineRequest r = plain("fries", 1, q);
    auto line = build_line(menu, stock, r);
    ASSERT_FALSE(line.ok()) << q;
    EXPECT_EQ(line.error().code, Errc::invalid_quantity);
  }
  EXPECT_EQ(build_line(menu, stock, plain("fries", 1, 0)).error().message,
            "quantity must be between 1 and 999, not 0");
}

TEST_F(CheckRules, AnUnknownItemOrSeatIsRefused) {
  EXPECT_EQ(build_line(menu, stock, plain("pizza")).error().code, Errc::unknown_item);
  EXPECT_EQ(build_line(menu, stock, plain("fries", -1)).error().code, Errc::invalid_argument);
  EXPECT_EQ(build_line(menu, stock, plain("fries", 100)).error().code, Errc::invalid_argument);
}

// Regression: the note limit counted bytes, so 500 accented letters (1000 bytes) were
// refused as "more than 500 characters".
TEST_F(CheckRules, ANoteIsCountedInCharactersNotBytes) {
  std::string accented;
  for (int i = 0; i < 500; ++i) accented += "é";
  LineRequest r = plain("fries");
  r.note = accented;
  EXPECT_TRUE(build_line(menu, stock, r).ok());
  r.note += "é";
  auto refused = build_line(menu, stock, r);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::invalid_argument);
  EXPECT_EQ(refused.error().message, "a note may be at most 500 characters");
}

TEST_F(CheckRules, An86dItemCannotBeOrdered) {
  stock["salmon"] = {true, std::nullopt};
  auto line = build_line(menu, stock, plain("salmon"));
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().code, Errc::item_86);
}

TEST_F(CheckRules, ALineKeepsThePricesItWasOrderedAt) {
  auto line = build_line(menu, stock, burger(2, {"bacon", "cheese"}));
  ASSERT_TRUE(line.ok());
  menu.items[0].price = usd(9999);  // a later menu edit does not reprice the line
  EXPECT_EQ(line->unit_price, usd(1450));
  EXPECT_EQ(line->unit_total(), usd(1450 + 150 + 100));
  EXPECT_EQ(line->seat, 2);
  EXPECT_EQ(line->course, Course::mains);
  EXPECT_EQ(line->station_ids, std::vector<std::string>{"grill"});
  ASSERT_EQ(line->modifiers.size(), 3u);
  EXPECT_EQ(line->modifiers[0].name, "Medium rare");
  EXPECT_EQ(line->modifiers[1].group_id, "add-ons");
}

// --- Opening checks ---

TEST(OpeningChecks, EachChannelNeedsWhatIdentifiesIt) {
  CheckRequest dine_in{Channel::dine_in, "", "", "", "", 0, 2};
  EXPECT_EQ(validate_check_request(dine_in).error().message, "a dine-in check needs a table");
  dine_in.table_id = "12";
  dine_in.guests = 0;
  EXPECT_EQ(validate_check_request(dine_in).error().message, "a dine-in check needs a guest count");
  dine_in.guests = 2;
  EXPECT_TRUE(validate_check_request(dine_in).ok());

  CheckRequest tab{Channel::bar_tab, "", " ", "", "", 0, 0};
  EXPECT_EQ(validate_check_request(tab).error().message, "a bar tab needs a name");
  tab.tab_name = "Dana";
  EXPECT_TRUE(validate_check_request(tab).ok());

  CheckRequest pickup{Channel::takeout, "", "", "", "", 0, 0};
  EXPECT_EQ(validate_check_request(pickup).error().message,
            "a takeout order needs the customer's name");
  CheckRequest delivery{Channel::delivery, "", "", "Lee", "", 0, 0};
  EXPECT_EQ(validate_check_request(delivery).error().message,
            "a delivery order needs the customer's phone");
}

TEST(OpeningChecks, TheLabelSaysWhoItIsFor) {
  CheckRequest r{Channel::takeout, "", "", "Lee", "555-0101", 0, 0};
  EXPECT_EQ(open_check(7, 107, r, "hana", 0).label(), "Pickup: Lee");
  r = {Channel::dine_in, "12", "", "", "", 0, 4};
  EXPECT_EQ(open_check(8, 108, r, "sam", 0).label(), "Table 12");
}

// --- Before send ---

TEST_F(CheckRules, UnsentLinesChangeAndDisappearFreely) {
  auto id = add(plain("fries"));
  ASSERT_TRUE(change_line(check, id, {3, 2, Course::apps, "extra crispy"}).ok());
  EXPECT_EQ(check.find_line(id)->quantity, 3);
  EXPECT_EQ(check.find_line(id)->seat, 2);
  EXPECT_EQ(check.find_line(id)->note, "extra crispy");
  EXPECT_EQ(change_line(check, id, {0, {}, {}, {}}).error().code, Errc::invalid_quantity);
  auto removed = remove_line(check, id);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed->quantity, 3);
  EXPECT_TRUE(check.lines.empty());
}

TEST_F(CheckRules, ASentLineCannotBeChangedOrRemovedOnlyVoided) {
  auto id = add(burger());
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  auto changed = change_line(check, id, {2, {}, {}, {}});
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, Errc::line_already_sent);
  EXPECT_EQ(changed.error().message,
            "Classic Burger is already with the kitchen: void it instead of changing it");
  EXPECT_EQ(remove_line(check, id).error().code, Errc::line_already_sent);
  EXPECT_EQ(check.find_line(id)->quantity, 1);
}

TEST_F(CheckRules, RemovingALineTakesItsDiscountWithIt) {
  auto id = add(plain("fries"));
  auto d = discount(DiscountKind::comp, id);
  ASSERT_TRUE(add_discount(check, d).ok());
  ASSERT_TRUE(remove_line(check, id).ok());
  EXPECT_TRUE(check.discounts.empty());
}

// --- Send, hold, fire ---

TEST_F(CheckRules, SendingHoldsTheHeldCoursesAndSendsTheRest) {
  auto drinks = add(plain("ipa"));
  auto apps = add(plain("fries"));
  auto mains = add(burger());
  auto sent = send_lines(check, {Course::mains}, kSevenThirty + 1000);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->sent, (std::vector<std::int64_t>{drinks, apps}));
  EXPECT_EQ(sent->held, (std::vector<std::int64_t>{mains}));
  EXPECT_EQ(check.find_line(drinks)->state, LineState::sent);
  EXPECT_EQ(check.find_line(mains)->state, LineState::held);
  EXPECT_EQ(check.find_line(apps)->sent_at, kSevenThirty + 1000);

  auto again = send_lines(check, {}, kSevenThirty + 2000);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Errc::nothing_to_send);

  EXPECT_EQ(fire_course(check, Course::dessert, kSevenThirty).error().code, Errc::nothing_held);
  auto fired = fire_course(check, Course::mains, kSevenThirty + 60'000);
  ASSERT_TRUE(fired.ok());
  EXPECT_EQ(fired.value(), std::vector<std::int64_t>{mains});
  EXPECT_EQ(check.find_line(mains)->state, LineState::fired);
  EXPECT_EQ(check.find_line(mains)->sent_at, kSevenThirty + 60'000);
}

TEST_F(CheckRules, AHeldLineCannotBeRemovedBecauseTheKitchenSawIt) {
  auto id = add(burger());
  ASSERT_TRUE(send_lines(check, {Course::mains}, kSevenThirty).ok());
  EXPECT_EQ(remove_line(check, id).error().code, Errc::line_already_sent);
}

TEST_F(CheckRules, KitchenProgressGoesReadyThenServed) {
  auto id = add(burger());
  EXPECT_EQ(mark_ready(check, id).error().code, Errc::line_not_sent);
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  ASSERT_TRUE(mark_ready(check, id).ok());
  EXPECT_EQ(check.find_line(id)->state, LineState::ready);
  EXPECT_TRUE(mark_ready(check, id).ok());  // a double bump is harmless
  ASSERT_TRUE(mark_served(check, id).ok());
  EXPECT_EQ(check.find_line(id)->state, LineState::served);
  EXPECT_EQ(mark_ready(check, id).error().code, Errc::line_not_sent);
}

// --- Voids, comps, discounts ---

TEST_F(CheckRules, AVoidNeedsASentLineAndAReason) {
  auto id = add(burger());
  EXPECT_EQ(void_line(check, id, std::nullopt, "changed mind", "mia").error().code,
            Errc::line_not_sent);
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  auto no_reason = void_line(check, id, std::nullopt, "  ", "mia");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, Errc::reason_required);
  EXPECT_EQ(no_reason.error().message, "a void needs a reason");
  ASSERT_TRUE(void_line(check, id, std::nullopt, "changed to salad", "mia").ok());
  const Line& line = *check.find_line(id);
  EXPECT_EQ(line.state, LineState::voided);
  EXPECT_EQ(line.void_reason, "changed to salad");
  EXPECT_EQ(line.voided_by, "mia");
  EXPECT_EQ(balance(), usd(0));
  EXPECT_EQ(void_line(check, id, std::nullopt, "again", "mia").error().code, Errc::line_voided);
}

TEST_F(CheckRules, APartialVoidKeepsTheRestOfTheLine) {
  auto id = add(plain("ipa", 1, 3));
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  EXPECT_EQ(void_line(check, id, 4, "spilled", "mia").error().code, Errc::invalid_quantity);
  ASSERT_TRUE(void_line(check, id, 1, "spilled", "mia").ok());
  const Line& line = *check.find_line(id);
  EXPECT_EQ(line.state, LineState::sent);
  EXPECT_EQ(line.quantity, 3);
  EXPECT_EQ(line.live_quantity(), 2);
  // 2 x 7.00 with 10% alcohol tax
  EXPECT_EQ(balance(), usd(1400 + 140));
}

TEST_F(CheckRules, DiscountsNeedAReasonAndASaneSize) {
  auto id = add(plain("fries"));
  Discount none = discount(DiscountKind::amount, id);
  none.amount = usd(0);
  EXPECT_EQ(add_discount(check, none).error().code, Errc::invalid_discount);
  Discount too_much = discount(DiscountKind::percent, id);
  too_much.basis_points = 10'001;
  EXPECT_EQ(add_discount(check, too_much).error().message,
            "a percent discount must be above 0% and at most 100%");
  Discount no_reason = discount(DiscountKind::comp, id);
  no_reason.reason = "";
  EXPECT_EQ(add_discount(check, no_reason).error().message, "a comp needs a reason");
  Discount elsewhere = discount(DiscountKind::comp, 99);
  EXPECT_EQ(add_discount(check, elsewhere).error().code, Errc::line_not_found);
  EXPECT_TRUE(check.discounts.empty());
}

TEST_F(CheckRules, ACompTakesTheLineToZeroAndIsCountedApart) {
  add(plain("ipa"));
  auto fries = add(plain("fries"));
  ASSERT_TRUE(add_discount(check, discount(DiscountKind::comp, fries)).ok());
  CheckTotals totals = price_check(check, menu.tax_classes);
  EXPECT_EQ(totals.comps, usd(500));
  EXPECT_EQ(totals.discounts, usd(0));
  EXPECT_EQ(totals.total, usd(700 + 70));
}

// --- Paying and closing ---

TEST_F(CheckRules, ACardCannotPayMoreThanIsDue) {
  add(burger());  // 14.50 + 8.875% = 15.79
  ASSERT_EQ(balance(), usd(1579));
  auto over = pay(Tender::card, 1580);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.error().code, Errc::payment_exceeds_balance);
  EXPECT_EQ(over.error().message,
            "card payment of $15.80 is more than the $15.79 due on the check");
  EXPECT_TRUE(check.payments.empty());
}

TEST_F(CheckRules, CashAboveTheBalanceGivesChange) {
  add(burger());
  auto paid = pay(Tender::cash, 2000);
  ASSERT_TRUE(paid.ok());
  EXPECT_EQ(paid->amount, usd(1579));
  EXPECT_EQ(paid->tendered, usd(2000));
  EXPECT_EQ(paid->change, usd(421));
  EXPECT_EQ(balance(), usd(0));
  EXPECT_EQ(pay(Tender::cash, 100).error().code, Errc::nothing_due);
}

TEST_F(CheckRules, PaymentsMustBePositiveAndTipsNotNegative) {
  add(burger());
  EXPECT_EQ(pay(Tender::card, 0).error().code, Errc::invalid_payment);
  EXPECT_EQ(pay(Tender::card, -5).error().code, Errc::invalid_payment);
  EXPECT_EQ(pay(Tender::card, 500, 0, -1).error().message, "a tip can't be negative");
}

TEST_F(CheckRules, SeveralTendersAndATipAddedLaterCloseTheCheck) {
  add(burger());
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  auto card = pay(Tender::card, 1000);
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(close_check(check, menu.tax_classes, kSevenThirty).error().message,
            "$5.79 is still due on check 101");
  ASSERT_TRUE(pay(Tender::cash, 579).ok());
  ASSERT_TRUE(add_tip(check, card->id, usd(300)).ok());
  EXPECT_EQ(price_check(check, menu.tax_classes).tips, usd(300));
  ASSERT_TRUE(close_check(check, menu.tax_classes, kSevenThirty + 5).ok());
  EXPECT_EQ(check.status, CheckStatus::closed);
  EXPECT_EQ(check.closed_at, kSevenThirty + 5);
}

TEST_F(CheckRules, ACheckWithUnsentLinesCannotClose) {
  add(plain("fries"));
  ASSERT_TRUE(pay(Tender::cash, 10000).ok());
  auto closed = close_check(check, menu.tax_classes, kSevenThirty);
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, Errc::unsent_lines);
  EXPECT_EQ(closed.error().message, "1 line never went to the kitchen: send or remove it first");
}

TEST_F(CheckRules, AClosedCheckCannotChange) {
  auto id = add(plain("ipa"));
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  ASSERT_TRUE(pay(Tender::card, 770).ok());
  ASSERT_TRUE(close_check(check, menu.tax_classes, kSevenThirty).ok());
  auto line = build_line(menu, stock, plain("fries"));
  line.value().id = 50;
  auto added = add_line(check, line.value());
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.error().code, Errc::check_closed);
  EXPECT_EQ(added.error().message, "check 101 is closed; reopen it or start a new check");
  EXPECT_EQ(void_line(check, id, std::nullopt, "x", "mia").error().code, Errc::check_closed);
  EXPECT_EQ(add_discount(check, discount(DiscountKind::comp)).error().code, Errc::check_closed);
  EXPECT_EQ(pay(Tender::cash, 100).error().code, Errc::check_closed);
  EXPECT_EQ(send_lines(check, {}, 0).error().code, Errc::check_closed);
  EXPECT_EQ(check.lines.size(), 1u);
}

TEST_F(CheckRules, ASplitBySeatIsPaidPartByPart) {
  add(burger(1));             // 14.50
  add(burger(2, {"bacon"}));  // 16.00
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  ASSERT_TRUE(set_split(check, {SplitKind::by_seat, 0, {}}).ok());
  auto parts = price_split(check, menu.tax_classes);
  ASSERT_TRUE(parts.ok());
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].total + (*parts)[1].total, price_check(check, menu.tax_classes).total);
  Money seat2 = (*parts)[1].total;
  EXPECT_EQ(pay(Tender::card, seat2.in_cents() + 1, 2).error().code, Errc::payment_exceeds_balance);
  ASSERT_TRUE(pay(Tender::card, seat2.in_cents(), 2).ok());
  EXPECT_EQ(pay(Tender::card, 100, 2).error().code, Errc::nothing_due);
  EXPECT_EQ(pay(Tender::card, 100, 3).error().message, "the split has no part 3");
  // Once a part is paid the split stays as it is.
  EXPECT_EQ(set_split(check, {SplitKind::even, 3, {}}).error().code, Errc::has_payments);
  ASSERT_TRUE(pay(Tender::cash, 5000, 1).ok());
  EXPECT_TRUE(close_check(check, menu.tax_classes, kSevenThirty).ok());
}

TEST_F(CheckRules, ASplitNeedsTwoToFiftyPartsAndItemSplitsCoverEveryLine) {
  auto a = add(plain("fries"));
  auto b = add(plain("ipa"));
  EXPECT_EQ(set_split(check, {SplitKind::even, 1, {}}).error().code, Errc::invalid_split);
  EXPECT_EQ(set_split(check, {SplitKind::even, 51, {}}).error().code, Errc::invalid_split);
  SplitPlan by_item{SplitKind::by_item, 2, {{a, {1}}}};
  auto missing = set_split(check, by_item);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::invalid_split);
  EXPECT_EQ(check.split.kind, SplitKind::none);
  by_item.assignments[b] = {3};
  EXPECT_EQ(set_split(check, by_item).error().message,
            "line " + std::to_string(b) + " names part 3 of 2");
  by_item.assignments[b] = {1, 2};
  EXPECT_TRUE(set_split(check, by_item).ok());
  EXPECT_EQ(check.split.kind, SplitKind::by_item);
}

// --- Moving lines, merging ---

TEST_F(CheckRules, LinesMoveWithTheirDiscountsToAnotherCheck) {
  auto fries = add(plain("fries"));
  auto ipa = add(plain("ipa"));
  ASSERT_TRUE(add_discount(check, discount(DiscountKind::comp, fries)).ok());
  Check other = open_check(2, 102, table_12(), "sam", kSevenThirty);
  ASSERT_TRUE(move_lines(check, other, {fries}).ok());
  ASSERT_EQ(other.lines.size(), 1u);
  EXPECT_EQ(other.lines[0].id, fries);
  EXPECT_EQ(other.discounts.size(), 1u);
  EXPECT_EQ(check.lines[0].id, ipa);
  EXPECT_TRUE(check.discounts.empty());
  EXPECT_EQ(move_lines(check, other, {999}).error().code, Errc::line_not_found);
}

TEST_F(CheckRules, NoLinesMoveOffACheckThatTookMoney) {
  auto fries = add(plain("fries"));
  ASSERT_TRUE(pay(Tender::card, 100).ok());
  Check other = open_check(2, 102, table_12(), "sam", kSevenThirty);
  EXPECT_EQ(move_lines(check, other, {fries}).error().code, Errc::has_payments);
  EXPECT_EQ(merge_checks(other, check, kSevenThirty).error().code, Errc::has_payments);
  EXPECT_EQ(check.lines.size(), 1u);
}

TEST_F(CheckRules, AMergeMovesEverythingAndKeepsWhatThePartyOwes) {
  add(plain("fries"));
  Discount off = discount(DiscountKind::amount);
  off.amount = usd(150);
  ASSERT_TRUE(add_discount(check, off).ok());
  Check into = open_check(2, 102, table_12(), "sam", kSevenThirty);
  LineRequest beer = plain("ipa");
  auto beer_line = build_line(menu, stock, beer);
  beer_line.value().id = 77;
  ASSERT_TRUE(add_line(into, beer_line.value()).ok());
  // Net before tax is exact; tax is rounded once per check, so the merged check's tax
  // may differ from the two checks' by a cent.
  Money owed = price_check(check, menu.tax_classes).net + price_check(into, menu.tax_classes).net;
  ASSERT_TRUE(merge_checks(into, check, kSevenThirty).ok());
  EXPECT_EQ(check.status, CheckStatus::merged);
  EXPECT_EQ(check.merged_into, 2);
  EXPECT_TRUE(check.lines.empty());
  EXPECT_EQ(into.guests, 8);
  EXPECT_EQ(price_check(into, menu.tax_classes).net, owed);
  EXPECT_EQ(add_line(check, Line{}).error().message,
            "check 101 was merged into another check; use that one");
}

// Regression: money taken on the whole check and then on split parts left a check that
// could never close (its balance went below zero).
TEST_F(CheckRules, ASplitComesBeforeTheFirstPaymentAndThenEveryPaymentNamesAPart) {
  add(burger(1));
  add(burger(2));
  ASSERT_TRUE(send_lines(check, {}, kSevenThirty).ok());
  ASSERT_TRUE(set_split(check, {SplitKind::even, 2, {}}).ok());
  auto whole = pay(Tender::cash, 1000);
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.error().code, Errc::invalid_payment);
  EXPECT_EQ(whole.error().message, "this check is split: say which part the payment is for");

  Check other = open_check(2, 102, table_12(), "sam", kSevenThirty);
  std::swap(check, other);
  add(burger(1));
  ASSERT_TRUE(pay(Tender::cash, 1000).ok());
  auto late = set_split(check, {SplitKind::even, 2, {}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, Errc::has_payments);
}

// Regression: a 10% (or a comp) on the merged-away check used to cover the other
// party's lines after the merge.
TEST_F(CheckRules, AMergeRefusesToSpreadAPercentOrCompOverTheOtherParty) {
  add(plain("fries"));
  auto d = discount(DiscountKind::percent);
  d.basis_points = 1000;
  ASSERT_TRUE(add_discount(check, d).ok());
  Check into = open_check(2, 102, table_12(), "sam", kSevenThirty);
  auto merged = merge_checks(into, check, kSevenThirty);
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(merged.error().message,
            "check 101 has a percent discount on the whole check: merge the other way, into "
            "check 101");
  EXPECT_EQ(check.status, CheckStatus::open);
  EXPECT_EQ(check.lines.size(), 1u);
}
