// A small menu built in code for domain tests: a burger with a forced temperature
// group and priced add-ons (and a recipe: patty, bun, bacon), fries, a beer, salmon and
// short rib counted in portions.
#pragma once

#include "brigade/domain/check.h"
#include "brigade/domain/menu.h"

namespace brigade::testing {

inline Money usd(std::int64_t cents) {
  return Money::cents(cents);
}

// The lists name the fields menus had from the start; later ones (day parts, retired, ...)
// keep their defaults.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
inline Menu test_menu() {
  Menu menu;
  menu.categories = {
      {"burgers", "Burgers"}, {"sides", "Sides"}, {"drinks", "Drinks"}, {"mains", "Mains"}};
  menu.tax_classes = {{"food", "Food", 88'750, false}, {"alcohol", "Alcohol", 100'000, false}};
  menu.stations = {{"grill", "Grill", false, 300, 600},
                   {"fryer", "Fryer", false, 300, 600},
                   {"bar", "Bar", false, 120, 300},
                   {"expo", "Expo", true, 300, 600}};
  menu.modifier_groups = {
      {"temperature",
       "Temperature",
       1,
       1,
       {{"rare", "Rare", usd(0)},
        {"medium-rare", "Medium rare", usd(0)},
        {"well", "Well", usd(0)}}},
      {"add-ons",
       "Add-ons",
       0,
       3,
       {{"bacon", "Bacon", usd(150)},
        {"cheese", "Cheese", usd(100)},
        {"avocado", "Avocado", usd(200)},
        {"egg", "Fried egg", usd(125)}}},
      {"dip", "Dip", 0, 1, {{"aioli", "Aioli", usd(50)}}},
  };
  menu.items = {
      {"burger",
       "Classic Burger",
       "burgers",
       usd(1450),
       "food",
       {"grill"},
       Course::mains,
       {{"patty", 1}, {"bun", 1}},
       {"temperature", "add-ons"}},
      {"fries", "Fries", "sides", usd(500), "food", {"fryer"}, Course::apps, {}, {"dip"}},
      {"ipa", "IPA", "drinks", usd(700), "alcohol", {"bar"}, Course::drinks, {}, {}},
      {"salmon",
       "Salmon",
       "mains",
       usd(2600),
       "food",
       {"grill"},
       Course::mains,
       {{"salmon", 1}},
       {}},
      {"short-rib",
       "Short Rib",
       "mains",
       usd(3200),
       "food",
       {"grill"},
       Course::mains,
       {{"short-rib", 1}},
       {}},
  };
  // A burger takes a patty and a bun; bacon on it takes two rashers. Salmon and short rib
  // are counted in portions of their own.
  menu.ingredients = {{"patty", "Beef patty", "each", 4},
                      {"bun", "Brioche bun", "each", 0},
                      {"bacon", "Bacon", "rasher", 6},
                      {"salmon", "Salmon", "portion", 0},
                      {"short-rib", "Short Rib", "portion", 0}};
  menu.modifier_groups[1].modifiers[0].recipe = {{"bacon", 2}};
  return menu;
}
#pragma GCC diagnostic pop

// A line request for a burger cooked medium rare, with the given add-ons.
inline LineRequest burger(int seat = 1, std::vector<std::string> add_ons = {}) {
  LineRequest r;
  r.item_id = "burger";
  r.seat = seat;
  r.modifier_ids = {"medium-rare"};
  for (auto& a : add_ons) r.modifier_ids.push_back(a);
  return r;
}

inline LineRequest plain(std::string item_id, int seat = 1, int quantity = 1) {
  LineRequest r;
  r.item_id = std::move(item_id);
  r.seat = seat;
  r.quantity = quantity;
  return r;
}

}  // namespace brigade::testing
