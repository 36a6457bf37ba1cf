// The Close-the-day screen headless, against a real hub in the same process: the manager
// reads the X report (its figures and the chart of sales by hour), is stopped by a check
// still open until it is carried over, closes the day with Z 1 and then sees the Z; a
// server has no way in.
#include "day_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {

// Sam's table: one IPA sent, paid by card with a tip, closed. Returns the check id.
std::int64_t paid_table(TerminalRig& t, const std::string& table, bool close) {
  auto opened = t.hub.other(kServerPin, "open_check",
                            {{"channel", "dine_in"}, {"table_id", table}, {"guests", 2}});
  EXPECT_TRUE(opened.ok()) << opened.json.dump();
  const std::int64_t check = opened.result()["check_id"];
  EXPECT_TRUE(
      t.hub.other(kServerPin, "add_line", {{"check_id", check}, {"item_id", "beer-ipa"}}).ok());
  EXPECT_TRUE(t.hub.other(kServerPin, "send", {{"check_id", check}}).ok());
  if (close) {
    // $8.50 and 10.375% alcohol tax: $9.38.
    EXPECT_TRUE(t.hub
                    .other(kServerPin, "pay",
                           {{"check_id", check}, {"tender", "card"}, {"amount", 938}, {"tip", 200}})
                    .ok());
    EXPECT_TRUE(t.hub.other(kServerPin, "close_check", {{"check_id", check}}).ok());
  }
  return check;
}

DayReport shown_report(const TerminalRig& t, std::string_view type) {
  const CommandRecord* record = t.controller.last(type);
  EXPECT_NE(record, nullptr);
  if (!record || record->state != CommandRecord::State::done) return {};
  return protocol::read_report(record->result["report"]);
}

TEST(DayScreen, TheManagerReadsTheXReportAndClosesTheDayWithTheZ) {
  TerminalRig t;
  paid_table(t, "5", true);
  paid_table(t, "6", true);
  paid_table(t, "7", false);  // still open at closing time
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("office.day");
  ASSERT_EQ(t.app.screen(), Screen::day);
  t.frame();  // the hub's answer
  DayReport x = shown_report(t, "x_report");
  EXPECT_EQ(x.z_number, 0);
  EXPECT_EQ(x.net_sales, Money::cents(1700));
  EXPECT_EQ(x.tips, Money::cents(400));
  EXPECT_EQ(x.checks_closed, 2);
  EXPECT_EQ(x.open_checks, 1);
  EXPECT_TRUE(t.shows("day.chart"));
  EXPECT_TRUE(t.shows("day.report"));
  EXPECT_TRUE(t.shows("day.net"));

  // Closing: the open check stops it until the manager carries it over.
  t.tap("day.close");
  ASSERT_TRUE(t.shows("day.confirm"));
  t.tap("day.confirm");
  EXPECT_EQ(t.controller.last("close_day"), nullptr);  // not with a check open
  t.tap("day.carry");
  t.tap("day.confirm");
  ASSERT_NE(t.controller.last("close_day"), nullptr);
  t.frame();  // the hub's answer
  const DayReport z = shown_report(t, "close_day");
  EXPECT_EQ(z.z_number, 1);
  EXPECT_EQ(z.net_sales, Money::cents(1700));
  EXPECT_EQ(t.hub.hub().store().open_day()->id, 2);  // the open check went on to day 2
  // The Z shows, and there is nothing left to close in it.
  ASSERT_TRUE(t.shows("day.close"));
  t.tap("day.close");
  EXPECT_FALSE(t.shows("day.confirm"));

  // Reading again gives the open day 2, with the carried check in it.
  t.tap("day.refresh");
  t.frame();
  const DayReport next = shown_report(t, "x_report");
  EXPECT_EQ(next.day, 2);
  EXPECT_EQ(next.open_checks, 1);
  EXPECT_EQ(next.checks_closed, 0);
}

TEST(DayScreen, TheManagerCountsADrawerNoteByNoteAndSeesOverShort) {
  TerminalRig t;
  // A cash check on another terminal: $9.38 into its drawer, which opens by itself.
  const std::int64_t check = paid_table(t, "5", false);
  ASSERT_TRUE(
      t.hub.other(kServerPin, "pay", {{"check_id", check}, {"tender", "cash"}, {"amount", 2000}})
          .ok());
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("office.day");
  t.frame();
  t.tap("day.drawers");
  t.frame();  // the hub's list
  const CommandRecord* list = t.controller.last("list_drawers");
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->result["drawers"].size(), 1u);
  const std::int64_t id = list->result["drawers"][0]["id"];
  EXPECT_EQ(list->result["drawers"][0]["expected"], 938);
  t.tap("day.drawer." + std::to_string(id));
  // $5, four $1s, a quarter, a dime and three pennies: $9.38, but one penny slips away.
  t.tap("day.count.500.more");
  for (int i = 0; i < 4; ++i) t.tap("day.count.100.more");
  t.tap("day.count.25.more");
  t.tap("day.count.10.more");
  for (int i = 0; i < 3; ++i) t.tap("day.count.1.more");
  t.tap("day.count.1.less");
  t.tap("day.count.save");
  t.frame();  // the hub's answers: the count, then the list again
  const CommandRecord* counted = t.controller.last("count_drawer");
  ASSERT_NE(counted, nullptr);
  ASSERT_EQ(counted->state, CommandRecord::State::done) << counted->message;
  EXPECT_EQ(counted->result["drawer"]["counted"], 937);
  EXPECT_EQ(counted->result["drawer"]["over_short"], -1);
  EXPECT_EQ(counted->result["drawer"]["denominations"],
            Json({{"1", 2}, {"10", 1}, {"100", 4}, {"25", 1}, {"500", 1}}));
  t.frame();
  EXPECT_FALSE(t.controller.last("list_drawers")->result["drawers"][0]["counted"].is_null());
}

TEST(DayScreen, ChartHoursSpanTheDayAndAtLeastSixHours) {
  DayReport r;
  r.by_hour = {{"18", "18:00", 4, Money::cents(10000)}, {"21", "21:00", 2, Money::cents(5000)}};
  const auto hours = hours_for_chart(r);
  ASSERT_EQ(hours.size(), 6u);
  EXPECT_EQ(hours.front().key, "17");
  EXPECT_EQ(hours.back().key, "22");
  EXPECT_EQ(hours[1].amount, Money::cents(10000));
  EXPECT_EQ(hours[2].amount, Money::zero());
  r.by_hour = {{"23", "23:00", 1, Money::cents(100)}};
  EXPECT_EQ(hours_for_chart(r).front().key, "18");  // never past midnight
  EXPECT_TRUE(hours_for_chart(DayReport{}).empty());
}

TEST(DayScreen, AServerHasNoWayToTheDaysMoney) {
  TerminalRig t;
  t.log_in(kServerPin);
  t.tap("nav.office");
  EXPECT_NE(t.app.screen(), Screen::day);
  EXPECT_FALSE(t.shows("office.day"));
  t.app.handle(ShowDay{}, t.now);
  EXPECT_NE(t.app.screen(), Screen::day);
}

}  // namespace
