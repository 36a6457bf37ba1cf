// kds: the kitchen display. One screen per station (or several stations), or the pass
// (--expo). It follows the hub's ticket topics, shows the tickets in the order to cook
// them, and sends bumps, recalls and acknowledgements back. It logs one line each time a
// ticket appears on it, changes, or leaves it, so that what it shows can be followed.
#include <fmt/ranges.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>

#include "brigade/client/device_options.h"
#include "brigade/client/hub_link.h"
#include "brigade/ui/shell.h"
#include "brigade/ui/theme.h"
#include "kds/kitchen_app.h"
#include "kds/views.h"

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) {
  g_stop = true;
}

// The timer font: twice the body size, bold, digits and letters only. Added before the
// first frame builds the font atlas.
void add_timer_font(float scale, float body_px) {
  constexpr const char* kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
  if (!std::filesystem::exists(kBold)) return;
  static const ImWchar ranges[] = {0x0020, 0x007E, 0};
  ImFontConfig config;
  config.OversampleH = 2;
  brigade::kds::set_timer_font(
      ImGui::GetIO().Fonts->AddFontFromFileTTF(kBold, body_px * scale * 2.0f, &config, ranges));
}

struct Options {
  std::vector<std::string> stations;
  bool expo = false;
  std::string commands = "tcp://127.0.0.1:5555";
  std::string events = "tcp://127.0.0.1:5556";
  std::string screen_id;
  int columns = 0;
  float scale = 1.0f;
  bool fullscreen = false;
  bool show_held = true;
  std::string screenshot;
  int width = 1280, height = 800;
};

// Why this screen may not show what it was asked to, given its pairing; none if it may.
std::optional<std::string> paired_for_other_work(const brigade::client::DeviceKeys& keys, bool expo,
                                                 const std::vector<std::string>& stations) {
  if (keys.role.empty()) return std::nullopt;  // paired before key files kept the role
  if (keys.role != "kitchen")
    return "this key was paired as a " + keys.role +
           ", not a kitchen screen: pair the screen with --role kitchen";
  auto has = [&](const std::string& s) {
    return std::find(keys.stations.begin(), keys.stations.end(), s) != keys.stations.end();
  };
  const std::string paired = fmt::format("{}", fmt::join(keys.stations, ", "));
  if (has("expo")) return std::nullopt;  // the pass may act for every station
  if (expo) return "this screen was paired for " + paired + ", not for expo";
  for (const auto& s : stations)
    if (!has(s))
      return "this screen was paired for " + paired + ", not for '" + s +
             "': start it with those stations, or pair it again";
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "kds: the Brigade kitchen display. Shows the tickets of its stations (or every station "
      "at expo), times them, and bumps and recalls them.\n"
      "Bump bar: 1-9 select a card, Enter / Space / B bump it (serve at expo), R recalls the "
      "last bumped, L opens the recall list, Left/Right page, Up/Down move the selection."};
  Options o;
  // What the screen is for: its stations, or the pass. Exactly one of the two.
  auto* screen = app.add_option_group("Screen", "what this screen shows (give one)");
  screen->add_option("--station", o.stations, "station this screen shows (repeat for several)");
  screen->add_flag("--expo", o.expo, "the pass: every station's lines; a bump serves the ticket");
  screen->require_option(1);
  app.add_option("--commands", o.commands, "hub command endpoint")->capture_default_str();
  app.add_option("--events", o.events, "hub event endpoint")->capture_default_str();
  brigade::client::DeviceSetup keys;
  brigade::client::add_device_options(app, keys);
  app.add_option("--screen-id", o.screen_id,
                 "this screen's device id on a development hub (default kds-<station>; a "
                 "paired screen is known by its pairing)");
  app.add_option("--columns", o.columns, "ticket columns (0: as many as fit)")
      ->check(CLI::Range(0, 12))
      ->capture_default_str();
  app.add_option("--scale", o.scale, "UI scale (1.0 for 1280x800)")
      ->check(CLI::Range(0.5f, 4.0f))
      ->capture_default_str();
  app.add_option("--width", o.width, "window width")->capture_default_str();
  app.add_option("--height", o.height, "window height")->capture_default_str();
  app.add_flag("--fullscreen", o.fullscreen, "the whole screen, no window decorations");
  app.add_flag("--show-held,!--hide-held", o.show_held,
               "show held courses as ON HOLD until fired (default), or hide them");
  app.add_option("--screenshot", o.screenshot,
                 "write a PNG of the screen once it shows the hub's tickets, then exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::RequiredError&) {  // the only requirement: the screen group's
    std::fprintf(stderr, "kds: give --station (one or more) or --expo\n%s", app.help().c_str());
    return 2;
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  brigade::kds::ScreenConfig config;
  config.stations = o.stations;
  config.expo = o.expo;
  config.show_held = o.show_held;
  const std::string what = o.expo ? "expo" : fmt::format("{}", fmt::join(o.stations, "+"));
  if (o.screen_id.empty())
    o.screen_id = o.expo ? "kds-expo" : fmt::format("kds-{}", fmt::join(o.stations, "-"));

  spdlog::set_default_logger(spdlog::stderr_color_mt("kds"));
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ kds " + what + ": %v");
  // Before the window: a screen that cannot connect says why on the console and stops.
  auto device =
      brigade::client::set_up_device(keys, [](const std::string& line) { spdlog::info(line); });
  if (!device) {
    spdlog::error("{}", device.error().message);
    return 2;
  }
  if (*device) {
    o.screen_id = (*device)->device_id;  // the hub knows it by its key's pairing
    spdlog::info("key fingerprint {}", (*device)->fingerprint());
    // The hub lets a screen work only the stations it was paired for: a screen showing
    // others would show tickets whose bumps are all refused.
    if (auto wrong = paired_for_other_work(**device, o.expo, o.stations)) {
      spdlog::error("{}", *wrong);
      return 2;
    }
  }

  brigade::ui::ShellOptions shell_options;
  shell_options.title = "kds " + what;
  shell_options.width = o.width;
  shell_options.height = o.height;
  shell_options.fullscreen = o.fullscreen;
  shell_options.theme.scale = o.scale;
  shell_options.screenshot_path = o.screenshot;
  std::string error;
  auto shell = brigade::ui::Shell::open(shell_options, error);
  if (!shell) {
    spdlog::error("{}", error);
    return 1;
  }
  add_timer_font(o.scale, shell_options.theme.font_px);

  brigade::client::HubLinkOptions link_options;
  link_options.commands = o.commands;
  link_options.events = o.events;
  link_options.device = o.screen_id;
  link_options.curve = brigade::client::curve_of(*device);
  link_options.topics = config.topics();
  link_options.wake = brigade::ui::Shell::wake;
  brigade::client::HubLink link(link_options);
  spdlog::info("screen {} follows {} at {} (commands {})", o.screen_id,
               fmt::join(link_options.topics, ", "), o.events, o.commands);

  brigade::kds::KitchenApp kitchen({config, o.columns, o.commands},
                                   [&](const std::string& type, const brigade::kds::Json& args) {
                                     return link.send(type, args);
                                   });

  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  auto frame = [&]() -> bool {
    auto status = link.feed_status();
    kitchen.frame({link.feed(), link.answers(), link.online(), status.since_heartbeat,
                   status.hub_development});
    return !g_stop;
  };
  int code = shell->run(frame, [&] { return kitchen.ready(); });
  spdlog::info("closing");
  return code;
}
