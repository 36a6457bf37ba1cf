// The menu as the hub edits it while the store runs (schema v7): every save writes the
// whole menu in the caller's transaction (a few hundred small rows: edits are rare), and
// bumps the menu's version. Reading it back is restaurant_rows.cpp's load_menu.
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

std::string ids_json(const std::vector<std::string>& ids) {
  return nlohmann::json(ids).dump();
}

std::string prices_json(const std::vector<DayPartPrice>& prices) {
  nlohmann::json list = nlohmann::json::array();
  for (const DayPartPrice& p : prices)
    list.push_back({{"day_part", p.day_part_id}, {"price_cents", p.price.in_cents()}});
  return list.dump();
}

// Deletes the rows of `table` whose id is not among `ids`.
template <class T>
void delete_absent(SQLite::Database& db, const char* table, const std::vector<T>& kept) {
  nlohmann::json ids = nlohmann::json::array();
  for (const T& k : kept) ids.push_back(k.id);
  SQLite::Statement drop(db, std::string("DELETE FROM ") + table +
                                 " WHERE id NOT IN (SELECT value FROM json_each(?))");
  execute(drop, ids.dump());
}

}  // namespace

std::string recipe_column(const Recipe& recipe) {
  nlohmann::json list = nlohmann::json::array();
  for (const RecipePart& p : recipe)
    list.push_back({{"ingredient", p.ingredient_id}, {"quantity", p.quantity}});
  return list.dump();
}

Recipe stored_recipe(const std::string& text) {
  Recipe recipe;
  for (const auto& p : nlohmann::json::parse(text))
    recipe.push_back({p.at("ingredient").get<std::string>(), p.at("quantity").get<std::int64_t>()});
  return recipe;
}

// Upserts keep the rows that other tables refer to (stock by item); lists of an item
// (routing, groups asked) are written again whole.
void write_menu_rows(SQLite::Database& db, const Menu& menu, int version) {
  const bool v9 = version >= 9;
  if (v9) {
    SQLite::Statement ingredient(db, R"sql(
      INSERT INTO ingredients (id, name, unit, low_at, position) VALUES (?1, ?2, ?3, ?4, ?5)
      ON CONFLICT (id) DO UPDATE SET name = ?2, unit = ?3, low_at = ?4, position = ?5)sql");
    for (int i = 0; const Ingredient& g : menu.ingredients)
      execute(ingredient, g.id, g.name, g.unit, g.low_at, i++);
  }

  SQLite::Statement station(db, R"sql(
    INSERT INTO stations (id, name, expo, warn_after_s, late_after_s, position)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT (id) DO UPDATE SET name = ?2, expo = ?3, warn_after_s = ?4, late_after_s = ?5,
      position = ?6)sql");
  for (int i = 0; const Station& s : menu.stations)
    execute(station, s.id, s.name, s.expo, s.warn_after_s, s.late_after_s, i++);

  SQLite::Statement tax(db, R"sql(
    INSERT INTO tax_classes (id, name, rate_ppm, inclusive, position) VALUES (?1, ?2, ?3, ?4, ?5)
    ON CONFLICT (id) DO UPDATE SET name = ?2, rate_ppm = ?3, inclusive = ?4, position = ?5)sql");
  for (int i = 0; const TaxClass& t : menu.tax_classes)
    execute(tax, t.id, t.name, t.rate_ppm, t.inclusive, i++);

  SQLite::Statement part(db, R"sql(
    INSERT INTO day_parts (id, name, days, from_minute, until_minute, position)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT (id) DO UPDATE SET name = ?2, days = ?3, from_minute = ?4, until_minute = ?5,
      position = ?6)sql");
  for (int i = 0; const DayPart& p : menu.day_parts)
    execute(part, p.id, p.name, static_cast<int>(p.days), p.from_minute, p.until_minute, i++);

  SQLite::Statement category(db, R"sql(
    INSERT INTO categories (id, name, day_parts, position) VALUES (?1, ?2, ?3, ?4)
    ON CONFLICT (id) DO UPDATE SET name = ?2, day_parts = ?3, position = ?4)sql");
  for (int i = 0; const Category& c : menu.categories)
    execute(category, c.id, c.name, ids_json(c.day_part_ids), i++);

  SQLite::Statement group(db, R"sql(
    INSERT INTO modifier_groups (id, name, min_select, max_select, position)
    VALUES (?1, ?2, ?3, ?4, ?5)
    ON CONFLICT (id) DO UPDATE SET name = ?2, min_select = ?3, max_select = ?4,
      position = ?5)sql");
  for (int i = 0; const ModifierGroup& g : menu.modifier_groups)
    execute(group, g.id, g.name, g.min_select, g.max_select, i++);
  // Lines keep their modifiers' names and prices: nothing refers to these rows.
  db.exec("DELETE FROM modifiers");
  SQLite::Statement modifier(db, v9 ? R"sql(
    INSERT INTO modifiers (id, group_id, name, price_cents, position, recipe)
    VALUES (?, ?, ?, ?, ?, ?))sql"
                                    : R"sql(
    INSERT INTO modifiers (id, group_id, name, price_cents, position) VALUES (?, ?, ?, ?, ?))sql");
  for (const ModifierGroup& g : menu.modifier_groups)
    for (int j = 0; const Modifier& m : g.modifiers) {
      if (v9)
        execute(modifier, m.id, g.id, m.name, m.price, j++, recipe_column(m.recipe));
      else
        execute(modifier, m.id, g.id, m.name, m.price, j++);
    }

  SQLite::Statement item(db, R"sql(
    INSERT INTO menu_items (id, name, category_id, price_cents, tax_class_id, course,
      track_stock, position, retired, description, allergens, day_parts, day_part_prices)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
    ON CONFLICT (id) DO UPDATE SET name = ?2, category_id = ?3, price_cents = ?4,
      tax_class_id = ?5, course = ?6, track_stock = ?7, position = ?8, retired = ?9,
      description = ?10, allergens = ?11, day_parts = ?12, day_part_prices = ?13)sql");
  // track_stock is what v1 to v8 counted by: an item with a recipe (v9 keeps it in step).
  for (int i = 0; const MenuItem& it : menu.items)
    execute(item, it.id, it.name, it.category_id, it.price, it.tax_class_id, to_string(it.course),
            !it.recipe.empty(), i++, it.retired, it.description, ids_json(it.allergens),
            ids_json(it.day_part_ids), prices_json(it.day_part_prices));
  if (v9) {
    SQLite::Statement recipe(db, "UPDATE menu_items SET recipe = ?2 WHERE id = ?1");
    for (const MenuItem& it : menu.items) execute(recipe, it.id, recipe_column(it.recipe));
  }
  db.exec("DELETE FROM item_stations");
  db.exec("DELETE FROM item_modifier_groups");
  SQLite::Statement routing(db, R"sql(
    INSERT INTO item_stations (item_id, station_id, position) VALUES (?, ?, ?))sql");
  SQLite::Statement asks(db, R"sql(
    INSERT INTO item_modifier_groups (item_id, group_id, position) VALUES (?, ?, ?))sql");
  for (const MenuItem& it : menu.items) {
    for (int j = 0; const std::string& station_id : it.station_ids)
      execute(routing, it.id, station_id, j++);
    for (int j = 0; const std::string& group_id : it.modifier_group_ids)
      execute(asks, it.id, group_id, j++);
  }

  // What the menu no longer has, after what referred to it.
  delete_absent(db, "menu_items", menu.items);
  delete_absent(db, "modifier_groups", menu.modifier_groups);
  delete_absent(db, "categories", menu.categories);
  delete_absent(db, "day_parts", menu.day_parts);
  delete_absent(db, "stations", menu.stations);
  delete_absent(db, "tax_classes", menu.tax_classes);
  if (v9) delete_absent(db, "ingredients", menu.ingredients);  // their counts go with them
}

Status Store::save_menu(const Menu& menu) {
  if (auto s = require_transaction(impl_->in_transaction, "saving the menu"); !s) return s;
  if (auto s = validate_menu(menu); !s) return s;
  try {
    write_menu_rows(impl_->db, menu, schema_version());
    impl_->db.exec("UPDATE settings SET menu_version = menu_version + 1");
  } catch (const std::exception& e) {
    return storage_error("saving the menu", e);
  }
  return success();
}

std::int64_t Store::menu_version() const {
  auto version = impl_->prepared("SELECT menu_version FROM settings");
  return version->executeStep() ? version->getColumn(0).getInt64() : 0;
}

// [SECTION] audit log

Status Store::append_audit(const AuditEntry& entry) {
  if (auto s = require_transaction(impl_->in_transaction, "recording an audit entry"); !s) return s;
  try {
    auto add = impl_->prepared(R"sql(
      INSERT INTO audit_log
        (at, action, staff_id, approved_by, device, subject, reason, before, after)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql");
    auto json_or_null = [](const std::string& text) {
      return text.empty() ? std::nullopt : std::optional<std::string>(text);
    };
    execute(*add, entry.at, entry.action, entry.staff_id, entry.approved_by, entry.device,
            entry.subject, entry.reason, json_or_null(entry.before), json_or_null(entry.after));
  } catch (const std::exception& e) {
    return storage_error("recording '" + entry.action + "' in the audit log", e);
  }
  return success();
}

std::vector<AuditEntry> Store::load_audit(const AuditFilter& filter) const {
  SQLite::Statement rows(impl_->db, R"sql(
    SELECT id, at, action, staff_id, approved_by, device, subject, reason,
      coalesce(before, ''), coalesce(after, '')
    FROM audit_log
    WHERE at >= ?1 AND at < ?2 AND id > ?3
      AND (?4 = '' OR action = ?4 OR substr(action, 1, length(?4) + 1) = ?4 || '.')
      AND (?5 = '' OR staff_id = ?5 OR approved_by = ?5)
    ORDER BY id LIMIT ?6)sql");
  bind_values(rows, filter.since, filter.until, filter.after_id, filter.action, filter.staff_id,
              filter.limit);
  std::vector<AuditEntry> entries;
  while (rows.executeStep()) {
    AuditEntry e;
    e.id = rows.getColumn(0).getInt64();
    e.at = rows.getColumn(1).getInt64();
    e.action = rows.getColumn(2).getString();
    e.staff_id = rows.getColumn(3).getString();
    e.approved_by = rows.getColumn(4).getString();
    e.device = rows.getColumn(5).getString();
    e.subject = rows.getColumn(6).getString();
    e.reason = rows.getColumn(7).getString();
    e.before = rows.getColumn(8).getString();
    e.after = rows.getColumn(9).getString();
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace brigade::store
