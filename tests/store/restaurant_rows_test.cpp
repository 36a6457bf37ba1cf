// The 86 list and the inventory during service (common/src/store/restaurant_rows.cpp; the menu and
// floor round-trips are in seed_test.cpp).
#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::describe;
using testing::open_store;

class StoreStock : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_store(":memory:");
    commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  }
  std::unique_ptr<Store> store;
};

TEST_F(StoreStock, TheSeedOpensCountsByIngredientAndFlagsByItem) {
  EXPECT_EQ(store->load_inventory(), (Inventory{{"tart", 6}}));
  EXPECT_EQ(describe(store->load_stock()), describe(Stock{{"steak", {true, std::nullopt}}}));
}

TEST_F(StoreStock, ACountGoesDownAndUpAndStopsAtNull) {
  ASSERT_TRUE(store->save_on_hand("tart", 2).ok());
  EXPECT_EQ(store->load_inventory().at("tart"), 2);
  ASSERT_TRUE(store->save_on_hand("tart", 0).ok());
  EXPECT_EQ(store->load_inventory().at("tart"), 0);
  ASSERT_TRUE(store->save_on_hand("tart", std::nullopt).ok());
  EXPECT_FALSE(store->load_inventory().contains("tart"));
}

TEST_F(StoreStock, EightySixAndBackOfAnItemNotListedBefore) {
  ASSERT_TRUE(store->save_stock_level("lager", {true, std::nullopt}).ok());
  EXPECT_TRUE(store->load_stock().at("lager").eighty_sixed);
  ASSERT_TRUE(store->save_stock_level("lager", {false, std::nullopt}).ok());
  EXPECT_FALSE(store->load_stock().contains("lager"));
}

TEST_F(StoreStock, WhatALineTookIsKeptUntilItIsGivenBack) {
  ASSERT_TRUE(store->save_line_stock(7, {{"tart", 2}, {"bacon", 4}}).ok());
  EXPECT_EQ(store->load_line_stock(7), (Needs{{"bacon", 4}, {"tart", 2}}));
  EXPECT_TRUE(store->load_line_stock(8).empty());
  ASSERT_TRUE(store->save_line_stock(7, {{"tart", 1}}).ok());  // replaced whole
  EXPECT_EQ(store->load_line_stock(7), (Needs{{"tart", 1}}));
  ASSERT_TRUE(store->save_line_stock(7, {}).ok());
  EXPECT_TRUE(store->load_line_stock(7).empty());
}

TEST_F(StoreStock, ChangeInsideARolledBackTransactionIsUndone) {
  Status status = store->transaction([](Store& s) -> Status {
    if (auto saved = s.save_stock_level("tart", {true, 0}); !saved) return saved;
    if (auto saved = s.save_on_hand("tart", 1); !saved) return saved;
    return fail(Errc::invalid_argument, "changed my mind");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(describe(store->load_stock()), describe(testing::sample_restaurant().stock));
  EXPECT_EQ(store->load_inventory(), testing::sample_restaurant().inventory);
}

TEST_F(StoreStock, UnknownItemIsRefused) {
  Status status = store->save_stock_level("caviar", {true, std::nullopt});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::unknown_item);
  EXPECT_EQ(status.error().message, "'caviar' is not on the menu");
  EXPECT_FALSE(store->load_stock().contains("caviar"));
}

TEST_F(StoreStock, ACountBelowZeroOrOfNoIngredientIsRefused) {
  Status status = store->save_on_hand("tart", -1);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::invalid_argument);
  EXPECT_EQ(status.error().message, "the count of 'tart' can't go below zero");
  status = store->save_on_hand("caviar", 3);
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "'caviar' is not an ingredient");
  EXPECT_EQ(store->load_inventory().at("tart"), 6);
}

}  // namespace
}  // namespace brigade::store
