// The client's command channel (docs/protocol.md section 2): a DEALER on its own network
// thread, with Lazy Pirate retries. submit() never blocks; replies come back through a queue.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace brigade::net {

struct Reply {
  std::string id;
  std::string json;  // the hub's reply, or a local error reply (see CommandClient)
};

// How a command is retried; shared by CommandClient and EventFeed.
struct RetryOptions {
  std::chrono::milliseconds timeout{2000};  // no reply within this: send the same frame again
  int attempts_per_socket = 3;              // then close the DEALER and open a new one
  int max_attempts = 0;                     // 0: retry forever; else give up with hub_unreachable
  int linger_ms = 100;                      // closing a socket never hangs longer
};

// The CURVE keys a client connects with (docs/protocol.md section 10): the hub's public key
// and the device's own pair, all 40-character Z85. Without them a client speaks plain text,
// which only a hub in development mode accepts.
struct ClientCurve {
  std::string hub_public_key;
  std::string public_key;
  std::string secret_key;
};

struct ClientOptions {
  std::string endpoint = "tcp://127.0.0.1:5555";
  RetryOptions retry;
  // Called on the network thread whenever replies were queued (wake a GUI's frame loop).
  // Keep it short; it may call take_replies().
  std::function<void()> notify;
  std::optional<ClientCurve> curve;  // none: plain text, for a hub in development mode
};

struct ClientStatus {
  std::size_t pending = 0;  // submitted, not yet answered
  // Time since the last reply from the hub; empty if none yet.
  std::optional<std::chrono::milliseconds> since_last_reply;
  // False while a command has gone unanswered past its timeout with no reply since.
  bool reachable = true;
  std::uint64_t resends = 0;
  std::uint64_t reopens = 0;
};

// Local error replies, made by the client itself when the hub cannot answer:
//   {"protocol":1,"id":<id>,"ok":false,"error":{"code":"hub_unreachable","message":...}}
// and bad_request (json not an object with that id) and message_too_large (over 1 MiB).
class CommandClient {
 public:
  explicit CommandClient(ClientOptions options);
  ~CommandClient();  // stops the network thread; unanswered commands are dropped
  CommandClient(const CommandClient&) = delete;
  CommandClient& operator=(const CommandClient&) = delete;

  // Queues a command; `json` must be the whole command with this `id`. Never blocks.
  // Submitting an id that is still pending does nothing more.
  void submit(std::string id, std::string json);
  // The replies that arrived since the last call, each id once. Never blocks.
  std::vector<Reply> take_replies();

  // Blocking convenience for command-line tools and tests: submits and waits for this id's
  // reply (which then does not appear in take_replies()). Empty if the deadline passed; the
  // command is then no longer retried.
  std::optional<std::string> call(std::string id, std::string json,
                                  std::chrono::steady_clock::time_point deadline);
  std::optional<std::string> call(std::string id, std::string json,
                                  std::chrono::milliseconds timeout) {
    return call(std::move(id), std::move(json), std::chrono::steady_clock::now() + timeout);
  }

  ClientStatus status() const;

 private:
  struct Shared;
  std::unique_ptr<Shared> shared_;
};

}  // namespace brigade::net
