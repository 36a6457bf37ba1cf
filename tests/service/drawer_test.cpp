// Cash drawers through the service: a float, a cash payment with its tip (not the change),
// a paid-in, a paid-out, a tip paid out, a no-sale and a cash refund; the expected cash
// follows each, the count by denomination gives over/short to the cent, and the day's
// report carries every drawer. Who may do what, and what a stranger gets: nothing.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

class Drawers : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
  }
  // An IPA ($8.50 + 10.375% tax = $9.38) paid on `device` in cash.
  std::int64_t cash_check(Device& device, const std::string& table, std::int64_t handed,
                          std::int64_t tip) {
    const std::int64_t check = open_table(device, table);
    add_item(device, check, "beer-ipa");
    send_check(device, check);
    Reply paid = device.call(
        "pay", {{"check_id", check}, {"tender", "cash"}, {"amount", handed}, {"tip", tip}});
    EXPECT_TRUE(paid.ok()) << paid.message();
    EXPECT_EQ(paid.result()["change"], handed - 938);
    EXPECT_TRUE(device.call("close_check", {{"check_id", check}}).ok());
    return check;
  }
  Json drawer_of(Device& device) {
    Reply r = office.call("list_drawers");
    EXPECT_TRUE(r.ok()) << r.message();
    for (const Json& d : r.result()["drawers"])
      if (d["device_id"] == device.name() && d["closed_at"].is_null()) return d;
    return Json();
  }
  Reply cash(Device& device, const std::string& kind, std::int64_t amount, Json extra = {},
             const std::string& approval = kManagerPin) {
    Json args{{"kind", kind}};
    if (amount) args["amount"] = amount;
    if (extra.is_object()) args.update(extra);
    return device.call("drawer_cash", args, approval);
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"};
};

TEST_F(Drawers, ExpectedCashFollowsEveryMoveAndTheCountGivesOverShort) {
  Reply opened = floor.call("open_drawer", {{"float", 20000}}, kManagerPin);
  ASSERT_TRUE(opened.ok()) << opened.message();
  EXPECT_EQ(opened.result()["drawer"]["opened_by"], "dana");
  EXPECT_EQ(opened.result()["drawer"]["expected"], 20000);
  EXPECT_EQ(types_published(opened), (std::vector<std::string>{"day.opened", "drawer.opened"}));
  EXPECT_EQ(floor.call("open_drawer", {{"float", 100}}, kManagerPin).code(), "drawer_already_open");

  const std::int64_t check = cash_check(floor, "12", 2000, 100);  // $9.38 + $1.00 tip in
  EXPECT_EQ(drawer_of(floor)["expected"], 20000 + 1038);
  ASSERT_TRUE(cash(floor, "paid_in", 5000, {{"reason", "change from the bank"}}).ok());
  ASSERT_TRUE(cash(floor, "paid_out", 1500, {{"reason", "ice delivery"}}).ok());
  Reply tips = cash(floor, "tip_payout", 700, {{"staff_id", "sam"}});
  ASSERT_TRUE(tips.ok()) << tips.message();
  EXPECT_EQ(types_published(tips), std::vector<std::string>{"drawer.cash"});
  ASSERT_TRUE(cash(floor, "no_sale", 0, {}, "").ok());  // the server's own
  Reply refunded =
      floor.call("refund", {{"check_id", check}, {"reason", "wrong beer"}}, kManagerPin);
  ASSERT_TRUE(refunded.ok()) << refunded.message();
  Json drawer = drawer_of(floor);
  EXPECT_EQ(drawer["cash_in"], 1038 + 5000);
  EXPECT_EQ(drawer["cash_out"], 1500 + 700 + 938);
  EXPECT_EQ(drawer["no_sales"], 1);
  EXPECT_EQ(drawer["expected"], 22900);

  // Two $100s, a $20, a $5, three $1s and two quarters: $228.50, fifty cents short.
  Reply counted = office.call(
      "count_drawer", {{"drawer_id", drawer["id"]},
                       {"denominations",
                        {{"10000", 2}, {"2000", 1}, {"500", 1}, {"100", 3}, {"25", 2}, {"5", 0}}}});
  ASSERT_TRUE(counted.ok()) << counted.message();
  const Json& c = counted.result()["drawer"];
  EXPECT_EQ(c["counted"], 22850);
  EXPECT_EQ(c["over_short"], -50);
  EXPECT_EQ(c["counted_by"], "dana");
  EXPECT_EQ(c["denominations"].size(), 5u);  // the zero left out
  EXPECT_EQ(
      office.call("count_drawer", {{"drawer_id", drawer["id"]}, {"denominations", Json::object()}})
          .code(),
      "drawer_counted");

  // The day's report carries it, and still reconciles.
  const Json x = office.call("x_report").result()["report"];
  EXPECT_EQ(x["reconciles"], true) << x.value("problem", "");
  ASSERT_EQ(x["drawers"].size(), 1u);
  EXPECT_EQ(x["drawers"][0]["expected"], 22900);
  EXPECT_EQ(x["drawers"][0]["over_short"], -50);

  // The next cash on that terminal opens a new drawer by itself, with no float.
  cash_check(floor, "7", 1000, 0);
  EXPECT_EQ(drawer_of(floor)["float"], 0);
  EXPECT_EQ(drawer_of(floor)["expected"], 938);
}

TEST_F(Drawers, ACashTipAddedLaterFollowsIntoTheDrawer) {
  const std::int64_t check = open_table(floor, "12");
  add_item(floor, check, "beer-ipa");
  send_check(floor, check);
  Reply paid = floor.call("pay", {{"check_id", check}, {"tender", "cash"}, {"amount", 1000}});
  ASSERT_TRUE(paid.ok()) << paid.message();
  const std::int64_t payment = paid.result()["payment_id"];
  ASSERT_TRUE(
      floor.call("add_tip", {{"check_id", check}, {"payment_id", payment}, {"tip", 300}}).ok());
  EXPECT_EQ(drawer_of(floor)["expected"], 938 + 300);
  ASSERT_TRUE(
      floor.call("add_tip", {{"check_id", check}, {"payment_id", payment}, {"tip", 200}}).ok());
  EXPECT_EQ(drawer_of(floor)["expected"], 938 + 200);
}

TEST_F(Drawers, TheDaysCloseShutsAnUncountedDrawerAndTheZSaysSo) {
  cash_check(floor, "12", 938, 0);
  Reply z = office.call("close_day");
  ASSERT_TRUE(z.ok()) << z.message();
  const Json& drawers = z.result()["report"]["drawers"];
  ASSERT_EQ(drawers.size(), 1u);
  EXPECT_EQ(drawers[0]["expected"], 938);
  EXPECT_TRUE(drawers[0]["counted"].is_null());
  EXPECT_TRUE(drawer_of(floor).is_null());  // closed with the day
}

TEST_F(Drawers, MoneyByHandNeedsAManagerAndAReasonAndStrangersGetNothing) {
  EXPECT_EQ(cash(floor, "paid_out", 500, {{"reason", "ice"}}, "").code(), "forbidden");
  EXPECT_EQ(cash(floor, "paid_out", 500).code(), "reason_required");
  EXPECT_EQ(cash(floor, "paid_in", 0, {{"reason", "x"}}).code(), "invalid_argument");
  EXPECT_EQ(cash(floor, "tip_payout", 500).code(), "invalid_argument");  // to nobody
  EXPECT_EQ(cash(floor, "tip_payout", 500, {{"staff_id", "ghost"}}).code(), "not_found");
  EXPECT_EQ(cash(floor, "cash_sale", 500).code(), "bad_request");
  EXPECT_EQ(cash(floor, "no_sale", 500, {}, "").code(), "invalid_argument");
  EXPECT_EQ(floor.call("open_drawer", {{"float", 5000}}).code(), "forbidden");
  EXPECT_EQ(floor.call("open_drawer", {{"float", -1}}, kManagerPin).code(), "invalid_argument");
  EXPECT_EQ(
      office.call("count_drawer", {{"drawer_id", 99}, {"denominations", Json::object()}}).code(),
      "not_found");
  EXPECT_EQ(office.call("count_drawer", {{"drawer_id", 1}, {"denominations", {{"abc", 1}}}}).code(),
            "bad_request");
  Device stranger(hub, "pos-9");
  for (const char* type : {"open_drawer", "drawer_cash", "count_drawer", "list_drawers"})
    EXPECT_EQ(stranger.call(type, {{"float", 1}}).code(), "not_logged_in") << type;
  EXPECT_TRUE(office.call("list_drawers").result()["drawers"].empty());
}

}  // namespace
