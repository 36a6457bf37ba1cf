#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "brigade/protocol/codec.h"
#include "commands.h"

namespace brigade::posctl {

namespace {

void print_permissions(const Json& table) {
  for (const auto& [role, list] : table.items()) {
    std::string names;
    for (const auto& p : list) names += (names.empty() ? "" : " ") + p.get<std::string>();
    fmt::print("{:<10} {}\n", role, names.empty() ? "(nothing)" : names);
  }
}

}  // namespace

StaffCommands::StaffCommands(CommandLine cli) {
  auto* roles = cli.app.add_subcommand("roles", "what each role may do; grant or revoke");
  roles->require_subcommand(0, 1);
  roles->callback([cli, roles] {
    if (!roles->get_subcommands().empty()) return;
    cli.run = [cli](Hub& h) {
      // A snapshot of no topics: the store's state without its checks or tickets.
      const Json r = h.call(protocol::Snapshot{}, false);
      print_result(cli.options.json, r["permissions"], print_permissions);
    };
  });
  for (const bool allowed : {true, false}) {
    auto* change = roles->add_subcommand(
        allowed ? "grant" : "revoke",
        allowed ? "let a role do something" : "stop a role from doing something");
    change->add_option("role", role_, "server, bartender, host, manager or kitchen")->required();
    change->add_option("permission", permission_, "take_orders, void_sent_line, comp, ...")
        ->required();
    change->callback([this, cli, allowed] {
      cli.run = [this, cli, allowed](Hub& h) {
        protocol::SetPermission command;
        command.role =
            named(role_from_string, role_, "role", "server, bartender, host, manager or kitchen");
        command.permission = named(permission_from_string, permission_, "permission",
                                   "a permission (posctl roles lists them)");
        command.allowed = allowed;
        const Json r = h.call(command);
        if (!cli.options.json)
          fmt::print("{}: {} {} {}\n", r["changed"].get<bool>() ? "changed" : "already so", role_,
                     allowed ? "may" : "may not", permission_);
        print_result(cli.options.json, r["permissions"], print_permissions);
      };
    });
  }
}

}  // namespace brigade::posctl
