// One DEALER with the Lazy Pirate retries of docs/protocol.md section 2, driven by the
// network thread that owns it: several commands may be in flight; each is resent (same
// frame) when its timeout passes; after attempts_per_socket tries the socket is replaced
// (new identity) and everything pending is sent again. Replies are matched by "id"; a
// reply for an id no longer pending (a late duplicate) is dropped.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "brigade/net/command_client.h"
#include "loop.h"

namespace brigade::net::detail {

class PirateChannel {
 public:
  PirateChannel(zmq::context_t& context, std::string endpoint, std::optional<ClientCurve> curve,
                RetryOptions retry);

  // Sends now and keeps retrying until answered. An id already pending is left as it is.
  void send(const std::string& id, std::string frame, Clock::time_point now);
  void cancel(const std::string& id);

  zmq::pollitem_t poll_item() { return readable(socket_); }  // fd -1 if no socket could open
  // Reads every waiting reply; returns those that answer a pending command.
  std::vector<Reply> receive(Clock::time_point now);
  // Resends what timed out, replaces the socket when due; returns hub_unreachable replies
  // for commands that used up max_attempts.
  std::vector<Reply> on_timer(Clock::time_point now);
  std::optional<Clock::time_point> next_deadline() const;

  std::size_t pending() const { return pending_.size(); }
  bool reachable() const { return reachable_; }
  std::optional<Clock::time_point> last_reply_at() const { return last_reply_at_; }
  std::uint64_t resends() const { return resends_; }
  std::uint64_t reopens() const { return reopens_; }

 private:
  struct Pending {
    std::string frame;
    int attempts = 0;            // sends in all
    int attempts_on_socket = 0;  // sends on the current socket
    Clock::time_point deadline;
  };

  void open();
  void transmit(Pending& pending, Clock::time_point now);

  zmq::context_t& context_;
  std::string endpoint_;
  std::optional<ClientCurve> curve_;
  RetryOptions retry_;
  zmq::socket_t socket_;
  std::map<std::string, Pending> pending_;
  bool reachable_ = true;
  std::optional<Clock::time_point> last_reply_at_;
  std::uint64_t resends_ = 0;
  std::uint64_t reopens_ = 0;
};

}  // namespace brigade::net::detail
