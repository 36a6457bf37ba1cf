// Every shape of the protocol goes through the hub's encoder and comes back out of the
// clients' decoder equal (docs/protocol.md, section 7), and the clients' reading never
// throws on what a hostile or newer hub might send.
#include "brigade/protocol/codec.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "../domain/test_checks.h"
#include "brigade/protocol/events.h"
#include "brigade/restaurant/restaurant_file.h"

using namespace brigade;
using namespace brigade::protocol;
using namespace brigade::pricing_testing;

namespace {

Restaurant sample_restaurant() {
  auto r = load_restaurant_file(std::filesystem::path(BRIGADE_ASSETS_DIR) / "restaurant.json");
  EXPECT_TRUE(r.ok());
  return r.ok() ? r.value() : Restaurant{};
}

// Through the wire: to text and parsed back, as a client receives it.
Json wire(const Json& j) {
  return Json::parse(j.dump());
}

}  // namespace

TEST(CodecRoundTrip, TheSampleMenuComesBackEqual) {
  const Menu menu = sample_restaurant().menu;
  ASSERT_GT(menu.items.size(), 50u);
  EXPECT_EQ(read_menu(wire(to_json(menu))), menu);
}

TEST(CodecRoundTrip, TheFloorPlanAndStaffComeBackEqual) {
  const Restaurant r = sample_restaurant();
  EXPECT_EQ(read_floor(wire(to_json(r.floor))), r.floor);
  ASSERT_FALSE(r.staff.empty());
  for (const auto& seed : r.staff) {
    StaffMember member = seed.member;
    member.active = true;  // only active staff are on the wire
    EXPECT_EQ(read_staff(wire(to_json(member))), member);
  }
}

TEST(CodecRoundTrip, StockLevelsComeBackWithTheirItem) {
  for (const StockLevel& level : {StockLevel{true, std::nullopt}, StockLevel{false, 12},
                                  StockLevel{false, 0}, StockLevel{false, std::nullopt}}) {
    std::string item;
    EXPECT_EQ(read_stock_level(wire(to_json("short-rib", level)), item), level);
    EXPECT_EQ(item, "short-rib");
  }
}

TEST(CodecRoundTrip, ACurrencyWithOrWithoutAThousandsSeparator) {
  const CurrencyFormat dollars{"$", '.', ','};
  const CurrencyFormat francs{"CHF ", '.', std::nullopt};
  EXPECT_EQ(read_currency(wire(to_json(dollars))), dollars);
  EXPECT_EQ(read_currency(wire(to_json(francs))), francs);
  EXPECT_EQ(to_json(francs)["thousands_separator"], "");
}

TEST(CodecRoundTrip, TheWorkedExampleCheckComesBackWithTheHubsTotals) {
  Check check = example_check();
  check.payments = {payment(2000, 0, 300)};
  check.payments[0].id = 1;
  const auto taxes = example_tax_classes();
  const CheckView sent = view_of(check, taxes);
  const CheckView got = read_check(wire(to_json(sent)));
  EXPECT_EQ(got.check, check);
  EXPECT_EQ(got.totals, price_check(check, taxes));
  EXPECT_EQ(got, sent);
}

TEST(CodecRoundTrip, RandomChecksWithSplitsComeBackEqual) {
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    RandomChecks random(seed);
    const auto taxes = random.tax_classes();
    Check check = random.check(taxes);
    check.number = seed;
    check.channel = Channel::takeout;
    check.customer_name = "Lee";
    check.promised_at = 1'795'763'600'000;
    std::int64_t id = 1;
    for (auto& d : check.discounts) d.id = id++;
    for (auto& p : check.payments) p.id = id++;
    if (random.chance(60)) check.split = random.split(check);
    const CheckView sent = view_of(check, taxes);
    EXPECT_EQ(read_check(wire(to_json(sent))), sent) << "seed " << seed;
  }
}

TEST(CodecRoundTrip, AKitchenTicketComesBackWithItsLinesWords) {
  Check check = example_check();
  check.table_id = "12";
  check.guests = 2;
  check.lines[0].note = "no onion";
  check.lines[1].voided_quantity = 1;
  check.lines[1].quantity = 2;
  Ticket ticket;
  ticket.id = 9;
  ticket.check_id = check.id;
  ticket.status = TicketStatus::open;
  ticket.course = Course::mains;
  ticket.rush = true;
  ticket.created_at = 1000;
  ticket.fired_at = 2000;
  ticket.line_ids = {1, 2, 99};  // 99: no longer anywhere, left out
  ticket.stations = {{"grill", 2500, 0, false}, {"fryer", 0, 0, false}};
  ticket.items_done = {{1, "grill"}};
  TicketContext context{check, "Sam Ortiz",
                        [&](std::int64_t id) { return std::as_const(check).find_line(id); }};

  const TicketView sent = view_of(ticket, context);
  ASSERT_EQ(sent.lines.size(), 2u);
  EXPECT_EQ(sent.lines[0].modifiers, std::vector<std::string>{"bacon"});
  EXPECT_EQ(sent.lines[0].done_at, std::vector<std::string>{"grill"});
  EXPECT_EQ(sent.label, check.label());
  EXPECT_EQ(sent.server, "Sam Ortiz");

  auto got = read_ticket(wire(to_json(sent)));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, sent);
  EXPECT_EQ(got->arrived_at(), 2000);
  EXPECT_EQ(got->station("grill")->acknowledged_at, 2500);
  EXPECT_TRUE(got->line(2)->quantity_changed());
}

// The hub publishes events written around the body text it stored: byte for byte what
// encode() writes, whatever the body, topic and type hold.
TEST(CodecRoundTrip, AnEventAroundItsBodyTextIsTheSameBytesAsEncoded) {
  for (const EventMessage& event : {
           EventMessage{1, 0, "check", "check.opened", 0, Json::object()},
           EventMessage{9'007'199'254'740'993, 9'007'199'254'740'992, "ticket.sauté",
                        "ticket.bumped", 1'795'000'000'000,
                        Json{{"ticket", {{"id", 3}, {"note", "no \"onion\"\n\u00e9 \t"}}}}},
           EventMessage{42, 41, "alert", "pin.locked_out", -5, Json{{"a", {1, 2.5, nullptr}}}},
       }) {
    SCOPED_TRACE(event.topic);
    EXPECT_EQ(encode_with_body(event, event.body.dump()), encode(event));
  }
}

// A kitchen tap's progress: read back equal, and applied to a screen's ticket it changes
// the ticket's own state and its lines' item bumps, nothing of its check or lines' words.
TEST(CodecRoundTrip, ATicketsProgressReadsBackAndAppliesOnlyWhatItCarries) {
  Ticket ticket;
  ticket.id = 7;
  ticket.check_id = 3;
  ticket.status = TicketStatus::ready;
  ticket.rush = true;
  ticket.fired_at = 1000;
  ticket.stations = {{"grill", 1100, 1500, false}, {"fryer", 1200, 0, false}};
  ticket.items_done = {{21, "fryer"}, {22, "fryer"}, {21, "grill"}};
  TicketProgress progress = progress_of(ticket);
  EXPECT_TRUE(progress.lines.empty());  // no check given: the lines did not move
  progress.lines = {{21, LineState::ready}, {22, LineState::ready}};
  EXPECT_EQ(read_progress(to_json(progress)), progress);
  EXPECT_TRUE(to_json(progress)["served_at"].is_null());
  EXPECT_FALSE(read_progress(Json{{"status", "open"}}).has_value());

  TicketView shown;
  shown.id = 7;
  shown.label = "Table 12";
  shown.server = "Sam";
  shown.stations = {{"grill", 1100, 0}, {"fryer", 0, 0}};
  shown.lines = {TicketView::Line{}, TicketView::Line{}, TicketView::Line{}};
  shown.lines[0].id = 21;
  shown.lines[0].name = "Classic burger";
  shown.lines[1].id = 22;
  shown.lines[2].id = 23;
  shown.lines[2].done_at = {"grill"};  // undone since
  apply(shown, progress);
  EXPECT_EQ(shown.status, TicketStatus::ready);
  EXPECT_TRUE(shown.rush);
  EXPECT_EQ(shown.fired_at, 1000);
  EXPECT_EQ(shown.stations,
            (std::vector<TicketView::Station>{{"grill", 1100, 1500}, {"fryer", 1200, 0}}));
  EXPECT_EQ(shown.lines[0].done_at, (std::vector<std::string>{"fryer", "grill"}));
  EXPECT_EQ(shown.lines[0].state, LineState::ready);
  EXPECT_EQ(shown.lines[2].state, LineState::sent);  // not carried: as it was
  EXPECT_EQ(shown.lines[1].done_at, (std::vector<std::string>{"fryer"}));
  EXPECT_TRUE(shown.lines[2].done_at.empty());
  EXPECT_EQ(shown.label, "Table 12");
  EXPECT_EQ(shown.lines[0].name, "Classic burger");
}

TEST(CodecRoundTrip, EventsHeartbeatsAndRepliesComeBackEqual) {
  EventMessage event{12,
                     9,
                     "ticket.grill",
                     std::string(event::ticket_bumped),
                     1234,
                     Json{{"ticket", {{"id", 3}}}}};
  EXPECT_EQ(decode_event(Json::parse(encode(event)), ""), event);
  Heartbeat beat{40, 5678, {{"check", 39}, {"ticket.grill", 12}}};
  EXPECT_EQ(decode_heartbeat(Json::parse(encode(beat))), beat);

  auto ok = decode_reply(reply_ok("c-1", Json{{"check_id", 4}}));
  ASSERT_TRUE(ok.has_value());
  EXPECT_TRUE(ok->ok);
  EXPECT_EQ(ok->id, "c-1");
  EXPECT_EQ(ok->result, (Json{{"check_id", 4}}));
  auto refused = decode_reply(reply_error("c-2", {"forbidden", "only managers"}));
  ASSERT_TRUE(refused.has_value());
  EXPECT_FALSE(refused->ok);
  EXPECT_EQ(refused->error.code, "forbidden");
  EXPECT_EQ(refused->error.message, "only managers");
}

TEST(CodecReading, AnEventFromThePubFrameTakesItsTopicAndRefusesImpossibleSequences) {
  auto e = decode_event(Json{{"seq", 5}, {"prev", 2}, {"type", "line.added"}}, "check");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->topic, "check");
  EXPECT_FALSE(decode_event(Json{{"seq", 5}, {"prev", 5}}, "check"));
  EXPECT_FALSE(decode_event(Json{{"seq", 0}, {"prev", 0}}, "check"));
  EXPECT_FALSE(decode_event(Json{{"seq", 5}, {"prev", -1}}, "check"));
  EXPECT_FALSE(decode_event(Json{{"seq", 5}, {"prev", 1}}, ""));
  EXPECT_FALSE(decode_event(Json::array(), "check"));
  EXPECT_FALSE(decode_heartbeat(Json{{"seq", 5}}));
  EXPECT_FALSE(decode_reply("not json"));
  EXPECT_FALSE(decode_reply("{\"id\":\"x\"}"));
}

TEST(CodecReading, WrongTypesEverywhereReadAsDefaultsAndNeverThrow) {
  const Json hostile = {
      {"id", "seven"},
      {"number", 1.5},
      {"lines", {{{"id", "x"}, {"modifiers", 3}, {"quantity", "two"}}, 17}},
      {"discounts", "none"},
      {"payments", {nullptr}},
      {"split", {{"kind", "by_item"}, {"assignments", {{"abc", {1}}, {"7", "x"}, {"8", {2}}}}}},
      {"totals", {{"taxes", {{{"tax", "lots"}}}}}}};
  CheckView view;
  ASSERT_NO_THROW(view = read_check(hostile));
  EXPECT_EQ(view.check.id, 0);
  ASSERT_EQ(view.check.lines.size(), 2u);
  EXPECT_EQ(view.check.lines[0].quantity, 1);
  EXPECT_EQ(view.check.split.assignments.count(8), 1u);  // "abc" skipped, "7" has no parts
  EXPECT_TRUE(view.check.split.assignments.at(7).empty());

  EXPECT_NO_THROW(read_menu(Json{{"items", {{{"price", "free"}, {"stations", "grill"}}}}}));
  EXPECT_NO_THROW(read_floor(Json::array()));
  EXPECT_NO_THROW(read_currency(Json{{"decimal_point", 3}}));
  EXPECT_FALSE(read_ticket(Json{{"id", "9"}}));
  auto ticket = read_ticket(Json{{"id", 9}, {"lines", {{{"course", 4}, {"state", "cooked"}}}}});
  ASSERT_TRUE(ticket.has_value());
  EXPECT_FALSE(ticket->course.has_value());
  EXPECT_FALSE(ticket->lines.at(0).course.has_value());
}
