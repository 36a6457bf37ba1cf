// The hub on a hostile network, over real CURVE sockets on 127.0.0.1: a device pairs with
// a code and then talks; a stranger's key (or no key) reaches neither socket; a revoked
// device is cut off at once; and what travels on the wire shows no PIN and no token.
#include "brigade/security/curve.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "brigade/client/device_keys.h"
#include "brigade/client/pairing.h"
#include "brigade/net/command_client.h"
#include "brigade/net/command_id.h"
#include "brigade/net/event_feed.h"
#include "brigade/net/hub_server.h"
#include "brigade/security/key_file.h"
#include "hub_fixture.h"

using namespace brigade;
using namespace brigade::testing;
using namespace std::chrono_literals;

namespace {

// A hub as pos-server runs it in a store: CURVE keys, ZAP asking the service, a pairing
// socket. `development` runs it without keys instead.
class SecureHub {
 public:
  explicit SecureHub(bool development = false) {
    store_ = open_sample_store(dir_.file("store.db"));
    service::ServiceOptions service_options;
    if (!development) service_options.hub_public_key = keys.public_key;
    service_ = std::make_unique<service::OrderService>(*store_, service_options);
    net::HubOptions options;
    options.command_endpoint = "tcp://127.0.0.1:*";
    options.event_endpoint = "tcp://127.0.0.1:*";
    options.heartbeat_ms = 100;
    options.heartbeat = [this] {
      auto p = service_->heartbeat(brigade::now_ms());
      return net::Publication{p.topic, p.seq, p.body};
    };
    if (!development) {
      options.pairing_endpoint = "tcp://127.0.0.1:*";
      options.curve = net::CurveServer{keys.public_key, keys.secret_key};
      options.admit = [this](const std::string& key) { return service_->admits(key); };
    }
    server_ = std::make_unique<net::HubServer>(
        options, [this](std::string_view request, const protocol::Peer& peer) {
          auto o = service_->handle(request, peer, brigade::now_ms());
          net::HandledCommand h{std::move(o.reply), {}, o.reconnect_everyone};
          for (auto& p : o.publications) h.publications.push_back({p.topic, p.seq, p.body});
          return h;
        });
    EXPECT_EQ(server_->bind(), "");
    thread_ = std::thread([this] { server_->run(); });
  }
  ~SecureHub() {
    server_->stop();
    thread_.join();
  }
  const net::HubServer& server() const { return *server_; }

  security::CurveKeyPair keys = security::make_curve_keypair();

 private:
  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::OrderService> service_;
  std::unique_ptr<net::HubServer> server_;
  std::thread thread_;
};

net::ClientCurve curve_for(const SecureHub& hub, const security::CurveKeyPair& own) {
  return {hub.keys.public_key, own.public_key, own.secret_key};
}

// One command, waited for; empty if no answer within `wait`.
std::optional<Json> ask(const std::string& endpoint, std::optional<net::ClientCurve> curve,
                        std::string_view type, const Json& args, const std::string& session = {},
                        std::chrono::milliseconds wait = 5s) {
  net::ClientOptions options;
  options.endpoint = endpoint;
  options.curve = std::move(curve);
  options.retry.timeout = 500ms;
  net::CommandClient client(options);
  std::string id = net::make_command_id();
  auto text = client.call(id, protocol::make_command(id, type, "test", session, args), wait);
  if (!text) return std::nullopt;
  return Json::parse(*text);
}

// The hub's own console (its key pair) logs a manager in and starts a pairing.
std::string pairing_code(const SecureHub& hub, const Json& what) {
  auto console = curve_for(hub, hub.keys);
  net::ClientOptions options;
  options.endpoint = hub.server().command_endpoint();
  options.curve = console;
  net::CommandClient client(options);
  auto call = [&](std::string_view type, const Json& args, const std::string& session) {
    std::string id = net::make_command_id();
    auto text = client.call(id, protocol::make_command(id, type, "posctl", session, args), 5s);
    return text ? Json::parse(*text) : Json();
  };
  Json login = call("login", {{"pin", kManagerPin}}, "");
  EXPECT_TRUE(login.value("ok", false)) << login.dump();
  Json started = call("start_pairing", what, login["result"].value("session", ""));
  EXPECT_TRUE(started.value("ok", false)) << started.dump();
  return started["result"].value("code", "");
}

}  // namespace

TEST(Curve, APairedDeviceTalksAndAStrangerReachesNeitherSocket) {
  SecureHub hub;
  std::string code =
      pairing_code(hub, {{"name", "Grill screen"}, {"role", "kitchen"}, {"stations", {"grill"}}});
  auto grill_keys = security::make_curve_keypair();
  auto paired = client::pair_with_hub(hub.server().pairing_endpoint(), code, grill_keys);
  ASSERT_TRUE(paired.ok()) << paired.error().message;
  EXPECT_EQ(paired->device_id, "grill-screen");
  EXPECT_EQ(paired->role, "kitchen");
  EXPECT_EQ(paired->hub_public_key, hub.keys.public_key);
  // The code was used up.
  auto again =
      client::pair_with_hub(hub.server().pairing_endpoint(), code, security::make_curve_keypair());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Errc::wrong_pairing_code);

  auto hello =
      ask(hub.server().command_endpoint(), curve_for(hub, grill_keys), "hello", Json::object());
  ASSERT_TRUE(hello.has_value());
  EXPECT_TRUE((*hello)["ok"]) << hello->dump();

  // A stranger with a key of its own, and one with no key at all: no answer, no events.
  auto stranger = curve_for(hub, security::make_curve_keypair());
  EXPECT_FALSE(ask(hub.server().command_endpoint(), stranger, "hello", Json::object(), {}, 1500ms));
  EXPECT_FALSE(
      ask(hub.server().command_endpoint(), std::nullopt, "hello", Json::object(), {}, 1500ms));
  auto feed_of = [&](std::optional<net::ClientCurve> curve) {
    net::FeedOptions options;
    options.command_endpoint = hub.server().command_endpoint();
    options.event_endpoint = hub.server().event_endpoint();
    options.device = "kds-grill";
    options.topics = {"ticket.grill"};
    options.offline_after_ms = 1000;
    options.curve = std::move(curve);
    return std::make_unique<net::EventFeed>(options);
  };
  auto ours = feed_of(curve_for(hub, grill_keys));
  auto theirs = feed_of(stranger);
  auto plain = feed_of(std::nullopt);
  EXPECT_TRUE(wait_until([&] { return ours->status().online && ours->status().snapshot_loaded; }));
  std::this_thread::sleep_for(1s);  // ours has had a heartbeat many times over by now
  EXPECT_FALSE(theirs->status().online);
  EXPECT_EQ(theirs->status().live_events + theirs->status().snapshots_loaded, 0u);
  EXPECT_FALSE(plain->status().online);
  EXPECT_GT(hub.server().connections_refused(), 0u);
}

TEST(Curve, ARevokedDeviceIsCutOffAtOnce) {
  SecureHub hub;
  std::string code = pairing_code(hub, {{"name", "Old tablet"}, {"role", "terminal"}});
  auto tablet_keys = security::make_curve_keypair();
  auto paired = client::pair_with_hub(hub.server().pairing_endpoint(), code, tablet_keys);
  ASSERT_TRUE(paired.ok()) << paired.error().message;

  net::FeedOptions options;
  options.command_endpoint = hub.server().command_endpoint();
  options.event_endpoint = hub.server().event_endpoint();
  options.topics = {"check"};
  options.offline_after_ms = 600;
  options.curve = curve_for(hub, tablet_keys);
  net::EventFeed tablet(options);
  ASSERT_TRUE(wait_until([&] { return tablet.status().online; }));

  // The console revokes it; its open connections go with the reply.
  auto console = curve_for(hub, hub.keys);
  auto login = ask(hub.server().command_endpoint(), console, "login", {{"pin", kManagerPin}});
  ASSERT_TRUE(login && (*login)["ok"]);
  auto revoked = ask(hub.server().command_endpoint(), console, "revoke_device",
                     {{"device_id", paired->device_id}}, (*login)["result"]["session"]);
  ASSERT_TRUE(revoked.has_value());
  EXPECT_TRUE((*revoked)["ok"]) << revoked->dump();
  EXPECT_TRUE(wait_until([&] { return !tablet.status().online; }, 5s));
  std::this_thread::sleep_for(1s);
  EXPECT_FALSE(tablet.status().online);  // it does not come back
  EXPECT_FALSE(ask(hub.server().command_endpoint(), curve_for(hub, tablet_keys), "hello",
                   Json::object(), {}, 1500ms));
  // The console itself reconnected and goes on.
  EXPECT_TRUE(ask(hub.server().command_endpoint(), console, "hello", Json::object()).has_value());
}

namespace {

// A TCP relay in front of the hub's command port that keeps every byte both ways: what a
// stranger on the store's network would read off the wire.
class WireTap {
 public:
  explicit WireTap(const std::string& hub_endpoint) {
    auto colon = hub_endpoint.rfind(':');
    hub_port_ = std::stoi(hub_endpoint.substr(colon + 1));
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(::listen(listener_, 4), 0);
    socklen_t size = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size);
    endpoint = "tcp://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    thread_ = std::thread([this] { run(); });
  }
  ~WireTap() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
  }
  std::string recorded() {
    std::lock_guard lock(mutex_);
    return bytes_;
  }
  std::string endpoint;

 private:
  void run() {
    std::vector<std::pair<int, int>> pipes;  // client, hub
    while (!stop_) {
      std::vector<pollfd> fds{{listener_, POLLIN, 0}};
      for (auto [c, h] : pipes) fds.push_back({c, POLLIN, 0}), fds.push_back({h, POLLIN, 0});
      if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
      if (fds[0].revents & POLLIN) {
        int client = ::accept(listener_, nullptr, nullptr);
        int hub = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(hub_port_));
        ::connect(hub, reinterpret_cast<sockaddr*>(&address), sizeof address);
        pipes.push_back({client, hub});
      }
      for (std::size_t i = 1; i < fds.size(); ++i) {
        if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
        auto [c, h] = pipes[(i - 1) / 2];
        int from = fds[i].fd, to = from == c ? h : c;
        char buffer[65536];
        ssize_t n = ::read(from, buffer, sizeof buffer);
        if (n <= 0) continue;
        {
          std::lock_guard lock(mutex_);
          bytes_.append(buffer, static_cast<std::size_t>(n));
        }
        [[maybe_unused]] auto written = ::write(to, buffer, static_cast<std::size_t>(n));
      }
    }
    for (auto [c, h] : pipes) ::close(c), ::close(h);
  }

  int listener_ = -1;
  int hub_port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::string bytes_;
  std::thread thread_;
};

// Logs in through the tap and returns what was on the wire and the session token.
std::pair<std::string, std::string> log_in_through_a_tap(const SecureHub& hub,
                                                         std::optional<net::ClientCurve> curve) {
  WireTap tap(hub.server().command_endpoint());
  auto login = ask(tap.endpoint, curve, "login", {{"pin", "918273"}});  // nobody's PIN
  auto manager = ask(tap.endpoint, curve, "login", {{"pin", kManagerPin}});
  EXPECT_TRUE(login && manager);
  std::string token = manager ? (*manager)["result"].value("session", "") : "";
  EXPECT_FALSE(token.empty());
  std::this_thread::sleep_for(100ms);
  return {tap.recorded(), token};
}

}  // namespace

TEST(Curve, TheWireShowsNoPinAndNoToken) {
  SecureHub hub;
  auto [wire, token] = log_in_through_a_tap(hub, curve_for(hub, hub.keys));
  EXPECT_GT(wire.size(), 200u);
  EXPECT_EQ(wire.find("918273"), std::string::npos);
  EXPECT_EQ(wire.find(token), std::string::npos);
  EXPECT_EQ(wire.find("login"), std::string::npos);
  EXPECT_EQ(wire.find("\"pin\""), std::string::npos);

  // The same tap on a development hub reads both: the tap is not blind.
  SecureHub development(true);
  auto [plain, plain_token] = log_in_through_a_tap(development, std::nullopt);
  EXPECT_NE(plain.find("918273"), std::string::npos);
  EXPECT_NE(plain.find(plain_token), std::string::npos);
}

// What pos, kds and posctl do at start with --key and --pair (client::set_up_device).
TEST(Curve, ADeviceKeyFileIsMadeOncePairedOnceAndThenConnects) {
  SecureHub hub;
  TempDir dir;
  client::DeviceSetup setup;
  setup.key_file = dir.file("pos.key").string();
  setup.pairing_endpoint = hub.server().pairing_endpoint();
  std::vector<std::string> said;
  auto say = [&](const std::string& line) { said.push_back(line); };

  // Not paired yet: refused before any connection, with the fingerprint to compare.
  auto unpaired = client::set_up_device(setup, say);
  ASSERT_FALSE(unpaired.ok());
  EXPECT_EQ(unpaired.error().code, Errc::not_paired);
  auto made = client::load_device_keys(setup.key_file);
  ASSERT_TRUE(made.ok());
  EXPECT_NE(unpaired.error().message.find(made->fingerprint()), std::string::npos);
  EXPECT_EQ(std::filesystem::status(setup.key_file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);

  setup.pair_code = pairing_code(hub, {{"name", "Bar terminal"}, {"role", "terminal"}});
  auto paired = client::set_up_device(setup, say);
  ASSERT_TRUE(paired.ok()) << paired.error().message;
  ASSERT_TRUE(paired->has_value());
  EXPECT_EQ((*paired)->own.public_key, made->own.public_key);  // the key made first
  EXPECT_EQ((*paired)->hub_public_key, hub.keys.public_key);
  EXPECT_EQ((*paired)->device_id, "bar-terminal");

  // Next start: no code, the file says everything, and the hub answers it.
  setup.pair_code.clear();
  auto next = client::set_up_device(setup, say);
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ((*next)->hub_public_key, hub.keys.public_key);
  EXPECT_EQ((*next)->device_id, "bar-terminal");
  EXPECT_EQ((*next)->role, "terminal");
  EXPECT_TRUE((*next)->stations.empty());
  auto hello =
      ask(hub.server().command_endpoint(), client::curve_of(*next), "hello", Json::object());
  ASSERT_TRUE(hello.has_value());
  EXPECT_TRUE((*hello)["ok"]);

  // A wrong code leaves the paired file as it was.
  setup.pair_code = "AAAAA-AAAAA";
  auto wrong = client::set_up_device(setup, say);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, Errc::wrong_pairing_code);
  auto kept = client::load_device_keys(setup.key_file);
  EXPECT_EQ(kept->own.public_key, made->own.public_key);
  EXPECT_EQ(kept->hub_public_key, hub.keys.public_key);

  // Pairing again (after a revoke, say) takes a new key pair: a hub pairs a key only once.
  setup.pair_code = pairing_code(
      hub, {{"name", "Bar screen"}, {"role", "kitchen"}, {"stations", {"bar", "cold"}}});
  auto again = client::set_up_device(setup, say);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_NE((*again)->own.public_key, made->own.public_key);
  EXPECT_EQ((*again)->device_id, "bar-screen");
  auto reread = client::load_device_keys(setup.key_file);
  EXPECT_EQ(reread->own.public_key, (*again)->own.public_key);
  EXPECT_EQ(reread->role, "kitchen");
  EXPECT_EQ(reread->stations, (std::vector<std::string>{"bar", "cold"}));
}

TEST(Curve, NoKeyMeansPlainTextAndTheConsoleNeedsTheHubsOwnKeyFile) {
  TempDir dir;
  auto quiet = [](const std::string&) {};
  client::DeviceSetup plain;
  auto none = client::set_up_device(plain, quiet);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  plain.pair_code = "K7QM2-XPA9C";  // a code with nowhere to keep the keys
  EXPECT_EQ(client::set_up_device(plain, quiet).error().code, Errc::invalid_argument);

  client::DeviceSetup console;
  console.console = dir.path().string();
  auto missing = client::set_up_device(console, quiet);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::not_found);
  EXPECT_FALSE(std::filesystem::exists(dir.file("hub.curve")));  // never made here

  auto hub_keys = security::load_or_create_keypair(dir.file("hub.curve"));
  ASSERT_TRUE(hub_keys.ok());
  auto keys = client::set_up_device(console, quiet);
  ASSERT_TRUE(keys.ok()) << keys.error().message;
  EXPECT_EQ((*keys)->device_id, "console");
  EXPECT_EQ((*keys)->hub_public_key, hub_keys->public_key);
  EXPECT_EQ((*keys)->own.public_key, hub_keys->public_key);

  // A key file whose hub key is not a key is refused, naming the file.
  auto own = security::make_curve_keypair();
  const auto broken = dir.file("broken.key");
  ASSERT_TRUE(security::replace_secret_file(
      broken, "public " + own.public_key + "\nsecret " + own.secret_key + "\nhub not-a-key\n"));
  auto read = client::load_device_keys(broken);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, Errc::invalid_argument);
  EXPECT_NE(read.error().message.find(broken.string()), std::string::npos);

  // A key file someone else may read is refused, not used.
  client::DeviceSetup loose;
  loose.key_file = dir.file("loose.key").string();
  ASSERT_TRUE(client::load_device_keys(loose.key_file).ok());
  std::filesystem::permissions(loose.key_file, std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  EXPECT_EQ(client::set_up_device(loose, quiet).error().code, Errc::forbidden);
}
