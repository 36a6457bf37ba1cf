#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "printing.h"

namespace brigade::posctl {

namespace {

// "day 3, open since 2026-12-04 16:02 (dana), 41 checks" or "... closed ... Z 3".
std::string business_day_line(const Json& day) {
  std::string line = "day " + std::to_string(day["id"].get<std::int64_t>());
  if (day["z_number"].is_null()) {
    line += ", open since " + local_text(day["opened_at"].get<std::int64_t>());
  } else {
    line += ", " + local_text(day["opened_at"].get<std::int64_t>()) + " to " +
            local_text(day["closed_at"].get<std::int64_t>()) + ", Z " +
            std::to_string(day["z_number"].get<std::int64_t>());
  }
  const std::string by = day.value("opened_by", "");
  if (!by.empty()) line += " (opened by " + by + ")";
  if (day.contains("checks"))
    line += ", " + std::to_string(day["checks"].get<std::int64_t>()) + " checks";
  return line;
}

}  // namespace

DayCommands::DayCommands(CommandLine cli) {
  auto* day = cli.app.add_subcommand(
      "day", "the business day: which is open, the last ones and their Z numbers; open, close");
  day->callback([day, cli] {
    if (!day->get_subcommands().empty()) return;
    cli.run = [cli](Hub& h) {
      const Json r = h.call(protocol::DayStatus{});
      print_result(cli.options.json, r, [](const Json& r) {
        if (r["open_day"].is_null()) fmt::print("no day is open: the first check opens one\n");
        for (const Json& d : r["days"]) fmt::print("{}\n", business_day_line(d));
      });
    };
  });
  auto* open = day->add_subcommand("open", "open the business day before the first check");
  open->callback([cli] {
    cli.run = [cli](Hub& h) {
      const Json r = h.call(protocol::OpenDay{});
      print_result(cli.options.json, r,
                   [](const Json& r) { fmt::print("{}\n", business_day_line(r["day"])); });
    };
  });
  auto* close = day->add_subcommand(
      "close", "close the open day with the next Z number (not over open checks)");
  close->add_flag("--carry-over", carry_over_,
                  "the checks still open go on in the next day, which opens now");
  close->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      const Json r = h.call(protocol::CloseDay{carry_over_});
      print_result(cli.options.json, r, [](const Json& r) {
        fmt::print("closed {}\n", business_day_line(r["day"]));
        if (!r["carried_over"].empty())
          fmt::print("{} open checks carried over to {}\n", r["carried_over"].size(),
                     business_day_line(r["next_day"]));
      });
    };
  });
}

}  // namespace brigade::posctl
