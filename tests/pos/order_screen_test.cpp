#include "order_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;
using namespace std::chrono_literals;

namespace {
int lines_of(TerminalRig& t, const std::string& item_id) {
  int n = 0;
  for (const Line& l : t.check().check.lines)
    if (l.item_id == item_id) ++n;
  return n;
}
}  // namespace

TEST(OrderScreen, AnItemWithoutChoicesGoesOnTheSeatPickedInOneTap) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 4);
  ASSERT_EQ(t.app.screen(), Screen::order);
  t.tap("seat.3");
  t.tap("category.soft-drinks");
  t.tap("item.lemonade");
  ASSERT_EQ(t.check().check.lines.size(), 1u);
  const Line& l = t.check().check.lines[0];
  EXPECT_EQ(l.item_id, "lemonade");
  EXPECT_EQ(l.seat, 3);
  EXPECT_EQ(l.course, Course::drinks);
  EXPECT_EQ(l.state, LineState::new_);
  // Drawn as an unsent line of seat 3.
  EXPECT_TRUE(t.shows("line." + std::to_string(l.id)));
}

TEST(OrderScreen, QuantityAndCourseApplyToTheNextItem) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 4);
  t.tap("quantity.more");
  t.tap("quantity.more");
  t.tap("course.apps");
  t.tap("category.sides");
  t.tap("item.fries");
  const Line& l = t.check().check.lines.at(0);
  EXPECT_EQ(l.quantity, 3);
  EXPECT_EQ(l.course, Course::apps);
  t.tap("item.onion-rings");  // the quantity went back to one
  EXPECT_EQ(t.check().check.lines.at(1).quantity, 1);
}

TEST(OrderScreen, An86dItemIsGreyedWith86AndCannotBeAdded) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 2);
  // The manager 86's the salmon on another terminal: this one shows it at once.
  t.hub.other(kManagerPin, "eighty_six", {{"item_id", "salmon"}});
  t.tap("category.pasta-fish");
  ASSERT_TRUE(t.shows("item.salmon"));
  EXPECT_TRUE(t.state.stock_of("salmon").out());
  t.tap("item.salmon");
  EXPECT_EQ(lines_of(t, "salmon"), 0);
  EXPECT_EQ(t.controller.last("add_line"), nullptr);  // nothing was even asked of the hub
  EXPECT_FALSE(t.app.order().modifier_dialog().is_open());
  // Back on: it sells again.
  t.hub.other(kManagerPin, "un_eighty_six", {{"item_id", "salmon"}});
  t.frame();
  t.tap("item.salmon");  // salmon has an optional group: the dialog, then Add
  ASSERT_TRUE(t.app.order().modifier_dialog().is_open());
  t.tap("modifier.add");
  EXPECT_EQ(lines_of(t, "salmon"), 1);
}

TEST(OrderScreen, ACountedItemShowsWhatIsLeftLiveFromOtherTerminals) {
  TerminalRig t;
  std::int64_t check = t.seat_table(kServerPin, "12", 2);
  t.tap("category.grill");
  EXPECT_EQ(t.state.stock_of("short-rib").remaining, 12);
  t.tap("item.short-rib");
  t.frame();
  EXPECT_EQ(t.state.stock_of("short-rib").remaining, 11);
  // Another server sells two on table 5.
  auto other = t.hub.other(kServerPin, "open_check",
                           {{"channel", "dine_in"}, {"table_id", "5"}, {"guests", 2}});
  t.hub.other(
      kServerPin, "add_line",
      {{"check_id", other.result()["check_id"]}, {"item_id", "short-rib"}, {"quantity", 2}});
  t.frame();
  EXPECT_EQ(t.state.stock_of("short-rib").remaining, 9);
  EXPECT_EQ(t.app.check_id(), check);
}

TEST(OrderScreen, SendAllHoldMainsAndFireThemLater) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 2);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  t.tap("category.starters");
  t.tap("item.calamari");  // has an optional group
  t.tap("modifier.add");
  t.tap("category.burgers");
  t.tap("item.classic-burger");
  t.tap("modifier.temp-medium-rare");
  t.tap("modifier.add");
  ASSERT_EQ(t.check().check.lines.size(), 3u);
  // Hold the mains: only courses with new lines are offered, never the first.
  EXPECT_FALSE(t.shows("hold.drinks"));
  t.tap("hold.mains");
  t.tap("send");
  for (const Line& l : t.check().check.lines)
    EXPECT_EQ(l.state, l.course == Course::mains ? LineState::held : LineState::sent) << l.name;
  ASSERT_TRUE(t.shows("fire.mains"));
  t.tap("fire.mains");
  for (const Line& l : t.check().check.lines)
    EXPECT_EQ(l.state, l.course == Course::mains ? LineState::fired : LineState::sent) << l.name;
  EXPECT_FALSE(t.shows("fire.mains"));
}

TEST(OrderScreen, SentLinesShowTheirKitchenStateAsItChanges) {
  TerminalRig t;
  std::int64_t check = t.seat_table(kServerPin, "12", 2);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  t.tap("send");
  const Line& l = t.check().check.lines.at(0);
  EXPECT_EQ(line_state_words(l.state), "sent");
  t.hub.cook(check, false);
  t.frame();
  EXPECT_EQ(line_state_words(t.check().check.lines.at(0).state), "READY");
  t.hub.cook(check, true);
  t.frame();
  EXPECT_EQ(line_state_words(t.check().check.lines.at(0).state), "served");
}

TEST(OrderScreen, AnUnsentLineChangesFreelyAndIsRemovedWithoutAReason) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 2);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  const std::string row = "line." + std::to_string(t.check().check.lines.at(0).id);
  t.tap(row);
  t.tap("line.more");
  EXPECT_EQ(t.check().check.lines.at(0).quantity, 2);
  t.tap("line.note");
  t.tap("line.note.0");  // "No onion"... on a beer, but the note is the server's to make
  t.tap("note.save");
  EXPECT_EQ(t.check().check.lines.at(0).note, "No onion");
  t.tap("line.remove");  // still picked
  EXPECT_TRUE(t.check().check.lines.empty());
  EXPECT_EQ(t.controller.last("remove_line")->state, CommandRecord::State::done);
}

TEST(OrderScreen, WhileOfflineNewItemsShowAsPendingAndArriveOnceWhenBack) {
  TerminalRig t;
  std::int64_t check = t.seat_table(kServerPin, "12", 2);
  t.hub.go_offline(12s);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  t.tap("item.beer-lager");
  EXPECT_TRUE(t.check().check.lines.empty());
  auto waiting = t.controller.pending(check);
  ASSERT_EQ(waiting.size(), 2u);
  EXPECT_TRUE(t.shows("pending." + waiting[0]->id));
  EXPECT_TRUE(t.shows("connection-banner"));
  EXPECT_EQ(ui::connection_text({t.controller.online(), t.controller.since_contact(),
                                 t.controller.pending_count()}),
            "OFFLINE: no contact with the hub for 12 s. 2 waiting to be sent. Nothing is lost: it "
            "is sent when the hub is back.");
  t.hub.lose_replies(true);
  t.hub.come_back();
  t.frame();
  EXPECT_EQ(t.check().check.lines.size(), 2u);
  EXPECT_EQ(t.hub.check(check)["lines"].size(), 2u);
  EXPECT_FALSE(t.shows("connection-banner"));
}

TEST(OrderScreen, APlainWarningWhenAStationHasNotAcknowledged) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 2);
  t.tap("category.burgers");
  t.tap("item.classic-burger");
  t.tap("modifier.temp-medium");
  t.tap("modifier.add");
  t.tap("send");
  t.hub.tick(30'000);  // nobody at the grill has seen it
  t.frame();
  ASSERT_EQ(t.state.alerts().size(), 1u);
  const StationAlert& a = t.state.alerts()[0];
  const std::string name = "alert." + std::to_string(a.ticket_id) + ".grill";
  EXPECT_TRUE(t.shows(name));
  t.tap("alert.ok." + std::to_string(a.ticket_id) + ".grill");
  EXPECT_FALSE(t.shows(name));
}

TEST(OrderScreen, MoveTheCheckToAnotherTable) {
  TerminalRig t;
  std::int64_t check = t.seat_table(kServerPin, "12", 2);
  t.tap("check.actions");
  t.tap("move.13");
  EXPECT_EQ(t.check().check.table_id, "13");
  EXPECT_EQ(t.hub.check(check)["table_id"], "13");
}

TEST(OrderScreen, OrdersTakenOfflineCanBeSentAndGoInOrderWhenTheHubIsBack) {
  TerminalRig t;
  std::int64_t check = t.seat_table(kServerPin, "12", 2);
  t.hub.go_offline(20s);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  t.tap("category.desserts");
  t.tap("item.cheesecake");
  ASSERT_TRUE(t.shows("hold.dessert"));  // courses of lines not yet at the hub count too
  t.tap("hold.dessert");
  t.tap("send");
  EXPECT_EQ(t.controller.pending(check).size(), 3u);
  t.hub.come_back();
  t.frame();
  Json lines = t.hub.check(check)["lines"];
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["state"], "sent");
  EXPECT_EQ(lines[1]["state"], "held");
}

TEST(OrderScreen, TwoTablesPushedTogetherMergeIntoOneCheck) {
  TerminalRig t;
  auto other = t.hub.other(kServerPin, "open_check",
                           {{"channel", "dine_in"}, {"table_id", "13"}, {"guests", 2}});
  std::int64_t thirteen = other.result()["check_id"];
  t.hub.other(kServerPin, "add_line", {{"check_id", thirteen}, {"item_id", "beer-lager"}});
  std::int64_t twelve = t.seat_table(kServerPin, "12", 2);
  t.tap("check.actions");
  t.tap("actions.merge");
  t.tap("merge." + std::to_string(thirteen));
  EXPECT_EQ(t.check().check.lines.size(), 1u);
  EXPECT_EQ(t.hub.check(thirteen)["status"], "merged");
  EXPECT_EQ(t.app.check_id(), twelve);
}

TEST(OrderScreen, AGuestsLinesMoveToAnotherCheckAndACheckToAnotherServer) {
  TerminalRig t;
  auto tab = t.hub.other(kServerPin, "open_check", {{"channel", "bar_tab"}, {"tab_name", "Jo"}});
  std::int64_t bar = tab.result()["check_id"];
  std::int64_t twelve = t.seat_table(kServerPin, "12", 2);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  t.tap("item.beer-lager");
  const std::int64_t lager = t.check().check.lines.at(1).id;
  t.tap("check.actions");
  t.tap("actions.lines");
  t.tap("move-line." + std::to_string(lager));
  t.tap("move-to." + std::to_string(bar));
  ASSERT_EQ(t.check().check.lines.size(), 1u);
  EXPECT_EQ(t.hub.check(bar)["lines"][0]["item_id"], "beer-lager");
  t.tap("check.actions");
  t.tap("actions.server");
  t.tap("server.priya");
  EXPECT_EQ(t.hub.check(twelve)["server_id"], "priya");
}
