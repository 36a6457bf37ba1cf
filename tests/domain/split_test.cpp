#include <gtest/gtest.h>

#include <map>
#include <set>

#include "brigade/domain/pricing.h"
#include "test_checks.h"

namespace brigade {
namespace {

using namespace pricing_testing;

using Ids = std::vector<std::int64_t>;

Check split(Check check, SplitKind kind, int parts = 0,
            std::map<std::int64_t, std::vector<int>> assignments = {}) {
  check.split = SplitPlan{kind, parts, std::move(assignments)};
  return check;
}

std::vector<PartTotals> parts_of(const Check& check, const std::vector<TaxClass>& classes) {
  Result<std::vector<PartTotals>> parts = price_split(check, classes);
  if (!parts.ok()) ADD_FAILURE() << parts.error().message;
  return parts.ok() ? parts.value() : std::vector<PartTotals>{};
}

void expect_invalid_split(const Check& check, const std::string& message) {
  const Result<std::vector<PartTotals>> parts = price_split(check, example_tax_classes());
  ASSERT_FALSE(parts.ok());
  EXPECT_EQ(parts.error().code, Errc::invalid_split);
  EXPECT_EQ(parts.error().message, message);
}

void expect_part(const PartTotals& part, int number, const std::string& label, Ids line_ids,
                 std::int64_t net, std::int64_t tax, std::int64_t total) {
  EXPECT_EQ(part.part, number);
  EXPECT_EQ(part.label, label);
  EXPECT_EQ(part.line_ids, line_ids);
  EXPECT_EQ(part.net, cents(net));
  EXPECT_EQ(part.tax, cents(tax));
  EXPECT_EQ(part.total, cents(total));
}

TEST(PriceSplit, CheckWithoutASplitIsAnError) {
  expect_invalid_split(example_check(), "the check has no split");
}

// --- Even ------------------------------------------------------------------------------

TEST(PriceSplit, EvenSplitDividesTotalAndEachClassTax) {
  // The example check: total 61.77, food tax 2.96 on top, wine tax 4.25 inside.
  // Totals 20.59 x 3; food tax 0.99/0.99/0.98, wine tax 1.42/1.42/1.41;
  // net = total - the food tax that sits on top.
  const std::vector<PartTotals> parts =
      parts_of(split(example_check(), SplitKind::even, 3), example_tax_classes());
  ASSERT_EQ(parts.size(), 3u);
  expect_part(parts[0], 1, "Part 1 of 3", {1, 2, 3}, 1960, 241, 2059);
  expect_part(parts[1], 2, "Part 2 of 3", {1, 2, 3}, 1960, 241, 2059);
  expect_part(parts[2], 3, "Part 3 of 3", {1, 2, 3}, 1961, 239, 2059);
}

TEST(PriceSplit, EvenSplitGivesTheOddCentsToTheFirstParts) {
  const Check check = split(check_with({priced_line(1, 1000)}), SplitKind::even, 3);
  const std::vector<PartTotals> parts = parts_of(check, {exclusive_tax("food", 0)});
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].total, cents(334));
  EXPECT_EQ(parts[1].total, cents(333));
  EXPECT_EQ(parts[2].total, cents(333));
}

TEST(PriceSplit, EvenSplitNeedsOneToFiftyParts) {
  expect_invalid_split(split(example_check(), SplitKind::even, 0),
                       "a split needs 1 to 50 parts, not 0");
  expect_invalid_split(split(example_check(), SplitKind::even, 51),
                       "a split needs 1 to 50 parts, not 51");
  EXPECT_TRUE(price_split(split(example_check(), SplitKind::even, 50), {}).ok());
}

// --- By seat ---------------------------------------------------------------------------

TEST(PriceSplit, BySeatSharesTableLinesAndTaxFollowsEachSeatsNet) {
  // Seat 1: burger 28.80 + half the wine 12.76 = 41.56; food tax 2.96 over 28.80 / 4.50
  // -> 2.56 / 0.40; wine tax 4.25 over 12.76 / 12.75 -> 2.13 / 2.12.
  const std::vector<PartTotals> parts =
      parts_of(split(example_check(), SplitKind::by_seat), example_tax_classes());
  ASSERT_EQ(parts.size(), 2u);
  expect_part(parts[0], 1, "Seat 1", {1, 3}, 4156, 469, 4412);
  expect_part(parts[1], 2, "Seat 2", {2, 3}, 1725, 252, 1765);
}

TEST(PriceSplit, BySeatMakesOnePartPerSeatInUseInSeatOrder) {
  Line voided_on_seat_2 = priced_line(4, 800, 1, "food", 2);
  voided_on_seat_2.voided_quantity = 1;
  voided_on_seat_2.state = LineState::voided;
  const Check check =
      split(check_with({priced_line(1, 1000, 1, "food", 5), priced_line(2, 500, 1, "food", 3),
                        priced_line(3, 300, 1, "food", 5), voided_on_seat_2}),
            SplitKind::by_seat);
  const std::vector<PartTotals> parts = parts_of(check, {exclusive_tax("food", 0)});
  ASSERT_EQ(parts.size(), 2u);
  expect_part(parts[0], 1, "Seat 3", {2}, 500, 0, 500);
  expect_part(parts[1], 2, "Seat 5", {1, 3}, 1300, 0, 1300);
}

TEST(PriceSplit, BySeatSplitsATableLineEvenlyFirstSeatsTakeTheExtraCent) {
  const Check check =
      split(check_with({priced_line(1, 1000, 1, "food", 0), priced_line(2, 0, 1, "food", 1),
                        priced_line(3, 0, 1, "food", 2), priced_line(4, 0, 1, "food", 3)}),
            SplitKind::by_seat);
  const std::vector<PartTotals> parts = parts_of(check, {});
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].net, cents(334));
  EXPECT_EQ(parts[1].net, cents(333));
  EXPECT_EQ(parts[2].net, cents(333));
}

TEST(PriceSplit, BySeatOfACheckWithNoSeatsIsAnError) {
  Line on_seat_1 = priced_line(2, 800, 1, "food", 1);
  on_seat_1.voided_quantity = 1;
  on_seat_1.state = LineState::voided;
  expect_invalid_split(split(check_with({priced_line(1, 1000), on_seat_1}), SplitKind::by_seat),
                       "no line is on a seat, so the check cannot be split by seat");
}

// --- By item ---------------------------------------------------------------------------

TEST(PriceSplit, ByItemDividesSharedLinesEvenly) {
  // Fries shared: 4.50 -> 2.25 each. Food tax 2.96 over 31.05 / 2.25 -> 2.76 / 0.20;
  // the wine (and its 4.25 inside) all on part 2.
  const std::vector<PartTotals> parts =
      parts_of(split(example_check(), SplitKind::by_item, 2, {{1, {1}}, {2, {1, 2}}, {3, {2}}}),
               example_tax_classes());
  ASSERT_EQ(parts.size(), 2u);
  expect_part(parts[0], 1, "Part 1 of 2", {1, 2}, 3105, 276, 3381);
  expect_part(parts[1], 2, "Part 2 of 2", {2, 3}, 2776, 445, 2796);
}

TEST(PriceSplit, ByItemPartWithNothingCostsNothing) {
  const std::vector<PartTotals> parts =
      parts_of(split(example_check(), SplitKind::by_item, 3, {{1, {1}}, {2, {1}}, {3, {1}}}),
               example_tax_classes());
  ASSERT_EQ(parts.size(), 3u);
  expect_part(parts[0], 1, "Part 1 of 3", {1, 2, 3}, 5881, 721, 6177);
  expect_part(parts[1], 2, "Part 2 of 3", {}, 0, 0, 0);
  expect_part(parts[2], 3, "Part 3 of 3", {}, 0, 0, 0);
}

TEST(PriceSplit, ByItemPartNamedTwiceForALineCountsOnce) {
  const std::vector<PartTotals> parts =
      parts_of(split(example_check(), SplitKind::by_item, 2, {{1, {1, 1}}, {2, {2}}, {3, {2}}}),
               example_tax_classes());
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].line_ids, Ids{1});
  EXPECT_EQ(parts[0].net, cents(2880));
}

TEST(PriceSplit, ByItemEveryPricedLineMustHaveAPart) {
  expect_invalid_split(split(example_check(), SplitKind::by_item, 2, {{1, {1}}, {3, {2}}}),
                       "line 2 is not assigned to any part");
  expect_invalid_split(split(example_check(), SplitKind::by_item, 2, {{1, {1}}, {2, {}}, {3, {2}}}),
                       "line 2 is not assigned to any part");
}

TEST(PriceSplit, ByItemPartsMustBeWithinTheSplit) {
  expect_invalid_split(
      split(example_check(), SplitKind::by_item, 3, {{1, {1}}, {2, {2}}, {3, {1, 4}}}),
      "line 3 is assigned to part 4, but the split has parts 1 to 3");
  expect_invalid_split(
      split(example_check(), SplitKind::by_item, 3, {{1, {0}}, {2, {2}}, {3, {1}}}),
      "line 1 is assigned to part 0, but the split has parts 1 to 3");
  expect_invalid_split(split(example_check(), SplitKind::by_item, 0, {}),
                       "a split needs 1 to 50 parts, not 0");
}

TEST(PriceSplit, ByItemVoidedLineNeedsNoPart) {
  Check check = example_check();
  check.lines[1].voided_quantity = 1;
  check.lines[1].state = LineState::voided;
  const std::vector<PartTotals> parts =
      parts_of(split(check, SplitKind::by_item, 2, {{1, {1}}, {3, {2}}}), example_tax_classes());
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].line_ids, Ids{1});
  EXPECT_EQ(parts[1].line_ids, Ids{3});
}

// --- Payments on parts -----------------------------------------------------------------

TEST(PriceSplit, EachPartCountsOnlyThePaymentsNamingIt) {
  Check check = split(example_check(), SplitKind::by_seat);
  check.payments = {payment(4000, 1, 500), payment(412, 1), payment(1000, 2), payment(50, 0)};
  const std::vector<PartTotals> parts = parts_of(check, example_tax_classes());
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].paid, cents(4412));
  EXPECT_EQ(parts[0].balance, Money::zero());
  EXPECT_EQ(parts[1].paid, cents(1000));
  EXPECT_EQ(parts[1].balance, cents(765));
}

// --- Properties over random checks -----------------------------------------------------

TEST(PriceSplitProperty, PartsAlwaysAddUpToTheCheck) {
  RandomChecks random(8675309);
  int splits_checked = 0;
  for (int round = 0; round < 4000; ++round) {
    const std::vector<TaxClass> classes = random.tax_classes();
    Check check = random.check(classes);
    check.split = random.split(check);
    SCOPED_TRACE("round " + std::to_string(round));
    const CheckTotals totals = price_check(check, classes);
    const Result<std::vector<PartTotals>> split = price_split(check, classes);

    std::map<std::int64_t, int> seat_of;
    for (const Line& line : check.lines) seat_of[line.id] = line.seat;
    std::set<int> seats;
    for (const LinePrice& line : totals.lines) {
      if (seat_of[line.line_id] >= 1) seats.insert(seat_of[line.line_id]);
    }
    if (check.split.kind == SplitKind::by_seat && seats.empty()) {
      ASSERT_FALSE(split.ok());
      ASSERT_EQ(split.error().code, Errc::invalid_split);
      continue;
    }
    ASSERT_TRUE(split.ok()) << split.error().message;
    const std::vector<PartTotals>& parts = split.value();
    const std::size_t expected_parts = check.split.kind == SplitKind::by_seat
                                           ? seats.size()
                                           : static_cast<std::size_t>(check.split.parts);
    ASSERT_EQ(parts.size(), expected_parts);

    Money net, tax, total, paid;
    Money lowest = parts.front().total, highest = parts.front().total;
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const PartTotals& part = parts[p];
      ASSERT_EQ(part.part, static_cast<int>(p) + 1);
      ASSERT_GE(part.net, Money::zero());
      ASSERT_GE(part.tax, Money::zero());
      // What is added on top is part of the part's tax, never more.
      ASSERT_GE(part.total - part.net, Money::zero());
      ASSERT_LE(part.total - part.net, part.tax);
      Money paid_here;
      for (const Payment& payment : check.payments) {
        if (payment.part == part.part) paid_here += payment.amount;
      }
      ASSERT_EQ(part.paid, paid_here);
      ASSERT_EQ(part.balance, part.total - part.paid);
      net += part.net;
      tax += part.tax;
      total += part.total;
      paid += part.paid;
      lowest = min(lowest, part.total);
      highest = max(highest, part.total);
    }
    ASSERT_EQ(net, totals.net);
    ASSERT_EQ(tax, totals.tax);
    ASSERT_EQ(total, totals.total);
    if (check.split.kind == SplitKind::even) {
      ASSERT_LE(highest - lowest, cents(1));
    }
    ++splits_checked;
  }
  EXPECT_GT(splits_checked, 3000);  // the generator must not make mostly failures
}

}  // namespace
}  // namespace brigade
