// Migrations: from an empty file, from every past version, and a failed step that
// leaves the file at the last whole version (common/src/store/migrations.cpp, schema.cpp).
#include <SQLiteCpp/Database.h>

#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::describe;
using testing::open_store;
using testing::TempDir;

// The sample check under fresh ids: a check id and one id per line.
Check new_sample_check(Store& store) {
  const std::int64_t id = store.next_id("check");
  const std::int64_t first_line = store.next_id("line");
  for (std::size_t i = 1; i < testing::sample_check(id, first_line).lines.size(); ++i)
    store.next_id("line");
  return testing::sample_check(id, first_line);
}

// What a store at schema version v can hold, written through the store itself. A new
// schema version adds its rows here, so that every older version is upgraded with data.
void put_rows(Store& store, int version) {
  if (version >= 1)
    commit(store, [](Store& s) -> Status {
      if (auto seeded = s.seed(testing::sample_restaurant()); !seeded) return seeded;
      s.next_id("check");  // 1, taken before the upgrade
      s.append_event("shift.started", R"({"by":"cleo"})", 42);
      return success();
    });
  if (version >= 2) commit(store, [](Store& s) { return s.save_check(new_sample_check(s)); });
  if (version >= 7)
    commit(store, [](Store& s) {
      return s.append_audit({0, 77, "menu.item.changed", "ana", "", "pos-1", "item burger", "",
                             R"({"price":"14.50"})", R"({"price":"15.00"})"});
    });
  if (version >= 8)
    commit(store, [](Store& s) { return s.save_permission(Role::host, Permission::comp, true); });
  if (version >= 9) commit(store, [](Store& s) { return s.save_line_stock(1, {{"tart", 2}}); });
  if (version >= 10)
    commit(store, [](Store& s) -> Status {
      if (auto id = s.save_punch({0, "ana", PunchKind::in, 500, "pos-1", "", ""}); !id)
        return id.error();
      return s.set_clock_in_required(true);
    });
  if (version >= 11)
    commit(store, [](Store& s) -> Status {
      if (auto day = s.start_day(100, "ana"); !day) return day.error();
      if (auto set = s.set_day_of_check(2, 1); !set) return set;
      if (auto z = s.close_day(1, 200, "ana"); !z) return z.error();
      return success();
    });
  if (version >= 12)
    commit(store, [](Store& s) -> Status {
      if (auto t = s.add_tallies(1, {{"gross", "", 3, Money::cents(4500)}}); !t) return t;
      return s.save_z_report(1, R"({"day":1})");
    });
}

void expect_rows(Store& store, int version) {
  const Restaurant restaurant = testing::sample_restaurant();
  if (version >= 1) {
    EXPECT_EQ(store.restaurant_name(), restaurant.name);
    EXPECT_EQ(describe(store.load_menu()), describe(restaurant.menu));
    EXPECT_EQ(describe(store.load_floor()), describe(restaurant.floor));
    EXPECT_EQ(describe(store.load_stock()), describe(restaurant.stock));
    // v9: the tart's portion count of before is an ingredient of its own, counted the same.
    EXPECT_EQ(store.load_inventory(), restaurant.inventory);
    ASSERT_TRUE(testing::owner_of(store, "1234"));
    EXPECT_EQ(testing::owner_of(store, "1234")->id, "ana");
    auto events = store.events_since(0, 10);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].type, "store.seeded");
    EXPECT_EQ(events[1].type, "shift.started");
    EXPECT_EQ(events[1].body, R"({"by":"cleo"})");
    EXPECT_EQ(events[1].at, 42);
  }
  if (version >= 2) {
    auto check = store.load_check(2);
    ASSERT_TRUE(check.ok()) << check.error().message;
    EXPECT_EQ(describe(*check), describe(testing::sample_check(2, 1)));
  }
  // v7: a store from before has its menu at version 1 and an empty audit log.
  if (version >= 1) {
    EXPECT_EQ(store.menu_version(), 1);
  }
  const auto audit = store.load_audit({});
  if (version >= 7) {
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "menu.item.changed");
    EXPECT_EQ(audit[0].after, R"({"price":"15.00"})");
  } else {
    EXPECT_TRUE(audit.empty());
  }
  // v8: a store from before starts with what every role could do then.
  Permissions expected = Permissions::defaults();
  if (version >= 8) expected.set(Role::host, Permission::comp, true);
  EXPECT_EQ(store.load_permissions(), expected);
  if (version >= 9) {
    EXPECT_EQ(store.load_line_stock(1), (Needs{{"tart", 2}}));
  }
  // v10: a store from before has no punches and does not ask for a clock-in.
  const auto punches = store.load_punches("", 0, INT64_MAX);
  EXPECT_EQ(store.clock_in_required(), version >= 10);
  ASSERT_EQ(punches.size(), version >= 10 ? 1u : 0u);
  if (version >= 10) {
    EXPECT_EQ(punches[0], (Punch{1, "ana", PunchKind::in, 500, "pos-1", "", ""}));
  }
  // v11: a store from before with checks gets a first day around them, open since the
  // first of them; one of v11 keeps its days and Z numbers.
  const auto day = store.find_day(1);
  if (version < 2) {
    EXPECT_FALSE(day.has_value());  // no checks: no day yet
    return;
  }
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(store.day_of_check(2), 1);
  if (version >= 11) {
    EXPECT_EQ(*day, (BusinessDay{1, 100, "ana", 200, "ana", 1}));
  } else {
    EXPECT_EQ(store.load_z_report(1), "");
    EXPECT_EQ(*day, (BusinessDay{1, testing::sample_check(2, 1).opened_at, "", 0, "", 0}));
    EXPECT_EQ(store.open_day(), day);
  }
  // v12: a day's figures and its Z report are kept; before, a day has none (the hub tallies
  // the checks closed before, as it reports).
  if (version >= 12) {
    EXPECT_EQ(store.load_tallies(1), (std::vector<Tally>{{"gross", "", 3, Money::cents(4500)}}));
    EXPECT_EQ(store.load_z_report(1), R"({"day":1})");
  } else {
    EXPECT_TRUE(store.load_tallies(1).empty());
  }
}

TEST(StoreMigrations, EmptyFileGoesStraightToTheLatestVersion) {
  TempDir dir;
  auto store = open_store(dir.file("store.db"));
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
  EXPECT_GE(Store::latest_schema_version(), 2);
  SQLite::Database db(dir.file("store.db").string());
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), Store::latest_schema_version());
  for (const char* table : {"settings",   "stations",        "tax_classes",
                            "categories", "modifier_groups", "modifiers",
                            "menu_items", "item_stations",   "item_modifier_groups",
                            "stock",      "rooms",           "floor_tables",
                            "staff",      "counters",        "events",
                            "checks",     "lines",           "line_modifiers",
                            "discounts",  "payments",        "split_assignments"})
    EXPECT_TRUE(db.tableExists(table)) << table;
}

TEST(StoreMigrations, MigrateToStopsAtTheAskedVersion) {
  TempDir dir;
  for (int version = 0; version <= Store::latest_schema_version(); ++version) {
    OpenOptions options;
    options.migrate_to = version;
    auto store = open_store(dir.file("v" + std::to_string(version) + ".db"), options);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), version);
  }
}

TEST(StoreMigrations, UpgradesFromEveryPastVersionKeepingItsRows) {
  for (int from = 0; from < Store::latest_schema_version(); ++from) {
    SCOPED_TRACE("upgrading from version " + std::to_string(from));
    TempDir dir;
    const auto path = dir.file("store.db");
    {
      OpenOptions options;
      options.migrate_to = from;
      auto old = open_store(path, options);
      ASSERT_TRUE(old);
      ASSERT_EQ(old->schema_version(), from);
      put_rows(*old, from);
    }
    auto store = open_store(path);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
    expect_rows(*store, from);
    EXPECT_EQ(store->integrity_check(), "ok");

    // Whatever the file started as, it now takes every kind of row, and ids carry on.
    const std::size_t open_before = store->load_open_checks().size();
    Check added;
    commit(*store, [&](Store& s) -> Status {
      if (!s.is_seeded())
        if (auto seeded = s.seed(testing::sample_restaurant()); !seeded) return seeded;
      added = new_sample_check(s);
      return s.save_check(added);
    });
    EXPECT_EQ(store->load_open_checks().size(), open_before + 1);
    auto loaded = store->load_check(added.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(describe(*loaded), describe(added));
    expect_rows(*store, from);
  }
}

TEST(StoreMigrations, ReopeningTheLatestVersionChangesNothing) {
  TempDir dir;
  { put_rows(*open_store(dir.file("store.db")), Store::latest_schema_version()); }
  auto store = open_store(dir.file("store.db"));
  EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
  expect_rows(*store, Store::latest_schema_version());
}

TEST(StoreMigrations, FailedStepIsRolledBackWhole) {
  TempDir dir;
  const auto path = dir.file("store.db");
  {
    OpenOptions options;
    options.migrate_to = 1;
    ASSERT_TRUE(open_store(path, options));
  }
  {
    // Something else left a "payments" table behind: step 2 can't create its own.
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("CREATE TABLE payments (note TEXT)");
  }
  auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::storage_error);
  EXPECT_EQ(store.error().message,
            "can't open the store '" + path.string() +
                "': upgrading the database to version 2 (checks with their lines, discounts, "
                "payments and splits): table payments already exists");
  SQLite::Database db(path.string());
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 1);
  EXPECT_FALSE(db.tableExists("checks")) << "step 2 created checks before failing";
  EXPECT_FALSE(db.tableExists("lines"));
}

}  // namespace
}  // namespace brigade::store
