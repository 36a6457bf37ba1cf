// The menu, the 86 list, the floor plan, staff and the currency: written by the hub
// (hello, get_menu, snapshot, the menu topic), read back by terminals and screens.
#include "brigade/protocol/codec.h"
#include "reading.h"

namespace brigade::protocol {

using namespace reading;

namespace {

Json cents_json(Money m) {
  return m.in_cents();
}

Json recipe_json(const Recipe& recipe) {
  Json parts = Json::array();
  for (const auto& p : recipe)
    parts.push_back({{"ingredient", p.ingredient_id}, {"quantity", p.quantity}});
  return parts;
}

Recipe read_recipe(const Json& j) {
  Recipe recipe;
  for (const auto& p : array(j, "recipe"))
    recipe.push_back({text(p, "ingredient"), integer(p, "quantity", 1)});
  return recipe;
}

TableShape shape_from(const std::string& name) {
  if (name == "round") return TableShape::round;
  if (name == "booth") return TableShape::booth;
  return TableShape::square;
}

}  // namespace

// [SECTION] menu

Json to_json(const Menu& menu) {
  Json categories = Json::array();
  for (const auto& c : menu.categories)
    categories.push_back({{"id", c.id}, {"name", c.name}, {"day_parts", c.day_part_ids}});
  Json groups = Json::array();
  for (const auto& g : menu.modifier_groups) {
    Json modifiers = Json::array();
    for (const auto& m : g.modifiers)
      modifiers.push_back({{"id", m.id},
                           {"name", m.name},
                           {"price", cents_json(m.price)},
                           {"recipe", recipe_json(m.recipe)}});
    groups.push_back({{"id", g.id},
                      {"name", g.name},
                      {"min", g.min_select},
                      {"max", g.max_select},
                      {"forced", g.forced()},
                      {"modifiers", modifiers}});
  }
  Json items = Json::array();
  for (const auto& i : menu.items) {
    Json prices = Json::array();
    for (const auto& p : i.day_part_prices)
      prices.push_back({{"day_part", p.day_part_id}, {"price", cents_json(p.price)}});
    items.push_back({{"id", i.id},
                     {"name", i.name},
                     {"category", i.category_id},
                     {"price", cents_json(i.price)},
                     {"tax_class", i.tax_class_id},
                     {"stations", i.station_ids},
                     {"course", to_string(i.course)},
                     {"recipe", recipe_json(i.recipe)},
                     {"modifier_groups", i.modifier_group_ids},
                     {"retired", i.retired},
                     {"description", i.description},
                     {"allergens", i.allergens},
                     {"day_parts", i.day_part_ids},
                     {"day_part_prices", prices}});
  }
  Json day_parts = Json::array();
  for (const auto& p : menu.day_parts) {
    Json days = Json::array();
    for (int d = 0; d < 7; ++d)
      if (p.on(d)) days.push_back(weekday_name(d));
    day_parts.push_back({{"id", p.id},
                         {"name", p.name},
                         {"days", days},
                         {"from_minute", p.from_minute},
                         {"until_minute", p.until_minute}});
  }
  Json taxes = Json::array();
  for (const auto& t : menu.tax_classes)
    taxes.push_back(
        {{"id", t.id}, {"name", t.name}, {"rate_ppm", t.rate_ppm}, {"inclusive", t.inclusive}});
  Json stations = Json::array();
  for (const auto& s : menu.stations)
    stations.push_back({{"id", s.id},
                        {"name", s.name},
                        {"expo", s.expo},
                        {"warn_after_s", s.warn_after_s},
                        {"late_after_s", s.late_after_s}});
  Json ingredients = Json::array();
  for (const auto& i : menu.ingredients)
    ingredients.push_back({{"id", i.id}, {"name", i.name}, {"unit", i.unit}, {"low_at", i.low_at}});
  return {{"categories", categories},  {"items", items},       {"modifier_groups", groups},
          {"tax_classes", taxes},      {"stations", stations}, {"day_parts", day_parts},
          {"ingredients", ingredients}};
}

Menu read_menu(const Json& j) {
  Menu menu;
  for (const auto& c : array(j, "categories"))
    menu.categories.push_back({text(c, "id"), text(c, "name"), texts(c, "day_parts")});
  for (const auto& g : array(j, "modifier_groups")) {
    ModifierGroup group;
    group.id = text(g, "id");
    group.name = text(g, "name");
    group.min_select = small(g, "min");
    group.max_select = small(g, "max", 1);
    for (const auto& m : array(g, "modifiers"))
      group.modifiers.push_back(
          {text(m, "id"), text(m, "name"), cents(m, "price"), read_recipe(m)});
    menu.modifier_groups.push_back(std::move(group));
  }
  for (const auto& i : array(j, "items")) {
    MenuItem item;
    item.id = text(i, "id");
    item.name = text(i, "name");
    item.category_id = text(i, "category");
    item.price = cents(i, "price");
    item.tax_class_id = text(i, "tax_class");
    item.station_ids = texts(i, "stations");
    item.course = course_from_string(text(i, "course")).value_or(Course::mains);
    item.recipe = read_recipe(i);
    item.modifier_group_ids = texts(i, "modifier_groups");
    item.retired = flag(i, "retired");
    item.description = text(i, "description");
    item.allergens = texts(i, "allergens");
    item.day_part_ids = texts(i, "day_parts");
    for (const auto& p : array(i, "day_part_prices"))
      item.day_part_prices.push_back({text(p, "day_part"), cents(p, "price")});
    menu.items.push_back(std::move(item));
  }
  for (const auto& t : array(j, "tax_classes"))
    menu.tax_classes.push_back(
        {text(t, "id"), text(t, "name"), integer(t, "rate_ppm"), flag(t, "inclusive")});
  for (const auto& s : array(j, "stations"))
    menu.stations.push_back({text(s, "id"), text(s, "name"), flag(s, "expo"),
                             small(s, "warn_after_s", 300), small(s, "late_after_s", 600)});
  for (const auto& p : array(j, "day_parts")) {
    DayPart part{text(p, "id"), text(p, "name"), 0, small(p, "from_minute"),
                 small(p, "until_minute")};
    for (const auto& day : texts(p, "days"))
      if (auto d = weekday_from_string(day)) part.days |= static_cast<std::uint8_t>(1 << *d);
    menu.day_parts.push_back(std::move(part));
  }
  for (const auto& i : array(j, "ingredients"))
    menu.ingredients.push_back(
        {text(i, "id"), text(i, "name"), text(i, "unit"), integer(i, "low_at")});
  return menu;
}

// [SECTION] permissions

Json to_json(const Permissions& permissions) {
  Json j = Json::object();
  for (Role role : all_roles()) {
    Json list = Json::array();
    for (Permission p : permissions.of(role)) list.push_back(to_string(p));
    j[std::string(to_string(role))] = list;
  }
  return j;
}

Permissions read_permissions(const Json& j) {
  Permissions permissions;
  if (!j.is_object()) return permissions;
  for (const auto& [role_name, list] : j.items()) {
    auto role = role_from_string(role_name);
    if (!role || !list.is_array()) continue;
    for (const auto& name : list)
      if (name.is_string())
        if (auto p = permission_from_string(name.get<std::string>()))
          permissions.set(*role, *p, true);
  }
  return permissions;
}

// [SECTION] the 86 list

Json to_json(const std::string& item_id, const StockLevel& level) {
  return {{"item_id", item_id},
          {"eighty_sixed", level.eighty_sixed},
          {"remaining", level.remaining ? Json(*level.remaining) : Json(nullptr)},
          {"out", level.out()}};
}

Json to_json(const Stock& stock) {
  Json out = Json::array();
  for (const auto& [item_id, level] : stock) out.push_back(to_json(item_id, level));
  return out;
}

StockLevel read_stock_level(const Json& j, std::string& item_id) {
  item_id = text(j, "item_id");
  StockLevel level;
  level.eighty_sixed = flag(j, "eighty_sixed");
  if (auto it = j.find("remaining"); it != j.end() && it->is_number_integer())
    level.remaining = it->get<int>();
  return level;
}

// [SECTION] inventory

Json to_json(const Ingredient& ingredient, const Inventory& inventory) {
  auto counted = inventory.find(ingredient.id);
  return {{"ingredient_id", ingredient.id},
          {"name", ingredient.name},
          {"unit", ingredient.unit},
          {"on_hand", counted == inventory.end() ? Json(nullptr) : Json(counted->second)},
          {"low_at", ingredient.low_at},
          {"low", is_low(ingredient, inventory)}};
}

Json inventory_json(const Menu& menu, const Inventory& inventory) {
  Json out = Json::array();
  for (const auto& ingredient : menu.ingredients) out.push_back(to_json(ingredient, inventory));
  return out;
}

void read_ingredient_level(const Json& j, Inventory& inventory) {
  const std::string id = text(j, "ingredient_id");
  if (auto it = j.find("on_hand"); it != j.end() && it->is_number_integer())
    inventory[id] = it->get<std::int64_t>();
  else
    inventory.erase(id);
}

// [SECTION] floor plan

Json to_json(const Floor& floor) {
  Json rooms = Json::array();
  for (const auto& r : floor.rooms) rooms.push_back({{"id", r.id}, {"name", r.name}});
  Json tables = Json::array();
  for (const auto& t : floor.tables)
    tables.push_back({{"id", t.id},
                      {"room", t.room_id},
                      {"name", t.name},
                      {"seats", t.seats},
                      {"x", t.x},
                      {"y", t.y},
                      {"width", t.width},
                      {"height", t.height},
                      {"shape", to_string(t.shape)}});
  return {{"rooms", rooms}, {"tables", tables}};
}

Floor read_floor(const Json& j) {
  Floor floor;
  for (const auto& r : array(j, "rooms")) floor.rooms.push_back({text(r, "id"), text(r, "name")});
  for (const auto& t : array(j, "tables")) {
    Table table;
    table.id = text(t, "id");
    table.room_id = text(t, "room");
    table.name = text(t, "name");
    table.seats = small(t, "seats", 4);
    table.x = small(t, "x");
    table.y = small(t, "y");
    table.width = small(t, "width", 1);
    table.height = small(t, "height", 1);
    table.shape = shape_from(text(t, "shape"));
    floor.tables.push_back(std::move(table));
  }
  return floor;
}

// [SECTION] staff

Json to_json(const StaffMember& staff) {
  return {{"id", staff.id}, {"name", staff.name}, {"role", to_string(staff.role)}};
}

StaffMember read_staff(const Json& j) {
  StaffMember s;
  s.id = text(j, "id");
  s.name = text(j, "name");
  s.role = role_from_string(text(j, "role")).value_or(Role::server);
  return s;
}

Json to_json(const Punch& p) {
  return {{"id", p.id},         {"staff_id", p.staff_id}, {"kind", to_string(p.kind)}, {"at", p.at},
          {"device", p.device}, {"fixed_by", p.fixed_by}, {"reason", p.reason}};
}

Json to_json(const BusinessDay& day) {
  Json j{{"id", day.id}, {"opened_at", day.opened_at}, {"opened_by", day.opened_by}};
  j["closed_at"] = day.is_open() ? Json() : Json(day.closed_at);
  j["closed_by"] = day.is_open() ? Json() : Json(day.closed_by);
  j["z_number"] = day.is_open() ? Json() : Json(day.z_number);
  return j;
}

Punch read_punch(const Json& j) {
  Punch p;
  p.id = integer(j, "id");
  p.staff_id = text(j, "staff_id");
  p.kind = punch_kind_from_string(text(j, "kind")).value_or(PunchKind::in);
  p.at = integer(j, "at");
  p.device = text(j, "device");
  p.fixed_by = text(j, "fixed_by");
  p.reason = text(j, "reason");
  return p;
}

Json to_json(const TimesheetDay& d) {
  Json punches = Json::array();
  for (const Punch& p : d.punches) punches.push_back(to_json(p));
  return {{"staff_id", d.staff_id}, {"date", d.date}, {"worked_ms", d.worked_ms},
          {"break_ms", d.break_ms}, {"open", d.open}, {"punches", punches}};
}

TimesheetDay read_timesheet_day(const Json& j) {
  TimesheetDay d;
  d.staff_id = text(j, "staff_id");
  d.date = text(j, "date");
  d.worked_ms = integer(j, "worked_ms");
  d.break_ms = integer(j, "break_ms");
  d.open = flag(j, "open");
  for (const auto& p : array(j, "punches")) d.punches.push_back(read_punch(p));
  return d;
}

// [SECTION] currency

Json to_json(const CurrencyFormat& currency) {
  return {{"symbol", currency.symbol},
          {"decimal_point", std::string(1, currency.decimal_point)},
          {"thousands_separator", currency.thousands_separator
                                      ? std::string(1, *currency.thousands_separator)
                                      : std::string()}};
}

CurrencyFormat read_currency(const Json& j) {
  CurrencyFormat f;
  if (!j.is_object()) return f;
  f.symbol = text(j, "symbol");
  std::string point = text(j, "decimal_point");
  std::string thousands = text(j, "thousands_separator");
  if (!point.empty()) f.decimal_point = point[0];
  f.thousands_separator = thousands.empty() ? std::nullopt : std::optional<char>(thousands[0]);
  return f;
}

}  // namespace brigade::protocol
