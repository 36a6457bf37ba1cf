// What a cook asked for on the screen. The views emit these; the controller turns them
// into hub commands. Nothing here talks to the network.
#pragma once

#include <cstdint>
#include <variant>
#include <vector>

namespace brigade::kds {

// Done with the ticket: bumped at this screen's stations, or served at expo.
struct BumpTicket {
  std::int64_t ticket_id = 0;
};
// One line done (or not done again) at this screen's stations.
struct BumpLine {
  std::int64_t ticket_id = 0;
  std::int64_t line_id = 0;
  bool done = true;
};
// Bring a bumped ticket back.
struct RecallTicket {
  std::int64_t ticket_id = 0;
};

using Intent = std::variant<BumpTicket, BumpLine, RecallTicket>;

// What one frame of the screen produced.
struct FrameOutput {
  std::vector<Intent> intents;
  std::vector<std::int64_t> displayed;  // tickets drawn on screen this frame
  // Every ticket laid out on the board, on this page or a later one: the screen has it and
  // the cook pages to it, so it is acknowledged (an acknowledgement means delivery).
  std::vector<std::int64_t> on_board;
};

}  // namespace brigade::kds
