#include "keypad.h"

#include <gtest/gtest.h>

#include "brigade/ui/headless.h"
#include "text_entry.h"

using namespace brigade;
using namespace brigade::terminal;

TEST(Keypad, MoneyIsTypedInCentsFromTheRight) {
  ui::Headless ui;
  Keypad pad(Keypad::Kind::money, 7);
  auto draw = [&] {
    ImGui::Begin("screen");
    pad.draw("pad", {300, 300});
    ImGui::End();
  };
  ui.frame(draw);  // a new window sizes itself on its first frames
  ui.frame(draw);
  for (const char* k : {"pad.0", "pad.1", "pad.2", "pad.5", "pad.0"}) ui.tap(k, draw);
  EXPECT_EQ(pad.money(), Money::cents(1250));  // the leading zero is not taken
  EXPECT_EQ(pad.display(), "$12.50");
  ui.tap("pad.back", draw);
  EXPECT_EQ(pad.display(), "$1.25");
  ui.tap("pad.clear", draw);
  EXPECT_EQ(pad.money(), Money::zero());
}

TEST(Keypad, APinShowsOnlyStarsAndAKeyboardTypesToo) {
  ui::Headless ui;
  Keypad pad(Keypad::Kind::pin, 6);
  bool entered = false;
  auto draw = [&] {
    ImGui::Begin("screen");
    entered = pad.draw("pin", {300, 300}, "Log in") || entered;
    ImGui::End();
  };
  ui.frame(draw);
  ui.frame(draw);
  ui.tap("pin.4", draw);
  ui.press(ui::key::digit_0 + 4, draw);
  ui.press(ui::key::keypad_0 + 4, draw);
  ui.tap("pin.4", draw);
  EXPECT_EQ(pad.digits(), "4444");
  EXPECT_EQ(pad.display(), "* * * *");
  ui.press(ui::key::enter, draw);
  EXPECT_TRUE(entered);
}

TEST(TextEntry, NamesTakeACapitalOnEachWordSentencesOnTheFirst) {
  ui::Headless ui;
  TextEntry name(40, TextEntry::Capitals::words);
  TextEntry reason(40);
  auto draw = [&] {
    ImGui::Begin("screen");
    name.draw("name", {800, 300});
    reason.draw("reason", {800, 300});
    ImGui::End();
  };
  ui.frame(draw);
  ui.frame(draw);
  for (const char* k : {"J", "O", "space", "L", "E", "E"}) ui.tap(std::string("name.") + k, draw);
  EXPECT_EQ(name.text(), "Jo Lee");
  for (const char* k : {"N", "O", "space", "S", "A", "L", "T"})
    ui.tap(std::string("reason.") + k, draw);
  EXPECT_EQ(reason.text(), "No salt");
  ui.tap("reason.delete", draw);
  EXPECT_EQ(reason.text(), "No sal");
}
