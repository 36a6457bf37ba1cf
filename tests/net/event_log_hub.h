// Test doubles for the net tests: an in-memory event log that answers the few commands the
// transport needs (a stand-in for the OrderService), a HubServer running it on a thread,
// and small helpers. Real sockets on 127.0.0.1 with ports chosen by the OS.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "brigade/net/command_client.h"
#include "brigade/net/command_id.h"
#include "brigade/net/event_feed.h"
#include "brigade/net/hub_server.h"
#include "test_support.h"

namespace brigade::net::testing {

using json = nlohmann::json;
using namespace std::chrono_literals;

using brigade::testing::wait_until;

inline std::string ok_reply(const std::string& id, json result) {
  return json{{"protocol", 1}, {"id", id}, {"ok", true}, {"result", std::move(result)}}.dump();
}

inline std::string error_reply(const std::string& id, const std::string& code) {
  return json{
      {"protocol", 1}, {"id", id}, {"ok", false}, {"error", {{"code", code}, {"message", code}}}}
      .dump();
}

// Every event gets the next seq; on each of its topics it chains to that topic's previous
// event. Commands:
//   snapshot      {topics}                    -> {heads, seq}
//   events_since  {after, topics, limit}      -> {events, more}
//   append        {count, topics | spread, pad, withhold}  -> {first, last}
//                 topics: every event on all of them; spread: event i on spread[i % n];
//                 pad: bytes of filler per body; withhold: indexes in this batch that are
//                 committed but not published (lost on the way)
//   echo          {delay_first_ms}            -> {echo: args}; the first time an id is seen
//                 the handler sleeps first (a reply that comes too late)
class EventLog {
 public:
  struct Entry {
    std::int64_t seq = 0;
    std::vector<std::string> topics;
    std::vector<std::int64_t> prevs;
    std::string type;
    json body;
  };

  // Appends one event (committed); returns what would be published for it.
  std::vector<Publication> append(const std::vector<std::string>& topics,
                                  const std::string& type = "test.event", json body = {}) {
    std::lock_guard lock(mutex_);
    return append_locked(topics, type, std::move(body));
  }

  HandledCommand handle(std::string_view text) {
    auto command = json::parse(text, nullptr, false);
    if (!command.is_object() || !command.contains("id") || !command["id"].is_string())
      return {error_reply("", "bad_request"), {}};
    std::string id = command["id"];
    std::string type = command.value("type", "");
    json args = command.value("args", json::object());
    std::unique_lock lock(mutex_);
    int seen = ++seen_[id];
    if (refusals_[type] > 0) {
      --refusals_[type];
      return {error_reply(id, "storage_error"), {}};
    }
    if (type == "echo") {
      if (seen == 1 && args.contains("delay_first_ms")) {
        lock.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(args["delay_first_ms"].get<int>()));
      }
      return {ok_reply(id, {{"echo", args}}), {}};
    }
    if (type == "snapshot")
      return {ok_reply(id, {{"heads", heads_locked()}, {"seq", newest_locked()}}), {}};
    if (type == "events_since") return {ok_reply(id, events_since_locked(args)), {}};
    if (type == "append") return append_command(id, args);
    return {error_reply(id, "unknown_command"), {}};
  }

  Publication heartbeat() {
    std::lock_guard lock(mutex_);
    json beat = {
        {"type", "heartbeat"}, {"seq", newest_locked()}, {"at", 0}, {"heads", heads_locked()}};
    return {"hub", newest_locked(), beat.dump()};
  }

  // The seqs a subscriber of these prefixes must receive, each once, in order.
  std::vector<std::int64_t> seqs_for(const std::vector<std::string>& prefixes) const {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> seqs;
    for (const auto& entry : entries_) {
      bool wanted = false;
      for (const auto& topic : entry.topics)
        for (const auto& prefix : prefixes) wanted = wanted || topic.starts_with(prefix);
      if (wanted) seqs.push_back(entry.seq);
    }
    return seqs;
  }

  // The next `count` commands of this type are refused (as if the database were busy).
  void refuse_next(const std::string& type, int count) {
    std::lock_guard lock(mutex_);
    refusals_[type] = count;
  }

  int times_seen(const std::string& id) const {
    std::lock_guard lock(mutex_);
    auto it = seen_.find(id);
    return it == seen_.end() ? 0 : it->second;
  }

  std::int64_t newest() const {
    std::lock_guard lock(mutex_);
    return newest_locked();
  }

 private:
  std::int64_t newest_locked() const { return entries_.empty() ? 0 : entries_.back().seq; }

  json heads_locked() const {
    json heads = json::object();
    for (const auto& [topic, head] : heads_) heads[topic] = head;
    return heads;
  }

  static std::string event_text(const Entry& entry, std::size_t i) {
    return json{{"seq", entry.seq},   {"prev", entry.prevs[i]}, {"topic", entry.topics[i]},
                {"type", entry.type}, {"at", 1795000000000},    {"body", entry.body}}
        .dump();
  }

  std::vector<Publication> append_locked(const std::vector<std::string>& topics,
                                         const std::string& type, json body) {
    Entry entry{newest_locked() + 1, topics, {}, type, std::move(body)};
    for (const auto& topic : topics) {
      entry.prevs.push_back(heads_[topic]);
      heads_[topic] = entry.seq;
    }
    std::vector<Publication> publications;
    for (std::size_t i = 0; i < topics.size(); ++i)
      publications.push_back({topics[i], entry.seq, event_text(entry, i)});
    entries_.push_back(std::move(entry));
    return publications;
  }

  HandledCommand append_command(const std::string& id, const json& args) {
    int count = args.value("count", 1);
    auto topics = args.value("topics", std::vector<std::string>{});
    auto spread = args.value("spread", std::vector<std::string>{});
    auto withhold = args.value("withhold", std::set<int>{});
    std::string pad(args.value("pad", 0), 'x');
    HandledCommand handled;
    std::int64_t first = newest_locked() + 1;
    for (int i = 0; i < count; ++i) {
      std::vector<std::string> on = topics;
      if (!spread.empty()) on = {spread[i % spread.size()]};
      auto publications = append_locked(on, "test.event", {{"n", i}, {"pad", pad}});
      if (withhold.contains(i)) continue;
      handled.publications.insert(handled.publications.end(), publications.begin(),
                                  publications.end());
    }
    handled.reply = ok_reply(id, {{"first", first}, {"last", newest_locked()}});
    return handled;
  }

  json events_since_locked(const json& args) const {
    auto after = args.value("after", std::int64_t{0});
    auto topics = args.value("topics", std::set<std::string>{});
    auto limit = args.value("limit", 500);
    json events = json::array();
    bool more = false;
    for (const auto& entry : entries_) {
      if (entry.seq <= after) continue;
      for (std::size_t i = 0; i < entry.topics.size(); ++i) {
        if (!topics.contains(entry.topics[i])) continue;
        if (static_cast<int>(events.size()) == limit) {
          more = true;
          break;
        }
        events.push_back(json::parse(event_text(entry, i)));
      }
      if (more) break;
    }
    return {{"events", events}, {"more", more}};
  }

  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
  std::map<std::string, std::int64_t> heads_;
  std::map<std::string, int> seen_;
  std::map<std::string, int> refusals_;
};

// A HubServer over an EventLog, serving on its own thread until destroyed.
class TestHub {
 public:
  explicit TestHub(EventLog& log, HubOptions options = {}) {
    if (options.command_endpoint == HubOptions{}.command_endpoint)
      options.command_endpoint = "tcp://127.0.0.1:*";
    if (options.event_endpoint == HubOptions{}.event_endpoint)
      options.event_endpoint = "tcp://127.0.0.1:*";
    if (!options.heartbeat) options.heartbeat = [&log] { return log.heartbeat(); };
    hub_ = std::make_unique<HubServer>(
        options, [&log](std::string_view body, const Peer&) { return log.handle(body); });
    bind_error_ = hub_->bind();
    if (bind_error_.empty()) thread_ = std::thread([this] { hub_->run(); });
  }
  ~TestHub() {
    hub_->stop();
    if (thread_.joinable()) thread_.join();
  }

  const std::string& bind_error() const { return bind_error_; }
  const std::string& command_endpoint() const { return hub_->command_endpoint(); }
  const std::string& event_endpoint() const { return hub_->event_endpoint(); }
  HubServer& server() { return *hub_; }

 private:
  std::unique_ptr<HubServer> hub_;
  std::string bind_error_;
  std::thread thread_;
};

inline std::string command(const std::string& id, const std::string& type,
                           json args = json::object()) {
  return json{{"protocol", 1}, {"id", id}, {"type", type}, {"device", "test"}, {"args", args}}
      .dump();
}

inline ClientOptions client_options(std::string endpoint) {
  ClientOptions options;
  options.endpoint = std::move(endpoint);
  return options;
}

// Sends a command through a CommandClient and waits for its reply.
inline json call(const std::string& endpoint, const std::string& type, json args = json::object()) {
  CommandClient client(client_options(endpoint));
  auto id = make_command_id();
  auto reply = client.call(id, command(id, type, std::move(args)), 20s);
  EXPECT_TRUE(reply.has_value()) << type << " got no reply";
  return reply ? json::parse(*reply) : json();
}

// What a feed delivered, taken from it bit by bit.
struct Received {
  std::vector<std::int64_t> seqs;
  std::vector<std::string> topics;
  std::vector<json> snapshots;

  void take_from(EventFeed& feed) {
    for (auto& item : feed.take()) {
      if (auto* snapshot = std::get_if<SnapshotLoaded>(&item)) {
        snapshots.push_back(json::parse(snapshot->json));
      } else {
        auto& event = std::get<EventItem>(item);
        seqs.push_back(event.seq);
        topics.push_back(event.topic);
      }
    }
  }

  // Waits until `count` events came (or the cap passed), then a little longer so that any
  // duplicate would show up too.
  bool wait_for(EventFeed& feed, std::size_t count, std::chrono::milliseconds cap = 20s) {
    bool reached = wait_until(
        [&] {
          take_from(feed);
          return seqs.size() >= count;
        },
        cap);
    std::this_thread::sleep_for(300ms);
    take_from(feed);
    return reached;
  }
};

// A bare DEALER for what the client would never send (oversized, multi-frame).
class RawDealer {
 public:
  explicit RawDealer(const std::string& endpoint) {
    socket_.set(zmq::sockopt::linger, 0);
    socket_.connect(endpoint);
  }
  void send(const std::vector<std::string>& frames) {
    std::vector<zmq::const_buffer> buffers;
    for (const auto& frame : frames) buffers.push_back(zmq::buffer(frame));
    ASSERT_TRUE(zmq::send_multipart(socket_, buffers));
  }
  // The next message, or empty after `cap`.
  std::vector<std::string> receive(std::chrono::milliseconds cap = 20s) {
    std::vector<zmq::pollitem_t> items = {{socket_.handle(), 0, ZMQ_POLLIN, 0}};
    zmq::poll(items, cap);
    std::vector<zmq::message_t> messages;
    std::vector<std::string> frames;
    if (!(items[0].revents & ZMQ_POLLIN)) return frames;
    if (!zmq::recv_multipart(socket_, std::back_inserter(messages))) return frames;
    for (auto& message : messages) frames.push_back(message.to_string());
    return frames;
  }

 private:
  zmq::context_t context_{1};
  zmq::socket_t socket_{context_, zmq::socket_type::dealer};
};

}  // namespace brigade::net::testing
