// A hub in the test's own process for the terminal: the real OrderService over a
// SQLite file seeded with the sample restaurant, behind the terminal's HubConnection.
// Commands are answered when the test says the hub is reachable; events come back as
// the feed would deliver them. Another terminal can change things on the side.
#pragma once

#include <deque>
#include <set>

#include "hub_connection.h"
#include "hub_fixture.h"

namespace brigade::testing {

class LocalHub : public terminal::HubConnection {
 public:
  LocalHub() : LocalHub(std::string()) {}
  // A hub with keys (`hub_key`, its public key) instead of one in development mode: the
  // terminal and the other devices here then speak as its console (docs/protocol.md 10).
  explicit LocalHub(std::string hub_key)
      : hub_(options_with(hub_key)),
        peer_{hub_key, false},
        other_(hub_, "pos-2", peer_),
        kitchen_(hub_, "kds-test", peer_),
        reader_(hub_, "reader", peer_) {
    load_snapshot();
  }

  // [HubConnection]
  std::string send(const std::string& type, const Json& args, const std::string& session,
                   const std::string& approval_pin) override {
    std::string id = "pos-1-" + std::to_string(++sent_);
    queue_.push_back({id, protocol::make_command(id, type, "pos-1", session, args, approval_pin)});
    if (online_) deliver();
    return id;
  }
  std::vector<terminal::Answer> answers() override { return std::exchange(answers_, {}); }
  std::vector<net::FeedItem> feed() override { return std::exchange(feed_, {}); }
  bool online() const override { return online_; }
  std::optional<std::chrono::milliseconds> since_contact() const override { return since_; }

  // The link drops: commands wait (the real link keeps retrying them under their ids).
  void go_offline(std::chrono::milliseconds since) {
    online_ = false;
    since_ = since;
  }
  // It comes back: what waited is delivered, in order.
  void come_back() {
    online_ = true;
    since_ = std::chrono::milliseconds(200);
    deliver();
  }
  // The hub got a command but its reply was lost: the link sends the same bytes again.
  void lose_replies(bool lose) { lose_replies_ = lose; }
  // ...and the retry comes this much later (the hub may have dropped the reply by then).
  void retry_after(std::chrono::milliseconds later) { retry_after_ = later; }
  std::size_t waiting() const { return queue_.size(); }

  // Another terminal (pos-2) acting on the same hub, e.g. a manager 86'ing an item.
  Reply other(const std::string& pin, std::string_view type, Json args) {
    if (other_pin_ != pin) {
      other_.login(pin);
      other_pin_ = pin;
    }
    Reply r = other_.call(type, std::move(args));
    publish(r.publications);
    return r;
  }
  // A kitchen screen (no one logged in on it): acknowledges, bumps, serves.
  Reply kitchen(std::string_view type, Json args) {
    Reply r = kitchen_.call(type, std::move(args));
    publish(r.publications);
    return r;
  }
  // Every station bumps every open ticket of a check; `serve`: expo sends the plates too.
  void cook(std::int64_t check_id, bool serve) {
    Json tickets = check_tickets(check_id);
    for (const auto& t : tickets) {
      if (t["status"] == "open")
        for (const auto& s : t["stations"])
          if (s["bumped_at"].is_null())
            kitchen("bump", {{"ticket_id", t["id"]}, {"station", s["station"]}});
      if (serve && t["status"] != "held") kitchen("serve", {{"ticket_id", t["id"]}});
    }
  }

  // Time passes at the hub (tickets nobody acknowledged raise alerts).
  void tick(EpochMs later) {
    hub_.now += later;
    publish(hub_.service().tick(hub_.now));
  }

  ServiceHub& hub() { return hub_; }
  // Hands the hub's reply to the feed, as the PUB socket would (a device pairing itself).
  void published(const Reply& r) { publish(r.publications); }
  // The check as the hub has it (not as the terminal shows it).
  Json check(std::int64_t id) {
    Reply r = read(id);
    return r.ok() ? r.result()["check"] : Json();
  }
  Json check_tickets(std::int64_t id) {
    Reply r = read(id);
    return r.ok() ? r.result()["tickets"] : Json::array();
  }

 private:
  struct Queued {
    std::string id;
    std::string request;
  };

  static service::ServiceOptions options_with(const std::string& hub_key) {
    service::ServiceOptions options;
    options.hub_public_key = hub_key;
    return options;
  }

  Reply read(std::int64_t id) {
    if (reader_.session().empty()) reader_.login(kManagerPin);
    return reader_.call("get_check", {{"check_id", id}});
  }

  void load_snapshot() {
    auto outcome = hub_.service().handle(
        protocol::make_command("snap", "snapshot", "pos-1", "",
                               {{"topics", {"check", "menu", "alert", "staff"}}}),
        peer_, hub_.now);
    Json reply = Json::parse(outcome.reply);
    feed_.push_back(net::SnapshotLoaded{reply["result"].dump()});
  }

  void deliver() {
    while (!queue_.empty()) {
      Queued q = queue_.front();
      queue_.pop_front();
      auto outcome = hub_.service().handle(q.request, peer_, hub_.now);
      publish(outcome.publications);
      if (lose_replies_) {
        // Lost on the way back: the link retries the very same command.
        if (retry_after_.count() > 0) tick(retry_after_.count());
        outcome = hub_.service().handle(q.request, peer_, hub_.now);
        publish(outcome.publications);
      }
      Json reply = Json::parse(outcome.reply);
      terminal::Answer a;
      a.id = q.id;
      a.ok = reply.value("ok", false);
      if (a.ok)
        a.result = reply["result"];
      else {
        a.code = reply["error"].value("code", "");
        a.message = reply["error"].value("message", "");
      }
      answers_.push_back(std::move(a));
    }
  }

  void publish(const std::vector<service::Publication>& publications) {
    for (const auto& p : publications) {
      if (p.topic != "check" && p.topic != "menu" && p.topic != "alert" && p.topic != "staff")
        continue;
      if (!applied_.insert(p.seq).second) continue;  // one event on several topics
      Json message = Json::parse(p.body);
      feed_.push_back(net::EventItem{p.seq, p.topic, message.value("type", ""),
                                     message.value("at", EpochMs{0}), message["body"].dump()});
    }
  }

  std::chrono::milliseconds retry_after_{0};
  ServiceHub hub_;
  protocol::Peer peer_;  // whose key the terminal's commands come with
  Device other_;
  Device kitchen_;
  Device reader_;
  std::string other_pin_;
  std::deque<Queued> queue_;
  std::vector<terminal::Answer> answers_;
  std::vector<net::FeedItem> feed_;
  std::set<std::int64_t> applied_;
  bool online_ = true;
  bool lose_replies_ = false;
  std::optional<std::chrono::milliseconds> since_ = std::chrono::milliseconds(300);
  int sent_ = 0;
};

}  // namespace brigade::testing
