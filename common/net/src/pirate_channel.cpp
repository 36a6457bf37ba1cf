#include "pirate_channel.h"

#include <nlohmann/json.hpp>

#include "brigade/protocol/json_text.h"

namespace brigade::net::detail {

PirateChannel::PirateChannel(zmq::context_t& context, std::string endpoint,
                             std::optional<ClientCurve> curve, RetryOptions retry)
    : context_(context), endpoint_(std::move(endpoint)), curve_(std::move(curve)), retry_(retry) {
  if (retry_.timeout.count() <= 0) retry_.timeout = std::chrono::milliseconds{2000};
  if (retry_.attempts_per_socket <= 0) retry_.attempts_per_socket = 3;
  open();
}

// A new socket gets a new identity from ZeroMQ, so the hub sees a fresh peer; whatever the
// old one still queued is dropped with it.
void PirateChannel::open() {
  try {
    if (socket_) socket_.close();
    zmq::socket_t socket(context_, zmq::socket_type::dealer);
    socket.set(zmq::sockopt::linger, retry_.linger_ms);
    apply_curve(socket, curve_);
    socket.connect(endpoint_);
    socket_ = std::move(socket);
  } catch (const zmq::error_t&) {
    // A bad endpoint or a closing context: the next reopen tries again.
    socket_ = zmq::socket_t();
  }
}

void PirateChannel::transmit(Pending& pending, Clock::time_point now) {
  ++pending.attempts;
  ++pending.attempts_on_socket;
  pending.deadline = now + retry_.timeout;
  if (!socket_) return;
  try {
    // Without a connection the DEALER queues the frame until it connects; at the
    // high-water mark it refuses (empty result), and the timeout brings the next try.
    [[maybe_unused]] auto sent =
        socket_.send(zmq::buffer(pending.frame), zmq::send_flags::dontwait);
  } catch (const zmq::error_t&) {
  }
}

void PirateChannel::send(const std::string& id, std::string frame, Clock::time_point now) {
  auto [it, inserted] = pending_.try_emplace(id);
  if (!inserted) return;
  it->second.frame = std::move(frame);
  transmit(it->second, now);
}

void PirateChannel::cancel(const std::string& id) {
  pending_.erase(id);
}

std::vector<Reply> PirateChannel::receive(Clock::time_point now) {
  std::vector<Reply> replies;
  if (!socket_) return replies;
  std::vector<zmq::message_t> frames;
  while (detail::receive_waiting(socket_, frames)) {
    if (frames.empty()) continue;
    reachable_ = true;
    last_reply_at_ = now;
    // The protocol's reply is one frame; should a hub ever send more, the JSON is the last.
    std::string text = frames.back().to_string();
    auto reply = protocol::read_json(text).doc;
    if (!reply.is_object()) continue;
    auto id = reply.find("id");
    if (id == reply.end() || !id->is_string()) continue;
    auto it = pending_.find(id->get<std::string>());
    if (it == pending_.end()) continue;  // already answered: a late duplicate
    replies.push_back(Reply{it->first, std::move(text)});
    pending_.erase(it);
  }
  return replies;
}

std::vector<Reply> PirateChannel::on_timer(Clock::time_point now) {
  std::vector<Reply> given_up;
  bool reopen = false;
  for (auto it = pending_.begin(); it != pending_.end();) {
    Pending& pending = it->second;
    if (now < pending.deadline) {
      ++it;
      continue;
    }
    reachable_ = false;
    if (retry_.max_attempts > 0 && pending.attempts >= retry_.max_attempts) {
      given_up.push_back(
          Reply{it->first, error_reply(it->first, protocol::code::hub_unreachable,
                                       "No answer from the hub at " + endpoint_ + " after " +
                                           std::to_string(pending.attempts) + " attempts.")});
      it = pending_.erase(it);
      continue;
    }
    if (pending.attempts_on_socket >= retry_.attempts_per_socket) {
      reopen = true;
    } else {
      ++resends_;
      transmit(pending, now);
    }
    ++it;
  }
  if (reopen) {
    ++reopens_;
    open();
    // Replies to the old identity are lost: everything pending goes out again.
    for (auto& [id, pending] : pending_) {
      pending.attempts_on_socket = 0;
      ++resends_;
      transmit(pending, now);
    }
  }
  return given_up;
}

std::optional<Clock::time_point> PirateChannel::next_deadline() const {
  std::optional<Clock::time_point> next;
  for (const auto& [id, pending] : pending_)
    if (!next || pending.deadline < *next) next = pending.deadline;
  return next;
}

}  // namespace brigade::net::detail
