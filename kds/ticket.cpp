#include "kds/ticket.h"

#include <algorithm>

namespace brigade::kds {

namespace {

template <typename T>
T field(const Json& j, const char* name, T fallback) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const Json::exception&) {
    return fallback;
  }
}

std::vector<std::string> texts(const Json& j, const char* name) {
  std::vector<std::string> out;
  auto it = j.find(name);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

bool TicketLine::goes_to(std::string_view station) const {
  return contains(stations, station);
}

bool TicketLine::done_at_station(std::string_view station) const {
  return contains(done_at, station);
}

const StationProgress* Ticket::station(std::string_view id) const {
  for (const auto& s : stations)
    if (s.station == id) return &s;
  return nullptr;
}

const TicketLine* Ticket::line(std::int64_t line_id) const {
  for (const auto& l : lines)
    if (l.id == line_id) return &l;
  return nullptr;
}

std::optional<Ticket> ticket_from_json(const Json& j) {
  if (!j.is_object() || field<std::int64_t>(j, "id", 0) <= 0) return std::nullopt;
  Ticket t;
  t.id = field<std::int64_t>(j, "id", 0);
  t.check_id = field<std::int64_t>(j, "check_id", 0);
  t.check_number = field<int>(j, "check_number", 0);
  t.label = field<std::string>(j, "label", "");
  t.channel = field<std::string>(j, "channel", "");
  t.server = field<std::string>(j, "server", "");
  t.guests = field<int>(j, "guests", 0);
  t.promised_at = field<EpochMs>(j, "promised_at", 0);
  t.status = ticket_status_from_string(field<std::string>(j, "status", "open"))
                 .value_or(TicketStatus::open);
  t.course = field<std::string>(j, "course", "");
  t.addition = field<bool>(j, "addition", false);
  t.rush = field<bool>(j, "rush", false);
  t.created_at = field<EpochMs>(j, "created_at", 0);
  t.fired_at = field<EpochMs>(j, "fired_at", 0);
  t.served_at = field<EpochMs>(j, "served_at", 0);
  if (auto it = j.find("stations"); it != j.end() && it->is_array())
    for (const auto& s : *it) {
      if (!s.is_object()) continue;
      t.stations.push_back({field<std::string>(s, "station", ""),
                            field<EpochMs>(s, "acknowledged_at", 0),
                            field<EpochMs>(s, "bumped_at", 0)});
    }
  if (auto it = j.find("lines"); it != j.end() && it->is_array())
    for (const auto& l : *it) {
      if (!l.is_object()) continue;
      TicketLine line;
      line.id = field<std::int64_t>(l, "line_id", 0);
      line.name = field<std::string>(l, "name", "");
      line.quantity = field<int>(l, "quantity", 1);
      line.voided_quantity = field<int>(l, "voided_quantity", 0);
      line.seat = field<int>(l, "seat", 0);
      line.course = field<std::string>(l, "course", "");
      line.modifiers = texts(l, "modifiers");
      line.note = field<std::string>(l, "note", "");
      line.stations = texts(l, "stations");
      line.state = field<std::string>(l, "state", "");
      line.void_reason = field<std::string>(l, "void_reason", "");
      line.done_at = texts(l, "done_at");
      t.lines.push_back(std::move(line));
    }
  return t;
}

std::string describe(const Ticket& ticket, const std::vector<const TicketLine*>& lines) {
  std::string text = ticket.label + " #" + std::to_string(ticket.check_number);
  if (!ticket.course.empty()) text += " (" + ticket.course + ")";
  if (ticket.rush) text += " RUSH";
  if (ticket.status == TicketStatus::held) text += " ON HOLD";
  if (ticket.addition) text += " ADDED";
  text += ":";
  const char* separator = " ";
  for (const TicketLine* line : lines) {
    text += separator;
    separator = ", ";
    if (line->voided())
      text += "VOID ";
    else if (line->quantity_changed())
      text += std::to_string(line->quantity) + "->";
    text +=
        std::to_string(line->voided() ? line->quantity : line->live_quantity()) + "x " + line->name;
    if (!line->modifiers.empty()) {
      text += " [";
      for (std::size_t i = 0; i < line->modifiers.size(); ++i)
        text += (i ? ", " : "") + line->modifiers[i];
      text += "]";
    }
  }
  return text;
}

}  // namespace brigade::kds
