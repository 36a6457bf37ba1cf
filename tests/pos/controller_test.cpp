#include "controller.h"

#include <gtest/gtest.h>

#include "local_hub.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::LocalHub;
using namespace std::chrono_literals;

namespace {
struct Rig {
  LocalHub hub;
  TerminalState state;
  SimulatedCardProcessor cards;
  Controller controller{hub, state, cards};
  EpochMs now = 1'795'000'000'000;

  void run(const Intent& i) {
    controller.handle(i, now);
    controller.poll(now);
  }
  std::int64_t open_table(const std::string& table, int guests) {
    CheckRequest r;
    r.table_id = table;
    r.guests = guests;
    run(OpenCheck{r});
    return controller.take_opened_check().value_or(0);
  }
  AddLine line(std::int64_t check, const std::string& item, int seat,
               std::vector<std::string> modifiers = {}) {
    LineRequest l;
    l.item_id = item;
    l.seat = seat;
    l.modifier_ids = std::move(modifiers);
    return AddLine{check, l, ""};
  }
};
}  // namespace

TEST(CommandFor, EachIntentIsExactlyTheCommandTheHubReads) {
  TerminalState state;
  LineRequest l;
  l.item_id = "classic-burger";
  l.quantity = 2;
  l.seat = 3;
  l.course = Course::mains;
  l.modifier_ids = {"temp-medium-rare", "add-bacon"};
  l.note = "no onion";
  auto add = command_for(AddLine{7, l, "Classic burger"}, state);
  ASSERT_TRUE(add);
  EXPECT_EQ(add->type, "add_line");
  EXPECT_EQ(add->args, Json::parse(R"({"check_id":7,"item_id":"classic-burger","quantity":2,
      "seat":3,"course":"mains","modifiers":["temp-medium-rare","add-bacon"],"note":"no onion"})"));
  EXPECT_EQ(add->description, "2 x Classic burger, seat 3");

  auto send = command_for(SendOrder{7, {Course::mains, Course::dessert}}, state);
  EXPECT_EQ(send->args, Json::parse(R"({"check_id":7,"hold":["mains","dessert"]})"));
  auto fire = command_for(FireCourse{7, Course::mains}, state);
  EXPECT_EQ(fire->args, Json::parse(R"({"check_id":7,"course":"mains"})"));

  auto v = command_for(VoidLine{7, 21, 1, "Guest changed their mind", "1234"}, state);
  EXPECT_EQ(v->type, "void_line");
  EXPECT_EQ(v->args,
            Json::parse(
                R"({"check_id":7,"line_id":21,"quantity":1,"reason":"Guest changed their mind"})"));
  EXPECT_EQ(v->approval_pin, "1234");

  AddDiscount d;
  d.check_id = 7;
  d.kind = DiscountKind::percent;
  d.percent_bp = 1500;
  d.reason = "Birthday";
  EXPECT_EQ(
      command_for(d, state)->args,
      Json::parse(R"({"check_id":7,"kind":"percent","percent_bp":1500,"reason":"Birthday"})"));

  SplitPlan by_item{SplitKind::by_item, 2, {{21, {1}}, {22, {1, 2}}}};
  EXPECT_EQ(command_for(SplitCheck{7, by_item}, state)->args,
            Json::parse(R"({"check_id":7,"kind":"by_item","parts":2,
                            "assignments":{"21":[1],"22":[1,2]}})"));
  EXPECT_EQ(command_for(SplitCheck{7, {SplitKind::by_seat, 0, {}}}, state)->args,
            Json::parse(R"({"check_id":7,"kind":"by_seat"})"));
  EXPECT_EQ(command_for(TakeCash{7, 2, Money::cents(5000)}, state)->args,
            Json::parse(R"({"check_id":7,"tender":"cash","amount":5000,"part":2})"));
  EXPECT_EQ(command_for(SetCount{"short-rib", 12, ""}, state)->args,
            Json::parse(R"({"item_id":"short-rib","remaining":12})"));
  EXPECT_EQ(command_for(SetCount{"short-rib", std::nullopt, ""}, state)->args,
            Json::parse(R"({"item_id":"short-rib","remaining":null})"));
  EXPECT_FALSE(command_for(ShowFloor{}, state));
}

TEST(Controller, LoggingInKeepsTheSessionAndTheRole) {
  Rig r;
  r.run(LogIn{kServerPin});
  ASSERT_TRUE(r.controller.logged_in());
  EXPECT_EQ(r.controller.staff()->role, Role::server);
  EXPECT_TRUE(r.controller.may(Permission::take_orders));
  EXPECT_FALSE(r.controller.may(Permission::void_sent_line));
  EXPECT_FALSE(r.controller.session().empty());
}

TEST(Controller, ACommandShowsAsPendingUntilTheHubAnswers) {
  Rig r;
  r.run(LogIn{kServerPin});
  std::int64_t check = r.open_table("12", 2);
  ASSERT_NE(check, 0);
  r.hub.go_offline(4s);
  r.controller.handle(r.line(check, "beer-ipa", 1), r.now);
  r.controller.poll(r.now);
  ASSERT_EQ(r.controller.pending(check).size(), 1u);
  EXPECT_EQ(r.controller.pending(check)[0]->description, "1 x West coast IPA (draft), seat 1");
  EXPECT_EQ(r.controller.pending_count(), 1u);
  EXPECT_FALSE(r.controller.online());
  r.hub.come_back();
  r.controller.poll(r.now);
  EXPECT_EQ(r.controller.pending_count(), 0u);
  EXPECT_EQ(r.state.find_check(check)->check.lines.size(), 1u);
}

TEST(Controller, NothingIsEnteredTwiceWhenTheConnectionReturns) {
  Rig r;
  r.run(LogIn{kServerPin});
  std::int64_t check = r.open_table("12", 2);
  // Offline: two burgers for two seats wait; replies that get lost are sent again.
  r.hub.go_offline(10s);
  r.controller.handle(r.line(check, "classic-burger", 1, {"temp-medium"}), r.now);
  r.controller.handle(r.line(check, "classic-burger", 2, {"temp-rare"}), r.now);
  r.hub.lose_replies(true);
  r.hub.come_back();
  r.controller.poll(r.now);
  EXPECT_EQ(r.controller.pending_count(), 0u);
  Json lines = r.hub.check(check)["lines"];
  ASSERT_EQ(lines.size(), 2u);  // two intents, two lines: not four
  EXPECT_EQ(lines[0]["seat"], 1);
  EXPECT_EQ(lines[1]["seat"], 2);
}

// A terminal offline for longer than the hub keeps replies: its retry is answered
// reply_expired. The line was added once; the terminal counts the command done (not
// refused) and says so, and the event feed has brought the line.
TEST(Controller, ARetryTooLateForItsReplyIsDoneOnceAndSaysSo) {
  Rig r;
  r.run(LogIn{kServerPin});
  std::int64_t check = r.open_table("12", 2);
  r.hub.go_offline(10s);
  r.controller.handle(r.line(check, "beer-ipa", 1), r.now);
  r.hub.lose_replies(true);
  r.hub.retry_after(25h);
  r.hub.come_back();
  r.controller.poll(r.now);
  EXPECT_EQ(r.controller.pending_count(), 0u);
  const CommandRecord* add = r.controller.last("add_line");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->state, CommandRecord::State::done);
  ASSERT_TRUE(r.controller.notice());
  EXPECT_NE(r.controller.notice()->text.find("is not done again"), std::string::npos)
      << r.controller.notice()->text;
  EXPECT_EQ(r.hub.check(check)["lines"].size(), 1u);
  EXPECT_EQ(r.state.find_check(check)->check.lines.size(), 1u);
}

// A check event names a line this terminal never had (it should not happen: the feed
// is gap-free): the terminal asks the hub for the whole check and shows it.
TEST(Controller, AChangeItCannotApplyBringsTheWholeCheck) {
  Rig r;
  r.run(LogIn{kServerPin});
  std::int64_t check = r.open_table("12", 2);
  r.run(r.line(check, "beer-ipa", 1));
  // A line added at the hub whose event this terminal never gets (as if it were lost).
  brigade::testing::Device elsewhere(r.hub.hub(), "pos-9");
  ASSERT_TRUE(elsewhere.login(kManagerPin).ok());
  ASSERT_TRUE(elsewhere.call("add_line", {{"check_id", check}, {"item_id", "fries"}}).ok());
  // The next change names that line: this terminal cannot apply it.
  r.hub.other(kManagerPin, "add_line", {{"check_id", check}, {"item_id", "calamari"}});
  r.controller.poll(r.now);
  EXPECT_EQ(r.state.changes_not_applied(), 1u);
  const CommandRecord* fetched = r.controller.last("get_check");
  ASSERT_NE(fetched, nullptr);
  EXPECT_EQ(fetched->state, CommandRecord::State::done);
  ASSERT_EQ(r.state.find_check(check)->check.lines.size(), 3u);  // the hub's check, whole
  EXPECT_EQ(r.state.find_check(check)->check.lines[1].item_id, "fries");
  r.controller.poll(r.now);
  EXPECT_EQ(r.controller.last("get_check"), fetched);  // asked once
}

TEST(Controller, ARefusalIsKeptWithTheHubsWordsAndToldOnce) {
  Rig r;
  r.run(LogIn{kServerPin});
  std::int64_t check = r.open_table("12", 2);
  r.hub.other(kManagerPin, "eighty_six", {{"item_id", "salmon"}});
  r.run(r.line(check, "salmon", 1));
  const CommandRecord* add = r.controller.last("add_line");
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->state, CommandRecord::State::refused);
  EXPECT_EQ(add->code, "item_86");
  ASSERT_TRUE(r.controller.notice());
  EXPECT_NE(r.controller.notice()->text.find("86"), std::string::npos);
  r.controller.clear_notice();
  EXPECT_FALSE(r.controller.notice());
}

TEST(Controller, AnEndedSessionSendsThePersonBackToTheKeypad) {
  Rig r;
  r.run(LogIn{kServerPin});
  std::int64_t check = r.open_table("12", 2);
  // Logged out on the hub's side, by a command this controller never saw (a session works
  // only on its own device, so it is this terminal's).
  ASSERT_TRUE(r.hub.hub()
                  .raw(protocol::make_command("x", "logout", "pos-1", r.controller.session(),
                                              Json::object()))
                  .ok());
  r.run(r.line(check, "beer-ipa", 1));
  EXPECT_FALSE(r.controller.logged_in());
  EXPECT_EQ(r.controller.take_session_end(), "Your session ended: log in again with your PIN.");
}

TEST(Controller, ADeclinedCardRecordsNothingAndARetryRecordsOnePayment) {
  Rig r;
  r.run(LogIn{kServerPin});
  std::int64_t check = r.open_table("12", 2);
  r.run(r.line(check, "beer-ipa", 1));
  r.run(SendOrder{check, {}});
  const Money due = r.state.find_check(check)->totals.balance;
  r.cards.set_decline_next(true);
  r.run(ChargeCard{check, 0, due, Money::cents(200)});
  EXPECT_EQ(r.controller.card().stage, CardStatus::Stage::declined);
  EXPECT_TRUE(r.hub.check(check)["payments"].empty());
  r.run(ChargeCard{check, 0, due, Money::cents(200)});
  EXPECT_EQ(r.controller.card().stage, CardStatus::Stage::approved);
  r.controller.poll(r.now);
  Json payments = r.hub.check(check)["payments"];
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0]["tender"], "card");
  EXPECT_EQ(payments[0]["amount"], due.in_cents());
  EXPECT_EQ(payments[0]["tip"], 200);
  EXPECT_EQ(payments[0]["reference"], "SIM-000001");
}
