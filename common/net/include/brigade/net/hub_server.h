// The hub's side of the wire (docs/protocol.md sections 1 and 3): a ROUTER that answers
// commands and a PUB that publishes sequenced events and heartbeats. Transport only: what a
// command means is the CommandHandler's business.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/protocol/events.h"

namespace brigade::net {

// One message for the PUB socket, sent as three frames [topic][seq as decimal][body].
using protocol::Publication;

// What the handler made of one command: the reply for the sender, and the events to publish
// (already committed: they go out after the reply).
struct HandledCommand {
  std::string reply;  // JSON text
  std::vector<Publication> publications;
  // Drop every client connection on both sockets once this is answered, so that each must
  // pass the key check again (a device was revoked). Clients reconnect by themselves.
  bool reconnect_everyone = false;
};

using protocol::Peer;
using CommandHandler = std::function<HandledCommand(std::string_view body, const Peer& peer)>;

// Group commit: the commands waiting on the command socket, handed over together; the
// handler returns one HandledCommand for each, in order.
struct IncomingCommand {
  std::string_view body;
  Peer peer;
};
using BatchHandler =
    std::function<std::vector<HandledCommand>(const std::vector<IncomingCommand>&)>;

// The hub's long-term CURVE key pair (Z85).
struct CurveServer {
  std::string public_key;
  std::string secret_key;
};

struct HubOptions {
  // "tcp://127.0.0.1:*" lets the OS choose the port; HubServer reports the real one.
  std::string command_endpoint = "tcp://127.0.0.1:5555";
  std::string event_endpoint = "tcp://127.0.0.1:5556";
  // Where a device that is not paired yet presents its pairing code: plain text, and the
  // handler is told (Peer::pairing) so that it answers nothing but `pair` there. Empty: no
  // pairing socket.
  std::string pairing_endpoint;

  // CURVE on the command and event sockets: encrypted, and a client must prove it holds a
  // key that `admit` accepts (asked through ZAP, RFC 27, on the hub's thread, at each
  // connection). Without it the hub runs in development mode: plain text, anyone connects.
  std::optional<CurveServer> curve;
  std::function<bool(const std::string& client_public_key)> admit;

  // The protocol promises a heartbeat at least once a second: values above 1000 are
  // lowered to 1000, values <= 0 mean 500.
  int heartbeat_ms = 500;
  // Makes each heartbeat (topic "hub"). Without one the hub sends
  // {"type":"heartbeat","seq":0,"at":<now>,"heads":{}} so that clients still see it alive.
  std::function<Publication()> heartbeat;

  // Called every tick_ms on the hub thread for time-based events (a ticket nobody
  // acknowledged); what it returns is published.
  int tick_ms = 250;
  std::function<std::vector<Publication>()> tick;

  int linger_ms = 1000;
  int event_send_hwm = 1000;  // PUB high-water mark: beyond it ZeroMQ drops (clients catch up)
  std::size_t max_command_bytes = protocol::kMaxCommandBytes;  // larger: message_too_large
  std::int64_t max_transport_bytes = std::int64_t{64} << 20;   // larger: connection dropped
  // Group commit: when set, the commands waiting on the command socket (up to 64) go to
  // it together instead of one by one to the CommandHandler, and their replies and events
  // leave once it has returned (when their commit is done). The pairing socket still
  // uses the CommandHandler.
  BatchHandler batch;
};

class HubServer {
 public:
  HubServer(HubOptions options, CommandHandler handler);
  ~HubServer();  // only after run() has returned
  HubServer(const HubServer&) = delete;
  HubServer& operator=(const HubServer&) = delete;

  // Binds both sockets. Returns an empty string on success, else why it failed
  // ("tcp://127.0.0.1:5555: Address already in use"). Call before run(), on the thread that
  // will call run() or before that thread starts.
  [[nodiscard]] std::string bind();
  // The bound endpoints with real port numbers (empty before a successful bind()).
  const std::string& command_endpoint() const { return command_endpoint_; }
  const std::string& event_endpoint() const { return event_endpoint_; }
  const std::string& pairing_endpoint() const { return pairing_endpoint_; }

  // Serves until stop(). The handler, heartbeat and tick run only on this thread.
  // Returns false if bind() did not succeed first.
  bool run();

  // Ends run() within about 100 ms. Safe from any thread and from a signal handler (it only
  // stores a lock-free atomic).
  void stop() { stopping_.store(true, std::memory_order_relaxed); }

  // Counters for tests and logs; read from any thread.
  std::uint64_t commands_handled() const { return commands_.load(std::memory_order_relaxed); }
  std::uint64_t oversized_commands() const { return oversized_.load(std::memory_order_relaxed); }
  std::uint64_t connections_refused() const { return refused_.load(std::memory_order_relaxed); }

 private:
  struct Sockets;  // ZeroMQ stays out of this header

  HubOptions options_;
  CommandHandler handler_;
  std::unique_ptr<Sockets> sockets_;
  std::string command_endpoint_;
  std::string event_endpoint_;
  std::string pairing_endpoint_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> commands_{0};
  std::atomic<std::uint64_t> oversized_{0};
  std::atomic<std::uint64_t> refused_{0};
  static_assert(std::atomic<bool>::is_always_lock_free);
};

}  // namespace brigade::net
