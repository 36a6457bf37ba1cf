// The 86 list during service (common/src/store/restaurant_rows.cpp; the menu and floor
// round-trips are in seed_test.cpp).
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

TEST_F(StoreStock, CountGoesDownAndUp) {
  ASSERT_TRUE(store->save_stock_level("tart", {false, 2}).ok());
  EXPECT_EQ(store->load_stock().at("tart").remaining, 2);
  ASSERT_TRUE(store->save_stock_level("tart", {false, 0}).ok());
  EXPECT_TRUE(store->load_stock().at("tart").out());
}

TEST_F(StoreStock, EightySixAndBackOfAnItemNotListedBefore) {
  ASSERT_TRUE(store->save_stock_level("lager", {true, std::nullopt}).ok());
  EXPECT_TRUE(store->load_stock().at("lager").eighty_sixed);
  ASSERT_TRUE(store->save_stock_level("lager", {false, std::nullopt}).ok());
  EXPECT_FALSE(store->load_stock().at("lager").out());
  EXPECT_FALSE(store->load_stock().at("lager").remaining);
}

TEST_F(StoreStock, ChangeInsideARolledBackTransactionIsUndone) {
  Status status = store->transaction([](Store& s) -> Status {
    if (auto saved = s.save_stock_level("tart", {true, 0}); !saved) return saved;
    return fail(Errc::invalid_argument, "changed my mind");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(describe(store->load_stock()), describe(testing::sample_restaurant().stock));
}

TEST_F(StoreStock, UnknownItemIsRefused) {
  Status status = store->save_stock_level("caviar", {true, std::nullopt});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::unknown_item);
  EXPECT_EQ(status.error().message, "'caviar' is not on the menu");
  EXPECT_FALSE(store->load_stock().contains("caviar"));
}

TEST_F(StoreStock, CountBelowZeroIsRefused) {
  Status status = store->save_stock_level("tart", {false, -1});
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::invalid_argument);
  EXPECT_EQ(status.error().message, "the count of 'tart' can't go below zero");
  EXPECT_EQ(store->load_stock().at("tart").remaining, 6);
}

}  // namespace
}  // namespace brigade::store
