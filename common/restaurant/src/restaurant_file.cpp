// The restaurant file (docs/restaurant-format.md): strict JSON -> Restaurant.
//
// [SECTION] Errors and JSON paths
// [SECTION] Reading values
// [SECTION] Objects: known keys, required keys
// [SECTION] Ids and references
// [SECTION] Menu
// [SECTION] Floor
// [SECTION] Staff and stock
// [SECTION] Document
// [SECTION] Entry points
//
// The first problem found ends the parse. Internally that is a FileError thrown from
// deep inside and caught in parse_restaurant: nothing (ours or nlohmann's) escapes.
#include "brigade/restaurant/restaurant_file.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "brigade/restaurant/menu_file.h"

namespace brigade {

namespace {

using json = nlohmann::json;

constexpr int kFormatVersion = 1;
constexpr std::uintmax_t kMaxFileBytes = 16 * 1024 * 1024;  // a menu, not a database dump
constexpr std::int64_t kMaxCount = 1'000'000'000;           // on hand and low marks, in any unit

//-----------------------------------------------------------------------------
// [SECTION] Errors and JSON paths
//-----------------------------------------------------------------------------

struct FileError {
  std::string message;  // "path: problem"
  std::string path;
  std::string problem;
};

// Paths read like jq: menu.items[12].tax_class. The document itself is "top level".
[[noreturn]] void fail_at(const std::string& path, const std::string& problem) {
  const std::string shown = path.empty() ? std::string("top level") : path;
  throw FileError{shown + ": " + problem, shown, problem};
}

std::string member_path(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string element_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string in_quotes(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// " (did you mean 'price'?)" when one candidate is a likely typo of `word`, else "".
template <class Range>
std::string did_you_mean(std::string_view word, const Range& candidates) {
  std::string best;
  std::size_t best_distance = 3;  // more than two edits away is another word, not a typo
  for (const auto& candidate : candidates) {
    const std::string_view c(candidate);
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance && d < c.size()) {
      best = std::string(c);
      best_distance = d;
    }
  }
  return best.empty() ? std::string() : " (did you mean " + in_quotes(best) + "?)";
}

//-----------------------------------------------------------------------------
// [SECTION] Reading values
//-----------------------------------------------------------------------------

std::string kind_of(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "a whole number";
    case json::value_t::number_float:
      return "a decimal number";
    default:
      return "an unsupported value";
  }
}

[[noreturn]] void wrong_type(const json& value, const std::string& path, std::string_view expected,
                             std::string_view hint = {}) {
  fail_at(path,
          "expected " + std::string(expected) + ", got " + kind_of(value) + std::string(hint));
}

const json& expect_object(const json& value, const std::string& path) {
  if (!value.is_object()) wrong_type(value, path, "an object");
  return value;
}

const json& expect_array(const json& value, const std::string& path) {
  if (!value.is_array()) wrong_type(value, path, "an array");
  return value;
}

const std::string& read_string(const json& value, const std::string& path) {
  if (!value.is_string()) wrong_type(value, path, "a string");
  return value.get_ref<const std::string&>();
}

// A name people read on a screen or a ticket: some text, not just spaces.
std::string read_name(const json& value, const std::string& path) {
  const std::string& text = read_string(value, path);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) fail_at(path, "must not be empty");
  return text;
}

bool read_bool(const json& value, const std::string& path) {
  if (!value.is_boolean()) wrong_type(value, path, "true or false");
  return value.get<bool>();
}

std::int64_t read_integer(const json& value, const std::string& path, std::int64_t lowest,
                          std::int64_t highest) {
  if (!value.is_number_integer()) wrong_type(value, path, "a whole number");
  const bool too_big = value.is_number_unsigned() &&
                       value.get<std::uint64_t>() > static_cast<std::uint64_t>(highest);
  const std::int64_t n = too_big ? highest : value.get<std::int64_t>();
  if (too_big || n < lowest || n > highest) {
    const std::string shown = value.dump();
    if (highest == std::numeric_limits<int>::max())
      fail_at(path, "must be at least " + std::to_string(lowest) + ", got " + shown);
    fail_at(path, "must be between " + std::to_string(lowest) + " and " + std::to_string(highest) +
                      ", got " + shown);
  }
  return n;
}

int read_int(const json& value, const std::string& path, int lowest,
             int highest = std::numeric_limits<int>::max()) {
  return static_cast<int>(read_integer(value, path, lowest, highest));
}

// Prices are strings ("14.50") so that no price ever passes through a floating point number.
Money read_price(const json& value, const std::string& path) {
  if (value.is_number())
    wrong_type(value, path, "a string", " (write prices in quotes, like \"14.50\")");
  const std::string& text = read_string(value, path);
  Result<Money> price = parse_money(text);
  if (!price)
    fail_at(path, in_quotes(text) + " is not a price (write dollars and cents, like \"14.50\")");
  if (price->is_negative()) fail_at(path, in_quotes(text) + " is negative");
  return *price;
}

//-----------------------------------------------------------------------------
// [SECTION] Objects: known keys, required keys
//-----------------------------------------------------------------------------

// One JSON object of the file and the keys it may have. Unknown keys are rejected up
// front, so a typo ("prce") is reported as a typo rather than as a missing "price".
class Fields {
 public:
  Fields(const json& value, std::string path, std::initializer_list<std::string_view> known)
      : object_(expect_object(value, path)), path_(std::move(path)) {
    for (const auto& [key, ignored] : object_.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end())
        fail_at(path_, "unknown key " + in_quotes(key) + did_you_mean(key, known));
    }
  }

  const std::string& path() const { return path_; }
  std::string path_of(std::string_view key) const { return member_path(path_, key); }

  const json* find(std::string_view key) const {
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }

  const json& need(std::string_view key, std::string_view hint = {}) const {
    const json* value = find(key);
    if (!value) fail_at(path_, "missing required key " + in_quotes(key) + std::string(hint));
    return *value;
  }

  std::string name(std::string_view key) const { return read_name(need(key), path_of(key)); }

  std::string name_or(std::string_view key, std::string fallback) const {
    const json* value = find(key);
    return value ? read_name(*value, path_of(key)) : std::move(fallback);
  }

  bool flag_or(std::string_view key, bool fallback) const {
    const json* value = find(key);
    return value ? read_bool(*value, path_of(key)) : fallback;
  }

  int int_or(std::string_view key, int fallback, int lowest,
             int highest = std::numeric_limits<int>::max()) const {
    const json* value = find(key);
    return value ? read_int(*value, path_of(key), lowest, highest) : fallback;
  }

  Money price(std::string_view key) const { return read_price(need(key), path_of(key)); }

  Money price_or(std::string_view key, Money fallback) const {
    const json* value = find(key);
    return value ? read_price(*value, path_of(key)) : fallback;
  }

  const json& array(std::string_view key) const { return expect_array(need(key), path_of(key)); }

  // An absent list is an empty one.
  const json& array_or_empty(std::string_view key) const {
    static const json empty = json::array();
    const json* value = find(key);
    return value ? expect_array(*value, path_of(key)) : empty;
  }

 private:
  const json& object_;
  std::string path_;
};

//-----------------------------------------------------------------------------
// [SECTION] Ids and references
//-----------------------------------------------------------------------------

// Ids go into commands, events and the database: keep them plain.
bool is_valid_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.';
  });
}

std::string read_id(const json& value, const std::string& path) {
  const std::string& id = read_string(value, path);
  if (!is_valid_id(id))
    fail_at(path, in_quotes(id) +
                      " is not a valid id (use up to 64 letters, digits, '-', '_' or '.', "
                      "no spaces)");
  return id;
}

// The ids of one kind of thing, each with the path that defined it.
class IdSet {
 public:
  explicit IdSet(std::string what) : what_(std::move(what)) {}

  // Reads the id at fields."id" and claims it; a second claim is an error naming the first.
  std::string claim(const Fields& fields) {
    const std::string path = fields.path_of("id");
    std::string id = read_id(fields.need("id"), path);
    auto [it, fresh] = defined_at_.emplace(id, fields.path());
    if (!fresh) fail_at(path, in_quotes(id) + " is already used by " + it->second);
    return id;
  }

  bool contains(std::string_view id) const { return defined_at_.count(id) > 0; }
  // An id the file implies rather than lists (an item's own portion count).
  void define(const std::string& id, const std::string& path) { defined_at_.emplace(id, path); }

  // A reference to one of these ids, as a string at `path`.
  std::string resolve(const json& value, const std::string& path) const {
    const std::string& id = read_string(value, path);
    if (!contains(id)) {
      std::vector<std::string_view> known;
      for (const auto& [known_id, ignored] : defined_at_) known.push_back(known_id);
      fail_at(path, in_quotes(id) + " is not " + what_ + did_you_mean(id, known));
    }
    return id;
  }

 private:
  std::string what_;  // "a tax class"
  std::map<std::string, std::string, std::less<>> defined_at_;
};

// A list of references, none twice.
std::vector<std::string> resolve_list(const json& value, const std::string& path, const IdSet& ids,
                                      bool at_least_one) {
  expect_array(value, path);
  if (at_least_one && value.empty()) fail_at(path, "must name at least one");
  std::vector<std::string> result;
  for (std::size_t i = 0; i < value.size(); ++i) {
    std::string id = ids.resolve(value[i], element_path(path, i));
    if (std::find(result.begin(), result.end(), id) != result.end())
      fail_at(element_path(path, i), in_quotes(id) + " is listed twice");
    result.push_back(std::move(id));
  }
  return result;
}

// An enum written as one of a few words; the error lists the words.
template <class T, class FromString>
T read_word(const json& value, const std::string& path, std::string_view what,
            std::initializer_list<std::string_view> words, FromString from_string) {
  const std::string& text = read_string(value, path);
  if (std::optional<T> parsed = from_string(text)) return *parsed;
  std::string choices;
  for (std::string_view w : words) choices += (choices.empty() ? "" : ", ") + std::string(w);
  fail_at(path, in_quotes(text) + " is not " + std::string(what) + " (" + choices + ")");
}

//-----------------------------------------------------------------------------
// [SECTION] Menu
//-----------------------------------------------------------------------------

// What a category lends its items that do not say otherwise.
struct CategoryDefaults {
  std::optional<Course> course;
  std::optional<std::string> tax_class_id;
  std::optional<std::vector<std::string>> station_ids;
};

// Reads the whole menu and lists every problem, one per entry at most: an entry with a
// problem is left out, but its id still counts, so what refers to it is not also wrong.
class MenuReader {
 public:
  Menu read(const json& value, const std::string& path) {
    try {
      const Fields f(value, path,
                     {"tax_classes", "stations", "day_parts", "ingredients", "categories",
                      "modifier_groups", "items"});
      read_each(f.array("tax_classes"), f.path_of("tax_classes"),
                [&](const json& v, const std::string& p) { read_tax_class(v, p); });
      read_each(f.array("stations"), f.path_of("stations"),
                [&](const json& v, const std::string& p) { read_station(v, p); });
      read_each(f.array_or_empty("day_parts"), f.path_of("day_parts"),
                [&](const json& v, const std::string& p) { read_day_part(v, p); });
      read_each(f.array_or_empty("ingredients"), f.path_of("ingredients"),
                [&](const json& v, const std::string& p) { read_ingredient(v, p); });
      read_each(f.array("categories"), f.path_of("categories"),
                [&](const json& v, const std::string& p) { read_category(v, p); });
      read_each(f.array_or_empty("modifier_groups"), f.path_of("modifier_groups"),
                [&](const json& v, const std::string& p) { read_group(v, p); });
      read_each(f.array("items"), f.path_of("items"),
                [&](const json& v, const std::string& p) { read_item(v, p); });
    } catch (const FileError& e) {
      problems_.push_back(problem_of(e, value, path));
    }
    return std::move(menu_);
  }

  const std::vector<MenuProblem>& problems() const { return problems_; }

 private:
  template <class ReadOne>
  void read_each(const json& list, const std::string& path, ReadOne read_one) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string entry_path = element_path(path, i);
      try {
        read_one(list[i], entry_path);
      } catch (const FileError& e) {
        problems_.push_back(problem_of(e, list[i], entry_path));
      }
    }
  }

  // Splits "menu.items[3].price: ..." into the entry, its id and the field.
  static MenuProblem problem_of(const FileError& e, const json& entry,
                                const std::string& entry_path) {
    MenuProblem problem;
    problem.where = entry_path;
    if (entry.is_object())
      if (auto id = entry.find("id"); id != entry.end() && id->is_string())
        problem.id = id->get<std::string>();
    if (e.path.size() > entry_path.size() && e.path.compare(0, entry_path.size(), entry_path) == 0)
      problem.field = e.path.substr(entry_path.size() + (e.path[entry_path.size()] == '.' ? 1 : 0));
    else if (e.path != entry_path)
      problem.where = e.path;
    problem.why = e.problem;
    return problem;
  }

  void read_day_part(const json& value, const std::string& path) {
    const Fields f(value, path, {"id", "name", "days", "from", "until"});
    DayPart part;
    part.id = day_parts_.claim(f);
    part.name = f.name("name");
    if (const json* v = f.find("days")) {
      expect_array(*v, f.path_of("days"));
      if (v->empty()) fail_at(f.path_of("days"), "must name at least one day");
      part.days = 0;
      for (std::size_t i = 0; i < v->size(); ++i) {
        const int day =
            read_word<int>((*v)[i], element_path(f.path_of("days"), i), "a day",
                           {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}, weekday_from_string);
        if (part.on(day)) fail_at(element_path(f.path_of("days"), i), "is listed twice");
        part.days |= static_cast<std::uint8_t>(1 << day);
      }
    }
    part.from_minute = read_clock(f.need("from"), f.path_of("from"));
    part.until_minute = read_clock(f.need("until"), f.path_of("until"));
    menu_.day_parts.push_back(std::move(part));
  }

  // "07:30" -> 450. 24-hour clock.
  static int read_clock(const json& value, const std::string& path) {
    const std::string& text = read_string(value, path);
    const bool shaped = text.size() == 5 && text[2] == ':' &&
                        std::isdigit(static_cast<unsigned char>(text[0])) &&
                        std::isdigit(static_cast<unsigned char>(text[1])) &&
                        std::isdigit(static_cast<unsigned char>(text[3])) &&
                        std::isdigit(static_cast<unsigned char>(text[4]));
    const int hours = shaped ? (text[0] - '0') * 10 + (text[1] - '0') : 99;
    const int minutes = shaped ? (text[3] - '0') * 10 + (text[4] - '0') : 99;
    if (hours > 23 || minutes > 59)
      fail_at(path, in_quotes(text) + " is not a time of day (write 24-hour time, like \"17:30\")");
    return hours * 60 + minutes;
  }

  void read_ingredient(const json& value, const std::string& path) {
    const Fields f(value, path, {"id", "name", "unit", "low_at"});
    Ingredient ingredient;
    ingredient.id = ingredients_.claim(f);
    ingredient.name = f.name("name");
    ingredient.unit = f.name_or("unit", ingredient.unit);
    if (const json* v = f.find("low_at"))
      ingredient.low_at = read_integer(*v, f.path_of("low_at"), 0, kMaxCount);
    menu_.ingredients.push_back(std::move(ingredient));
  }

  // [{"ingredient": "beef-patty", "quantity": 1}, ...]: what one unit takes.
  Recipe read_recipe(const json& value, const std::string& path) const {
    expect_array(value, path);
    Recipe recipe;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Fields p(value[i], element_path(path, i), {"ingredient", "quantity"});
      RecipePart part;
      part.ingredient_id = ingredients_.resolve(p.need("ingredient"), p.path_of("ingredient"));
      if (const json* q = p.find("quantity"))
        part.quantity = read_integer(*q, p.path_of("quantity"), 1, kMaxRecipeQuantity);
      for (const RecipePart& other : recipe)
        if (other.ingredient_id == part.ingredient_id)
          fail_at(p.path_of("ingredient"), in_quotes(part.ingredient_id) + " is listed twice");
      recipe.push_back(std::move(part));
    }
    return recipe;
  }

  void read_tax_class(const json& value, const std::string& path) {
    const Fields f(value, path, {"id", "name", "rate_ppm", "inclusive"});
    TaxClass tax;
    tax.id = tax_classes_.claim(f);
    tax.name = f.name("name");
    tax.rate_ppm = read_integer(f.need("rate_ppm"), f.path_of("rate_ppm"), 0, kPartsPerMillion);
    tax.inclusive = f.flag_or("inclusive", false);
    menu_.tax_classes.push_back(std::move(tax));
  }

  void read_station(const json& value, const std::string& path) {
    const Fields f(value, path, {"id", "name", "expo", "warn_after_s", "late_after_s"});
    Station station;
    station.id = stations_.claim(f);
    station.name = f.name("name");
    station.expo = f.flag_or("expo", false);
    station.warn_after_s = f.int_or("warn_after_s", station.warn_after_s, 1);
    station.late_after_s = f.int_or("late_after_s", station.late_after_s, 1);
    if (station.late_after_s < station.warn_after_s)
      fail_at(path, "late_after_s (" + std::to_string(station.late_after_s) +
                        ") is less than warn_after_s (" + std::to_string(station.warn_after_s) +
                        ")");
    if (station.expo) expo_stations_.insert(station.id);
    menu_.stations.push_back(std::move(station));
  }

  void read_category(const json& value, const std::string& path) {
    const Fields f(value, path, {"id", "name", "course", "tax_class", "stations", "day_parts"});
    Category category;
    category.id = categories_.claim(f);
    category.name = f.name("name");
    if (const json* v = f.find("day_parts"))
      category.day_part_ids = resolve_list(*v, f.path_of("day_parts"), day_parts_, false);
    CategoryDefaults& defaults = defaults_[category.id];
    if (const json* v = f.find("course")) defaults.course = read_course(*v, f.path_of("course"));
    if (const json* v = f.find("tax_class"))
      defaults.tax_class_id = tax_classes_.resolve(*v, f.path_of("tax_class"));
    if (const json* v = f.find("stations"))
      defaults.station_ids = read_routing(*v, f.path_of("stations"));
    menu_.categories.push_back(std::move(category));
  }

  void read_group(const json& value, const std::string& path) {
    const Fields f(value, path, {"id", "name", "min", "max", "modifiers"});
    ModifierGroup group;
    group.id = groups_.claim(f);
    group.name = f.name("name");
    group.min_select = f.int_or("min", 0, 0);
    group.max_select = f.int_or("max", 1, 1);
    if (group.min_select > group.max_select)
      fail_at(path, "min (" + std::to_string(group.min_select) + ") is greater than max (" +
                        std::to_string(group.max_select) + ")");
    const json& modifiers = f.array("modifiers");
    if (modifiers.empty()) fail_at(f.path_of("modifiers"), "must list at least one modifier");
    if (group.min_select > static_cast<int>(modifiers.size()))
      fail_at(path, "min (" + std::to_string(group.min_select) +
                        ") asks for more choices than the " + std::to_string(modifiers.size()) +
                        " modifiers it offers");
    read_each(modifiers, f.path_of("modifiers"), [&](const json& v, const std::string& p) {
      const Fields m(v, p, {"id", "name", "price", "recipe"});
      Modifier modifier;
      // One id space for all modifiers: a line names its modifiers by id alone.
      modifier.id = modifiers_.claim(m);
      modifier.name = m.name("name");
      modifier.price = m.price_or("price", Money::zero());
      if (const json* r = m.find("recipe")) modifier.recipe = read_recipe(*r, m.path_of("recipe"));
      group.modifiers.push_back(std::move(modifier));
    });
    menu_.modifier_groups.push_back(std::move(group));
  }

  void read_item(const json& value, const std::string& path) {
    const Fields f(value, path,
                   {"id", "name", "category", "price", "tax_class", "stations", "course",
                    "track_stock", "recipe", "modifier_groups", "retired", "description",
                    "allergens", "day_parts", "day_part_prices"});
    MenuItem item;
    item.id = items_.claim(f);
    item.name = f.name("name");
    item.category_id = categories_.resolve(f.need("category"), f.path_of("category"));
    item.price = f.price("price");
    // A category whose own entry had a problem lends nothing (that problem is listed).
    const CategoryDefaults& defaults = defaults_[item.category_id];
    const std::string no_default =
        " (category " + in_quotes(item.category_id) + " sets no default)";

    if (const json* v = f.find("tax_class"))
      item.tax_class_id = tax_classes_.resolve(*v, f.path_of("tax_class"));
    else if (defaults.tax_class_id)
      item.tax_class_id = *defaults.tax_class_id;
    else
      f.need("tax_class", no_default);  // throws: missing

    if (const json* v = f.find("stations"))
      item.station_ids = read_routing(*v, f.path_of("stations"));
    else if (defaults.station_ids)
      item.station_ids = *defaults.station_ids;
    else
      f.need("stations", no_default);  // throws: missing

    if (const json* v = f.find("course"))
      item.course = read_course(*v, f.path_of("course"));
    else
      item.course = defaults.course.value_or(Course::mains);

    if (const json* v = f.find("recipe")) item.recipe = read_recipe(*v, f.path_of("recipe"));
    // The short form of a portion count: the item is its own ingredient, one portion each.
    if (f.flag_or("track_stock", false)) {
      if (f.find("recipe"))
        fail_at(f.path_of("track_stock"), "give a recipe or track_stock, not both");
      if (!ingredients_.contains(item.id)) {
        ingredients_.define(item.id, f.path());
        menu_.ingredients.push_back({item.id, item.name, "portion", 0});
      }
      item.recipe = {{item.id, 1}};
    }
    if (const json* v = f.find("modifier_groups"))
      item.modifier_group_ids = resolve_list(*v, f.path_of("modifier_groups"), groups_, false);
    item.retired = f.flag_or("retired", false);
    if (const json* v = f.find("description")) {
      item.description = read_string(*v, f.path_of("description"));
      // Characters, not bytes: a UTF-8 continuation byte (10xxxxxx) starts none.
      const auto characters = std::count_if(item.description.begin(), item.description.end(),
                                            [](char c) { return (c & 0xC0) != 0x80; });
      if (characters > 500) fail_at(f.path_of("description"), "is over 500 characters");
    }
    if (const json* v = f.find("allergens")) {
      expect_array(*v, f.path_of("allergens"));
      for (std::size_t i = 0; i < v->size(); ++i) {
        std::string tag = read_id((*v)[i], element_path(f.path_of("allergens"), i));
        if (std::find(item.allergens.begin(), item.allergens.end(), tag) != item.allergens.end())
          fail_at(element_path(f.path_of("allergens"), i), in_quotes(tag) + " is listed twice");
        item.allergens.push_back(std::move(tag));
      }
    }
    if (const json* v = f.find("day_parts"))
      item.day_part_ids = resolve_list(*v, f.path_of("day_parts"), day_parts_, false);
    if (const json* v = f.find("day_part_prices")) {
      expect_array(*v, f.path_of("day_part_prices"));
      for (std::size_t i = 0; i < v->size(); ++i) {
        const Fields p((*v)[i], element_path(f.path_of("day_part_prices"), i),
                       {"day_part", "price"});
        DayPartPrice special{day_parts_.resolve(p.need("day_part"), p.path_of("day_part")),
                             p.price("price")};
        for (const DayPartPrice& other : item.day_part_prices)
          if (other.day_part_id == special.day_part_id)
            fail_at(p.path_of("day_part"), in_quotes(special.day_part_id) + " has a price already");
        item.day_part_prices.push_back(std::move(special));
      }
    }
    menu_.items.push_back(std::move(item));
  }

  // Kitchen stations only: expo sees every ticket without being asked.
  std::vector<std::string> read_routing(const json& value, const std::string& path) const {
    std::vector<std::string> ids = resolve_list(value, path, stations_, true);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (expo_stations_.count(ids[i]))
        fail_at(element_path(path, i), in_quotes(ids[i]) +
                                           " is an expo station, which sees every ticket "
                                           "anyway: route to a kitchen station");
    }
    return ids;
  }

  static Course read_course(const json& value, const std::string& path) {
    return read_word<Course>(value, path, "a course", {"drinks", "apps", "mains", "dessert"},
                             course_from_string);
  }

  Menu menu_;
  IdSet tax_classes_{"a tax class"};
  IdSet stations_{"a station"};
  IdSet categories_{"a category"};
  IdSet groups_{"a modifier group"};
  IdSet modifiers_{"a modifier"};
  IdSet items_{"a menu item"};
  IdSet day_parts_{"a day part"};
  IdSet ingredients_{"an ingredient"};
  std::set<std::string, std::less<>> expo_stations_;
  std::vector<MenuProblem> problems_;
  std::map<std::string, CategoryDefaults, std::less<>> defaults_;
};

//-----------------------------------------------------------------------------
// [SECTION] Floor
//-----------------------------------------------------------------------------

std::optional<TableShape> shape_from_string(std::string_view text) {
  for (TableShape s : {TableShape::square, TableShape::round, TableShape::booth})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

// Tables sit inside their room in the file, so a table can never name a missing room.
Floor read_floor(const json& value, const std::string& path) {
  const Fields f(value, path, {"rooms"});
  Floor floor;
  IdSet rooms("a room");
  IdSet tables("a table");  // unique across rooms: servers say "table 12", not "patio 12"
  const json& room_list = f.array("rooms");
  for (std::size_t r = 0; r < room_list.size(); ++r) {
    const Fields rf(room_list[r], element_path(f.path_of("rooms"), r), {"id", "name", "tables"});
    Room room;
    room.id = rooms.claim(rf);
    room.name = rf.name("name");
    const json& table_list = rf.array("tables");
    for (std::size_t t = 0; t < table_list.size(); ++t) {
      const Fields tf(table_list[t], element_path(rf.path_of("tables"), t),
                      {"id", "name", "seats", "x", "y", "width", "height", "shape"});
      Table table;
      table.id = tables.claim(tf);
      table.room_id = room.id;
      table.name = tf.name_or("name", "Table " + table.id);
      table.seats = read_int(tf.need("seats"), tf.path_of("seats"), 1, 99);
      // Floor units: the terminal scales the room to its screen.
      table.x = read_int(tf.need("x"), tf.path_of("x"), 0, 10'000);
      table.y = read_int(tf.need("y"), tf.path_of("y"), 0, 10'000);
      table.width = tf.int_or("width", 1, 1, 1'000);
      table.height = tf.int_or("height", 1, 1, 1'000);
      if (const json* v = tf.find("shape"))
        table.shape = read_word<TableShape>(*v, tf.path_of("shape"), "a table shape",
                                            {"square", "round", "booth"}, shape_from_string);
      floor.tables.push_back(std::move(table));
    }
    floor.rooms.push_back(std::move(room));
  }
  return floor;
}

//-----------------------------------------------------------------------------
// [SECTION] Staff and stock
//-----------------------------------------------------------------------------

std::vector<StaffSeed> read_staff(const json& value, const std::string& path, int pin_digits) {
  expect_array(value, path);
  std::vector<StaffSeed> staff;
  IdSet ids("a staff member");
  std::map<std::string, std::string, std::less<>> pin_owner;  // pin -> path of its owner
  for (std::size_t i = 0; i < value.size(); ++i) {
    const Fields f(value[i], element_path(path, i), {"id", "name", "role", "pin", "active"});
    StaffSeed seed;
    seed.member.id = ids.claim(f);
    seed.member.name = f.name("name");
    seed.member.role =
        read_word<Role>(f.need("role"), f.path_of("role"), "a role",
                        {"server", "bartender", "host", "manager", "kitchen"}, role_from_string);
    seed.member.active = f.flag_or("active", true);
    const json& pin = f.need("pin");
    const std::string pin_path = f.path_of("pin");
    // A number would lose leading zeros ("0420" -> 420).
    if (pin.is_number())
      wrong_type(pin, pin_path, "a string", " (write the PIN in quotes, like \"0420\")");
    seed.pin = read_string(pin, pin_path);
    // Errors never repeat a PIN: they end up in logs.
    if (!is_valid_pin(seed.pin, pin_digits))
      fail_at(pin_path,
              pin_digits == 6 ? "must be 6 digits (pin_digits is 6)" : "must be 4 to 6 digits");
    auto [it, fresh] = pin_owner.emplace(seed.pin, f.path());
    if (!fresh) fail_at(pin_path, "same PIN as " + it->second + " (every PIN must be unique)");
    staff.push_back(std::move(seed));
  }
  return staff;
}

// "stock": { "salmon": { "remaining": 8 }, "oysters": { "eighty_sixed": true } }. A count
// is for an item that is its own ingredient (one of it, one portion): it opens that count.
void read_stock(const json& value, const std::string& path, Restaurant& restaurant) {
  expect_object(value, path);
  const Menu& menu = restaurant.menu;
  for (const auto& [item_id, entry] : value.items()) {
    const std::string entry_path = member_path(path, item_id);
    const MenuItem* item = menu.find_item(item_id);
    if (!item) {
      std::vector<std::string_view> known;
      for (const MenuItem& i : menu.items) known.push_back(i.id);
      fail_at(entry_path,
              in_quotes(item_id) + " is not a menu item" + did_you_mean(item_id, known));
    }
    const Fields f(entry, entry_path, {"remaining", "eighty_sixed"});
    if (!f.find("remaining") && !f.find("eighty_sixed"))
      fail_at(entry_path, "give \"remaining\", \"eighty_sixed\" or both");
    StockLevel level;
    level.eighty_sixed = f.flag_or("eighty_sixed", false);
    if (const json* v = f.find("remaining")) {
      if (item->recipe.size() != 1 || item->recipe[0].quantity != 1)
        fail_at(f.path_of("remaining"),
                in_quotes(item_id) +
                    " is not counted in portions (set \"track_stock\": true on the item, or "
                    "count its ingredients in \"inventory\")");
      const std::string& ingredient_id = item->recipe[0].ingredient_id;
      if (restaurant.inventory.count(ingredient_id))
        fail_at(f.path_of("remaining"), in_quotes(ingredient_id) + " is counted twice");
      restaurant.inventory[ingredient_id] = read_integer(*v, f.path_of("remaining"), 0, kMaxCount);
    }
    if (level.eighty_sixed) restaurant.stock.emplace(item_id, level);
  }
}

// "inventory": { "beef-patty": 40, "bacon": 60 }: opening counts, in each one's unit.
void read_inventory(const json& value, const std::string& path, Restaurant& restaurant) {
  expect_object(value, path);
  for (const auto& [ingredient_id, on_hand] : value.items()) {
    const std::string entry_path = member_path(path, ingredient_id);
    if (!restaurant.menu.find_ingredient(ingredient_id)) {
      std::vector<std::string_view> known;
      for (const Ingredient& i : restaurant.menu.ingredients) known.push_back(i.id);
      fail_at(entry_path, in_quotes(ingredient_id) + " is not an ingredient" +
                              did_you_mean(ingredient_id, known));
    }
    if (restaurant.inventory.count(ingredient_id))
      fail_at(entry_path, "is counted twice (here and in \"stock\")");
    restaurant.inventory[ingredient_id] = read_integer(on_hand, entry_path, 0, kMaxCount);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Document
//-----------------------------------------------------------------------------

// nlohmann keeps the last of two equal keys without a word; in a hand-edited file that is
// a lost edit. The parser callback sees every key, so it records the first duplicate.
class DuplicateKeyFinder {
 public:
  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        frames_.emplace_back(false);
        break;
      case json::parse_event_t::array_start:
        frames_.emplace_back(true);
        break;
      case json::parse_event_t::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second && !duplicate_)
          duplicate_ = at((frames_.size() == 1 ? std::string("top level") : parent_path()),
                          "key " + in_quotes(frame.key) + " appears twice");
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames_.pop_back();
        element_done();
        break;
      case json::parse_event_t::value:
        element_done();
        break;
    }
    return true;
  }

  const std::optional<FileError>& duplicate() const { return duplicate_; }

 private:
  static FileError at(const std::string& path, const std::string& problem) {
    return FileError{path + ": " + problem, path, problem};
  }

  struct Frame {
    explicit Frame(bool is_array) : array(is_array) {}
    bool array;
    std::size_t index = 0;  // arrays: the element being read
    std::string key;        // objects: the member being read
    std::set<std::string> keys;
  };

  void element_done() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  // The path of the innermost object (every frame but the last names a step into it).
  std::string parent_path() const {
    std::string path;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i)
      path = frames_[i].array ? element_path(path, frames_[i].index)
                              : member_path(path, frames_[i].key);
    return path;
  }

  std::vector<Frame> frames_;
  std::optional<FileError> duplicate_;
};

// "line 3, column 1: syntax error while parsing object key - unexpected '}'; ..."
std::string describe_parse_error(const json::parse_error& e, std::string_view text) {
  const std::size_t end = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
  const std::size_t line = 1 + std::count(text.begin(), text.begin() + end, '\n');
  const std::size_t line_start = text.rfind('\n', end == 0 ? 0 : end - 1);
  const std::size_t column =
      line_start == std::string_view::npos || end == 0 ? end + 1 : end - line_start;
  std::string detail = e.what();
  const std::size_t column_at = detail.find("column ");
  const std::size_t detail_at =
      column_at == std::string::npos ? std::string::npos : detail.find(": ", column_at);
  if (detail_at != std::string::npos) detail = detail.substr(detail_at + 2);
  // nlohmann quotes what it last read, which may be broken UTF-8: keep the message clean.
  for (char& c : detail)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
  return "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
         ": " + detail;
}

Restaurant read_restaurant(const json& document) {
  const Fields f(document, "",
                 {"format_version", "name", "currency", "menu", "floor", "staff", "stock",
                  "inventory", "pin_digits"});
  const int version = read_int(f.need("format_version"), f.path_of("format_version"), 1);
  if (version != kFormatVersion)
    fail_at(f.path_of("format_version"), "this program reads version " +
                                             std::to_string(kFormatVersion) +
                                             ", the file is version " + std::to_string(version));
  Restaurant restaurant;
  restaurant.name = f.name("name");
  if (const json* v = f.find("currency")) {
    const Fields c(*v, f.path_of("currency"), {"symbol", "decimal_point", "thousands_separator"});
    CurrencyFormat& currency = restaurant.currency;
    currency.symbol = c.name_or("symbol", currency.symbol);
    auto one_char = [&](std::string_view key, char fallback) {
      const json* value = c.find(key);
      if (!value) return fallback;
      const std::string& text = read_string(*value, c.path_of(key));
      if (text.size() != 1) fail_at(c.path_of(key), "must be a single character");
      return text[0];
    };
    currency.decimal_point = one_char("decimal_point", currency.decimal_point);
    if (c.find("thousands_separator"))
      currency.thousands_separator = one_char("thousands_separator", ',');
    if (currency.decimal_point == currency.thousands_separator)
      fail_at(c.path(), "decimal_point and thousands_separator must differ");
  }
  MenuReader menu;
  restaurant.menu = menu.read(f.need("menu"), f.path_of("menu"));
  // A restaurant file is refused at its first problem (a menu import lists them all).
  if (!menu.problems().empty()) {
    const MenuProblem& first = menu.problems().front();
    fail_at(first.field.empty() ? first.where : first.where + "." + first.field, first.why);
  }
  restaurant.floor = read_floor(f.need("floor"), f.path_of("floor"));
  if (const json* v = f.find("pin_digits")) {
    restaurant.pin_digits = read_int(*v, f.path_of("pin_digits"), 4, 6);
    if (!is_valid_pin_digits(restaurant.pin_digits))
      fail_at(f.path_of("pin_digits"), "must be 4 or 6");
  }
  restaurant.staff = read_staff(f.need("staff"), f.path_of("staff"), restaurant.pin_digits);
  if (const json* v = f.find("stock")) read_stock(*v, f.path_of("stock"), restaurant);
  if (const json* v = f.find("inventory")) read_inventory(*v, f.path_of("inventory"), restaurant);
  return restaurant;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

Result<Restaurant> parse_restaurant(std::string_view json_text) {
  try {
    DuplicateKeyFinder duplicates;
    json document;
    try {
      document = json::parse(json_text.begin(), json_text.end(), std::ref(duplicates));
    } catch (const json::parse_error& e) {
      return fail(Errc::invalid_restaurant_file, describe_parse_error(e, json_text));
    }
    if (duplicates.duplicate())
      return fail(Errc::invalid_restaurant_file, duplicates.duplicate()->message);
    Restaurant restaurant = read_restaurant(document);
    // The reader checks everything with a path; this is the domain's own word, as a backstop.
    if (Status valid = validate_restaurant(restaurant); !valid)
      return fail(Errc::invalid_restaurant_file, valid.error().message);
    return restaurant;
  } catch (const FileError& e) {
    return fail(Errc::invalid_restaurant_file, e.message);
  } catch (const std::exception& e) {
    return fail(Errc::invalid_restaurant_file, std::string("could not read the file: ") + e.what());
  }
}

MenuReading read_menu_json(const nlohmann::json& menu, const std::string& path) {
  MenuReader reader;
  MenuReading reading;
  try {
    reading.menu = reader.read(menu, path);
    reading.problems = reader.problems();
    if (reading.ok())
      if (Status valid = validate_menu(reading.menu); !valid)
        reading.problems.push_back({path, "", "", valid.error().message});
  } catch (const std::exception& e) {
    reading.problems.push_back({path, "", "", std::string("could not read the menu: ") + e.what()});
  }
  return reading;
}

MenuReading parse_menu_file(std::string_view text) {
  MenuReading reading;
  try {
    DuplicateKeyFinder duplicates;
    json document;
    try {
      document = json::parse(text.begin(), text.end(), std::ref(duplicates));
    } catch (const json::parse_error& e) {
      reading.problems.push_back({"top level", "", "", describe_parse_error(e, text)});
      return reading;
    }
    if (duplicates.duplicate()) {
      reading.problems.push_back(
          {duplicates.duplicate()->path, "", "", duplicates.duplicate()->problem});
      return reading;
    }
    const Fields f(document, "", {"format_version", "menu"});
    const int version = read_int(f.need("format_version"), f.path_of("format_version"), 1);
    if (version != kFormatVersion)
      fail_at(f.path_of("format_version"), "this program reads version " +
                                               std::to_string(kFormatVersion) +
                                               ", the file is version " + std::to_string(version));
    return read_menu_json(f.need("menu"), f.path_of("menu"));
  } catch (const FileError& e) {
    reading.problems.push_back({e.path, "", "", e.problem});
  }
  return reading;
}

std::string MenuProblem::text() const {
  std::string text = where;
  if (!id.empty()) text += " (" + id + ")";
  if (!field.empty()) text += "." + field;
  return text + ": " + why;
}

Result<Restaurant> load_restaurant_file(const std::filesystem::path& path) {
  const std::string shown = path.string();
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return fail(Errc::invalid_restaurant_file, shown + ": cannot read: " + ec.message());
  if (size > kMaxFileBytes)
    return fail(Errc::invalid_restaurant_file, shown + ": is " + std::to_string(size) +
                                                   " bytes; a restaurant file is at most " +
                                                   std::to_string(kMaxFileBytes) + " bytes");
  std::ifstream in(path, std::ios::binary);
  std::string text(size, '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(size)))
    return fail(Errc::invalid_restaurant_file, shown + ": cannot read");
  Result<Restaurant> restaurant = parse_restaurant(text);
  if (!restaurant)
    return fail(Errc::invalid_restaurant_file, shown + ": " + restaurant.error().message);
  return restaurant;
}

}  // namespace brigade
