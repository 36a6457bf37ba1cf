// Money is an integer count of minor units (cents). Never floating point.
// Every division states its rounding; allocations never create or lose a cent.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/result.h"

namespace brigade {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money cents(std::int64_t c) { return Money(c); }
  static constexpr Money zero() { return Money(0); }

  constexpr std::int64_t in_cents() const { return cents_; }
  constexpr bool is_zero() const { return cents_ == 0; }
  constexpr bool is_negative() const { return cents_ < 0; }

  constexpr Money operator+(Money o) const { return Money(cents_ + o.cents_); }
  constexpr Money operator-(Money o) const { return Money(cents_ - o.cents_); }
  constexpr Money operator-() const { return Money(-cents_); }
  constexpr Money operator*(std::int64_t n) const { return Money(cents_ * n); }
  constexpr Money& operator+=(Money o) {
    cents_ += o.cents_;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    cents_ -= o.cents_;
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t c) : cents_(c) {}
  std::int64_t cents_ = 0;
};

constexpr Money min(Money a, Money b) {
  return a < b ? a : b;
}
constexpr Money max(Money a, Money b) {
  return a < b ? b : a;
}

enum class Rounding {
  half_up,    // halves away from zero: 2.5 -> 3, -2.5 -> -3 (the usual rule for tax and discounts)
  half_even,  // halves to the even neighbour: 2.5 -> 2, 3.5 -> 4 (banker's rounding)
  down,       // toward zero
  up,         // away from zero
};

// value * numerator / denominator, rounded as asked. denominator > 0.
// Exact for any int64 inputs whose true result fits in int64 (uses 128-bit intermediates).
std::int64_t mul_div(std::int64_t value, std::int64_t numerator, std::int64_t denominator,
                     Rounding rounding);

// m * numerator / denominator, rounded as asked.
Money scale(Money m, std::int64_t numerator, std::int64_t denominator,
            Rounding rounding = Rounding::half_up);

// Percentages are basis points: 10% = 1000, 12.5% = 1250, 100% = 10000.
constexpr std::int64_t kBasisPointsPerWhole = 10'000;
Money percent_of(Money m, std::int64_t basis_points, Rounding rounding = Rounding::half_up);

// Splits total into parts proportional to weights (each >= 0) by the largest-remainder
// method: the parts always sum exactly to total; leftover cents go to the largest
// remainders, ties to the lower index. All weights zero: split evenly. Negative totals
// are split by magnitude and negated. Empty weights: empty result.
std::vector<Money> allocate(Money total, std::span<const std::int64_t> weights);

// total into n (>= 1) parts that differ by at most one cent; the first parts take the extra cents.
std::vector<Money> allocate_evenly(Money total, int n);

struct CurrencyFormat {
  std::string symbol = "$";
  char decimal_point = '.';
  std::optional<char> thousands_separator = ',';  // none: 1234567.00

  bool operator==(const CurrencyFormat&) const = default;
};

// 123456 cents -> "$1,234.56"; -300 -> "-$3.00".
std::string format_money(Money m, const CurrencyFormat& format = {});

// "12", "12.5", "12.50", "-3.00", "1,234.56", "$4.00" -> cents. More than two decimals,
// stray characters or an empty string are errors (a price is never guessed).
Result<Money> parse_money(std::string_view text);

}  // namespace brigade
