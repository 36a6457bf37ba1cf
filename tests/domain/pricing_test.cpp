#include "brigade/domain/pricing.h"

#include <gtest/gtest.h>

#include <map>
#include <ostream>

#include "test_checks.h"

namespace brigade {
namespace {

using namespace pricing_testing;

const std::vector<TaxClass> kFood = {exclusive_tax("food", 88'750)};

// One priced line in cents, so that a test states every line in one table.
struct LineCents {
  std::int64_t gross, discount, comp, net;
  bool operator==(const LineCents&) const = default;
};
std::ostream& operator<<(std::ostream& out, const LineCents& line) {
  return out << "{gross " << line.gross << ", discount " << line.discount << ", comp " << line.comp
             << ", net " << line.net << "}";
}
std::vector<LineCents> line_cents(const CheckTotals& totals) {
  std::vector<LineCents> lines;
  for (const LinePrice& line : totals.lines) {
    lines.push_back({line.gross.in_cents(), line.discount.in_cents(), line.comp.in_cents(),
                     line.net.in_cents()});
  }
  return lines;
}
using Lines = std::vector<LineCents>;

// --- Lines -----------------------------------------------------------------------------

TEST(UnitTotal, IsUnitPricePlusEveryModifier) {
  Line line = priced_line(1, 1450);
  line.modifiers = {modifier("bacon", 150), modifier("cheese", 100), modifier("rare", 0)};
  EXPECT_EQ(line.unit_total(), cents(1700));
  EXPECT_EQ(priced_line(2, 500).unit_total(), cents(500));
}

TEST(PriceCheck, LineGrossIsUnitTotalTimesQuantity) {
  Line line = priced_line(1, 1450, 3);
  line.modifiers = {modifier("bacon", 150)};
  const CheckTotals totals = price_check(check_with({line}), kFood);
  ASSERT_EQ(totals.lines.size(), 1u);
  EXPECT_EQ(totals.lines[0].gross, cents(4800));
  EXPECT_EQ(totals.lines[0].net, cents(4800));
  EXPECT_EQ(totals.lines[0].tax_class_id, "food");
  EXPECT_EQ(totals.subtotal, cents(4800));
}

TEST(PriceCheck, FullyVoidedLinesAreLeftOut) {
  Line voided = priced_line(2, 900, 2);
  voided.voided_quantity = 2;
  voided.state = LineState::voided;
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 1000), voided, priced_line(3, 300)}), kFood);
  ASSERT_EQ(totals.lines.size(), 2u);
  EXPECT_EQ(totals.lines[0].line_id, 1);
  EXPECT_EQ(totals.lines[1].line_id, 3);
  EXPECT_EQ(totals.subtotal, cents(1300));
}

TEST(PriceCheck, LineInVoidedStateIsLeftOutWhateverItsVoidedCount) {
  Line voided = priced_line(1, 900);
  voided.state = LineState::voided;
  EXPECT_TRUE(price_check(check_with({voided}), kFood).lines.empty());
}

TEST(PriceCheck, PartlyVoidedLineIsPricedOnWhatIsLeft) {
  Line line = priced_line(1, 700, 3);
  line.voided_quantity = 1;
  const CheckTotals totals = price_check(check_with({line}), kFood);
  ASSERT_EQ(totals.lines.size(), 1u);
  EXPECT_EQ(totals.lines[0].gross, cents(1400));
  EXPECT_EQ(totals.subtotal, cents(1400));
}

TEST(PriceCheck, EmptyCheckCostsNothing) {
  const CheckTotals totals = price_check(Check{}, kFood);
  EXPECT_TRUE(totals.lines.empty());
  EXPECT_TRUE(totals.taxes.empty());
  EXPECT_EQ(totals.total, Money::zero());
  EXPECT_EQ(totals.balance, Money::zero());
}

// --- The worked example ----------------------------------------------------------------

TEST(PriceCheck, WorkedExampleTenPercentOffWithTwoTaxClasses) {
  const CheckTotals totals = price_check(example_check(), example_tax_classes());

  // 10% of 65.35 = 6.535 -> 6.54, spread over 32.00 / 5.00 / 28.35:
  // exact 3.2024 / 0.5004 / 2.8372 -> 3.20 / 0.50 / 2.84 (the odd cent to the wine).
  EXPECT_EQ(line_cents(totals),
            (Lines{{3200, 320, 0, 2880}, {500, 50, 0, 450}, {2835, 284, 0, 2551}}));
  EXPECT_EQ(totals.subtotal, cents(6535));
  EXPECT_EQ(totals.discounts, cents(654));
  EXPECT_EQ(totals.comps, Money::zero());
  EXPECT_EQ(totals.net, cents(5881));

  // food: 33.30 x 8.875% = 2.955375 -> 2.96 on top.
  // wine: 25.51 x 20/120 = 4.251667 -> 4.25, already inside the price.
  ASSERT_EQ(totals.taxes.size(), 2u);
  EXPECT_EQ(totals.taxes[0].tax_class_id, "food");
  EXPECT_EQ(totals.taxes[0].taxable, cents(3330));
  EXPECT_EQ(totals.taxes[0].tax, cents(296));
  EXPECT_FALSE(totals.taxes[0].inclusive);
  EXPECT_EQ(totals.taxes[1].tax_class_id, "wine");
  EXPECT_EQ(totals.taxes[1].taxable, cents(2551));
  EXPECT_EQ(totals.taxes[1].tax, cents(425));
  EXPECT_TRUE(totals.taxes[1].inclusive);
  EXPECT_EQ(totals.tax, cents(721));
  EXPECT_EQ(totals.exclusive_tax, cents(296));
  EXPECT_EQ(totals.total, cents(6177));
  EXPECT_EQ(totals.balance, cents(6177));
}

// --- Comps and line discounts ----------------------------------------------------------

TEST(PriceCheck, LineCompGivesTheWholeLineAway) {
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 1800, 2), priced_line(2, 500)}, {comp(1)}), kFood);
  EXPECT_EQ(line_cents(totals), (Lines{{3600, 0, 3600, 0}, {500, 0, 0, 500}}));
  EXPECT_EQ(totals.comps, cents(3600));
  EXPECT_EQ(totals.discounts, Money::zero());
  EXPECT_EQ(totals.net, cents(500));
}

TEST(PriceCheck, LineCompComesBeforeLineDiscountsWhateverTheOrder) {
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 2000)}, {amount_off(500, 1), comp(1)}), kFood);
  EXPECT_EQ(line_cents(totals), (Lines{{2000, 0, 2000, 0}}));
}

TEST(PriceCheck, LineAmountDiscountIsCappedAtTheLine) {
  const CheckTotals totals = price_check(
      check_with({priced_line(1, 300), priced_line(2, 1000)}, {amount_off(500, 1)}), kFood);
  // The rest of the 5.00 does not spill over to the other line.
  EXPECT_EQ(line_cents(totals), (Lines{{300, 300, 0, 0}, {1000, 0, 0, 1000}}));
  EXPECT_EQ(totals.net, cents(1000));
}

TEST(PriceCheck, LinePercentIsOfTheGrossRoundedHalfUp) {
  // 15% of 3.50 = 0.525 -> 0.53
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 350)}, {percent_off(1500, 1)}), kFood);
  EXPECT_EQ(line_cents(totals), (Lines{{350, 53, 0, 297}}));
}

TEST(PriceCheck, SecondLinePercentIsOfGrossAndCappedAtWhatIsLeft) {
  // 60% of 10.00 twice: 6.00, then 6.00 capped at the 4.00 left.
  const CheckTotals totals = price_check(
      check_with({priced_line(1, 1000)}, {percent_off(6000, 1), percent_off(6000, 1)}), kFood);
  EXPECT_EQ(line_cents(totals), (Lines{{1000, 1000, 0, 0}}));
}

TEST(PriceCheck, DiscountsOnAMissingOrVoidedLineAreIgnored) {
  Line voided = priced_line(2, 900);
  voided.voided_quantity = 1;
  voided.state = LineState::voided;
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 1000), voided},
                             {comp(2), amount_off(300, 99), percent_off(5000, 2)}),
                  kFood);
  EXPECT_EQ(totals.discounts, Money::zero());
  EXPECT_EQ(totals.comps, Money::zero());
  EXPECT_EQ(totals.net, cents(1000));
}

// --- Check-level reductions ------------------------------------------------------------

TEST(PriceCheck, CheckAmountIsSpreadInProportionToLineNets) {
  // 10.00 over 10 / 20 / 30: exact 1.6667 / 3.3333 / 5.00 -> 1.67 / 3.33 / 5.00
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 1000), priced_line(2, 2000), priced_line(3, 3000)},
                             {amount_off(1000)}),
                  kFood);
  EXPECT_EQ(line_cents(totals),
            (Lines{{1000, 167, 0, 833}, {2000, 333, 0, 1667}, {3000, 500, 0, 2500}}));
  EXPECT_EQ(totals.discounts, cents(1000));
  EXPECT_EQ(totals.net, cents(5000));
}

TEST(PriceCheck, CheckAmountIsCappedAtWhatRemains) {
  const CheckTotals totals = price_check(
      check_with({priced_line(1, 1200), priced_line(2, 800)}, {amount_off(5000)}), kFood);
  EXPECT_EQ(totals.discounts, cents(2000));
  EXPECT_EQ(line_cents(totals), (Lines{{1200, 1200, 0, 0}, {800, 800, 0, 0}}));
  EXPECT_EQ(totals.net, Money::zero());
  EXPECT_EQ(totals.tax, Money::zero());
  EXPECT_EQ(totals.total, Money::zero());
}

TEST(PriceCheck, CheckDiscountWorksOnWhatLineReductionsLeft) {
  // Line 1 comped, line 2 has 2.00 off: 10% of the remaining 8.00 = 0.80, all on line 2.
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 1500), priced_line(2, 1000)},
                             {percent_off(1000), amount_off(200, 2), comp(1)}),
                  kFood);
  EXPECT_EQ(line_cents(totals), (Lines{{1500, 0, 1500, 0}, {1000, 280, 0, 720}}));
  EXPECT_EQ(totals.discounts, cents(280));
  EXPECT_EQ(totals.comps, cents(1500));
}

TEST(PriceCheck, CheckCompTakesEverythingLeftAndIsRecordedAsComp) {
  const CheckTotals totals = price_check(
      check_with({priced_line(1, 1000), priced_line(2, 500)}, {amount_off(100, 1), comp()}), kFood);
  EXPECT_EQ(line_cents(totals), (Lines{{1000, 100, 900, 0}, {500, 0, 500, 0}}));
  EXPECT_EQ(totals.discounts, cents(100));
  EXPECT_EQ(totals.comps, cents(1400));
  EXPECT_EQ(totals.net, Money::zero());
  EXPECT_EQ(totals.total, Money::zero());
}

TEST(PriceCheck, CheckCompComesBeforeCheckDiscountsWhateverTheOrder) {
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 1000)}, {percent_off(1000), comp()}), kFood);
  EXPECT_EQ(totals.comps, cents(1000));
  EXPECT_EQ(totals.discounts, Money::zero());
}

TEST(PriceCheck, CheckPercentsCompoundInTheOrderGiven) {
  // 10% of 100.00 = 10.00, then 10% of the 90.00 left = 9.00; then 5.00 off.
  const CheckTotals totals = price_check(
      check_with({priced_line(1, 10000)}, {percent_off(1000), percent_off(1000), amount_off(500)}),
      kFood);
  EXPECT_EQ(totals.discounts, cents(2400));
  EXPECT_EQ(totals.net, cents(7600));
}

TEST(PriceCheck, CheckPercentRoundsHalfUpOnTheRemainder) {
  // 10% of 0.05 = 0.005 -> 0.01
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 5)}, {percent_off(1000)}), kFood);
  EXPECT_EQ(totals.discounts, cents(1));
}

// --- Tax -------------------------------------------------------------------------------

TEST(PriceCheck, TaxIsRoundedOncePerClassNotPerLine) {
  // Three lines of 1.05 at 5%: per line 0.0525 -> 0.05 would make 0.15;
  // once over 3.15 it is 0.1575 -> 0.16.
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 105), priced_line(2, 105), priced_line(3, 105)}),
                  {exclusive_tax("food", 50'000)});
  ASSERT_EQ(totals.taxes.size(), 1u);
  EXPECT_EQ(totals.taxes[0].taxable, cents(315));
  EXPECT_EQ(totals.taxes[0].tax, cents(16));
  EXPECT_EQ(totals.total, cents(331));
}

TEST(PriceCheck, ExclusiveTaxRoundsHalfUp) {
  // 1.00 at 0.5% = 0.005 -> 0.01 (half even would give 0.00)
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 100)}), {exclusive_tax("food", 5'000)});
  EXPECT_EQ(totals.tax, cents(1));
  EXPECT_EQ(totals.total, cents(101));
}

TEST(PriceCheck, InclusiveTaxIsInsideThePrice) {
  // 12.00 with 20% inside: 2.00 of it is tax; the guest pays 12.00.
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 1200, 1, "vat")}), {inclusive_tax("vat", 200'000)});
  EXPECT_EQ(totals.tax, cents(200));
  EXPECT_EQ(totals.exclusive_tax, Money::zero());
  EXPECT_EQ(totals.total, cents(1200));
}

Money vat_inside(std::int64_t price, std::int64_t rate_ppm) {
  return price_check(check_with({priced_line(1, price, 1, "vat")}),
                     {inclusive_tax("vat", rate_ppm)})
      .tax;
}

TEST(PriceCheck, InclusiveTaxRoundsHalfUp) {
  EXPECT_EQ(vat_inside(1000, 200'000), cents(167));  // 10.00 x 20/120 = 1.6667
  EXPECT_EQ(vat_inside(15, 200'000), cents(3));      // 0.15 x 20/120 = 0.025 (half even: 0.02)
  EXPECT_EQ(vat_inside(3, 200'000), cents(1));       // 0.005
  EXPECT_EQ(vat_inside(210, 50'000), cents(10));     // 2.10 x 5/105 = 0.10 exactly
}

TEST(PriceCheck, TaxesAreListedInTaxClassOrderOnlyWhenUsed) {
  const std::vector<TaxClass> classes = {exclusive_tax("alcohol", 100'000),
                                         exclusive_tax("cold-food", 0),
                                         exclusive_tax("food", 88'750)};
  const CheckTotals totals = price_check(
      check_with({priced_line(1, 1000, 1, "food"), priced_line(2, 700, 1, "alcohol")}), classes);
  ASSERT_EQ(totals.taxes.size(), 2u);
  EXPECT_EQ(totals.taxes[0].tax_class_id, "alcohol");
  EXPECT_EQ(totals.taxes[0].tax, cents(70));
  EXPECT_EQ(totals.taxes[1].tax_class_id, "food");
  EXPECT_EQ(totals.taxes[1].tax, cents(89));  // 0.8875 -> 0.89
  EXPECT_EQ(totals.total, cents(1859));
}

TEST(PriceCheck, UnknownTaxClassIsTaxedAtZeroButStillListed) {
  const CheckTotals totals = price_check(
      check_with({priced_line(1, 1000, 1, "mystery"), priced_line(2, 1000, 1, "food")}), kFood);
  ASSERT_EQ(totals.taxes.size(), 2u);
  EXPECT_EQ(totals.taxes[0].tax_class_id, "food");
  EXPECT_EQ(totals.taxes[1].tax_class_id, "mystery");
  EXPECT_EQ(totals.taxes[1].taxable, cents(1000));
  EXPECT_EQ(totals.taxes[1].tax, Money::zero());
  EXPECT_FALSE(totals.taxes[1].inclusive);
  EXPECT_EQ(totals.tax, cents(89));
  EXPECT_EQ(totals.total, cents(2089));
}

TEST(PriceCheck, CompedClassIsListedWithZeroTax) {
  const CheckTotals totals = price_check(check_with({priced_line(1, 1000)}, {comp(1)}), kFood);
  ASSERT_EQ(totals.taxes.size(), 1u);
  EXPECT_EQ(totals.taxes[0].taxable, Money::zero());
  EXPECT_EQ(totals.taxes[0].tax, Money::zero());
}

TEST(PriceCheck, DiscountLowersTheTaxableAmount) {
  // 20.00 - 5.00 = 15.00 at 8.875% = 1.33125 -> 1.33
  const CheckTotals totals =
      price_check(check_with({priced_line(1, 2000)}, {amount_off(500)}), kFood);
  EXPECT_EQ(totals.taxes[0].taxable, cents(1500));
  EXPECT_EQ(totals.tax, cents(133));
  EXPECT_EQ(totals.total, cents(1633));
}

// --- Payments --------------------------------------------------------------------------

TEST(PriceCheck, PaymentsReduceTheBalanceTipsDoNot) {
  Check check = check_with({priced_line(1, 2000)});
  check.payments = {payment(1000, 0, 300), payment(500, 2, 0)};
  const CheckTotals totals = price_check(check, kFood);
  EXPECT_EQ(totals.total, cents(2178));  // 1.775 -> 1.78
  EXPECT_EQ(totals.paid, cents(1500));
  EXPECT_EQ(totals.tips, cents(300));
  EXPECT_EQ(totals.balance, cents(678));
}

// --- Properties over random checks -----------------------------------------------------

TEST(PriceCheckProperty, NetsReductionsAndTaxesAddUpOnRandomChecks) {
  RandomChecks random(424242);
  for (int round = 0; round < 4000; ++round) {
    const std::vector<TaxClass> classes = random.tax_classes();
    const Check check = random.check(classes);
    const CheckTotals totals = price_check(check, classes);
    SCOPED_TRACE("round " + std::to_string(round));

    std::vector<const Line*> live;
    for (const Line& line : check.lines) {
      if (line.live_quantity() > 0 && line.state != LineState::voided) live.push_back(&line);
    }
    ASSERT_EQ(totals.lines.size(), live.size());

    Money gross, discounts, comps, nets;
    std::map<std::string, Money> class_nets;
    for (std::size_t i = 0; i < live.size(); ++i) {
      const LinePrice& line = totals.lines[i];
      ASSERT_EQ(line.line_id, live[i]->id);
      ASSERT_EQ(line.gross, live[i]->unit_total() * live[i]->live_quantity());
      ASSERT_GE(line.discount, Money::zero());
      ASSERT_GE(line.comp, Money::zero());
      ASSERT_GE(line.net, Money::zero());
      ASSERT_EQ(line.net, line.gross - line.discount - line.comp);
      gross += line.gross;
      discounts += line.discount;
      comps += line.comp;
      nets += line.net;
      class_nets[line.tax_class_id] += line.net;
    }
    ASSERT_EQ(totals.subtotal, gross);
    ASSERT_EQ(totals.discounts, discounts);
    ASSERT_EQ(totals.comps, comps);
    ASSERT_EQ(totals.net, nets);
    ASSERT_EQ(totals.net, totals.subtotal - totals.discounts - totals.comps);

    ASSERT_EQ(totals.taxes.size(), class_nets.size());
    Money tax, exclusive;
    for (const TaxLine& line : totals.taxes) {
      ASSERT_EQ(line.taxable, class_nets[line.tax_class_id]);
      std::int64_t rate = 0;
      for (const TaxClass& tax_class : classes) {
        if (tax_class.id == line.tax_class_id) rate = tax_class.rate_ppm;
      }
      // Rounded to the nearest cent: |tax x base - taxable x rate| <= base / 2.
      const std::int64_t base = kPartsPerMillion + (line.inclusive ? rate : 0);
      const __int128 miss = static_cast<__int128>(line.tax.in_cents()) * base -
                            static_cast<__int128>(line.taxable.in_cents()) * rate;
      ASSERT_LE(2 * (miss < 0 ? -miss : miss), base) << line.tax_class_id;
      tax += line.tax;
      if (!line.inclusive) exclusive += line.tax;
    }
    ASSERT_EQ(totals.tax, tax);
    ASSERT_EQ(totals.exclusive_tax, exclusive);
    ASSERT_EQ(totals.total, totals.net + totals.exclusive_tax);

    Money paid, tips;
    for (const Payment& p : check.payments) {
      paid += p.amount;
      tips += p.tip;
    }
    ASSERT_EQ(totals.paid, paid);
    ASSERT_EQ(totals.tips, tips);
    ASSERT_EQ(totals.balance, totals.total - paid);
  }
}

TEST(PriceCheckProperty, ACheckPercentTakesItsRoundedShareOfTheSubtotal) {
  RandomChecks random(99);
  for (int round = 0; round < 2000; ++round) {
    const std::vector<TaxClass> classes = random.tax_classes();
    Check check = random.check(classes);
    const std::int64_t basis_points = random.amount(0, 10'000);
    check.discounts = {percent_off(basis_points)};
    const CheckTotals totals = price_check(check, classes);
    ASSERT_EQ(totals.discounts, percent_of(totals.subtotal, basis_points, Rounding::half_up))
        << "round " << round;
    ASSERT_EQ(totals.comps, Money::zero());
    if (totals.subtotal.is_zero()) continue;
    // Spread in proportion: each line within a cent of its exact share.
    for (const LinePrice& line : totals.lines) {
      const __int128 miss =
          static_cast<__int128>(line.discount.in_cents()) * totals.subtotal.in_cents() -
          static_cast<__int128>(totals.discounts.in_cents()) * line.gross.in_cents();
      ASSERT_LT(miss < 0 ? -miss : miss, totals.subtotal.in_cents()) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace brigade
