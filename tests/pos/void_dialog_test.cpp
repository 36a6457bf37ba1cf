#include "void_dialog.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {
// Table 12 with a burger on seat 2, sent to the kitchen; the burger's line is picked.
std::int64_t burger_sent(TerminalRig& t, const std::string& pin) {
  std::int64_t check = t.seat_table(pin, "12", 4);
  t.tap("seat.2");
  t.tap("category.burgers");
  t.tap("item.classic-burger");
  t.tap("modifier.temp-medium-rare");
  t.tap("modifier.add");
  t.tap("send");
  t.tap("line." + std::to_string(t.check().check.lines.at(0).id));
  return check;
}
void type_pin(TerminalRig& t, const std::string& pad, const std::string& pin) {
  for (char d : pin) t.tap(pad + "." + d);
}
}  // namespace

TEST(VoidDialog, AServersVoidAsksForAManagersPinUpFront) {
  TerminalRig t;
  std::int64_t check = burger_sent(t, kServerPin);
  t.tap("line.void");
  const VoidDialog& dialog = t.app.order().void_dialog();
  ASSERT_TRUE(dialog.is_open());
  EXPECT_TRUE(dialog.asks_for_pin());
  EXPECT_TRUE(t.shows("void.pin.1"));
  t.tap("void.reason.0");  // Guest changed their mind
  t.tap("void.confirm");   // no PIN yet: nothing happens
  EXPECT_EQ(t.controller.last("void_line"), nullptr);
  type_pin(t, "void.pin", kManagerPin);
  t.tap("void.confirm");
  EXPECT_FALSE(dialog.is_open());
  const Line& l = t.check().check.lines.at(0);
  EXPECT_EQ(l.state, LineState::voided);
  EXPECT_EQ(l.void_reason, "Guest changed their mind");
  EXPECT_EQ(l.voided_by, "dana");  // the manager who approved it
  EXPECT_EQ(t.hub.check(check)["lines"][0]["state"], "voided");
  EXPECT_TRUE(t.check().totals.total.is_zero());
}

TEST(VoidDialog, AWrongManagerPinIsRefusedAndAskedAgain) {
  TerminalRig t;
  burger_sent(t, kServerPin);
  t.tap("line.void");
  t.tap("void.reason.2");
  type_pin(t, "void.pin", kServerPin);  // a server's PIN approves nothing
  t.tap("void.confirm");
  const VoidDialog& dialog = t.app.order().void_dialog();
  ASSERT_TRUE(dialog.is_open());
  EXPECT_EQ(dialog.approval().message(), "not a valid manager PIN");
  EXPECT_FALSE(dialog.approval().has_pin());  // cleared for the manager to type
  EXPECT_EQ(t.check().check.lines.at(0).state, LineState::sent);
  type_pin(t, "void.pin", kManagerPin);
  t.tap("void.confirm");
  EXPECT_EQ(t.check().check.lines.at(0).state, LineState::voided);
}

TEST(VoidDialog, WhenTheHubSaysForbiddenThePinPadAppears) {
  TerminalRig t;
  std::int64_t check = burger_sent(t, kServerPin);
  // A dialog that did not know the role's limits (opened as if no PIN were needed).
  VoidDialog dialog;
  Intents out;
  auto draw = [&] {
    ImGui::Begin("screen");
    dialog.draw(t.view(), out);
    ImGui::End();
    for (const auto& i : out) t.app.handle(i, t.now);
    out.clear();
    t.controller.poll(t.now);
  };
  dialog.open(check, t.check().check.lines.at(0), /*manager_needed=*/false);
  t.ui.frame(draw);
  EXPECT_FALSE(dialog.asks_for_pin());
  t.ui.tap("void.reason.1", draw);
  t.ui.tap("void.confirm", draw);
  t.ui.frame(draw);
  EXPECT_TRUE(dialog.asks_for_pin());
  EXPECT_EQ(dialog.approval().message(),
            "voiding a sent line needs a manager: enter a manager's PIN to approve");
  EXPECT_TRUE(t.ui.drawn("void.pin.1"));
}

TEST(VoidDialog, AManagerVoidsWithoutAnotherPinAndCanVoidPartOfALine) {
  TerminalRig t;
  t.seat_table(kManagerPin, "12", 4);
  t.tap("category.beer");
  t.tap("quantity.more");
  t.tap("quantity.more");
  t.tap("item.beer-ipa");  // 3 beers
  t.tap("send");
  t.tap("line." + std::to_string(t.check().check.lines.at(0).id));
  t.tap("line.void");
  EXPECT_FALSE(t.app.order().void_dialog().asks_for_pin());
  t.tap("void.quantity.1");
  t.tap("void.reason.1");
  t.tap("void.confirm");
  const Line& l = t.check().check.lines.at(0);
  EXPECT_EQ(l.voided_quantity, 1);
  EXPECT_EQ(l.live_quantity(), 2);
  EXPECT_EQ(l.state, LineState::sent);
}

TEST(VoidDialog, AnotherReasonIsTypedOnTheKeyboard) {
  TerminalRig t;
  burger_sent(t, kManagerPin);
  t.tap("line.void");
  t.tap("void.other");
  for (const char* k : {"W", "R", "O", "N", "G", "space", "T", "A", "B", "L", "E"})
    t.tap(std::string("void.text.") + k);
  t.tap("void.confirm");
  EXPECT_EQ(t.check().check.lines.at(0).void_reason, "Wrong table");
}
