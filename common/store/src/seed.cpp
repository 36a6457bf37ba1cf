// Seeding: a new store takes its menu, floor, staff and stock from a Restaurant.
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "brigade/store/store.h"
#include "pin_hash.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

// The menu as schema v1 to v6 held it.
void write_menu(SQLite::Database& db, const Menu& menu) {
  SQLite::Statement station(db, R"sql(
    INSERT INTO stations (id, name, expo, warn_after_s, late_after_s, position)
    VALUES (?, ?, ?, ?, ?, ?))sql");
  for (int i = 0; const Station& s : menu.stations)
    execute(station, s.id, s.name, s.expo, s.warn_after_s, s.late_after_s, i++);

  SQLite::Statement tax(db, R"sql(
    INSERT INTO tax_classes (id, name, rate_ppm, inclusive, position) VALUES (?, ?, ?, ?, ?))sql");
  for (int i = 0; const TaxClass& t : menu.tax_classes)
    execute(tax, t.id, t.name, t.rate_ppm, t.inclusive, i++);

  SQLite::Statement category(db, "INSERT INTO categories (id, name, position) VALUES (?, ?, ?)");
  for (int i = 0; const Category& c : menu.categories) execute(category, c.id, c.name, i++);

  SQLite::Statement group(db, R"sql(
    INSERT INTO modifier_groups (id, name, min_select, max_select, position)
    VALUES (?, ?, ?, ?, ?))sql");
  SQLite::Statement modifier(db, R"sql(
    INSERT INTO modifiers (id, group_id, name, price_cents, position) VALUES (?, ?, ?, ?, ?))sql");
  for (int i = 0; const ModifierGroup& g : menu.modifier_groups) {
    execute(group, g.id, g.name, g.min_select, g.max_select, i++);
    for (int j = 0; const Modifier& m : g.modifiers)
      execute(modifier, m.id, g.id, m.name, m.price, j++);
  }

  SQLite::Statement item(db, R"sql(
    INSERT INTO menu_items
      (id, name, category_id, price_cents, tax_class_id, course, track_stock, position)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql");
  SQLite::Statement routing(db, R"sql(
    INSERT INTO item_stations (item_id, station_id, position) VALUES (?, ?, ?))sql");
  SQLite::Statement asks(db, R"sql(
    INSERT INTO item_modifier_groups (item_id, group_id, position) VALUES (?, ?, ?))sql");
  for (int i = 0; const MenuItem& it : menu.items) {
    execute(item, it.id, it.name, it.category_id, it.price, it.tax_class_id, to_string(it.course),
            !it.recipe.empty(), i++);
    for (int j = 0; const std::string& station_id : it.station_ids)
      execute(routing, it.id, station_id, j++);
    for (int j = 0; const std::string& group_id : it.modifier_group_ids)
      execute(asks, it.id, group_id, j++);
  }
}

void write_floor(SQLite::Database& db, const Floor& floor) {
  SQLite::Statement room(db, "INSERT INTO rooms (id, name, position) VALUES (?, ?, ?)");
  for (int i = 0; const Room& r : floor.rooms) execute(room, r.id, r.name, i++);

  SQLite::Statement table(db, R"sql(
    INSERT INTO floor_tables (id, room_id, name, seats, x, y, width, height, shape, position)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  for (int i = 0; const Table& t : floor.tables)
    execute(table, t.id, t.room_id, t.name, t.seats, t.x, t.y, t.width, t.height,
            to_string(t.shape), i++);
}

// file_key empty: a store older than v5, whose migration to v5 adds the outer layer.
void write_staff(SQLite::Database& db, const std::vector<StaffSeed>& staff,
                 const std::string& pin_key, const std::string& file_key) {
  SQLite::Statement member(db, R"sql(
    INSERT INTO staff (id, name, role, pin_hash, active, position) VALUES (?, ?, ?, ?, ?, ?))sql");
  for (int i = 0; const StaffSeed& s : staff) {
    // Someone inactive has no PIN: theirs is free for someone new (as save_staff does).
    std::optional<std::string> hash;
    if (s.member.active)
      hash = file_key.empty() ? inner_pin_hash(pin_key, s.pin) : hash_pin(pin_key, file_key, s.pin);
    execute(member, s.member.id, s.member.name, to_string(s.member.role), hash, s.member.active,
            i++);
  }
}

// From v9 counts are by ingredient; before, an item that is its own ingredient (one
// portion each) kept its count on its stock row.
void write_stock(SQLite::Database& db, const Restaurant& restaurant, int version) {
  SQLite::Statement level(db, R"sql(
    INSERT INTO stock (item_id, eighty_sixed, remaining) VALUES (?, ?, ?))sql");
  if (version >= 9) {
    for (const auto& [item_id, l] : restaurant.stock)
      if (l.eighty_sixed) execute(level, item_id, true, std::optional<int>());
    SQLite::Statement count(db, "INSERT INTO inventory (ingredient_id, on_hand) VALUES (?, ?)");
    for (const auto& [ingredient_id, on_hand] : restaurant.inventory)
      execute(count, ingredient_id, on_hand);
    return;
  }
  for (const MenuItem& item : restaurant.menu.items) {
    auto flag = restaurant.stock.find(item.id);
    const bool out = flag != restaurant.stock.end() && flag->second.eighty_sixed;
    std::optional<std::int64_t> remaining;
    if (item.recipe.size() == 1 && item.recipe[0].ingredient_id == item.id)
      if (auto c = restaurant.inventory.find(item.id); c != restaurant.inventory.end())
        remaining = c->second;
    if (out || remaining) execute(level, item.id, out, remaining);
  }
}

// A char as stored: '' for none.
std::string char_text(std::optional<char> c) {
  return c ? std::string(1, *c) : std::string();
}

}  // namespace

Status Store::seed(const Restaurant& restaurant) {
  if (auto s = require_transaction(impl_->in_transaction, "seeding the store"); !s) return s;
  if (auto s = validate_restaurant(restaurant); !s) return s;
  if (is_seeded())
    return fail(Errc::invalid_argument,
                "this store already holds restaurant '" + restaurant_name() + "'");
  auto file_key = impl_->file_pin_key("seed the store");
  if (!file_key) return file_key.error();
  try {
    SQLite::Database& db = impl_->db;
    const std::string pin_key = make_pin_key();
    const CurrencyFormat& currency = restaurant.currency;
    // A file at an older schema version gets what that version held (tests of upgrades
    // seed old files); the migrations bring it up to date.
    const bool v5 = schema_version() >= 5;
    SQLite::Statement settings(db, R"sql(
      INSERT INTO settings
        (id, restaurant_name, currency_symbol, decimal_point, thousands_separator, pin_key)
      VALUES (1, ?, ?, ?, ?, ?))sql");
    execute(settings, restaurant.name, currency.symbol, char_text(currency.decimal_point),
            char_text(currency.thousands_separator), pin_key);
    if (v5) {
      SQLite::Statement pins(db, "UPDATE settings SET pin_key_check = ?, pin_digits = ?");
      execute(pins, pin_key_check(*file_key), restaurant.pin_digits);
    }
    if (schema_version() >= 7)
      write_menu_rows(db, restaurant.menu, schema_version());
    else
      write_menu(db, restaurant.menu);  // an old file's columns, for tests of upgrades
    write_floor(db, restaurant.floor);
    write_staff(db, restaurant.staff, pin_key, v5 ? *file_key : std::string());
    write_stock(db, restaurant, schema_version());

    const nlohmann::json body = {
        {"restaurant", restaurant.name},
        {"items", restaurant.menu.items.size()},
        {"stations", restaurant.menu.stations.size()},
        {"tables", restaurant.floor.tables.size()},
        {"staff", restaurant.staff.size()},
    };
    append_event("store.seeded", body.dump(), now_ms());
  } catch (const std::exception& e) {
    return storage_error("seeding restaurant '" + restaurant.name + "'", e);
  }
  return success();
}

}  // namespace brigade::store
