#include "brigade/domain/result.h"

namespace brigade {

std::string_view to_string(Errc code) {
  switch (code) {
    case Errc::invalid_argument:
      return "invalid_argument";
    case Errc::not_found:
      return "not_found";
    case Errc::invalid_quantity:
      return "invalid_quantity";
    case Errc::unknown_item:
      return "unknown_item";
    case Errc::unknown_modifier:
      return "unknown_modifier";
    case Errc::modifier_not_for_item:
      return "modifier_not_for_item";
    case Errc::forced_modifier_missing:
      return "forced_modifier_missing";
    case Errc::too_many_modifiers:
      return "too_many_modifiers";
    case Errc::item_86:
      return "item_86";
    case Errc::not_enough_stock:
      return "not_enough_stock";
    case Errc::not_on_sale:
      return "not_on_sale";
    case Errc::check_closed:
      return "check_closed";
    case Errc::line_not_found:
      return "line_not_found";
    case Errc::line_already_sent:
      return "line_already_sent";
    case Errc::line_not_sent:
      return "line_not_sent";
    case Errc::line_voided:
      return "line_voided";
    case Errc::reason_required:
      return "reason_required";
    case Errc::nothing_to_send:
      return "nothing_to_send";
    case Errc::nothing_held:
      return "nothing_held";
    case Errc::invalid_discount:
      return "invalid_discount";
    case Errc::invalid_payment:
      return "invalid_payment";
    case Errc::payment_exceeds_balance:
      return "payment_exceeds_balance";
    case Errc::nothing_due:
      return "nothing_due";
    case Errc::balance_due:
      return "balance_due";
    case Errc::unsent_lines:
      return "unsent_lines";
    case Errc::has_payments:
      return "has_payments";
    case Errc::invalid_split:
      return "invalid_split";
    case Errc::invalid_menu:
      return "invalid_menu";
    case Errc::invalid_restaurant_file:
      return "invalid_restaurant_file";
    case Errc::storage_error:
      return "storage_error";
    case Errc::not_logged_in:
      return "not_logged_in";
    case Errc::not_paired:
      return "not_paired";
    case Errc::wrong_pairing_code:
      return "wrong_pairing_code";
    case Errc::wrong_pin:
      return "wrong_pin";
    case Errc::forbidden:
      return "forbidden";
    case Errc::locked_out:
      return "locked_out";
    case Errc::clock_refused:
      return "clock_refused";
    case Errc::not_clocked_in:
      return "not_clocked_in";
    case Errc::day_already_open:
      return "day_already_open";
    case Errc::no_day_open:
      return "no_day_open";
    case Errc::checks_still_open:
      return "checks_still_open";
    case Errc::check_not_closed:
      return "check_not_closed";
    case Errc::nothing_to_refund:
      return "nothing_to_refund";
  }
  return "unknown_error";
}

}  // namespace brigade
