// HubServer: one thread, one poll loop. Requests are answered in arrival order; a reply goes
// out before the events of the same command, and timers (heartbeat, tick) are checked
// between batches of requests so that a flood of commands cannot silence the heartbeat.
// With CURVE, the ZAP handler is a socket in the same loop: the key check runs on the
// hub's thread, next to the store it reads, and needs no lock.
#include "brigade/net/hub_server.h"

#include <array>
#include <cerrno>
#include <thread>
#include <zmq_addon.hpp>

#include "loop.h"

namespace brigade::net {

using detail::Clock;

namespace {

constexpr int kMaxHeartbeatMs = 1000;  // protocol.md: at least once a second
constexpr int kRequestsPerBatch = 64;
constexpr const char* kZapEndpoint = "inproc://zeromq.zap.01";  // fixed by RFC 27
constexpr const char* kZapDomain = "brigade";

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

  void serve_on(zmq::socket_t& socket, std::vector<zmq::message_t>& frames, bool pairing);
  void serve_batch();
  // The frames' body (joined) and sender, or an error reply when it is too large.
  struct Read {
    std::string body;
    Peer peer;
    std::string refusal;  // a reply made here: the command is not handled
  };
  Read read_command(std::vector<zmq::message_t>& frames, bool pairing);
  void answer(zmq::socket_t& socket, const zmq::message_t& identity, const HandledCommand& handled);
  void answer_zap();
  void reconnect_everyone();

  HubServer& hub;
  zmq::context_t context{1};
  zmq::socket_t zap;  // only with CURVE; bound before the sockets that ask it
  zmq::socket_t router{context, zmq::socket_type::router};
  zmq::socket_t publisher{context, zmq::socket_type::pub};
  zmq::socket_t pairing;  // only with a pairing endpoint
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
    auto secure = [&](zmq::socket_t& socket) {
      if (!options_.curve) return;
      socket.set(zmq::sockopt::curve_server, true);
      socket.set(zmq::sockopt::curve_secretkey, options_.curve->secret_key);
      socket.set(zmq::sockopt::zap_domain, kZapDomain);
    };
    if (options_.curve) {
      sockets_->zap = zmq::socket_t(sockets_->context, zmq::socket_type::rep);
      sockets_->zap.set(zmq::sockopt::linger, 0);
      sockets_->zap.bind(kZapEndpoint);
    }
    auto& router = sockets_->router;
    secure(router);
    router.set(zmq::sockopt::linger, options_.linger_ms);
    router.set(zmq::sockopt::maxmsgsize, options_.max_transport_bytes);
    router.bind(endpoint);
    command_endpoint_ = router.get(zmq::sockopt::last_endpoint);

    endpoint = options_.event_endpoint;
    auto& publisher = sockets_->publisher;
    secure(publisher);
    publisher.set(zmq::sockopt::linger, options_.linger_ms);
    publisher.set(zmq::sockopt::sndhwm, options_.event_send_hwm);
    publisher.bind(endpoint);
    event_endpoint_ = publisher.get(zmq::sockopt::last_endpoint);

    if (!options_.pairing_endpoint.empty()) {
      endpoint = options_.pairing_endpoint;
      // Plain text on purpose: a device that is not paired does not know the hub's key yet.
      // The pairing proofs (section 10) make what travels here useless to a listener.
      auto& pairing = sockets_->pairing;
      pairing = zmq::socket_t(sockets_->context, zmq::socket_type::router);
      pairing.set(zmq::sockopt::linger, options_.linger_ms);
      pairing.set(zmq::sockopt::maxmsgsize, std::int64_t{64} << 10);
      pairing.bind(endpoint);
      pairing_endpoint_ = pairing.get(zmq::sockopt::last_endpoint);
    }
    sockets_->bound = true;
    return {};
  } catch (const zmq::error_t& e) {
    sockets_.reset();
    command_endpoint_.clear();
    event_endpoint_.clear();
    pairing_endpoint_.clear();
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
    std::vector<zmq::pollitem_t> items = {detail::readable(sockets_->zap), detail::readable(router),
                                          detail::readable(sockets_->pairing)};
    detail::poll_for(items, detail::until(next_timer, now));

    // Key checks first: a client waiting on its handshake is waiting for us.
    if (items[0].revents & ZMQ_POLLIN) sockets_->answer_zap();
    std::vector<zmq::message_t> frames;
    if (items[1].revents & ZMQ_POLLIN) {
      if (options_.batch)
        sockets_->serve_batch();
      else
        for (int i = 0; i < kRequestsPerBatch && detail::receive_waiting(router, frames); ++i)
          sockets_->serve_on(router, frames, false);
    }
    if (items[2].revents & ZMQ_POLLIN) {
      for (int i = 0; i < kRequestsPerBatch && detail::receive_waiting(sockets_->pairing, frames);
           ++i)
        sockets_->serve_on(sockets_->pairing, frames, true);
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

// ZAP (RFC 27): [version][request id][domain][address][identity][mechanism][credentials...]
// answered with [version][request id][status code][status text][user id][metadata]. The user
// id is the client's public key, which every message it sends then carries as "User-Id".
void HubServer::Sockets::answer_zap() {
  std::vector<zmq::message_t> request;
  while (detail::receive_waiting(zap, request)) {
    if (request.size() < 2) continue;  // not ZAP: nothing to answer
    std::string status = "400", text = "not a paired device", user;
    // Only the pairing socket speaks NULL when CURVE is on, and it admits anyone.
    if (request.size() >= 6 && request[5].to_string_view() == "NULL") status = "200", text = "OK";
    if (request.size() >= 7 && request[5].to_string_view() == "CURVE" && request[6].size() == 32) {
      std::string key(41, '\0');
      zmq_z85_encode(key.data(), request[6].data<std::uint8_t>(), 32);
      key.resize(40);
      if (call_safely([&] { return hub.options_.admit && hub.options_.admit(key); }, false)) {
        status = "200";
        text = "OK";
        user = key;
      }
    }
    if (status != "200") hub.refused_.fetch_add(1, std::memory_order_relaxed);
    std::array<zmq::const_buffer, 6> reply = {
        zmq::str_buffer("1.0"), zmq::buffer(request[1].data(), request[1].size()),
        zmq::buffer(status),    zmq::buffer(text),
        zmq::buffer(user),      zmq::const_buffer{}};
    try {
      [[maybe_unused]] auto sent = zmq::send_multipart(zap, reply);
    } catch (const zmq::error_t&) {
    }
  }
}

// Unbinding a TCP endpoint closes every connection accepted on it; binding again at once
// lets the clients reconnect, and each passes ZAP again (a revoked key no longer does).
void HubServer::Sockets::reconnect_everyone() {
  auto rebind = [](zmq::socket_t& socket, const std::string& endpoint) {
    if (!socket || endpoint.empty()) return;
    try {
      socket.unbind(endpoint);
    } catch (const zmq::error_t&) {
    }
    // The old listener closes on ZeroMQ's I/O thread: the port may still be busy a moment.
    for (int attempt = 0; attempt < 200; ++attempt) {
      try {
        socket.bind(endpoint);
        return;
      } catch (const zmq::error_t& e) {
        if (e.num() != EADDRINUSE) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
  };
  rebind(router, hub.command_endpoint_);
  rebind(publisher, hub.event_endpoint_);
}

// frames: [identity][body...]. The protocol's body is one frame; anything else is still
// answered (by the handler, which sees all body frames joined) so that no sender waits.
HubServer::Sockets::Read HubServer::Sockets::read_command(std::vector<zmq::message_t>& frames,
                                                          bool pairing) {
  const HubOptions& options = hub.options_;
  Read read;
  std::size_t total = 0;  // of the body frames, which the handler would get joined
  for (std::size_t i = 1; i < frames.size(); ++i) total += frames[i].size();
  if (total > options.max_command_bytes) {
    hub.oversized_.fetch_add(1, std::memory_order_relaxed);
    read.refusal = detail::error_reply("", protocol::code::message_too_large,
                                       "The command is " + std::to_string(total) +
                                           " bytes; the hub accepts at most " +
                                           std::to_string(options.max_command_bytes) + " bytes.");
    return read;
  }
  read.body.reserve(total);
  for (std::size_t i = 1; i < frames.size(); ++i) read.body += frames[i].to_string_view();
  read.peer.pairing = pairing;
  if (frames.size() >= 2 && !pairing) {
    // Set by our ZAP handler; absent without CURVE (gets() then throws).
    try {
      if (const char* user = frames[1].gets("User-Id")) read.peer.public_key = user;
    } catch (const zmq::error_t&) {
    }
  }
  hub.commands_.fetch_add(1, std::memory_order_relaxed);
  return read;
}

void HubServer::Sockets::answer(zmq::socket_t& socket, const zmq::message_t& identity,
                                const HandledCommand& handled) {
  const std::string& text = handled.reply.empty()
                                ? detail::error_reply("", protocol::code::internal_error,
                                                      "The hub could not handle this command.")
                                : handled.reply;
  try {
    std::array<zmq::const_buffer, 2> reply = {zmq::buffer(identity.data(), identity.size()),
                                              zmq::buffer(text)};
    // A peer that went away is unroutable and ROUTER drops the reply silently: the sender's
    // retry will fetch the stored reply.
    [[maybe_unused]] auto sent = zmq::send_multipart(socket, reply, zmq::send_flags::dontwait);
  } catch (const zmq::error_t&) {
  }
  publish(handled.publications);
}

void HubServer::Sockets::serve_on(zmq::socket_t& socket, std::vector<zmq::message_t>& frames,
                                  bool pairing) {
  if (frames.empty()) return;
  Read read = read_command(frames, pairing);
  HandledCommand handled;
  if (!read.refusal.empty())
    handled.reply = read.refusal;
  else
    handled = call_safely([&] { return hub.handler_(read.body, read.peer); }, HandledCommand{});
  answer(socket, frames[0], handled);
  if (handled.reconnect_everyone) reconnect_everyone();
}

// Group commit: every command waiting (up to a batch) goes to the batch handler at once;
// the replies leave after it returns, so none before the commit that holds its change.
void HubServer::Sockets::serve_batch() {
  std::vector<zmq::message_t> identities;
  std::vector<Read> reads;
  std::vector<zmq::message_t> frames;
  while (reads.size() < static_cast<std::size_t>(kRequestsPerBatch) &&
         detail::receive_waiting(router, frames)) {
    if (frames.empty()) continue;
    Read read = read_command(frames, false);
    if (!read.refusal.empty()) {
      answer(router, frames[0], HandledCommand{read.refusal, {}, false});
      continue;
    }
    identities.push_back(std::move(frames[0]));
    reads.push_back(std::move(read));
  }
  if (reads.empty()) return;
  std::vector<IncomingCommand> incoming;
  incoming.reserve(reads.size());
  for (const auto& read : reads) incoming.push_back({read.body, read.peer});
  auto handled =
      call_safely([&] { return hub.options_.batch(incoming); }, std::vector<HandledCommand>{});
  handled.resize(reads.size());  // a handler that failed: internal_error for the rest
  bool reconnect = false;
  for (std::size_t i = 0; i < reads.size(); ++i) {
    answer(router, identities[i], handled[i]);
    reconnect = reconnect || handled[i].reconnect_everyone;
  }
  if (reconnect) reconnect_everyone();
}

}  // namespace brigade::net
