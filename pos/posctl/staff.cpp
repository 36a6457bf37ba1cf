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
  auto* staff = cli.app.add_subcommand("staff", "who works here: list, add or change, deactivate");
  staff->require_subcommand(1);
  auto* list = staff->add_subcommand("list", "everyone, with their role; inactive ones too");
  list->callback([cli] {
    cli.run = [cli](Hub& h) {
      print_result(cli.options.json, h.call(protocol::command::list_staff, Json::object()),
                   [](const Json& r) {
                     for (const auto& s : r["staff"])
                       fmt::print("{:<12} {:<24} {:<10}{}\n", s["id"].get<std::string>(),
                                  s["name"].get<std::string>(), s["role"].get<std::string>(),
                                  s["active"].get<bool>() ? "" : " inactive");
                   });
    };
  });
  auto* save = staff->add_subcommand("save", "add someone (with --new-pin) or change them");
  save->add_option("id", id_, "staff id: maria")->required();
  save->add_option("--name", name_, "the name on checks and reports")->required();
  save->add_option("--role", role_, "server, bartender, host, manager or kitchen")->required();
  save->add_option("--new-pin", new_pin_, "their PIN (needed for someone new)");
  save->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      protocol::SaveStaff command{
          id_, name_,
          named(role_from_string, role_, "--role", "server, bartender, host, manager or kitchen"),
          true, new_pin_};
      const Json r = h.call(command);
      print_result(cli.options.json, r, [](const Json& r) {
        fmt::print("saved: {} ({}, {})\n", r["staff"]["name"].get<std::string>(),
                   r["staff"]["id"].get<std::string>(), r["staff"]["role"].get<std::string>());
      });
    };
  });
  auto* leave = staff->add_subcommand("deactivate", "someone who has left: kept for reports");
  leave->add_option("id", id_, "staff id")->required();
  leave->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      const Json all = h.call(protocol::command::list_staff, Json::object());
      const Json* found = nullptr;
      for (const auto& s : all["staff"])
        if (s["id"] == id_) found = &s;
      if (!found) usage_error("no staff member '" + id_ + "' (posctl staff list)");
      protocol::SaveStaff command{id_, (*found)["name"].get<std::string>(),
                                  *role_from_string((*found)["role"].get<std::string>()), false,
                                  ""};
      h.call(command);
      if (!cli.options.json) fmt::print("{} is inactive; their PIN logs nobody in\n", id_);
    };
  });

  auto* pin = cli.app.add_subcommand("pin", "give a staff member a new PIN");
  pin->add_option("id", id_, "staff id")->required();
  pin->add_option("new-pin", new_pin_, "the new PIN")->required();
  pin->add_option("--current", current_pin_, "your own current PIN, when it is yours");
  pin->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      h.call(protocol::ChangePin{id_, new_pin_, current_pin_});
      if (!cli.options.json) fmt::print("{} has a new PIN\n", id_);
    };
  });

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
