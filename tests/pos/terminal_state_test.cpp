#include "terminal_state.h"

#include <gtest/gtest.h>

#include "local_hub.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::LocalHub;

namespace {
// The terminal's state, fed by everything the hub's feed has delivered so far.
struct Fed {
  LocalHub hub;
  TerminalState state;
  void pump() {
    for (auto& item : hub.feed()) state.apply(item);
  }
};
}  // namespace

TEST(TerminalState, TheSnapshotBringsTheMenuTheFloorThe86ListAndTheStaff) {
  Fed f;
  EXPECT_FALSE(f.state.synced());
  f.pump();
  ASSERT_TRUE(f.state.synced());
  EXPECT_EQ(f.state.restaurant(), "Copperline Brasserie & Grill");
  EXPECT_EQ(f.state.menu().items.size(), 90u);
  const MenuItem* burger = f.state.menu().find_item("classic-burger");
  ASSERT_NE(burger, nullptr);
  EXPECT_EQ(burger->price, Money::cents(1700));
  EXPECT_EQ(burger->course, Course::mains);
  EXPECT_EQ(burger->modifier_group_ids.front(), "temperature");
  const ModifierGroup* temperature = f.state.menu().find_group("temperature");
  ASSERT_NE(temperature, nullptr);
  EXPECT_TRUE(temperature->forced());
  EXPECT_EQ(f.state.menu().find_group("burger-addons")->find("add-bacon")->price,
            Money::cents(150));
  const Table* twelve = f.state.floor().find_table("12");
  ASSERT_NE(twelve, nullptr);
  EXPECT_EQ(twelve->room_id, "dining");
  EXPECT_EQ(twelve->seats, 4);
  EXPECT_EQ(f.state.stock_of("short-rib").remaining, 12);
  EXPECT_EQ(f.state.stock_of("classic-burger").remaining, 40);  // 40 patties
  EXPECT_FALSE(f.state.stock_of("fries").remaining.has_value());
  EXPECT_EQ(f.state.staff_name("sam"), "Sam Ortiz");
  EXPECT_EQ(f.state.money(Money::cents(123456)), "$1,234.56");
}

TEST(TerminalState, An86AndACountFromAnotherTerminalArriveAsMenuEvents) {
  Fed f;
  f.pump();
  f.hub.other(kManagerPin, "eighty_six", {{"item_id", "salmon"}});
  f.hub.other(kManagerPin, "set_stock", {{"item_id", "short-rib"}, {"remaining", 3}});
  f.pump();
  EXPECT_TRUE(f.state.stock_of("salmon").out());
  EXPECT_EQ(f.state.stock_of("short-rib").remaining, 3);
  f.hub.other(kManagerPin, "un_eighty_six", {{"item_id", "salmon"}});
  f.pump();
  EXPECT_FALSE(f.state.stock_of("salmon").out());
}

TEST(TerminalState, ChecksFollowTheirEventsAndLeaveTheOpenListWhenClosed) {
  Fed f;
  f.pump();
  auto opened = f.hub.other(kServerPin, "open_check",
                            {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 2}});
  std::int64_t id = opened.result()["check_id"];
  f.hub.other(kServerPin, "add_line", {{"check_id", id}, {"item_id", "beer-ipa"}, {"seat", 1}});
  f.pump();
  const CheckView* view = f.state.find_check(id);
  ASSERT_NE(view, nullptr);
  EXPECT_EQ(view->label, "Table 12");
  ASSERT_EQ(view->check.lines.size(), 1u);
  EXPECT_EQ(view->check.lines[0].name, "West coast IPA (draft)");
  EXPECT_EQ(view->check.lines[0].state, LineState::new_);
  EXPECT_EQ(view->totals.subtotal, Money::cents(850));
  EXPECT_EQ(view->totals.total, view->totals.subtotal + view->totals.tax);
  EXPECT_EQ(f.state.checks_at_table("12").size(), 1u);

  f.hub.other(kServerPin, "send", {{"check_id", id}});
  f.hub.other(kServerPin, "pay", {{"check_id", id}, {"tender", "cash"}, {"amount", 2000}});
  f.hub.other(kServerPin, "close_check", {{"check_id", id}});
  f.pump();
  EXPECT_TRUE(f.state.checks_at_table("12").empty());
  EXPECT_EQ(f.state.open_checks().count(id), 0u);
  ASSERT_NE(f.state.find_check(id), nullptr);  // kept for its receipt
  EXPECT_EQ(f.state.find_check(id)->check.status, CheckStatus::closed);
}

// A takeout paid and closed before the kitchen is done: its lines are still served
// after, and the closed check the terminal keeps follows (no check asked for again).
TEST(TerminalState, AClosedCheckStillFollowsItsKitchen) {
  Fed f;
  f.pump();
  auto opened = f.hub.other(
      kServerPin, "open_check",
      {{"channel", "takeout"}, {"customer_name", "Lee"}, {"customer_phone", "5550142"}});
  ASSERT_TRUE(opened.ok()) << opened.message();
  std::int64_t id = opened.result()["check_id"];
  f.hub.other(kServerPin, "add_line", {{"check_id", id}, {"item_id", "fries"}});
  Json sent = f.hub.other(kServerPin, "send", {{"check_id", id}}).result();
  f.hub.other(
      kServerPin, "pay",
      {{"check_id", id}, {"tender", "cash"}, {"amount", sent["check"]["totals"]["balance"]}});
  ASSERT_TRUE(f.hub.other(kServerPin, "close_check", {{"check_id", id}}).ok());
  f.hub.cook(id, true);
  f.pump();
  EXPECT_EQ(f.state.changes_not_applied(), 0u);
  EXPECT_TRUE(f.state.take_checks_to_fetch().empty());
  ASSERT_NE(f.state.find_check(id), nullptr);
  EXPECT_EQ(f.state.find_check(id)->check.status, CheckStatus::closed);
  EXPECT_EQ(f.state.find_check(id)->check.lines[0].state, LineState::served);
}

TEST(TerminalState, TabsAndPickupsAreListedSoonestPromisedFirst) {
  Fed f;
  const EpochMs now = f.hub.hub().now;
  f.hub.other(kServerPin, "open_check", {{"channel", "bar_tab"}, {"tab_name", "Dana"}});
  f.hub.other(
      kServerPin, "open_check",
      {{"channel", "takeout"}, {"customer_name", "Lee"}, {"promised_at", now + 40 * 60'000}});
  f.hub.other(kServerPin, "open_check",
              {{"channel", "delivery"},
               {"customer_name", "Morgan"},
               {"customer_phone", "5550199"},
               {"promised_at", now + 20 * 60'000}});
  f.pump();
  auto orders = f.state.named_orders();
  ASSERT_EQ(orders.size(), 3u);
  EXPECT_EQ(orders[0]->label, "Delivery: Morgan");
  EXPECT_EQ(orders[1]->label, "Pickup: Lee");
  EXPECT_EQ(orders[2]->label, "Tab: Dana");
}

TEST(TerminalState, AStationThatHasNotAcknowledgedRaisesAnAlertUntilDismissed) {
  Fed f;
  auto opened = f.hub.other(kServerPin, "open_check",
                            {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 2}});
  std::int64_t id = opened.result()["check_id"];
  f.hub.other(kServerPin, "add_line",
              {{"check_id", id}, {"item_id", "classic-burger"}, {"modifiers", {"temp-medium"}}});
  f.hub.other(kServerPin, "send", {{"check_id", id}});
  f.hub.tick(10'000);
  f.pump();
  ASSERT_EQ(f.state.alerts().size(), 1u);
  const StationAlert& a = f.state.alerts()[0];
  EXPECT_EQ(a.station, "grill");
  EXPECT_EQ(a.label, "Table 12");
  EXPECT_EQ(a.check_id, id);
  EXPECT_EQ(f.state.station_name(a.station), "Grill");
  f.state.dismiss_alert(a.ticket_id, "grill");
  EXPECT_TRUE(f.state.alerts().empty());
}

TEST(TerminalState, ALaterSnapshotReplacesEverythingAndFinishesChecksThatClosedMeanwhile) {
  Fed f;
  auto opened = f.hub.other(kServerPin, "open_check",
                            {{"channel", "dine_in"}, {"table_id", "3"}, {"guests", 2}});
  std::int64_t id = opened.result()["check_id"];
  f.pump();
  ASSERT_EQ(f.state.open_checks().count(id), 1u);
  // The snapshot taken after a long time offline no longer has it.
  Json snapshot = Json::parse(R"({"restaurant":"R","menu":{},"floor":{},"stock":[],"checks":[]})");
  f.state.apply_snapshot(snapshot);
  EXPECT_EQ(f.state.open_checks().count(id), 0u);
  EXPECT_NE(f.state.find_check(id), nullptr);
}

TEST(TerminalState, PermissionsComeWithTheSnapshotAndFollowAManagersChange) {
  Fed f;
  f.pump();
  EXPECT_FALSE(f.state.permissions().allows(Role::host, Permission::comp));
  EXPECT_TRUE(f.state.permissions().allows(Role::server, Permission::take_payment));
  f.hub.other(kManagerPin, "set_permission",
              {{"role", "host"}, {"permission", "comp"}, {"allowed", true}});
  f.pump();
  EXPECT_TRUE(f.state.permissions().allows(Role::host, Permission::comp));
}

TEST(TerminalState, StaffAddedAndGoneFollowTheManager) {
  Fed f;
  f.pump();
  f.hub.other(kManagerPin, "save_staff",
              {{"id", "maria"}, {"name", "Maria Lopez"}, {"role", "server"}, {"pin", "4321"}});
  f.pump();
  EXPECT_EQ(f.state.staff_name("maria"), "Maria Lopez");
  f.hub.other(kManagerPin, "save_staff",
              {{"id", "maria"}, {"name", "Maria Lopez"}, {"role", "server"}, {"active", false}});
  f.pump();
  EXPECT_TRUE(std::none_of(f.state.staff().begin(), f.state.staff().end(),
                           [](const StaffMember& s) { return s.id == "maria"; }));
}
