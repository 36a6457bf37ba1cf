// The subscriber's side of the events (docs/protocol.md section 3, the zguide Clone
// pattern): subscribe first, then load a snapshot, then apply each event of the followed
// topics exactly once, in order per topic, catching up with events_since on a gap, on a
// heartbeat that shows a missed tail, and after being offline.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "brigade/net/command_client.h"

namespace brigade::net {

// The snapshot command's whole `result` (state plus "heads"). A later SnapshotLoaded
// replaces everything the feed delivered before it.
struct SnapshotLoaded {
  std::string json;
};

struct EventItem {
  std::int64_t seq = 0;
  std::string topic;  // the topic it was applied through (one of several, if it had several)
  std::string type;
  std::int64_t at = 0;  // hub clock, ms since 1970
  std::string body;     // JSON text
};

using FeedItem = std::variant<SnapshotLoaded, EventItem>;

struct FeedOptions {
  std::string command_endpoint = "tcp://127.0.0.1:5555";
  std::string event_endpoint = "tcp://127.0.0.1:5556";
  std::string device;  // goes into the snapshot and events_since commands
  // Subscriptions; ZeroMQ matches prefixes ("ticket." follows every station). "hub" is
  // always added.
  std::vector<std::string> topics;
  int receive_hwm = 1000;  // SUB high-water mark: beyond it ZeroMQ drops (we catch up)
  int offline_after_ms = 3000;
  int catch_up_page = 500;  // events_since limit
  RetryOptions retry;
  // Called on the network thread when items were queued or online status changed.
  std::function<void()> notify;
  std::optional<ClientCurve> curve;  // both sockets; none: plain text (development mode)
};

struct FeedStatus {
  bool online = false;                                       // a heartbeat within offline_after_ms
  std::optional<std::chrono::milliseconds> since_heartbeat;  // empty: none yet
  bool snapshot_loaded = false;
  // The last heartbeat said the hub runs in development mode: no encryption, any device.
  bool hub_development = false;
  std::int64_t last_seq = 0;  // newest seq applied (snapshot heads included)
  std::uint64_t snapshots_loaded = 0;
  std::uint64_t gaps_detected = 0;     // per topic: a prev that did not match, or a missed tail
  std::uint64_t catch_ups_done = 0;    // events_since runs finished (all pages)
  std::uint64_t live_events = 0;       // events read from the SUB socket (duplicates included)
  std::uint64_t caught_up_events = 0;  // events applied from events_since pages
  std::uint64_t events_delivered = 0;
};

class EventFeed {
 public:
  explicit EventFeed(FeedOptions options);
  ~EventFeed();
  EventFeed(const EventFeed&) = delete;
  EventFeed& operator=(const EventFeed&) = delete;

  // What arrived since the last call, in the order to apply it. Never blocks.
  std::vector<FeedItem> take();
  FeedStatus status() const;

 private:
  struct Shared;
  std::unique_ptr<Shared> shared_;
};

}  // namespace brigade::net
