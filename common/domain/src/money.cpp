#include "brigade/domain/money.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>

namespace brigade {
namespace {

using Wide = __int128;

Wide magnitude(Wide v) {
  return v < 0 ? -v : v;
}

// Rounds the quotient of two wide values; denominator > 0.
Wide divide(Wide dividend, Wide denominator, Rounding rounding) {
  Wide quotient = dividend / denominator;  // truncates toward zero
  const Wide remainder = dividend % denominator;
  if (remainder == 0) return quotient;
  const Wide away = dividend < 0 ? -1 : 1;  // one step away from zero
  const Wide twice = 2 * magnitude(remainder);
  switch (rounding) {
    case Rounding::half_up:
      if (twice >= denominator) quotient += away;
      break;
    case Rounding::half_even:
      if (twice > denominator || (twice == denominator && quotient % 2 != 0)) quotient += away;
      break;
    case Rounding::down:
      break;
    case Rounding::up:
      quotient += away;
      break;
  }
  return quotient;
}

// Groups the digits of a non-negative number in threes: 1234567 -> "1,234,567".
std::string group_thousands(std::uint64_t whole, std::optional<char> separator) {
  std::string digits = std::to_string(whole);
  if (!separator) return digits;
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += *separator;
    grouped += digits[i];
  }
  return grouped;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

Error not_money(std::string_view text, std::string_view why) {
  return fail(Errc::invalid_argument,
              "\"" + std::string(text) + "\" is not an amount of money: " + std::string(why));
}

}  // namespace

std::int64_t mul_div(std::int64_t value, std::int64_t numerator, std::int64_t denominator,
                     Rounding rounding) {
  return static_cast<std::int64_t>(
      divide(static_cast<Wide>(value) * numerator, static_cast<Wide>(denominator), rounding));
}

Money scale(Money m, std::int64_t numerator, std::int64_t denominator, Rounding rounding) {
  return Money::cents(mul_div(m.in_cents(), numerator, denominator, rounding));
}

Money percent_of(Money m, std::int64_t basis_points, Rounding rounding) {
  return scale(m, basis_points, kBasisPointsPerWhole, rounding);
}

std::vector<Money> allocate(Money total, std::span<const std::int64_t> weights) {
  const std::size_t n = weights.size();
  if (n == 0) return {};

  // Negative weights make no sense as shares; they count as nothing.
  std::vector<Wide> shares_of(n);
  Wide weight_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    shares_of[i] = std::max<std::int64_t>(weights[i], 0);
    weight_sum += shares_of[i];
  }
  if (weight_sum == 0) {
    std::fill(shares_of.begin(), shares_of.end(), 1);
    weight_sum = static_cast<Wide>(n);
  }

  // Work on the magnitude so that leftover cents go the same way for refunds.
  const Wide amount = magnitude(total.in_cents());
  std::vector<Wide> parts(n);
  std::vector<Wide> remainders(n);
  Wide handed_out = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Wide exact = amount * shares_of[i];
    parts[i] = exact / weight_sum;
    remainders[i] = exact % weight_sum;
    handed_out += parts[i];
  }

  // Largest remainders first; the stable sort keeps ties in index order.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  const auto leftover = static_cast<std::size_t>(amount - handed_out);  // < n
  for (std::size_t k = 0; k < leftover; ++k) parts[order[k]] += 1;

  std::vector<Money> result;
  result.reserve(n);
  for (const Wide part : parts) {
    const auto cents = static_cast<std::int64_t>(part);
    result.push_back(Money::cents(total.is_negative() ? -cents : cents));
  }
  return result;
}

std::vector<Money> allocate_evenly(Money total, int n) {
  if (n < 1) return {};
  const std::vector<std::int64_t> equal(static_cast<std::size_t>(n), 1);
  return allocate(total, equal);
}

std::string format_money(Money m, const CurrencyFormat& format) {
  const std::int64_t cents = m.in_cents();
  // Unsigned so that the most negative amount still has a magnitude.
  const std::uint64_t size = cents < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(cents)
                                       : static_cast<std::uint64_t>(cents);
  const std::uint64_t fraction = size % 100;

  std::string text;
  if (cents < 0) text += '-';
  text += format.symbol;
  text += group_thousands(size / 100, format.thousands_separator);
  text += format.decimal_point;
  text += static_cast<char>('0' + fraction / 10);
  text += static_cast<char>('0' + fraction % 10);
  return text;
}

Result<Money> parse_money(std::string_view text) {
  std::string_view rest = text;
  // People type spaces around numbers; inside a number they are stray characters.
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty()) return not_money(text, "it is empty");

  const bool negative = rest.front() == '-';
  if (negative) rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '$') rest.remove_prefix(1);

  const std::size_t point = rest.find('.');
  const std::string_view whole = rest.substr(0, point);
  const bool has_point = point != std::string_view::npos;
  const std::string_view fraction = has_point ? rest.substr(point + 1) : std::string_view{};
  if (whole.empty()) {
    return not_money(
        text, has_point ? "digits are missing before the decimal point" : "digits are missing");
  }
  if (has_point && fraction.empty()) {
    return not_money(text, "digits are missing after the decimal point");
  }
  if (!std::all_of(fraction.begin(), fraction.end(), is_digit)) {
    return not_money(text, "unexpected character after the decimal point");
  }
  if (fraction.size() > 2) return not_money(text, "more than two decimals");
  std::int64_t fraction_cents = 0;
  if (!fraction.empty()) fraction_cents += (fraction[0] - '0') * 10;
  if (fraction.size() == 2) fraction_cents += fraction[1] - '0';

  // Whole units: digits, optionally grouped in threes by commas ("1,234").
  constexpr std::int64_t kMaxCents = std::numeric_limits<std::int64_t>::max();
  std::int64_t units = 0;
  const bool grouped = whole.find(',') != std::string_view::npos;
  std::size_t digits_in_group = 0;
  bool first_group = true;
  for (const char c : whole) {
    if (c == ',') {
      if (digits_in_group == 0 || digits_in_group > 3 || (!first_group && digits_in_group != 3)) {
        return not_money(text, "commas must group the digits in threes");
      }
      first_group = false;
      digits_in_group = 0;
      continue;
    }
    if (!is_digit(c)) return not_money(text, "unexpected character");
    if (units > (kMaxCents / 100 - (c - '0')) / 10) return not_money(text, "too large");
    units = units * 10 + (c - '0');
    ++digits_in_group;
  }
  if (grouped && digits_in_group != 3) {
    return not_money(text, "commas must group the digits in threes");
  }
  if (units > (kMaxCents - fraction_cents) / 100) return not_money(text, "too large");

  const std::int64_t cents = units * 100 + fraction_cents;
  return Money::cents(negative ? -cents : cents);
}

}  // namespace brigade
