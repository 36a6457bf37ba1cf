// The board, fed by a real hub's snapshot and events (no sockets, no ImGui): what a
// station's screen and the expo screen show as tickets arrive, change, are voided,
// bumped and recalled, and after a restart.
#include "kds/board.h"

#include <gtest/gtest.h>

#include "kitchen_hub.h"

namespace brigade::kds::testing {
namespace {

std::vector<std::string> line_names(const Board& board, const Ticket& ticket) {
  std::vector<std::string> out;
  for (const auto* line : board.lines_of(ticket)) out.push_back(line->name);
  return out;
}

int all_day_of(const Board& board, const std::string& item) {
  for (const auto& c : board.all_day())
    if (c.item == item) return c.count;
  return 0;
}

// Everything a cook can read off the board, to compare two boards.
std::vector<std::string> what_the_cook_sees(const Board& board) {
  std::vector<std::string> out;
  for (const Ticket* t : board.tickets()) {
    out.push_back(std::to_string(t->id) + " @" + std::to_string(t->arrived_at()) + " " +
                  describe(*t, board.lines_of(*t)));
    for (const auto* line : board.lines_of(*t))
      out.push_back("  " + line->name + (board.line_done(*t, *line) ? " done" : ""));
  }
  for (const auto& c : board.all_day())
    out.push_back(std::to_string(c.count) + " all day " + c.item);
  for (const auto& b : board.recently_bumped())
    out.push_back("bumped " + std::to_string(b.ticket_id) + " at " + std::to_string(b.bumped_at));
  return out;
}

TEST(KitchenBoard, ATicketArrivesOnTheScreensOfItsStationsWithTheirLinesOnly) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  KitchenHub::Screen fryer(hub, station({"fryer"}));
  KitchenHub::Screen pass(hub, expo());
  KitchenHub::Screen pastry(hub, station({"pastry"}));
  for (auto* s : {&grill, &fryer, &pass, &pastry}) s->start();

  Order t12 =
      hub.order("12", {"classic-burger:temp-medium-rare,add-bacon@1", "fries@2", "beer-ipa@3"});
  for (auto* s : {&grill, &fryer, &pass, &pastry}) s->pump();

  ASSERT_EQ(ids(grill.board), std::vector<std::int64_t>{t12.tickets[0]});
  const Ticket& at_grill = *grill.board.tickets()[0];
  EXPECT_EQ(at_grill.label, "Table 12");
  EXPECT_EQ(at_grill.server, "Sam Ortiz");
  EXPECT_EQ(at_grill.arrived_at(), hub.now());
  EXPECT_EQ(line_names(grill.board, at_grill), std::vector<std::string>{"Classic burger"});
  EXPECT_EQ(grill.board.lines_of(at_grill)[0]->modifiers,
            (std::vector<std::string>{"Medium rare", "Bacon"}));
  EXPECT_EQ(grill.board.lines_of(at_grill)[0]->seat, 1);
  EXPECT_EQ(line_names(fryer.board, *fryer.board.tickets()[0]),
            std::vector<std::string>{"Hand-cut fries"});
  EXPECT_EQ(line_names(pass.board, *pass.board.tickets()[0]).size(), 3u);
  EXPECT_TRUE(pastry.board.tickets().empty());

  auto notices = grill.board.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].text, "ticket " + std::to_string(t12.tickets[0]) +
                                 " appears: Table 12 #1 (drinks): 1x Classic burger [Medium rare, "
                                 "Bacon]");
}

TEST(KitchenBoard, RushTicketsComeFirstThenTheOrderTheyArrived) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  Order a = hub.order("1", {"classic-burger:temp-medium"});
  hub.wait(60'000);
  Order b = hub.order("2", {"ribeye:temp-rare"});
  hub.wait(60'000);
  Order c = hub.order("3", {"ny-strip:temp-medium"});
  grill.pump();
  EXPECT_EQ(ids(grill.board), (std::vector{a.tickets[0], b.tickets[0], c.tickets[0]}));
  hub.kitchen("rush", {{"ticket_id", c.tickets[0]}});
  grill.pump();
  EXPECT_EQ(ids(grill.board), (std::vector{c.tickets[0], a.tickets[0], b.tickets[0]}));
  EXPECT_TRUE(grill.board.find(c.tickets[0])->rush);
}

TEST(KitchenBoard, AVoidedLineStaysStruckUntilTheTicketIsBumped) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  Order t = hub.order("12", {"classic-burger:temp-medium-rare@2", "ribeye:temp-rare@1"});
  grill.pump();
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 1);
  grill.board.take_notices();

  hub.void_line(t, t.lines[0]);
  grill.pump();
  const Ticket* ticket = grill.board.find(t.tickets[0]);
  ASSERT_NE(ticket, nullptr);
  ASSERT_EQ(grill.board.tickets().size(), 1u);
  const TicketLine* burger = ticket->line(t.lines[0]);
  ASSERT_NE(burger, nullptr);
  EXPECT_TRUE(burger->voided());
  EXPECT_EQ(burger->void_reason, "guest changed mind");
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 0);
  EXPECT_EQ(all_day_of(grill.board, "Bone-in ribeye, 20 oz"), 1);
  auto notices = grill.board.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].text.find("changes (changed)"), std::string::npos) << notices[0].text;
  EXPECT_NE(notices[0].text.find("VOID 1x Classic burger"), std::string::npos) << notices[0].text;

  hub.kitchen("bump", {{"ticket_id", t.tickets[0]}, {"station", "grill"}});
  grill.pump();
  EXPECT_TRUE(grill.board.tickets().empty());
}

TEST(KitchenBoard, AQuantityChangeShowsTheOldAndTheNewQuantity) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  Order t = hub.order("7", {"classic-burger:temp-medium@1*3"});
  grill.pump();
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 3);
  hub.void_line(t, t.lines[0], 1);
  grill.pump();
  const TicketLine* line = grill.board.find(t.tickets[0])->line(t.lines[0]);
  EXPECT_TRUE(line->quantity_changed());
  EXPECT_FALSE(line->voided());
  EXPECT_EQ(line->quantity, 3);
  EXPECT_EQ(line->live_quantity(), 2);
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 2);
  EXPECT_NE(describe(*grill.board.find(t.tickets[0]),
                     grill.board.lines_of(*grill.board.find(t.tickets[0])))
                .find("3->2x Classic burger"),
            std::string::npos);
}

TEST(KitchenBoard, LinesSentAfterTheFirstSendComeAsAnAddition) {
  KitchenHub hub;
  KitchenHub::Screen cold(hub, station({"cold"}));
  KitchenHub::Screen grill(hub, station({"grill"}));
  cold.start();
  grill.start();
  Order t = hub.order("12", {"classic-burger:temp-medium@2"});
  hub.void_line(t, t.lines[0]);
  hub.add(t, {"wedge@2"});
  hub.send(t);
  cold.pump();
  grill.pump();
  ASSERT_EQ(cold.board.tickets().size(), 1u);
  EXPECT_TRUE(cold.board.tickets()[0]->addition);
  EXPECT_EQ(line_names(cold.board, *cold.board.tickets()[0]),
            std::vector<std::string>{"Wedge salad"});
  ASSERT_EQ(grill.board.tickets().size(), 1u);
  EXPECT_FALSE(grill.board.tickets()[0]->addition);
  EXPECT_TRUE(grill.board.lines_of(*grill.board.tickets()[0])[0]->voided());
}

TEST(KitchenBoard, HeldCoursesShowAsHeldOrNotAtAllUntilFired) {
  KitchenHub hub;
  KitchenHub::Screen shown(hub, station({"grill"}, true));
  KitchenHub::Screen hidden(hub, station({"grill"}, false));
  shown.start();
  hidden.start();
  Order t = hub.order(
      "12", {"shrimp-cocktail@1", "classic-burger:temp-medium@1", "ribeye:temp-rare@2"}, {"mains"});
  shown.pump();
  hidden.pump();
  ASSERT_EQ(shown.board.tickets().size(), 1u);
  EXPECT_TRUE(shown.board.held(*shown.board.tickets()[0]));
  EXPECT_TRUE(hidden.board.tickets().empty());
  EXPECT_TRUE(shown.board.all_day().empty()) << "held courses are not cooking yet";

  hub.wait(5 * 60'000);
  hub.fire(t, "mains");
  shown.pump();
  hidden.pump();
  for (auto* s : {&shown, &hidden}) {
    ASSERT_EQ(s->board.tickets().size(), 1u);
    const Ticket& fired = *s->board.tickets()[0];
    EXPECT_FALSE(s->board.held(fired));
    EXPECT_EQ(fired.arrived_at(), hub.now()) << "the timer starts at the fire";
    EXPECT_EQ(all_day_of(s->board, "Classic burger"), 1);
  }
  auto notices = hidden.board.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].text.find("appears (fired)"), std::string::npos) << notices[0].text;
}

// RESTAURANT.md, Friday night step 5: "Server fires mains. Grill sees 4 mains, its
// all-day count goes from 11 to 15 burgers."
TEST(KitchenBoard, FiringTable12sMainsTakesTheGrillsAllDayFrom11To15Burgers) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  hub.order("3", {"classic-burger:temp-medium@1*4", "classic-burger:temp-rare@2*3"});
  hub.order("5", {"classic-burger:temp-well@1*4", "ribeye:temp-rare@2"});
  Order t12 = hub.order("12",
                        {"calamari@1", "oysters@3", "classic-burger:temp-medium-rare@1",
                         "classic-burger:temp-medium-rare@2", "classic-burger:temp-medium-rare@3",
                         "classic-burger:temp-medium@4"},
                        {"mains"});
  grill.pump();
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 11);
  hub.fire(t12, "mains");
  grill.pump();
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 15);
  const Ticket* mains = grill.board.tickets().back();
  EXPECT_EQ(mains->label, "Table 12");
  EXPECT_EQ(grill.board.lines_of(*mains).size(), 4u);
}

TEST(KitchenBoard, ABumpedTicketLeavesAndTheLastTwelveCanBeRecalledNewestFirst) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  std::vector<std::int64_t> tickets;
  for (int i = 1; i <= 14; ++i)
    tickets.push_back(hub.order(std::to_string(i), {"classic-burger:temp-medium"}).tickets[0]);
  grill.pump();
  ASSERT_EQ(grill.board.tickets().size(), 14u);
  for (auto id : tickets) {
    hub.wait(1000);
    hub.kitchen("bump", {{"ticket_id", id}, {"station", "grill"}});
  }
  grill.pump();
  EXPECT_TRUE(grill.board.tickets().empty());
  const auto& bumped = grill.board.recently_bumped();
  ASSERT_EQ(bumped.size(), Board::kRecallDepth);
  for (std::size_t i = 0; i < bumped.size(); ++i)
    EXPECT_EQ(bumped[i].ticket_id, tickets[13 - i]) << "newest first, at " << i;
  EXPECT_EQ(bumped[0].bumped_at, hub.now());

  hub.kitchen("recall", {{"ticket_id", tickets[13]}, {"station", "grill"}});
  grill.pump();
  EXPECT_EQ(ids(grill.board), std::vector<std::int64_t>{tickets[13]});
  EXPECT_EQ(grill.board.recently_bumped().front().ticket_id, tickets[12]);
  EXPECT_EQ(grill.board.find(tickets[13])->arrived_at(), hub.now() - 14'000)
      << "a recalled ticket keeps its original time";
}

TEST(KitchenBoard, ItemBumpsMarkLinesDoneAndTheAllDayFollows) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  grill.start();
  Order a = hub.order("1", {"classic-burger:temp-medium@1", "classic-burger:temp-rare@2"});
  Order b = hub.order("2", {"classic-burger:temp-medium@1*2", "asparagus@1"});
  grill.pump();
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 4);
  EXPECT_EQ(all_day_of(grill.board, "Grilled asparagus"), 1);
  EXPECT_EQ(grill.board.all_day()[0].item, "Classic burger") << "most first";

  hub.kitchen("item_bump",
              {{"ticket_id", a.tickets[0]}, {"line_id", a.lines[0]}, {"station", "grill"}});
  grill.pump();
  const Ticket& ta = *grill.board.find(a.tickets[0]);
  EXPECT_TRUE(grill.board.line_done(ta, *ta.line(a.lines[0])));
  EXPECT_FALSE(grill.board.line_done(ta, *ta.line(a.lines[1])));
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 3);

  hub.kitchen("bump", {{"ticket_id", b.tickets[0]}, {"station", "grill"}});
  grill.pump();
  EXPECT_EQ(all_day_of(grill.board, "Classic burger"), 1);
  EXPECT_EQ(all_day_of(grill.board, "Grilled asparagus"), 0);
}

TEST(KitchenBoard, ExpoSeesEachStationsProgressAndAServedTicketLeavesForItsRecallList) {
  KitchenHub hub;
  KitchenHub::Screen pass(hub, expo());
  KitchenHub::Screen grill(hub, station({"grill"}));
  pass.start();
  grill.start();
  Order t = hub.order("12", {"classic-burger:temp-medium@1", "fries@2"});
  hub.wait(1000);
  Order later = hub.order("14", {"ribeye:temp-rare"});
  pass.pump();
  const std::int64_t id = t.tickets[0];
  hub.kitchen("bump", {{"ticket_id", later.tickets[0]}, {"station", "grill"}});
  pass.pump();
  EXPECT_EQ(ids(pass.board), (std::vector{later.tickets[0], id}))
      << "at expo a ready ticket comes first: its plates are waiting";
  hub.kitchen("serve", {{"ticket_id", later.tickets[0]}});
  hub.kitchen("bump", {{"ticket_id", id}, {"station", "grill"}});
  pass.pump();
  EXPECT_NE(pass.board.find(id)->station("grill")->bumped_at, 0);
  EXPECT_EQ(pass.board.find(id)->status, TicketStatus::open);
  hub.kitchen("bump", {{"ticket_id", id}, {"station", "fryer"}});
  pass.pump();
  EXPECT_EQ(pass.board.find(id)->status, TicketStatus::ready);
  EXPECT_EQ(ids(pass.board), std::vector<std::int64_t>{id}) << "ready tickets stay until served";

  hub.kitchen("serve", {{"ticket_id", id}});
  pass.pump();
  grill.pump();
  EXPECT_TRUE(pass.board.tickets().empty());
  ASSERT_EQ(pass.board.recently_bumped().size(), 2u);
  EXPECT_EQ(pass.board.recently_bumped()[0].ticket_id, id) << "newest first";
  EXPECT_EQ(pass.board.recently_bumped()[1].ticket_id, later.tickets[0]);
  EXPECT_TRUE(grill.board.recently_bumped().empty()) << "served: gone from the kitchen";

  hub.kitchen("recall", {{"ticket_id", id}});
  pass.pump();
  EXPECT_EQ(ids(pass.board), std::vector<std::int64_t>{id});
  EXPECT_EQ(pass.board.recently_bumped().size(), 1u) << "the recalled one is off the list";
}

TEST(KitchenBoard, TimersTurnWarningAndLateAtEachStationsThresholds) {
  KitchenHub hub;
  KitchenHub::Screen grill(hub, station({"grill"}));
  KitchenHub::Screen fryer(hub, station({"fryer"}));
  KitchenHub::Screen pass(hub, expo());
  for (auto* s : {&grill, &fryer, &pass}) s->start();
  Order t = hub.order("12", {"steak-frites:temp-medium"});  // grill and fryer
  for (auto* s : {&grill, &fryer, &pass}) s->pump();
  const EpochMs sent = hub.now();
  const Ticket& g = *grill.board.tickets()[0];
  const Ticket& f = *fryer.board.tickets()[0];
  const Ticket& e = *pass.board.tickets()[0];
  // The sample restaurant: grill 480 s / 900 s; fryer has the defaults, 5 and 10 minutes;
  // expo 600 s / 1200 s.
  EXPECT_EQ(grill.board.urgency(g, sent + 479'999), Urgency::normal);
  EXPECT_EQ(grill.board.urgency(g, sent + 480'000), Urgency::warning);
  EXPECT_EQ(grill.board.urgency(g, sent + 899'999), Urgency::warning);
  EXPECT_EQ(grill.board.urgency(g, sent + 900'000), Urgency::late);
  EXPECT_EQ(fryer.board.urgency(f, sent + 299'999), Urgency::normal);
  EXPECT_EQ(fryer.board.urgency(f, sent + 300'000), Urgency::warning);
  EXPECT_EQ(fryer.board.urgency(f, sent + 600'000), Urgency::late);
  EXPECT_EQ(pass.board.urgency(e, sent + 599'999), Urgency::normal);
  EXPECT_EQ(pass.board.urgency(e, sent + 600'000), Urgency::warning);
  EXPECT_EQ(pass.board.urgency(e, sent + 1'200'000), Urgency::late);
  (void)t;
}

TEST(KitchenBoard, EveryDisplayedOpenTicketIsAcknowledgedOncePerStation) {
  KitchenHub hub;
  KitchenHub::Screen both(hub, station({"grill", "fryer"}));
  both.start();
  Order t = hub.order("12", {"steak-frites:temp-medium", "ribeye:temp-rare"});
  Order held = hub.order("14", {"shrimp-cocktail", "classic-burger:temp-medium"}, {"mains"});
  both.pump();
  EXPECT_TRUE(both.board.take_acknowledgements_due().empty()) << "nothing displayed yet";
  for (const Ticket* ticket : both.board.tickets()) both.board.displayed(ticket->id);
  auto due = both.board.take_acknowledgements_due();
  ASSERT_EQ(due.size(), 2u) << "the open ticket at grill and fryer; the held one waits";
  EXPECT_EQ(due[0].ticket_id, t.tickets[0]);
  EXPECT_EQ(due[0].station, "grill");
  EXPECT_EQ(due[1].station, "fryer");
  EXPECT_TRUE(both.board.take_acknowledgements_due().empty()) << "each once";
  (void)held;
}

TEST(KitchenBoard, ARestartFromTheSnapshotShowsExactlyTheSameBoard) {
  KitchenHub hub;
  KitchenHub::Screen live(hub, station({"grill"}));
  KitchenHub::Screen live_pass(hub, expo());
  live.start();
  live_pass.start();
  // Friday night at the grill: orders, a rush, a void, a quantity change, a held course
  // fired, item bumps and bumps.
  Order t12 = hub.order(
      "12", {"classic-burger:temp-medium-rare@1", "ribeye:temp-rare@2", "caesar@3"}, {"mains"});
  hub.wait(90'000);
  Order t5 = hub.order("5", {"classic-burger:temp-medium@1*2", "asparagus@2"});
  hub.wait(45'000);
  Order t8 = hub.order("8", {"ny-strip:temp-medium", "kids-burger:kids-fries"});
  hub.kitchen("rush", {{"ticket_id", t8.tickets[0]}});
  hub.void_line(t5, t5.lines[0], 1);
  hub.wait(120'000);
  hub.fire(t12, "mains");
  hub.kitchen("item_bump",
              {{"ticket_id", t5.tickets[0]}, {"line_id", t5.lines[1]}, {"station", "grill"}});
  Order t9 = hub.order("9", {"swordfish-special"});
  hub.kitchen("bump", {{"ticket_id", t9.tickets[0]}, {"station", "grill"}});
  hub.void_line(t8, t8.lines[1]);
  live.pump();
  live_pass.pump();
  ASSERT_EQ(live.board.tickets().size(), 3u);

  // The screen reboots: a new board from the hub's snapshot alone.
  KitchenHub::Screen rebooted(hub, station({"grill"}));
  KitchenHub::Screen rebooted_pass(hub, expo());
  rebooted.start();
  rebooted_pass.start();
  EXPECT_EQ(what_the_cook_sees(rebooted.board), what_the_cook_sees(live.board));
  EXPECT_EQ(ids(rebooted_pass.board), ids(live_pass.board));
  EXPECT_EQ(rebooted.board.tickets()[0]->arrived_at(), live.board.tickets()[0]->arrived_at());
  // Kitchen taps come as progress, applied to the ticket the screen has: every field of
  // every ticket is what the hub's snapshot says it is.
  for (auto [was, now] : {std::pair{&live, &rebooted}, std::pair{&live_pass, &rebooted_pass}}) {
    ASSERT_EQ(was->board.tickets().size(), now->board.tickets().size());
    for (std::size_t i = 0; i < was->board.tickets().size(); ++i)
      EXPECT_EQ(static_cast<const protocol::TicketView&>(*was->board.tickets()[i]),
                static_cast<const protocol::TicketView&>(*now->board.tickets()[i]))
          << "ticket " << was->board.tickets()[i]->id;
  }

  // And it goes on from there exactly like the screen that never stopped.
  hub.wait(30'000);
  hub.kitchen("bump", {{"ticket_id", t8.tickets[0]}, {"station", "grill"}});
  Order t3 = hub.order("3", {"filet:temp-medium-rare"});
  live.pump();
  rebooted.pump();
  EXPECT_EQ(what_the_cook_sees(rebooted.board), what_the_cook_sees(live.board));
  (void)t3;
}

TEST(KitchenBoard, DuplicateAndOutOfOrderEventsAreIgnoredBySequenceNumber) {
  KitchenHub hub;
  ScreenConfig both = station({"grill", "fryer"});
  KitchenHub::Screen reference(hub, both);
  reference.start();
  std::size_t cursor = 0;
  Board board(both);
  board.apply(hub.snapshot(both));
  std::size_t start = 0;
  hub.events(both, start);                                  // nothing yet
  Order t = hub.order("12", {"steak-frites:temp-medium"});  // one event on two topics
  auto created = hub.events(both, cursor);
  ASSERT_EQ(created.size(), 2u) << "published on ticket.grill and ticket.fryer";
  for (const auto& item : created) board.apply(item);
  EXPECT_EQ(board.take_notices().size(), 1u) << "shown once";
  EXPECT_EQ(board.tickets().size(), 1u);

  hub.kitchen("bump", {{"ticket_id", t.tickets[0]}, {"station", "grill"}});
  auto bumped = hub.events(both, cursor);
  hub.kitchen("bump", {{"ticket_id", t.tickets[0]}, {"station", "fryer"}});
  auto ready = hub.events(both, cursor);
  for (const auto& item : ready) board.apply(item);
  EXPECT_TRUE(board.tickets().empty());
  // The older bump arrives late, and the creation again: neither brings the ticket back.
  for (const auto& item : bumped) board.apply(item);
  for (const auto& item : created) board.apply(item);
  EXPECT_TRUE(board.tickets().empty());
  EXPECT_EQ(board.recently_bumped().size(), 1u);
  reference.pump();
  EXPECT_EQ(what_the_cook_sees(board), what_the_cook_sees(reference.board));
}

TEST(KitchenBoard, EventsAlreadyInsideTheSnapshotAreNotAppliedTwice) {
  KitchenHub hub;
  ScreenConfig grill = station({"grill"});
  std::size_t cursor = 0;
  Order t = hub.order("12", {"classic-burger:temp-medium"});
  hub.kitchen("bump", {{"ticket_id", t.tickets[0]}, {"station", "grill"}});
  hub.kitchen("recall", {{"ticket_id", t.tickets[0]}, {"station", "grill"}});
  auto early = hub.events(grill, cursor);  // they came while the snapshot was on its way
  Board board(grill);
  board.apply(hub.snapshot(grill));
  for (const auto& item : early) board.apply(item);
  EXPECT_EQ(ids(board), std::vector<std::int64_t>{t.tickets[0]});
  auto notices = board.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].kind, Notice::Kind::appeared);
}

TEST(KitchenBoard, ABumpOnItsWayHidesTheTicketUntilTheHubAnswers) {
  KitchenHub hub;
  ScreenConfig grill = station({"grill"});
  Order t = hub.order("12", {"classic-burger:temp-medium"});
  Board board(grill);
  board.apply(hub.snapshot(grill));
  const std::int64_t id = t.tickets[0];
  board.bump_sent(id);
  EXPECT_TRUE(board.tickets().empty());
  EXPECT_TRUE(board.all_day().empty());
  board.bump_refused(id);
  EXPECT_EQ(ids(board), std::vector<std::int64_t>{id});

  std::size_t cursor = 0;
  hub.events(grill, cursor);
  board.bump_sent(id);
  hub.kitchen("ack_ticket", {{"ticket_id", id}, {"station", "grill"}});
  for (const auto& item : hub.events(grill, cursor)) board.apply(item);
  EXPECT_TRUE(board.tickets().empty()) << "another change of the ticket is not the bump";
  hub.kitchen("bump", {{"ticket_id", id}, {"station", "grill"}});
  for (const auto& item : hub.events(grill, cursor)) board.apply(item);
  EXPECT_TRUE(board.tickets().empty());
  EXPECT_FALSE(board.bump_in_flight(id));
}

TEST(KitchenBoard, AStationTheMenuDoesNotHaveIsNamed) {
  KitchenHub hub;
  KitchenHub::Screen screen(hub, station({"grill", "gril", "expo"}));
  screen.start();
  EXPECT_EQ(screen.board.unknown_stations(), (std::vector<std::string>{"gril", "expo"}))
      << "expo is not a cooking station: use --expo";
}

TEST(KitchenBoard, AMalformedEventChangesNothing) {
  Board board(station({"grill"}));
  board.apply(net::SnapshotLoaded{R"({"seq": 3, "tickets": []})"});
  board.apply(net::EventItem{4, "ticket.grill", "ticket.created", 0, "not json"});
  board.apply(net::EventItem{5, "ticket.grill", "ticket.created", 0, R"({"ticket": {"id": "x"}})"});
  board.apply(net::EventItem{6, "ticket.grill", "ticket.created", 0, R"({"ticket": 7})"});
  EXPECT_TRUE(board.tickets().empty());
  EXPECT_EQ(board.seq(), 6);
}

}  // namespace
}  // namespace brigade::kds::testing
