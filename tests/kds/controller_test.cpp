// The controller: what a cook asks for becomes the right hub commands, the hub's answer
// comes back to the board, and refusals are said in words. The hub here is real (the
// OrderService, no sockets): each command is handled as it is sent.
#include "kds/controller.h"

#include <gtest/gtest.h>

#include "kitchen_hub.h"

namespace brigade::kds::testing {
namespace {

std::vector<std::string> types(const KitchenHub::Screen& s) {
  std::vector<std::string> out;
  for (const auto& [type, args] : s.sent) out.push_back(type);
  return out;
}

// A grill screen with one burger on it: where most of these start.
class GrillWithABurger : public ::testing::Test {
 protected:
  void SetUp() override {
    grill.start();
    order = hub.order("12", {"classic-burger:temp-medium"});
    grill.pump();
    id = order.tickets[0];
  }
  KitchenHub hub;
  KitchenHub::Screen grill{hub, station({"grill"})};
  Order order;
  std::int64_t id = 0;
};

TEST(KitchenController, ABumpAtAStationBumpsEachOfItsStationsAndTheTicketLeavesAtOnce) {
  KitchenHub hub;
  KitchenHub::Screen both(hub, station({"grill", "fryer"}));
  both.start();
  Order t = hub.order("12", {"steak-frites:temp-medium", "beer-ipa"});
  both.pump();
  const std::int64_t id = t.tickets[0];
  both.controller.handle(BumpTicket{id});
  EXPECT_TRUE(both.board.tickets().empty()) << "gone from the screen before the hub answers";
  EXPECT_EQ(types(both), (std::vector<std::string>{"bump", "bump"}));
  EXPECT_EQ(both.sent[0].second, (Json{{"ticket_id", id}, {"station", "grill"}}));
  EXPECT_EQ(both.sent[1].second, (Json{{"ticket_id", id}, {"station", "fryer"}}));
  both.pump();
  EXPECT_TRUE(both.board.tickets().empty());
  EXPECT_EQ(both.board.recently_bumped().front().ticket_id, id);
  EXPECT_EQ(both.controller.message(), "");

  both.controller.handle(BumpTicket{id});  // a double tap on a card that is gone
  EXPECT_EQ(both.sent.size(), 2u);
}

TEST(KitchenController, ABumpAtExpoServesTheTicketAndTheCheckShowsItServed) {
  KitchenHub hub;
  KitchenHub::Screen pass(hub, expo());
  pass.start();
  Order t = hub.order("12", {"classic-burger:temp-medium"});
  pass.pump();
  pass.controller.handle(BumpTicket{t.tickets[0]});
  ASSERT_EQ(types(pass), std::vector<std::string>{"serve"});
  pass.pump();
  EXPECT_TRUE(pass.board.tickets().empty());
  EXPECT_EQ(hub.check(t.check_id)["lines"][0]["state"], "served");
}

TEST(KitchenController, AHeldTicketCannotBeBumpedAndTheCookIsToldWhy) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  Order t = hub.order("12", {"shrimp-cocktail", "classic-burger:temp-medium"}, {"mains"});
  grill.pump();
  ASSERT_EQ(grill.board.tickets().size(), 1u);
  grill.controller.handle(BumpTicket{grill.board.tickets()[0]->id});
  EXPECT_TRUE(grill.sent.empty());
  EXPECT_EQ(grill.controller.message(),
            "Table 12 #1 is on hold: the server fires it from the terminal");
  EXPECT_EQ(grill.board.tickets().size(), 1u);
  (void)t;
}

TEST(KitchenController, TouchingALineMarksItDoneAtThisScreensStationsAndAgainUndoesIt) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  Order t = hub.order("12", {"steak-frites:temp-medium", "ribeye:temp-rare"});
  grill.pump();
  const std::int64_t id = t.tickets[0];
  grill.controller.handle(BumpLine{id, t.lines[0], true});
  ASSERT_EQ(types(grill), std::vector<std::string>{"item_bump"});
  EXPECT_EQ(
      grill.sent[0].second,
      (Json{{"ticket_id", id}, {"line_id", t.lines[0]}, {"station", "grill"}, {"done", true}}));
  grill.pump();
  const Ticket* ticket = grill.board.find(id);
  EXPECT_TRUE(grill.board.line_done(*ticket, *ticket->line(t.lines[0])));
  grill.controller.handle(BumpLine{id, t.lines[0], false});
  grill.pump();
  ticket = grill.board.find(id);
  EXPECT_FALSE(grill.board.line_done(*ticket, *ticket->line(t.lines[0])));
}

TEST_F(GrillWithABurger, RecallBringsABumpedTicketBackAtThisStationOrFromServedAtExpo) {
  KitchenHub::Screen pass(hub, expo());
  pass.start();
  grill.controller.handle(BumpTicket{id});
  grill.pump();
  grill.controller.handle(RecallTicket{id});
  EXPECT_EQ(grill.sent.back().second, (Json{{"ticket_id", id}, {"station", "grill"}}));
  grill.pump();
  EXPECT_EQ(ids(grill.board), std::vector<std::int64_t>{id});

  pass.pump();
  pass.controller.handle(BumpTicket{id});
  pass.pump();
  grill.pump();
  EXPECT_TRUE(grill.board.tickets().empty()) << "served at expo";
  grill.controller.handle(RecallTicket{id});
  EXPECT_EQ(grill.controller.message(), "ticket 1 has left the kitchen: it can't be recalled here");
  pass.controller.handle(RecallTicket{id});
  EXPECT_EQ(pass.sent.back(), (std::pair<std::string, Json>{"recall", {{"ticket_id", id}}}));
  pass.pump();
  EXPECT_EQ(ids(pass.board), std::vector<std::int64_t>{id});
}

TEST_F(GrillWithABurger, EveryTicketOnTheScreensBoardIsAcknowledgedToTheHub) {
  grill.controller.run({{}, {id}, {id}});
  ASSERT_EQ(types(grill), std::vector<std::string>{"ack_ticket"});
  grill.pump();
  EXPECT_NE(grill.board.find(id)->station("grill")->acknowledged_at, 0);
  grill.controller.run({{}, {id}, {id}});
  EXPECT_EQ(grill.sent.size(), 1u) << "once";
  // A screen that restarts does not acknowledge again what the hub has.
  KitchenHub::Screen rebooted(hub, station({"grill"}));
  rebooted.start();
  rebooted.controller.run({{}, {id}, {id}});
  EXPECT_TRUE(rebooted.sent.empty());
}

TEST_F(GrillWithABurger, ABumpOfATicketServedMeanwhileDoesNotBringItBack) {
  // Expo serves it first; this screen has not heard yet and bumps.
  hub.kitchen("serve", {{"ticket_id", id}});
  grill.controller.handle(BumpTicket{id});
  EXPECT_TRUE(grill.board.tickets().empty());
  grill.pump();  // the hub's answer, then its events
  EXPECT_TRUE(grill.board.tickets().empty());
  EXPECT_TRUE(grill.board.recently_bumped().empty()) << "served: gone from the kitchen";
}

TEST_F(GrillWithABurger, OnlyWhatTheCookDidCountsAsWaitingToBeSent) {
  std::vector<std::string> ids;
  Controller controller(grill.board, [&](const std::string& type, const Json&) {
    ids.push_back(type + "-" + std::to_string(ids.size()));
    return ids.back();
  });
  controller.sync_clock();
  controller.run({{}, {id}, {id}});  // an acknowledgement
  EXPECT_EQ(controller.waiting(), 0u);
  controller.handle(BumpTicket{id});
  EXPECT_EQ(controller.waiting(), 1u);
  controller.answered({ids.back(), "bump", true, {}, "", ""});
  EXPECT_EQ(controller.waiting(), 0u);
}

TEST_F(GrillWithABurger, RefusalsAreSaidInWordsAndUndoTheBump) {
  std::string sent_id;
  Controller controller(grill.board, [&](const std::string&, const Json&) {
    sent_id = "cmd-1";
    return sent_id;
  });
  controller.handle(BumpTicket{id});
  EXPECT_TRUE(grill.board.tickets().empty());
  controller.answered({sent_id, "bump", false, {}, "hub_unreachable", "no answer from the hub"});
  EXPECT_EQ(ids(grill.board), std::vector<std::int64_t>{id});
  EXPECT_EQ(controller.message(), "The hub refused to bump Table 12 #1: no answer from the hub");
}

TEST(KitchenController, TimersCountOnTheHubsClock) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  Board board(station({"grill"}));
  EpochMs local = hub.now() - 42'000;  // this screen's clock is 42 s behind the hub's
  std::string id;
  Controller controller(
      board, [&](const std::string& type, const Json&) { return id = type + "-1"; },
      [&] { return local; });
  controller.sync_clock();
  EXPECT_EQ(id, "hello-1");
  controller.answered({id, "hello", true, {{"time", hub.now()}}, "", ""});
  EXPECT_EQ(controller.hub_now(), hub.now());
  local += 1000;
  EXPECT_EQ(controller.hub_now(), hub.now() + 1000);
}

}  // namespace
}  // namespace brigade::kds::testing
