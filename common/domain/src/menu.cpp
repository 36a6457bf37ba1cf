#include "brigade/domain/menu.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <set>

namespace brigade {

namespace {

template <class T>
const T* find_by_id(const std::vector<T>& values, std::string_view id) {
  auto it = std::find_if(values.begin(), values.end(), [&](const T& v) { return v.id == id; });
  return it == values.end() ? nullptr : &*it;
}

// Reports the first id used twice in a list, naming what kind of thing it is.
template <class T>
Status unique_ids(const std::vector<T>& values, std::string_view what) {
  std::set<std::string_view> seen;
  for (const T& v : values) {
    if (v.id.empty()) return fail(Errc::invalid_menu, std::string(what) + " with an empty id");
    if (!seen.insert(v.id).second)
      return fail(Errc::invalid_menu, std::string(what) + " id '" + v.id + "' is used twice");
  }
  return success();
}

Error menu_error(std::string message) {
  return fail(Errc::invalid_menu, std::move(message));
}

}  // namespace

std::string_view to_string(Course course) {
  switch (course) {
    case Course::drinks:
      return "drinks";
    case Course::apps:
      return "apps";
    case Course::mains:
      return "mains";
    case Course::dessert:
      return "dessert";
  }
  return "unknown";
}

std::optional<Course> course_from_string(std::string_view text) {
  for (Course c : {Course::drinks, Course::apps, Course::mains, Course::dessert})
    if (to_string(c) == text) return c;
  return std::nullopt;
}

const Modifier* ModifierGroup::find(std::string_view modifier_id) const {
  return find_by_id(modifiers, modifier_id);
}

const MenuItem* Menu::find_item(std::string_view id) const {
  return find_by_id(items, id);
}
const ModifierGroup* Menu::find_group(std::string_view id) const {
  return find_by_id(modifier_groups, id);
}
const TaxClass* Menu::find_tax_class(std::string_view id) const {
  return find_by_id(tax_classes, id);
}
const Station* Menu::find_station(std::string_view id) const {
  return find_by_id(stations, id);
}
const Category* Menu::find_category(std::string_view id) const {
  return find_by_id(categories, id);
}

const DayPart* Menu::find_day_part(std::string_view id) const {
  return find_by_id(day_parts, id);
}
const Ingredient* Menu::find_ingredient(std::string_view id) const {
  return find_by_id(ingredients, id);
}

namespace {
constexpr std::array<std::string_view, 7> kWeekdays{"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};

std::string clock_text(int minute) {
  char text[32];
  std::snprintf(text, sizeof text, "%02d:%02d", (minute / 60) % 24, minute % 60);
  return text;
}

// Any of `ids` (day parts) covers `at`; an empty list covers every time.
bool any_covers(const Menu& menu, const std::vector<std::string>& ids, LocalTime at) {
  if (ids.empty()) return true;
  return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
    const DayPart* part = menu.find_day_part(id);
    return part && part->covers(at);
  });
}

std::string when_sold(const Menu& menu, const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids)
    if (const DayPart* part = menu.find_day_part(id))
      text += (text.empty() ? "" : " or ") + part->name + " (" + part->describe() + ")";
  return text;
}
}  // namespace

std::string_view weekday_name(int weekday) {
  return weekday >= 0 && weekday < 7 ? kWeekdays[weekday] : std::string_view("?");
}

std::optional<int> weekday_from_string(std::string_view text) {
  for (int d = 0; d < 7; ++d)
    if (kWeekdays[d] == text) return d;
  return std::nullopt;
}

LocalTime local_time_of(EpochMs at) {
  const std::time_t seconds = static_cast<std::time_t>(at / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return {(local.tm_wday + 6) % 7, local.tm_hour * 60 + local.tm_min};
}

bool DayPart::covers(LocalTime at) const {
  if (from_minute == until_minute) return on(at.weekday);
  if (from_minute < until_minute)
    return on(at.weekday) && at.minute >= from_minute && at.minute < until_minute;
  // Past midnight: the evening of a listed day, or the small hours after one.
  return (on(at.weekday) && at.minute >= from_minute) ||
         (on((at.weekday + 6) % 7) && at.minute < until_minute);
}

std::string DayPart::describe() const {
  std::string text;
  if (days == 0x7f) {
    text = "every day";
  } else {
    // Runs of days: "mon-fri", "sat-sun", "mon, wed".
    for (int d = 0; d < 7; ++d) {
      if (!on(d)) continue;
      int last = d;
      while (last + 1 < 7 && on(last + 1)) ++last;
      text += (text.empty() ? "" : ", ") + std::string(kWeekdays[d]);
      if (last > d) text += "-" + std::string(kWeekdays[last]);
      d = last;
    }
  }
  if (from_minute == until_minute) return text + ", all day";
  return text + " " + clock_text(from_minute) + "-" + clock_text(until_minute);
}

Status check_on_sale(const Menu& menu, const MenuItem& item, LocalTime at) {
  if (item.retired) return fail(Errc::not_on_sale, item.name + " is no longer on the menu");
  const Category* category = menu.find_category(item.category_id);
  if (category && !any_covers(menu, category->day_part_ids, at))
    return fail(Errc::not_on_sale,
                item.name + " is sold only at " + when_sold(menu, category->day_part_ids));
  if (!any_covers(menu, item.day_part_ids, at))
    return fail(Errc::not_on_sale,
                item.name + " is sold only at " + when_sold(menu, item.day_part_ids));
  return success();
}

Money price_at(const Menu& menu, const MenuItem& item, LocalTime at) {
  for (const DayPartPrice& special : item.day_part_prices)
    if (const DayPart* part = menu.find_day_part(special.day_part_id); part && part->covers(at))
      return special.price;
  return item.price;
}

const ModifierGroup* Menu::group_offering(const MenuItem& item,
                                          std::string_view modifier_id) const {
  for (const auto& group_id : item.modifier_group_ids) {
    const ModifierGroup* group = find_group(group_id);
    if (group && group->find(modifier_id)) return group;
  }
  return nullptr;
}

Status validate_menu(const Menu& menu) {
  if (auto s = unique_ids(menu.categories, "category"); !s) return s;
  if (auto s = unique_ids(menu.items, "item"); !s) return s;
  if (auto s = unique_ids(menu.modifier_groups, "modifier group"); !s) return s;
  if (auto s = unique_ids(menu.tax_classes, "tax class"); !s) return s;
  if (auto s = unique_ids(menu.stations, "station"); !s) return s;
  if (auto s = unique_ids(menu.day_parts, "day part"); !s) return s;
  if (auto s = unique_ids(menu.ingredients, "ingredient"); !s) return s;

  for (const Ingredient& ingredient : menu.ingredients) {
    if (ingredient.name.empty() || ingredient.unit.empty())
      return menu_error("ingredient '" + ingredient.id + "' needs a name and a unit");
    if (ingredient.low_at < 0)
      return menu_error("ingredient '" + ingredient.id + "' has a low-stock mark below zero");
  }
  auto recipe_known = [&](const Recipe& recipe, const std::string& where) -> std::optional<Error> {
    std::set<std::string_view> seen;
    for (const RecipePart& part : recipe) {
      if (!menu.find_ingredient(part.ingredient_id))
        return menu_error(where + " names unknown ingredient '" + part.ingredient_id + "'");
      if (!seen.insert(part.ingredient_id).second)
        return menu_error(where + " lists ingredient '" + part.ingredient_id + "' twice");
      if (part.quantity < 1 || part.quantity > kMaxRecipeQuantity)
        return menu_error(where + " takes " + std::to_string(part.quantity) + " of '" +
                          part.ingredient_id + "': give 1 to " +
                          std::to_string(kMaxRecipeQuantity));
    }
    return std::nullopt;
  };

  for (const DayPart& part : menu.day_parts) {
    if (part.days == 0 || part.days > 0x7f)
      return menu_error("day part '" + part.id + "' names no day of the week");
    if (part.from_minute < 0 || part.from_minute >= kMinutesPerDay || part.until_minute < 0 ||
        part.until_minute >= kMinutesPerDay)
      return menu_error("day part '" + part.id + "' has a time outside 00:00..23:59");
  }
  auto day_parts_known = [&](const std::vector<std::string>& ids,
                             const std::string& where) -> std::optional<Error> {
    std::set<std::string_view> seen;
    for (const auto& id : ids) {
      if (!menu.find_day_part(id))
        return menu_error(where + " names unknown day part '" + id + "'");
      if (!seen.insert(id).second) return menu_error(where + " lists day part '" + id + "' twice");
    }
    return std::nullopt;
  };
  for (const Category& category : menu.categories)
    if (auto e = day_parts_known(category.day_part_ids, "category '" + category.id + "'"))
      return *e;

  for (const TaxClass& tax : menu.tax_classes) {
    // Above 100% is a typo in parts per million, not a tax.
    if (tax.rate_ppm < 0 || tax.rate_ppm > kPartsPerMillion)
      return menu_error("tax class '" + tax.id + "' has a rate outside 0..100%");
  }
  for (const Station& station : menu.stations) {
    if (station.warn_after_s <= 0 || station.late_after_s < station.warn_after_s)
      return menu_error("station '" + station.id +
                        "' needs 0 < warning time <= late time for its ticket timer");
  }

  // Modifier ids are unique across the whole menu: a line names a modifier by id alone.
  std::set<std::string_view> modifier_ids;
  for (const ModifierGroup& group : menu.modifier_groups) {
    if (group.min_select < 0 || group.max_select < 1 || group.min_select > group.max_select)
      return menu_error("modifier group '" + group.id + "' needs 0 <= min <= max and max >= 1");
    if (static_cast<int>(group.modifiers.size()) < group.min_select)
      return menu_error("modifier group '" + group.id + "' asks for " +
                        std::to_string(group.min_select) + " choices but offers only " +
                        std::to_string(group.modifiers.size()));
    for (const Modifier& modifier : group.modifiers) {
      if (modifier.id.empty())
        return menu_error("modifier group '" + group.id + "' has a modifier with an empty id");
      if (!modifier_ids.insert(modifier.id).second)
        return menu_error("modifier id '" + modifier.id + "' is used twice");
      if (modifier.price.is_negative())
        return menu_error("modifier '" + modifier.id + "' has a negative price");
      if (auto e = recipe_known(modifier.recipe, "modifier '" + modifier.id + "'")) return *e;
    }
  }

  for (const MenuItem& item : menu.items) {
    const std::string where = "item '" + item.id + "'";
    if (item.name.empty()) return menu_error(where + " has no name");
    if (item.price.is_negative()) return menu_error(where + " has a negative price");
    if (!menu.find_category(item.category_id))
      return menu_error(where + " names unknown category '" + item.category_id + "'");
    if (!menu.find_tax_class(item.tax_class_id))
      return menu_error(where + " names unknown tax class '" + item.tax_class_id + "'");
    bool cooks_somewhere = false;
    for (const auto& station_id : item.station_ids) {
      const Station* station = menu.find_station(station_id);
      if (!station) return menu_error(where + " is routed to unknown station '" + station_id + "'");
      cooks_somewhere = cooks_somewhere || !station->expo;
    }
    if (!cooks_somewhere) return menu_error(where + " is not routed to any kitchen station");
    if (auto e = day_parts_known(item.day_part_ids, where)) return *e;
    if (auto e = recipe_known(item.recipe, where)) return *e;
    for (const DayPartPrice& special : item.day_part_prices) {
      if (!menu.find_day_part(special.day_part_id))
        return menu_error(where + " has a price for unknown day part '" + special.day_part_id +
                          "'");
      if (special.price.is_negative()) return menu_error(where + " has a negative price");
    }
    std::set<std::string_view> groups;
    for (const auto& group_id : item.modifier_group_ids) {
      if (!menu.find_group(group_id))
        return menu_error(where + " names unknown modifier group '" + group_id + "'");
      if (!groups.insert(group_id).second)
        return menu_error(where + " lists modifier group '" + group_id + "' twice");
    }
  }
  return success();
}

Status check_available(const Stock& stock, const MenuItem& item, int quantity) {
  auto it = stock.find(item.id);
  if (it == stock.end()) return success();
  const StockLevel& level = it->second;
  if (level.out()) return fail(Errc::item_86, item.name + " is 86'd");
  if (level.remaining && *level.remaining < quantity)
    return fail(Errc::not_enough_stock, item.name + ": only " + std::to_string(*level.remaining) +
                                            " left, " + std::to_string(quantity) + " ordered");
  return success();
}

int chosen_in(const ModifierGroup& group, const std::vector<std::string>& chosen) {
  return static_cast<int>(std::count_if(chosen.begin(), chosen.end(), [&](const std::string& id) {
    return group.find(id) != nullptr;
  }));
}

Money price_with(const Menu& menu, const MenuItem& item, const std::vector<std::string>& chosen) {
  Money price = item.price;
  for (const auto& id : chosen)
    if (const ModifierGroup* g = menu.group_offering(item, id))
      if (const Modifier* m = g->find(id)) price += m->price;
  return price;
}

std::vector<const ModifierGroup*> unanswered_groups(const Menu& menu, const MenuItem& item,
                                                    const std::vector<std::string>& chosen) {
  std::vector<const ModifierGroup*> out;
  for (const auto& group_id : item.modifier_group_ids)
    if (const ModifierGroup* g = menu.find_group(group_id))
      if (chosen_in(*g, chosen) < g->min_select) out.push_back(g);
  return out;
}

}  // namespace brigade
