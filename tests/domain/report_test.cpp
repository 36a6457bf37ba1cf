// The day's figures: tallies of closed checks and refunds, the report built from them, and
// its identities, on a worked example and on thousands of randomised days.
#include "brigade/domain/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "brigade/domain/drawer.h"
#include "brigade/domain/pricing.h"
#include "brigade/domain/refund.h"
#include "test_checks.h"

namespace brigade {
namespace {

using namespace pricing_testing;

Menu menu_of(const std::vector<TaxClass>& classes) {
  Menu menu;
  menu.tax_classes = classes;
  for (int i = 1; i <= 12; ++i) {
    MenuItem item;
    item.id = "item-" + std::to_string(i * 10);
    item.name = "Item " + std::to_string(i * 10);
    item.category_id = i % 3 == 0 ? "drinks" : "food";
    menu.items.push_back(item);
  }
  return menu;
}

// The worked example, closed: burgers and fries on food tax, wine with VAT inside, 10% off,
// paid by card with a tip and cash with change.
Check closed_example() {
  Check check = example_check();
  check.server_id = "sam";
  check.guests = 2;
  check.status = CheckStatus::closed;
  check.lines[0].item_id = "item-10";
  check.lines[1].item_id = "item-20";
  check.lines[2].item_id = "item-30";
  const CheckTotals totals = price_check(check, example_tax_classes());
  Payment card = payment(5000, 0, 900);
  card.id = 1;
  Payment cash = payment((totals.total - Money::cents(5000)).in_cents());
  cash.id = 2;
  cash.tender = Tender::cash;
  cash.tendered = cash.amount + Money::cents(35);
  cash.change = Money::cents(35);
  check.payments = {card, cash};
  return check;
}

TEST(Report, WorkedExampleGivesEveryFigureToTheCent) {
  const Check check = closed_example();
  const auto classes = example_tax_classes();
  const CheckTotals totals = price_check(check, classes);
  // 65.35 gross, 6.54 off; food 33.30 net + 2.96 tax on top; wine 25.51 with 4.25 inside.
  ASSERT_EQ(totals.subtotal, cents(6535));
  ASSERT_EQ(totals.discounts, cents(654));

  const DayReport r = build_report(sale_tallies(check, classes, menu_of(classes)));
  ASSERT_TRUE(check_report(r)) << check_report(r).error().message;
  EXPECT_EQ(r.gross_sales, cents(6535));
  EXPECT_EQ(r.items_sold, 6);
  EXPECT_EQ(r.discounts, cents(654));
  EXPECT_EQ(r.discount_count, 1);
  const Money wine_tax = totals.taxes[1].tax;
  EXPECT_EQ(r.included_tax, wine_tax);
  EXPECT_EQ(r.net_sales, totals.net - wine_tax);
  EXPECT_EQ(r.tax, totals.tax);
  EXPECT_EQ(r.net_sales + r.tax, totals.total);
  EXPECT_EQ(r.tips, cents(900));
  ASSERT_EQ(r.tenders.size(), 2u);
  EXPECT_EQ(r.tenders[0].tender, "card");
  EXPECT_EQ(r.tenders[0].net, cents(5900));
  EXPECT_EQ(r.tenders[1].tender, "cash");
  EXPECT_EQ(r.tenders[1].change, cents(35));
  EXPECT_EQ(r.tendered, totals.total + cents(900));
  EXPECT_EQ(r.checks_closed, 1);
  EXPECT_EQ(r.covers, 2);
  EXPECT_EQ(r.average_per_cover, scale(r.net_sales, 1, 2));
  ASSERT_EQ(r.by_category.size(), 2u);
  EXPECT_EQ(r.by_category[0].key, "drinks");  // item-30, the wine
  EXPECT_EQ(r.by_category[0].count, 3);
  ASSERT_EQ(r.by_server.size(), 1u);
  EXPECT_EQ(r.by_server[0].amount, r.net_sales);
  EXPECT_EQ(r.tips_by_server[0].key, "sam");
}

TEST(Report, VoidsAreReportedMadeAndNotMadeAndNotSold) {
  Check check = closed_example();
  check.lines[0].voided_quantity = 1;  // one burger burnt (made)
  check.lines[0].voided_made = 1;
  Line fries = priced_line(4, 500, 2, "food");
  fries.item_id = "item-20";
  fries.voided_quantity = 2;  // caught before the fryer
  fries.state = LineState::voided;
  check.lines.push_back(fries);
  const auto classes = example_tax_classes();
  const CheckTotals totals = price_check(check, classes);
  check.payments = {payment(totals.total.in_cents())};
  const DayReport r = build_report(sale_tallies(check, classes, menu_of(classes)));
  ASSERT_TRUE(check_report(r)) << check_report(r).error().message;
  EXPECT_EQ(r.voids_made.count, 1);
  EXPECT_EQ(r.voids_made.amount, cents(1600));
  EXPECT_EQ(r.voids_not_made.count, 2);
  EXPECT_EQ(r.voids_not_made.amount, cents(1000));
  EXPECT_EQ(r.items_sold, 5);
  EXPECT_EQ(r.gross_sales, cents(6535 - 1600));
}

TEST(Refund, WholeRefundGivesBackWhatEachTenderPaid) {
  const Check check = closed_example();
  const auto classes = example_tax_classes();
  auto refund = price_refund(check, classes, {}, {}, "food poisoning scare");
  ASSERT_TRUE(refund) << refund.error().message;
  EXPECT_EQ(refund->amount, price_check(check, classes).total);
  ASSERT_EQ(refund->tenders.size(), 2u);
  EXPECT_EQ(refund->tenders[0].amount, cents(5000));  // the tip stays with Sam
  EXPECT_EQ(refund->tenders[1].amount, check.payments[1].amount);
  // Nothing is left to refund afterwards.
  auto again = price_refund(check, classes, {}, {*refund}, "twice");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, Errc::nothing_to_refund);

  std::vector<Tally> day = sale_tallies(check, classes, menu_of(classes));
  const auto taken_back = refund_tallies(*refund, menu_of(classes));
  day.insert(day.end(), taken_back.begin(), taken_back.end());
  const DayReport r = build_report(day);
  ASSERT_TRUE(check_report(r)) << check_report(r).error().message;
  EXPECT_EQ(r.net_sales, Money::zero());
  EXPECT_EQ(r.tax, Money::zero());
  EXPECT_EQ(r.refunds, refund->amount);
  EXPECT_EQ(r.refund_count, 2);  // one per tender paid back
  EXPECT_EQ(r.tenders_net, cents(900));
}

TEST(Refund, IsRefusedOnOpenChecksWithoutReasonAndPastWhatWasSold) {
  Check check = closed_example();
  const auto classes = example_tax_classes();
  EXPECT_EQ(price_refund(check, classes, {}, {}, " ").error().code, Errc::reason_required);
  EXPECT_EQ(price_refund(check, classes, {{1, 3}}, {}, "cold").error().code,
            Errc::invalid_quantity);
  EXPECT_EQ(price_refund(check, classes, {{1, 0}}, {}, "cold").error().code,
            Errc::invalid_quantity);
  EXPECT_EQ(price_refund(check, classes, {{99, 1}}, {}, "cold").error().code, Errc::line_not_found);
  auto one = price_refund(check, classes, {{1, 1}, {1, 1}}, {}, "cold");  // asked twice: both
  ASSERT_TRUE(one);
  EXPECT_EQ(one->lines.size(), 1u);
  EXPECT_EQ(one->lines[0].quantity, 2);
  // A comped line was never paid for: nothing to give back.
  Check comped = closed_example();
  comped.discounts.push_back(comp(2));
  EXPECT_EQ(price_refund(comped, classes, {{2, 1}}, {}, "cold").error().code,
            Errc::nothing_to_refund);
  check.status = CheckStatus::open;
  EXPECT_EQ(price_refund(check, classes, {}, {}, "cold").error().code, Errc::check_not_closed);
}

TEST(Refund, OneByOneComesToTheSaleExactlyAndNeverBelowZero) {
  // 10 items worth 6 cents in all: each a rounding away from 1 cent.
  Check check = check_with({priced_line(1, 0, 10, "zero")});
  check.lines[0].modifiers.push_back(modifier("x", 0));
  check.lines[0].unit_price = cents(1);
  check.discounts = {amount_off(4)};
  check.status = CheckStatus::closed;
  const std::vector<TaxClass> classes = {exclusive_tax("zero", 0)};
  const CheckTotals totals = price_check(check, classes);
  ASSERT_EQ(totals.total, cents(6));
  Payment paid = payment(6);
  paid.id = 1;
  check.payments = {paid};
  std::vector<Refund> done;
  Money back;
  for (int i = 0; i < 10; ++i) {
    auto r = price_refund(check, classes, {{1, 1}}, done, "one at a time");
    ASSERT_TRUE(r) << i << ": " << r.error().message;
    EXPECT_FALSE(r->amount.is_negative());
    back += r->amount;
    done.push_back(*r);
  }
  EXPECT_EQ(back, cents(6));
}

TEST(Report, ChecksReportCatchesAFigureThatDoesNotAddUp) {
  DayReport r = build_report(
      sale_tallies(closed_example(), example_tax_classes(), menu_of(example_tax_classes())));
  ASSERT_TRUE(check_report(r));
  r.by_item[0].amount += cents(1);
  auto s = check_report(r);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("sales by item"), std::string::npos);
  r.by_item[0].amount -= cents(1);
  r.tips_by_tender[0].amount -= cents(1);
  EXPECT_FALSE(check_report(r));
}

// A randomised day: checks of every shape, closed and paid (whole, or by split parts) in
// mixed tenders with tips and change, then some refunded whole or by line.
struct RandomDay {
  std::vector<TaxClass> classes;
  Menu menu;
  std::vector<Check> checks;
  std::vector<Refund> refunds;
};

RandomDay random_day(RandomChecks& random, int check_count) {
  RandomDay day;
  day.classes = random.tax_classes();
  day.menu = menu_of(day.classes);
  const char* servers[] = {"sam", "priya", "jess"};
  const Tender tenders[] = {Tender::cash, Tender::card, Tender::gift_card, Tender::house_account};
  std::int64_t payment_id = 1;
  for (int n = 0; n < check_count; ++n) {
    Check check = random.check(day.classes);
    check.id = n + 1;
    check.number = 1000 + n;
    check.payments.clear();
    check.server_id = servers[random.number(0, 2)];
    check.channel = random.chance(80) ? Channel::dine_in : Channel::takeout;
    check.guests = random.number(1, 8);
    check.closed_at = 1'790'000'000'000 + random.amount(0, 12 * 3'600'000);
    for (Line& line : check.lines) line.voided_made = random.number(0, line.voided_quantity);
    const auto pay = [&](Money amount, int part) {
      if (!amount.is_negative() && !amount.is_zero()) {
        Payment p =
            payment(amount.in_cents(), part, random.chance(60) ? random.amount(0, 3000) : 0);
        p.id = payment_id++;
        p.tender = tenders[random.number(0, 3)];
        if (p.tender == Tender::cash) {
          p.change = cents(random.amount(0, 2000));
          p.tendered = p.amount + p.change;
        }
        check.payments.push_back(p);
      }
    };
    if (random.chance(30)) check.split = random.split(check);
    auto parts = price_split(check, day.classes);
    if (check.split.kind != SplitKind::none && parts) {
      for (const PartTotals& part : *parts) pay(part.total, part.part);
    } else {
      check.split = {};
      const Money total = price_check(check, day.classes).total;
      const Money first = random.chance(50) ? scale(total, random.number(1, 99), 100) : total;
      pay(first, 0);
      pay(total - first, 0);
    }
    check.status = CheckStatus::closed;
    if (price_check(check, day.classes).balance != Money::zero()) continue;  // cannot happen
    day.checks.push_back(check);
  }
  for (const Check& check : day.checks) {
    if (!random.chance(15)) continue;
    std::vector<Refund> earlier;
    for (int times = random.number(1, 3); times > 0; --times) {
      std::vector<RefundAsk> asked;
      if (random.chance(60))
        for (const Line& line : check.lines)
          if (line.live_quantity() > 0 && random.chance(50))
            asked.push_back({line.id, random.number(1, line.live_quantity())});
      auto refund = price_refund(check, day.classes, asked, earlier, "guest complaint");
      if (!refund) continue;  // asked for more than is left: refused, as it should be
      refund->at = check.closed_at + random.amount(0, 3'600'000);
      earlier.push_back(*refund);
      day.refunds.push_back(*refund);
    }
  }
  return day;
}

TEST(ReportProperty, EveryIdentityHoldsOverThousandsOfRandomDays) {
  RandomChecks random(20261202);
  std::mt19937 shuffle(7);
  int refunds_seen = 0;
  for (int d = 0; d < 2000; ++d) {
    const RandomDay day = random_day(random, random.number(1, 25));
    std::vector<Tally> tallies;
    Money totals, tips, tendered, gross, comps, discounts, refunded, voids;
    for (const Check& check : day.checks) {
      const auto t = sale_tallies(check, day.classes, day.menu);
      tallies.insert(tallies.end(), t.begin(), t.end());
      const CheckTotals c = price_check(check, day.classes);
      totals += c.total;
      tips += c.tips;
      tendered += c.paid + c.tips;
      gross += c.subtotal;
      comps += c.comps;
      discounts += c.discounts;
      for (const Line& line : check.lines) voids += line.unit_total() * line.voided_quantity;
    }
    for (const Refund& refund : day.refunds) {
      const auto t = refund_tallies(refund, day.menu);
      tallies.insert(tallies.end(), t.begin(), t.end());
      refunded += refund.amount;
      Money by_tender, by_line;
      for (const RefundTender& tender : refund.tenders) by_tender += tender.amount;
      for (const RefundedLine& line : refund.lines) by_line += line.net + line.tax;
      ASSERT_EQ(by_tender, refund.amount);
      ASSERT_EQ(by_line, refund.amount);
      ++refunds_seen;
    }
    std::shuffle(tallies.begin(), tallies.end(), shuffle);
    const DayReport r = build_report(tallies);
    const auto identities = check_report(r);
    ASSERT_TRUE(identities) << "day " << d << ": " << identities.error().message;
    // Against the checks themselves, not only against the report's own sums.
    ASSERT_EQ(r.net_sales + r.tax, totals - refunded) << "day " << d;
    ASSERT_EQ(r.tips, tips);
    ASSERT_EQ(r.tendered, tendered);
    ASSERT_EQ(r.refunds, refunded);
    ASSERT_EQ(r.gross_sales, gross);
    ASSERT_EQ(r.comps, comps);
    ASSERT_EQ(r.discounts, discounts);
    ASSERT_EQ(r.voids_made.amount + r.voids_not_made.amount, voids);
    ASSERT_EQ(r.checks_closed, static_cast<std::int64_t>(day.checks.size()));
    // Added up first or not, the report is the same.
    ASSERT_EQ(build_report(add_up(tallies)), r);
  }
  EXPECT_GT(refunds_seen, 500);
}

}  // namespace
}  // namespace brigade

namespace brigade {
namespace {

TEST(Drawer, ExpectedCashIsTheFloatPlusInLessOutAndANoSaleMovesNothing) {
  Drawer drawer;
  drawer.opening_float = Money::cents(20000);
  const std::vector<DrawerMove> moves = {
      {1, 1, DrawerMoveKind::cash_sale, Money::cents(1038), "", "", 7, "sam", 0},
      {2, 1, DrawerMoveKind::paid_in, Money::cents(5000), "bank", "", 0, "dana", 0},
      {3, 1, DrawerMoveKind::paid_out, Money::cents(1500), "ice", "", 0, "dana", 0},
      {4, 1, DrawerMoveKind::tip_payout, Money::cents(700), "", "sam", 0, "dana", 0},
      {5, 1, DrawerMoveKind::no_sale, Money::zero(), "", "", 0, "sam", 0},
      {6, 1, DrawerMoveKind::cash_refund, Money::cents(938), "", "", 7, "dana", 0},
  };
  EXPECT_EQ(expected_cash(drawer, moves), Money::cents(22900));
  EXPECT_EQ(count_total({{10000, 2}, {2000, 1}, {500, 1}, {100, 3}, {25, 2}}).value(),
            Money::cents(22850));
  EXPECT_FALSE(count_total({{0, 1}}));
  EXPECT_FALSE(count_total({{100, -1}}));
  EXPECT_FALSE(count_total({{200'000, 1}}));
  EXPECT_TRUE(check_move(moves[1]));
  EXPECT_EQ(
      check_move({0, 1, DrawerMoveKind::paid_out, Money::cents(5), " ", "", 0, "", 0}).error().code,
      Errc::reason_required);
  EXPECT_FALSE(check_move(moves[0]));  // the hub's own
  EXPECT_FALSE(check_float(Money::cents(-1)));
}

}  // namespace
}  // namespace brigade
