// Staff and PINs (common/src/store/staff_rows.cpp, pin_hash.cpp).
#include <SQLiteCpp/Database.h>

#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::open_store;
using testing::TempDir;

class StoreStaff : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_store(dir.file("store.db"));
    commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  }
  TempDir dir;
  std::unique_ptr<Store> store;
};

TEST_F(StoreStaff, RightPinFindsTheActiveMember) {
  auto ana = testing::owner_of(*store, "1234");
  ASSERT_TRUE(ana);
  EXPECT_EQ(ana->id, "ana");
  EXPECT_EQ(ana->name, "Ana");
  EXPECT_EQ(ana->role, Role::server);
  ASSERT_TRUE(testing::owner_of(*store, "567890"));
  EXPECT_EQ(testing::owner_of(*store, "567890")->id, "ben");
}

TEST_F(StoreStaff, WrongPinFindsNobody) {
  EXPECT_FALSE(testing::owner_of(*store, "1235"));
  EXPECT_FALSE(testing::owner_of(*store, "12345"));
  EXPECT_FALSE(testing::owner_of(*store, "123"));
  EXPECT_FALSE(testing::owner_of(*store, ""));
  EXPECT_FALSE(testing::owner_of(*store, "12a4"));
}

TEST_F(StoreStaff, InactiveMemberCannotLogIn) {
  EXPECT_FALSE(testing::owner_of(*store, "9999"));
  auto dev = store->find_staff("dev");
  ASSERT_TRUE(dev);
  EXPECT_FALSE(dev->active);
}

TEST_F(StoreStaff, FindStaffById) {
  ASSERT_TRUE(store->find_staff("cleo"));
  EXPECT_EQ(store->find_staff("cleo")->role, Role::manager);
  EXPECT_FALSE(store->find_staff("zed"));
}

TEST_F(StoreStaff, PinsAreNeverStoredInClear) {
  ASSERT_TRUE(store->set_pin("cleo", "80175").ok());
  store.reset();  // checkpoints the WAL into the main file
  const std::string bytes = testing::read_bytes(dir.file("store.db"));
  ASSERT_NE(bytes.find("Chez Brigade"), std::string::npos) << "the scan reads the data pages";
  for (const char* pin : {"1234", "567890", "2468", "9999", "80175"})
    EXPECT_EQ(bytes.find(pin), std::string::npos) << pin;
  SQLite::Database db(dir.file("store.db").string());
  // Active staff have a hash; someone inactive has none (their PIN is free).
  SQLite::Statement hashes(db, "SELECT pin_hash, active FROM staff");
  while (hashes.executeStep())
    EXPECT_EQ(hashes.getColumn(0).getString().size(), hashes.getColumn(1).getInt() ? 64u : 0u);
}

TEST_F(StoreStaff, SameSeedInTwoStoresGivesDifferentHashes) {
  auto other = open_store(dir.file("other.db"));
  commit(*other, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  store.reset();
  other.reset();
  auto hash_of_ana = [&](const char* file) {
    SQLite::Database db(dir.file(file).string());
    return db.execAndGet("SELECT pin_hash FROM staff WHERE id = 'ana'").getString();
  };
  EXPECT_NE(hash_of_ana("store.db"), hash_of_ana("other.db")) << "each store has its own key";
}

TEST_F(StoreStaff, SetPinReplacesTheOldOne) {
  ASSERT_TRUE(store->set_pin("ana", "4321").ok());
  EXPECT_FALSE(testing::owner_of(*store, "1234"));
  ASSERT_TRUE(testing::owner_of(*store, "4321"));
  EXPECT_EQ(testing::owner_of(*store, "4321")->id, "ana");
  EXPECT_TRUE(store->set_pin("ana", "4321").ok()) << "setting the same PIN again is fine";
}

TEST_F(StoreStaff, SetPinRefusesAPinSomeoneElseHas) {
  Status status = store->set_pin("ana", "2468");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::invalid_argument);
  EXPECT_EQ(status.error().message, "that PIN is taken: choose another");
  EXPECT_EQ(testing::owner_of(*store, "2468")->id, "cleo");
  EXPECT_EQ(testing::owner_of(*store, "1234")->id, "ana");
}

TEST_F(StoreStaff, SetPinRefusesBadPinsAndUnknownStaff) {
  Status bad = store->set_pin("ana", "12");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "a PIN is 4 to 6 digits");
  Status nobody = store->set_pin("zed", "5555");
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().code, Errc::not_found);
  EXPECT_EQ(nobody.error().message, "no staff member 'zed'");
}

TEST(StoreStaffUnseeded, NoPinWorksAndNoneCanBeSet) {
  auto store = open_store(":memory:");
  EXPECT_FALSE(testing::owner_of(*store, "1234"));
  Status status = store->set_pin("ana", "1234");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "the store is not set up yet: seed it first");
}

}  // namespace
}  // namespace brigade::store
