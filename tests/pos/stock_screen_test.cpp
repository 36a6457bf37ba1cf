#include "stock_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

TEST(StockScreen, TheManager86sTheSalmonAndCountsTheShortRib) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.stock");
  ASSERT_EQ(t.app.screen(), Screen::stock);
  t.tap("stock.category.pasta-fish");
  t.tap("stock.item.salmon");
  t.tap("stock.86");
  EXPECT_TRUE(t.state.stock_of("salmon").out());
  t.tap("stock.category.grill");
  t.tap("stock.item.short-rib");
  t.tap("stock.count.1");
  t.tap("stock.count.2");
  t.tap("stock.set");
  EXPECT_EQ(t.state.stock_of("short-rib").remaining, 12);
  t.tap("stock.uncount");
  EXPECT_FALSE(t.state.stock_of("short-rib").remaining.has_value());
  t.tap("stock.category.pasta-fish");
  t.tap("stock.item.salmon");
  t.tap("stock.back");
  EXPECT_FALSE(t.state.stock_of("salmon").out());
}

TEST(StockScreen, AServerNeedsAManagersPinTo86) {
  TerminalRig t;
  t.log_in(kServerPin);
  t.tap("nav.stock");
  t.tap("stock.category.pasta-fish");
  t.tap("stock.item.salmon");
  t.tap("stock.86");  // no PIN: not offered
  EXPECT_EQ(t.controller.last("eighty_six"), nullptr);
  for (char d : std::string(kManagerPin)) t.tap(std::string("stock.pin.") + d);
  t.tap("stock.86");
  EXPECT_TRUE(t.state.stock_of("salmon").out());
}
