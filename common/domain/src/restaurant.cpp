#include "brigade/domain/restaurant.h"

#include <map>
#include <set>
#include <string>

namespace brigade {

namespace {

Error restaurant_error(std::string message) {
  return fail(Errc::invalid_argument, std::move(message));
}

}  // namespace

Status validate_restaurant(const Restaurant& restaurant) {
  if (auto s = validate_menu(restaurant.menu); !s) return s;
  if (auto s = validate_floor(restaurant.floor); !s) return s;

  if (!is_valid_pin_digits(restaurant.pin_digits))
    return restaurant_error("pin_digits must be 4 or 6, not " +
                            std::to_string(restaurant.pin_digits));
  const std::string pin_rule =
      restaurant.pin_digits == 6 ? "a PIN of 6 digits" : "a PIN of 4 to 6 digits";
  std::set<std::string_view> staff_ids;
  std::map<std::string_view, std::string_view> pin_owner;  // pin -> staff id
  for (const StaffSeed& seed : restaurant.staff) {
    const StaffMember& member = seed.member;
    if (member.id.empty()) return restaurant_error("a staff member has an empty id");
    if (!staff_ids.insert(member.id).second)
      return restaurant_error("staff id '" + member.id + "' is used twice");
    // Never echo a PIN in a message: errors end up in logs.
    if (!is_valid_pin(seed.pin, restaurant.pin_digits))
      return restaurant_error("staff '" + member.id + "' needs " + pin_rule);
    // A PIN is how a terminal knows who is there: two people cannot share one.
    auto [it, fresh] = pin_owner.emplace(seed.pin, member.id);
    if (!fresh)
      return restaurant_error("staff '" + member.id + "' has the same PIN as staff '" +
                              std::string(it->second) + "'");
  }

  for (const auto& [item_id, level] : restaurant.stock) {
    const MenuItem* item = restaurant.menu.find_item(item_id);
    if (!item) return restaurant_error("stock names '" + item_id + "', which is not a menu item");
    if (level.remaining)
      return restaurant_error("stock gives a count for '" + item_id +
                              "': counts are kept by ingredient");
  }
  for (const auto& [ingredient_id, on_hand] : restaurant.inventory) {
    if (!restaurant.menu.find_ingredient(ingredient_id))
      return restaurant_error("inventory names '" + ingredient_id +
                              "', which is not an ingredient");
    if (on_hand < 0) return restaurant_error("inventory for '" + ingredient_id + "' is below zero");
  }
  return success();
}

}  // namespace brigade
