// The Timesheet and Audit log screens headless, against a real hub in the same process:
// Sam's shift shows on the manager's timesheet; the manager fixes his clock-out and adds
// Priya's missed one, each with a reason; the hours follow, the audit log shows the fixes;
// a server sees only their own hours and fixes nothing.
#include "timesheet_screen.h"

#include <gtest/gtest.h>

#include "audit_screen.h"
#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {

constexpr EpochMs kMinute = 60'000;

void punch(TerminalRig& t, const std::string& pin, const std::string& action) {
  auto r = t.hub.other(pin, "clock", {{"pin", pin}, {"action", action}});
  ASSERT_TRUE(r.ok()) << r.json.dump();
}

// The keys for a time of day on the keypad: "1930".
void type_time(TerminalRig& t, EpochMs at) {
  std::tm local = local_tm(at);
  char digits[8];
  std::snprintf(digits, sizeof digits, "%02d%02d", local.tm_hour, local.tm_min);
  for (char d : std::string(digits)) t.tap(std::string("timesheet.time.") + d);
}

const Json* day_of(const TerminalRig& t, const std::string& staff_id) {
  const CommandRecord* sheet = t.controller.last("timesheet");
  if (!sheet || sheet->state != CommandRecord::State::done) return nullptr;
  for (const auto& d : sheet->result["days"])
    if (d["staff_id"] == staff_id) return &d;
  return nullptr;
}

std::string today(TerminalRig& t) {
  std::tm local = local_tm(t.hub.hub().now);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &local);
  return date;
}

TEST(TimesheetScreen, TheManagerFixesAClockOutAndAddsAMissedOne) {
  TerminalRig t;
  const EpochMs start = t.hub.hub().now;
  punch(t, kServerPin, "in");  // Sam
  punch(t, "2222", "in");      // Priya, who will forget to clock out
  t.hub.tick(90 * kMinute);
  t.now += 90 * kMinute;
  punch(t, kServerPin, "out");

  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("office.timesheet");
  ASSERT_EQ(t.app.screen(), Screen::timesheet);
  t.frame();  // the hub's answer
  ASSERT_NE(day_of(t, "sam"), nullptr);
  EXPECT_EQ((*day_of(t, "sam"))["worked_ms"], 90 * kMinute);
  const std::string date = today(t);
  ASSERT_TRUE(t.shows("timesheet.day.sam." + date));
  ASSERT_TRUE(t.shows("timesheet.day.priya." + date));

  // Sam left after an hour: his clock-out moves back, with the reason.
  t.tap("timesheet.day.sam." + date);
  const auto& punches = (*day_of(t, "sam"))["punches"];
  ASSERT_EQ(punches.size(), 2u);
  const std::int64_t out_id = punches[1]["id"];
  t.tap("timesheet.punch." + std::to_string(out_id));
  type_time(t, start + 60 * kMinute);
  t.tap("timesheet.fix");  // no reason yet: nothing sent
  EXPECT_EQ(t.controller.last("fix_punch"), nullptr);
  t.tap("timesheet.reason.4");  // Wrong time
  t.tap("timesheet.fix");
  const CommandRecord* fixed = t.controller.last("fix_punch");
  ASSERT_NE(fixed, nullptr);
  ASSERT_EQ(fixed->state, CommandRecord::State::done) << fixed->message;
  // The timesheet is asked again on punch.fixed: an hour, to the minute typed.
  t.frame();
  ASSERT_NE(day_of(t, "sam"), nullptr);
  const std::int64_t worked = (*day_of(t, "sam"))["worked_ms"];
  EXPECT_LE(std::abs(worked - 60 * kMinute), kMinute);
  EXPECT_EQ((*day_of(t, "sam"))["punches"][1]["reason"], "Wrong time");
  EXPECT_EQ((*day_of(t, "sam"))["punches"][1]["fixed_by"], "dana");

  // Priya is still on the clock: the manager adds the clock-out she missed.
  ASSERT_EQ((*day_of(t, "priya"))["open"], true);
  t.tap("timesheet.day.priya." + date);
  t.tap("timesheet.add");
  t.tap("timesheet.kind.out");
  type_time(t, start + 75 * kMinute);
  t.tap("timesheet.reason.1");  // Forgot to clock out
  t.tap("timesheet.fix");
  ASSERT_EQ(t.controller.last("fix_punch")->state, CommandRecord::State::done)
      << t.controller.last("fix_punch")->message;
  t.frame();
  EXPECT_EQ((*day_of(t, "priya"))["open"], false);
  EXPECT_LE(std::abs((*day_of(t, "priya"))["worked_ms"].get<std::int64_t>() - 75 * kMinute),
            kMinute);

  // A time after now is refused by the hub, and the screen says so.
  t.tap("timesheet.day.priya." + date);
  t.tap("timesheet.add");
  t.tap("timesheet.kind.in");
  type_time(t, start + 180 * kMinute);
  t.tap("timesheet.reason.2");
  t.tap("timesheet.fix");
  EXPECT_EQ(t.controller.last("fix_punch")->state, CommandRecord::State::refused);

  // Both fixes are in the audit log, with who and why.
  t.tap("office.audit");
  ASSERT_EQ(t.app.screen(), Screen::audit);
  t.tap("audit.family.clock");
  t.frame();
  const CommandRecord* page = t.controller.last("list_audit");
  ASSERT_NE(page, nullptr);
  ASSERT_EQ(page->state, CommandRecord::State::done) << page->message;
  const auto& entries = page->result["entries"];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["action"], "clock.punch.changed");
  EXPECT_EQ(entries[0]["reason"], "Wrong time");
  EXPECT_EQ(entries[1]["action"], "clock.punch.added");
  EXPECT_EQ(entries[1]["staff_id"], "dana");
  const std::string first = "audit.entry." + std::to_string(entries[0]["id"].get<std::int64_t>());
  ASSERT_TRUE(t.shows(first));
  t.tap(first);
  // Filtered to someone else, nothing.
  t.tap("audit.close");
  t.tap("audit.staff.sam");
  t.frame();
  EXPECT_TRUE(t.controller.last("list_audit")->result["entries"].empty());
}

TEST(TimesheetScreen, AServerSeesTheirOwnHoursAndFixesNothing) {
  TerminalRig t;
  punch(t, kServerPin, "in");
  punch(t, "2222", "in");
  t.log_in(kServerPin);
  t.tap("nav.office");
  ASSERT_EQ(t.app.screen(), Screen::timesheet);
  t.frame();
  ASSERT_NE(day_of(t, "sam"), nullptr);
  EXPECT_EQ(day_of(t, "priya"), nullptr);  // only Sam's own
  EXPECT_EQ((*day_of(t, "sam"))["open"], true);
  t.tap("timesheet.day.sam." + today(t));
  EXPECT_FALSE(t.shows("timesheet.add"));
  EXPECT_FALSE(t.shows("timesheet.rule"));
}

TEST(TimesheetScreen, TheManagerSetsTheClockInRule) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("office.timesheet");
  EXPECT_FALSE(t.state.clock_in_required());
  t.tap("timesheet.rule");
  EXPECT_TRUE(t.state.clock_in_required());  // from the hub's clock_rule.changed
  // Sam, not clocked in, cannot open a check now.
  auto open = t.hub.other(kServerPin, "open_check",
                          {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 2}});
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.json["error"]["code"], "not_clocked_in");
}

TEST(AuditScreen, ActionsReadAsWords) {
  EXPECT_EQ(action_words("menu.item.changed"), "Menu: item changed");
  EXPECT_EQ(action_words("line.voided"), "Line voided");
  EXPECT_EQ(action_words("override.void_line"), "Override: void line");
  EXPECT_EQ(action_words("staff.pin_changed"), "Staff pin changed");
  EXPECT_EQ(action_words("clock.rule"), "Clock rule");
  EXPECT_EQ(action_words("stock.eighty_six"), "86'd");
  EXPECT_EQ(action_words("somewhere.new_thing"), "Somewhere new thing");  // any action reads
}

TEST(AuditScreen, AManagerPagesThroughTheLog) {
  TerminalRig t;
  t.log_in(kManagerPin);
  // More than a page of entries: 86 and back on, again and again.
  for (int i = 0; i < AuditScreen::kPage / 2 + 5; ++i) {
    t.hub.other(kManagerPin, "eighty_six", {{"item_id", "onion-rings"}});
    t.hub.other(kManagerPin, "un_eighty_six", {{"item_id", "onion-rings"}});
  }
  t.tap("nav.office");
  t.tap("office.audit");
  t.tap("audit.family.stock");
  t.frame();
  const CommandRecord* page = t.controller.last("list_audit");
  ASSERT_EQ(page->state, CommandRecord::State::done) << page->message;
  ASSERT_EQ(page->result["entries"].size(), static_cast<std::size_t>(AuditScreen::kPage));
  const std::int64_t last = page->result["entries"].back()["id"];
  t.tap("audit.next");
  t.frame();
  const CommandRecord* next = t.controller.last("list_audit");
  ASSERT_EQ(next->state, CommandRecord::State::done) << next->message;
  ASSERT_EQ(next->result["entries"].size(), 10u);
  EXPECT_GT(next->result["entries"][0]["id"].get<std::int64_t>(), last);
  t.tap("audit.next");  // greyed on the last page: nothing asked
  EXPECT_EQ(t.controller.last("list_audit"), next);
}

}  // namespace

namespace {

void pin_step(TerminalRig& t, const std::string& digits) {
  for (char d : digits) t.tap(std::string("mypin.pad.") + d);
  t.tap("mypin.pad.enter");
}

}  // namespace

TEST(PinChangePanel, AServerChangesTheirOwnPinWithTheCurrentOne) {
  TerminalRig t;
  t.log_in(kServerPin);
  t.tap("nav.office");  // My hours
  t.tap("mypin.open");
  pin_step(t, "9999");  // not Sam's PIN
  pin_step(t, "8642");
  pin_step(t, "8642");
  const CommandRecord* wrong = t.controller.last("change_pin");
  ASSERT_NE(wrong, nullptr);
  EXPECT_EQ(wrong->state, CommandRecord::State::refused);
  EXPECT_EQ(wrong->message, "that is not your current PIN");

  // The new PIN twice, and they must match.
  t.tap("mypin.open");
  pin_step(t, kServerPin);
  pin_step(t, "8642");
  pin_step(t, "8643");
  EXPECT_EQ(t.controller.last("change_pin"), wrong);  // nothing sent
  EXPECT_EQ(t.app.timesheet().pin_step(), PinChangePanel::Step::fresh);
  pin_step(t, "8642");
  pin_step(t, "8642");
  const CommandRecord* changed = t.controller.last("change_pin");
  ASSERT_EQ(changed->state, CommandRecord::State::done) << changed->message;
  EXPECT_TRUE(t.controller.logged_in());  // one's own PIN ends no session

  t.tap("nav.logout");
  t.log_in(kServerPin);  // the old one opens nothing now
  EXPECT_FALSE(t.controller.logged_in());
  t.log_in("8642");
  ASSERT_TRUE(t.controller.logged_in());
  EXPECT_EQ(t.controller.staff()->id, "sam");
}

namespace {

EpochMs local_at(int year, int month, int day, int hour, int minute) {
  std::tm d{};
  d.tm_year = year - 1900;
  d.tm_mon = month - 1;
  d.tm_mday = day;
  d.tm_hour = hour;
  d.tm_min = minute;
  return from_local(d);
}

}  // namespace

TEST(TimesheetScreen, ATypedTimeIsOnTheShiftsDayOrPastMidnight) {
  EXPECT_EQ(punch_time("2026-12-04", 2330, 0), local_at(2026, 12, 4, 23, 30));
  // A clock-out typed as 01:30 for a shift that began at 18:00 is the next morning's.
  const EpochMs shift = local_at(2026, 12, 4, 18, 0);
  EXPECT_EQ(punch_time("2026-12-04", 130, shift), local_at(2026, 12, 5, 1, 30));
  EXPECT_EQ(punch_time("2026-12-04", 1915, shift), local_at(2026, 12, 4, 19, 15));
  EXPECT_EQ(punch_time("2026-12-04", 2460, 0), std::nullopt);  // not a time of day
  EXPECT_EQ(punch_time("2026-12-04", 1275, 0), std::nullopt);
  EXPECT_EQ(punch_time("the fourth", 1200, 0), std::nullopt);
  EXPECT_EQ(hours_text(5 * 60 * kMinute + 30 * kMinute), "5 h 30");
  EXPECT_EQ(local_text(local_at(2026, 12, 4, 12, 0), "%a %e %b"), "Fri 4 Dec");
}
