#include "brigade/domain/drawer.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "brigade/domain/check.h"

namespace brigade {

namespace {
constexpr std::pair<DrawerMoveKind, std::string_view> kKinds[] = {
    {DrawerMoveKind::cash_sale, "cash_sale"},   {DrawerMoveKind::cash_refund, "cash_refund"},
    {DrawerMoveKind::paid_in, "paid_in"},       {DrawerMoveKind::paid_out, "paid_out"},
    {DrawerMoveKind::tip_payout, "tip_payout"}, {DrawerMoveKind::no_sale, "no_sale"},
};
constexpr std::int64_t kMaxDenomination = 100'000;  // a $1,000 note
constexpr std::int64_t kMaxPieces = 100'000;

}  // namespace

std::string_view to_string(DrawerMoveKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "unknown";
}

std::optional<DrawerMoveKind> drawer_move_kind_from_string(std::string_view text) {
  for (const auto& [k, name] : kKinds)
    if (name == text) return k;
  return std::nullopt;
}

Money cash_effect(const DrawerMove& move) {
  switch (move.kind) {
    case DrawerMoveKind::cash_sale:
    case DrawerMoveKind::paid_in:
      return move.amount;
    case DrawerMoveKind::cash_refund:
    case DrawerMoveKind::paid_out:
    case DrawerMoveKind::tip_payout:
      return -move.amount;
    case DrawerMoveKind::no_sale:
      break;
  }
  return Money::zero();
}

Money expected_cash(const Drawer& drawer, const std::vector<DrawerMove>& moves) {
  Money expected = drawer.opening_float;
  for (const DrawerMove& move : moves) expected += cash_effect(move);
  return expected;
}

Status check_float(Money opening_float) {
  if (opening_float.is_negative() || opening_float.in_cents() > kMaxDrawerCents)
    return fail(Errc::invalid_argument, "a float is $0.00 to " +
                                            format_money(Money::cents(kMaxDrawerCents)) + ", not " +
                                            format_money(opening_float));
  return success();
}

Status check_move(const DrawerMove& move) {
  switch (move.kind) {
    case DrawerMoveKind::cash_sale:
    case DrawerMoveKind::cash_refund:
      return fail(Errc::invalid_argument, "cash sales and refunds are recorded by the hub itself");
    case DrawerMoveKind::no_sale:
      if (!move.amount.is_zero()) return fail(Errc::invalid_argument, "a no-sale moves no money");
      return success();
    case DrawerMoveKind::paid_in:
    case DrawerMoveKind::paid_out:
      if (auto s = require_reason(
              move.reason, move.kind == DrawerMoveKind::paid_in ? "a paid-in" : "a paid-out");
          !s)
        return s;
      break;
    case DrawerMoveKind::tip_payout:
      if (move.staff_id.empty())
        return fail(Errc::invalid_argument, "a tip payout names who is paid");
      break;
  }
  if (move.amount <= Money::zero() || move.amount.in_cents() > kMaxDrawerCents)
    return fail(Errc::invalid_argument, "the amount must be above $0.00 and at most " +
                                            format_money(Money::cents(kMaxDrawerCents)));
  return success();
}

Result<Money> count_total(const std::map<std::int64_t, std::int64_t>& denominations) {
  Money total;
  for (const auto& [cents, pieces] : denominations) {
    if (cents < 1 || cents > kMaxDenomination)
      return fail(Errc::invalid_argument, "a denomination is 1 cent to " +
                                              format_money(Money::cents(kMaxDenomination)) +
                                              ", not " + std::to_string(cents) + " cents");
    if (pieces < 0 || pieces > kMaxPieces)
      return fail(Errc::invalid_quantity, "0 to " + std::to_string(kMaxPieces) + " pieces of " +
                                              format_money(Money::cents(cents)) + ", not " +
                                              std::to_string(pieces));
    total += Money::cents(cents) * pieces;
  }
  return total;
}

}  // namespace brigade
