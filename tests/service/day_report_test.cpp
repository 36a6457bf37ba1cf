// The day's figures through the service: a scripted day (a void not made, a comp, a
// discount, cash with change, card with a tip, a refund of one beer) gives exact X figures;
// the Z report closes the day with the same figures and is kept as it was; a refund the
// next day of a check of the closed day goes into the next day and leaves the Z alone.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

class DayReports : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
  }
  Json check_json(std::int64_t check) {
    return floor.call("get_check", {{"check_id", check}}).result()["check"];
  }
  void pay(std::int64_t check, const std::string& tender, std::int64_t amount, std::int64_t tip) {
    Reply paid = floor.call(
        "pay", {{"check_id", check}, {"tender", tender}, {"amount", amount}, {"tip", tip}});
    ASSERT_TRUE(paid.ok()) << paid.message();
  }
  void close(std::int64_t check) {
    Reply closed = floor.call("close_check", {{"check_id", check}});
    ASSERT_TRUE(closed.ok()) << closed.message();
  }
  static std::int64_t amount_of(const Json& rows, const std::string& key) {
    for (const Json& row : rows)
      if (row["key"] == key) return row["amount"];
    return -1;
  }

  // Table 12 (2 guests): two mozzarella sticks, one sent back before the fryer (a void not
  // made), and an IPA comped: $12.00 of food, $1.07 tax, paid $20.00 cash with $6.93 change.
  // Table 7 (3 guests): an old fashioned and two IPAs, $2.00 off: $30.00 of drinks, $3.11
  // tax, paid by card with a $6.00 tip; then one IPA refunded ($7.97 + $0.83 tax).
  void friday_night() {
    table_12 = open_table(floor, "12", 2);
    const std::int64_t wings = add_item(floor, table_12, "mozzarella-sticks", {{"quantity", 2}});
    const std::int64_t ipa = add_item(floor, table_12, "beer-ipa");
    send_check(floor, table_12);
    ASSERT_TRUE(floor
                    .call("void_line",
                          {{"check_id", table_12},
                           {"line_id", wings},
                           {"quantity", 1},
                           {"reason", "ordered twice"},
                           {"made", false}},
                          kManagerPin)
                    .ok());
    ASSERT_TRUE(
        office
            .call(
                "discount",
                {{"check_id", table_12}, {"line_id", ipa}, {"kind", "comp"}, {"reason", "regular"}})
            .ok());
    ASSERT_EQ(check_json(table_12)["totals"]["total"], 1307);
    Reply cash = floor.call("pay", {{"check_id", table_12}, {"tender", "cash"}, {"amount", 2000}});
    ASSERT_TRUE(cash.ok()) << cash.message();
    close(table_12);

    table_7 = open_table(floor, "7", 3);
    add_item(floor, table_7, "old-fashioned");
    beers_7 = add_item(floor, table_7, "beer-ipa", {{"quantity", 2}});
    send_check(floor, table_7);
    ASSERT_TRUE(office
                    .call("discount", {{"check_id", table_7},
                                       {"kind", "amount"},
                                       {"amount", 200},
                                       {"reason", "slow service"}})
                    .ok());
    ASSERT_EQ(check_json(table_7)["totals"]["total"], 3311);
    pay(table_7, "card", 3311, 600);
    close(table_7);

    Reply refunded = floor.call("refund",
                                {{"check_id", table_7},
                                 {"lines", {{std::to_string(beers_7), 1}}},
                                 {"reason", "flat beer"},
                                 {"reference", "RF-0042"}},
                                kManagerPin);
    ASSERT_TRUE(refunded.ok()) << refunded.message();
    const Json refund = refunded.result()["refund"];
    EXPECT_EQ(refund["amount"], 880);
    EXPECT_EQ(refund["by"], "sam");
    EXPECT_EQ(refund["approved_by"], "dana");
    EXPECT_EQ(refund["tenders"][0]["tender"], "card");
    EXPECT_EQ(refund["tenders"][0]["reference"], "RF-0042");
    EXPECT_EQ(types_published(refunded), std::vector<std::string>{"check.refunded"});
  }

  // Every figure of the scripted day, X or Z.
  void expect_friday_figures(const Json& r) {
    EXPECT_EQ(r["reconciles"], true) << r.value("problem", "");
    const Json& sales = r["sales"];
    EXPECT_EQ(sales["gross"], 5250);
    EXPECT_EQ(sales["items_sold"], 5);
    EXPECT_EQ(sales["discounts"], 200);
    EXPECT_EQ(sales["comps"], 850);
    EXPECT_EQ(sales["refunds"], 797);
    EXPECT_EQ(sales["net"], 3403);
    EXPECT_EQ(r["tax"], 335);
    EXPECT_EQ(amount_of(r["tax_by_class"], "food"), 107);
    EXPECT_EQ(amount_of(r["tax_by_class"], "alcohol"), 311 - 83);
    EXPECT_EQ(r["tips"], 600);
    EXPECT_EQ(amount_of(r["tips_by_server"], "sam"), 600);
    EXPECT_EQ(r["tendered"], 1307 + 3311 + 600);
    EXPECT_EQ(r["refunds"], 880);
    EXPECT_EQ(r["tenders_net"], 4338);
    ASSERT_EQ(r["tenders"].size(), 2u);
    EXPECT_EQ(r["tenders"][0]["tender"], "card");
    EXPECT_EQ(r["tenders"][0]["net"], 3311 + 600 - 880);
    EXPECT_EQ(r["tenders"][1]["tender"], "cash");
    EXPECT_EQ(r["tenders"][1]["amount"], 1307);
    EXPECT_EQ(r["tenders"][1]["change"], 693);
    EXPECT_EQ(r["voids"]["not_made"]["count"], 1);
    EXPECT_EQ(r["voids"]["not_made"]["amount"], 1200);
    EXPECT_EQ(r["voids"]["made"]["count"], 0);
    EXPECT_EQ(amount_of(r["by_item"], "mozzarella-sticks"), 1200);
    EXPECT_EQ(amount_of(r["by_item"], "beer-ipa"), 797);  // comped one, two sold, one back
    EXPECT_EQ(amount_of(r["by_item"], "old-fashioned"), 1406);
    EXPECT_EQ(amount_of(r["by_category"], "starters"), 1200);
    EXPECT_EQ(amount_of(r["by_server"], "sam"), 3403);
    EXPECT_EQ(r["by_server"][0]["label"], "Sam Ortiz");
    EXPECT_EQ(r["checks"]["closed"], 2);
    EXPECT_EQ(r["checks"]["covers"], 5);
    EXPECT_EQ(r["checks"]["average_check"], 1702);
    EXPECT_EQ(r["checks"]["average_per_cover"], 681);
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"};
  std::int64_t table_12 = 0, table_7 = 0, beers_7 = 0;
};

TEST_F(DayReports, TheXReportOfAScriptedDayHasEveryFigureToTheCentAndChangesNothing) {
  friday_night();
  const std::int64_t still_open = open_table(floor, "3", 4);
  add_item(floor, still_open, "mozzarella-sticks");
  const Json before = hub_state(hub);
  Reply x = office.call("x_report");
  ASSERT_TRUE(x.ok()) << x.message();
  EXPECT_TRUE(x.publications.empty());
  EXPECT_EQ(hub_state(hub), before);
  const Json r = x.result()["report"];
  expect_friday_figures(r);
  EXPECT_EQ(r["day"], 1);
  EXPECT_TRUE(r["z_number"].is_null());
  EXPECT_EQ(r["checks"]["open"], 1);
  EXPECT_EQ(r["checks"]["open_amount"], 1200 + 107);
  EXPECT_EQ(r["as_of"], hub.now);
  // A server does not read the day's money.
  EXPECT_EQ(floor.call("x_report").code(), "forbidden");
}

TEST_F(DayReports, TheZReportClosesTheDayAndIsKeptAsItWas) {
  friday_night();
  Reply z = office.call("close_day");
  ASSERT_TRUE(z.ok()) << z.message();
  const Json report = z.result()["report"];
  expect_friday_figures(report);
  EXPECT_EQ(report["checks"]["open"], 0);
  EXPECT_EQ(report["z_number"], 1);
  EXPECT_EQ(office.call("z_report").result()["report"], report);
  EXPECT_EQ(office.call("z_report", {{"day", 1}}).result()["report"], report);

  // The next day: table 12 comes back for its money; the refund is tomorrow's.
  hub.now += 20 * 3'600'000;
  ASSERT_TRUE(office.login(kManagerPin).ok());  // a new shift
  Reply refunded = office.call("refund", {{"check_id", table_12}, {"reason", "cold food"}});
  ASSERT_TRUE(refunded.ok()) << refunded.message();
  EXPECT_EQ(refunded.result()["refund"]["day"], 2);
  EXPECT_EQ(refunded.result()["refund"]["amount"], 1307);
  EXPECT_EQ(refunded.result()["refund"]["tenders"][0]["tender"], "cash");
  EXPECT_EQ(office.call("z_report", {{"day", 1}}).result()["report"], report);
  const Json x2 = office.call("x_report").result()["report"];
  EXPECT_EQ(x2["day"], 2);
  EXPECT_EQ(x2["reconciles"], true);
  EXPECT_EQ(x2["sales"]["net"], -1200);
  EXPECT_EQ(x2["tax"], -107);
  EXPECT_EQ(x2["refunds"], 1307);
  EXPECT_EQ(x2["tenders_net"], -1307);
  // Twice is refused: nothing of it is left to give back.
  EXPECT_EQ(office.call("refund", {{"check_id", table_12}, {"reason", "again"}}).code(),
            "nothing_to_refund");
  // Day 2 closes with Z 2; day 1's X report is its Z figures, marked as an X.
  Reply z2 = office.call("close_day");
  ASSERT_TRUE(z2.ok()) << z2.message();
  EXPECT_EQ(z2.result()["report"]["z_number"], 2);
  Json x1 = office.call("x_report", {{"day", 1}}).result()["report"];
  EXPECT_TRUE(x1["z_number"].is_null());
  x1["z_number"] = 1;
  EXPECT_EQ(x1, report) << x1.dump() << "\n" << report.dump();
}

TEST_F(DayReports, RefundsAreAManagersAndRefuseWhatCannotBeRefunded) {
  friday_night();
  // A server alone may not; a stranger without a session gets nothing.
  EXPECT_EQ(floor.call("refund", {{"check_id", table_12}, {"reason", "x"}}).code(), "forbidden");
  Device stranger(hub, "pos-9");
  EXPECT_EQ(stranger.call("refund", {{"check_id", table_12}, {"reason", "x"}}).code(),
            "not_logged_in");
  EXPECT_EQ(stranger.call("x_report").code(), "not_logged_in");
  const std::int64_t open = open_table(floor, "3");
  add_item(floor, open, "mozzarella-sticks");
  EXPECT_EQ(office.call("refund", {{"check_id", open}, {"reason", "x"}}).code(),
            "check_not_closed");
  EXPECT_EQ(office.call("refund", {{"check_id", table_7}, {"reason", " "}}).code(),
            "reason_required");
  EXPECT_EQ(office
                .call("refund", {{"check_id", table_7},
                                 {"lines", {{std::to_string(beers_7), 2}}},
                                 {"reason", "flat"}})
                .code(),
            "invalid_quantity");  // one of the two is back already
  EXPECT_EQ(
      office.call("refund", {{"check_id", table_7}, {"lines", {{"x", 1}}}, {"reason", "r"}}).code(),
      "bad_request");
  // The refund is in the audit trail, with who approved it and why.
  const Json entries = office.call("list_audit").result()["entries"];
  bool found = false;
  for (const Json& e : entries)
    if (e["action"] == "check.refunded") {
      found = true;
      EXPECT_EQ(e["reason"], "flat beer");
    }
  EXPECT_TRUE(found);
}

}  // namespace
