// The kitchen display as the program runs it, without the window or the network. Each
// frame, what the hub sent since the last one goes in (events, answers to our commands,
// whether its heartbeat is heard); the screen is drawn from the board; what the cook did
// goes out as commands through the Controller. It logs what the screen shows and what
// the cook does, one line each (the system tests read that log).
//
// kds/main.cpp feeds it from a HubLink; tests feed it from a hub in the same process.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "brigade/client/hub_link.h"
#include "kds/board.h"
#include "kds/controller.h"
#include "kds/kitchen_screen.h"

namespace brigade::kds {

// What came from the hub since the last frame.
struct HubNews {
  std::vector<net::FeedItem> feed;
  std::vector<client::Answer> answers;
  bool online = false;  // its heartbeat was heard lately (HubLink::online)
  std::optional<std::chrono::milliseconds> since_heartbeat;  // empty: never heard yet
  bool hub_development = false;  // the heartbeat says: development mode, not encrypted
};

struct KitchenOptions {
  ScreenConfig config;
  int columns = 0;  // ticket columns; 0: as many as fit
  std::string hub;  // where the hub's commands go, said while waiting for it
};

class KitchenApp {
 public:
  // The protocol's rule: the hub is offline after 3 s without a heartbeat, and so it is at
  // start until the first one (the banner waits that long before saying so).
  static constexpr EpochMs kGraceAtStartMs = 3000;
  // How long something the hub refused stays on screen for the cook to read.
  static constexpr EpochMs kMessageShownMs = 15'000;

  // Asks the hub for its time at once (a hello through `send`). `clock` is this machine's
  // wall clock (default: brigade::now_ms); the grace at start counts from here.
  KitchenApp(KitchenOptions options, Controller::Send send, Controller::Clock clock = {});
  KitchenApp(const KitchenApp&) = delete;  // the controller holds the board by reference
  KitchenApp& operator=(const KitchenApp&) = delete;

  // Reads what the hub sent: the board follows the feed, the controller the answers.
  void hear(HubNews news);
  // Draws the screen (between ImGui::NewFrame and ImGui::Render), then hands what the
  // cook did to the controller, which sends the commands.
  FrameOutput draw();
  // One frame of the program: hear, then draw.
  FrameOutput frame(HubNews news) {
    hear(std::move(news));
    return draw();
  }

  // The hub's tickets loaded, its clock known and its heartbeat heard: the screen shows
  // the kitchen as it is (what a screenshot waits for).
  bool ready() const { return board_.loaded() && clock_synced_ && online_; }

  const Board& board() const { return board_; }
  const Controller& controller() const { return controller_; }
  const KitchenScreen& screen() const { return screen_; }
  // What the last frame showed besides the board: the banner's state, the message.
  const ScreenFrame& shown() const { return shown_; }

 private:
  void log_intents(const FrameOutput& out) const;

  KitchenOptions options_;
  Controller::Clock clock_;
  Board board_;
  Controller controller_;
  KitchenScreen screen_;
  EpochMs started_ = 0;
  bool online_ = false;        // as the hub's link said last
  bool clock_synced_ = false;  // the hub answered hello
  std::optional<std::chrono::milliseconds> since_heartbeat_;
  bool hub_development_ = false;
  ScreenFrame shown_;
};

}  // namespace brigade::kds
