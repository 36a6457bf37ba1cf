#include "login_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::TerminalRig;

TEST(LoginScreen, TheKeypadLogsInWithThePinTyped) {
  TerminalRig t;
  ASSERT_EQ(t.app.screen(), Screen::login);
  for (char d : std::string("1111")) t.tap(std::string("pin.") + d);
  EXPECT_TRUE(t.shows("pin.enter"));
  t.tap("pin.enter");
  ASSERT_TRUE(t.controller.logged_in());
  EXPECT_EQ(t.controller.staff()->name, "Sam Ortiz");
  EXPECT_EQ(t.app.screen(), Screen::floor);
}

TEST(LoginScreen, AWrongPinSaysSoAndStaysOnTheKeypad) {
  TerminalRig t;
  t.log_in("9999");
  EXPECT_FALSE(t.controller.logged_in());
  EXPECT_EQ(t.app.screen(), Screen::login);
  const CommandRecord* login = t.controller.last("login");
  ASSERT_NE(login, nullptr);
  EXPECT_EQ(login->code, "wrong_pin");
  EXPECT_EQ(login->message, "that PIN belongs to nobody: try again");
}

TEST(LoginScreen, ClearEmptiesThePinAndEnterNeedsDigits) {
  TerminalRig t;
  t.tap("pin.1");
  t.tap("pin.2");
  t.tap("pin.clear");
  t.tap("pin.enter");  // nothing typed: the key does nothing
  EXPECT_EQ(t.controller.last("login"), nullptr);
}

TEST(LoginScreen, LogOutReturnsToTheKeypad) {
  TerminalRig t;
  t.log_in("1111");
  ASSERT_TRUE(t.controller.logged_in());
  t.tap("nav.logout");
  EXPECT_FALSE(t.controller.logged_in());
  EXPECT_EQ(t.app.screen(), Screen::login);
  EXPECT_EQ(t.controller.last("logout")->state, CommandRecord::State::done);
}

TEST(LoginScreen, AnIdleTerminalLogsItselfOutAndSaysWhy) {
  TerminalRig t({/*idle_logout_s=*/60});
  t.log_in("1111");
  ASSERT_TRUE(t.controller.logged_in());
  t.now += 59'000;
  t.frame();
  EXPECT_TRUE(t.controller.logged_in());
  t.now += 2'000;
  t.frame();
  EXPECT_FALSE(t.controller.logged_in());
  EXPECT_EQ(t.app.screen(), Screen::login);
  EXPECT_EQ(t.app.login().message(), "Logged out: the terminal was idle.");
}

TEST(LoginScreen, ATouchKeepsTheSessionAlive) {
  TerminalRig t({/*idle_logout_s=*/60});
  t.log_in("1111");
  t.now += 50'000;
  t.tap("room.patio");
  t.now += 50'000;
  t.frame();
  EXPECT_TRUE(t.controller.logged_in());
}

TEST(LoginScreen, ThePadPunchesTheTimeClockWithoutLoggingIn) {
  TerminalRig t;
  for (char d : std::string("1111")) t.tap(std::string("pin.") + d);
  t.tap("clock.in");
  EXPECT_FALSE(t.controller.logged_in());
  EXPECT_EQ(t.app.screen(), Screen::login);
  const CommandRecord* in = t.controller.last("clock");
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(in->state, CommandRecord::State::done) << in->message;
  EXPECT_EQ(in->result["state"], "on");
  // Twice is refused, and the pad says why.
  for (char d : std::string("1111")) t.tap(std::string("pin.") + d);
  t.tap("clock.in");
  EXPECT_EQ(t.controller.last("clock")->message, "Sam Ortiz is already clocked in");
  // No PIN typed: the clock buttons wait for one.
  t.tap("clock.out");
  EXPECT_EQ(t.controller.last("clock")->message, "Sam Ortiz is already clocked in");
  for (char d : std::string("1111")) t.tap(std::string("pin.") + d);
  t.tap("clock.out");
  EXPECT_EQ(t.controller.last("clock")->result["state"], "off");
}
