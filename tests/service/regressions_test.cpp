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
