// A ticket: the kitchen's view of one send of a check. It names the check's lines it
// carries (their words, quantities and voids are read from the check, so a void shows
// on the ticket the kitchen already has) and keeps each station's progress on it.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/result.h"

namespace brigade {

// held: a course on hold, shown as held (or not at all) until fired;
// open: with the kitchen; ready: every cooking station bumped it; served: expo bumped it.
enum class TicketStatus { held, open, ready, served };
std::string_view to_string(TicketStatus status);
std::optional<TicketStatus> ticket_status_from_string(std::string_view text);

// One cooking station's progress on a ticket.
struct StationProgress {
  std::string station_id;
  EpochMs acknowledged_at = 0;  // the station's screen showed it
  EpochMs bumped_at = 0;        // the station finished it
  bool alerted = false;         // the front of house was told it was not acknowledged in time
};

struct Ticket {
  std::int64_t id = 0;
  std::int64_t check_id = 0;
  TicketStatus status = TicketStatus::open;
  Course course = Course::mains;  // held tickets: the course they wait for
  bool addition = false;          // the check had been sent before: these are additions
  bool rush = false;
  EpochMs created_at = 0;  // when it was sent
  EpochMs fired_at = 0;    // when cooking started: created_at, or the fire of a held course
  EpochMs served_at = 0;
  std::vector<std::int64_t> line_ids;
  std::vector<StationProgress> stations;  // cooking stations, in routing order
  // (line, station) pairs bumped one item at a time.
  std::set<std::pair<std::int64_t, std::string>> items_done;

  StationProgress* find_station(std::string_view station_id);
  const StationProgress* find_station(std::string_view station_id) const;
  bool carries(std::int64_t line_id) const;
};

// The tickets a send makes: one open ticket with the sent lines (if any) and one held
// ticket per held course. Stations come from the lines' routing, expo stations left out.
// Ids are handed in by the caller in order; `addition` says whether the check had
// been sent before.
std::vector<Ticket> tickets_for_send(const Check& check, const SendResult& sent, const Menu& menu,
                                     bool addition, const std::vector<std::int64_t>& ticket_ids,
                                     EpochMs now);

// A held ticket goes to the kitchen: open, its clock starts now.
Status fire_ticket(Ticket& ticket, EpochMs now);

// The station's screen has shown the ticket. Repeats are harmless.
Status acknowledge(Ticket& ticket, std::string_view station_id, EpochMs now);

// A station finished the ticket. When every cooking station has bumped it, it is ready.
// Returns true when this bump made it ready.
Result<bool> bump_station(Ticket& ticket, std::string_view station_id, EpochMs now);
// Expo (or the last station where there is no expo) sends the plates: served.
Status serve(Ticket& ticket, EpochMs now);
// Brings a bumped ticket back to a station (or back from served at expo).
Status recall_station(Ticket& ticket, std::string_view station_id);
Status recall_served(Ticket& ticket);
// Marks one line done (or not done again) at a station.
Status bump_item(Ticket& ticket, std::int64_t line_id, std::string_view station_id, bool done);

// Stations that have not acknowledged within timeout_ms of the ticket reaching the
// kitchen and were not yet alerted. Held tickets are not waiting for anyone.
std::vector<std::string> stations_overdue(const Ticket& ticket, EpochMs now,
                                          std::int64_t timeout_ms);

}  // namespace brigade
