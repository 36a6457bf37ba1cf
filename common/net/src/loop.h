// Small pieces every network thread loop here uses.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "brigade/net/command_client.h"
#include "brigade/protocol/protocol.h"

namespace brigade::net::detail {

using Clock = std::chrono::steady_clock;

// The longest a loop sleeps in poll: bounds how late it sees a stop flag or a timer.
inline constexpr std::chrono::milliseconds kMaxPollWait{100};

// Waits until something is readable or `timeout`; false if poll failed (EINTR, or the context
// is ending), which the loops treat like a timeout.
inline bool poll_for(std::vector<zmq::pollitem_t>& items, std::chrono::milliseconds timeout) {
  try {
    zmq::poll(items, std::clamp(timeout, std::chrono::milliseconds{0}, kMaxPollWait));
    return true;
  } catch (const zmq::error_t&) {
    for (auto& item : items) item.revents = 0;
    return false;
  }
}

inline std::chrono::milliseconds until(Clock::time_point deadline, Clock::time_point now) {
  return std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
}

// A missing socket or descriptor becomes fd -1, which poll ignores.
inline zmq::pollitem_t readable(zmq::socket_t& socket) {
  if (!socket) return zmq::pollitem_t{nullptr, -1, ZMQ_POLLIN, 0};
  return zmq::pollitem_t{socket.handle(), 0, ZMQ_POLLIN, 0};
}

inline zmq::pollitem_t readable(int fd) {
  return zmq::pollitem_t{nullptr, fd, ZMQ_POLLIN, 0};
}

// Takes the next whole message if one is waiting. False if none is (or the socket failed,
// which the caller treats the same way: try again at the next poll).
inline bool receive_waiting(zmq::socket_t& socket, std::vector<zmq::message_t>& frames) {
  frames.clear();
  try {
    return zmq::recv_multipart(socket, std::back_inserter(frames), zmq::recv_flags::dontwait)
        .has_value();
  } catch (const zmq::error_t&) {
    return false;
  }
}

// Makes a client socket speak CURVE with these keys; nothing without keys (plain text).
inline void apply_curve(zmq::socket_t& socket, const std::optional<ClientCurve>& curve) {
  if (!curve) return;
  socket.set(zmq::sockopt::curve_serverkey, curve->hub_public_key);
  socket.set(zmq::sockopt::curve_publickey, curve->public_key);
  socket.set(zmq::sockopt::curve_secretkey, curve->secret_key);
}

// {"protocol":1,"id":<id>,"ok":false,"error":{"code":<code>,"message":<message>}}
inline std::string error_reply(const std::string& id, std::string_view code,
                               const std::string& message) {
  return protocol::reply_error(id, {std::string(code), message});
}

}  // namespace brigade::net::detail
