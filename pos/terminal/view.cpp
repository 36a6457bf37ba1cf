#include "view.h"

#include <cstdio>
#include <ctime>

#include "brigade/ui/theme.h"

namespace brigade::terminal {

std::string local_text(EpochMs at, const char* format) {
  const std::tm local = local_tm(at);
  char text[64];
  std::strftime(text, sizeof text, format, &local);
  // %e pads a day below 10 with a space: " 4 Dec", "Fri  4 Dec".
  std::string out = text;
  if (auto twice = out.find("  "); twice != std::string::npos) out.erase(twice, 1);
  return !out.empty() && out[0] == ' ' ? out.substr(1) : out;
}

std::string clock_text(EpochMs at) {
  return local_text(at, "%H:%M");
}

std::string date_time_text(EpochMs at, bool weekday) {
  return local_text(at, weekday ? "%a %e %b %H:%M" : "%e %b %H:%M");
}

std::optional<std::tm> date_of(const std::string& date) {
  std::tm d{};
  if (std::sscanf(date.c_str(), "%d-%d-%d", &d.tm_year, &d.tm_mon, &d.tm_mday) != 3)
    return std::nullopt;
  d.tm_year -= 1900;
  d.tm_mon -= 1;
  return d;
}

std::tm local_tm(EpochMs at) {
  std::time_t t = static_cast<std::time_t>(at / 1000);
  std::tm local{};
  localtime_r(&t, &local);
  return local;
}
EpochMs from_local(std::tm local) {
  local.tm_isdst = -1;  // whatever the date's own offset is
  return static_cast<EpochMs>(std::mktime(&local)) * 1000;
}

EpochMs local_midnight(EpochMs at) {
  std::tm d = local_tm(at);
  d.tm_hour = d.tm_min = d.tm_sec = 0;
  return from_local(d);
}

EpochMs monday_of(EpochMs at) {
  std::tm d = local_tm(at);
  d.tm_mday -= (d.tm_wday + 6) % 7;
  d.tm_hour = d.tm_min = d.tm_sec = 0;
  return from_local(d);
}

EpochMs add_days(EpochMs day, int days) {
  std::tm d = local_tm(day);
  d.tm_mday += days;
  return from_local(d);
}

const Json& list_in(const Json& result, const char* name) {
  static const Json kNone = Json::array();
  auto it = result.find(name);
  return it != result.end() && it->is_array() ? *it : kNone;
}

std::string course_title(Course course) {
  switch (course) {
    case Course::drinks:
      return "Drinks";
    case Course::apps:
      return "Apps";
    case Course::mains:
      return "Mains";
    case Course::dessert:
      return "Dessert";
  }
  return "Mains";
}

std::string seat_title(int seat) {
  return seat == 0 ? "Table" : "Seat " + std::to_string(seat);
}

std::string line_state_words(LineState state) {
  switch (state) {
    case LineState::new_:
      return "NEW - not sent";
    case LineState::held:
      return "held";
    case LineState::sent:
      return "sent";
    case LineState::fired:
      return "fired";
    case LineState::ready:
      return "READY";
    case LineState::served:
      return "served";
    case LineState::voided:
      return "VOID";
  }
  return "";
}

ImVec4 line_state_colour(LineState state) {
  switch (state) {
    case LineState::new_:
      return ui::colour::unsent;
    case LineState::held:
      return ui::colour::held;
    case LineState::sent:
    case LineState::fired:
      return ui::shade(ui::colour::ok, -0.12f);
    case LineState::ready:
      return ui::colour::warning;
    case LineState::served:
      return ui::colour::disabled;
    case LineState::voided:
      return ui::colour::late;
  }
  return ui::colour::panel;
}

ImVec4 table_colour(TableState state) {
  switch (state) {
    case TableState::free:
      return ImVec4(0.20f, 0.22f, 0.25f, 1.0f);
    case TableState::seated:
      return ui::colour::accent;
    case TableState::ordered:
      return ui::shade(ui::colour::ok, -0.08f);
    case TableState::food_ready:
      return ui::shade(ui::colour::warning, -0.10f);
    case TableState::paying:
      return ui::colour::held;
  }
  return ui::colour::panel;
}

}  // namespace brigade::terminal
