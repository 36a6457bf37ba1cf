// A ticket as the kitchen screen keeps it: read from the hub's ticket JSON (the body of
// every ticket.* event and each entry of the snapshot's "tickets"), with the sequence
// number of the last change applied to it. Plain values: no ImGui, no sockets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/ticket.h"
#include "brigade/protocol/protocol.h"

namespace brigade::kds {

using protocol::Json;
using EpochMs = std::int64_t;

// held: a course waiting to be fired; open: with the kitchen; ready: every cooking
// station bumped it; served: expo sent it. The domain's own words.
using brigade::TicketStatus;

// One cooking station's progress on the ticket (expo is never one of them).
struct StationProgress {
  std::string station;
  EpochMs acknowledged_at = 0;  // 0: no screen of the station has shown it yet
  EpochMs bumped_at = 0;        // 0: the station is still cooking it
};

struct TicketLine {
  std::int64_t id = 0;
  std::string name;
  int quantity = 1;
  int voided_quantity = 0;  // part of the quantity voided after the send
  int seat = 0;             // 0: for the table
  std::string course;
  std::vector<std::string> modifiers;
  std::string note;
  std::vector<std::string> stations;  // where it is cooked
  std::string state;                  // the line's state on its check: sent, fired, voided, ...
  std::string void_reason;
  std::vector<std::string> done_at;  // stations that marked this line done (item bump)

  bool voided() const { return state == "voided"; }
  // Some, not all, of it voided: the kitchen sees "2 -> 1".
  bool quantity_changed() const { return !voided() && voided_quantity > 0; }
  int live_quantity() const { return quantity - voided_quantity; }
  bool goes_to(std::string_view station) const;
  bool done_at_station(std::string_view station) const;
};

struct Ticket {
  std::int64_t id = 0;
  std::int64_t check_id = 0;
  int check_number = 0;
  std::string label;    // "Table 12", "Tab: Maria", "Pickup: Ana"
  std::string channel;  // dine_in, bar_tab, takeout, delivery, online
  std::string server;
  int guests = 0;
  EpochMs promised_at = 0;  // takeout and delivery
  TicketStatus status = TicketStatus::open;
  std::string course;     // the first course on it (held: the course it waits for)
  bool addition = false;  // the check was sent before: everything on it is new
  bool rush = false;
  EpochMs created_at = 0;
  EpochMs fired_at = 0;  // 0 while held
  EpochMs served_at = 0;
  std::vector<StationProgress> stations;
  std::vector<TicketLine> lines;

  std::int64_t seq = 0;  // the hub's sequence number of the last change applied

  // When cooking started, by the hub's clock: the timer counts from here. Never the
  // screen's own clock, so that a screen that restarts shows the original time.
  EpochMs arrived_at() const { return fired_at != 0 ? fired_at : created_at; }
  const StationProgress* station(std::string_view id) const;
  const TicketLine* line(std::int64_t line_id) const;
};

// Reads the hub's ticket JSON (docs/protocol.md, common/src/protocol/codec.cpp). Empty if
// it is not a ticket (no id): a malformed event never breaks the board.
std::optional<Ticket> ticket_from_json(const Json& j);

// One line for the log: "Table 12 #7 (mains): 2x Classic burger [Medium rare], VOID 1x Fries".
std::string describe(const Ticket& ticket, const std::vector<const TicketLine*>& lines);

}  // namespace brigade::kds
