// The terminal's line to the hub, as the Controller sees it: send a command, read the
// answers and the event feed, ask whether the hub is there. HubLinkConnection is the real
// one (ZeroMQ on network threads, common/client); tests put a hub in the same process.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "brigade/client/hub_link.h"

namespace brigade::terminal {

using client::Answer;
using protocol::Json;

class HubConnection {
 public:
  virtual ~HubConnection() = default;
  // Queues a command, retried under the same id until the hub answers; returns the id.
  virtual std::string send(const std::string& type, const Json& args, const std::string& session,
                           const std::string& approval_pin) = 0;
  virtual std::vector<Answer> answers() = 0;
  virtual std::vector<net::FeedItem> feed() = 0;
  virtual bool online() const = 0;
  // Since the hub was last heard from; empty if never.
  virtual std::optional<std::chrono::milliseconds> since_contact() const = 0;
  // The hub says it runs in development mode (its heartbeat): the screen must say so.
  virtual bool hub_in_development() const { return false; }
};

// HubLink (command client with retries + event feed) behind the interface.
class HubLinkConnection : public HubConnection {
 public:
  explicit HubLinkConnection(client::HubLinkOptions options) : link_(std::move(options)) {}
  std::string send(const std::string& type, const Json& args, const std::string& session,
                   const std::string& approval_pin) override {
    return link_.send(type, args, session, approval_pin);
  }
  std::vector<Answer> answers() override { return link_.answers(); }
  std::vector<net::FeedItem> feed() override { return link_.feed(); }
  bool online() const override { return link_.online(); }
  std::optional<std::chrono::milliseconds> since_contact() const override {
    return link_.feed_status().since_heartbeat;
  }
  bool hub_in_development() const override { return link_.feed_status().hub_development; }

 private:
  client::HubLink link_;
};

}  // namespace brigade::terminal
