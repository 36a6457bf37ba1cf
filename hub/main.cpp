// pos-server: the store hub. One per restaurant: owns the SQLite file, answers
// commands on a ROUTER socket and publishes sequenced events on a PUB socket.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>

#include "brigade/net/hub_server.h"
#include "brigade/restaurant/restaurant_file.h"
#include "brigade/security/curve.h"
#include "brigade/service/order_service.h"
#include "brigade/store/store.h"

namespace {

using brigade::now_ms;

brigade::net::HubServer* g_hub = nullptr;

extern "C" void on_signal(int) {
  if (g_hub) g_hub->stop();  // only a lock-free atomic store: safe in a signal handler
}

// Seeds a new store from the restaurant file; an existing store keeps its own data.
bool seed_if_new(brigade::store::Store& store, const std::filesystem::path& restaurant_file) {
  if (store.is_seeded()) return true;
  auto restaurant = brigade::load_restaurant_file(restaurant_file);
  if (!restaurant) {
    spdlog::error("cannot seed the new store: {}", restaurant.error().message);
    return false;
  }
  auto seeded = store.transaction([&](brigade::store::Store& s) { return s.seed(*restaurant); });
  if (!seeded) {
    spdlog::error("cannot seed the new store: {}", seeded.error().message);
    return false;
  }
  spdlog::info("new store seeded from {}: {} ({} items, {} tables, {} staff)",
               restaurant_file.string(), restaurant->name, restaurant->menu.items.size(),
               restaurant->floor.tables.size(), restaurant->staff.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pos-server: the Brigade store hub (one per restaurant)"};
  std::string db = "brigade.db";
  std::string restaurant = std::string(BRIGADE_ASSETS_DIR) + "/restaurant.json";
  std::string keys;  // default: beside the store
  int session_idle_min = 120;
  int keep_replies_min = 24 * 60;
  brigade::net::HubOptions hub_options;
  int ack_timeout_s = 5;
  std::string log_level = "info";
  bool development = false;
  hub_options.pairing_endpoint = "tcp://127.0.0.1:5557";
  app.add_option("--db", db, "SQLite file of the store (created and seeded if missing)")
      ->capture_default_str();
  app.add_option("--restaurant", restaurant, "restaurant file that seeds a new store")
      ->capture_default_str();
  app.add_option("--keys", keys,
                 "folder of the hub's secret keys (pin.key and hub.curve, made at first start; "
                 "back it up apart from the store) [default: the --db path + .keys]");
  app.add_option("--session-idle", session_idle_min,
                 "minutes a session may go unused before its terminal asks for a PIN again")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  app.add_option("--keep-replies", keep_replies_min,
                 "minutes the whole reply to a command is kept for a retry; after that a retry "
                 "is answered reply_expired (and the command is still never done twice)")
      ->check(CLI::Range(1, 7 * 24 * 60))
      ->capture_default_str();
  app.add_option("--commands", hub_options.command_endpoint,
                 "ZeroMQ endpoint for commands (ROUTER)")
      ->capture_default_str();
  app.add_option("--events", hub_options.event_endpoint, "ZeroMQ endpoint for events (PUB)")
      ->capture_default_str();
  app.add_option("--pairing", hub_options.pairing_endpoint,
                 "ZeroMQ endpoint where new devices present their pairing code (ROUTER)")
      ->capture_default_str();
  app.add_flag("--development", development,
               "DEVELOPMENT ONLY: no encryption and no pairing; any device that reaches the "
               "ports may do anything. Every screen and this log say so.");
  app.add_option("--ack-timeout", ack_timeout_s,
                 "seconds a station may take to acknowledge a ticket before the floor is told")
      ->check(CLI::Range(1, 600))
      ->capture_default_str();
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  spdlog::set_default_logger(spdlog::stdout_color_mt("pos-server"));
  spdlog::set_level(spdlog::level::from_str(log_level));
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");

  if (keys.empty()) keys = db + ".keys";
  auto pin_key = brigade::store::load_or_create_pin_key(brigade::store::pin_key_path(keys));
  if (!pin_key) {
    spdlog::error("cannot read the PIN key: {}", pin_key.error().message);
    return 1;
  }
  brigade::store::OpenOptions store_options;
  store_options.pin_key = pin_key.value();
  store_options.exclusive = true;  // the hub is the only process that opens its store
  auto opened = brigade::store::Store::open(db, store_options);
  if (!opened) {
    spdlog::error("cannot open the store {}: {}", db, opened.error().message);
    return 1;
  }
  auto store = std::move(opened).value();
  if (!seed_if_new(*store, restaurant)) return 1;
  spdlog::info("store {} open: {} (schema v{}, last event #{})", db, store->restaurant_name(),
               store->schema_version(), store->last_sequence());

  std::optional<brigade::security::CurveKeyPair> hub_keys;
  if (!development) {
    auto loaded =
        brigade::security::load_or_create_keypair(std::filesystem::path(keys) / "hub.curve");
    if (!loaded) {
      spdlog::error("cannot load the hub's CURVE keys: {}", loaded.error().message);
      return 1;
    }
    hub_keys = *loaded;
    hub_options.curve = brigade::net::CurveServer{hub_keys->public_key, hub_keys->secret_key};
    spdlog::info("CURVE on: only paired devices may connect; hub key fingerprint {}",
                 brigade::security::key_fingerprint(hub_keys->public_key));
  } else {
    hub_options.pairing_endpoint.clear();
    spdlog::warn(
        "DEVELOPMENT MODE: no encryption, no pairing; any device on the network may "
        "connect and do anything. Never run a restaurant like this.");
  }

  brigade::service::ServiceOptions service_options;
  if (hub_keys) service_options.hub_public_key = hub_keys->public_key;
  service_options.ack_timeout_ms = static_cast<std::int64_t>(ack_timeout_s) * 1000;
  service_options.session_idle_ms = static_cast<std::int64_t>(session_idle_min) * 60 * 1000;
  service_options.reply_kept_ms = static_cast<std::int64_t>(keep_replies_min) * 60 * 1000;
  service_options.audit = [](const std::string& line) { spdlog::info("{}", line); };
  // Each command's line is a debug line: at info a rush would be logged line by line.
  service_options.command_log = [](const std::string& line) { spdlog::debug("{}", line); };
  brigade::service::OrderService service(*store, service_options);

  hub_options.heartbeat = [&] { return service.heartbeat(now_ms()); };
  hub_options.admit = [&](const std::string& key) {
    bool admitted = service.admits(key);
    if (!admitted)
      spdlog::warn("refused a connection from an unpaired key ({})",
                   brigade::security::key_fingerprint(key));
    return admitted;
  };
  auto next_development_warning = now_ms() + 60'000;
  auto next_summary = now_ms() + 60'000;
  brigade::service::CommandCounts summarised;
  hub_options.tick = [&] {
    if (now_ms() >= next_summary) {
      const auto& counts = service.commands_counted();
      if (counts.ok + counts.refused + counts.failed !=
          summarised.ok + summarised.refused + summarised.failed)
        spdlog::info("the last minute: {} commands done, {} refused, {} failed; last event #{}",
                     counts.ok - summarised.ok, counts.refused - summarised.refused,
                     counts.failed - summarised.failed, service.last_sequence());
      summarised = counts;
      next_summary = now_ms() + 60'000;
    }
    if (development && now_ms() >= next_development_warning) {
      spdlog::warn("DEVELOPMENT MODE: no encryption, any device may connect");
      next_development_warning = now_ms() + 60'000;
    }
    auto alerts = service.tick(now_ms());
    for (const auto& a : alerts) spdlog::warn("alert on {}: {}", a.topic, a.body);
    return alerts;
  };
  auto handled_of = [](brigade::service::Outcome&& outcome) {
    return brigade::net::HandledCommand{std::move(outcome.reply), std::move(outcome.publications),
                                        outcome.reconnect_everyone};
  };
  // Group commit: the commands that arrive together are written to the disk in one commit.
  hub_options.batch = [&](const std::vector<brigade::net::IncomingCommand>& incoming) {
    std::vector<brigade::service::OrderService::Incoming> commands;
    commands.reserve(incoming.size());
    for (const auto& c : incoming) commands.push_back({c.body, c.peer});
    std::vector<brigade::net::HandledCommand> handled;
    for (auto& outcome : service.handle_batch(commands, now_ms()))
      handled.push_back(handled_of(std::move(outcome)));
    return handled;
  };
  // The pairing socket, one command at a time.
  brigade::net::HubServer hub(hub_options,
                              [&](std::string_view request, const brigade::protocol::Peer& peer) {
                                return handled_of(service.handle(request, peer, now_ms()));
                              });
  if (auto error = hub.bind(); !error.empty()) {
    spdlog::error("cannot listen: {}", error);
    return 1;
  }
  spdlog::info("listening: commands on {}, events on {}{}", hub.command_endpoint(),
               hub.event_endpoint(),
               hub.pairing_endpoint().empty() ? "" : ", pairing on " + hub.pairing_endpoint());

  g_hub = &hub;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  hub.run();
  g_hub = nullptr;
  spdlog::info("stopping: {} commands handled, last event #{}", hub.commands_handled(),
               store->last_sequence());
  return 0;
}
