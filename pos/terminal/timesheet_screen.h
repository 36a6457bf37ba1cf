// Hours worked, by person and day, a week at a time: each day's shift with its punches,
// breaks apart, an open shift marked. Everyone sees their own; whoever may read reports
// sees everyone's. A manager fixes a punch here (a forgotten clock-out, a missed break):
// change its time, remove it or add the one that was missed, always with the reason, which
// goes into the audit log. And the store's rule: clock in before opening a check, or not;
// and, for whoever is logged in, changing their own PIN.
#pragma once

#include <cstdint>
#include <string>

#include "brigade/domain/time_clock.h"
#include "follower.h"
#include "intents.h"
#include "keypad.h"
#include "pin_change_panel.h"
#include "screen_base.h"
#include "view.h"

namespace brigade::terminal {

class TimesheetScreen : public ScreenBase {
 public:
  TimesheetScreen() : ScreenBase("##timesheet") {}
  std::string title(const TerminalView& view) const override {
    return view.controller.may(Permission::run_reports) ? "Timesheet" : "My hours";
  }

  // The week shown: from its Monday 00:00, local time (0 until first drawn: this week).
  EpochMs week_start() const { return week_start_; }
  // Picks a person's day, as a tap on it does: the day `at` is in (local).
  void pick(const std::string& staff_id, EpochMs at);
  PinChangePanel::Step pin_step() const { return my_pin_.step(); }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override;

 private:
  enum class Fix { none, change, add };
  void draw_days(const TerminalView& view, const Json& days);
  void draw_day(const TerminalView& view, const Json& day, Intents& out);
  void draw_fix(const TerminalView& view, const Json& day, Intents& out);
  void pick_day(const std::string& staff_id, const std::string& date);

  EpochMs week_start_ = 0;
  bool asked_ = false;              // asked the hub for this week on this visit
  std::uint64_t seen_changes_ = 0;  // clock events when it was asked
  std::string staff_id_, date_;     // the day picked
  std::int64_t punch_id_ = 0;       // the punch picked (to change or remove), 0: none
  Fix fix_ = Fix::none;
  PunchKind kind_ = PunchKind::out;      // the missed punch to add
  Keypad time_{Keypad::Kind::count, 4};  // "2230": 22:30
  std::string reason_;
  Follower fixing_;
  PinChangePanel my_pin_;  // in the panel while no day is picked
};

// "2230" typed on the keypad: 22:30 on the shift's date ("2026-12-04", local), or the
// next day when that would come before the shift began (a clock-out past midnight).
// nullopt when it is not a time of day.
std::optional<EpochMs> punch_time(const std::string& date, int hhmm, EpochMs shift_start);
// "5 h 30": hours and minutes.
std::string hours_text(std::int64_t ms);

}  // namespace brigade::terminal
