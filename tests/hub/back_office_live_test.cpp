// The back office over real sockets: a manager's price edit and a station's new timers
// reach a running terminal and kitchen screen at once, through the hub's PUB socket; and
// terminals racing for the last portions never sell one twice.
#include <gtest/gtest.h>

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

  constexpr int kTerminals = 8;
  std::vector<std::unique_ptr<Terminal>> terminals;
  std::vector<std::int64_t> checks;
  for (int i = 0; i < kTerminals; ++i) {
    terminals.push_back(
        std::make_unique<Terminal>(hub.commands(), "pos-race-" + std::to_string(i)));
    terminals.back()->login(kServerPin);
    checks.push_back(terminals.back()->must("open_check", {{"channel", "dine_in"},
                                                           {"table_id", std::to_string(i + 1)},
                                                           {"guests", 2}})["check"]["id"]);
  }
  std::vector<Json> replies(kTerminals);
  std::vector<std::thread> threads;
  for (int i = 0; i < kTerminals; ++i)
    threads.emplace_back([&, i] {
      replies[i] =
          terminals[i]->call("add_line", {{"check_id", checks[i]}, {"item_id", "short-rib"}});
    });
  for (auto& t : threads) t.join();

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

}  // namespace
}  // namespace brigade::testing
