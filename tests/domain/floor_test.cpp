#include "brigade/domain/floor.h"

#include <gtest/gtest.h>

namespace brigade {
namespace {

Floor two_rooms() {
  Floor floor;
  floor.rooms = {{"dining", "Dining room"}, {"patio", "Patio"}};
  floor.tables = {
      {"12", "dining", "Table 12", 4, 2, 13, 3, 3, TableShape::square},
      {"9", "dining", "Table 9", 4, 24, 2, 3, 4, TableShape::booth},
      {"20", "patio", "Table 20", 2, 2, 2, 2, 2, TableShape::round},
  };
  return floor;
}

std::string error_of(const Floor& floor) {
  Status status = validate_floor(floor);
  if (status) return "(valid)";
  EXPECT_EQ(status.error().code, Errc::invalid_argument);
  return status.error().message;
}

TEST(Floor, ValidFloorPasses) {
  EXPECT_TRUE(validate_floor(two_rooms()).ok());
}

TEST(Floor, EmptyFloorIsValid) {
  EXPECT_TRUE(validate_floor(Floor{}).ok());
}

TEST(Floor, FindsTablesAndRoomsById) {
  const Floor floor = two_rooms();
  ASSERT_NE(floor.find_table("12"), nullptr);
  EXPECT_EQ(floor.find_table("12")->seats, 4);
  EXPECT_EQ(floor.find_table("20")->room_id, "patio");
  EXPECT_EQ(floor.find_table("13"), nullptr);
  ASSERT_NE(floor.find_room("patio"), nullptr);
  EXPECT_EQ(floor.find_room("patio")->name, "Patio");
  EXPECT_EQ(floor.find_room("terrace"), nullptr);
}

TEST(Floor, ShapeNames) {
  EXPECT_EQ(to_string(TableShape::square), "square");
  EXPECT_EQ(to_string(TableShape::round), "round");
  EXPECT_EQ(to_string(TableShape::booth), "booth");
}

TEST(Floor, RoomIdUsedTwice) {
  Floor floor = two_rooms();
  floor.rooms.push_back({"patio", "Back patio"});
  EXPECT_EQ(error_of(floor), "room id 'patio' is used twice");
}

TEST(Floor, EmptyRoomId) {
  Floor floor = two_rooms();
  floor.rooms.push_back({"", "Nowhere"});
  EXPECT_EQ(error_of(floor), "a room has an empty id");
}

// Servers say "table 12" whatever the room: the same number twice is ambiguous.
TEST(Floor, TableIdUsedTwiceEvenInDifferentRooms) {
  Floor floor = two_rooms();
  floor.tables.push_back({"12", "patio", "Patio 12", 2, 6, 2, 2, 2, TableShape::round});
  EXPECT_EQ(error_of(floor), "table id '12' is used twice");
}

TEST(Floor, EmptyTableId) {
  Floor floor = two_rooms();
  floor.tables[1].id = "";
  EXPECT_EQ(error_of(floor), "a table has an empty id");
}

TEST(Floor, TableInUnknownRoom) {
  Floor floor = two_rooms();
  floor.tables[2].room_id = "terrace";
  EXPECT_EQ(error_of(floor), "table '20' is in unknown room 'terrace'");
}

TEST(Floor, TableWithoutSeats) {
  Floor floor = two_rooms();
  floor.tables[0].seats = 0;
  EXPECT_EQ(error_of(floor), "table '12' needs at least 1 seat, has 0");
}

TEST(Floor, TableWithoutSize) {
  Floor floor = two_rooms();
  floor.tables[0].width = 0;
  EXPECT_EQ(error_of(floor), "table '12' needs a width and height of at least 1, has 0x3");
  floor.tables[0].width = 3;
  floor.tables[0].height = -2;
  EXPECT_EQ(error_of(floor), "table '12' needs a width and height of at least 1, has 3x-2");
}

}  // namespace
}  // namespace brigade
