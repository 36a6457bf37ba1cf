// A kitchen ticket with its lines' words: written by the hub (every ticket.* event and the
// snapshot's "tickets"), read back by kitchen screens and posctl.
#include <algorithm>

#include "brigade/protocol/codec.h"
#include "reading.h"

namespace brigade::protocol {

using namespace reading;

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

Json course_json(const std::optional<Course>& course) {
  return course ? Json(to_string(*course)) : Json("");
}

}  // namespace

bool TicketView::Line::goes_to(std::string_view station) const {
  return contains(stations, station);
}

bool TicketView::Line::done_at_station(std::string_view station) const {
  return contains(done_at, station);
}

const TicketView::Station* TicketView::station(std::string_view id) const {
  for (const auto& s : stations)
    if (s.station == id) return &s;
  return nullptr;
}

const TicketView::Line* TicketView::line(std::int64_t line_id) const {
  for (const auto& l : lines)
    if (l.id == line_id) return &l;
  return nullptr;
}

namespace {

// A ticket's stations, as the ticket and its progress both write them.
Json stations_json(const std::vector<TicketView::Station>& stations) {
  Json out = Json::array();
  for (const auto& s : stations)
    out.push_back({{"station", s.station},
                   {"acknowledged_at", optional_time(s.acknowledged_at)},
                   {"bumped_at", optional_time(s.bumped_at)}});
  return out;
}

std::vector<TicketView::Station> read_stations(const Json& j) {
  std::vector<TicketView::Station> out;
  for (const auto& s : array(j, "stations"))
    if (s.is_object())
      out.push_back({text(s, "station"), integer(s, "acknowledged_at"), integer(s, "bumped_at")});
  return out;
}

}  // namespace

TicketView view_of(const Ticket& ticket, const TicketContext& context) {
  const Check& check = context.check;
  TicketView view;
  view.id = ticket.id;
  view.check_id = ticket.check_id;
  view.check_number = check.number;
  view.label = check.label();
  view.channel = check.channel;
  view.server = std::string(context.server_name);
  view.guests = check.guests;
  view.promised_at = check.promised_at;
  view.status = ticket.status;
  view.course = ticket.course;
  view.addition = ticket.addition;
  view.rush = ticket.rush;
  view.created_at = ticket.created_at;
  view.fired_at = ticket.fired_at;
  view.served_at = ticket.served_at;
  for (const auto& s : ticket.stations)
    view.stations.push_back({s.station_id, s.acknowledged_at, s.bumped_at});
  for (auto line_id : ticket.line_ids) {
    const brigade::Line* line = context.find_line(line_id);
    if (!line) continue;
    TicketView::Line l;
    l.id = line->id;
    l.name = line->name;
    l.quantity = line->quantity;
    l.voided_quantity = line->voided_quantity;
    l.seat = line->seat;
    l.course = line->course;
    for (const auto& m : line->modifiers) l.modifiers.push_back(m.name);
    l.note = line->note;
    l.stations = line->station_ids;
    l.state = line->state;
    l.void_reason = line->void_reason;
    for (const auto& [id, station] : ticket.items_done)
      if (id == line_id) l.done_at.push_back(station);
    view.lines.push_back(std::move(l));
  }
  return view;
}

Json to_json(const Ticket& ticket, const TicketContext& context) {
  return to_json(view_of(ticket, context));
}

Json to_json(const TicketView& t) {
  Json lines = Json::array();
  for (const auto& l : t.lines)
    lines.push_back({{"line_id", l.id},
                     {"name", l.name},
                     {"quantity", l.quantity},
                     {"voided_quantity", l.voided_quantity},
                     {"seat", l.seat},
                     {"course", course_json(l.course)},
                     {"modifiers", l.modifiers},
                     {"note", l.note},
                     {"stations", l.stations},
                     {"state", to_string(l.state)},
                     {"void_reason", l.void_reason},
                     {"done_at", l.done_at}});
  Json stations = stations_json(t.stations);
  return {{"id", t.id},
          {"check_id", t.check_id},
          {"check_number", t.check_number},
          {"label", t.label},
          {"channel", to_string(t.channel)},
          {"server", t.server},
          {"guests", t.guests},
          {"promised_at", optional_time(t.promised_at)},
          {"status", to_string(t.status)},
          {"course", course_json(t.course)},
          {"addition", t.addition},
          {"rush", t.rush},
          {"created_at", t.created_at},
          {"fired_at", optional_time(t.fired_at)},
          {"served_at", optional_time(t.served_at)},
          {"stations", stations},
          {"lines", lines}};
}

std::optional<TicketView> read_ticket(const Json& j) {
  if (!j.is_object() || integer(j, "id") <= 0) return std::nullopt;
  TicketView t;
  t.id = integer(j, "id");
  t.check_id = integer(j, "check_id");
  t.check_number = integer(j, "check_number");
  t.label = text(j, "label");
  t.channel = channel_from_string(text(j, "channel")).value_or(Channel::dine_in);
  t.server = text(j, "server");
  t.guests = small(j, "guests");
  t.promised_at = integer(j, "promised_at");
  t.status = ticket_status_from_string(text(j, "status")).value_or(TicketStatus::open);
  t.course = course_from_string(text(j, "course"));
  t.addition = flag(j, "addition");
  t.rush = flag(j, "rush");
  t.created_at = integer(j, "created_at");
  t.fired_at = integer(j, "fired_at");
  t.served_at = integer(j, "served_at");
  t.stations = read_stations(j);
  for (const auto& l : array(j, "lines")) {
    if (!l.is_object()) continue;
    TicketView::Line line;
    line.id = integer(l, "line_id");
    line.name = text(l, "name");
    line.quantity = small(l, "quantity", 1);
    line.voided_quantity = small(l, "voided_quantity");
    line.seat = small(l, "seat");
    line.course = course_from_string(text(l, "course"));
    line.modifiers = texts(l, "modifiers");
    line.note = text(l, "note");
    line.stations = texts(l, "stations");
    line.state = line_state_from_string(text(l, "state")).value_or(LineState::sent);
    line.void_reason = text(l, "void_reason");
    line.done_at = texts(l, "done_at");
    t.lines.push_back(std::move(line));
  }
  return t;
}

TicketProgress progress_of(const Ticket& ticket, const Check* check) {
  TicketProgress p;
  p.id = ticket.id;
  p.check_id = ticket.check_id;
  p.status = ticket.status;
  p.rush = ticket.rush;
  p.fired_at = ticket.fired_at;
  p.served_at = ticket.served_at;
  for (const auto& s : ticket.stations)
    p.stations.push_back({s.station_id, s.acknowledged_at, s.bumped_at});
  p.done.assign(ticket.items_done.begin(), ticket.items_done.end());
  if (check)
    for (auto line_id : ticket.line_ids)
      if (const brigade::Line* line = check->find_line(line_id))
        p.lines.emplace_back(line_id, line->state);
  return p;
}

Json to_json(const TicketProgress& p) {
  Json stations = stations_json(p.stations);
  Json done = Json::array();
  for (const auto& [line_id, station] : p.done)
    done.push_back({{"line_id", line_id}, {"station", station}});
  Json lines = Json::array();
  for (const auto& [line_id, state] : p.lines)
    lines.push_back({{"line_id", line_id}, {"state", to_string(state)}});
  return {{"id", p.id},
          {"check_id", p.check_id},
          {"status", to_string(p.status)},
          {"rush", p.rush},
          {"fired_at", optional_time(p.fired_at)},
          {"served_at", optional_time(p.served_at)},
          {"stations", stations},
          {"done", done},
          {"lines", lines}};
}

std::optional<TicketProgress> read_progress(const Json& j) {
  if (!j.is_object() || integer(j, "id") <= 0) return std::nullopt;
  TicketProgress p;
  p.id = integer(j, "id");
  p.check_id = integer(j, "check_id");
  p.status = ticket_status_from_string(text(j, "status")).value_or(TicketStatus::open);
  p.rush = flag(j, "rush");
  p.fired_at = integer(j, "fired_at");
  p.served_at = integer(j, "served_at");
  p.stations = read_stations(j);
  for (const auto& d : array(j, "done"))
    if (d.is_object()) p.done.emplace_back(integer(d, "line_id"), text(d, "station"));
  for (const auto& l : array(j, "lines"))
    if (l.is_object())
      if (auto state = line_state_from_string(text(l, "state")))
        p.lines.emplace_back(integer(l, "line_id"), *state);
  return p;
}

void apply(TicketView& ticket, const TicketProgress& p) {
  ticket.status = p.status;
  ticket.rush = p.rush;
  ticket.fired_at = p.fired_at;
  ticket.served_at = p.served_at;
  ticket.stations = p.stations;
  for (auto& line : ticket.lines) {
    line.done_at.clear();
    for (const auto& [line_id, station] : p.done)
      if (line_id == line.id) line.done_at.push_back(station);
    for (const auto& [line_id, state] : p.lines)
      if (line_id == line.id) line.state = state;
  }
}

}  // namespace brigade::protocol
