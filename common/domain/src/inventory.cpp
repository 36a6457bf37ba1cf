#include "brigade/domain/inventory.h"

#include <algorithm>
#include <limits>

namespace brigade {

namespace {
void add_recipe(Needs& needs, const Recipe& recipe, int quantity) {
  for (const RecipePart& part : recipe) needs[part.ingredient_id] += part.quantity * quantity;
}

}  // namespace

Needs needs_of(const Menu& menu, const MenuItem& item, const std::vector<std::string>& chosen,
               int quantity) {
  Needs needs;
  add_recipe(needs, item.recipe, quantity);
  for (const auto& id : chosen)
    if (const ModifierGroup* group = menu.group_offering(item, id))
      if (const Modifier* modifier = group->find(id)) add_recipe(needs, modifier->recipe, quantity);
  return needs;
}

std::string amount_text(const Ingredient& ingredient, std::int64_t amount) {
  // "3 rashers", "1 portion"; "each" and short units (g, ml, oz, kg) never change.
  const std::string& unit = ingredient.unit;
  const bool word = unit.size() > 2 && unit != "each" && unit != "ea" && unit.back() != 's' &&
                    unit.find_first_of("0123456789. ") == std::string::npos;
  return std::to_string(amount) + " " + unit + (word && amount != 1 ? "s" : "");
}

Status check_covers(const Menu& menu, const Inventory& inventory, const MenuItem& item,
                    const Needs& needs) {
  for (const auto& [ingredient_id, needed] : needs) {
    auto counted = inventory.find(ingredient_id);
    if (counted == inventory.end() || counted->second >= needed) continue;
    const Ingredient* ingredient = menu.find_ingredient(ingredient_id);
    Ingredient unknown{ingredient_id, ingredient_id};
    const Ingredient& named = ingredient ? *ingredient : unknown;
    const std::string shortfall = "not enough " + named.name + " (" +
                                  amount_text(named, counted->second) + " left, " +
                                  std::to_string(needed) + " needed)";
    // Short of even one of the item itself: it is out, not just short of what was asked
    // (a modifier's share never makes the item out: it can be sold without it).
    for (const RecipePart& own : item.recipe)
      if (own.ingredient_id == ingredient_id && counted->second < own.quantity)
        return fail(Errc::item_86, item.name + " is 86'd: " + shortfall);
    return fail(Errc::not_enough_stock, item.name + ": " + shortfall);
  }
  return success();
}

Needs take_stock(Inventory& inventory, const Needs& needs) {
  Needs taken;
  for (const auto& [ingredient_id, needed] : needs) {
    auto counted = inventory.find(ingredient_id);
    if (counted == inventory.end() || needed <= 0) continue;
    const std::int64_t amount = std::min(needed, counted->second);
    counted->second -= amount;
    if (amount > 0) taken[ingredient_id] = amount;
  }
  return taken;
}

void give_back(Inventory& inventory, const Needs& taken) {
  for (const auto& [ingredient_id, amount] : taken)
    if (auto counted = inventory.find(ingredient_id); counted != inventory.end())
      counted->second += amount;
}

Needs share_of(const Needs& taken, int part, int whole) {
  Needs share;
  if (whole <= 0) return share;
  for (const auto& [ingredient_id, amount] : taken)
    if (std::int64_t s = amount * part / whole; s > 0) share[ingredient_id] = s;
  return share;
}

void add_needs(Needs& a, const Needs& b) {
  for (const auto& [ingredient_id, amount] : b) a[ingredient_id] += amount;
}

std::optional<int> portions_left(const MenuItem& item, const Inventory& inventory) {
  std::optional<std::int64_t> fewest;
  for (const RecipePart& part : item.recipe) {
    auto counted = inventory.find(part.ingredient_id);
    if (counted == inventory.end() || part.quantity <= 0) continue;
    const std::int64_t portions = std::max<std::int64_t>(0, counted->second) / part.quantity;
    fewest = fewest ? std::min(*fewest, portions) : portions;
  }
  if (!fewest) return std::nullopt;
  return static_cast<int>(std::min<std::int64_t>(*fewest, std::numeric_limits<int>::max()));
}

Stock stock_levels(const Menu& menu, const Stock& flags, const Inventory& inventory) {
  Stock levels;
  for (const auto& [item_id, flag] : flags)
    if (flag.eighty_sixed && menu.find_item(item_id)) levels[item_id].eighty_sixed = true;
  for (const MenuItem& item : menu.items)
    if (auto left = portions_left(item, inventory)) levels[item.id].remaining = left;
  return levels;
}

Stock changed_levels(const Stock& before, const Stock& after) {
  Stock changed;
  for (const auto& [item_id, level] : after) {
    auto was = before.find(item_id);
    if (was == before.end() || !(was->second == level)) changed[item_id] = level;
  }
  for (const auto& [item_id, level] : before)
    if (!after.count(item_id)) changed[item_id] = StockLevel{};
  return changed;
}

bool is_low(const Ingredient& ingredient, const Inventory& inventory) {
  auto counted = inventory.find(ingredient.id);
  return ingredient.low_at > 0 && counted != inventory.end() &&
         counted->second <= ingredient.low_at;
}

}  // namespace brigade
