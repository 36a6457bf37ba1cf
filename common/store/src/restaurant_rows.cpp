// Reading the restaurant back: settings, menu, floor and stock (staff: staff_rows.cpp).
// These are read when a program starts or a snapshot is asked for, not per command, so
// they prepare their statements for the one call.
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

std::optional<char> stored_char(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text.front();
}

std::optional<TableShape> table_shape_from_string(std::string_view text) {
  for (TableShape shape : {TableShape::square, TableShape::round, TableShape::booth})
    if (to_string(shape) == text) return shape;
  return std::nullopt;
}

// A JSON array of ids as a column holds it.
std::vector<std::string> stored_ids(const std::string& text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

// Rows of "SELECT owner_id, value FROM ... ORDER BY owner_id, position" into each
// owner's list; owners are found by id.
template <class Owner>
void attach_ids(SQLite::Database& db, const char* sql, std::vector<Owner>& owners,
                std::vector<std::string> Owner::*list) {
  SQLite::Statement rows(db, sql);
  while (rows.executeStep()) {
    const std::string owner_id = rows.getColumn(0).getString();
    for (Owner& owner : owners)
      if (owner.id == owner_id) (owner.*list).push_back(rows.getColumn(1).getString());
  }
}

}  // namespace

bool Store::is_seeded() const {
  auto seeded = impl_->prepared("SELECT count(*) FROM settings");
  seeded->executeStep();
  return seeded->getColumn(0).getInt() > 0;
}

std::string Store::restaurant_name() const {
  auto name = impl_->prepared("SELECT restaurant_name FROM settings");
  return name->executeStep() ? name->getColumn(0).getString() : std::string();
}

CurrencyFormat Store::currency() const {
  auto row =
      impl_->prepared("SELECT currency_symbol, decimal_point, thousands_separator FROM settings");
  CurrencyFormat format;
  if (row->executeStep()) {
    format.symbol = row->getColumn(0).getString();
    format.decimal_point = stored_char(row->getColumn(1).getString()).value_or('.');
    format.thousands_separator = stored_char(row->getColumn(2).getString());
  }
  return format;
}

Menu Store::load_menu() const {
  SQLite::Database& db = impl_->db;
  Menu menu;

  SQLite::Statement stations(db, R"sql(
    SELECT id, name, expo, warn_after_s, late_after_s FROM stations ORDER BY position)sql");
  while (stations.executeStep())
    menu.stations.push_back(
        Station{stations.getColumn(0).getString(), stations.getColumn(1).getString(),
                stations.getColumn(2).getInt() != 0, stations.getColumn(3).getInt(),
                stations.getColumn(4).getInt()});

  SQLite::Statement taxes(
      db, "SELECT id, name, rate_ppm, inclusive FROM tax_classes ORDER BY position");
  while (taxes.executeStep())
    menu.tax_classes.push_back(
        TaxClass{taxes.getColumn(0).getString(), taxes.getColumn(1).getString(),
                 taxes.getColumn(2).getInt64(), taxes.getColumn(3).getInt() != 0});

  SQLite::Statement parts(db, R"sql(
    SELECT id, name, days, from_minute, until_minute FROM day_parts ORDER BY position)sql");
  while (parts.executeStep())
    menu.day_parts.push_back(DayPart{parts.getColumn(0).getString(), parts.getColumn(1).getString(),
                                     static_cast<std::uint8_t>(parts.getColumn(2).getInt()),
                                     parts.getColumn(3).getInt(), parts.getColumn(4).getInt()});

  SQLite::Statement ingredients(db,
                                "SELECT id, name, unit, low_at FROM ingredients ORDER BY position");
  while (ingredients.executeStep())
    menu.ingredients.push_back(
        Ingredient{ingredients.getColumn(0).getString(), ingredients.getColumn(1).getString(),
                   ingredients.getColumn(2).getString(), ingredients.getColumn(3).getInt64()});

  SQLite::Statement categories(db, "SELECT id, name, day_parts FROM categories ORDER BY position");
  while (categories.executeStep())
    menu.categories.push_back(Category{categories.getColumn(0).getString(),
                                       categories.getColumn(1).getString(),
                                       stored_ids(categories.getColumn(2).getString())});

  SQLite::Statement groups(
      db, "SELECT id, name, min_select, max_select FROM modifier_groups ORDER BY position");
  while (groups.executeStep())
    menu.modifier_groups.push_back(ModifierGroup{groups.getColumn(0).getString(),
                                                 groups.getColumn(1).getString(),
                                                 groups.getColumn(2).getInt(),
                                                 groups.getColumn(3).getInt(),
                                                 {}});
  SQLite::Statement modifiers(db, R"sql(
    SELECT group_id, id, name, price_cents, recipe FROM modifiers
    ORDER BY group_id, position)sql");
  while (modifiers.executeStep()) {
    const std::string group_id = modifiers.getColumn(0).getString();
    for (ModifierGroup& group : menu.modifier_groups)
      if (group.id == group_id)
        group.modifiers.push_back(Modifier{modifiers.getColumn(1).getString(),
                                           modifiers.getColumn(2).getString(),
                                           Money::cents(modifiers.getColumn(3).getInt64()),
                                           stored_recipe(modifiers.getColumn(4).getString())});
  }

  SQLite::Statement items(db, R"sql(
    SELECT id, name, category_id, price_cents, tax_class_id, course, recipe, retired,
      description, allergens, day_parts, day_part_prices
    FROM menu_items ORDER BY position)sql");
  while (items.executeStep()) {
    MenuItem item;
    item.id = items.getColumn(0).getString();
    item.name = items.getColumn(1).getString();
    item.category_id = items.getColumn(2).getString();
    item.price = Money::cents(items.getColumn(3).getInt64());
    item.tax_class_id = items.getColumn(4).getString();
    const std::string course = items.getColumn(5).getString();
    item.course = parse_stored(course_from_string(course), "course", course);
    item.recipe = stored_recipe(items.getColumn(6).getString());
    item.retired = items.getColumn(7).getInt() != 0;
    item.description = items.getColumn(8).getString();
    item.allergens = stored_ids(items.getColumn(9).getString());
    item.day_part_ids = stored_ids(items.getColumn(10).getString());
    for (const auto& p : nlohmann::json::parse(items.getColumn(11).getString()))
      item.day_part_prices.push_back({p.at("day_part").get<std::string>(),
                                      Money::cents(p.at("price_cents").get<std::int64_t>())});
    menu.items.push_back(std::move(item));
  }
  attach_ids(db, "SELECT item_id, station_id FROM item_stations ORDER BY item_id, position",
             menu.items, &MenuItem::station_ids);
  attach_ids(db, "SELECT item_id, group_id FROM item_modifier_groups ORDER BY item_id, position",
             menu.items, &MenuItem::modifier_group_ids);
  return menu;
}

Floor Store::load_floor() const {
  SQLite::Database& db = impl_->db;
  Floor floor;
  SQLite::Statement rooms(db, "SELECT id, name FROM rooms ORDER BY position");
  while (rooms.executeStep())
    floor.rooms.push_back(Room{rooms.getColumn(0).getString(), rooms.getColumn(1).getString()});

  SQLite::Statement tables(db, R"sql(
    SELECT id, room_id, name, seats, x, y, width, height, shape
    FROM floor_tables ORDER BY position)sql");
  while (tables.executeStep()) {
    Table table;
    table.id = tables.getColumn(0).getString();
    table.room_id = tables.getColumn(1).getString();
    table.name = tables.getColumn(2).getString();
    table.seats = tables.getColumn(3).getInt();
    table.x = tables.getColumn(4).getInt();
    table.y = tables.getColumn(5).getInt();
    table.width = tables.getColumn(6).getInt();
    table.height = tables.getColumn(7).getInt();
    const std::string shape = tables.getColumn(8).getString();
    table.shape = parse_stored(table_shape_from_string(shape), "table shape", shape);
    floor.tables.push_back(std::move(table));
  }
  return floor;
}

// [SECTION] stock: read and written during service, so its statements are cached.

Stock Store::load_stock() const {
  Stock stock;
  auto levels = impl_->prepared("SELECT item_id FROM stock WHERE eighty_sixed = 1");
  while (levels->executeStep()) stock[levels->getColumn(0).getString()].eighty_sixed = true;
  return stock;
}

Status Store::save_stock_level(std::string_view item_id, const StockLevel& level) {
  try {
    auto item = impl_->prepared("SELECT 1 FROM menu_items WHERE id = ?1");
    bind_values(*item, item_id);
    if (!item->executeStep())
      return fail(Errc::unknown_item, "'" + std::string(item_id) + "' is not on the menu");
    if (level.eighty_sixed) {
      auto save = impl_->prepared(R"sql(
        INSERT INTO stock (item_id, eighty_sixed, remaining) VALUES (?1, 1, NULL)
        ON CONFLICT (item_id) DO UPDATE SET eighty_sixed = 1)sql");
      execute(*save, item_id);
    } else {
      auto drop = impl_->prepared("DELETE FROM stock WHERE item_id = ?1");
      execute(*drop, item_id);
    }
  } catch (const SQLite::Exception& e) {
    return storage_error("saving the stock of '" + std::string(item_id) + "'", e);
  }
  return success();
}

Inventory Store::load_inventory() const {
  Inventory inventory;
  auto rows = impl_->prepared("SELECT ingredient_id, on_hand FROM inventory");
  while (rows->executeStep())
    inventory[rows->getColumn(0).getString()] = rows->getColumn(1).getInt64();
  return inventory;
}

Status Store::save_on_hand(std::string_view ingredient_id, std::optional<std::int64_t> on_hand) {
  const std::string which = "'" + std::string(ingredient_id) + "'";
  if (on_hand && *on_hand < 0)
    return fail(Errc::invalid_argument, "the count of " + which + " can't go below zero");
  try {
    auto known = impl_->prepared("SELECT 1 FROM ingredients WHERE id = ?1");
    bind_values(*known, ingredient_id);
    if (!known->executeStep()) return fail(Errc::not_found, which + " is not an ingredient");
    if (on_hand) {
      auto save = impl_->prepared(R"sql(
        INSERT INTO inventory (ingredient_id, on_hand) VALUES (?1, ?2)
        ON CONFLICT (ingredient_id) DO UPDATE SET on_hand = excluded.on_hand)sql");
      execute(*save, ingredient_id, *on_hand);
    } else {
      auto drop = impl_->prepared("DELETE FROM inventory WHERE ingredient_id = ?1");
      execute(*drop, ingredient_id);
    }
  } catch (const SQLite::Exception& e) {
    return storage_error("saving the count of " + which, e);
  }
  return success();
}

Needs Store::load_line_stock(std::int64_t line_id) const {
  Needs taken;
  auto rows = impl_->prepared("SELECT ingredient_id, quantity FROM line_stock WHERE line_id = ?1");
  bind_values(*rows, line_id);
  while (rows->executeStep()) taken[rows->getColumn(0).getString()] = rows->getColumn(1).getInt64();
  return taken;
}

Status Store::save_line_stock(std::int64_t line_id, const Needs& taken) {
  try {
    auto drop = impl_->prepared("DELETE FROM line_stock WHERE line_id = ?1");
    execute(*drop, line_id);
    auto add = impl_->prepared(
        "INSERT INTO line_stock (line_id, ingredient_id, quantity) VALUES (?1, ?2, ?3)");
    for (const auto& [ingredient_id, quantity] : taken)
      if (quantity > 0) execute(*add, line_id, ingredient_id, quantity);
  } catch (const SQLite::Exception& e) {
    return storage_error("saving what line " + std::to_string(line_id) + " took from stock", e);
  }
  return success();
}

}  // namespace brigade::store
