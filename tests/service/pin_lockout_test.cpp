// Wrong PINs (issue 9): after 5 in a row a device (logins) or a staff member (approval
// PINs) waits before its next PIN is even checked, twice as long after each further
// wrong one; each lock raises pin.locked_out on the alert topic; a right PIN once the
// wait is over works and starts the count again.
#include <gtest/gtest.h>

#include <algorithm>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

constexpr std::int64_t kSecond = 1000;

// The pin.locked_out events of a reply, checking that they go out on the alert topic.
std::vector<Json> lock_alerts(const Reply& r) {
  std::vector<Json> out;
  for (const auto& p : r.publications) {
    Json message = Json::parse(p.body);
    if (message["type"] != "pin.locked_out") continue;
    EXPECT_EQ(p.topic, "alert");
    out.push_back(message["body"]);
  }
  return out;
}

class PinLockout : public ::testing::Test {
 protected:
  std::vector<std::string> audit;
  ServiceHub hub{audited_into(audit)};
  Device thief{hub, "pos-9"};
};

// Regression (issue 9): 10,000 logins on one connection found every 4-digit PIN in under
// 5 s, and the right PIN worked straight after.
TEST_F(PinLockout, FiftyWrongPinsAreSlowedDownAndRaiseAnAlert) {
  // Fifty guesses at once: five are checked, the other 45 are not even looked at.
  int checked = 0, locked = 0;
  std::vector<Json> alerts;
  for (int guess = 0; guess < 50; ++guess) {
    Reply r = thief.login("50" + std::to_string(10 + guess));
    if (r.code() == "wrong_pin") ++checked;
    if (r.code() == "locked_out") {
      ++locked;
      EXPECT_EQ(r.message(), "too many wrong PINs: wait 2 s and try again");
    }
    for (auto& a : lock_alerts(r)) alerts.push_back(a);
  }
  EXPECT_EQ(checked, 5);
  EXPECT_EQ(locked, 45);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["locked"], "device");
  EXPECT_EQ(alerts[0]["device"], "pos-9");
  EXPECT_EQ(alerts[0]["doing"], "login");
  EXPECT_EQ(alerts[0]["wrong_pins"], 5);
  EXPECT_EQ(alerts[0]["wait_ms"], 2 * kSecond);
  EXPECT_EQ(alerts[0]["until"], hub.now + 2 * kSecond);
  EXPECT_NE(std::find(audit.begin(), audit.end(),
                      "device 'pos-9': 5 wrong PINs in a row, no PIN checked for 2 s"),
            audit.end());

  // While the device waits, even the right PIN is refused: waiting is what slows a search.
  EXPECT_EQ(thief.login(kServerPin).code(), "locked_out");
  // Other terminals are not held up.
  Device bar(hub, "pos-bar");
  ASSERT_TRUE(bar.login(kBartenderPin).ok());

  // The lock is over: the right PIN works, and the count starts again.
  hub.now += 2 * kSecond;
  Reply in = thief.login(kServerPin);
  ASSERT_TRUE(in.ok()) << in.message();
  EXPECT_EQ(in.result()["staff"]["id"], "sam");
  EXPECT_EQ(thief.login("5099").code(), "wrong_pin");
}

TEST_F(PinLockout, EachFurtherWrongPinDoublesTheWaitUpToFiveMinutes) {
  // A thief who waits exactly as long as told, guess after guess.
  const brigade::EpochMs start = hub.now;
  std::vector<std::int64_t> waits;
  for (int guess = 0; guess < 50; ++guess) {
    Reply r = thief.login("60" + std::to_string(10 + guess));
    ASSERT_EQ(r.code(), "wrong_pin") << "guess " << guess << ": " << r.message();
    for (auto& a : lock_alerts(r)) waits.push_back(a["wait_ms"]);
    if (!waits.empty()) hub.now += waits.back();
  }
  ASSERT_EQ(waits.size(), 46u) << "every wrong PIN from the fifth on locks, and says so";
  EXPECT_EQ(waits[0], 2 * kSecond);
  EXPECT_EQ(waits[1], 4 * kSecond);
  EXPECT_EQ(waits[2], 8 * kSecond);
  EXPECT_EQ(waits[7], 256 * kSecond);
  EXPECT_EQ(waits[8], 300 * kSecond);
  EXPECT_EQ(waits.back(), 300 * kSecond);
  // Fifty guesses take over three hours, where 10,000 took 5 seconds.
  EXPECT_GT(hub.now - start, 3 * 3600 * kSecond);
}

TEST_F(PinLockout, ARightPinStartsTheCountAgain) {
  for (int round = 0; round < 3; ++round) {
    for (int guess = 0; guess < 4; ++guess) EXPECT_EQ(thief.login("0000").code(), "wrong_pin");
    Reply in = thief.login(kServerPin);
    ASSERT_TRUE(in.ok()) << in.message();
    EXPECT_TRUE(lock_alerts(in).empty());
  }
}

TEST_F(PinLockout, TheAlertIsKeptInTheLogThoughTheLoginWasRefused) {
  for (int guess = 0; guess < 5; ++guess) thief.login("0000");
  std::vector<brigade::store::TopicEvent> events =
      hub.store().events_since(0, std::vector<std::string>{"alert"}, 10);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.type, "pin.locked_out");
  EXPECT_EQ(Json::parse(events[0].event.body)["device"], "pos-9");
}

// A server trying manager PINs: counted against him and his terminal, whichever terminal
// he moves to; a manager's own approvals elsewhere are not held up.
TEST_F(PinLockout, WrongApprovalPinsLockTheStaffMemberMakingThem) {
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  const std::int64_t check = open_table(floor, "5", 2);
  const std::int64_t fries = add_item(floor, check, "fries");
  send_check(floor, check);
  auto comp = [&](Device& d, const std::string& pin) {
    return d.call("discount",
                  {{"check_id", check}, {"line_id", fries}, {"kind", "comp"}, {"reason", "cold"}},
                  pin);
  };

  std::vector<Json> alerts;
  for (int guess = 0; guess < 5; ++guess) {
    Reply r = comp(floor, "80" + std::to_string(10 + guess));
    EXPECT_EQ(r.code(), "wrong_pin");
    EXPECT_EQ(r.message(), "not a valid manager PIN");
    for (auto& a : lock_alerts(r)) alerts.push_back(a);
  }
  ASSERT_EQ(alerts.size(), 2u) << "the staff member and the device";
  EXPECT_EQ(alerts[0]["locked"], "device");
  EXPECT_EQ(alerts[1]["locked"], "staff");
  EXPECT_EQ(alerts[1]["staff"]["id"], "sam");
  EXPECT_EQ(alerts[1]["doing"], "approval");

  Reply refused = comp(floor, kManagerPin);
  EXPECT_EQ(refused.code(), "locked_out");
  EXPECT_EQ(refused.message(), "too many wrong PINs: wait 2 s and try again");

  // On another terminal he is still the one who guessed.
  Device other(hub, "pos-2");
  ASSERT_TRUE(other.login(kServerPin).ok());
  EXPECT_EQ(comp(other, kManagerPin).code(), "locked_out");
  // Another server there is not.
  Device third(hub, "pos-3");
  ASSERT_TRUE(third.login(kBartenderPin).ok());
  Reply lent = comp(third, kManagerPin);
  ASSERT_TRUE(lent.ok()) << lent.message();

  hub.now += 2 * kSecond;
  const std::int64_t rings = add_item(floor, check, "onion-rings");
  send_check(floor, check);
  Reply approved = floor.call(
      "discount", {{"check_id", check}, {"line_id", rings}, {"kind", "comp"}, {"reason", "cold"}},
      kManagerPin);
  ASSERT_TRUE(approved.ok()) << approved.message();
}

}  // namespace
