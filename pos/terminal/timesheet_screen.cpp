#include "timesheet_screen.h"

#include <cstdio>
#include <ctime>

#include "brigade/ui/theme.h"
#include "office_tabs.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr float kPanelWidth = 560;
// Why a punch is wrong, in the floor's words: one tap each.
const char* const kReasons[] = {"Forgot to clock out", "Forgot to clock in", "Missed a break",
                                "Wrong time", "Punched by mistake"};

// "In", "Break", "Back", "Out": a punch as the pad says it.
std::string punch_words(const std::string& kind) {
  if (kind == "in") return "In";
  if (kind == "break_start") return "Break";
  if (kind == "break_end") return "Back";
  return "Out";
}

// "Fri 4 Dec" from "2026-12-04".
std::string day_title(const std::string& date) {
  auto d = date_of(date);
  if (!d) return date;
  d->tm_hour = 12;
  return local_text(from_local(*d), "%a %e %b");
}

// "30 Nov".
std::string date_text(EpochMs day) {
  return local_text(day, "%e %b");
}

std::string time_typed(const Keypad& keypad) {
  std::string d = keypad.digits();
  if (d.empty()) return "--:--";
  while (d.size() < 3) d = "0" + d;
  return d.substr(0, d.size() - 2) + ":" + d.substr(d.size() - 2);
}

}  // namespace

std::optional<EpochMs> punch_time(const std::string& date, int hhmm, EpochMs shift_start) {
  const int hours = hhmm / 100, minutes = hhmm % 100;
  if (hhmm < 0 || hours > 23 || minutes > 59) return std::nullopt;
  auto d = date_of(date);
  if (!d) return std::nullopt;
  d->tm_hour = hours;
  d->tm_min = minutes;
  EpochMs at = from_local(*d);
  if (shift_start > 0 && at < shift_start) {
    d->tm_mday += 1;
    at = from_local(*d);
  }
  return at;
}

std::string hours_text(std::int64_t ms) {
  const std::int64_t minutes = ms / 60'000;
  char text[32];
  std::snprintf(text, sizeof text, "%lld h %02lld", static_cast<long long>(minutes / 60),
                static_cast<long long>(minutes % 60));
  return text;
}

void TimesheetScreen::on_leave() {
  asked_ = false;
  my_pin_.close();
  fix_ = Fix::none;
  fixing_.stop();
}

void TimesheetScreen::pick(const std::string& staff_id, EpochMs at) {
  pick_day(staff_id, local_text(at, "%Y-%m-%d"));
}

void TimesheetScreen::pick_day(const std::string& staff_id, const std::string& date) {
  staff_id_ = staff_id;
  date_ = date;
  punch_id_ = 0;
  fix_ = Fix::none;
  time_.clear();
  reason_.clear();
}

void TimesheetScreen::draw_content(const TerminalView& view, Intents& out) {
  office_tabs(view, OfficeTab::timesheet, out);
  if (week_start_ == 0) week_start_ = monday_of(view.now);
  const bool everyone = view.controller.may(Permission::run_reports);
  // Asked once per visit and week, and again whenever someone punches or a punch is fixed.
  if (!asked_ || seen_changes_ != view.state.clock_changes()) {
    asked_ = true;
    seen_changes_ = view.state.clock_changes();
    protocol::GetTimesheet ask;
    if (!everyone && view.controller.staff()) ask.staff_id = view.controller.staff()->id;
    ask.since = week_start_;
    ask.until = add_days(week_start_, 7);
    out.push_back(ReadTimesheet{ask});
  }
  const CommandRecord* sheet = view.controller.last("timesheet");
  const bool ready = sheet && sheet->state == CommandRecord::State::done;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##timesheet.days", {avail.x - touch::px(kPanelWidth) - 12, avail.y}, false);
  const float h = ui::touch_size() * 0.8f;
  const float third = touch::px(125);
  auto week = [&](const char* label, EpochMs start, const char* probe) {
    if (touch::button(label, {third, h}, touch::kTile, true, probe)) {
      week_start_ = start;
      asked_ = false;
      pick_day("", "");
    }
  };
  week("< Earlier", add_days(week_start_, -7), "timesheet.earlier");
  ImGui::SameLine();
  week("This week", monday_of(view.now), "timesheet.this_week");
  ImGui::SameLine();
  week("Later >", add_days(week_start_, 7), "timesheet.later");
  ImGui::SameLine();
  touch::row_label(" " + date_text(week_start_) + " to " + date_text(add_days(week_start_, 6)), h,
                   touch::px(220));
  ImGui::Dummy({1, h});  // ends the row
  if (!sheet || sheet->pending())
    touch::dim("Asking the hub...");
  else if (sheet->state == CommandRecord::State::refused)
    touch::coloured(sheet->message, ui::colour::late);
  else
    draw_days(view, list_in(sheet->result, "days"));
  touch::drag_scroll();
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("##timesheet.day", {touch::px(kPanelWidth), avail.y}, true);
  const Json* day = nullptr;
  if (ready)
    for (const Json& d : list_in(sheet->result, "days"))
      if (d.value("staff_id", "") == staff_id_ && d.value("date", "") == date_) day = &d;
  if (day) {
    draw_day(view, *day, out);
  } else {
    touch::dim(everyone ? "Tap a day to see its punches, and to fix one."
                        : "Your hours this week. A manager fixes a wrong punch.");
    if (view.controller.may(Permission::manage_staff)) {
      // The store's rule, beside the hours it is about.
      const bool rule = view.state.clock_in_required();
      ImGui::Spacing();
      touch::heading("Clock in before taking orders");
      touch::dim(rule ? "Required: nobody but a manager opens a check off the clock."
                      : "Not required: anyone logged in opens checks.");
      if (touch::choice(rule ? "Required (tap: not required)" : "Not required (tap: required)",
                        {ImGui::GetContentRegionAvail().x, ui::touch_size() * 0.8f}, rule, true,
                        "timesheet.rule"))
        out.push_back(ChangeClockRule{!rule});
    }
    ImGui::Spacing();
    my_pin_.draw(view, out, ImGui::GetContentRegionAvail().x);
  }
  ImGui::EndChild();
}

void TimesheetScreen::draw_days(const TerminalView&, const Json& days) {
  if (days.empty()) {
    touch::dim("Nobody clocked in this week.");
    return;
  }
  const float w = ImGui::GetContentRegionAvail().x;
  std::string person;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Json& d = days[i];
    const std::string staff_id = d.value("staff_id", "");
    if (staff_id != person) {
      person = staff_id;
      std::int64_t week_ms = 0;
      for (std::size_t k = i; k < days.size() && days[k].value("staff_id", "") == person; ++k)
        week_ms += days[k].value("worked_ms", std::int64_t{0});
      ImGui::Spacing();
      touch::heading(d.value("name", staff_id) + ": " + hours_text(week_ms) + " this week");
    }
    const std::string date = d.value("date", "");
    const Json& punches = list_in(d, "punches");
    std::string span;
    if (!punches.empty()) {
      span = clock_text(punches.front().value("at", EpochMs{0})) + " to " +
             (d.value("open", false) ? std::string("now")
                                     : clock_text(punches.back().value("at", EpochMs{0})));
    }
    std::string detail = "worked " + hours_text(d.value("worked_ms", std::int64_t{0}));
    if (const auto b = d.value("break_ms", std::int64_t{0}); b > 0)
      detail += ", breaks " + hours_text(b);
    bool fixed = false;
    for (const Json& p : punches) fixed = fixed || !p.value("fixed_by", "").empty();
    if (fixed) detail += ", fixed";
    const bool picked = staff_id == staff_id_ && date == date_;
    if (touch::tile("timesheet.day." + staff_id + "." + date, day_title(date) + "   " + span,
                    detail, {w, touch::px(76)}, picked ? ui::colour::accent : touch::kTile, true,
                    !d.value("open", false) ? ""
                    : !punches.empty() && punches.back().value("kind", "") == "break_start"
                        ? "ON A BREAK"
                        : "ON THE CLOCK",
                    ui::colour::ok))
      pick_day(staff_id, date);
  }
}

void TimesheetScreen::draw_day(const TerminalView& view, const Json& day, Intents& out) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  touch::big(day.value("name", "") + ", " + day_title(day.value("date", "")));
  touch::dim("worked " + hours_text(day.value("worked_ms", std::int64_t{0})) + ", breaks " +
             hours_text(day.value("break_ms", std::int64_t{0})));
  if (const CommandRecord* r = fixing_.record(view.controller)) {
    if (r->pending())
      touch::dim("Fixing...");
    else if (r->state == CommandRecord::State::refused)
      touch::coloured("Not fixed: " + r->message, ui::colour::late);
    else
      touch::coloured("Fixed: the audit log has it, with the reason.", ui::colour::ok);
  }
  const bool may_fix = view.controller.may(Permission::manage_staff);
  if (fix_ != Fix::none) {
    draw_fix(view, day, out);
    return;
  }
  for (const Json& p : list_in(day, "punches")) {
    const std::int64_t id = p.value("id", std::int64_t{0});
    std::string detail = "on " + p.value("device", "");
    if (const std::string by = p.value("fixed_by", ""); !by.empty())
      detail = "fixed by " + view.state.staff_name(by) + ": " + p.value("reason", "");
    if (touch::tile("timesheet.punch." + std::to_string(id),
                    punch_words(p.value("kind", "")) + "   " +
                        date_time_text(p.value("at", EpochMs{0}), true),
                    detail, {w, touch::px(72)}, touch::kTile, may_fix) &&
        may_fix) {
      punch_id_ = id;
      fix_ = Fix::change;
      time_.clear();
      reason_.clear();
      fixing_.stop();
    }
  }
  if (may_fix && touch::button("+ Add a missed punch", {w, h},
                               ui::shade(ui::colour::accent, -0.25f), true, "timesheet.add")) {
    punch_id_ = 0;
    fix_ = Fix::add;
    time_.clear();
    reason_.clear();
    fixing_.stop();
  }
}

void TimesheetScreen::draw_fix(const TerminalView& view, const Json& day, Intents& out) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  const Json& punches = list_in(day, "punches");
  const Json* picked = nullptr;
  for (const Json& p : punches)
    if (p.value("id", std::int64_t{0}) == punch_id_) picked = &p;
  if (fix_ == Fix::change && !picked) {
    fix_ = Fix::none;  // removed meanwhile
    return;
  }
  if (picked) {
    kind_ = *punch_kind_from_string(picked->value("kind", "out"));
    touch::heading("Fixing " + punch_words(picked->value("kind", "")) + " at " +
                   date_time_text(picked->value("at", EpochMs{0}), true));
  } else {
    touch::heading("Add the punch that was missed");
    const PunchKind kinds[] = {PunchKind::in, PunchKind::break_start, PunchKind::break_end,
                               PunchKind::out};
    for (int i = 0; i < 4; ++i) {
      if (i) ImGui::SameLine();
      const std::string kind(to_string(kinds[i]));
      if (touch::choice(punch_words(kind), {touch::share(4, w), h * 0.8f}, kind_ == kinds[i], true,
                        "timesheet.kind." + kind))
        kind_ = kinds[i];
    }
  }
  touch::heading("At " + time_typed(time_) +
                 (picked ? "" : " on " + day_title(day.value("date", ""))));
  time_.draw("timesheet.time", {w, touch::px(200)});
  touch::dim("Why:");
  for (int i = 0; i < 5; ++i) {
    if (i % 3) ImGui::SameLine();
    if (touch::choice(kReasons[i], {touch::share(i < 3 ? 3 : 2, w), h * 0.7f},
                      reason_ == kReasons[i], true, "timesheet.reason." + std::to_string(i + 1)))
      reason_ = kReasons[i];
  }
  const EpochMs shift_start = punches.empty() ? 0 : punches.front().value("at", EpochMs{0});
  const auto at =
      punch_time(day.value("date", ""), time_.count(), kind_ == PunchKind::in ? 0 : shift_start);
  const bool has_time = time_.digits().size() >= 3 && at;
  const std::string staff_id = day.value("staff_id", "");
  auto send = [&](protocol::FixPunch fix) {
    fix.staff_id = staff_id;
    fix.reason = reason_;
    fixing_.start(view.controller, "fix_punch");
    out.push_back(FixStaffPunch{fix});
    fix_ = Fix::none;
  };
  const float third = touch::share(3, w);
  if (touch::button(picked ? "Change the time" : "Add it", {third, h}, ui::colour::accent,
                    has_time && !reason_.empty(), "timesheet.fix")) {
    protocol::FixPunch fix;
    if (picked)
      fix.punch_id = punch_id_;
    else
      fix.punch = kind_;
    fix.at = *at;
    send(fix);
    return;
  }
  ImGui::SameLine();
  if (touch::button("Remove it", {third, h}, ui::shade(ui::colour::late, -0.15f),
                    picked && !reason_.empty(), "timesheet.remove")) {
    protocol::FixPunch fix;
    fix.punch_id = punch_id_;
    fix.remove = true;
    send(fix);
    return;
  }
  ImGui::SameLine();
  if (touch::button("Cancel", {third, h}, touch::kTile, true, "timesheet.cancel")) fix_ = Fix::none;
}

}  // namespace brigade::terminal
