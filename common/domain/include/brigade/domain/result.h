// Errors and results at the boundary of the core: a machine-readable code plus a
// sentence a person can act on. Nothing in the core throws across this line.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace brigade {

enum class Errc {
  invalid_argument,         // a value that can never be right (negative price, empty id, ...)
  not_found,                // an id that names nothing
  invalid_quantity,         // quantity <= 0 or absurdly large
  unknown_item,             // a menu item that does not exist
  unknown_modifier,         // a modifier that does not exist on the menu
  modifier_not_for_item,    // a modifier from a group the item does not offer
  forced_modifier_missing,  // a forced group left unanswered
  too_many_modifiers,       // more choices than a group allows
  item_86,                  // the item is 86'd (out)
  not_enough_stock,         // a tracked item with fewer portions left than ordered
  not_on_sale,              // retired, or outside the item's day parts
  check_closed,             // the check is closed (or merged away): nothing may change
  line_not_found,           // no such line on this check
  line_already_sent,        // the line is with the kitchen: void it instead
  line_not_sent,            // the line was never sent: remove it instead of voiding
  line_voided,              // the line is already voided
  reason_required,          // voids, comps and discounts need a reason
  nothing_to_send,          // no new lines
  nothing_held,             // fire of a course with no held lines
  invalid_discount,         // a discount of zero, below zero, or over 100%
  invalid_payment,          // a payment of zero or below, an unknown split part, ...
  payment_exceeds_balance,  // a non-cash payment above what is due
  nothing_due,              // a payment on a check (or part) with nothing left to pay
  balance_due,              // closing a check that is not fully paid
  unsent_lines,             // closing a check that still has lines the kitchen never saw
  has_payments,             // moving lines off a check that already took money
  invalid_split,            // a split that does not cover the check, or has too many parts
  invalid_menu,             // the menu contradicts itself (unknown station, min > max, ...)
  invalid_restaurant_file,  // the restaurant file is malformed
  storage_error,            // the database could not do what was asked
  not_logged_in,            // no session, or the session ended
  not_paired,               // the device's key is not paired with the hub, or was revoked
  wrong_pairing_code,       // a pairing code that no pairing in progress has
  wrong_pin,                // a PIN that belongs to nobody (or to nobody allowed)
  forbidden,                // the role may not do this (a manager's PIN may lend permission)
  locked_out,               // too many wrong PINs in a row: no PIN is checked until the wait ends
  clock_refused,            // a punch that does not follow (clocked in twice, a break while off)
  not_clocked_in,           // the store asks for a clock-in before taking orders
  day_already_open,         // opening a business day while one is open
  no_day_open,              // closing the business day when none is open
  checks_still_open,        // closing the day over open checks, not carried over
  check_not_closed,         // refunding a check still open (void or discount it instead)
  nothing_to_refund,        // every line asked for was refunded already
  drawer_already_open,      // opening a drawer on a terminal that has one open
  drawer_counted,           // a drawer already counted at the close: nothing goes in or out
};

std::string_view to_string(Errc code);

struct Error {
  Errc code;
  std::string message;
};

// A value or an Error. Result<> (of std::monostate) is a plain success/failure.
template <class T = std::monostate>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

using Status = Result<>;

inline Status success() {
  return Status(std::monostate{});
}
inline Error fail(Errc code, std::string message) {
  return Error{code, std::move(message)};
}

}  // namespace brigade
