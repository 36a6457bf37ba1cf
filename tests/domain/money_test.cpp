#include "brigade/domain/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace brigade {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

std::vector<Money> in_cents(std::vector<std::int64_t> amounts) {
  std::vector<Money> money;
  for (const std::int64_t amount : amounts) money.push_back(Money::cents(amount));
  return money;
}

std::vector<Money> allocate_cents(std::int64_t total, std::vector<std::int64_t> weights) {
  return allocate(Money::cents(total), weights);
}

// --- mul_div ---------------------------------------------------------------------------

TEST(MulDiv, HalfUpRoundsHalvesAwayFromZero) {
  EXPECT_EQ(mul_div(25, 1, 10, Rounding::half_up), 3);
  EXPECT_EQ(mul_div(-25, 1, 10, Rounding::half_up), -3);
  EXPECT_EQ(mul_div(15, 1, 10, Rounding::half_up), 2);
  EXPECT_EQ(mul_div(24, 1, 10, Rounding::half_up), 2);
  EXPECT_EQ(mul_div(-24, 1, 10, Rounding::half_up), -2);
  EXPECT_EQ(mul_div(26, 1, 10, Rounding::half_up), 3);
}

TEST(MulDiv, HalfEvenRoundsHalvesToTheEvenNeighbour) {
  EXPECT_EQ(mul_div(25, 1, 10, Rounding::half_even), 2);
  EXPECT_EQ(mul_div(35, 1, 10, Rounding::half_even), 4);
  EXPECT_EQ(mul_div(-25, 1, 10, Rounding::half_even), -2);
  EXPECT_EQ(mul_div(-35, 1, 10, Rounding::half_even), -4);
  EXPECT_EQ(mul_div(26, 1, 10, Rounding::half_even), 3);
  EXPECT_EQ(mul_div(24, 1, 10, Rounding::half_even), 2);
  EXPECT_EQ(mul_div(-26, 1, 10, Rounding::half_even), -3);
}

TEST(MulDiv, DownTruncatesTowardZero) {
  EXPECT_EQ(mul_div(29, 1, 10, Rounding::down), 2);
  EXPECT_EQ(mul_div(-29, 1, 10, Rounding::down), -2);
  EXPECT_EQ(mul_div(20, 1, 10, Rounding::down), 2);
}

TEST(MulDiv, UpRoundsAwayFromZero) {
  EXPECT_EQ(mul_div(21, 1, 10, Rounding::up), 3);
  EXPECT_EQ(mul_div(-21, 1, 10, Rounding::up), -3);
  EXPECT_EQ(mul_div(20, 1, 10, Rounding::up), 2);
}

TEST(MulDiv, NegativeNumeratorRoundsLikeANegativeValue) {
  EXPECT_EQ(mul_div(100, -1, 3, Rounding::half_up), -33);
  EXPECT_EQ(mul_div(100, -1, 3, Rounding::up), -34);
  EXPECT_EQ(mul_div(-100, -1, 3, Rounding::up), 34);
  EXPECT_EQ(mul_div(5, -1, 2, Rounding::half_up), -3);
  EXPECT_EQ(mul_div(5, -1, 2, Rounding::half_even), -2);
}

TEST(MulDiv, ExactWhenTheProductOverflowsSixtyFourBits) {
  EXPECT_EQ(mul_div(kMax, kMax - 1, kMax, Rounding::down), kMax - 1);
  EXPECT_EQ(mul_div(kMax, kMax, kMax, Rounding::half_up), kMax);
  // kMax * 3 / 4 = 6917529027641081855.25
  EXPECT_EQ(mul_div(kMax, 3, 4, Rounding::half_up), 6917529027641081855);
  EXPECT_EQ(mul_div(kMax, 3, 4, Rounding::up), 6917529027641081856);
  // 10^18 cents at 8.875% inclusive: ...812.8587
  EXPECT_EQ(mul_div(1'000'000'000'000'000'000, 1'000'000, 1'088'750, Rounding::half_up),
            918484500574052813);
  EXPECT_EQ(mul_div(1'000'000'000'000'000'000, 1'000'000, 1'088'750, Rounding::down),
            918484500574052812);
  // kMin * 3 / 7 = -3952873730080618203.43
  EXPECT_EQ(mul_div(kMin, 3, 7, Rounding::half_up), -3952873730080618203);
  EXPECT_EQ(mul_div(kMin, 3, 7, Rounding::up), -3952873730080618204);
}

TEST(MulDiv, ZeroStaysZeroWhateverTheRounding) {
  for (Rounding r : {Rounding::half_up, Rounding::half_even, Rounding::down, Rounding::up}) {
    EXPECT_EQ(mul_div(0, 123, 7, r), 0);
  }
}

// --- scale and percent_of --------------------------------------------------------------

TEST(PercentOf, TenPercentOfTenOhFiveRoundsHalfUpByDefault) {
  EXPECT_EQ(percent_of(Money::cents(1005), 1000), Money::cents(101));
  EXPECT_EQ(percent_of(Money::cents(1005), 1000, Rounding::half_even), Money::cents(100));
  EXPECT_EQ(percent_of(Money::cents(-1005), 1000), Money::cents(-101));
}

TEST(PercentOf, BasisPointsMeanHundredthsOfAPercent) {
  EXPECT_EQ(percent_of(Money::cents(10000), 1250), Money::cents(1250));  // 12.5%
  EXPECT_EQ(percent_of(Money::cents(4321), kBasisPointsPerWhole), Money::cents(4321));
  EXPECT_EQ(percent_of(Money::cents(4321), 0), Money::zero());
}

TEST(Scale, RoundsAsAsked) {
  EXPECT_EQ(scale(Money::cents(100), 1, 3), Money::cents(33));
  EXPECT_EQ(scale(Money::cents(200), 1, 3), Money::cents(67));
  EXPECT_EQ(scale(Money::cents(200), 1, 3, Rounding::down), Money::cents(66));
  EXPECT_EQ(scale(Money::cents(100), 1, 3, Rounding::up), Money::cents(34));
}

// --- allocate --------------------------------------------------------------------------

TEST(Allocate, EqualWeightsGiveTheExtraCentToTheFirstPart) {
  EXPECT_EQ(allocate_cents(100, {1, 1, 1}), in_cents({34, 33, 33}));
}

TEST(Allocate, LeftoverCentsGoToTheLargestRemainders) {
  // exact shares 16.67, 33.33, 50
  EXPECT_EQ(allocate_cents(100, {1, 2, 3}), in_cents({17, 33, 50}));
  // exact shares 0.3, 0.3, 0.4: the last part has the largest remainder
  EXPECT_EQ(allocate_cents(1, {3, 3, 4}), in_cents({0, 0, 1}));
  // exact shares 3.6, 2.4, 4.0 -> 3+2+4 = 9, the cent goes to 0.6
  EXPECT_EQ(allocate_cents(10, {9, 6, 10}), in_cents({4, 2, 4}));
}

TEST(Allocate, RemainderTiesGoToTheLowerIndex) {
  EXPECT_EQ(allocate_cents(1, {1, 1}), in_cents({1, 0}));
  EXPECT_EQ(allocate_cents(2, {1, 1, 1}), in_cents({1, 1, 0}));
  EXPECT_EQ(allocate_cents(1, {2, 1, 1}), in_cents({1, 0, 0}));
  EXPECT_EQ(allocate_cents(2, {1, 2, 1, 2}), in_cents({0, 1, 0, 1}));
}

TEST(Allocate, ZeroWeightTakesNothingWhileOthersHaveWeight) {
  EXPECT_EQ(allocate_cents(7, {0, 5, 0}), in_cents({0, 7, 0}));
  EXPECT_EQ(allocate_cents(3, {0, 1, 1}), in_cents({0, 2, 1}));
}

TEST(Allocate, AllZeroWeightsSplitEvenly) {
  EXPECT_EQ(allocate_cents(10, {0, 0, 0}), in_cents({4, 3, 3}));
  EXPECT_EQ(allocate_cents(-10, {0, 0, 0}), in_cents({-4, -3, -3}));
}

TEST(Allocate, NegativeTotalIsSplitByMagnitudeAndNegated) {
  EXPECT_EQ(allocate_cents(-100, {1, 1, 1}), in_cents({-34, -33, -33}));
  EXPECT_EQ(allocate_cents(-100, {1, 2, 3}), in_cents({-17, -33, -50}));
}

TEST(Allocate, EmptyWeightsGiveNoParts) {
  EXPECT_TRUE(allocate_cents(100, {}).empty());
}

TEST(Allocate, ZeroTotalGivesZeroParts) {
  EXPECT_EQ(allocate_cents(0, {5, 0, 3}), in_cents({0, 0, 0}));
}

TEST(Allocate, HugeTotalsAndWeightsStillSumExactly) {
  const std::vector<Money> parts = allocate_cents(kMax, {kMax, kMax, 1});
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0] + parts[1] + parts[2], Money::cents(kMax));
  // Shares are kMax/2 + 0.25 twice and 0.5 - a hair: the odd cent goes to the third.
  EXPECT_EQ(parts[0], Money::cents(kMax / 2));
  EXPECT_EQ(parts[1], Money::cents(kMax / 2));
  EXPECT_EQ(parts[2], Money::cents(1));
}

TEST(AllocateEvenly, PartsDifferByAtMostACentFirstPartsTakeTheExtra) {
  EXPECT_EQ(allocate_evenly(Money::cents(100), 3), in_cents({34, 33, 33}));
  EXPECT_EQ(allocate_evenly(Money::cents(2), 5), in_cents({1, 1, 0, 0, 0}));
  EXPECT_EQ(allocate_evenly(Money::cents(-100), 3), in_cents({-34, -33, -33}));
  EXPECT_EQ(allocate_evenly(Money::cents(999), 1), in_cents({999}));
  EXPECT_EQ(allocate_evenly(Money::cents(600), 4), in_cents({150, 150, 150, 150}));
}

TEST(AllocateProperty, SumsToTotalAndEachPartIsWithinACentOfItsExactShare) {
  std::mt19937 random(20240611);
  std::uniform_int_distribution<std::int64_t> total_of(-1'000'000, 1'000'000);
  std::uniform_int_distribution<int> count_of(1, 12);
  std::uniform_int_distribution<std::int64_t> weight_of(0, 50'000);
  for (int round = 0; round < 5000; ++round) {
    const std::int64_t total = total_of(random);
    std::vector<std::int64_t> weights(count_of(random));
    __int128 weight_sum = 0;
    for (std::int64_t& weight : weights) {
      weight = random() % 4 == 0 ? 0 : weight_of(random);
      weight_sum += weight;
    }
    const std::vector<Money> parts = allocate(Money::cents(total), weights);
    ASSERT_EQ(parts.size(), weights.size());
    Money sum;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      sum += parts[i];
      if (weight_sum == 0) continue;
      // |part - total * w / W| < 1, kept in integers.
      const __int128 miss = static_cast<__int128>(parts[i].in_cents()) * weight_sum -
                            static_cast<__int128>(total) * weights[i];
      ASSERT_LT(miss < 0 ? -miss : miss, weight_sum) << "round " << round << " part " << i;
      if (weights[i] == 0) {
        ASSERT_EQ(parts[i], Money::zero());
      }
    }
    ASSERT_EQ(sum, Money::cents(total)) << "round " << round;
  }
}

// --- format_money ----------------------------------------------------------------------

TEST(FormatMoney, GroupsThousandsAndShowsTwoDecimals) {
  EXPECT_EQ(format_money(Money::cents(123456)), "$1,234.56");
  EXPECT_EQ(format_money(Money::cents(100000000)), "$1,000,000.00");
  EXPECT_EQ(format_money(Money::cents(99999)), "$999.99");
  EXPECT_EQ(format_money(Money::cents(100000)), "$1,000.00");
}

TEST(FormatMoney, SmallAmountsKeepTheLeadingZero) {
  EXPECT_EQ(format_money(Money::cents(5)), "$0.05");
  EXPECT_EQ(format_money(Money::cents(50)), "$0.50");
  EXPECT_EQ(format_money(Money::zero()), "$0.00");
}

TEST(FormatMoney, MinusSignGoesBeforeTheSymbol) {
  EXPECT_EQ(format_money(Money::cents(-300)), "-$3.00");
  EXPECT_EQ(format_money(Money::cents(-5)), "-$0.05");
  EXPECT_EQ(format_money(Money::cents(-123456)), "-$1,234.56");
}

TEST(FormatMoney, MostNegativeAmountDoesNotOverflow) {
  EXPECT_EQ(format_money(Money::cents(kMin)), "-$92,233,720,368,547,758.08");
  EXPECT_EQ(format_money(Money::cents(kMax)), "$92,233,720,368,547,758.07");
}

TEST(FormatMoney, UsesTheGivenSymbolAndSeparators) {
  const CurrencyFormat euro{"€", ',', '.'};
  EXPECT_EQ(format_money(Money::cents(123456), euro), "€1.234,56");
  EXPECT_EQ(format_money(Money::cents(-7), euro), "-€0,07");
}

TEST(FormatMoney, ACurrencyWithoutAThousandsSeparatorWritesTheDigitsTogether) {
  const CurrencyFormat francs{"CHF ", '.', std::nullopt};
  EXPECT_EQ(format_money(Money::cents(123456789), francs), "CHF 1234567.89");
  EXPECT_EQ(format_money(Money::cents(-100000), francs), "-CHF 1000.00");
  EXPECT_EQ(format_money(Money::cents(123456789), francs).find('\0'), std::string::npos);
}

// --- parse_money -----------------------------------------------------------------------

TEST(ParseMoney, ReadsWholeAndDecimalAmounts) {
  EXPECT_EQ(parse_money("12").value(), Money::cents(1200));
  EXPECT_EQ(parse_money("12.5").value(), Money::cents(1250));
  EXPECT_EQ(parse_money("12.50").value(), Money::cents(1250));
  EXPECT_EQ(parse_money("0.05").value(), Money::cents(5));
  EXPECT_EQ(parse_money("0").value(), Money::zero());
}

TEST(ParseMoney, ReadsSignsSymbolsAndThousands) {
  EXPECT_EQ(parse_money("-3.00").value(), Money::cents(-300));
  EXPECT_EQ(parse_money("1,234.56").value(), Money::cents(123456));
  EXPECT_EQ(parse_money("1,234,567").value(), Money::cents(123456700));
  EXPECT_EQ(parse_money("$4.00").value(), Money::cents(400));
  EXPECT_EQ(parse_money("-$4.00").value(), Money::cents(-400));
  EXPECT_EQ(parse_money(" 7.25 ").value(), Money::cents(725));
}

TEST(ParseMoney, ReadsBackWhatFormatMoneyWrote) {
  std::mt19937 random(7);
  std::uniform_int_distribution<std::int64_t> amount_of(-100'000'000'000, 100'000'000'000);
  for (int round = 0; round < 2000; ++round) {
    const Money amount = Money::cents(amount_of(random));
    const Result<Money> parsed = parse_money(format_money(amount));
    ASSERT_TRUE(parsed.ok()) << format_money(amount);
    ASSERT_EQ(parsed.value(), amount);
  }
}

void expect_not_money(std::string_view text, std::string_view why) {
  const Result<Money> parsed = parse_money(text);
  ASSERT_FALSE(parsed.ok()) << text;
  EXPECT_EQ(parsed.error().code, Errc::invalid_argument) << text;
  EXPECT_EQ(parsed.error().message,
            "\"" + std::string(text) + "\" is not an amount of money: " + std::string(why));
}

TEST(ParseMoney, RefusesMoreThanTwoDecimals) {
  expect_not_money("12.345", "more than two decimals");
  expect_not_money("0.001", "more than two decimals");
}

TEST(ParseMoney, RefusesEmptyText) {
  expect_not_money("", "it is empty");
  expect_not_money("   ", "it is empty");
}

TEST(ParseMoney, RefusesStrayCharacters) {
  expect_not_money("12a", "unexpected character");
  expect_not_money("abc", "unexpected character");
  expect_not_money("1 000", "unexpected character");
  expect_not_money("--3", "unexpected character");
  expect_not_money("$-3", "unexpected character");
  expect_not_money("+3", "unexpected character");
  expect_not_money("1.2.3", "unexpected character after the decimal point");
  expect_not_money("1.-5", "unexpected character after the decimal point");
}

TEST(ParseMoney, RefusesMissingDigits) {
  expect_not_money("-", "digits are missing");
  expect_not_money("$", "digits are missing");
  expect_not_money(".50", "digits are missing before the decimal point");
  expect_not_money("12.", "digits are missing after the decimal point");
}

TEST(ParseMoney, RefusesCommasThatDoNotGroupThrees) {
  expect_not_money("1,23.45", "commas must group the digits in threes");
  expect_not_money("12,34", "commas must group the digits in threes");
  expect_not_money("1234,567", "commas must group the digits in threes");
  expect_not_money(",123", "commas must group the digits in threes");
  expect_not_money("1,,234", "commas must group the digits in threes");
}

TEST(ParseMoney, ReadsTheLargestAmountItCanHold) {
  EXPECT_EQ(parse_money("92233720368547758.07").value(), Money::cents(kMax));
  EXPECT_EQ(parse_money("-92,233,720,368,547,758.07").value(), Money::cents(-kMax));
}

TEST(ParseMoney, RefusesAmountsTooLargeToHold) {
  expect_not_money("92233720368547758.08", "too large");
  expect_not_money("99999999999999999999", "too large");
}

}  // namespace
}  // namespace brigade
