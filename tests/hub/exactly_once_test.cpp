// Exactly-once tickets over the real wire: the OrderService on a real SQLite file behind
// HubServer's sockets, terminals as CommandClients, kitchen screens as EventFeeds.
#include <gtest/gtest.h>

#include <thread>
#include <zmq.hpp>

#include "live_hub.h"

using namespace brigade;
using namespace brigade::testing;

namespace {

// One table's order: a beer (bar), fries (fryer) and a burger (grill), sent.
std::int64_t place_order(Terminal& t, int table) {
  Json opened = t.must(
      "open_check", {{"channel", "dine_in"}, {"table_id", std::to_string(table)}, {"guests", 2}});
  std::int64_t check = opened["check_id"];
  t.must("add_line", {{"check_id", check}, {"item_id", "beer-lager"}, {"seat", 1}});
  t.must("add_line", {{"check_id", check}, {"item_id", "fries"}, {"seat", 1}});
  t.must("add_line", {{"check_id", check},
                      {"item_id", "classic-burger"},
                      {"seat", 2},
                      {"modifiers", {"temp-medium"}}});
  t.must("send", {{"check_id", check}});
  return check;
}

}  // namespace

TEST(ExactlyOnce, EveryTicketReachesEveryScreenOfItsStationsOnceInOrder) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  ScreenBoard grill(hub, {"ticket.grill"}), fryer(hub, {"ticket.fryer"}), bar(hub, {"ticket.bar"}),
      expo(hub, {"ticket."}), grill_two(hub, {"ticket.grill"});
  for (auto* s : {&grill, &fryer, &bar, &expo, &grill_two})
    ASSERT_TRUE(s->settle_until([&] { return s->snapshots() == 1; }));

  // Three terminals take orders at once.
  constexpr int kTerminals = 3, kOrdersEach = 5;
  std::vector<std::thread> terminals;
  for (int n = 0; n < kTerminals; ++n)
    terminals.emplace_back([&, n] {
      Terminal t(hub.commands(), "pos-" + std::to_string(n));
      t.login("1111");
      for (int i = 0; i < kOrdersEach; ++i) place_order(t, 1 + (n * kOrdersEach + i) % 16);
    });
  for (auto& t : terminals) t.join();

  auto reader = hub.reader();
  for (auto [screen, station] : {std::pair{&grill, "grill"},
                                 {&fryer, "fryer"},
                                 {&bar, "bar"},
                                 {&expo, ""},
                                 {&grill_two, "grill"}}) {
    std::set<std::int64_t> expected = open_tickets_at(*reader, station);
    ASSERT_EQ(expected.size(), static_cast<std::size_t>(kTerminals * kOrdersEach));
    EXPECT_TRUE(screen->settle_until([&] { return keys(screen->open()) == expected; }))
        << "screen for '" << station << "' has " << screen->open().size() << " of "
        << expected.size();
    for (const auto& [ticket, times] : screen->created()) EXPECT_EQ(times, 1) << ticket;
    EXPECT_EQ(screen->duplicates(), 0);
    EXPECT_EQ(screen->out_of_order(), 0);
  }
}

TEST(ExactlyOnce, AScreenThatStartsLateOrRestartsEndsWithExactlyTheOpenTickets) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  Terminal pos(hub.commands(), "pos-1");
  pos.login("1111");
  Terminal kitchen(hub.commands(), "kds-grill");
  for (int i = 1; i <= 4; ++i) place_order(pos, i);
  // One ticket is served before the late screen starts: it must not appear.
  auto reader = hub.reader();
  std::int64_t first = *open_tickets_at(*reader, "grill").begin();
  kitchen.must("bump", {{"ticket_id", first}, {"station", "grill"}});
  kitchen.must("serve", {{"ticket_id", first}});

  auto late = std::make_unique<ScreenBoard>(hub, std::vector<std::string>{"ticket.grill"});
  EXPECT_TRUE(
      late->settle_until([&] { return keys(late->open()) == open_tickets_at(*reader, "grill"); }));
  EXPECT_FALSE(late->open().count(first));

  // Service goes on; the screen reboots mid-rush; orders keep coming while it is down.
  place_order(pos, 5);
  late.reset();
  place_order(pos, 6);
  place_order(pos, 7);
  auto rebooted = std::make_unique<ScreenBoard>(hub, std::vector<std::string>{"ticket.grill"});
  place_order(pos, 8);
  std::set<std::int64_t> expected = open_tickets_at(*reader, "grill");
  EXPECT_EQ(expected.size(), 7u);
  EXPECT_TRUE(rebooted->settle_until([&] { return keys(rebooted->open()) == expected; }));
  EXPECT_EQ(rebooted->duplicates(), 0);
  for (const auto& [ticket, times] : rebooted->created()) EXPECT_EQ(times, 1) << ticket;
}

TEST(ExactlyOnce, ATinyHighWaterMarkUnderABurstDetectsTheDropsAndEndsComplete) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"), "tcp://127.0.0.1:*", "tcp://127.0.0.1:*", /*event_send_hwm=*/2);
  ScreenBoard expo(hub, {"ticket.", "check"}, /*receive_hwm=*/2);
  ASSERT_TRUE(expo.settle_until([&] { return expo.snapshots() == 1; }));

  // Pipelined commands: the hub publishes as fast as it can commit, far faster than a
  // two-message queue is guaranteed to drain.
  Terminal pos(hub.commands(), "pos-burst");
  pos.login("4444");
  constexpr int kTabs = 60, kLinesEach = 4;
  std::vector<std::int64_t> tabs;
  for (int i = 0; i < kTabs; ++i)
    tabs.push_back(pos.must("open_check", {{"channel", "bar_tab"},
                                           {"tab_name", "Tab " + std::to_string(i)}})["check_id"]);
  auto pipeline = [&](const std::vector<std::pair<std::string, Json>>& commands) {
    std::set<std::string> ids, answered;
    for (const auto& [type, args] : commands) {
      std::string id = net::make_command_id();
      ids.insert(id);
      pos.client().submit(id, pos.command(id, type, args));
    }
    return wait_until(
        [&] {
          for (auto& r : pos.client().take_replies()) answered.insert(r.id);
          return answered == ids;
        },
        60s);
  };
  std::vector<std::pair<std::string, Json>> adds, sends;
  for (int n = 0; n < kLinesEach; ++n)
    for (auto tab : tabs)
      adds.push_back({"add_line", {{"check_id", tab}, {"item_id", "beer-lager"}, {"seat", n + 1}}});
  for (auto tab : tabs) sends.push_back({"send", {{"check_id", tab}}});
  ASSERT_TRUE(pipeline(adds));
  ASSERT_TRUE(pipeline(sends));

  auto reader = hub.reader();
  std::int64_t last = reader->last_sequence();
  EXPECT_TRUE(expo.settle_until([&] { return expo.status().last_seq >= last; }, 60s));
  expo.pump();  // what the status counts is in the mailbox: take the last of it
  EXPECT_EQ(keys(expo.open()), open_tickets_at(*reader, ""));
  EXPECT_EQ(expo.duplicates(), 0);
  EXPECT_EQ(expo.out_of_order(), 0);
  auto status = expo.status();
  std::cout << "live " << status.live_events << ", caught up " << status.caught_up_events
            << ", gaps " << status.gaps_detected << "\n";
  // Every event of the followed topics was delivered once: the live ones plus the fetched.
  EXPECT_GE(status.events_delivered, static_cast<std::uint64_t>(kTabs * (kLinesEach + 2)));
  EXPECT_EQ(expo.open().size(), static_cast<std::size_t>(kTabs));
  if (status.live_events < status.events_delivered) {
    EXPECT_GT(status.gaps_detected, 0u);
  }
}

TEST(ExactlyOnce, TwoTerminalsAddingToOneCheckLoseNothing) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  Terminal first(hub.commands(), "pos-1"), second(hub.commands(), "pos-2");
  first.login("1111");
  second.login("2222");
  std::int64_t check = first.must(
      "open_check", {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 8}})["check_id"];
  constexpr int kEach = 40;
  auto add = [&](Terminal& t, const char* item) {
    for (int i = 0; i < kEach; ++i)
      t.must("add_line", {{"check_id", check}, {"item_id", item}, {"seat", 1 + i % 8}});
  };
  std::thread a([&] { add(first, "fries"); });
  std::thread b([&] { add(second, "beer-ipa"); });
  a.join();
  b.join();
  Json lines = first.must("get_check", {{"check_id", check}})["check"]["lines"];
  int fries = 0, beers = 0;
  for (const auto& l : lines) (l["item_id"] == "fries" ? fries : beers)++;
  EXPECT_EQ(fries, kEach);
  EXPECT_EQ(beers, kEach);
}

TEST(ExactlyOnce, ACommandSentTwiceOverTheWireIsAppliedOnce) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  Terminal pos(hub.commands(), "pos-1");
  pos.login("1111");
  std::int64_t check =
      pos.must("open_check", {{"channel", "bar_tab"}, {"tab_name", "Dana"}})["check_id"];
  // The same frame twice, from two different sockets: as when a reply is lost and the
  // terminal reopens its socket to retry.
  std::string id = net::make_command_id();
  std::string frame = pos.command(id, "add_line", {{"check_id", check}, {"item_id", "beer-ipa"}});
  net::CommandClient other({hub.commands(), {}, {}, {}});
  auto one = pos.client().call(id, frame, 30s);
  auto two = other.call(id, frame, 30s);
  ASSERT_TRUE(one && two);
  EXPECT_EQ(*one, *two);
  EXPECT_EQ(pos.must("get_check", {{"check_id", check}})["check"]["lines"].size(), 1u);
}

TEST(ExactlyOnce, BadInputOnTheWireGetsAnErrorAndTheHubKeepsServing) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  Terminal pos(hub.commands(), "pos-1");
  pos.login("1111");
  auto before = hub.reader()->last_sequence();
  EXPECT_EQ(raw_exchange(hub.commands(), "this is not json")["error"]["code"], "bad_json");
  EXPECT_EQ(raw_exchange(hub.commands(), "{\"protocol\":1}")["error"]["code"], "bad_request");
  std::string huge =
      pos.command("big-1", "add_line", {{"check_id", 1}, {"item_id", std::string(10 << 20, 'x')}});
  EXPECT_EQ(raw_exchange(hub.commands(), huge)["error"]["code"], "message_too_large");
  EXPECT_EQ(pos.call("open_check",
                     {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", -1}})["error"]["code"],
            "bad_request");
  EXPECT_EQ(pos.call("teleport", Json::object())["error"]["code"], "unknown_command");
  EXPECT_EQ(hub.reader()->last_sequence(), before);
  EXPECT_TRUE(pos.call("hello", Json::object()).value("ok", false));
}
