// How a table reads on this terminal's floor plan: the domain's table state (and course
// progress) for the open checks the terminal knows at that table. No ImGui.
#pragma once

#include <string>

#include "brigade/domain/table_state.h"
#include "terminal_state.h"

namespace brigade::terminal {

using brigade::course_headlines;
using brigade::course_progress;
using brigade::TableState;

struct TableStatus {
  TableState state = TableState::free;
  const CheckView* check = nullptr;  // the oldest open check at the table
  int open_checks = 0;               // more than one: the table was split into checks
};

inline TableState check_state(const CheckView& view) {
  return brigade::check_state(view.check);
}
TableStatus table_status(const TerminalState& state, const std::string& table_id);

}  // namespace brigade::terminal
