// The business day through the service: the first check opens it by itself, every check
// belongs to the day it was opened in, a manager closes it with the next Z number, never
// over open checks unless they are carried over to the next day, which opens at once.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

class BusinessDays : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
  }
  // A check paid in cash and closed.
  void pay_and_close(std::int64_t check) {
    send_check(floor, check);
    Json due = floor.call("get_check", {{"check_id", check}}).result()["check"];
    Reply paid = floor.call("pay", {{"check_id", check},
                                    {"tender", "cash"},
                                    {"amount", due["totals"]["total"].get<std::int64_t>()}});
    ASSERT_TRUE(paid.ok()) << paid.message();
    Reply closed = floor.call("close_check", {{"check_id", check}});
    ASSERT_TRUE(closed.ok()) << closed.message();
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"};
};

TEST_F(BusinessDays, TheFirstCheckOpensTheDayAndEveryCheckBelongsToIt) {
  EXPECT_TRUE(office.call("snapshot", {{"topics", {"day"}}}).result()["day"].is_null());
  Reply open =
      floor.call("open_check", {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 2}});
  ASSERT_TRUE(open.ok()) << open.message();
  EXPECT_EQ(types_published(open), (std::vector<std::string>{"day.opened", "check.opened"}));
  const Json day_opened = published(open.publications)[0];
  EXPECT_EQ(day_opened["topic"], "day");
  EXPECT_EQ(day_opened["body"]["day"]["id"], 1);
  EXPECT_EQ(day_opened["body"]["automatically"], true);
  EXPECT_EQ(day_opened["body"]["by"], "sam");
  const std::int64_t second = open_table(floor, "7");
  EXPECT_EQ(hub.store().day_of_check(open.result()["check_id"]), 1);
  EXPECT_EQ(hub.store().day_of_check(second), 1);
  Json snapshot_day = office.call("snapshot", {{"topics", {"day"}}}).result()["day"];
  EXPECT_EQ(snapshot_day["id"], 1);
  EXPECT_TRUE(snapshot_day["z_number"].is_null());

  // A manager opening another while one is open is told to close it first.
  EXPECT_EQ(office.call("open_day").code(), "day_already_open");
}

TEST_F(BusinessDays, TheDayClosesWithConsecutiveZNumbersOnlyOnceItsChecksAreClosed) {
  const std::int64_t check = open_table(floor, "12");
  add_item(floor, check, "beer-ipa");
  Reply refused = office.call("close_day");
  EXPECT_EQ(refused.code(), "checks_still_open");
  EXPECT_EQ(refused.message(),
            "1 check is still open (Table 12): close it, or carry it over to the next day");
  EXPECT_EQ(floor.call("close_day").code(), "forbidden");  // a server does not close the day

  pay_and_close(check);
  Reply closed = office.call("close_day");
  ASSERT_TRUE(closed.ok()) << closed.message();
  EXPECT_EQ(closed.result()["day"]["id"], 1);
  EXPECT_EQ(closed.result()["day"]["z_number"], 1);
  EXPECT_EQ(closed.result()["day"]["closed_by"], "dana");
  EXPECT_TRUE(closed.result()["next_day"].is_null());
  EXPECT_EQ(types_published(closed), std::vector<std::string>{"day.closed"});
  EXPECT_TRUE(office.call("snapshot", {{"topics", {"day"}}}).result()["day"].is_null());
  EXPECT_EQ(office.call("close_day").code(), "no_day_open");

  // The closed check's day stays closed; tomorrow's first check opens day 2.
  EXPECT_EQ(floor.call("add_tip", {{"check_id", check}, {"payment_id", 1}, {"tip", 100}}).code(),
            "check_closed");
  const std::int64_t tomorrow = open_table(floor, "5");
  EXPECT_EQ(hub.store().day_of_check(tomorrow), 2);
  add_item(floor, tomorrow, "lemonade");
  pay_and_close(tomorrow);
  Reply second = office.call("close_day");
  ASSERT_TRUE(second.ok()) << second.message();
  EXPECT_EQ(second.result()["day"]["z_number"], 2);

  // A manager may open a day before the first check too.
  Reply opened = office.call("open_day");
  ASSERT_TRUE(opened.ok()) << opened.message();
  EXPECT_EQ(opened.result()["day"]["id"], 3);
  EXPECT_EQ(published(opened.publications)[0]["body"]["automatically"], false);

  // The audit log has each close, with what was carried over.
  brigade::store::AuditFilter filter;
  filter.action = "day";
  auto entries = hub.store().load_audit(filter);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].subject, "day 1");
}

TEST_F(BusinessDays, OpenChecksCarriedOverGoOnInTheNextDay) {
  const std::int64_t paid = open_table(floor, "12");
  add_item(floor, paid, "beer-ipa");
  pay_and_close(paid);
  const std::int64_t tab = open_table(floor, "7");
  add_item(floor, tab, "beer-ipa");
  Reply closed = office.call("close_day", {{"carry_over", true}});
  ASSERT_TRUE(closed.ok()) << closed.message();
  EXPECT_EQ(closed.result()["carried_over"], Json::array({tab}));
  EXPECT_EQ(closed.result()["next_day"]["id"], 2);
  EXPECT_EQ(types_published(closed), (std::vector<std::string>{"day.opened", "day.closed"}));
  EXPECT_EQ(hub.store().day_of_check(paid), 1);
  EXPECT_EQ(hub.store().day_of_check(tab), 2);
  // It is still open, and changes as any open check of today.
  EXPECT_TRUE(add_item(floor, tab, "beer-ipa") > 0);
  Reply status = office.call("day_status");
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(status.result()["open_day"]["id"], 2);
  EXPECT_EQ(status.result()["days"][0]["checks"], 1);
  EXPECT_EQ(status.result()["days"][1]["z_number"], 1);
  EXPECT_EQ(status.result()["days"][1]["checks"], 1);
}

TEST_F(BusinessDays, AManagersPinLetsAServerCloseTheDayInTheManagersName) {
  ASSERT_TRUE(office.call("open_day").ok());
  Reply closed = floor.call("close_day", Json::object(), kManagerPin);
  ASSERT_TRUE(closed.ok()) << closed.message();
  EXPECT_EQ(closed.result()["day"]["closed_by"], "dana");
  EXPECT_EQ(published(closed.publications)[0]["body"]["by"], "dana");
  EXPECT_EQ(floor.call("open_day", Json::object(), "0000").code(), "wrong_pin");
}

TEST_F(BusinessDays, BadArgumentsAndStrangersGetNothing) {
  EXPECT_EQ(office.call("close_day", {{"carry_over", "yes"}}).code(), "bad_request");
  EXPECT_EQ(office.call("open_day", {{"day", 7}}).code(), "bad_request");
  EXPECT_EQ(office.call("day_status", {{"x", 1}}).code(), "bad_request");
  Device stranger{hub, "pos-9"};  // no session
  EXPECT_EQ(stranger.call("day_status").code(), "not_logged_in");
  EXPECT_EQ(stranger.call("close_day").code(), "not_logged_in");
  EXPECT_EQ(floor.call("day_status").code(), "forbidden");
}

}  // namespace
