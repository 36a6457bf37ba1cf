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
  brigade::net::HubOptions hub_options;
  int ack_timeout_s = 5;
  std::string log_level = "info";
  app.add_option("--db", db, "SQLite file of the store (created and seeded if missing)")
      ->capture_default_str();
  app.add_option("--restaurant", restaurant, "restaurant file that seeds a new store")
      ->capture_default_str();
  app.add_option("--commands", hub_options.command_endpoint,
                 "ZeroMQ endpoint for commands (ROUTER)")
      ->capture_default_str();
  app.add_option("--events", hub_options.event_endpoint, "ZeroMQ endpoint for events (PUB)")
      ->capture_default_str();
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

  auto opened = brigade::store::Store::open(db);
  if (!opened) {
    spdlog::error("cannot open the store {}: {}", db, opened.error().message);
    return 1;
  }
  auto store = std::move(opened).value();
  if (!seed_if_new(*store, restaurant)) return 1;
  spdlog::info("store {} open: {} (schema v{}, last event #{})", db, store->restaurant_name(),
               store->schema_version(), store->last_sequence());

  brigade::service::ServiceOptions service_options;
  service_options.ack_timeout_ms = static_cast<std::int64_t>(ack_timeout_s) * 1000;
  service_options.audit = [](const std::string& line) { spdlog::info("{}", line); };
  brigade::service::OrderService service(*store, service_options);

  hub_options.heartbeat = [&] { return service.heartbeat(now_ms()); };
  hub_options.tick = [&] {
    auto alerts = service.tick(now_ms());
    for (const auto& a : alerts) spdlog::warn("alert on {}: {}", a.topic, a.body);
    return alerts;
  };
  brigade::net::HubServer hub(hub_options, [&](std::string_view request) {
    auto outcome = service.handle(request, now_ms());
    return brigade::net::HandledCommand{std::move(outcome.reply), std::move(outcome.publications)};
  });
  if (auto error = hub.bind(); !error.empty()) {
    spdlog::error("cannot listen: {}", error);
    return 1;
  }
  spdlog::info("listening: commands on {}, events on {}", hub.command_endpoint(),
               hub.event_endpoint());

  g_hub = &hub;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  hub.run();
  g_hub = nullptr;
  spdlog::info("stopping: {} commands handled, last event #{}", hub.commands_handled(),
               store->last_sequence());
  return 0;
}
