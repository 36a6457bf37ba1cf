// The time clock through the service: punches from the PIN pad, the rule that staff clock
// in before taking orders, a manager's fixes with their reason (audited), the timesheet.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

class TimeClock : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "America/New_York", 1);
    tzset();
    ASSERT_TRUE(office.login(kManagerPin).ok());
  }
  // Time passes; sessions idle that long end, so the office logs in again.
  void later(std::int64_t ms) {
    hub.now += ms;
    ASSERT_TRUE(office.login(kManagerPin).ok());
  }
  Reply punch(const std::string& pin, const std::string& action) {
    return pad.call("clock", {{"pin", pin}, {"action", action}});
  }
  std::vector<brigade::store::AuditEntry> audit_of(const std::string& action) {
    brigade::store::AuditFilter filter;
    filter.action = action;
    return hub.store().load_audit(filter);
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, pad{hub, "pos-1"};
};

TEST_F(TimeClock, APinClocksInAndOutWithABreakAndEveryTerminalHearsIt) {
  Reply in = punch(kServerPin, "in");
  ASSERT_TRUE(in.ok()) << in.message();
  EXPECT_EQ(in.result()["state"], "on");
  EXPECT_EQ(in.result()["staff"]["id"], "sam");
  EXPECT_EQ(types_published(in), std::vector<std::string>{"staff.clocked"});
  EXPECT_EQ(published(in.publications)[0]["topic"], "staff");

  Reply twice = punch(kServerPin, "in");
  EXPECT_EQ(twice.code(), "clock_refused");
  EXPECT_EQ(twice.message(), "Sam Ortiz is already clocked in");
  EXPECT_EQ(punch(kServerPin, "break_end").message(), "Sam Ortiz is not on a break");

  hub.now += 3 * kHour;
  ASSERT_TRUE(punch(kServerPin, "break_start").ok());
  hub.now += 30 * kMinute;
  // Out from a break: the break ends and the shift ends, one tap.
  Reply out = punch(kServerPin, "out");
  ASSERT_TRUE(out.ok()) << out.message();
  ASSERT_EQ(out.result()["punches"].size(), 2u);
  EXPECT_EQ(out.result()["punches"][0]["kind"], "break_end");
  EXPECT_EQ(out.result()["punches"][1]["kind"], "out");
  EXPECT_EQ(out.result()["state"], "off");

  EXPECT_EQ(punch("0000", "in").code(), "wrong_pin");
  EXPECT_EQ(punch(kServerPin, "lunch").message(),
            "args.action must be in, out, break_start or break_end");
}

TEST_F(TimeClock, ClockingOutEndsTheSessionsOfWhoLeft) {
  Device floor{hub, "pos-2"};
  ASSERT_TRUE(floor.login(kServerPin).ok());
  ASSERT_TRUE(punch(kServerPin, "in").ok());
  ASSERT_TRUE(punch(kServerPin, "out").ok());
  EXPECT_EQ(floor.call("list_checks").code(), "not_logged_in");
}

TEST_F(TimeClock, WhenTheStoreSaysSoOnlyWhoIsClockedInOpensChecks) {
  Device floor{hub, "pos-2"};
  ASSERT_TRUE(floor.login(kServerPin).ok());
  EXPECT_EQ(floor.call("set_clock_rule", {{"required", true}}).code(), "forbidden");
  Reply rule = office.call("set_clock_rule", {{"required", true}});
  ASSERT_TRUE(rule.ok()) << rule.message();
  EXPECT_EQ(types_published(rule), std::vector<std::string>{"clock_rule.changed"});
  EXPECT_EQ(office.call("snapshot", {{"topics", {"staff"}}}).result()["clock_in_required"], true);

  const Json table{{"channel", "dine_in"}, {"table_id", "4"}, {"guests", 2}};
  Json before = hub_state(hub);
  Reply refused = floor.call("open_check", table);
  EXPECT_EQ(refused.code(), "not_clocked_in");
  EXPECT_EQ(refused.message(), "Sam Ortiz is not clocked in: clock in at the PIN pad first");
  EXPECT_EQ(hub_state(hub), before);
  ASSERT_TRUE(punch(kServerPin, "in").ok());
  EXPECT_TRUE(floor.call("open_check", table).ok());
  ASSERT_TRUE(punch(kServerPin, "break_start").ok());
  EXPECT_EQ(
      floor.call("open_check", {{"channel", "dine_in"}, {"table_id", "5"}, {"guests", 2}}).code(),
      "not_clocked_in");
  // A manager runs the floor on or off the clock.
  EXPECT_TRUE(
      office.call("open_check", {{"channel", "dine_in"}, {"table_id", "6"}, {"guests", 2}}).ok());
  // Off again: anyone opens checks.
  ASSERT_TRUE(office.call("set_clock_rule", {{"required", false}}).ok());
  EXPECT_TRUE(
      floor.call("open_check", {{"channel", "dine_in"}, {"table_id", "5"}, {"guests", 2}}).ok());
  EXPECT_EQ(audit_of("clock.rule").size(), 2u);
}

TEST_F(TimeClock, AManagerFixesAForgottenPunchWithAReasonAndTheTimesheetFollows) {
  const std::int64_t start = hub.now;
  ASSERT_TRUE(punch(kServerPin, "in").ok());
  later(6 * kHour);  // Sam went home without clocking out
  // A missed out, added at 23:30 with the reason.
  Reply added = office.call("fix_punch", {{"staff_id", "sam"},
                                          {"kind", "out"},
                                          {"at", start + 4 * kHour},
                                          {"reason", "forgot to clock out"}});
  ASSERT_TRUE(added.ok()) << added.message();
  EXPECT_EQ(added.result()["state"], "off");
  EXPECT_EQ(added.result()["punch"]["fixed_by"], "dana");
  EXPECT_EQ(types_published(added), std::vector<std::string>{"punch.fixed"});
  const std::int64_t out_id = added.result()["punch"]["id"];

  // Out before in is refused, naming why; nothing changes.
  Reply backwards = office.call(
      "fix_punch",
      {{"staff_id", "sam"}, {"punch_id", out_id}, {"at", start - kHour}, {"reason", "typo"}});
  EXPECT_EQ(backwards.code(), "clock_refused");
  EXPECT_EQ(backwards.message(),
            "that would leave Sam Ortiz's punches out of order: the out punch does not fit: "
            "not clocked in at that time");
  EXPECT_EQ(
      office.call("fix_punch", {{"staff_id", "sam"}, {"kind", "out"}, {"at", start}}).message(),
      "args.reason is missing");
  EXPECT_EQ(
      office
          .call("fix_punch",
                {{"staff_id", "sam"}, {"kind", "in"}, {"at", hub.now + kHour}, {"reason", "early"}})
          .message(),
      "a punch cannot be in the future");

  // The out was at 4 h 30: changed.
  ASSERT_TRUE(office
                  .call("fix_punch", {{"staff_id", "sam"},
                                      {"punch_id", out_id},
                                      {"at", start + 4 * kHour + 30 * kMinute},
                                      {"reason", "left after closing the section"}})
                  .ok());
  Reply sheet = office.call("timesheet", {{"since", start - kHour}, {"until", start + 12 * kHour}});
  ASSERT_TRUE(sheet.ok()) << sheet.message();
  ASSERT_EQ(sheet.result()["days"].size(), 1u);
  const Json& day = sheet.result()["days"][0];
  EXPECT_EQ(day["staff_id"], "sam");
  EXPECT_EQ(day["name"], "Sam Ortiz");
  EXPECT_EQ(day["worked_ms"], 4 * kHour + 30 * kMinute);
  EXPECT_EQ(day["open"], false);
  EXPECT_EQ(day["punches"].size(), 2u);
  EXPECT_EQ(day["punches"][1]["reason"], "left after closing the section");

  const auto audit = audit_of("clock");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].action, "clock.punch.added");
  EXPECT_EQ(audit[0].reason, "forgot to clock out");
  EXPECT_EQ(audit[0].staff_id, "dana");
  EXPECT_EQ(audit[0].subject, "staff sam");
  EXPECT_EQ(audit[1].action, "clock.punch.changed");
  EXPECT_EQ(Json::parse(audit[1].before)["at"], start + 4 * kHour);

  // Removed: the shift is open again, as Sam left it.
  ASSERT_TRUE(office
                  .call("fix_punch", {{"staff_id", "sam"},
                                      {"punch_id", out_id},
                                      {"remove", true},
                                      {"reason", "wrong person"}})
                  .ok());
  EXPECT_EQ(audit_of("clock.punch.removed").size(), 1u);
}

TEST_F(TimeClock, EveryoneReadsTheirOwnHoursAndOnlyReportsReadOthers) {
  Device floor{hub, "pos-2"};
  ASSERT_TRUE(floor.login(kServerPin).ok());
  const std::int64_t start = hub.now;
  ASSERT_TRUE(punch(kServerPin, "in").ok());
  ASSERT_TRUE(punch("2222", "in").ok());  // Priya
  hub.now += 2 * kHour;
  ASSERT_TRUE(punch(kServerPin, "break_start").ok());
  hub.now += 15 * kMinute;
  ASSERT_TRUE(punch(kServerPin, "break_end").ok());
  hub.now += kHour;
  later(0);
  ASSERT_TRUE(floor.login(kServerPin).ok());
  const Json range{{"since", start}, {"until", start + kHour * 24}};
  Json mine = range;
  mine["staff_id"] = "sam";
  Reply own = floor.call("timesheet", mine);
  ASSERT_TRUE(own.ok()) << own.message();
  ASSERT_EQ(own.result()["days"].size(), 1u);
  EXPECT_EQ(own.result()["days"][0]["worked_ms"], 3 * kHour);  // still on: counted to now
  EXPECT_EQ(own.result()["days"][0]["break_ms"], 15 * kMinute);
  EXPECT_EQ(own.result()["days"][0]["open"], true);
  EXPECT_EQ(floor.call("timesheet", range).code(), "forbidden");
  Reply everyone = office.call("timesheet", range);
  ASSERT_TRUE(everyone.ok());
  EXPECT_EQ(everyone.result()["days"].size(), 2u);
  EXPECT_EQ(office.call("timesheet", {{"since", start}, {"until", start}}).message(),
            "args.until must be after since");
}

}  // namespace
