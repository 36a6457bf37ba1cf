// Regression tests, each named after what broke.
#include <gtest/gtest.h>

#include "hub_fixture.h"

using namespace brigade::testing;

TEST(Regressions, AnUnsentLineOfAn86dItemCannotBeRaised) {
  ServiceHub hub;
  Device office(hub, "pos-office"), floor(hub, "pos-1");
  ASSERT_TRUE(office.login(kManagerPin).ok());
  ASSERT_TRUE(floor.login(kServerPin).ok());
  std::int64_t check =
      floor.call("open_check", {{"channel", "bar_tab"}, {"tab_name", "Lee"}}).result()["check_id"];
  Reply added = floor.call("add_line", {{"check_id", check}, {"item_id", "calamari"}});
  ASSERT_TRUE(added.ok());
  std::int64_t line = added.result()["line_id"];
  ASSERT_TRUE(office.call("eighty_six", {{"item_id", "calamari"}}).ok());
  Reply raised =
      floor.call("change_line", {{"check_id", check}, {"line_id", line}, {"quantity", 5}});
  EXPECT_EQ(raised.code(), "item_86");
  // Fewer is still fine: it gives nothing new to the kitchen.
  EXPECT_TRUE(
      floor.call("change_line", {{"check_id", check}, {"line_id", line}, {"note", "no lemon"}})
          .ok());
}

TEST(Regressions, MoneyTakenBeforeASplitLeavesNoCheckThatCanNeverClose) {
  ServiceHub hub;
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  std::int64_t check =
      floor.call("open_check", {{"channel", "bar_tab"}, {"tab_name", "Kim"}}).result()["check_id"];
  ASSERT_TRUE(
      floor.call("add_line", {{"check_id", check}, {"item_id", "beer-ipa"}, {"quantity", 4}}).ok());
  ASSERT_TRUE(floor.call("send", {{"check_id", check}}).ok());
  ASSERT_TRUE(floor.call("pay", {{"check_id", check}, {"tender", "card"}, {"amount", 1000}}).ok());
  EXPECT_EQ(floor.call("split", {{"check_id", check}, {"kind", "even"}, {"parts", 2}}).code(),
            "has_payments");
  Reply check_now = floor.call("get_check", {{"check_id", check}});
  std::int64_t due = check_now.result()["check"]["totals"]["balance"];
  ASSERT_TRUE(floor.call("pay", {{"check_id", check}, {"tender", "card"}, {"amount", due}}).ok());
  EXPECT_TRUE(floor.call("close_check", {{"check_id", check}}).ok());
}

namespace {
std::int64_t send_burger(Device& floor) {
  std::int64_t check =
      floor.call("open_check", {{"channel", "bar_tab"}, {"tab_name", "Ray"}}).result()["check_id"];
  EXPECT_TRUE(floor
                  .call("add_line", {{"check_id", check},
                                     {"item_id", "classic-burger"},
                                     {"modifiers", {"temp-medium"}}})
                  .ok());
  return floor.call("send", {{"check_id", check}}).result()["ticket_ids"][0];
}
}  // namespace

TEST(Regressions, ASecondBumpOfTheSameStationTellsNobody) {
  ServiceHub hub;
  Device floor(hub, "pos-1"), grill(hub, "kds-grill");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  std::int64_t ticket = send_burger(floor);
  Reply first = grill.call("bump", {{"ticket_id", ticket}, {"station", "grill"}});
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first.publications.empty());
  std::int64_t seq = hub.service().last_sequence();
  Reply again = grill.call("bump", {{"ticket_id", ticket}, {"station", "grill"}});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.publications.empty());
  EXPECT_EQ(hub.service().last_sequence(), seq);
}

TEST(Regressions, MarkingALineDoneMeansTheStationHasSeenTheTicket) {
  ServiceHub hub;
  Device floor(hub, "pos-1"), grill(hub, "kds-grill");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  std::int64_t ticket = send_burger(floor);
  Reply view = floor.call("snapshot", {{"topics", {"ticket.grill"}}});
  std::int64_t line = view.result()["tickets"][0]["lines"][0]["line_id"];
  Reply done =
      grill.call("item_bump", {{"ticket_id", ticket}, {"line_id", line}, {"station", "grill"}});
  ASSERT_TRUE(done.ok()) << done.message();
  EXPECT_FALSE(done.result()["progress"]["stations"][0]["acknowledged_at"].is_null());
}
