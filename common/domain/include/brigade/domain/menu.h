// The menu as the restaurant sells it: categories, items, modifier groups, tax
// classes, kitchen stations and the 86 list (stock). Plain values, no I/O.
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

// The order courses go out in. Values are stable: they are stored and sent on the wire.
enum class Course : int { drinks = 1, apps = 2, mains = 3, dessert = 4 };
std::string_view to_string(Course course);
std::optional<Course> course_from_string(std::string_view text);

struct Station {
  std::string id;          // "grill"
  std::string name;        // "Grill"
  bool expo = false;       // the pass: sees every station's lines, bumps whole tickets
  int warn_after_s = 300;  // ticket timer turns to warning
  int late_after_s = 600;  // ticket timer turns to late

  bool operator==(const Station&) const = default;
};

// Rates are parts per million: 8.875% = 88'750. Inclusive classes have the tax inside
// the price (VAT-style); exclusive classes add it on top.
struct TaxClass {
  std::string id;
  std::string name;
  std::int64_t rate_ppm = 0;
  bool inclusive = false;

  bool operator==(const TaxClass&) const = default;
};
constexpr std::int64_t kPartsPerMillion = 1'000'000;

// Something the kitchen counts: patties, buns, rashers of bacon, portions of short rib.
// Quantities are whole numbers of its unit, so pick a unit small enough (g, ml, each).
struct Ingredient {
  std::string id;             // "beef-patty"
  std::string name;           // "Beef patty"
  std::string unit = "each";  // "each", "g", "rasher", "portion"
  std::int64_t low_at = 0;    // warn when on hand is at or below this; 0: never

  bool operator==(const Ingredient&) const = default;
};

// How much of one ingredient one unit of an item (or one choice of a modifier) takes.
struct RecipePart {
  std::string ingredient_id;
  std::int64_t quantity = 1;

  bool operator==(const RecipePart&) const = default;
};
using Recipe = std::vector<RecipePart>;
inline constexpr std::int64_t kMaxRecipeQuantity = 1'000'000;

struct Modifier {
  std::string id;    // unique across the menu: "temp-medium-rare", "add-bacon"
  std::string name;  // "Medium rare"
  Money price;       // added to the item's price per unit; may be zero
  Recipe recipe;     // taken per unit of the line: "add bacon" takes two rashers

  bool operator==(const Modifier&) const = default;
};

// A group of choices. Forced when min_select >= 1 (must be answered before the line
// can be added); max_select caps the number of choices.
struct ModifierGroup {
  std::string id;
  std::string name;
  int min_select = 0;
  int max_select = 1;
  std::vector<Modifier> modifiers;

  bool forced() const { return min_select >= 1; }
  const Modifier* find(std::string_view modifier_id) const;

  bool operator==(const ModifierGroup&) const = default;
};

// A time of the week in the restaurant's own time zone (the hub's clock): what day
// parts are measured against.
struct LocalTime {
  int weekday = 0;  // 0 = Monday ... 6 = Sunday
  int minute = 0;   // of the day, 0..1439
  bool operator==(const LocalTime&) const = default;
};
// The hub's local time at `at` (its TZ, as the restaurant's clock on the wall).
LocalTime local_time_of(EpochMs at);
inline constexpr int kMinutesPerDay = 24 * 60;

// When something is sold: on some days of the week, from a time until a time. `until`
// before `from` runs past midnight (a late-night menu, 22:00 to 02:00, belongs to the
// day it starts on); `from` equal to `until` is the whole day.
struct DayPart {
  std::string id;            // "brunch"
  std::string name;          // "Brunch"
  std::uint8_t days = 0x7f;  // bit 0 = Monday ... bit 6 = Sunday
  int from_minute = 0;
  int until_minute = 0;

  bool on(int weekday) const { return (days >> weekday) & 1; }
  bool covers(LocalTime at) const;
  // "Sat-Sun 10:00-14:00", for refusals and the editor.
  std::string describe() const;
  bool operator==(const DayPart&) const = default;
};
std::string_view weekday_name(int weekday);  // "mon" ... "sun"
std::optional<int> weekday_from_string(std::string_view text);

struct Category {
  std::string id;
  std::string name;
  std::vector<std::string> day_part_ids;  // sold only in these day parts; empty: always

  bool operator==(const Category&) const = default;
};

// Another price while a day part lasts (happy hour).
struct DayPartPrice {
  std::string day_part_id;
  Money price;
  bool operator==(const DayPartPrice&) const = default;
};

struct MenuItem {
  std::string id;  // "classic-burger"
  std::string name;
  std::string category_id;
  Money price;  // per unit, before modifiers
  std::string tax_class_id;
  std::vector<std::string> station_ids;         // routing: one or more kitchen stations
  Course course = Course::mains;                // default course when entered
  Recipe recipe;                                // what one unit takes from stock
  std::vector<std::string> modifier_group_ids;  // in the order they are asked
  // No longer sold. An item is never deleted once it may have been sold: old checks and
  // reports still name it and its category.
  bool retired = false;
  std::string description;                    // for the server: "house-cured, 8 oz"
  std::vector<std::string> allergens;         // tags: "gluten", "dairy", "sesame"
  std::vector<std::string> day_part_ids;      // sold only in these day parts; empty: always
  std::vector<DayPartPrice> day_part_prices;  // the first whose day part covers now wins

  bool operator==(const MenuItem&) const = default;
};

struct Menu {
  std::vector<Category> categories;
  std::vector<MenuItem> items;
  std::vector<ModifierGroup> modifier_groups;
  std::vector<TaxClass> tax_classes;
  std::vector<Station> stations;
  std::vector<DayPart> day_parts;
  std::vector<Ingredient> ingredients;

  const MenuItem* find_item(std::string_view id) const;
  const ModifierGroup* find_group(std::string_view id) const;
  const TaxClass* find_tax_class(std::string_view id) const;
  const Station* find_station(std::string_view id) const;
  const Category* find_category(std::string_view id) const;
  const DayPart* find_day_part(std::string_view id) const;
  const Ingredient* find_ingredient(std::string_view id) const;
  // The group (among the item's groups) that offers modifier_id, or nullptr.
  const ModifierGroup* group_offering(const MenuItem& item, std::string_view modifier_id) const;

  bool operator==(const Menu&) const = default;
};

// How many of the `chosen` modifier ids belong to `group`.
int chosen_in(const ModifierGroup& group, const std::vector<std::string>& chosen);
// The item's price per unit with the chosen modifiers its groups offer (others add nothing).
Money price_with(const Menu& menu, const MenuItem& item, const std::vector<std::string>& chosen);
// The item's groups that still need a choice (fewer chosen than their minimum), in the
// order they are asked: empty when the line may be added.
std::vector<const ModifierGroup*> unanswered_groups(const Menu& menu, const MenuItem& item,
                                                    const std::vector<std::string>& chosen);

// Whether the item may be sold at `at`: not retired, and inside its category's and its own
// day parts. The error (not_on_sale) says when it is sold.
Status check_on_sale(const Menu& menu, const MenuItem& item, LocalTime at);
// The item's price per unit at `at`, before modifiers: a day part's price, else its own.
Money price_at(const Menu& menu, const MenuItem& item, LocalTime at);

// Checks that the menu is whole: unique ids, every reference resolves, min <= max,
// no negative price, each item routed to at least one non-expo station, day parts with
// days and times of the day.
Status validate_menu(const Menu& menu);

// An item's stock as terminals see it: 86'd by hand, and the portions its counted
// ingredients still cover (derived from the inventory, see inventory.h). An item missing
// from Stock is available without limit.
struct StockLevel {
  bool eighty_sixed = false;
  std::optional<int> remaining;  // set when a counted ingredient limits it: portions left

  // Out: 86'd by hand, or an ingredient that cannot cover one more portion.
  bool out() const { return eighty_sixed || (remaining && *remaining <= 0); }

  bool operator==(const StockLevel&) const = default;
};
using Stock = std::map<std::string, StockLevel, std::less<>>;

// Whether `quantity` of item may be sold now; the error names the item and what is left.
Status check_available(const Stock& stock, const MenuItem& item, int quantity);

}  // namespace brigade
