// A screen's link to the hub: one command client and one event feed, both on network
// threads, read by the UI thread without ever blocking it. The terminal and the kitchen
// display each hold one.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "brigade/net/command_client.h"
#include "brigade/net/event_feed.h"
#include "brigade/protocol/protocol.h"

namespace brigade::client {

using protocol::Json;

struct HubLinkOptions {
  std::string commands = "tcp://127.0.0.1:5555";
  std::string events = "tcp://127.0.0.1:5556";
  std::string device;                     // "pos-1", "kds-grill"
  std::optional<net::ClientCurve> curve;  // none: plain text, for a hub in development mode
  std::vector<std::string> topics;        // what this screen follows
  std::function<void()> wake;             // called from network threads when something arrived
  int offline_after_ms = 3000;
};

// A reply to one of our commands, parsed.
struct Answer {
  std::string id;
  std::string type;  // the command's type, remembered from send()
  bool ok = false;
  Json result;                // ok: the result object
  std::string code, message;  // refused: why
};

class HubLink {
 public:
  explicit HubLink(HubLinkOptions options);

  // Queues a command (retried with the same id until answered); returns its id.
  std::string send(const std::string& type, const Json& args, const std::string& session = {},
                   const std::string& approval_pin = {});
  // Answers that arrived since the last call.
  std::vector<Answer> answers();
  // Snapshots and events that arrived since the last call, in order.
  std::vector<net::FeedItem> feed();

  bool online() const;
  net::FeedStatus feed_status() const { return feed_.status(); }
  std::size_t pending() const;  // commands sent and not yet answered
  bool is_pending(const std::string& id) const { return types_.count(id) > 0; }
  const std::string& device() const { return options_.device; }

 private:
  HubLinkOptions options_;
  net::CommandClient client_;
  net::EventFeed feed_;
  std::map<std::string, std::string> types_;  // pending id -> command type
};

}  // namespace brigade::client
