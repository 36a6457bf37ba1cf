#include "terminal_app.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;
using namespace std::chrono_literals;

TEST(TerminalApp, TheOfflineBannerAppearsWithTheTimeSinceContact) {
  TerminalRig t;
  t.log_in(kServerPin);
  EXPECT_FALSE(t.shows("connection-banner"));
  t.hub.go_offline(7s);
  EXPECT_TRUE(t.shows("connection-banner"));
  EXPECT_EQ(ui::connection_text({t.controller.online(), t.controller.since_contact(),
                                 t.controller.pending_count()}),
            "OFFLINE: no contact with the hub for 7 s. Nothing is lost: it is sent when the hub "
            "is back.");
  t.hub.come_back();
  EXPECT_FALSE(t.shows("connection-banner"));
}

TEST(TerminalApp, TheOfflineBannerIsUpOnEveryScreen) {
  TerminalRig t;
  t.hub.go_offline(5s);
  EXPECT_TRUE(t.shows("connection-banner"));  // the login screen too
  t.hub.come_back();
  t.log_in(kServerPin);
  t.hub.go_offline(5s);
  for (const char* nav : {"nav.stock", "nav.floor"}) {
    t.tap(nav);
    EXPECT_TRUE(t.shows("connection-banner")) << nav;
  }
}

TEST(TerminalApp, ATableOpenedWhileOfflineOpensOnceWhenTheHubIsBack) {
  TerminalRig t;
  t.log_in(kServerPin);
  t.hub.go_offline(3s);
  t.tap("table.12");
  t.tap("guests.2");
  EXPECT_EQ(t.app.screen(), Screen::floor);  // still waiting for the hub
  EXPECT_EQ(t.controller.pending_count(), 1u);
  t.hub.lose_replies(true);
  t.hub.come_back();
  t.frame();
  EXPECT_EQ(t.app.screen(), Screen::order);
  EXPECT_EQ(t.state.checks_at_table("12").size(), 1u);
}

TEST(TerminalApp, AHubRefusalIsToldOnTheMessageStrip) {
  TerminalRig t;
  std::int64_t check = t.seat_table(kServerPin, "12", 2);
  t.hub.other("1234", "set_stock", {{"item_id", "short-rib"}, {"remaining", 1}});
  t.app.handle(AddLine{check, LineRequest{"short-rib", 2, 1, std::nullopt, {}, ""}, ""}, t.now);
  EXPECT_TRUE(t.shows("notice"));
  EXPECT_NE(t.controller.notice()->text.find("short rib"), std::string::npos)
      << t.controller.notice()->text;
  t.tap("notice.ok");
  EXPECT_FALSE(t.shows("notice"));
}

TEST(TerminalApp, StartUpStepsGoThroughTheSameIntentsAsTaps) {
  TerminalRig t;
  StartUp s;
  s.pin = kServerPin;
  s.table = "12";
  s.guests = 3;
  s.item = "classic-burger";
  s.modifiers = {"temp-medium-rare"};
  t.app.start_up(s);
  for (int i = 0; i < 12 && !t.app.settled(); ++i) {
    t.now += 200;
    t.frame();
  }
  EXPECT_TRUE(t.controller.logged_in());
  EXPECT_EQ(t.app.screen(), Screen::order);
  EXPECT_EQ(t.check().check.guests, 3);
  EXPECT_TRUE(t.app.order().modifier_dialog().is_open());
  EXPECT_EQ(t.app.order().modifier_dialog().chosen(), std::vector<std::string>{"temp-medium-rare"});
}

TEST(TerminalApp, LoggingOutWithADialogOpenLeavesNothingInTheWayOfTheKeypad) {
  TerminalRig t({/*idle_logout_s=*/30});
  std::int64_t check = t.seat_table(kServerPin, "12", 2);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  t.tap("send");
  t.tap("pay");
  t.tap("cash.exact");
  ASSERT_TRUE(t.app.payment().change_due_shown());
  t.now += 31'000;
  t.frame();
  ASSERT_EQ(t.app.screen(), Screen::login);
  t.log_in(kServerPin);
  EXPECT_TRUE(t.controller.logged_in());
  EXPECT_EQ(t.app.screen(), Screen::floor);
  // Back on the check's payment: the old change screen does not come back.
  t.tap("table.12");
  t.tap("pay");
  EXPECT_FALSE(t.app.payment().change_due_shown());
  EXPECT_EQ(t.app.check_id(), check);
}

TEST(TerminalApp, LeavingAScreenClosesEveryDialogItOwns) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 2);
  t.tap("category.beer");
  t.tap("item.beer-ipa");
  t.tap("line." + std::to_string(t.check().check.lines.at(0).id));
  t.tap("line.note");
  ASSERT_TRUE(t.shows("note.save"));
  t.app.handle(ShowFloor{}, t.now);  // not a tap: the modal holds the input
  t.frame();
  EXPECT_FALSE(t.shows("note.save"));
  t.tap("table.12");
  EXPECT_FALSE(t.shows("note.save"));  // back on the check: the note dialog stays shut

  t.tap("pay");
  t.tap("split.by_item");
  ASSERT_TRUE(t.shows("items.apply"));
  t.app.handle(ShowFloor{}, t.now);
  t.frame();
  t.tap("table.12");
  t.tap("pay");
  EXPECT_FALSE(t.shows("items.apply"));
}

TEST(TerminalApp, AManagerIsToldWhenSomeoneKeepsTypingWrongPins) {
  TerminalRig t;
  t.log_in(brigade::testing::kManagerPin);
  EXPECT_FALSE(t.shows("alert.pin"));
  // Someone at pos-9 tries PINs; the fifth wrong one locks that terminal.
  brigade::testing::Device thief(t.hub.hub(), "pos-9");
  for (int i = 0; i < 5; ++i) t.hub.published(thief.login("0000"));
  t.frame();  // the feed reaches the state
  ASSERT_EQ(t.state.lockouts().size(), 1u);
  EXPECT_EQ(t.state.lockouts()[0].device, "pos-9");
  EXPECT_EQ(t.state.lockouts()[0].wrong_pins, 5);
  EXPECT_TRUE(t.shows("alert.pin"));
  t.tap("alert.pin.ok");
  EXPECT_FALSE(t.shows("alert.pin"));
}

TEST(TerminalApp, AServerIsNotShownPinLockouts) {
  TerminalRig t;
  t.log_in(kServerPin);
  brigade::testing::Device thief(t.hub.hub(), "pos-9");
  for (int i = 0; i < 5; ++i) t.hub.published(thief.login("0000"));
  t.frame();  // the feed reaches the state
  EXPECT_EQ(t.state.lockouts().size(), 1u);
  EXPECT_FALSE(t.shows("alert.pin"));
}
