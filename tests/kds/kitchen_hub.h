// A real hub for kitchen-screen tests: the OrderService over a scratch store seeded with
// the sample restaurant (tests/support/hub_fixture.h), a server terminal that places
// orders, and the event log turned into what a screen's event feed delivers (snapshot,
// then events). An event for several stations is published once per station topic with
// one seq; the items here keep those repeats, so boards see what the wire carries.
#pragma once

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "brigade/net/event_feed.h"
#include "hub_fixture.h"
#include "kds/board.h"
#include "kds/controller.h"

namespace brigade::kds::testing {

using brigade::testing::Device;
using brigade::testing::Reply;
using brigade::testing::ServiceHub;

struct Order {
  std::int64_t check_id = 0;
  std::vector<std::int64_t> tickets;
  std::vector<std::int64_t> lines;  // in the order of the items
};

class KitchenHub {
 public:
  KitchenHub() : server_(hub_, "pos-1"), manager_(hub_, "pos-office"), screen_(hub_, "kds-test") {
    EXPECT_TRUE(server_.login(brigade::testing::kServerPin).ok());
    EXPECT_TRUE(manager_.login(brigade::testing::kManagerPin).ok());
  }

  EpochMs now() const { return hub_.now; }
  void wait(EpochMs ms) { hub_.now += ms; }

  // Items as posctl takes them: "classic-burger:temp-medium-rare,add-bacon@2" (quantity
  // with "*3" at the end: "fries@1*2").
  Order order(const std::string& table, const std::vector<std::string>& items,
              const std::vector<std::string>& hold = {}) {
    Order order;
    Reply opened = record(
        server_.call("open_check", {{"channel", "dine_in"}, {"table_id", table}, {"guests", 4}}));
    EXPECT_TRUE(opened.ok()) << opened.message();
    order.check_id = opened.result()["check_id"];
    add(order, items);
    send(order, hold);
    return order;
  }

  void add(Order& order, const std::vector<std::string>& items) {
    for (std::string spec : items) {
      Json args{{"check_id", order.check_id}};
      if (auto star = spec.find('*'); star != std::string::npos) {
        args["quantity"] = std::stoi(spec.substr(star + 1));
        spec.resize(star);
      }
      if (auto at = spec.find('@'); at != std::string::npos) {
        args["seat"] = std::stoi(spec.substr(at + 1));
        spec.resize(at);
      }
      Json modifiers = Json::array();
      if (auto colon = spec.find(':'); colon != std::string::npos) {
        std::string mods = spec.substr(colon + 1);
        spec.resize(colon);
        for (std::size_t start = 0;;) {
          auto comma = mods.find(',', start);
          modifiers.push_back(mods.substr(start, comma - start));
          if (comma == std::string::npos) break;
          start = comma + 1;
        }
      }
      args["item_id"] = spec;
      args["modifiers"] = modifiers;
      Reply added = record(server_.call("add_line", args));
      EXPECT_TRUE(added.ok()) << spec << ": " << added.message();
      if (added.ok()) order.lines.push_back(added.result()["line_id"]);
    }
  }

  void send(Order& order, const std::vector<std::string>& hold = {}) {
    Reply sent = record(server_.call("send", {{"check_id", order.check_id}, {"hold", hold}}));
    EXPECT_TRUE(sent.ok()) << sent.message();
    if (sent.ok())
      for (const auto& id : sent.result()["ticket_ids"]) order.tickets.push_back(id);
  }

  void void_line(const Order& order, std::int64_t line_id, int quantity = 0) {
    Json args{{"check_id", order.check_id}, {"line_id", line_id}, {"reason", "guest changed mind"}};
    if (quantity > 0) args["quantity"] = quantity;
    Reply r = record(manager_.call("void_line", args));
    EXPECT_TRUE(r.ok()) << r.message();
  }

  void fire(const Order& order, const std::string& course) {
    Reply r = record(server_.call("fire", {{"check_id", order.check_id}, {"course", course}}));
    EXPECT_TRUE(r.ok()) << r.message();
  }

  // The check as the front of house reads it.
  Json check(std::int64_t check_id) {
    Reply r = server_.call("get_check", {{"check_id", check_id}});
    EXPECT_TRUE(r.ok()) << r.message();
    return r.ok() ? r.result()["check"] : Json();
  }

  // A kitchen command as a screen sends it: no session.
  Reply kitchen(const std::string& type, Json args) { return record(screen_.call(type, args)); }
  // The same, with the hub's reply as a screen's HubLink hands it back.
  client::Answer kitchen_answer(const std::string& type, const Json& args) {
    Reply r = kitchen(type, args);
    client::Answer a{screen_.last_id(), type, r.ok(), {}, r.code(), r.message()};
    if (r.ok()) a.result = r.result();
    return a;
  }

  // What a screen's event feed delivers on start: the snapshot for its topics.
  net::FeedItem snapshot(const ScreenConfig& config) {
    Reply r = screen_.call("snapshot", {{"topics", config.topics()}});
    EXPECT_TRUE(r.ok()) << r.message();
    return net::SnapshotLoaded{r.result().dump()};
  }

  // A screen's event feed starting: the snapshot; `cursor` then follows what comes after.
  net::FeedItem subscribe(const ScreenConfig& config, std::size_t& cursor) {
    net::FeedItem item = snapshot(config);
    cursor = published_.size();
    return item;
  }

  // Events published since `cursor` on the screen's topics, each as often as it was
  // published there (once per station topic).
  std::vector<net::FeedItem> events(const ScreenConfig& config, std::size_t& cursor) const {
    std::vector<net::FeedItem> out;
    for (; cursor < published_.size(); ++cursor) {
      const auto& p = published_[cursor];
      bool followed = false;
      for (const auto& t : config.topics()) followed = followed || p.topic.starts_with(t);
      if (!followed) continue;
      Json e = Json::parse(p.body);
      out.push_back(net::EventItem{e["seq"], p.topic, e["type"], e["at"], e["body"].dump()});
    }
    return out;
  }

  // A screen wired to this hub: its board follows the events; its controller's commands
  // are handled at once and answered on the next pump().
  struct Screen {
    KitchenHub& hub;
    Board board;
    Controller controller;
    std::size_t cursor = 0;
    std::deque<client::Answer> answers;
    std::vector<std::pair<std::string, Json>> sent;  // every command, in order

    Screen(KitchenHub& h, ScreenConfig config)
        : hub(h),
          board(std::move(config)),
          controller(
              board,
              [this](const std::string& type, const Json& args) {
                sent.push_back({type, args});
                answers.push_back(hub.kitchen_answer(type, args));
                return answers.back().id;
              },
              [this] { return hub.now(); }) {}

    // Starts like a screen: the snapshot first, then whatever comes after it.
    void start() { board.apply(hub.subscribe(board.config(), cursor)); }
    // Delivers the answers and the events that arrived since the last pump.
    void pump() {
      while (!answers.empty()) {
        controller.answered(answers.front());
        answers.pop_front();
      }
      for (const auto& item : hub.events(board.config(), cursor)) board.apply(item);
    }
  };

 private:
  Reply record(Reply r) {
    for (auto& p : r.publications) published_.push_back(p);
    return r;
  }

  ServiceHub hub_;
  Device server_;
  Device manager_;
  Device screen_;
  std::vector<service::Publication> published_;
};

inline ScreenConfig station(std::vector<std::string> stations, bool show_held = true) {
  ScreenConfig c;
  c.stations = std::move(stations);
  c.show_held = show_held;
  return c;
}

inline ScreenConfig expo() {
  ScreenConfig c;
  c.expo = true;
  return c;
}

// The ids of the tickets on the board, in screen order.
inline std::vector<std::int64_t> ids(const Board& board) {
  std::vector<std::int64_t> out;
  for (const Ticket* t : board.tickets()) out.push_back(t->id);
  return out;
}

}  // namespace brigade::kds::testing
