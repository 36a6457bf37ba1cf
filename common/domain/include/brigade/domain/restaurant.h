// Everything a new store starts from: its menu, floor plan, staff and stock.
// Read from a file (see brigade/restaurant/restaurant_file.h) and seeded into the store.
#pragma once

#include <string>
#include <vector>

#include "brigade/domain/floor.h"
#include "brigade/domain/inventory.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/money.h"
#include "brigade/domain/staff.h"

namespace brigade {

struct StaffSeed {
  StaffMember member;
  std::string pin;  // demo PINs only; the store keeps a keyed hash, never the PIN
};

struct Restaurant {
  std::string name;
  CurrencyFormat currency;
  Menu menu;
  Floor floor;
  std::vector<StaffSeed> staff;
  Stock stock;                         // opening 86s (remaining: see inventory)
  int pin_digits = kDefaultPinDigits;  // 6: every PIN has 6 digits
  Inventory inventory;                 // opening counts of ingredients
};

// Menu and floor valid, staff ids and PINs unique, PINs of pin_digits (4 or 6) to 6 digits,
// stock names menu items, opening counts name ingredients and are not below zero.
Status validate_restaurant(const Restaurant& restaurant);

}  // namespace brigade
