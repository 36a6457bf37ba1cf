#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "brigade/protocol/events.h"
#include "commands.h"
#include "printing.h"

namespace brigade::posctl {

KitchenCommands::KitchenCommands(CommandLine cli) {
  auto* tickets = cli.app.add_subcommand("tickets", "show the open tickets");
  tickets->add_option("--station", stations_, "only these stations (repeat)")
      ->allow_extra_args(false);
  tickets->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      std::vector<std::string> topics;
      if (stations_.empty()) topics.emplace_back(protocol::topic::tickets);
      for (const auto& s : stations_) topics.push_back(protocol::topic::station(s));
      print_result(cli.options.json, h.call(protocol::Snapshot{topics}, false), [](const Json& r) {
        if (r["tickets"].empty()) fmt::print("no open tickets\n");
        for (const auto& t : r["tickets"]) print_ticket(t);
      });
    };
  });

  add_ticket_command(cli, "bump", "bump a ticket at a station", protocol::command::bump, true);
  add_ticket_command(cli, "serve", "bump a ticket at expo: served", protocol::command::serve,
                     false);
  add_ticket_command(cli, "rush", "mark a ticket rush", protocol::command::rush, false);
}

void KitchenCommands::add_ticket_command(CommandLine cli, const char* name, const char* help,
                                         std::string_view type, bool with_station) {
  auto* command = cli.app.add_subcommand(name, help);
  command->add_option("ticket", ticket_id_, "ticket id")->required();
  if (with_station) command->add_option("--station", station_, "station id")->required();
  command->callback([this, cli, type, with_station] {
    cli.run = [this, cli, type, with_station](Hub& h) {
      // The kitchen's typed commands: bump names the station, serve and rush do not.
      Json args =
          type == protocol::command::bump ? protocol::to_json(protocol::Bump{ticket_id_, station_})
          : type == protocol::command::serve ? protocol::to_json(protocol::Serve{ticket_id_})
                                             : protocol::to_json(protocol::Rush{ticket_id_, true});
      print_result(cli.options.json, h.call(type, args, false),
                   [](const Json& r) { print_ticket(r["ticket"]); });
    };
  });
}

}  // namespace brigade::posctl
