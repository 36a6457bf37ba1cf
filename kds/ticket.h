// A ticket as the kitchen screen keeps it: the protocol's ticket view (the body of every
// ticket.* event and each entry of the snapshot's "tickets"), with the sequence number of
// the last change applied to it. Plain values: no ImGui, no sockets.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "brigade/protocol/codec.h"

namespace brigade::kds {

using brigade::EpochMs;
using protocol::Json;
// held: a course waiting to be fired; open: with the kitchen; ready: every cooking
// station bumped it; served: expo sent it. The domain's own words.
using brigade::TicketStatus;

using StationProgress = protocol::TicketView::Station;
using TicketLine = protocol::TicketView::Line;

struct Ticket : protocol::TicketView {
  std::int64_t seq = 0;  // the hub's sequence number of the last change applied
};

// Reads the hub's ticket JSON. Empty if it is not a ticket (no id): a malformed event
// never breaks the board.
std::optional<Ticket> ticket_from_json(const Json& j);

// One line for the log: "Table 12 #7 (mains): 2x Classic burger [Medium rare], VOID 1x Fries".
std::string describe(const Ticket& ticket, const std::vector<const TicketLine*>& lines);

}  // namespace brigade::kds
