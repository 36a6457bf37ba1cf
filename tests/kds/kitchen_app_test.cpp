// The kitchen display as kds runs it, frame by frame, without a window: what the hub
// sends goes in as HubNews, bump-bar keys go in through ImGui, and what comes out is the
// screen, the commands to the hub (a real one, the OrderService, no sockets) and the log
// lines that the system tests and a person read.
#include "kds/kitchen_app.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "brigade/ui/headless.h"
#include "kitchen_hub.h"

namespace brigade::kds::testing {
namespace {

using namespace std::chrono_literals;

// Bump-bar keys (named apart from kitchen_screen_test.cpp's: one unity file holds both).
constexpr int kBumpKey = ui::key::enter;
constexpr int kRecallKey = ui::key::letter_a + ('R' - 'A');

// The default logger writes "level: text" lines here while the test runs.
class LogCapture {
 public:
  LogCapture() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(out_);
    auto logger = std::make_shared<spdlog::logger>("kds-test", sink);
    logger->set_pattern("%l: %v");
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }
  bool has(const std::string& line) const {
    return out_.str().find(line + "\n") != std::string::npos;
  }
  std::string text() const { return out_.str(); }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream out_;
};

// kds's main loop with the hub in the same process, as a HubLink shows it: a command
// is queued when sent, reaches the hub at the start of the next frame and is answered
// in it; while the network is down (`reachable` false) nothing goes or comes, and what
// was queued goes when it is back.
struct KitchenRig {
  struct Queued {
    std::string id, type;
    Json args;
  };

  KitchenRig(KitchenHub& h, ScreenConfig config, EpochMs clock_behind_hub = 0)
      : hub(h),
        behind(clock_behind_hub),
        app(
            {std::move(config), 0, "tcp://hub:5555"},
            [this](const std::string& type, const Json& args) {
              sent.push_back({type, args});
              queued.push_back({"kds-" + std::to_string(sent.size()), type, args});
              return queued.back().id;
            },
            [this] { return hub.now() - behind; }) {}

  KitchenHub& hub;
  EpochMs behind;  // this machine's clock against the hub's
  LogCapture log;
  std::vector<std::pair<std::string, Json>> sent;  // every command, in order
  std::vector<Queued> queued;                      // not at the hub yet
  std::size_t cursor = 0;
  bool subscribed = false;
  bool reachable = true;
  std::optional<std::chrono::milliseconds> since_heartbeat = 200ms;  // when reachable
  ui::Headless ui{{1280, 800}};
  KitchenApp app;

  HubNews news() {
    HubNews n;
    if (!reachable) {
      n.online = false;
      n.since_heartbeat = since_heartbeat;
      return n;
    }
    if (!subscribed) n.feed.push_back(hub.subscribe(app.board().config(), cursor));
    subscribed = true;
    for (const auto& q : std::exchange(queued, {})) {
      n.answers.push_back(hub.kitchen_answer(q.type, q.args));
      n.answers.back().id = q.id;
    }
    for (auto& item : hub.events(app.board().config(), cursor)) n.feed.push_back(std::move(item));
    n.online = true;
    n.since_heartbeat = since_heartbeat;
    return n;
  }
  std::function<void()> draw = [this] { app.frame(news()); };
  void frame() { ui.frame(draw); }
  void press(int key) { ui.press(key, draw); }
  std::vector<std::string> sent_types() const {
    std::vector<std::string> out;
    for (const auto& [type, args] : sent)
      if (type != "ack_ticket") out.push_back(type);
    return out;
  }
  std::string banner() const { return ui::connection_text(app.shown().connection); }
};

TEST(KitchenApp, AtStartTheHubHasThreeSecondsToBeHeardBeforeTheScreenSaysOffline) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}));
  grill.reachable = false;
  grill.since_heartbeat.reset();  // never heard
  grill.frame();
  EXPECT_FALSE(grill.ui.drawn("connection-banner"));
  hub.wait(2999);
  grill.frame();
  EXPECT_FALSE(grill.ui.drawn("connection-banner"));
  EXPECT_TRUE(grill.app.shown().connection.online);
  hub.wait(1);
  grill.frame();
  EXPECT_TRUE(grill.ui.drawn("connection-banner"));
  EXPECT_EQ(grill.banner(),
            "OFFLINE: no contact with the hub. Nothing is lost: it is sent when the hub is back.");
  EXPECT_FALSE(grill.app.ready());
}

TEST(KitchenApp, OnceAHeartbeatWasHeardItsAbsenceShowsAtOnce) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}));
  grill.reachable = false;
  grill.since_heartbeat = 4s;  // heard, then lost, within the first frame
  grill.frame();
  EXPECT_TRUE(grill.ui.drawn("connection-banner"));
  EXPECT_EQ(grill.banner(),
            "OFFLINE: no contact with the hub for 4 s. Nothing is lost: it is sent when the hub "
            "is back.");
}

TEST(KitchenApp, TimersFollowTheHubsClockFromItsAnswerToHello) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}), 90'000);  // this machine is 90 s behind
  ASSERT_EQ(grill.sent_types(), std::vector<std::string>{"hello"}) << "asked at start";
  EXPECT_FALSE(grill.app.ready());
  grill.frame();
  EXPECT_EQ(grill.app.shown().now, hub.now());
  EXPECT_TRUE(grill.app.ready()) << "tickets loaded, clock synced, hub online";
  hub.wait(5000);
  grill.frame();
  EXPECT_EQ(grill.app.shown().now, hub.now());
}

TEST(KitchenApp, TheHubComingBackIsLoggedAndItsClockAskedAgain) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}));
  grill.frame();
  EXPECT_TRUE(grill.log.has("info: online: the hub's heartbeat is back"));
  grill.reachable = false;
  grill.since_heartbeat = 3s;
  grill.frame();
  EXPECT_TRUE(grill.log.has("warning: OFFLINE: no heartbeat"));
  EXPECT_TRUE(grill.ui.drawn("connection-banner"));
  EXPECT_EQ(grill.sent_types(), (std::vector<std::string>{"hello", "hello"}))
      << "once at start, once on the first heartbeat";
  grill.reachable = true;
  grill.since_heartbeat = 100ms;
  grill.frame();
  EXPECT_EQ(grill.sent_types(), (std::vector<std::string>{"hello", "hello", "hello"}));
  EXPECT_FALSE(grill.ui.drawn("connection-banner"));
}

TEST(KitchenApp, TheSnapshotIsLoggedAndAStationTheMenuLacksIsSaidOnScreen) {
  KitchenHub hub;
  hub.order("12", {"classic-burger:temp-medium"});
  KitchenRig wok(hub, station({"wok"}));
  wok.frame();
  EXPECT_TRUE(
      wok.log.has("error: station 'wok' is not in the restaurant's menu: no ticket "
                  "comes here"))
      << wok.log.text();
  EXPECT_EQ(wok.app.shown().message, "No station 'wok' in this restaurant: check --station");
  EXPECT_TRUE(wok.ui.drawn("message"));
  EXPECT_NE(wok.log.text().find("info: snapshot at #"), std::string::npos);
  EXPECT_NE(wok.log.text().find(": 0 tickets on screen\n"), std::string::npos);
}

TEST(KitchenApp, ABumpBarKeyBumpsTheTicketAndTheLogFollowsIt) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}));
  grill.frame();
  Order t = hub.order("12", {"classic-burger:temp-medium-rare"});
  const std::int64_t id = t.tickets[0];
  grill.frame();
  EXPECT_NE(grill.log.text().find("ticket " + std::to_string(id) + " appears: Table 12"),
            std::string::npos)
      << grill.log.text();
  grill.press(kBumpKey);
  EXPECT_EQ(grill.sent_types(), (std::vector<std::string>{"hello", "hello", "bump"}));
  EXPECT_EQ(grill.sent.back().second, (Json{{"ticket_id", id}, {"station", "grill"}}));
  EXPECT_TRUE(grill.log.has("info: cook bumps ticket " + std::to_string(id)));
  grill.frame();
  EXPECT_NE(grill.log.text().find("ticket " + std::to_string(id) + " leaves: Table 12"),
            std::string::npos);
  EXPECT_TRUE(grill.app.board().tickets().empty());
}

TEST(KitchenApp, AtExpoTheSameKeyServesTheTicket) {
  KitchenHub hub;
  KitchenRig pass(hub, expo());
  Order t = hub.order("12", {"classic-burger:temp-medium"});
  pass.frame();
  pass.press(kBumpKey);
  EXPECT_EQ(pass.sent_types().back(), "serve");
  EXPECT_TRUE(pass.log.has("info: cook serves ticket " + std::to_string(t.tickets[0])));
  pass.frame();
  EXPECT_EQ(hub.check(t.check_id)["lines"][0]["state"], "served");
}

TEST(KitchenApp, WhatTheHubRefusedIsShownForFifteenSeconds) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}));
  hub.order("12", {"shrimp-cocktail", "classic-burger:temp-medium"}, {"mains"});
  grill.frame();
  grill.press(kBumpKey);  // the held mains
  grill.frame();
  EXPECT_EQ(grill.app.shown().message,
            "Table 12 #1 is on hold: the server fires it from the terminal");
  EXPECT_TRUE(grill.ui.drawn("message"));
  hub.wait(14'999);
  grill.frame();
  EXPECT_TRUE(grill.ui.drawn("message"));
  hub.wait(1);
  grill.frame();
  EXPECT_FALSE(grill.ui.drawn("message"));
  EXPECT_EQ(grill.app.shown().message, "");
}

TEST(KitchenApp, ABumpMadeOfflineWaitsOnTheBannerAndLandsWhenTheHubIsBack) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}));
  Order t = hub.order("7", {"ny-strip:temp-medium"});
  grill.frame();
  grill.reachable = false;
  grill.since_heartbeat = 5s;
  grill.press(kBumpKey);
  grill.frame();
  EXPECT_EQ(grill.sent_types().back(), "bump");
  EXPECT_EQ(grill.banner(),
            "OFFLINE: no contact with the hub for 5 s. 1 waiting to be sent. Nothing is lost: "
            "it is sent when the hub is back.");
  EXPECT_TRUE(grill.app.board().tickets().empty()) << "gone from the screen when bumped";
  grill.reachable = true;
  grill.since_heartbeat = 50ms;
  grill.frame();
  EXPECT_EQ(grill.app.controller().waiting(), 0u);
  EXPECT_EQ(grill.banner(), "");
  EXPECT_EQ(grill.app.board().recently_bumped().front().ticket_id, t.tickets[0]);
}

TEST(KitchenApp, ARecallTheHubRefusesIsLoggedAndSaidToTheCook) {
  KitchenHub hub;
  KitchenRig grill(hub, station({"grill"}));
  Order t = hub.order("12", {"classic-burger:temp-medium"});
  const std::int64_t id = t.tickets[0];
  grill.frame();
  grill.press(kBumpKey);
  grill.frame();
  ASSERT_EQ(grill.app.board().recently_bumped().front().ticket_id, id);
  grill.reachable = false;
  grill.since_heartbeat = 4s;
  // The other grill screen recalls it while this one is out of reach, and this one too.
  ASSERT_TRUE(hub.kitchen("recall", {{"ticket_id", id}, {"station", "grill"}}).ok());
  grill.press(kRecallKey);
  EXPECT_TRUE(grill.log.has("info: cook recalls ticket " + std::to_string(id)));
  grill.reachable = true;
  grill.since_heartbeat = 10ms;
  grill.frame();
  EXPECT_TRUE(grill.log.has("warning: recall refused: ticket " + std::to_string(id) +
                            " is not bumped at 'grill'"))
      << grill.log.text();
  EXPECT_EQ(grill.app.shown().message, "The hub refused to recall Table 12 #1: ticket " +
                                           std::to_string(id) + " is not bumped at 'grill'");
  EXPECT_TRUE(grill.ui.drawn("message"));
}

}  // namespace
}  // namespace brigade::kds::testing
