// The time clock: punches in and out, breaks, and the timesheet they add up to. A shift
// belongs to the day (the hub's local date) it was clocked in on, even past midnight.
// Plain values, no I/O: the hub keeps the punches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/clock.h"
#include "brigade/domain/result.h"

namespace brigade {

enum class PunchKind { in, out, break_start, break_end };
std::string_view to_string(PunchKind kind);
std::optional<PunchKind> punch_kind_from_string(std::string_view text);

struct Punch {
  std::int64_t id = 0;
  std::string staff_id;
  PunchKind kind = PunchKind::in;
  EpochMs at = 0;
  std::string device;    // where it was punched
  std::string fixed_by;  // a manager who changed or added it; empty: as punched
  std::string reason;    // why it was fixed

  bool operator==(const Punch&) const = default;
};

enum class ClockState { off, on, on_break };
std::string_view to_string(ClockState state);

// Where someone stands after their punches (in time order).
ClockState clock_state(const std::vector<Punch>& punches);
// Whether `kind` may follow `state`; the error (clock_refused) says why, naming `who`:
// "Sam Ortiz is already clocked in".
Status check_punch(ClockState state, PunchKind kind, const std::string& who);
// A set of punches for one person that reads as shifts: in, (break start, break end)*,
// out, in time order; the last shift may be open. The error names the first punch out of
// place.
Status check_punch_order(const std::vector<Punch>& punches);

// One person's day on the timesheet: every shift clocked in that day.
struct TimesheetDay {
  std::string staff_id;
  std::string date;            // "2026-12-04", the hub's local date of the clock-in
  std::int64_t worked_ms = 0;  // clocked in, less breaks (an open shift counts up to `until`)
  std::int64_t break_ms = 0;
  bool open = false;  // still clocked in
  std::vector<Punch> punches;

  bool operator==(const TimesheetDay&) const = default;
};
// The days of `punches` (any people, any order) whose shifts began in [since, until), by
// person then date; `now` closes a shift still open.
std::vector<TimesheetDay> timesheet(std::vector<Punch> punches, EpochMs since, EpochMs until,
                                    EpochMs now);
// "2026-12-04": the hub's local date at `at`.
std::string local_date(EpochMs at);

}  // namespace brigade
