// A hub without sockets for tests: a real SQLite file seeded with the sample
// restaurant (assets/restaurant.json), an OrderService over it, and a terminal-like
// caller that makes commands, keeps the session and reads replies.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "brigade/protocol/protocol.h"
#include "brigade/restaurant/restaurant_file.h"
#include "brigade/service/order_service.h"
#include "brigade/store/store.h"
#include "test_support.h"

namespace brigade::testing {

using protocol::Json;

inline std::filesystem::path sample_restaurant_path() {
  return std::filesystem::path(BRIGADE_ASSETS_DIR) / "restaurant.json";
}

// What pos-server opens a store file with: the PIN key from "<db>.keys/pin.key", made on
// first use.
inline store::OpenOptions hub_store_options(const std::filesystem::path& db) {
  store::OpenOptions options;
  auto key = store::load_or_create_pin_key(store::pin_key_path(db.string() + ".keys"));
  if (!key)
    ADD_FAILURE() << key.error().message;
  else
    options.pin_key = key.value();
  return options;
}

// Opens (and on first use seeds) a store file with the sample restaurant.
inline std::unique_ptr<store::Store> open_sample_store(const std::filesystem::path& db) {
  auto store = store::Store::open(db, hub_store_options(db));
  if (!store) {
    ADD_FAILURE() << store.error().message;
    return nullptr;
  }
  if (!store.value()->is_seeded()) {
    auto restaurant = load_restaurant_file(sample_restaurant_path());
    if (!restaurant) {
      ADD_FAILURE() << restaurant.error().message;
      return nullptr;
    }
    auto seeded =
        store.value()->transaction([&](store::Store& s) { return s.seed(restaurant.value()); });
    if (!seeded) ADD_FAILURE() << seeded.error().message;
  }
  return std::move(store).value();
}

struct Reply {
  Json json;
  std::vector<service::Publication> publications;

  bool ok() const { return json.value("ok", false); }
  const Json& result() const { return json.at("result"); }
  std::string code() const { return ok() ? "" : json["error"]["code"].get<std::string>(); }
  std::string message() const { return ok() ? "" : json["error"]["message"].get<std::string>(); }
};

// Options whose audit lines go into `lines` (the operator's log, for assertions).
inline service::ServiceOptions audited_into(std::vector<std::string>& lines) {
  service::ServiceOptions options;
  options.audit = [&lines](const std::string& line) { lines.push_back(line); };
  return options;
}

class ServiceHub {
 public:
  explicit ServiceHub(service::ServiceOptions options = {}) { open(std::move(options)); }

  // Closes and reopens the same file: what a hub restart does.
  void restart(service::ServiceOptions options = {}) {
    service_.reset();
    store_.reset();
    open(std::move(options));
  }

  // Without a hub key in the options the service runs in development mode, where the
  // envelope's `device` names the sender; with one, `peer` says whose key sent it.
  Reply raw(std::string_view request, const protocol::Peer& peer = {}) {
    auto outcome = service_->handle(request, peer, now);
    Reply r{Json::parse(outcome.reply), std::move(outcome.publications)};
    return r;
  }

  store::Store& store() { return *store_; }
  std::filesystem::path db_path() const { return dir_.file("store.db"); }
  service::OrderService& service() { return *service_; }
  EpochMs now = 1'795'000'000'000;  // a Friday, 19:30 or so

 private:
  void open(service::ServiceOptions options) {
    store_ = open_sample_store(dir_.file("store.db"));
    service_ = std::make_unique<service::OrderService>(*store_, std::move(options));
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::OrderService> service_;
};

// One device talking to the hub: makes ids, remembers its session.
class Device {
 public:
  // `peer`: the key the transport would have authenticated (none in development mode).
  Device(ServiceHub& hub, std::string name, protocol::Peer peer = {})
      : hub_(hub), name_(std::move(name)), peer_(std::move(peer)) {}

  Reply call(std::string_view type, Json args = Json::object(), std::string approval_pin = "") {
    last_id_ = name_ + "-" + std::to_string(++counter_);
    last_request_ = protocol::make_command(last_id_, type, name_, session_, args, approval_pin);
    return hub_.raw(last_request_, peer_);
  }
  // Sends the previous command again, byte for byte: a retry after a lost reply.
  Reply retry() { return hub_.raw(last_request_, peer_); }

  Reply login(const std::string& pin) {
    Reply r = call("login", {{"pin", pin}});
    if (r.ok()) session_ = r.result()["session"];
    return r;
  }
  const std::string& last_id() const { return last_id_; }
  // The bytes of the previous command, to send again later (after a restart, say).
  const std::string& last_request() const { return last_request_; }
  const std::string& session() const { return session_; }
  const std::string& name() const { return name_; }
  void forget_session() { session_.clear(); }

 private:
  ServiceHub& hub_;
  std::string name_;
  protocol::Peer peer_;
  std::string session_;
  std::string last_id_;
  std::string last_request_;
  int counter_ = 0;
};

// Demo PINs of the sample restaurant (docs/restaurant-format.md).
inline constexpr const char* kManagerPin = "1234";  // Dana
inline constexpr const char* kServerPin = "1111";   // Sam
inline constexpr const char* kBartenderPin = "4444";
inline constexpr const char* kHostPin = "6666";
inline constexpr const char* kKitchenPin = "7777";

}  // namespace brigade::testing
