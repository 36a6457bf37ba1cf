#include "printing.h"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>

#include "hub_session.h"

namespace brigade::posctl {

std::string money(const Json& cents, const CurrencyFormat& currency) {
  return format_money(Money::cents(cents.get<std::int64_t>()), currency);
}

void print_result(bool json, const Json& result, const std::function<void(const Json&)>& text) {
  if (json)
    fmt::print("{}\n", result.dump(2));
  else
    text(result);
}

void print_check(const Json& c, const CurrencyFormat& currency) {
  auto cash = [&](const Json& cents) { return money(cents, currency); };
  fmt::print("check {}  {}  ({}, {} guests)  {}\n", c["number"].get<long long>(),
             c["label"].get<std::string>(), c["channel"].get<std::string>(), c["guests"].get<int>(),
             c["status"].get<std::string>());
  for (const auto& l : c["lines"]) {
    int qty = l["quantity"], voided = l["voided_quantity"];
    std::string qty_text =
        voided ? fmt::format("{}->{}", qty, qty - voided) : fmt::format("{}", qty);
    fmt::print("  #{:<5} seat {:<2} {:<7} {:>4} x {:<28} {:<7} {:>10}\n", l["id"].get<long long>(),
               l["seat"].get<int>(), l["course"].get<std::string>(), qty_text,
               l["name"].get<std::string>(), l["state"].get<std::string>(),
               cash(l.value("net", l["unit_total"].get<std::int64_t>() * (qty - voided))));
    for (const auto& m : l["modifiers"])
      fmt::print("{:24}- {} {}\n", "", m["name"].get<std::string>(),
                 m["price"].get<std::int64_t>() ? cash(m["price"]) : "");
    if (!l["note"].get<std::string>().empty())
      fmt::print("{:24}! {}\n", "", l["note"].get<std::string>());
    if (l["state"] == "voided" || voided)
      fmt::print("{:24}VOID: {}\n", "", l["void_reason"].get<std::string>());
  }
  const Json& t = c["totals"];
  fmt::print("  subtotal {}  discounts {}  comps {}  tax {}  TOTAL {}  paid {}  tips {}  DUE {}\n",
             cash(t["subtotal"]), cash(t["discounts"]), cash(t["comps"]), cash(t["tax"]),
             cash(t["total"]), cash(t["paid"]), cash(t["tips"]), cash(t["balance"]));
  for (const auto& p : c["split"].value("part_totals", Json::array()))
    fmt::print("  part {} {:<14} total {}  paid {}  due {}\n", p["part"].get<int>(),
               p["label"].get<std::string>(), cash(p["total"]), cash(p["paid"]),
               cash(p["balance"]));
}

void print_ticket(const Json& t) {
  fmt::print("ticket {}  {}  check {}  {}  {}{}{}\n", t["id"].get<long long>(),
             t["label"].get<std::string>(), t["check_number"].get<long long>(),
             t["course"].get<std::string>(), t["status"].get<std::string>(),
             t["rush"].get<bool>() ? "  RUSH" : "", t["addition"].get<bool>() ? "  ADD-ON" : "");
  for (const auto& s : t["stations"])
    fmt::print("    {:<8} {}{}\n", s["station"].get<std::string>(),
               s["acknowledged_at"].is_null() ? "not seen" : "seen",
               s["bumped_at"].is_null() ? "" : ", bumped");
  for (const auto& l : t["lines"]) {
    bool voided = l["state"] == "voided";
    fmt::print("    {}{} x {} (seat {})\n", voided ? "VOID " : "",
               l["quantity"].get<int>() - l["voided_quantity"].get<int>(),
               l["name"].get<std::string>(), l["seat"].get<int>());
    for (const auto& m : l["modifiers"]) fmt::print("        - {}\n", m.get<std::string>());
  }
}

void print_progress(const Json& p) {
  fmt::print("ticket {}  check id {}  {}{}\n", p["id"].get<long long>(),
             p["check_id"].get<long long>(), p["status"].get<std::string>(),
             p["rush"].get<bool>() ? "  RUSH" : "");
  for (const auto& s : p["stations"])
    fmt::print("    {:<8} {}{}\n", s["station"].get<std::string>(),
               s["acknowledged_at"].is_null() ? "not seen" : "seen",
               s["bumped_at"].is_null() ? "" : ", bumped");
}

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

}  // namespace brigade::posctl
