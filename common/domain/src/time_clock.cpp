#include "brigade/domain/time_clock.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <map>

namespace brigade {

namespace {
constexpr std::array<std::string_view, 4> kKinds{"in", "out", "break_start", "break_end"};

Error refused(std::string message) {
  return fail(Errc::clock_refused, std::move(message));
}
}  // namespace

std::string_view to_string(PunchKind kind) {
  return kKinds[static_cast<std::size_t>(kind)];
}

std::optional<PunchKind> punch_kind_from_string(std::string_view text) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == text) return static_cast<PunchKind>(i);
  return std::nullopt;
}

std::string_view to_string(ClockState state) {
  switch (state) {
    case ClockState::off:
      return "off";
    case ClockState::on:
      return "on";
    case ClockState::on_break:
      return "on_break";
  }
  return "off";
}

ClockState clock_state(const std::vector<Punch>& punches) {
  ClockState state = ClockState::off;
  for (const Punch& p : punches) {
    switch (p.kind) {
      case PunchKind::in:
      case PunchKind::break_end:
        state = ClockState::on;
        break;
      case PunchKind::out:
        state = ClockState::off;
        break;
      case PunchKind::break_start:
        state = ClockState::on_break;
        break;
    }
  }
  return state;
}

Status check_punch(ClockState state, PunchKind kind, const std::string& who) {
  switch (kind) {
    case PunchKind::in:
      if (state != ClockState::off) return refused(who + " is already clocked in");
      break;
    case PunchKind::out:
      // Out from a break ends the break too (the hub punches both).
      if (state == ClockState::off) return refused(who + " is not clocked in");
      break;
    case PunchKind::break_start:
      if (state == ClockState::off) return refused(who + " is not clocked in");
      if (state == ClockState::on_break) return refused(who + " is already on a break");
      break;
    case PunchKind::break_end:
      if (state != ClockState::on_break) return refused(who + " is not on a break");
      break;
  }
  return success();
}

Status check_punch_order(const std::vector<Punch>& punches) {
  ClockState state = ClockState::off;
  EpochMs last = 0;
  for (const Punch& p : punches) {
    const std::string which = "the " + std::string(to_string(p.kind)) + " punch";
    if (p.at < last) return refused(which + " comes before the punch it follows");
    if (p.kind == PunchKind::out && state == ClockState::on_break)
      return refused(which + " comes while on a break: end the break first");
    if (!check_punch(state, p.kind, ""))
      return refused(which + " does not fit: " +
                     (p.kind == PunchKind::in          ? "clocked in twice without a clock-out"
                      : p.kind == PunchKind::break_end ? "no break started before it"
                      : state == ClockState::off       ? "not clocked in at that time"
                                                       : "already on a break then"));
    state = clock_state({p});
    last = p.at;
  }
  return success();
}

std::string local_date(EpochMs at) {
  const std::time_t seconds = static_cast<std::time_t>(at / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

std::vector<TimesheetDay> timesheet(std::vector<Punch> punches, EpochMs since, EpochMs until,
                                    EpochMs now) {
  std::stable_sort(punches.begin(), punches.end(), [](const Punch& a, const Punch& b) {
    return a.staff_id != b.staff_id ? a.staff_id < b.staff_id : a.at < b.at;
  });
  std::map<std::pair<std::string, std::string>, TimesheetDay> days;
  TimesheetDay* day = nullptr;  // the day of the shift being read, if it counts
  EpochMs on_since = 0, break_since = 0;
  ClockState state = ClockState::off;
  std::string person;
  // An open shift counts up to `at`, never back past its last punch.
  auto close_at = [&](EpochMs at) {
    if (!day) return;
    if (state == ClockState::on) day->worked_ms += std::max<EpochMs>(0, at - on_since);
    if (state == ClockState::on_break) day->break_ms += std::max<EpochMs>(0, at - break_since);
  };
  for (const Punch& p : punches) {
    if (p.staff_id != person) {
      close_at(std::min(now, until));
      if (day && state != ClockState::off) day->open = true;
      person = p.staff_id;
      day = nullptr;
      state = ClockState::off;
    }
    switch (p.kind) {
      case PunchKind::in: {
        day = nullptr;
        if (p.at >= since && p.at < until) {
          TimesheetDay& d = days[{p.staff_id, local_date(p.at)}];
          d.staff_id = p.staff_id;
          d.date = local_date(p.at);
          day = &d;
        }
        on_since = p.at;
        state = ClockState::on;
        break;
      }
      case PunchKind::break_start:
        if (day && state == ClockState::on) day->worked_ms += p.at - on_since;
        break_since = p.at;
        state = ClockState::on_break;
        break;
      case PunchKind::break_end:
        if (day && state == ClockState::on_break) day->break_ms += p.at - break_since;
        on_since = p.at;
        state = ClockState::on;
        break;
      case PunchKind::out:
        close_at(p.at);
        state = ClockState::off;
        break;
    }
    if (day) day->punches.push_back(p);
    if (p.kind == PunchKind::out) day = nullptr;
  }
  close_at(std::min(now, until));
  if (day && state != ClockState::off) day->open = true;
  std::vector<TimesheetDay> out;
  for (auto& [key, d] : days) out.push_back(std::move(d));
  return out;
}

}  // namespace brigade
