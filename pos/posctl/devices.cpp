#include <fmt/chrono.h>
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <chrono>

#include "commands.h"
#include "printing.h"

namespace brigade::posctl {

namespace {

// A time of the hub's (ms since the epoch) as this machine's local "2026-12-01 21:40".
std::string local_time(const Json& ms) {
  if (!ms.is_number_integer()) return "-";
  std::time_t seconds = static_cast<std::time_t>(ms.get<long long>() / 1000);
  return fmt::format("{:%Y-%m-%d %H:%M}", fmt::localtime(seconds));
}

std::string stations_of(const Json& device) {
  const Json& s = device.value("stations", Json::array());
  return s.empty() ? "-" : fmt::format("{}", fmt::join(s.get<std::vector<std::string>>(), ","));
}

void print_device(const Json& d) {
  std::string revoked = d["revoked_at"].is_null() ? "" : "REVOKED " + local_time(d["revoked_at"]);
  fmt::print("{:<20} {:<24} {:<9} {:<14} {}  paired {} by {} {}\n", d.value("id", ""),
             d.value("name", ""), d.value("role", ""), stations_of(d), d.value("fingerprint", ""),
             local_time(d["paired_at"]), d.value("paired_by", ""), revoked);
}

}  // namespace

DeviceCommands::DeviceCommands(CommandLine cli) {
  auto* devices = cli.app.add_subcommand("devices", "pair, list and revoke the store's devices");
  devices->require_subcommand(1);

  auto* pair = devices->add_subcommand("pair", "start pairing a new device: prints its code");
  pair->add_option("name", name_, "what people call it (\"Grill screen\")")->required();
  pair->add_option("--role", role_, "terminal, kitchen or console")
      ->required()
      ->check(CLI::IsMember({"terminal", "kitchen", "console"}));
  pair->add_option("--station", stations_, "a kitchen screen's stations (repeat; expo: the pass)")
      ->allow_extra_args(false);
  pair->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      Json r = h.call(protocol::StartPairing{name_, role_, stations_});
      print_result(cli.options.json, r, [&](const Json& p) {
        fmt::print("pairing code {} for '{}' ({}{}), until {}\n", p.value("code", ""),
                   p.value("name", ""), p.value("role", ""),
                   p["stations"].empty() ? "" : ": " + stations_of(p), local_time(p["expires_at"]));
        fmt::print("hub fingerprint {}\n", p.value("hub_fingerprint", ""));
        fmt::print(
            "on the new device: --key FILE --pair {} --pairing <this hub's pairing "
            "endpoint>\n",
            p.value("code", ""));
      });
    };
  });

  auto* list = devices->add_subcommand("list", "the paired devices, revoked ones too");
  list->callback([cli] {
    cli.run = [cli](Hub& h) {
      print_result(cli.options.json, h.call(protocol::command::list_devices, Json::object()),
                   [](const Json& r) {
                     if (r["devices"].empty()) fmt::print("no paired devices\n");
                     for (const auto& d : r["devices"]) print_device(d);
                     for (const auto& p : r["pairing"])
                       fmt::print("pairing in progress: '{}' ({}), until {}\n", p.value("name", ""),
                                  p.value("role", ""), local_time(p["expires_at"]));
                   });
    };
  });

  auto* revoke = devices->add_subcommand("revoke", "cut a device off the hub, at once");
  revoke->add_option("device", device_id_, "the device's id (devices list)")->required();
  revoke->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      print_result(cli.options.json, h.call(protocol::RevokeDevice{device_id_}), [](const Json& r) {
        fmt::print("revoked: ");
        print_device(r["device"]);
      });
    };
  });
}

}  // namespace brigade::posctl
