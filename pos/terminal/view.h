// What every screen reads: the store as the terminal knows it, the controller's word on
// who is logged in and which commands are still waiting, and the time. Screens read
// this and emit Intents; they never send anything themselves.
#pragma once

#include <imgui.h>

#include <string>

#include "controller.h"
#include "table_status.h"
#include "terminal_state.h"

namespace brigade::terminal {

struct TerminalView {
  const TerminalState& state;
  const Controller& controller;
  EpochMs now = 0;            // wall clock, ms since 1970
  std::int64_t check_id = 0;  // the check the order and payment screens are on
};

// "19:45" in the terminal's local time.
std::string clock_text(EpochMs at);
// "Drinks", "Apps", "Mains", "Dessert".
std::string course_title(Course course);
// "Seat 2", or "Table" for seat 0 (shared).
std::string seat_title(int seat);
// How a line's kitchen state reads on the order screen, and its colour.
std::string line_state_words(LineState state);
ImVec4 line_state_colour(LineState state);
// The table states' colours on the floor plan.
ImVec4 table_colour(TableState state);

}  // namespace brigade::terminal
