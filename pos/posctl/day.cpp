#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "brigade/domain/report_text.h"
#include "brigade/protocol/codec.h"
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

// A report as text, CSV, or the hub's JSON (--json).
void print_report(const CommandLine& cli, bool csv, const Json& r, const CurrencyFormat& currency) {
  if (csv && !cli.options.json && r.contains("report")) {
    fmt::print("{}", report_csv(protocol::read_report(r["report"])));
    return;
  }
  print_result(cli.options.json, r, [&currency](const Json& r) {
    for (const std::string& line : report_text(protocol::read_report(r["report"]), currency))
      fmt::print("{}\n", line);
    if (!r["report"].value("reconciles", true))
      fmt::print("THE FIGURES DO NOT RECONCILE: {}\n", r["report"].value("problem", ""));
  });
}

// "12:2" -> line 12, quantity 2; "12" -> one of line 12.
std::optional<std::pair<std::int64_t, int>> refund_line(const std::string& text) {
  const auto colon = text.find(':');
  try {
    std::size_t used = 0;
    const std::int64_t id = std::stoll(text.substr(0, colon), &used);
    if (used != text.substr(0, colon).size() || id < 1) return std::nullopt;
    int quantity = 1;
    if (colon != std::string::npos) {
      quantity = std::stoi(text.substr(colon + 1), &used);
      if (used != text.size() - colon - 1 || quantity < 1) return std::nullopt;
    }
    return std::pair{id, quantity};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

void DayCommands::add_reports(CommandLine cli) {
  auto* report = cli.app.add_subcommand(
      "report", "the day's figures: x (so far, changes nothing) or z (how a day was closed)");
  report->require_subcommand(1);
  for (const char* which : {"x", "z"}) {
    const bool z = which[0] == 'z';
    auto* sub = report->add_subcommand(
        which, z ? "the Z report a closed day was closed with (default: the last)"
                 : "the figures of the open day so far, or of any day with --day");
    sub->add_option("--day", day_, "the business day (posctl day lists them)");
    sub->add_flag("--csv", csv_, "as CSV: section,key,label,count,amount");
    sub->callback([this, cli, z] {
      cli.run = [this, cli, z](Hub& h) {
        const std::optional<std::int64_t> day =
            day_ > 0 ? std::optional<std::int64_t>(day_) : std::nullopt;
        const Json r = z ? h.call(protocol::ZReport{day}) : h.call(protocol::XReport{day});
        print_report(cli, csv_, r, h.currency());
      };
    });
  }

  auto* refund = cli.app.add_subcommand(
      "refund", "money back on a closed check, to the tenders that paid it (manager: --approve)");
  refund->add_option("check", check_id_, "check id")->required();
  refund->add_option("--line", lines_, "LINE or LINE:QTY (repeat; default: all that is left)");
  refund->add_option("--reason", reason_, "why")->required();
  refund->add_option("--ref", reference_, "the card reader's approval of a card refund");
  refund->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      protocol::RefundCheck command{check_id_};
      command.reason = reason_;
      if (!reference_.empty()) command.reference = reference_;
      for (const std::string& text : lines_) {
        auto line = refund_line(text);
        if (!line) usage_error("--line must be LINE or LINE:QTY, not '" + text + "'");
        if (!command.lines) command.lines.emplace();
        (*command.lines)[line->first] += line->second;
      }
      const Json r = h.call(command);
      const CurrencyFormat& currency = h.currency();
      print_result(cli.options.json, r, [&currency](const Json& r) {
        const Json& refund = r["refund"];
        fmt::print("refund {} of check {}: {}\n", refund["id"].get<std::int64_t>(),
                   refund["check_number"].get<std::int64_t>(),
                   format_money(Money::cents(refund["amount"].get<std::int64_t>()), currency));
        for (const Json& t : refund["tenders"])
          fmt::print("  {} {}\n", tender_words(t["tender"].get<std::string>()),
                     format_money(Money::cents(t["amount"].get<std::int64_t>()), currency));
      });
    };
  });
}

DayCommands::DayCommands(CommandLine cli) {
  add_reports(cli);
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
