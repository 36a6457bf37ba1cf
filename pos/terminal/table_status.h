// How a table (or a tab) reads on the floor plan: free, seated, ordered, food ready or
// paying, and where each course stands ("apps served · mains held"). Derived from the
// check the hub sent; no ImGui.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "terminal_state.h"

namespace brigade::terminal {

enum class TableState { free, seated, ordered, food_ready, paying };
// "free", "seated", "ordered", "food ready", "paying": the words on the floor plan.
std::string_view to_string(TableState state);

struct TableStatus {
  TableState state = TableState::free;
  const CheckView* check = nullptr;  // the oldest open check at the table
  int open_checks = 0;               // more than one: the table was split into checks
};

TableState check_state(const CheckView& check);
TableStatus table_status(const TerminalState& state, const std::string& table_id);

// Each course on the check with where it stands, in course order: "drinks served ·
// apps ready · mains held". A course reads as its least advanced live line.
std::string course_progress(const Check& check);
// The same for a small table on the floor plan: the last course served, then the
// courses still going ("apps served", "mains held").
std::vector<std::string> course_headlines(const Check& check);

}  // namespace brigade::terminal
