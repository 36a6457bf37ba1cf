// What every screen reads: the store as the terminal knows it, the controller's word on
// who is logged in and which commands are still waiting, and the time. Screens read
// this and emit Intents; they never send anything themselves.
#pragma once

#include <imgui.h>

#include <ctime>
#include <optional>
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

// `at` in the terminal's local time, by strftime's `format`, without %e's padding space.
std::string local_text(EpochMs at, const char* format);
// "19:45" in the terminal's local time.
std::string clock_text(EpochMs at);
// "1 Dec 21:02", and "Fri 4 Dec 21:02" with the weekday: a pairing may be months old.
std::string date_time_text(EpochMs at, bool weekday = false);
// A time as the terminal's local calendar, and back (mktime: fields out of range carry).
std::tm local_tm(EpochMs at);
EpochMs from_local(std::tm local);
// "2026-12-04" as a calendar date at midnight (not yet a time: see from_local); nullopt
// when it is not one.
std::optional<std::tm> date_of(const std::string& date);
// Local midnight of the day `at` is in, and of the Monday of its week.
EpochMs local_midnight(EpochMs at);
EpochMs monday_of(EpochMs at);
// `days` days after local midnight `day` (a day across a clock change is 23 or 25 hours).
EpochMs add_days(EpochMs day, int days);
// A list in a hub's answer, by reference (value() would copy it); [] when missing.
const Json& list_in(const Json& result, const char* name);
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
