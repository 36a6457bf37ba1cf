// The menu saved while the store runs (menu_rows.cpp): the whole menu written back reads
// back the same, stock of kept items stays, the version counts saves; and the audit log,
// which only grows.
#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::open_store;

class StoreMenu : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_store(":memory:");
    commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  }
  Status save(const Menu& menu) {
    return store->transaction([&](Store& s) { return s.save_menu(menu); });
  }
  std::unique_ptr<Store> store;
};

TEST_F(StoreMenu, AnEditedMenuReadsBackWholeAndCountsAVersion) {
  EXPECT_EQ(store->menu_version(), 1);
  Menu menu = store->load_menu();
  menu.day_parts = {{"brunch", "Brunch", 0b1100000, 600, 840}};
  menu.categories[0].day_part_ids = {"brunch"};
  menu.items[0].price = Money::cents(1550);
  menu.items[0].station_ids = {"bar"};
  menu.items[0].allergens = {"gluten"};
  menu.items[0].description = "double patty";
  menu.items[1].retired = true;
  menu.items[2].day_part_prices = {{"brunch", Money::cents(500)}};
  menu.modifier_groups[1].modifiers.pop_back();
  std::swap(menu.categories[0], menu.categories[2]);
  menu.ingredients.push_back({"patty", "Beef patty", "each", 10});
  menu.items[0].recipe = {{"patty", 1}};
  menu.modifier_groups[1].modifiers[0].recipe = {{"patty", 1}};
  menu.ingredients[0].low_at = 2;
  ASSERT_TRUE(save(menu).ok());
  EXPECT_EQ(store->load_menu(), menu);
  EXPECT_EQ(store->menu_version(), 2);
  // The tart's count is still there: its row was updated, not replaced.
  EXPECT_EQ(store->load_inventory().at("tart"), 6);
}

TEST_F(StoreMenu, WhatTheMenuNoLongerHasIsGoneWithItsStock) {
  Menu menu = store->load_menu();
  menu.items.erase(menu.items.begin() + 3);  // the tart
  menu.categories.pop_back();                // desserts, now empty
  menu.ingredients.clear();                  // the tart's portions
  ASSERT_TRUE(save(menu).ok());
  EXPECT_EQ(store->load_menu(), menu);
  EXPECT_FALSE(store->load_inventory().contains("tart"));
}

TEST_F(StoreMenu, AMenuThatContradictsItselfIsNotSaved) {
  Menu menu = store->load_menu();
  menu.items[0].category_id = "nowhere";
  Status saved = save(menu);
  ASSERT_FALSE(saved);
  EXPECT_EQ(saved.error().code, Errc::invalid_menu);
  EXPECT_EQ(store->load_menu(), testing::sample_restaurant().menu);
  EXPECT_EQ(store->menu_version(), 1);
}

TEST_F(StoreMenu, TheAuditLogKeepsEveryEntryAndFiltersThem) {
  AuditEntry voided{0,
                    1000,
                    "line.voided",
                    "sam",
                    "dana",
                    "pos-1",
                    "check 4 line 9",
                    "sent back",
                    R"({"state":"sent"})",
                    R"({"state":"voided"})"};
  AuditEntry price{0,
                   2000,
                   "menu.item.changed",
                   "dana",
                   "",
                   "pos-office",
                   "item burger",
                   "",
                   R"({"price":"14.50"})",
                   R"({"price":"15.50"})"};
  AuditEntry added{0,  3000, "menu.item.added", "dana", "", "pos-office", "item soup",
                   "", "",   R"({"id":"soup"})"};
  commit(*store, [&](Store& s) -> Status {
    for (const AuditEntry* e : {&voided, &price, &added})
      if (auto ok = s.append_audit(*e); !ok) return ok;
    return success();
  });
  std::vector<AuditEntry> all = store->load_audit({});
  ASSERT_EQ(all.size(), 3u);
  voided.id = 1;
  price.id = 2;
  added.id = 3;
  EXPECT_EQ(all, (std::vector<AuditEntry>{voided, price, added}));

  AuditFilter menu_only;
  menu_only.action = "menu";  // every menu.* action
  EXPECT_EQ(store->load_audit(menu_only), (std::vector<AuditEntry>{price, added}));
  menu_only.action = "menu.item.added";
  EXPECT_EQ(store->load_audit(menu_only), (std::vector<AuditEntry>{added}));
  menu_only.action = "men";  // a prefix of a word is not a family
  EXPECT_TRUE(store->load_audit(menu_only).empty());
  menu_only.action = "menu_item";  // '_' is a letter here, not a wildcard
  EXPECT_TRUE(store->load_audit(menu_only).empty());
  menu_only.action = "MENU";
  EXPECT_TRUE(store->load_audit(menu_only).empty());
  AuditFilter by_dana;
  by_dana.staff_id = "dana";
  by_dana.since = 1000;
  by_dana.until = 3000;
  EXPECT_EQ(store->load_audit(by_dana), (std::vector<AuditEntry>{voided, price}));
  AuditFilter page;
  page.after_id = 1;
  page.limit = 1;
  EXPECT_EQ(store->load_audit(page), (std::vector<AuditEntry>{price}));

  EXPECT_FALSE(store->append_audit(voided).ok());  // outside a transaction
}

}  // namespace
}  // namespace brigade::store

namespace brigade::store {
namespace {

TEST(StorePermissions, ANewStoreStartsWithTheDefaultsAndKeepsChanges) {
  auto store = testing::open_store(":memory:");
  EXPECT_EQ(store->load_permissions(), Permissions::defaults());
  testing::commit(*store,
                  [](Store& s) { return s.save_permission(Role::host, Permission::comp, true); });
  testing::commit(*store, [](Store& s) {
    return s.save_permission(Role::server, Permission::take_payment, false);
  });
  Permissions expected = Permissions::defaults();
  expected.set(Role::host, Permission::comp, true);
  expected.set(Role::server, Permission::take_payment, false);
  EXPECT_EQ(store->load_permissions(), expected);
  EXPECT_FALSE(store->save_permission(Role::host, Permission::comp, false).ok());  // no transaction
}

}  // namespace
}  // namespace brigade::store
