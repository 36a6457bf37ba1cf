#include "floor_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kHostPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

TEST(FloorScreen, EveryTableOfTheRoomIsDrawnAndRoomsSwitch) {
  TerminalRig t;
  t.log_in(kServerPin);
  ASSERT_EQ(t.app.screen(), Screen::floor);
  for (const char* table : {"1", "5", "9", "12", "15", "16"})
    EXPECT_TRUE(t.shows(std::string("table.") + table)) << table;
  EXPECT_FALSE(t.shows("table.20"));
  t.tap("room.patio");
  EXPECT_EQ(t.app.floor().room(), "patio");
  EXPECT_TRUE(t.shows("table.20"));
  EXPECT_FALSE(t.shows("table.12"));
}

TEST(FloorScreen, TappingAFreeTableAsksHowManyAndOpensItOnTheOrderScreen) {
  TerminalRig t;
  t.log_in(kServerPin);
  t.tap("table.12");
  ASSERT_TRUE(t.app.floor().open_dialog().is_open());
  t.tap("guests.4");
  EXPECT_EQ(t.app.screen(), Screen::order);
  const CheckView& v = t.check();
  EXPECT_EQ(v.check.table_id, "12");
  EXPECT_EQ(v.check.guests, 4);
  EXPECT_EQ(v.check.server_id, "sam");
  EXPECT_FALSE(t.app.floor().open_dialog().is_open());
}

TEST(FloorScreen, TappingATableWithACheckResumesIt) {
  TerminalRig t;
  std::int64_t check = t.seat_table(kServerPin, "7", 2);
  t.tap("nav.floor");
  ASSERT_EQ(t.app.screen(), Screen::floor);
  EXPECT_EQ(table_status(t.state, "7").state, TableState::seated);
  t.tap("table.7");
  EXPECT_EQ(t.app.screen(), Screen::order);
  EXPECT_EQ(t.app.check_id(), check);
  EXPECT_EQ(t.state.open_checks().size(), 1u);  // resumed, not opened again
}

TEST(FloorScreen, ACheckOpenedOnAnotherTerminalShowsAtOnce) {
  TerminalRig t;
  t.log_in(kServerPin);
  EXPECT_EQ(table_status(t.state, "3").state, TableState::free);
  t.hub.other(kServerPin, "open_check", {{"channel", "dine_in"}, {"table_id", "3"}, {"guests", 2}});
  t.frame();
  EXPECT_EQ(table_status(t.state, "3").state, TableState::seated);
}

TEST(FloorScreen, ATabIsOpenedWithANameTypedOnTheScreen) {
  TerminalRig t;
  t.log_in(kServerPin);
  t.tap("new.tab");
  t.tap("open.confirm");  // no name yet: nothing
  EXPECT_EQ(t.controller.last("open_check"), nullptr);
  for (const char* k : {"D", "A", "N", "A"}) t.tap(std::string("name.") + k);
  t.tap("open.confirm");
  EXPECT_EQ(t.app.screen(), Screen::order);
  EXPECT_EQ(t.check().label, "Tab: Dana");
  t.tap("nav.floor");
  EXPECT_TRUE(t.shows("order." + std::to_string(t.app.check_id())));
}

TEST(FloorScreen, TakeoutHasANamePhoneAndPromisedTime) {
  TerminalRig t;
  t.log_in(kHostPin);
  t.tap("new.delivery");
  for (const char* k : {"L", "E", "E"}) t.tap(std::string("name.") + k);
  t.tap("open.confirm");  // delivery needs a phone too
  EXPECT_EQ(t.controller.last("open_check"), nullptr);
  t.tap("open.phone");
  for (const char* k : {"5", "5", "5", "0", "1", "4", "2"}) t.tap(std::string("phone.") + k);
  t.tap("ready-in.30");
  t.tap("open.confirm");
  const Check& c = t.check().check;
  EXPECT_EQ(c.channel, Channel::delivery);
  EXPECT_EQ(c.customer_name, "Lee");
  EXPECT_EQ(c.customer_phone, "5550142");
  EXPECT_EQ(c.promised_at, t.now + 30 * 60'000);
}

TEST(FloorScreen, ARefusedOpenSaysWhyInTheDialog) {
  TerminalRig t;
  t.log_in("7777");  // a cook may not take orders
  t.tap("table.12");
  t.tap("guests.2");
  EXPECT_TRUE(t.app.floor().open_dialog().is_open());
  EXPECT_TRUE(t.shows("open.ok"));
  EXPECT_EQ(t.controller.last("open_check")->code, "forbidden");
}
