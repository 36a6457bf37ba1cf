// Writing a menu in the restaurant file's words (reading it is restaurant_file.cpp's
// MenuReader). Keys in the order a person reads them; defaults left out.
#include "brigade/restaurant/menu_file.h"

#include <cstdio>

namespace brigade {

namespace {

using ordered = nlohmann::ordered_json;

std::string price_text(Money price) {
  const std::int64_t cents = price.in_cents();
  char text[32];
  std::snprintf(text, sizeof text, "%s%lld.%02lld", cents < 0 ? "-" : "",
                static_cast<long long>((cents < 0 ? -cents : cents) / 100),
                static_cast<long long>((cents < 0 ? -cents : cents) % 100));
  return text;
}

std::string clock_text(int minute) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
  return text;
}

ordered day_part_json(const DayPart& part) {
  ordered j{{"id", part.id}, {"name", part.name}};
  if (part.days != 0x7f) {
    ordered days = ordered::array();
    for (int d = 0; d < 7; ++d)
      if (part.on(d)) days.push_back(weekday_name(d));
    j["days"] = days;
  }
  j["from"] = clock_text(part.from_minute);
  j["until"] = clock_text(part.until_minute);
  return j;
}

ordered recipe_json(const Recipe& recipe) {
  ordered parts = ordered::array();
  for (const RecipePart& p : recipe)
    parts.push_back({{"ingredient", p.ingredient_id}, {"quantity", p.quantity}});
  return parts;
}

ordered category_json(const Category& c) {
  ordered j{{"id", c.id}, {"name", c.name}};
  if (!c.day_part_ids.empty()) j["day_parts"] = c.day_part_ids;
  return j;
}

ordered ingredient_json(const Ingredient& i) {
  ordered j{{"id", i.id}, {"name", i.name}, {"unit", i.unit}};
  if (i.low_at != 0) j["low_at"] = i.low_at;
  return j;
}

ordered item_json(const MenuItem& item) {
  ordered j{{"id", item.id},
            {"name", item.name},
            {"category", item.category_id},
            {"price", price_text(item.price)},
            {"tax_class", item.tax_class_id},
            {"stations", item.station_ids},
            {"course", to_string(item.course)}};
  if (!item.recipe.empty()) j["recipe"] = recipe_json(item.recipe);
  if (!item.modifier_group_ids.empty()) j["modifier_groups"] = item.modifier_group_ids;
  if (!item.description.empty()) j["description"] = item.description;
  if (!item.allergens.empty()) j["allergens"] = item.allergens;
  if (!item.day_part_ids.empty()) j["day_parts"] = item.day_part_ids;
  if (!item.day_part_prices.empty()) {
    ordered prices = ordered::array();
    for (const DayPartPrice& p : item.day_part_prices)
      prices.push_back({{"day_part", p.day_part_id}, {"price", price_text(p.price)}});
    j["day_part_prices"] = prices;
  }
  if (item.retired) j["retired"] = true;
  return j;
}

ordered group_json(const ModifierGroup& g) {
  ordered modifiers = ordered::array();
  for (const Modifier& m : g.modifiers) {
    ordered j{{"id", m.id}, {"name", m.name}};
    if (!m.price.is_zero()) j["price"] = price_text(m.price);
    if (!m.recipe.empty()) j["recipe"] = recipe_json(m.recipe);
    modifiers.push_back(j);
  }
  return {{"id", g.id},
          {"name", g.name},
          {"min", g.min_select},
          {"max", g.max_select},
          {"modifiers", modifiers}};
}

ordered menu_ordered(const Menu& menu) {
  ordered taxes = ordered::array();
  for (const TaxClass& t : menu.tax_classes) {
    ordered j{{"id", t.id}, {"name", t.name}, {"rate_ppm", t.rate_ppm}};
    if (t.inclusive) j["inclusive"] = true;
    taxes.push_back(j);
  }
  ordered stations = ordered::array();
  for (const Station& s : menu.stations) {
    ordered j{{"id", s.id}, {"name", s.name}};
    if (s.expo) j["expo"] = true;
    j["warn_after_s"] = s.warn_after_s;
    j["late_after_s"] = s.late_after_s;
    stations.push_back(j);
  }
  ordered day_parts = ordered::array();
  for (const DayPart& part : menu.day_parts) day_parts.push_back(day_part_json(part));
  ordered ingredients = ordered::array();
  for (const Ingredient& i : menu.ingredients) ingredients.push_back(ingredient_json(i));
  ordered categories = ordered::array();
  for (const Category& c : menu.categories) categories.push_back(category_json(c));
  ordered groups = ordered::array();
  for (const ModifierGroup& g : menu.modifier_groups) groups.push_back(group_json(g));
  ordered items = ordered::array();
  for (const MenuItem& item : menu.items) items.push_back(item_json(item));
  ordered j{{"tax_classes", taxes}, {"stations", stations}};
  if (!menu.day_parts.empty()) j["day_parts"] = day_parts;
  if (!menu.ingredients.empty()) j["ingredients"] = ingredients;
  j["categories"] = categories;
  j["modifier_groups"] = groups;
  j["items"] = items;
  return j;
}

}  // namespace

nlohmann::json entry_json(const Category& category) {
  return nlohmann::json::parse(category_json(category).dump());
}

nlohmann::json menu_json(const Menu& menu) {
  return nlohmann::json::parse(menu_ordered(menu).dump());
}

nlohmann::json entry_json(const MenuItem& item) {
  return nlohmann::json::parse(item_json(item).dump());
}

nlohmann::json entry_json(const Ingredient& ingredient) {
  return nlohmann::json::parse(ingredient_json(ingredient).dump());
}

nlohmann::json entry_json(const ModifierGroup& group) {
  return nlohmann::json::parse(group_json(group).dump());
}

std::string write_menu_file(const Menu& menu) {
  const ordered document{{"format_version", 1}, {"menu", menu_ordered(menu)}};
  return document.dump(2) + "\n";
}

}  // namespace brigade
