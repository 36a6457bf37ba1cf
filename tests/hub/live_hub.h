// The hub as it runs in a store, inside the test process: a real SQLite file with the
// sample restaurant, the OrderService, and HubServer's ROUTER and PUB on 127.0.0.1 with
// ports chosen by the OS. Terminals are CommandClients, screens are EventFeeds.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <zmq.hpp>

#include "brigade/net/command_client.h"
#include "brigade/net/command_id.h"
#include "brigade/net/event_feed.h"
#include "brigade/net/hub_server.h"
#include "hub_fixture.h"

namespace brigade::testing {

using namespace std::chrono_literals;

inline std::vector<net::Publication> to_wire(std::vector<service::Publication> ps) {
  std::vector<net::Publication> out;
  for (auto& p : ps) out.push_back({std::move(p.topic), p.seq, std::move(p.body)});
  return out;
}

class LiveHub {
 public:
  explicit LiveHub(std::filesystem::path db, std::string commands = "tcp://127.0.0.1:*",
                   std::string events = "tcp://127.0.0.1:*", int event_send_hwm = 1000)
      : db_(std::move(db)) {
    store_ = open_sample_store(db_);
    service_ = std::make_unique<service::OrderService>(*store_);
    net::HubOptions options;
    options.command_endpoint = std::move(commands);
    options.event_endpoint = std::move(events);
    options.heartbeat_ms = 200;
    options.event_send_hwm = event_send_hwm;
    options.heartbeat = [this] {
      auto p = service_->heartbeat(now_ms());
      return net::Publication{p.topic, p.seq, p.body};
    };
    options.tick = [this] { return to_wire(service_->tick(now_ms())); };
    server_ = std::make_unique<net::HubServer>(
        options, [this](std::string_view request, const protocol::Peer& peer) {
          auto outcome = service_->handle(request, peer, now_ms());
          return net::HandledCommand{std::move(outcome.reply),
                                     to_wire(std::move(outcome.publications))};
        });
    std::string error = server_->bind();
    EXPECT_EQ(error, "");
    thread_ = std::thread([this] { server_->run(); });
  }
  ~LiveHub() {
    server_->stop();
    thread_.join();
  }

  const std::string& commands() const { return server_->command_endpoint(); }
  const std::string& events() const { return server_->event_endpoint(); }
  // A second connection to the same file, for the test to read what the hub committed
  // (the hub's own connection belongs to its thread).
  std::unique_ptr<store::Store> reader() const {
    auto s = store::Store::open(db_);
    EXPECT_TRUE(s.ok());
    return s ? std::move(s).value() : nullptr;
  }

 private:
  std::filesystem::path db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::OrderService> service_;
  std::unique_ptr<net::HubServer> server_;
  std::thread thread_;
};

// A terminal: a CommandClient, a session, and blocking calls (tests may wait).
class Terminal {
 public:
  Terminal(const std::string& commands, std::string device)
      : client_({commands, {}, {}, {}}), device_(std::move(device)) {}

  Json call(const std::string& type, const Json& args) {
    std::string id = net::make_command_id();
    auto reply = client_.call(id, protocol::make_command(id, type, device_, session_, args), 30s);
    if (!reply) {
      ADD_FAILURE() << type << ": no reply";
      return Json::object();
    }
    return Json::parse(*reply);
  }
  Json must(const std::string& type, const Json& args) {
    Json reply = call(type, args);
    EXPECT_TRUE(reply.value("ok", false)) << type << " " << args.dump() << " -> " << reply.dump();
    return reply.value("result", Json::object());
  }
  void login(const std::string& pin) { session_ = must("login", {{"pin", pin}})["session"]; }
  net::CommandClient& client() { return client_; }
  std::string command(const std::string& id, const std::string& type, const Json& args) const {
    return protocol::make_command(id, type, device_, session_, args);
  }

 private:
  net::CommandClient client_;
  std::string device_;
  std::string session_;
};

// A DEALER of our own, so that what the client library would refuse locally (a frame
// over 1 MiB, text that is not JSON) really reaches the hub.
inline Json raw_exchange(const std::string& endpoint, const std::string& frame) {
  zmq::context_t context;
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  dealer.set(zmq::sockopt::linger, 0);
  dealer.set(zmq::sockopt::rcvtimeo, 30000);
  dealer.connect(endpoint);
  dealer.send(zmq::buffer(frame), zmq::send_flags::none);
  zmq::message_t reply;
  if (!dealer.recv(reply, zmq::recv_flags::none)) return Json();
  return Json::parse(reply.to_string());
}

// A kitchen screen's view: tickets by id, built from the snapshot and the events, with
// every delivered (seq, ticket) remembered so that duplicates can be counted.
class ScreenBoard {
 public:
  ScreenBoard(const LiveHub& hub, std::vector<std::string> topics, int receive_hwm = 1000) {
    net::FeedOptions options;
    options.command_endpoint = hub.commands();
    options.event_endpoint = hub.events();
    options.device = "kds-test";
    options.topics = std::move(topics);
    options.receive_hwm = receive_hwm;
    feed_ = std::make_unique<net::EventFeed>(options);
  }

  // Applies what arrived; returns false if the same seq came twice or seqs went backwards.
  void pump() {
    for (auto& item : feed_->take()) {
      if (auto* snapshot = std::get_if<net::SnapshotLoaded>(&item)) {
        Json s = Json::parse(snapshot->json);
        open_.clear();
        for (const auto& t : s["tickets"]) open_[t["id"]] = t["status"];
        snapshot_seq_ = s["seq"];
        ++snapshots_;
        continue;
      }
      auto& e = std::get<net::EventItem>(item);
      // The feed promises order within a topic (one topic may be catching up while
      // another delivers newer events).
      if (e.seq <= last_seq_[e.topic]) ++out_of_order_;
      last_seq_[e.topic] = e.seq;
      if (!seen_.insert(e.seq).second) ++duplicates_;
      Json body = Json::parse(e.body);
      // A whole ticket, or a kitchen tap's progress: both say the ticket's status.
      const char* key = body.contains("ticket") ? "ticket" : "progress";
      if (!body.contains(key)) continue;
      std::int64_t id = body[key]["id"];
      if (e.type == "ticket.created") ++created_[id];
      std::string status = body[key]["status"];
      if (status == "served")
        open_.erase(id);
      else
        open_[id] = status;
    }
  }
  bool settle_until(const std::function<bool()>& done, std::chrono::milliseconds cap = 30s) {
    return wait_until(
        [&] {
          pump();
          return done();
        },
        cap);
  }

  net::FeedStatus status() const { return feed_->status(); }
  const std::map<std::int64_t, std::string>& open() const { return open_; }
  const std::map<std::int64_t, int>& created() const { return created_; }
  int duplicates() const { return duplicates_; }
  int out_of_order() const { return out_of_order_; }
  int snapshots() const { return snapshots_; }

 private:
  std::unique_ptr<net::EventFeed> feed_;
  std::map<std::int64_t, std::string> open_;
  std::map<std::int64_t, int> created_;
  std::set<std::int64_t> seen_;
  std::map<std::string, std::int64_t> last_seq_;
  std::int64_t snapshot_seq_ = 0;
  int duplicates_ = 0, out_of_order_ = 0, snapshots_ = 0;
};

// The open tickets the hub holds for a station ("" = every station).
inline std::set<std::int64_t> open_tickets_at(store::Store& store, const std::string& station) {
  std::set<std::int64_t> ids;
  for (const auto& t : store.load_open_tickets())
    for (const auto& s : t.stations)
      if (station.empty() || s.station_id == station) ids.insert(t.id);
  return ids;
}

inline std::set<std::int64_t> keys(const std::map<std::int64_t, std::string>& m) {
  std::set<std::int64_t> out;
  for (const auto& [k, v] : m) out.insert(k);
  return out;
}

}  // namespace brigade::testing
