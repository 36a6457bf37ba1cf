#include "brigade/domain/ticket.h"

#include <algorithm>
#include <map>

namespace brigade {

std::string_view to_string(TicketStatus status) {
  switch (status) {
    case TicketStatus::held:
      return "held";
    case TicketStatus::open:
      return "open";
    case TicketStatus::ready:
      return "ready";
    case TicketStatus::served:
      return "served";
  }
  return "unknown";
}

std::optional<TicketStatus> ticket_status_from_string(std::string_view text) {
  for (auto s : {TicketStatus::held, TicketStatus::open, TicketStatus::ready, TicketStatus::served})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

StationProgress* Ticket::find_station(std::string_view station_id) {
  auto it = std::find_if(stations.begin(), stations.end(),
                         [&](const StationProgress& s) { return s.station_id == station_id; });
  return it == stations.end() ? nullptr : &*it;
}

const StationProgress* Ticket::find_station(std::string_view station_id) const {
  return const_cast<Ticket*>(this)->find_station(station_id);
}

bool Ticket::carries(std::int64_t line_id) const {
  return std::find(line_ids.begin(), line_ids.end(), line_id) != line_ids.end();
}

namespace {

Ticket make_ticket(const Check& check, const std::vector<std::int64_t>& line_ids, const Menu& menu,
                   std::int64_t id, EpochMs now) {
  Ticket ticket;
  ticket.id = id;
  ticket.check_id = check.id;
  ticket.created_at = now;
  ticket.line_ids = line_ids;
  for (auto line_id : line_ids) {
    const Line* line = check.find_line(line_id);
    if (!line) continue;
    for (const auto& station_id : line->station_ids) {
      const Station* station = menu.find_station(station_id);
      if (station && station->expo) continue;
      if (!ticket.find_station(station_id)) ticket.stations.push_back({station_id});
    }
  }
  return ticket;
}

Error no_station(const Ticket& ticket, std::string_view station_id) {
  return fail(Errc::not_found, "ticket " + std::to_string(ticket.id) +
                                   " has nothing for station '" + std::string(station_id) + "'");
}

}  // namespace

std::vector<Ticket> tickets_for_send(const Check& check, const SendResult& sent, const Menu& menu,
                                     bool addition, const std::vector<std::int64_t>& ticket_ids,
                                     EpochMs now) {
  std::vector<Ticket> tickets;
  auto next_id = ticket_ids.begin();
  auto take_id = [&]() -> std::int64_t { return next_id == ticket_ids.end() ? 0 : *next_id++; };
  if (!sent.sent.empty()) {
    Ticket ticket = make_ticket(check, sent.sent, menu, take_id(), now);
    ticket.status = TicketStatus::open;
    ticket.fired_at = now;
    // The course the kitchen reads first on the card: the earliest one on it.
    ticket.course = Course::dessert;
    for (auto id : sent.sent)
      if (const Line* l = check.find_line(id)) ticket.course = std::min(ticket.course, l->course);
    ticket.addition = addition;
    tickets.push_back(std::move(ticket));
  }
  // One held ticket per course, so that each fire releases exactly its course.
  std::map<Course, std::vector<std::int64_t>> held_by_course;
  for (auto id : sent.held)
    if (const Line* l = check.find_line(id)) held_by_course[l->course].push_back(id);
  for (auto& [course, ids] : held_by_course) {
    Ticket ticket = make_ticket(check, ids, menu, take_id(), now);
    ticket.status = TicketStatus::held;
    ticket.course = course;
    ticket.addition = addition;
    tickets.push_back(std::move(ticket));
  }
  return tickets;
}

Status fire_ticket(Ticket& ticket, EpochMs now) {
  if (ticket.status != TicketStatus::held)
    return fail(Errc::nothing_held, "ticket " + std::to_string(ticket.id) + " is not on hold");
  ticket.status = TicketStatus::open;
  ticket.fired_at = now;
  return success();
}

Status acknowledge(Ticket& ticket, std::string_view station_id, EpochMs now) {
  StationProgress* station = ticket.find_station(station_id);
  if (!station) return no_station(ticket, station_id);
  if (station->acknowledged_at == 0) station->acknowledged_at = now;
  return success();
}

Result<bool> bump_station(Ticket& ticket, std::string_view station_id, EpochMs now) {
  StationProgress* station = ticket.find_station(station_id);
  if (!station) return no_station(ticket, station_id);
  if (ticket.status == TicketStatus::held)
    return fail(Errc::nothing_held, "ticket " + std::to_string(ticket.id) +
                                        " is on hold: it can't be bumped before it is fired");
  if (station->bumped_at != 0) return false;  // a double tap changes nothing
  station->bumped_at = now;
  if (station->acknowledged_at == 0) station->acknowledged_at = now;
  bool all_bumped = std::all_of(ticket.stations.begin(), ticket.stations.end(),
                                [](const StationProgress& s) { return s.bumped_at != 0; });
  if (all_bumped && ticket.status == TicketStatus::open) {
    ticket.status = TicketStatus::ready;
    return true;
  }
  return false;
}

Status serve(Ticket& ticket, EpochMs now) {
  if (ticket.status == TicketStatus::held)
    return fail(Errc::nothing_held, "ticket " + std::to_string(ticket.id) + " is still on hold");
  if (ticket.status == TicketStatus::served) return success();
  ticket.status = TicketStatus::served;
  ticket.served_at = now;
  return success();
}

Status recall_station(Ticket& ticket, std::string_view station_id) {
  StationProgress* station = ticket.find_station(station_id);
  if (!station) return no_station(ticket, station_id);
  if (station->bumped_at == 0)
    return fail(Errc::invalid_argument, "ticket " + std::to_string(ticket.id) +
                                            " is not bumped at '" + std::string(station_id) + "'");
  station->bumped_at = 0;
  // Recalled at a station, even after expo served it: the station has it to do again.
  if (ticket.status == TicketStatus::ready || ticket.status == TicketStatus::served) {
    ticket.status = TicketStatus::open;
    ticket.served_at = 0;
  }
  return success();
}

Status recall_served(Ticket& ticket) {
  if (ticket.status != TicketStatus::served)
    return fail(Errc::invalid_argument, "ticket " + std::to_string(ticket.id) + " is not served");
  bool all_bumped = std::all_of(ticket.stations.begin(), ticket.stations.end(),
                                [](const StationProgress& s) { return s.bumped_at != 0; });
  ticket.status = all_bumped ? TicketStatus::ready : TicketStatus::open;
  ticket.served_at = 0;
  return success();
}

Status bump_item(Ticket& ticket, std::int64_t line_id, std::string_view station_id, bool done) {
  if (!ticket.carries(line_id))
    return fail(Errc::line_not_found, "ticket " + std::to_string(ticket.id) +
                                          " does not carry line " + std::to_string(line_id));
  if (!ticket.find_station(station_id)) return no_station(ticket, station_id);
  std::pair<std::int64_t, std::string> key{line_id, std::string(station_id)};
  if (done)
    ticket.items_done.insert(key);
  else
    ticket.items_done.erase(key);
  return success();
}

std::vector<std::string> stations_overdue(const Ticket& ticket, EpochMs now,
                                          std::int64_t timeout_ms) {
  std::vector<std::string> overdue;
  if (ticket.status != TicketStatus::open) return overdue;
  for (const auto& s : ticket.stations)
    if (s.acknowledged_at == 0 && !s.alerted && now - ticket.fired_at >= timeout_ms)
      overdue.push_back(s.station_id);
  return overdue;
}

}  // namespace brigade
