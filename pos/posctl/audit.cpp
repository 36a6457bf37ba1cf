#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <ctime>

#include "commands.h"
#include "printing.h"

namespace brigade::posctl {

namespace {

// RFC 4180: a field with a comma, a quote or a line break is quoted, quotes doubled.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string json_text(const Json& value) {
  return value.is_null() ? std::string() : value.dump();
}

}  // namespace

AuditCommands::AuditCommands(CommandLine cli) {
  auto* audit = cli.app.add_subcommand(
      "audit", "who voided, comped, discounted or changed the menu, stock or staff, and when");
  audit->add_option("--since", since_, "from this time: 2026-12-01 or 2026-12-01T18:00");
  audit->add_option("--until", until_, "before this time");
  audit->add_option("--action", action_, "only this action or family: menu, menu.item.changed");
  audit->add_option("--staff", staff_, "only what this person did or approved (a staff id)");
  audit->add_flag("--csv", csv_, "comma-separated values, with a header line");
  audit->callback([this, cli] {
    cli.run = [this, cli](Hub& h) {
      protocol::ListAudit query;
      if (!since_.empty()) query.since = read_time(since_, "--since");
      if (!until_.empty()) query.until = read_time(until_, "--until");
      if (!action_.empty()) query.action = action_;
      if (!staff_.empty()) query.staff_id = staff_;
      query.limit = 1000;
      Json all = Json::array();
      // Page by id until a page comes back short.
      for (;;) {
        const Json page = h.call(query)["entries"];
        for (const Json& e : page) all.push_back(e);
        if (page.size() < 1000) break;
        query.after_id = page.back()["id"].get<std::int64_t>();
      }
      if (cli.options.json) {
        fmt::print("{}\n", Json{{"entries", all}}.dump(2));
        return;
      }
      if (csv_) fmt::print("id,at,action,staff,approved_by,device,subject,reason,before,after\r\n");
      for (const Json& e : all) {
        const std::string at = local_text(e["at"].get<std::int64_t>());
        if (csv_) {
          fmt::print("{},{},{},{},{},{},{},{},{},{}\r\n", e["id"].get<std::int64_t>(), at,
                     csv_field(e["action"]), csv_field(e["staff_id"]), csv_field(e["approved_by"]),
                     csv_field(e["device"]), csv_field(e["subject"]), csv_field(e["reason"]),
                     csv_field(json_text(e["before"])), csv_field(json_text(e["after"])));
          continue;
        }
        std::string who = e["staff_id"].get<std::string>();
        if (!e["approved_by"].get<std::string>().empty())
          who += " (approved by " + e["approved_by"].get<std::string>() + ")";
        fmt::print("{}  {:<26} {:<28} {} @{}{}\n", at, e["action"].get<std::string>(),
                   e["subject"].get<std::string>(), who, e["device"].get<std::string>(),
                   e["reason"].get<std::string>().empty() ? std::string()
                                                          : ": " + e["reason"].get<std::string>());
        if (!e["before"].is_null() || !e["after"].is_null())
          fmt::print("    {} -> {}\n", e["before"].is_null() ? "-" : e["before"].dump(),
                     e["after"].is_null() ? "-" : e["after"].dump());
      }
      if (!csv_ && all.empty()) fmt::print("nothing in the audit log for this\n");
    };
  });
}

}  // namespace brigade::posctl
