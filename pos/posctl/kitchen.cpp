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

  add_ticket_command(cli, "bump", "bump a ticket at a station", true, [this] {
    return typed(protocol::Bump{ticket_id_, station_});
  });
  add_ticket_command(cli, "serve", "bump a ticket at expo: served", false,
                     [this] { return typed(protocol::Serve{ticket_id_}); });
  add_ticket_command(cli, "rush", "mark a ticket rush", false, [this] {
    return typed(protocol::Rush{ticket_id_, true});
  });
}

void KitchenCommands::add_ticket_command(CommandLine cli, const char* name, const char* help,
                                         bool with_station, std::function<TypedCommand()> make) {
  auto* command = cli.app.add_subcommand(name, help);
  command->add_option("ticket", ticket_id_, "ticket id")->required();
  if (with_station) command->add_option("--station", station_, "station id")->required();
  command->callback([cli, make] {
    cli.run = [cli, make](Hub& h) {
      auto [type, args] = make();  // after parsing: the options hold the values
      // A paired posctl acts for the kitchen with a cook's or a manager's login; a
      // development hub needs none.
      print_result(cli.options.json, h.call(type, args, !cli.options.pin.empty()),
                   [](const Json& r) { print_progress(r["progress"]); });
    };
  });
}

}  // namespace brigade::posctl
