#include "brigade/domain/restaurant.h"

#include <gtest/gtest.h>

#include "test_menu.h"

namespace brigade {
namespace {

Restaurant small_restaurant() {
  Restaurant r;
  r.name = "Test bistro";
  r.menu = testing::test_menu();
  r.floor.rooms = {{"dining", "Dining room"}};
  r.floor.tables = {{"12", "dining", "Table 12", 4, 0, 0, 2, 2, TableShape::square}};
  r.staff = {{{"dana", "Dana", Role::manager, true}, "1234"},
             {{"sam", "Sam", Role::server, true}, "1111"}};
  r.inventory["salmon"] = 3;
  r.stock["fries"].eighty_sixed = true;
  return r;
}

std::string error_of(const Restaurant& r) {
  Status status = validate_restaurant(r);
  return status ? "(valid)" : status.error().message;
}

TEST(Restaurant, ValidRestaurantPasses) {
  EXPECT_TRUE(validate_restaurant(small_restaurant()).ok());
}

TEST(Restaurant, MenuErrorsComeFromTheMenu) {
  Restaurant r = small_restaurant();
  r.menu.items[0].tax_class_id = "wine";
  Status status = validate_restaurant(r);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, Errc::invalid_menu);
}

TEST(Restaurant, FloorErrorsComeFromTheFloor) {
  Restaurant r = small_restaurant();
  r.floor.tables[0].room_id = "patio";
  EXPECT_EQ(error_of(r), "table '12' is in unknown room 'patio'");
}

TEST(Restaurant, StaffIdUsedTwice) {
  Restaurant r = small_restaurant();
  r.staff[1].member.id = "dana";
  EXPECT_EQ(error_of(r), "staff id 'dana' is used twice");
}

TEST(Restaurant, EmptyStaffId) {
  Restaurant r = small_restaurant();
  r.staff[1].member.id = "";
  EXPECT_EQ(error_of(r), "a staff member has an empty id");
}

TEST(Restaurant, BadPinIsNotRepeatedInTheMessage) {
  Restaurant r = small_restaurant();
  r.staff[1].pin = "12x4";
  EXPECT_EQ(error_of(r), "staff 'sam' needs a PIN of 4 to 6 digits");
}

TEST(Restaurant, SharedPin) {
  Restaurant r = small_restaurant();
  r.staff[1].pin = "1234";
  EXPECT_EQ(error_of(r), "staff 'sam' has the same PIN as staff 'dana'");
}

TEST(Restaurant, StockForAnUnknownItem) {
  Restaurant r = small_restaurant();
  r.stock["oysters"].eighty_sixed = true;
  EXPECT_EQ(error_of(r), "stock names 'oysters', which is not a menu item");
}

TEST(Restaurant, CountsAreByIngredientNotByItem) {
  Restaurant r = small_restaurant();
  r.stock["fries"].remaining = 10;
  EXPECT_EQ(error_of(r), "stock gives a count for 'fries': counts are kept by ingredient");
}

TEST(Restaurant, InventoryNamesIngredientsAndIsNotBelowZero) {
  Restaurant r = small_restaurant();
  r.inventory["salmon"] = -1;
  EXPECT_EQ(error_of(r), "inventory for 'salmon' is below zero");
  r = small_restaurant();
  r.inventory["lobster"] = 2;
  EXPECT_EQ(error_of(r), "inventory names 'lobster', which is not an ingredient");
}

}  // namespace
}  // namespace brigade
