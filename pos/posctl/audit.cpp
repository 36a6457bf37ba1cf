#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <ctime>

#include "commands.h"

namespace brigade::posctl {

namespace {

// "2026-12-01" or "2026-12-01T18:30" in the hub machine's local time (posctl runs there
// or beside it), or milliseconds since 1970 as the hub counts them.
std::int64_t read_time(const std::string& text, const char* option) {
  if (!text.empty() &&
      std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::stoll(text);
  std::tm t{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  char tail = 0;
  const int read = std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &tail);
  if (!(read == 3 || read == 5) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59)
    usage_error(std::string(option) + " must be a date (2026-12-01), a date and time " +
                "(2026-12-01T18:30) or milliseconds since 1970, not '" + text + "'");
  t.tm_year = y - 1900;
  t.tm_mon = mo - 1;
  t.tm_mday = d;
  t.tm_hour = h;
  t.tm_min = mi;
  t.tm_isdst = -1;
  return static_cast<std::int64_t>(std::mktime(&t)) * 1000;
}

std::string local_text(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm t{};
  localtime_r(&seconds, &t);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &t);
  return text;
}

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
