// The back office over real sockets: a manager's price edit and a station's new timers
// reach a running terminal and kitchen screen at once, through the hub's PUB socket; and
// terminals racing for the last portions never sell one twice.
#include <gtest/gtest.h>

#include <functional>
#include <thread>

#include "brigade/protocol/codec.h"
#include "brigade/restaurant/menu_file.h"
#include "kds/board.h"
#include "live_hub.h"
#include "terminal_state.h"

namespace brigade::testing {
namespace {

net::FeedOptions feed_options(const LiveHub& hub, std::string device,
                              std::vector<std::string> topics) {
  net::FeedOptions options;
  options.command_endpoint = hub.commands();
  options.event_endpoint = hub.events();
  options.device = std::move(device);
  options.topics = std::move(topics);
  return options;
}

Json entry_of(const Menu& menu, std::string_view list, const std::string& id) {
  const Json whole = menu_json(menu);
  for (const Json& entry : whole[std::string(list)])
    if (entry["id"] == id) return entry;
  return Json::object();
}

// `count` terminals, each logged in as a server with a check open at its own table, all
// sending add_line at once; the replies, in terminal order.
std::vector<Json> race_to_add(const LiveHub& hub, int count, const std::string& prefix,
                              const std::function<Json(int, std::int64_t)>& line_of) {
  std::vector<std::unique_ptr<Terminal>> terminals;
  std::vector<std::int64_t> checks;
  for (int i = 0; i < count; ++i) {
    terminals.push_back(std::make_unique<Terminal>(hub.commands(), prefix + std::to_string(i)));
    terminals.back()->login(kServerPin);
    checks.push_back(terminals.back()->must("open_check", {{"channel", "dine_in"},
                                                           {"table_id", std::to_string(i + 1)},
                                                           {"guests", 2}})["check"]["id"]);
  }
  std::vector<Json> replies(count);
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i)
    threads.emplace_back(
        [&, i] { replies[i] = terminals[i]->call("add_line", line_of(i, checks[i])); });
  for (auto& t : threads) t.join();
  return replies;
}

TEST(BackOfficeLive, APriceEditAndNewStationTimersReachRunningScreensAtOnce) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  net::EventFeed terminal_feed(feed_options(hub, "pos-1", {"check", "menu", "staff", "alert"}));
  kds::ScreenConfig grill_screen;
  grill_screen.stations = {"grill"};
  // The screen's own topics: its station's tickets and the menu.
  net::EventFeed kitchen_feed(feed_options(hub, "kds-grill", grill_screen.topics()));
  terminal::TerminalState terminal;
  kds::Board board(grill_screen);
  auto pump = [&] {
    for (auto& item : terminal_feed.take()) terminal.apply(item);
    for (auto& item : kitchen_feed.take()) board.apply(item);
  };
  ASSERT_TRUE(wait_until([&] {
    pump();
    return terminal.synced() && !board.stations().empty();
  }));
  ASSERT_EQ(terminal.menu().find_item("classic-burger")->price, Money::cents(1700));

  Terminal office(hub.commands(), "pos-office");
  office.login(kManagerPin);
  const Menu menu = protocol::read_menu(office.must("get_menu", Json::object())["menu"]);
  Json burger = entry_of(menu, "items", "classic-burger");
  burger["price"] = "18.50";
  office.must("save_menu_entry", {{"kind", "item"}, {"entry", burger}});
  Json grill = entry_of(menu, "stations", "grill");
  grill["name"] = "Grill & broiler";
  grill["warn_after_s"] = 240;
  office.must("save_menu_entry", {{"kind", "station"}, {"entry", grill}});

  auto grill_setup = [&]() -> const kds::StationSetup* {
    for (const auto& s : board.stations())
      if (s.id == "grill") return &s;
    return nullptr;
  };
  const std::int64_t version = office.must("get_menu", Json::object())["menu_version"];
  EXPECT_TRUE(wait_until([&] {
    pump();
    const kds::StationSetup* setup = grill_setup();
    if (terminal.menu_version() != version) return false;
    return terminal.menu().find_item("classic-burger")->price == Money::cents(1850) && setup &&
           setup->warn_after_s == 240;
  }));
  EXPECT_EQ(grill_setup()->name, "Grill & broiler");
}

TEST(BackOfficeLive, TerminalsRacingForTheLastPortionsSellExactlyWhatIsLeft) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  Terminal office(hub.commands(), "pos-office");
  office.login(kManagerPin);
  office.must("set_stock", {{"item_id", "short-rib"}, {"remaining", 3}});
  net::EventFeed watcher(feed_options(hub, "pos-watch", {"menu"}));

  const std::vector<Json> replies = race_to_add(hub, 8, "pos-race-", [](int, std::int64_t check) {
    return Json{{"check_id", check}, {"item_id", "short-rib"}};
  });
  int sold = 0;
  for (const Json& r : replies) {
    if (r.value("ok", false)) {
      ++sold;
    } else {
      const std::string code = r["error"]["code"];
      EXPECT_TRUE(code == "item_86" || code == "not_enough_stock") << r.dump();
    }
  }
  EXPECT_EQ(sold, 3);
  int left = -1;
  const Json now = office.must("get_menu", Json::object());
  for (const Json& level : now["stock"])
    if (level["item_id"] == "short-rib") left = level["remaining"];
  EXPECT_EQ(left, 0);

  // Out reaches a terminal that is watching; back in when stock arrives.
  office.must("set_stock", {{"item_id", "short-rib"}, {"remaining", 5}});
  bool saw_out = false, saw_back = false;
  EXPECT_TRUE(wait_until([&] {
    for (auto& item : watcher.take())
      if (auto* e = std::get_if<net::EventItem>(&item)) {
        const Json body = Json::parse(e->body);
        if (!body.contains("stock") || body["stock"]["item_id"] != "short-rib") continue;
        if (body["stock"]["out"] == true) saw_out = true;
        if (saw_out && body["stock"]["out"] == false && body["stock"]["remaining"] == 5)
          saw_back = true;
      }
    return saw_back;
  }));
  EXPECT_TRUE(saw_out);
}

TEST(BackOfficeLive, TerminalsRacingForTheLastPattiesOfThreeBurgersSellExactlyThree) {
  TempDir dir;
  LiveHub hub(dir.file("store.db"));
  Terminal office(hub.commands(), "pos-office");
  office.login(kManagerPin);
  office.must("count_stock", {{"ingredient_id", "beef-patty"}, {"on_hand", 3}});
  // A terminal following the menu topic, as pos does.
  terminal::TerminalState state;
  net::EventFeed feed(feed_options(hub, "pos-watch", {"menu"}));

  // Eight terminals, three different burgers, one shared patty each.
  const char* burgers[] = {"classic-burger", "bacon-cheeseburger", "brasserie-burger"};
  const std::vector<Json> replies =
      race_to_add(hub, 8, "pos-burger-", [&](int i, std::int64_t check) {
        return Json{
            {"check_id", check}, {"item_id", burgers[i % 3]}, {"modifiers", {"temp-medium-rare"}}};
      });
  int sold = 0;
  for (const Json& r : replies) {
    if (r.value("ok", false)) {
      ++sold;
    } else {
      EXPECT_EQ(r["error"]["code"], "item_86") << r.dump();
      EXPECT_NE(r["error"]["message"].get<std::string>().find("not enough Beef patty"),
                std::string::npos)
          << r.dump();
    }
  }
  EXPECT_EQ(sold, 3);
  const Json menu = office.must("get_menu", Json::object());
  EXPECT_EQ(menu["inventory"][0]["on_hand"], 0);

  // Every burger is out on the watching terminal; a delivery brings them all back.
  auto follow = [&](const std::function<bool()>& done) {
    return wait_until([&] {
      for (auto& item : feed.take()) state.apply(item);
      return done();
    });
  };
  EXPECT_TRUE(follow([&] {
    return state.synced() && state.stock_of("classic-burger").out() &&
           state.stock_of("bacon-cheeseburger").out() && state.stock_of("brasserie-burger").out();
  }));
  office.must("receive_stock", {{"ingredient_id", "beef-patty"}, {"quantity", 24}});
  EXPECT_TRUE(follow([&] {
    return !state.stock_of("classic-burger").out() && !state.stock_of("brasserie-burger").out() &&
           state.stock_of("classic-burger").remaining == 24 && state.on_hand("beef-patty") == 24;
  }));
}

}  // namespace
}  // namespace brigade::testing
