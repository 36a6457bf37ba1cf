// The cash drawer: one per terminal, opened with a float, into which every cash payment
// (and its cash tip) goes and out of which change, cash refunds, paid-outs and tips paid
// out in cash come; a no-sale opens it and is counted too. At the close a manager counts
// it by denomination, and the drawer shows what was expected, what was counted and the
// difference (over when positive, short when negative). Plain values and rules, no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/clock.h"
#include "brigade/domain/money.h"
#include "brigade/domain/result.h"

namespace brigade {

enum class DrawerMoveKind {
  cash_sale,    // a cash payment: what it applied and its tip (change never entered)
  cash_refund,  // cash given back on a refund
  paid_in,      // cash put in (change from the bank), with the reason
  paid_out,     // cash taken out for the business (a delivery paid at the door), with the reason
  tip_payout,   // tips handed to a person in cash (card tips paid out at the end of a shift)
  no_sale,      // the drawer opened without a sale: no money, but counted and kept
};
std::string_view to_string(DrawerMoveKind kind);
std::optional<DrawerMoveKind> drawer_move_kind_from_string(std::string_view text);

struct DrawerMove {
  std::int64_t id = 0;
  std::int64_t drawer_id = 0;
  DrawerMoveKind kind = DrawerMoveKind::no_sale;
  Money amount;               // never negative: the kind says which way it goes
  std::string reason;         // paid in/out: required; no-sale: optional
  std::string staff_id;       // tip payout: to whom
  std::int64_t check_id = 0;  // cash sale or refund: the check
  std::string by;
  EpochMs at = 0;

  bool operator==(const DrawerMove&) const = default;
};

struct Drawer {
  std::int64_t id = 0;
  std::int64_t day = 0;   // the business day it belongs to
  std::string device_id;  // the terminal it sits under
  std::string name;       // "Terminal 1"
  Money opening_float;
  std::string opened_by;
  EpochMs opened_at = 0;
  // The count at the close: by denomination (cents -> how many), its sum, who and when.
  std::map<std::int64_t, std::int64_t> denominations;
  Money counted;
  std::string counted_by;
  EpochMs counted_at = 0;  // 0: not counted
  // When it stopped taking cash: its count, or its day's close without one.
  EpochMs closed_at = 0;

  bool is_open() const { return closed_at == 0; }
  bool is_counted() const { return counted_at != 0; }
  bool operator==(const Drawer&) const = default;
};

// Which way a move takes the cash: +amount in, -amount out, 0 for a no-sale.
Money cash_effect(const DrawerMove& move);
// The float plus every move's effect.
Money expected_cash(const Drawer& drawer, const std::vector<DrawerMove>& moves);

constexpr std::int64_t kMaxDrawerCents = 10'000'000;  // $100,000: more is a typing mistake

// A float from $0 up to the limit.
Status check_float(Money opening_float);
// A move a person makes: paid in, paid out, tip payout (an amount above zero and within the
// limit; a reason for paid in and out; a person for a tip payout) or a no-sale (no amount).
// Cash sales and refunds are the hub's own.
Status check_move(const DrawerMove& move);
// The count: denominations from 1 cent to $1,000, each 0 to 100,000 pieces, summed.
Result<Money> count_total(const std::map<std::int64_t, std::int64_t>& denominations);

}  // namespace brigade
