// The Inventory screen headless, against a real hub in the same process: a manager
// receives a delivery, counts and records waste; every terminal shows the count and warns
// when an ingredient runs low; a server needs a manager's PIN.
#include "inventory_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {

void type_amount(TerminalRig& t, const std::string& digits) {
  for (char d : digits) t.tap(std::string("inventory.amount.") + d);
}

TEST(InventoryScreen, TheManagerReceivesCountsAndWastesPatties) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.inventory");
  ASSERT_EQ(t.app.screen(), Screen::inventory);
  ASSERT_TRUE(t.shows("inventory.ingredient.bacon"));
  t.tap("inventory.ingredient.beef-patty");
  EXPECT_EQ(t.app.inventory().picked(), "beef-patty");

  t.tap("inventory.receive");
  type_amount(t, "24");
  t.tap("inventory.send");
  EXPECT_EQ(t.state.on_hand("beef-patty"), 64);
  EXPECT_EQ(t.state.stock_of("classic-burger").remaining, 64);

  t.tap("inventory.count");
  type_amount(t, "60");
  t.tap("inventory.send");
  EXPECT_EQ(t.state.on_hand("beef-patty"), 60);

  t.tap("inventory.waste");
  type_amount(t, "3");
  t.tap("inventory.send");  // no reason yet: nothing sent
  EXPECT_EQ(t.controller.last("waste_stock"), nullptr);
  t.tap("inventory.reason.1");  // Dropped
  t.tap("inventory.send");
  EXPECT_EQ(t.state.on_hand("beef-patty"), 57);
}

TEST(InventoryScreen, EveryTerminalWarnsWhenAnIngredientRunsLow) {
  TerminalRig t;
  t.log_in(kManagerPin);
  EXPECT_FALSE(t.shows("alert.low"));
  t.tap("nav.inventory");
  t.tap("inventory.ingredient.bacon");  // low at 12 rashers
  t.tap("inventory.count");
  type_amount(t, "12");
  t.tap("inventory.send");
  ASSERT_EQ(t.state.on_hand("bacon"), 12);
  EXPECT_TRUE(t.shows("alert.low"));
  t.tap("alert.low.ok");
  EXPECT_FALSE(t.shows("alert.low"));
  // Patties run low too: the warning comes back, naming both.
  t.tap("inventory.ingredient.beef-patty");
  t.tap("inventory.count");
  type_amount(t, "5");
  t.tap("inventory.send");
  EXPECT_TRUE(t.shows("alert.low"));
}

TEST(InventoryScreen, AServerNeedsAManagersPin) {
  TerminalRig t;
  t.log_in(kServerPin);
  EXPECT_FALSE(t.shows("nav.inventory"));  // not offered
  t.app.handle(ShowInventory{}, t.now);
  EXPECT_NE(t.app.screen(), Screen::inventory);
}

}  // namespace
