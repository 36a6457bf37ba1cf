// Turns what a cook did on the screen into hub commands (bump, serve, item_bump, recall),
// acknowledges every ticket the screen showed, reads the hub's answers, and keeps the
// hub's clock so that timers count from the hub's times. Kitchen screens send these
// commands without a session (docs/protocol.md).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "brigade/client/hub_link.h"
#include "brigade/protocol/commands.h"
#include "kds/board.h"
#include "kds/intents.h"

namespace brigade::kds {

class Controller {
 public:
  // Queues one command and returns its id (HubLink::send without a session).
  using Send = std::function<std::string(const std::string& type, const Json& args)>;
  using Clock = std::function<EpochMs()>;  // this machine's wall clock, ms since 1970

  Controller(Board& board, Send send, Clock clock = {});

  // Asks the hub for its time (hello); again whenever the screen comes back online.
  void sync_clock();
  // A frame's intents become commands; tickets on its board (any page) are acknowledged.
  void run(const FrameOutput& frame);
  void handle(const Intent& intent);
  void acknowledge_displayed();
  void answered(const client::Answer& answer);

  // What the cook did that the hub has not answered yet (bumps, recalls, lines done).
  std::size_t waiting() const;
  // The hub's clock now: what ticket timers count against.
  EpochMs hub_now() const { return clock_() + offset_ms_; }
  EpochMs offset_ms() const { return offset_ms_; }
  // The last thing the hub refused, in words for the cook, and when (local clock).
  const std::string& message() const { return message_; }
  // Refusals nobody needs to act on (acknowledgements), for the log.
  std::vector<std::string> take_quiet_refusals() { return std::exchange(quiet_, {}); }
  EpochMs message_at() const { return message_at_; }
  void say(std::string text);

 private:
  struct Sent {
    std::string what;  // "bump Table 12"
    std::int64_t ticket_id = 0;
    bool hides_ticket = false;  // a bump or serve: the ticket left the screen on sending
    bool tell_cook = true;      // a refusal is shown (an acknowledgement's is only logged)
  };
  void send(std::string_view type, const Json& args, Sent sent);
  // A typed command (protocol/commands.h): its kind and its args.
  template <class Command>
  void send(const Command& command, Sent sent) {
    send(Command::kind, protocol::to_json(command), std::move(sent));
  }
  std::string name_of(std::int64_t ticket_id) const;

  Board& board_;
  Send send_;
  Clock clock_;
  EpochMs offset_ms_ = 0;
  std::map<std::string, Sent> sent_;  // command id -> what it was
  std::string message_;
  std::vector<std::string> quiet_;
  EpochMs message_at_ = 0;
};

}  // namespace brigade::kds
