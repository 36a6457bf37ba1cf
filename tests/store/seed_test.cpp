// Seeding a store from a Restaurant and reading it back (common/src/store/seed.cpp).
#include "brigade/restaurant/restaurant_file.h"
#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::describe;
using testing::open_store;
using testing::TempDir;

void expect_same_restaurant(const Store& store, const Restaurant& restaurant) {
  EXPECT_TRUE(store.is_seeded());
  EXPECT_EQ(store.restaurant_name(), restaurant.name);
  const CurrencyFormat currency = store.currency();
  EXPECT_EQ(currency.symbol, restaurant.currency.symbol);
  EXPECT_EQ(currency.decimal_point, restaurant.currency.decimal_point);
  EXPECT_EQ(currency.thousands_separator, restaurant.currency.thousands_separator);
  EXPECT_EQ(describe(store.load_menu()), describe(restaurant.menu));
  EXPECT_EQ(describe(store.load_floor()), describe(restaurant.floor));
  std::vector<StaffMember> staff;
  for (const StaffSeed& seed : restaurant.staff) staff.push_back(seed.member);
  EXPECT_EQ(describe(store.load_staff()), describe(staff));
  EXPECT_EQ(describe(store.load_stock()), describe(restaurant.stock));
  for (const StaffSeed& seed : restaurant.staff) {
    auto found = testing::owner_of(store, seed.pin);
    if (seed.member.active) {
      ASSERT_TRUE(found) << seed.member.id;
      EXPECT_EQ(found->id, seed.member.id);
    } else {
      EXPECT_FALSE(found) << seed.member.id;
    }
  }
}

TEST(StoreSeed, RestaurantRoundTripsThroughAFile) {
  TempDir dir;
  const Restaurant restaurant = testing::sample_restaurant();
  {
    auto store = open_store(dir.file("store.db"));
    EXPECT_FALSE(store->is_seeded());
    commit(*store, [&](Store& s) { return s.seed(restaurant); });
  }
  auto store = open_store(dir.file("store.db"));
  expect_same_restaurant(*store, restaurant);
}

TEST(StoreSeed, AppendsOneSeededEventWithCounts) {
  auto store = open_store(":memory:");
  commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  auto events = store->events_since(0, 10);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sequence, 1);
  EXPECT_EQ(events[0].type, "store.seeded");
  EXPECT_EQ(events[0].body,
            R"({"items":4,"restaurant":"Chez Brigade","staff":4,"stations":3,"tables":3})");
  EXPECT_GT(events[0].at, 1'600'000'000'000);
}

TEST(StoreSeed, SampleRestaurantFileRoundTrips) {
  const std::filesystem::path file = std::filesystem::path(BRIGADE_ASSETS_DIR) / "restaurant.json";
  if (!std::filesystem::exists(file)) GTEST_SKIP() << file << " is not there yet";
  auto restaurant = load_restaurant_file(file);
  ASSERT_TRUE(restaurant.ok()) << restaurant.error().message;
  TempDir dir;
  {
    auto store = open_store(dir.file("store.db"));
    commit(*store, [&](Store& s) { return s.seed(*restaurant); });
  }
  auto store = open_store(dir.file("store.db"));
  expect_same_restaurant(*store, *restaurant);
  EXPECT_EQ(store->integrity_check(), "ok");
}

TEST(StoreSeed, SecondSeedIsRefusedAndChangesNothing) {
  auto store = open_store(":memory:");
  commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  Restaurant other = testing::sample_restaurant();
  other.name = "Other place";
  Status status = store->transaction([&](Store& s) { return s.seed(other); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::invalid_argument);
  EXPECT_EQ(status.error().message, "this store already holds restaurant 'Chez Brigade'");
  EXPECT_EQ(store->restaurant_name(), "Chez Brigade");
  EXPECT_EQ(store->last_sequence(), 1);
}

TEST(StoreSeed, InvalidRestaurantIsRefusedBeforeAnyWrite) {
  auto store = open_store(":memory:");
  Restaurant broken = testing::sample_restaurant();
  broken.menu.items[0].tax_class_id = "wine";
  Status status = store->transaction([&](Store& s) { return s.seed(broken); });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::invalid_menu);
  EXPECT_FALSE(store->is_seeded());
  EXPECT_EQ(store->last_sequence(), 0);
  EXPECT_TRUE(store->load_menu().items.empty());
}

TEST(StoreSeed, OutsideATransactionIsRefused) {
  auto store = open_store(":memory:");
  Status status = store->seed(testing::sample_restaurant());
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::invalid_argument);
  EXPECT_EQ(status.error().message, "seeding the store must run inside Store::transaction");
  EXPECT_FALSE(store->is_seeded());
}

TEST(StoreSeed, CurrencyWithoutThousandsSeparatorRoundTrips) {
  auto store = open_store(":memory:");
  Restaurant restaurant = testing::sample_restaurant();
  restaurant.currency = CurrencyFormat{"CHF ", '.', std::nullopt};
  commit(*store, [&](Store& s) { return s.seed(restaurant); });
  EXPECT_EQ(store->currency().symbol, "CHF ");
  EXPECT_EQ(store->currency().decimal_point, '.');
  EXPECT_EQ(store->currency().thousands_separator, std::nullopt);
}

TEST(StoreSeed, UnseededStoreHasNoNameAndDefaultCurrency) {
  auto store = open_store(":memory:");
  EXPECT_EQ(store->restaurant_name(), "");
  EXPECT_EQ(store->currency().symbol, CurrencyFormat{}.symbol);
  EXPECT_TRUE(store->load_menu().items.empty());
  EXPECT_TRUE(store->load_staff().empty());
}

}  // namespace
}  // namespace brigade::store
