// The Friday night of ../shared/docs/RESTAURANT.md, the front of house's part, carried
// out on the terminal's screens with taps: the manager's 86 list, table 12 from the
// drinks to four payments, with held mains, a void, a moment offline and a declined card.
#include <gtest/gtest.h>

#include "table_status.h"
#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;
using namespace std::chrono_literals;

namespace {
void add(TerminalRig& t, int seat, const std::string& category, const std::string& item,
         std::vector<std::string> choices = {}, bool has_dialog = false) {
  t.tap("seat." + std::to_string(seat));
  t.tap("category." + category);
  t.tap("item." + item);
  for (const auto& c : choices) t.tap("modifier." + c);
  if (has_dialog || !choices.empty()) t.tap("modifier.add");
}
int count(const Check& c, const std::string& item, LineState state) {
  int n = 0;
  for (const Line& l : c.lines)
    if (l.item_id == item && l.state == state) n += l.live_quantity();
  return n;
}
}  // namespace

TEST(FridayNight, TheFrontOfHouseCarriesTable12FromDrinksToFourPayments) {
  TerminalRig t;
  // 17:00 Dana 86's the salmon and counts the short rib.
  t.log_in(kManagerPin);
  t.tap("nav.stock");
  t.tap("stock.category.pasta-fish");
  t.tap("stock.item.salmon");
  t.tap("stock.86");
  t.tap("stock.category.grill");
  t.tap("stock.item.short-rib");
  for (char d : std::string("12")) t.tap(std::string("stock.count.") + d);
  t.tap("stock.set");
  t.tap("nav.logout");
  ASSERT_TRUE(t.state.stock_of("salmon").out());
  ASSERT_EQ(t.state.stock_of("short-rib").remaining, 12);

  // 19:30 Sam: table 12, four guests, drinks for seats 1-4, sent.
  std::int64_t id = t.seat_table(kServerPin, "12", 4);
  add(t, 1, "beer", "beer-ipa");
  add(t, 2, "wine", "wine-pinot-noir");
  add(t, 3, "soft-drinks", "lemonade");
  add(t, 4, "beer", "beer-lager");
  t.tap("send");
  EXPECT_EQ(t.hub.check(id)["lines"].size(), 4u);

  // Apps for seats 1 and 3; mains for everyone, medium rare answered; mains held.
  add(t, 1, "starters", "calamari", {}, true);
  add(t, 3, "starters", "oysters");
  add(t, 1, "burgers", "classic-burger", {"temp-medium-rare"});
  add(t, 2, "burgers", "classic-burger", {"temp-medium-rare", "add-bacon"});
  add(t, 3, "grill", "short-rib");
  add(t, 4, "burgers", "classic-burger", {"temp-medium-rare"});
  t.tap("hold.mains");
  t.tap("send");
  const Check* c = &t.check().check;
  EXPECT_EQ(count(*c, "classic-burger", LineState::held), 3);
  EXPECT_EQ(count(*c, "calamari", LineState::sent), 1);
  EXPECT_EQ(t.state.stock_of("short-rib").remaining, 11);

  // The kitchen serves drinks and apps: the floor shows table 12 "apps served".
  t.hub.cook(id, true);
  t.tap("nav.floor");
  EXPECT_EQ(course_headlines(table_status(t.state, "12").check->check),
            (std::vector<std::string>{"apps served", "mains held"}));

  // The server fires the mains.
  t.tap("table.12");
  t.tap("fire.mains");
  c = &t.check().check;
  EXPECT_EQ(count(*c, "classic-burger", LineState::fired), 3);

  // Seat 2 changes from burger to salad: a void with a reason and Dana's PIN; a salad.
  std::int64_t burger = 0;
  for (const Line& l : c->lines)
    if (l.seat == 2 && l.item_id == "classic-burger") burger = l.id;
  t.scroll_to("line." + std::to_string(burger), "lines");
  t.tap("line." + std::to_string(burger));
  t.tap("line.void");
  t.tap("void.reason.0");
  for (char d : std::string(kManagerPin)) t.tap(std::string("void.pin.") + d);
  t.tap("void.confirm");
  add(t, 2, "salads", "house-salad", {"dressing-balsamic"});
  t.tap("send");
  c = &t.check().check;
  EXPECT_EQ(c->find_line(burger)->state, LineState::voided);
  EXPECT_EQ(c->find_line(burger)->void_reason, "Guest changed their mind");
  EXPECT_EQ(count(*c, "house-salad", LineState::sent), 1);

  // The network drops for 20 seconds: a dessert is taken and sent; it arrives once.
  t.hub.go_offline(20s);
  add(t, 4, "desserts", "cheesecake");
  t.tap("send");
  EXPECT_TRUE(t.shows("connection-banner"));
  t.hub.lose_replies(true);
  t.hub.come_back();
  t.hub.lose_replies(false);
  t.frame();
  EXPECT_EQ(count(t.check().check, "cheesecake", LineState::sent), 1);
  t.hub.cook(id, true);

  // Split by seat; four payments: two cards with tips, cash with change, a card
  // declined and tried again.
  t.tap("pay");
  t.tap("split.by_seat");
  ASSERT_EQ(t.check().parts.size(), 4u);
  t.tap("part.1");
  t.tap("tip.percent.20");
  t.tap("tender.card");
  t.tap("card.done");
  t.tap("part.2");
  t.tap("tip.percent.15");
  t.tap("tender.card");
  t.tap("card.done");
  t.tap("part.3");
  t.tap("cash.100");
  t.tap("change.done");
  t.tap("part.4");
  t.tap("simulator.decline");
  t.tap("tender.card");
  ASSERT_EQ(t.controller.card().stage, CardStatus::Stage::declined);
  t.tap("card.retry");
  t.tap("card.done");
  t.tap("close");
  Json closed = t.hub.check(id);
  EXPECT_EQ(closed["status"], "closed");
  EXPECT_EQ(closed["payments"].size(), 4u);
  EXPECT_EQ(closed["totals"]["balance"], 0);
  EXPECT_GT(closed["totals"]["tips"].get<std::int64_t>(), 0);
  t.tap("receipt.done");
  EXPECT_EQ(t.app.screen(), Screen::floor);
  EXPECT_EQ(table_status(t.state, "12").state, TableState::free);
}
