// HubServer: one thread, one poll loop. Requests are answered in arrival order; a reply goes
// out before the events of the same command, and timers (heartbeat, tick) are checked
// between batches of requests so that a flood of commands cannot silence the heartbeat.
#include "brigade/net/hub_server.h"

#include <array>
#include <zmq_addon.hpp>

#include "loop.h"

namespace brigade::net {

using detail::Clock;

namespace {

constexpr int kMaxHeartbeatMs = 1000;  // protocol.md: at least once a second
constexpr int kRequestsPerBatch = 64;

// The handler and callbacks are someone else's code: an exception from them must not end
// the hub, and the sender still gets a reply.
template <class Callback, class T>
T call_safely(const Callback& callback, T fallback) {
  try {
    return callback();
  } catch (...) {
    return fallback;
  }
}

std::string default_heartbeat() {
  return protocol::encode(protocol::Heartbeat{0, now_ms(), {}});
}

}  // namespace

// A nested struct, so it may use the hub's options, handler and counters.
struct HubServer::Sockets {
  explicit Sockets(HubServer& hub_in) : hub(hub_in) {}
  void serve(std::vector<zmq::message_t>& frames);

  HubServer& hub;
  zmq::context_t context{1};
  zmq::socket_t router{context, zmq::socket_type::router};
  zmq::socket_t publisher{context, zmq::socket_type::pub};
  bool bound = false;

  void publish(const std::vector<Publication>& publications) {
    for (const auto& publication : publications) {
      std::string seq = std::to_string(publication.seq);
      try {
        // PUB never blocks: past the high-water mark ZeroMQ drops, and clients catch up.
        std::array<zmq::const_buffer, 3> frames = {zmq::buffer(publication.topic), zmq::buffer(seq),
                                                   zmq::buffer(publication.body)};
        [[maybe_unused]] auto sent =
            zmq::send_multipart(publisher, frames, zmq::send_flags::dontwait);
      } catch (const zmq::error_t&) {
      }
    }
  }
};

HubServer::HubServer(HubOptions options, CommandHandler handler)
    : options_(std::move(options)), handler_(std::move(handler)) {
  if (options_.heartbeat_ms <= 0) options_.heartbeat_ms = 500;
  if (options_.heartbeat_ms > kMaxHeartbeatMs) options_.heartbeat_ms = kMaxHeartbeatMs;
  if (options_.tick_ms <= 0) options_.tick_ms = 250;
}

HubServer::~HubServer() = default;

std::string HubServer::bind() {
  std::string endpoint = options_.command_endpoint;
  try {
    sockets_ = std::make_unique<Sockets>(*this);
    auto& router = sockets_->router;
    router.set(zmq::sockopt::linger, options_.linger_ms);
    router.set(zmq::sockopt::maxmsgsize, options_.max_transport_bytes);
    router.bind(endpoint);
    command_endpoint_ = router.get(zmq::sockopt::last_endpoint);

    endpoint = options_.event_endpoint;
    auto& publisher = sockets_->publisher;
    publisher.set(zmq::sockopt::linger, options_.linger_ms);
    publisher.set(zmq::sockopt::sndhwm, options_.event_send_hwm);
    publisher.bind(endpoint);
    event_endpoint_ = publisher.get(zmq::sockopt::last_endpoint);
    sockets_->bound = true;
    return {};
  } catch (const zmq::error_t& e) {
    sockets_.reset();
    command_endpoint_.clear();
    event_endpoint_.clear();
    return endpoint + ": " + e.what();
  }
}

bool HubServer::run() {
  if (!sockets_ || !sockets_->bound) return false;
  auto& router = sockets_->router;
  const auto heartbeat_every = std::chrono::milliseconds{options_.heartbeat_ms};
  const auto tick_every = std::chrono::milliseconds{options_.tick_ms};
  auto next_heartbeat = Clock::now();  // one at once, so clients see the hub immediately
  auto next_tick = Clock::now() + tick_every;

  while (!stopping_.load(std::memory_order_relaxed)) {
    auto now = Clock::now();
    auto next_timer = options_.tick ? std::min(next_heartbeat, next_tick) : next_heartbeat;
    std::vector<zmq::pollitem_t> items = {detail::readable(router)};
    detail::poll_for(items, detail::until(next_timer, now));

    if (items[0].revents & ZMQ_POLLIN) {
      std::vector<zmq::message_t> frames;
      for (int i = 0; i < kRequestsPerBatch && detail::receive_waiting(router, frames); ++i)
        sockets_->serve(frames);
    }

    now = Clock::now();
    if (now >= next_heartbeat) {
      Publication heartbeat{std::string(protocol::topic::hub), 0, {}};
      if (options_.heartbeat) heartbeat = call_safely(options_.heartbeat, heartbeat);
      if (heartbeat.body.empty()) heartbeat.body = default_heartbeat();
      sockets_->publish({heartbeat});
      // Skip beats missed while busy instead of sending them in a burst.
      while (next_heartbeat <= now) next_heartbeat += heartbeat_every;
    }
    if (options_.tick && now >= next_tick) {
      sockets_->publish(call_safely(options_.tick, std::vector<Publication>{}));
      while (next_tick <= now) next_tick += tick_every;
    }
  }
  return true;
}

// frames: [identity][body...]. The protocol's body is one frame; anything else is still
// answered (by the handler, which sees all body frames joined) so that no sender waits.
void HubServer::Sockets::serve(std::vector<zmq::message_t>& frames) {
  const HubOptions& options = hub.options_;
  if (frames.empty()) return;
  std::size_t total = 0;  // of the body frames, which the handler would get joined
  for (std::size_t i = 1; i < frames.size(); ++i) total += frames[i].size();

  HandledCommand handled;
  if (total > options.max_command_bytes) {
    hub.oversized_.fetch_add(1, std::memory_order_relaxed);
    handled.reply = detail::error_reply("", protocol::code::message_too_large,
                                        "The command is " + std::to_string(total) +
                                            " bytes; the hub accepts at most " +
                                            std::to_string(options.max_command_bytes) + " bytes.");
  } else {
    std::string joined;
    std::string_view body;
    if (frames.size() == 2) {
      body = frames[1].to_string_view();
    } else {
      joined.reserve(total);
      for (std::size_t i = 1; i < frames.size(); ++i) joined += frames[i].to_string_view();
      body = joined;
    }
    hub.commands_.fetch_add(1, std::memory_order_relaxed);
    handled = call_safely([&] { return hub.handler_(body); }, HandledCommand{});
    if (handled.reply.empty())
      handled.reply = detail::error_reply("", protocol::code::internal_error,
                                          "The hub could not handle this command.");
  }

  try {
    std::array<zmq::const_buffer, 2> reply = {zmq::buffer(frames[0].data(), frames[0].size()),
                                              zmq::buffer(handled.reply)};
    // A peer that went away is unroutable and ROUTER drops the reply silently: the sender's
    // retry will fetch the stored reply.
    [[maybe_unused]] auto sent = zmq::send_multipart(router, reply, zmq::send_flags::dontwait);
  } catch (const zmq::error_t&) {
  }
  publish(handled.publications);
}

}  // namespace brigade::net
