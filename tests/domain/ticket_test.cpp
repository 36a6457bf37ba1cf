#include "brigade/domain/ticket.h"

#include <gtest/gtest.h>

#include "test_menu.h"

using namespace brigade;
using namespace brigade::testing;

namespace {

constexpr EpochMs kNow = 1'795'000'000'000;

class Tickets : public ::testing::Test {
 protected:
  Menu menu = test_menu();
  Check check = open_check(1, 101, {Channel::dine_in, "12", "", "", "", 0, 4}, "sam", kNow);
  std::int64_t next_id = 1;

  std::int64_t add(const LineRequest& r) {
    auto line = build_line(menu, {}, r);
    EXPECT_TRUE(line.ok());
    line.value().id = next_id++;
    EXPECT_TRUE(add_line(check, line.value()).ok());
    return line.value().id;
  }
};

}  // namespace

TEST_F(Tickets, ASendMakesOneOpenTicketAndOneHeldTicketPerHeldCourse) {
  auto beer = add(plain("ipa"));
  auto fries = add(plain("fries"));
  auto burger1 = add(burger(1));
  auto burger2 = add(burger(2));
  auto sent = send_lines(check, {Course::mains}, kNow);
  ASSERT_TRUE(sent.ok());
  auto tickets = tickets_for_send(check, sent.value(), menu, false, {10, 11}, kNow);
  ASSERT_EQ(tickets.size(), 2u);

  const Ticket& open = tickets[0];
  EXPECT_EQ(open.id, 10);
  EXPECT_EQ(open.status, TicketStatus::open);
  EXPECT_EQ(open.line_ids, (std::vector<std::int64_t>{beer, fries}));
  ASSERT_EQ(open.stations.size(), 2u);
  EXPECT_EQ(open.stations[0].station_id, "bar");
  EXPECT_EQ(open.stations[1].station_id, "fryer");
  EXPECT_EQ(open.course, Course::drinks);
  EXPECT_EQ(open.fired_at, kNow);

  const Ticket& held = tickets[1];
  EXPECT_EQ(held.id, 11);
  EXPECT_EQ(held.status, TicketStatus::held);
  EXPECT_EQ(held.course, Course::mains);
  EXPECT_EQ(held.line_ids, (std::vector<std::int64_t>{burger1, burger2}));
  ASSERT_EQ(held.stations.size(), 1u);
  EXPECT_EQ(held.stations[0].station_id, "grill");
}

TEST_F(Tickets, ExpoIsNeverACookingStationOnATicket) {
  menu.items[0].station_ids = {"grill", "expo"};
  add(burger());
  auto sent = send_lines(check, {}, kNow);
  auto tickets = tickets_for_send(check, sent.value(), menu, true, {1}, kNow);
  ASSERT_EQ(tickets.size(), 1u);
  ASSERT_EQ(tickets[0].stations.size(), 1u);
  EXPECT_EQ(tickets[0].stations[0].station_id, "grill");
  EXPECT_TRUE(tickets[0].addition);
  // The line keeps the item's routing as the menu gives it, expo and all (line.stations).
  EXPECT_EQ(check.lines[0].station_ids, (std::vector<std::string>{"grill", "expo"}));
}

TEST_F(Tickets, FiringStartsTheClockOfAHeldTicket) {
  add(burger());
  auto sent = send_lines(check, {Course::mains}, kNow);
  Ticket held = tickets_for_send(check, sent.value(), menu, false, {1}, kNow)[0];
  EXPECT_EQ(bump_station(held, "grill", kNow).error().code, Errc::nothing_held);
  ASSERT_TRUE(fire_ticket(held, kNow + 900'000).ok());
  EXPECT_EQ(held.status, TicketStatus::open);
  EXPECT_EQ(held.fired_at, kNow + 900'000);
  EXPECT_EQ(fire_ticket(held, kNow).error().code, Errc::nothing_held);
}

TEST_F(Tickets, ATicketIsReadyWhenEveryStationBumpedAndServedAtExpo) {
  add(plain("ipa"));
  add(plain("fries"));
  auto sent = send_lines(check, {}, kNow);
  Ticket t = tickets_for_send(check, sent.value(), menu, false, {1}, kNow)[0];
  auto first = bump_station(t, "bar", kNow + 1);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first.value());
  EXPECT_EQ(t.status, TicketStatus::open);
  auto again = bump_station(t, "bar", kNow + 2);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again.value());
  EXPECT_EQ(t.find_station("bar")->bumped_at, kNow + 1);  // the first bump's time stays
  auto last = bump_station(t, "fryer", kNow + 3);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last.value());
  EXPECT_EQ(t.status, TicketStatus::ready);
  ASSERT_TRUE(serve(t, kNow + 4).ok());
  EXPECT_EQ(t.status, TicketStatus::served);
  EXPECT_EQ(t.served_at, kNow + 4);
  EXPECT_EQ(bump_station(t, "grill", kNow).error().message,
            "ticket 1 has nothing for station 'grill'");
}

TEST_F(Tickets, RecallBringsABumpedTicketBack) {
  add(plain("fries"));
  auto sent = send_lines(check, {}, kNow);
  Ticket t = tickets_for_send(check, sent.value(), menu, false, {1}, kNow)[0];
  EXPECT_EQ(recall_station(t, "fryer").error().message, "ticket 1 is not bumped at 'fryer'");
  ASSERT_TRUE(bump_station(t, "fryer", kNow).ok());
  ASSERT_TRUE(serve(t, kNow).ok());
  ASSERT_TRUE(recall_served(t).ok());
  EXPECT_EQ(t.status, TicketStatus::ready);
  ASSERT_TRUE(recall_station(t, "fryer").ok());
  EXPECT_EQ(t.status, TicketStatus::open);
  EXPECT_EQ(t.find_station("fryer")->bumped_at, 0);
}

TEST_F(Tickets, ItemBumpsMarkSingleLinesAtAStation) {
  auto a = add(burger(1));
  auto b = add(burger(2));
  auto sent = send_lines(check, {}, kNow);
  Ticket t = tickets_for_send(check, sent.value(), menu, false, {1}, kNow)[0];
  ASSERT_TRUE(bump_item(t, a, "grill", true).ok());
  EXPECT_TRUE(t.items_done.count({a, "grill"}));
  EXPECT_FALSE(t.items_done.count({b, "grill"}));
  ASSERT_TRUE(bump_item(t, a, "grill", false).ok());
  EXPECT_TRUE(t.items_done.empty());
  EXPECT_EQ(bump_item(t, 99, "grill", true).error().code, Errc::line_not_found);
  EXPECT_EQ(bump_item(t, a, "bar", true).error().code, Errc::not_found);
}

TEST_F(Tickets, AStationThatDoesNotAcknowledgeInTimeIsOverdueOnce) {
  add(plain("ipa"));
  add(plain("fries"));
  auto sent = send_lines(check, {}, kNow);
  Ticket t = tickets_for_send(check, sent.value(), menu, false, {1}, kNow)[0];
  ASSERT_TRUE(acknowledge(t, "bar", kNow + 1000).ok());
  EXPECT_TRUE(stations_overdue(t, kNow + 4999, 5000).empty());
  EXPECT_EQ(stations_overdue(t, kNow + 5000, 5000), std::vector<std::string>{"fryer"});
  t.find_station("fryer")->alerted = true;
  EXPECT_TRUE(stations_overdue(t, kNow + 60'000, 5000).empty());
  ASSERT_TRUE(acknowledge(t, "bar", kNow + 9000).ok());
  EXPECT_EQ(t.find_station("bar")->acknowledged_at, kNow + 1000);
}

TEST_F(Tickets, HeldTicketsWaitForNobody) {
  add(burger());
  auto sent = send_lines(check, {Course::mains}, kNow);
  Ticket held = tickets_for_send(check, sent.value(), menu, false, {1}, kNow)[0];
  EXPECT_TRUE(stations_overdue(held, kNow + 600'000, 5000).empty());
}

// Regression: a station's recall of a ticket expo had served left it served, so nothing
// came back on the screen.
TEST_F(Tickets, ARecallAtAStationBringsBackEvenAServedTicket) {
  add(plain("fries"));
  auto sent = send_lines(check, {}, kNow);
  Ticket t = tickets_for_send(check, sent.value(), menu, false, {1}, kNow)[0];
  ASSERT_TRUE(bump_station(t, "fryer", kNow).ok());
  ASSERT_TRUE(serve(t, kNow + 5).ok());
  ASSERT_TRUE(recall_station(t, "fryer").ok());
  EXPECT_EQ(t.status, TicketStatus::open);
  EXPECT_EQ(t.served_at, 0);
}
