// The kitchen screen without a window (ui::Headless): touches and bump-bar keys become
// commands to a real hub (the OrderService, no sockets), and what the hub says comes
// back on screen: tickets leave and return, timers change colour at the thresholds,
// voids are marked, the offline banner shows.
#include "kds/kitchen_screen.h"

#include <gtest/gtest.h>

#include "brigade/ui/headless.h"
#include "brigade/ui/theme.h"
#include "kds/views.h"
#include "kitchen_hub.h"

namespace brigade::kds::testing {
namespace {

using namespace std::chrono_literals;

constexpr int kEnter = ui::key::enter;
constexpr int kKeyB = ui::key::letter_a + 1;
constexpr int kKeyR = ui::key::letter_a + 17;

// One screen as the program runs it: each frame takes what the hub sent, draws, and hands
// the cook's intents to the controller.
struct ScreenRig {
  ScreenRig(KitchenHub& hub, ScreenConfig config) : screen(hub, std::move(config)) {
    screen.start();
    now = hub.now();
  }
  KitchenHub::Screen screen;
  KitchenScreen view;
  ui::Headless ui{{1280, 800}};
  ui::Connection connection{true, 200ms, 0};
  EpochMs now = 0;
  FrameOutput last;
  std::vector<std::int64_t> drawn_ever;

  std::function<void()> draw = [this] {
    screen.pump();
    last = view.draw({&screen.board, now, connection, screen.controller.message(), "test"});
    drawn_ever.insert(drawn_ever.end(), last.displayed.begin(), last.displayed.end());
    screen.controller.run(last);
  };
  void frame() { ui.frame(draw); }
  bool tap(const std::string& name) { return ui.tap(name, draw); }
  void press(int key) { ui.press(key, draw); }
  bool shows(std::int64_t ticket_id) {
    frame();
    return ui.drawn("ticket-" + std::to_string(ticket_id));
  }
  std::vector<std::string> sent_types() const {
    std::vector<std::string> out;
    for (const auto& [type, args] : screen.sent)
      if (type != "ack_ticket") out.push_back(type);
    return out;
  }
  const Json& last_sent(const std::string& type) const {
    for (auto it = screen.sent.rbegin(); it != screen.sent.rend(); ++it)
      if (it->first == type) return it->second;
    static const Json none;
    return none;
  }
};

std::string card(std::int64_t ticket_id) {
  return "ticket-" + std::to_string(ticket_id);
}

// Whether something of colour `c` was drawn inside the widget recorded under `name`.
bool coloured(const ui::Headless& ui, const std::string& name, const ImVec4& c) {
  auto it = ui.probe().rects.find(name);
  if (it == ui.probe().rects.end()) return false;
  const ImU32 want = ui::to_u32(c);
  const ImDrawData* data = ImGui::GetDrawData();
  for (int i = 0; i < data->CmdListsCount; ++i)
    for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer)
      if (v.col == want && v.pos.x >= it->second.min.x - 1 && v.pos.x <= it->second.max.x + 1 &&
          v.pos.y >= it->second.min.y - 1 && v.pos.y <= it->second.max.y + 1)
        return true;
  return false;
}

// Two tickets on the grill, both bumped from the bump bar: the oldest first.
std::pair<Order, Order> two_bumped(KitchenHub& hub, ScreenRig& grill) {
  Order a = hub.order("1", {"classic-burger:temp-medium"});
  Order b = hub.order("2", {"ribeye:temp-rare"});
  grill.frame();
  grill.press(kEnter);
  grill.press(kEnter);
  grill.frame();
  EXPECT_TRUE(grill.screen.board.tickets().empty());
  return {a, b};
}

TEST(KitchenScreen, TouchingACardBumpsItAndItLeavesTheScreen) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  Order t = hub.order("12", {"classic-burger:temp-medium-rare"});
  const std::int64_t id = t.tickets[0];
  ASSERT_TRUE(grill.shows(id));
  ASSERT_TRUE(grill.tap(card(id)));
  EXPECT_EQ(grill.sent_types(), std::vector<std::string>{"bump"});
  EXPECT_EQ(grill.last_sent("bump"), (Json{{"ticket_id", id}, {"station", "grill"}}));
  EXPECT_FALSE(grill.shows(id));
  EXPECT_EQ(grill.screen.board.recently_bumped().front().ticket_id, id);
}

TEST(KitchenScreen, NumberKeysSelectACardAndEnterOrBBumpsIt) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  Order first = hub.order("1", {"classic-burger:temp-medium"});
  hub.wait(1000);
  Order second = hub.order("2", {"ribeye:temp-rare"});
  hub.wait(1000);
  Order third = hub.order("3", {"filet:temp-rare"});
  grill.frame();
  grill.press(ui::key::digit_0 + 2);
  EXPECT_EQ(grill.view.selected(), second.tickets[0]);
  grill.press(kEnter);
  EXPECT_EQ(grill.last_sent("bump")["ticket_id"], second.tickets[0]);
  EXPECT_FALSE(grill.shows(second.tickets[0]));
  EXPECT_TRUE(grill.shows(first.tickets[0]));
  // With nothing selected, the bump bar bumps the oldest ticket.
  grill.press(kKeyB);
  EXPECT_EQ(grill.last_sent("bump")["ticket_id"], first.tickets[0]);
  grill.press(ui::key::keypad_0 + 1);
  grill.press(ui::key::space);
  EXPECT_EQ(grill.last_sent("bump")["ticket_id"], third.tickets[0]);
  grill.frame();
  EXPECT_TRUE(grill.screen.board.tickets().empty());
}

TEST(KitchenScreen, TouchingALineMarksItDoneAndTouchingItAgainUndoesIt) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  Order t = hub.order("12", {"classic-burger:temp-medium", "ribeye:temp-rare"});
  const std::int64_t id = t.tickets[0];
  const std::string line = "line-" + std::to_string(id) + "-" + std::to_string(t.lines[1]);
  grill.frame();
  ASSERT_TRUE(grill.tap(line));
  EXPECT_EQ(
      grill.last_sent("item_bump"),
      (Json{{"ticket_id", id}, {"line_id", t.lines[1]}, {"station", "grill"}, {"done", true}}));
  grill.frame();
  const Ticket* ticket = grill.screen.board.find(id);
  EXPECT_TRUE(grill.screen.board.line_done(*ticket, *ticket->line(t.lines[1])));
  EXPECT_TRUE(grill.shows(id)) << "the ticket stays until it is bumped";
  ASSERT_TRUE(grill.tap(line));
  EXPECT_EQ(grill.last_sent("item_bump")["done"], false);
}

TEST(KitchenScreen, RRecallsTheLastBumpedAndTheListRecallsAnyOfThem) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  auto [a, b] = two_bumped(hub, grill);

  grill.press(kKeyR);
  EXPECT_EQ(grill.last_sent("recall"), (Json{{"ticket_id", b.tickets[0]}, {"station", "grill"}}));
  EXPECT_TRUE(grill.shows(b.tickets[0]));

  ASSERT_TRUE(grill.tap("recall-button"));
  EXPECT_TRUE(grill.view.recall_open());
  ASSERT_TRUE(grill.tap("recall-" + std::to_string(a.tickets[0])));
  EXPECT_EQ(grill.last_sent("recall")["ticket_id"], a.tickets[0]);
  EXPECT_FALSE(grill.view.recall_open());
  EXPECT_TRUE(grill.shows(a.tickets[0]));
  EXPECT_TRUE(grill.shows(b.tickets[0]));
  EXPECT_TRUE(grill.ui.drawn("all-day"));
}

TEST(KitchenScreen, TheRecallListAlsoAnswersItsNumberKeysAndEscape) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  auto [a, b] = two_bumped(hub, grill);
  grill.press(ui::key::letter_a + 11);  // L
  EXPECT_TRUE(grill.view.recall_open());
  EXPECT_FALSE(grill.ui.drawn("all-day"));
  grill.press(ui::key::digit_0 + 2);  // the second newest
  EXPECT_EQ(grill.last_sent("recall")["ticket_id"], a.tickets[0]);
  grill.press(ui::key::letter_a + 11);
  grill.press(ui::key::escape);
  EXPECT_FALSE(grill.view.recall_open());
  EXPECT_EQ(grill.screen.board.recently_bumped().front().ticket_id, b.tickets[0]);
}

TEST(KitchenScreen, TimersTurnFromNormalToWarningToLateAtTheStationsThresholds) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));  // the sample grill: 480 s and 900 s
  Order t = hub.order("12", {"classic-burger:temp-medium"});
  const std::string c = card(t.tickets[0]);
  const EpochMs sent = hub.now();
  struct Case {
    EpochMs at;
    ImVec4 colour;
  };
  for (const Case& k :
       {Case{sent + 479'000, urgency_colour(Urgency::normal)},
        Case{sent + 480'000, ui::colour::warning}, Case{sent + 899'000, ui::colour::warning},
        Case{sent + 900'000, ui::colour::late}}) {
    grill.now = k.at;
    grill.frame();
    EXPECT_TRUE(coloured(grill.ui, c, k.colour)) << "at " << (k.at - sent) / 1000 << " s";
    for (const ImVec4& other :
         {urgency_colour(Urgency::normal), ui::colour::warning, ui::colour::late}) {
      if (ui::to_u32(other) == ui::to_u32(k.colour)) continue;
      EXPECT_FALSE(coloured(grill.ui, c, other)) << "at " << (k.at - sent) / 1000 << " s";
    }
  }
}

TEST(KitchenScreen, AVoidedLineIsStruckThroughInRedAndMarkedVoid) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  Order t = hub.order("12", {"classic-burger:temp-medium@2", "ribeye:temp-rare@1*2"});
  hub.void_line(t, t.lines[0]);
  hub.void_line(t, t.lines[1], 1);
  grill.frame();
  const Ticket& ticket = *grill.screen.board.find(t.tickets[0]);
  auto rows = station_card_rows(grill.screen.board, ticket, 500);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[0].lead, "S2  ");
  EXPECT_EQ(rows[0].text, "1× Classic burger");
  EXPECT_TRUE(rows[0].struck);
  EXPECT_EQ(rows[0].tag, "VOID");
  EXPECT_EQ(rows[1].text, "– Medium");
  EXPECT_TRUE(rows[1].struck);
  EXPECT_EQ(rows[2].text, "void: guest changed mind");
  EXPECT_EQ(rows[3].lead, "S1  ");
  EXPECT_EQ(rows[3].struck_prefix, "2");
  EXPECT_EQ(rows[3].text, "→ 1× Bone-in ribeye, 20 oz");
  EXPECT_EQ(rows[3].tag, "QTY");
  EXPECT_FALSE(rows[3].struck);

  const std::string burger =
      "line-" + std::to_string(t.tickets[0]) + "-" + std::to_string(t.lines[0]);
  ASSERT_TRUE(grill.ui.drawn(burger));
  EXPECT_TRUE(coloured(grill.ui, burger, ui::colour::late)) << "red strike and VOID tag";
  EXPECT_TRUE(grill.shows(t.tickets[0])) << "stays until the ticket is bumped";
}

TEST(KitchenScreen, AnAdditionsLinesAreMarkedNew) {
  KitchenHub hub;
  ScreenRig cold(hub, station({"cold"}));
  Order t = hub.order("12", {"shrimp-cocktail@1"});
  hub.add(t, {"wedge@2"});
  hub.send(t);
  cold.frame();
  const Ticket& added = *cold.screen.board.find(t.tickets[1]);
  auto rows = station_card_rows(cold.screen.board, added, 500);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].text, "1× Wedge salad");
  EXPECT_EQ(rows[0].tag, "NEW");
  auto first = station_card_rows(cold.screen.board, *cold.screen.board.find(t.tickets[0]), 300);
  EXPECT_EQ(first[0].tag, "");
}

TEST(KitchenScreen, TheOfflineBannerShowsWhenTheHeartbeatStops) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  grill.frame();
  EXPECT_FALSE(grill.ui.drawn("connection-banner"));
  grill.connection = {false, 20s, 1};
  grill.frame();
  EXPECT_TRUE(grill.ui.drawn("connection-banner"));
  EXPECT_TRUE(coloured(grill.ui, "connection-banner", ui::colour::late));
  EXPECT_EQ(ui::connection_text(grill.connection),
            "OFFLINE: no contact with the hub for 20 s. 1 waiting to be sent. Nothing is lost: "
            "it is sent when the hub is back.");
}

TEST(KitchenScreen, HeldCoursesShowOnHoldAndCannotBeBumped) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  Order t = hub.order("12", {"shrimp-cocktail", "classic-burger:temp-medium"}, {"mains"});
  grill.frame();
  const std::int64_t held = grill.screen.board.tickets()[0]->id;
  EXPECT_TRUE(coloured(grill.ui, card(held), ui::colour::held));
  ASSERT_TRUE(grill.tap(card(held)));
  EXPECT_TRUE(grill.sent_types().empty());
  grill.frame();
  EXPECT_TRUE(grill.ui.drawn("message"));
  EXPECT_TRUE(grill.shows(held));
  EXPECT_TRUE(grill.screen.sent.empty()) << "a held ticket is not acknowledged before it is fired";
  hub.fire(t, "mains");
  grill.frame();
  grill.frame();
  EXPECT_EQ(grill.screen.sent.size(), 1u);
  EXPECT_EQ(grill.screen.sent[0].first, "ack_ticket");
}

TEST(KitchenScreen, ArrowsPageAndEveryTicketOnTheBoardIsAcknowledged) {
  KitchenHub hub;
  ScreenRig grill(hub, station({"grill"}));
  std::vector<std::int64_t> tickets;
  for (int i = 1; i <= 12; ++i)
    tickets.push_back(
        hub.order(std::to_string(i), {"classic-burger:temp-medium@1", "ribeye:temp-rare@2",
                                      "asparagus@3", "filet:temp-medium@4"})
            .tickets[0]);
  grill.frame();
  ASSERT_GT(grill.view.pages(), 1);
  const auto first_page = grill.last.displayed;
  ASSERT_FALSE(first_page.empty());
  EXPECT_EQ(first_page[0], tickets[0]);
  EXPECT_LT(first_page.size(), tickets.size());
  // Those on later pages too: the screen has them, one arrow away. Acknowledging only
  // the first page would raise the floor's warning (and print backups) for a busy,
  // working screen.
  std::vector<std::int64_t> acked;
  for (const auto& [type, args] : grill.screen.sent)
    if (type == "ack_ticket") acked.push_back(args["ticket_id"]);
  EXPECT_EQ(acked, tickets);
  grill.frame();  // the hub's ticket.acknowledged events are back: it has them all
  for (std::int64_t id : tickets)
    EXPECT_NE(grill.screen.board.find(id)->station("grill")->acknowledged_at, 0) << id;

  grill.press(ui::key::right);
  grill.frame();
  EXPECT_EQ(grill.view.page(), 1);
  EXPECT_EQ(grill.last.displayed.front(), tickets[first_page.size()]);
  grill.press(ui::key::left);
  grill.frame();
  EXPECT_EQ(grill.last.displayed, first_page);
  ASSERT_TRUE(grill.tap("page-next"));
  EXPECT_EQ(grill.view.page(), 1);
}

TEST(KitchenScreen, ExpoShowsEveryStationAndABumpThereServes) {
  KitchenHub hub;
  ScreenRig pass(hub, expo());
  Order t = hub.order("12", {"classic-burger:temp-medium@1", "fries@2", "beer-ipa@3"});
  const std::int64_t id = t.tickets[0];
  hub.kitchen("bump", {{"ticket_id", id}, {"station", "bar"}});
  hub.kitchen("item_bump", {{"ticket_id", id}, {"line_id", t.lines[1]}, {"station", "fryer"}});
  pass.frame();
  auto rows = expo_card_rows(pass.screen.board, *pass.screen.board.find(id), 300);
  std::vector<std::string> bands;
  for (const auto& r : rows)
    if (r.band) bands.push_back(r.text + " " + r.tag);
  EXPECT_EQ(bands, (std::vector<std::string>{"GRILL NOT SEEN", "FRYER 1 of 1 done", "BAR READY"}));
  EXPECT_TRUE(pass.sent_types().empty()) << "expo has no station to acknowledge";
  ASSERT_TRUE(pass.tap(card(id)));
  EXPECT_EQ(pass.sent_types(), std::vector<std::string>{"serve"});
  EXPECT_FALSE(pass.shows(id));
  EXPECT_EQ(hub.check(t.check_id)["lines"][0]["state"], "served");
}

TEST(KitchenScreen, BeforeTheSnapshotItSaysItIsWaitingForTheHub) {
  ui::Headless ui;
  Board board(station({"grill"}));
  KitchenScreen view;
  FrameOutput out;
  ui.frame([&] { out = view.draw({&board, 0, {false, std::nullopt, 0}, "", "tcp://hub:5555"}); });
  EXPECT_TRUE(ui.drawn("connection-banner"));
  EXPECT_TRUE(out.displayed.empty());
  ui.press(kEnter, [&] { out = view.draw({&board, 0, {false, std::nullopt, 0}, "", ""}); });
  EXPECT_TRUE(out.intents.empty());
}

}  // namespace
}  // namespace brigade::kds::testing

// Station names are shown in capitals, accents included: "Sauté" is SAUTÉ, not SAUTé.
TEST(KitchenScreen, HeadingsAreCapitalsWithTheirAccents) {
  EXPECT_EQ(brigade::kds::upper("Sauté"), "SAUTÉ");
  EXPECT_EQ(brigade::kds::upper("Cold / garde manger"), "COLD / GARDE MANGER");
  EXPECT_EQ(brigade::kds::upper("pâtisserie à côté"), "PÂTISSERIE À CÔTÉ");
  EXPECT_EQ(brigade::kds::upper("crème brûlée ÷ 2"), "CRÈME BRÛLÉE ÷ 2");
  EXPECT_EQ(brigade::kds::upper("Ärger über Öl, ß"),
            "ÄRGER ÜBER ÖL, ß");  // ß has no single capital
}
