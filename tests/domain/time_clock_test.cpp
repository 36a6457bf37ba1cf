// The time clock's rules: which punch may follow which, shifts in order, and the
// timesheet's hours (breaks apart, an open shift counted to now, a shift past midnight
// on the day it began).
#include "brigade/domain/time_clock.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

using namespace brigade;

namespace {

constexpr EpochMs kMinute = 60'000, kHour = 60 * kMinute;
// 2026-12-04 17:00 in New York.
constexpr EpochMs kFridayFive = 1'796'421'600'000;

Punch at(PunchKind kind, EpochMs when, std::string who = "sam") {
  return Punch{0, std::move(who), kind, when, "pos-1", "", ""};
}

class Clock : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "America/New_York", 1);
    tzset();
  }
};

TEST_F(Clock, EachPunchFollowsOnlyWhereItMakesSense) {
  EXPECT_TRUE(check_punch(ClockState::off, PunchKind::in, "Sam").ok());
  EXPECT_EQ(check_punch(ClockState::on, PunchKind::in, "Sam").error().message,
            "Sam is already clocked in");
  EXPECT_EQ(check_punch(ClockState::off, PunchKind::out, "Sam").error().code, Errc::clock_refused);
  EXPECT_EQ(check_punch(ClockState::off, PunchKind::break_start, "Sam").error().message,
            "Sam is not clocked in");
  EXPECT_EQ(check_punch(ClockState::on_break, PunchKind::break_start, "Sam").error().message,
            "Sam is already on a break");
  EXPECT_EQ(check_punch(ClockState::on, PunchKind::break_end, "Sam").error().message,
            "Sam is not on a break");
  EXPECT_TRUE(check_punch(ClockState::on_break, PunchKind::out, "Sam").ok());
  EXPECT_EQ(clock_state({at(PunchKind::in, 1), at(PunchKind::break_start, 2)}),
            ClockState::on_break);
}

TEST_F(Clock, PunchesMustReadAsShifts) {
  EXPECT_TRUE(
      check_punch_order({at(PunchKind::in, 1), at(PunchKind::break_start, 2),
                         at(PunchKind::break_end, 3), at(PunchKind::out, 4), at(PunchKind::in, 5)})
          .ok());
  EXPECT_EQ(check_punch_order({at(PunchKind::in, 1), at(PunchKind::in, 2)}).error().message,
            "the in punch does not fit: clocked in twice without a clock-out");
  EXPECT_EQ(check_punch_order({at(PunchKind::in, 5), at(PunchKind::out, 4)}).error().message,
            "the out punch comes before the punch it follows");
  EXPECT_EQ(check_punch_order(
                {at(PunchKind::in, 1), at(PunchKind::break_start, 2), at(PunchKind::out, 3)})
                .error()
                .message,
            "the out punch comes while on a break: end the break first");
}

TEST_F(Clock, TheTimesheetCountsWorkAndBreaksByPersonAndDay) {
  const std::vector<Punch> punches{
      at(PunchKind::in, kFridayFive),
      at(PunchKind::break_start, kFridayFive + 3 * kHour),
      at(PunchKind::break_end, kFridayFive + 3 * kHour + 30 * kMinute),
      // Past midnight: still Friday's shift.
      at(PunchKind::out, kFridayFive + 8 * kHour),
      at(PunchKind::in, kFridayFive + kHour, "priya"),
  };
  const auto days =
      timesheet(punches, kFridayFive - kHour, kFridayFive + 24 * kHour, kFridayFive + 5 * kHour);
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].staff_id, "priya");
  EXPECT_EQ(days[0].worked_ms, 4 * kHour);  // open: counted to now
  EXPECT_TRUE(days[0].open);
  EXPECT_EQ(days[1].staff_id, "sam");
  EXPECT_EQ(days[1].date, "2026-12-04");
  EXPECT_EQ(days[1].worked_ms, 7 * kHour + 30 * kMinute);
  EXPECT_EQ(days[1].break_ms, 30 * kMinute);
  EXPECT_FALSE(days[1].open);
  EXPECT_EQ(days[1].punches.size(), 4u);
  // Read up to a moment before its last punch, an open shift never counts backwards.
  const auto early = timesheet(
      {at(PunchKind::in, kFridayFive), at(PunchKind::break_start, kFridayFive + 3 * kHour)},
      kFridayFive - kHour, kFridayFive + 2 * kHour, kFridayFive + 9 * kHour);
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].worked_ms, 3 * kHour);
  EXPECT_EQ(early[0].break_ms, 0);
  // A shift that began before the range is not on it.
  EXPECT_TRUE(
      timesheet(punches, kFridayFive + 2 * kHour, kFridayFive + 24 * kHour, kFridayFive + 9 * kHour)
          .empty());
}

}  // namespace
