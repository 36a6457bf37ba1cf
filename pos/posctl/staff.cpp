#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "brigade/protocol/codec.h"
#include "commands.h"
#include "printing.h"

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
  add_time_clock(cli);
}

void StaffCommands::add_time_clock(CommandLine cli) {
  auto* clock = cli.app.add_subcommand(
      "clock", "punch the time clock with --pin: in, out, break (start one) or back (end it)");
  clock->add_option("action", action_, "in, out, break or back")
      ->required()
      ->check(CLI::IsMember({"in", "out", "break", "back"}));
  clock->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      if (cli.options.pin.empty()) usage_error("clock needs --pin: whose punch it is");
      const PunchKind kind = action_ == "in"      ? PunchKind::in
                             : action_ == "out"   ? PunchKind::out
                             : action_ == "break" ? PunchKind::break_start
                                                  : PunchKind::break_end;
      const Json r = h.call(protocol::Clock{cli.options.pin, kind}, false);
      print_result(cli.options.json, r, [](const Json& r) {
        const std::string state = r["state"];
        fmt::print("{} is {}\n", r["staff"]["name"].get<std::string>(),
                   state == "on"    ? "clocked in"
                   : state == "off" ? "clocked out"
                                    : "on a break");
      });
    };
  });

  auto* sheet = cli.app.add_subcommand("timesheet", "hours by person and day, with the punches");
  sheet->add_option("--staff", id_, "only this person (your own needs no reports right)");
  sheet->add_option("--since", since_, "shifts from: 2026-12-01 (default: today)");
  sheet->add_option("--until", until_, "shifts before: 2026-12-08 (default: a day after since)");
  sheet->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      protocol::GetTimesheet query;
      query.since = since_.empty() ? read_time(local_text(now_ms()).substr(0, 10), "--since")
                                   : read_time(since_, "--since");
      query.until =
          until_.empty() ? query.since + 24LL * 3600 * 1000 : read_time(until_, "--until");
      if (!id_.empty()) query.staff_id = id_;
      print_result(cli.options.json, h.call(query), [](const Json& r) {
        auto hours = [](std::int64_t ms) {
          return fmt::format("{}:{:02}", ms / 3'600'000, ms / 60'000 % 60);
        };
        for (const auto& d : r["days"]) {
          fmt::print("{} {:<20} worked {:>6}  breaks {:>5}{}\n", d["date"].get<std::string>(),
                     d.value("name", d["staff_id"].get<std::string>()),
                     hours(d["worked_ms"].get<std::int64_t>()),
                     hours(d["break_ms"].get<std::int64_t>()),
                     d["open"].get<bool>() ? "  (on now)" : "");
          for (const auto& p : d["punches"])
            fmt::print("    #{:<5} {:<11} {}{}\n", p["id"].get<std::int64_t>(),
                       p["kind"].get<std::string>(), local_text(p["at"].get<std::int64_t>()),
                       p["fixed_by"].get<std::string>().empty()
                           ? ""
                           : "  fixed by " + p["fixed_by"].get<std::string>() + ": " +
                                 p["reason"].get<std::string>());
        }
        fmt::print("total worked {}\n", hours(r["worked_ms"].get<std::int64_t>()));
      });
    };
  });

  auto* punch = cli.app.add_subcommand("punch", "a manager fixes the time clock, with a reason");
  auto* fix = punch->add_subcommand("fix",
                                    "change a punch's time (--punch), add a missed one "
                                    "(--kind), or remove one (--punch --remove)");
  punch->require_subcommand(1);
  fix->add_option("staff", id_, "whose punch")->required();
  fix->add_option("--punch", punch_id_, "the punch to change or remove (posctl timesheet)");
  fix->add_option("--kind", kind_, "in, out, break_start or break_end: a punch to add");
  fix->add_option("--at", at_, "when it should be: 2026-12-04T23:30");
  fix->add_flag("--remove", remove_, "remove the punch");
  fix->add_option("--reason", reason_, "why: kept with the punch and in the audit log")->required();
  fix->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      protocol::FixPunch command;
      command.staff_id = id_;
      if (punch_id_ > 0) command.punch_id = punch_id_;
      if (!kind_.empty())
        command.punch =
            named(punch_kind_from_string, kind_, "--kind", "in, out, break_start or break_end");
      if (!at_.empty()) command.at = read_time(at_, "--at");
      command.remove = remove_;
      command.reason = reason_;
      print_result(cli.options.json, h.call(command), [](const Json& r) {
        const Json& p = r["punch"];
        fmt::print("{}: {} punch #{} {} {}\n", r["staff"]["name"].get<std::string>(),
                   r["removed"].get<bool>() ? "removed" : "fixed", p["id"].get<std::int64_t>(),
                   p["kind"].get<std::string>(), local_text(p["at"].get<std::int64_t>()));
      });
    };
  });

  auto* rule = cli.app.add_subcommand("clock-rule", "whether staff must clock in to take orders");
  rule->add_option("required", rule_, "on or off")->required()->check(CLI::IsMember({"on", "off"}));
  rule->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      const Json r = h.call(protocol::SetClockRule{rule_ == "on"});
      print_result(cli.options.json, r, [](const Json& r) {
        fmt::print("{}\n", r["required"].get<bool>() ? "staff clock in before taking orders"
                                                     : "no clock-in needed to take orders");
      });
    };
  });
}

}  // namespace brigade::posctl
