// pos: the front-of-house touch terminal. Talks only to the hub (pos-server): commands on
// its DEALER, events on its SUB. Draws with Dear ImGui in a GLFW window that sleeps while
// nothing changes.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>

#include "brigade/client/device_options.h"
#include "brigade/protocol/events.h"
#include "brigade/ui/shell.h"
#include "card_processor.h"
#include "controller.h"
#include "hub_connection.h"
#include "probe_file.h"
#include "terminal_app.h"

namespace {
std::atomic<bool> g_stop{false};
// Only an atomic store: the idle loop looks at it within a second.
extern "C" void on_signal(int) {
  g_stop = true;
}
}  // namespace

int main(int argc, char** argv) {
  using namespace brigade;
  CLI::App app{"pos: the Brigade front-of-house terminal (tables, orders, payments)"};
  client::HubLinkOptions link;
  link.device = "pos-1";
  ui::ShellOptions shell_options;
  shell_options.title = "Brigade POS";
  int idle_logout_s = 120;
  terminal::StartUp start_up;
  std::string probe_path;

  app.add_option("--commands", link.commands, "hub endpoint for commands (the hub's ROUTER)")
      ->capture_default_str();
  app.add_option("--events", link.events, "hub endpoint for events (the hub's PUB)")
      ->capture_default_str();
  app.add_option("--device", link.device,
                 "this terminal's name on a development hub (a paired one is known by its pairing)")
      ->capture_default_str();
  client::DeviceSetup keys;
  client::add_device_options(app, keys);
  app.add_option("--scale", shell_options.theme.scale, "UI scale (1 for a 1280x800 screen)")
      ->check(CLI::Range(0.5f, 4.0f))
      ->capture_default_str();
  app.add_option("--width", shell_options.width, "window width in pixels")->capture_default_str();
  app.add_option("--height", shell_options.height, "window height in pixels")
      ->capture_default_str();
  app.add_flag("--fullscreen", shell_options.fullscreen,
               "kiosk: the whole screen, no window frame");
  app.add_option("--idle-logout", idle_logout_s,
                 "log out after this many seconds without a touch (0: never)")
      ->check(CLI::Range(0, 86'400))
      ->capture_default_str();
  app.add_option("--screenshot", shell_options.screenshot_path,
                 "render after start-up and sync, write this PNG and exit");
  app.add_option("--pin", start_up.pin, "log in with this PIN at start-up (demos, screenshots)");
  app.add_option("--table", start_up.table, "then open or resume this table's check");
  app.add_option("--guests", start_up.guests, "guests when --table opens a new check")
      ->check(CLI::Range(1, 99))
      ->capture_default_str();
  app.add_option(
      "--item", start_up.item,
      "then tap this menu item on the order screen (with --show menu: open this "
      "item, modifier group, ingredient or category in the menu editor; with "
      "--show inventory: this ingredient; with --show staff: this person; with "
      "--show timesheet: this person's day; with --show day, 'drawers': count the first drawer)");
  app.add_option("--modifiers", start_up.modifiers,
                 "then tap these choices in its dialog (comma list)")
      ->delimiter(',');
  app.add_option("--show", start_up.screen, "finish on this screen")
      ->check(CLI::IsMember({"floor", "order", "payment", "stock", "devices", "menu", "inventory",
                             "staff", "roles", "timesheet", "audit", "day"}));
  app.add_option("--split", start_up.split, "on the payment screen, split: seat or even:N");
  app.add_option("--probe-file", probe_path,
                 "write where each button is to this file (for driving the window in tests)")
      ->group("");  // hidden: a test rig, not for people
  CLI11_PARSE(app, argc, argv);
  std::erase(start_up.modifiers, std::string());  // "a,,b" and a trailing comma
  spdlog::set_default_logger(spdlog::stderr_color_mt("pos"));
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ pos: %v");
  // Before the window: a device that cannot connect says why on the console and stops.
  auto device = client::set_up_device(keys, [](const std::string& line) { spdlog::info(line); });
  if (!device) {
    spdlog::error("{}", device.error().message);
    return 2;
  }
  link.curve = client::curve_of(*device);
  if (*device) link.device = (*device)->device_id;  // the hub knows it by its key's pairing
  spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ pos " + link.device + ": %v");
  if (*device) spdlog::info("key fingerprint {}", (*device)->fingerprint());

  std::string error;
  auto shell = ui::Shell::open(shell_options, error);
  if (!shell) {
    spdlog::error("{}", error);
    return 1;
  }
  // After the window: the link wakes the window's loop from its network threads.
  link.topics = {std::string(protocol::topic::check), std::string(protocol::topic::menu),
                 std::string(protocol::topic::alert), std::string(protocol::topic::staff)};
  link.wake = &ui::Shell::wake;
  terminal::HubLinkConnection hub(link);
  terminal::TerminalState state;
  terminal::SimulatedCardProcessor cards;
  terminal::Controller controller(hub, state, cards);
  terminal::TerminalApp terminal(state, controller, {idle_logout_s});
  if (!start_up.pin.empty() || !start_up.table.empty() || !start_up.screen.empty())
    terminal.start_up(start_up);

  ui::Probe probe;
  std::unique_ptr<terminal::ProbeFile> probe_file;
  if (!probe_path.empty()) {
    probe_file = std::make_unique<terminal::ProbeFile>(probe_path);
    ui::install_probe(&probe);
  }
  spdlog::info("hub commands {}, events {}", link.commands, link.events);
  // A service manager's SIGTERM ends the terminal as closing its window does.
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  int code = shell->run(
      [&] {
        probe.rects.clear();
        terminal.frame(brigade::now_ms());
        if (probe_file) probe_file->write(probe);
        return !g_stop;
      },
      [&] { return terminal.settled(); });
  ui::install_probe(nullptr);
  spdlog::info("closing");
  return code;
}
