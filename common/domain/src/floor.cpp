#include "brigade/domain/floor.h"

#include <algorithm>
#include <set>

namespace brigade {

namespace {

Error floor_error(std::string message) {
  return fail(Errc::invalid_argument, std::move(message));
}

}  // namespace

std::string_view to_string(TableShape shape) {
  switch (shape) {
    case TableShape::square:
      return "square";
    case TableShape::round:
      return "round";
    case TableShape::booth:
      return "booth";
  }
  return "unknown";
}

const Table* Floor::find_table(std::string_view id) const {
  auto it = std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.id == id; });
  return it == tables.end() ? nullptr : &*it;
}

const Room* Floor::find_room(std::string_view id) const {
  auto it = std::find_if(rooms.begin(), rooms.end(), [&](const Room& r) { return r.id == id; });
  return it == rooms.end() ? nullptr : &*it;
}

Status validate_floor(const Floor& floor) {
  std::set<std::string_view> room_ids;
  for (const Room& room : floor.rooms) {
    if (room.id.empty()) return floor_error("a room has an empty id");
    if (!room_ids.insert(room.id).second)
      return floor_error("room id '" + room.id + "' is used twice");
  }
  // Table ids are unique across rooms: servers say "table 12", never "patio table 12".
  std::set<std::string_view> table_ids;
  for (const Table& table : floor.tables) {
    if (table.id.empty()) return floor_error("a table has an empty id");
    if (!table_ids.insert(table.id).second)
      return floor_error("table id '" + table.id + "' is used twice");
    const std::string where = "table '" + table.id + "'";
    if (!room_ids.count(table.room_id))
      return floor_error(where + " is in unknown room '" + table.room_id + "'");
    if (table.seats < 1)
      return floor_error(where + " needs at least 1 seat, has " + std::to_string(table.seats));
    if (table.width < 1 || table.height < 1)
      return floor_error(where + " needs a width and height of at least 1, has " +
                         std::to_string(table.width) + "x" + std::to_string(table.height));
  }
  return success();
}

}  // namespace brigade
