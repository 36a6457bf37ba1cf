// The floor plan: rooms and their tables, drawn by the terminal's floor screen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/result.h"

namespace brigade {

struct Room {
  std::string id;
  std::string name;

  bool operator==(const Room&) const = default;
};

enum class TableShape { square, round, booth };
std::string_view to_string(TableShape shape);

struct Table {
  std::string id;  // "12": what servers call it
  std::string room_id;
  std::string name;  // "Table 12"
  int seats = 4;
  // Position and size in the room, in floor units (the screen scales them).
  int x = 0, y = 0, width = 1, height = 1;
  TableShape shape = TableShape::square;

  bool operator==(const Table&) const = default;
};

struct Floor {
  std::vector<Room> rooms;
  std::vector<Table> tables;

  const Table* find_table(std::string_view id) const;
  const Room* find_room(std::string_view id) const;

  bool operator==(const Floor&) const = default;
};

// Unique ids, every table in a known room, seats >= 1, sizes >= 1.
Status validate_floor(const Floor& floor);

}  // namespace brigade
