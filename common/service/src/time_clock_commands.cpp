// The time clock: punches from the PIN pad, a manager's corrections with their reason,
// the timesheet, and the store's rule that staff clock in before taking orders.
#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

constexpr EpochMs kDayMs = 24LL * 60 * 60 * 1000;
// A shift is read whole: punches a day either side of the range asked come along.
constexpr EpochMs kShiftMarginMs = kDayMs;

}  // namespace

ClockState OrderService::Impl::clock_state_of(const std::string& staff_id, EpochMs now) const {
  return clock_state(store.load_punches(staff_id, 0, now + 1));
}

Answer OrderService::Impl::clock(Call& call) {
  protocol::Clock cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  // The PIN says who, as at login; wrong ones count against the device.
  auto found = staff_at_pad(call, cmd.pin);
  if (!found) return *found.refusal;
  const StaffMember staff = *found.staff;
  const ClockState state = clock_state_of(staff.id, call.now);
  if (auto s = check_punch(state, cmd.action, staff.name); !s) return s.error();

  std::vector<PunchKind> kinds{cmd.action};
  // Out from a break ends the break first: one tap at the end of the night.
  if (cmd.action == PunchKind::out && state == ClockState::on_break)
    kinds.insert(kinds.begin(), PunchKind::break_end);
  Json punches = Json::array();
  for (PunchKind kind : kinds) {
    Punch punch{0, staff.id, kind, call.now, call.device_id(), "", ""};
    auto id = store.save_punch(punch);
    if (!id) return id.error();
    punch.id = id.value();
    punches.push_back(protocol::to_json(punch));
  }
  // Off the clock is off the terminals too.
  if (cmd.action == PunchKind::out)
    if (auto s = end_sessions_of(staff.id, call.now); !s) return s.error();
  const ClockState now_state = clock_state_of(staff.id, call.now);
  Json body{{"staff", protocol::to_json(staff)},
            {"punches", punches},
            {"state", to_string(now_state)},
            {"device", call.device_id()}};
  emit(event::staff_clocked, {std::string(topic::staff)}, body, call.now);
  return body;
}

Answer OrderService::Impl::fix_punch(Call& call) {
  protocol::FixPunch cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_staff, "fixing the time clock")) return *r;
  auto member = staff_member(cmd.staff_id);
  if (!member) return fail(Errc::not_found, "there is no staff member '" + cmd.staff_id + "'");
  std::optional<Punch> before;
  if (cmd.punch_id) {
    before = store.find_punch(*cmd.punch_id);
    if (!before || before->staff_id != cmd.staff_id)
      return fail(Errc::not_found, member->name + " has no punch " + std::to_string(*cmd.punch_id));
  }
  if (!cmd.remove && cmd.at && *cmd.at > call.now)
    return fail(Errc::clock_refused, "a punch cannot be in the future");
  const std::string by = call.approved_by.empty() ? call.actor() : call.approved_by;
  Punch after = before.value_or(Punch{0, cmd.staff_id, PunchKind::in, 0, call.device_id(), "", ""});
  if (cmd.punch) after.kind = *cmd.punch;
  if (cmd.at) after.at = *cmd.at;
  after.fixed_by = by;
  after.reason = cmd.reason;

  // The person's punches after the fix must still read as shifts.
  std::vector<Punch> all = store.load_punches(cmd.staff_id, 0, INT64_MAX);
  std::erase_if(all, [&](const Punch& p) { return before && p.id == before->id; });
  if (!cmd.remove) all.push_back(after);
  std::stable_sort(all.begin(), all.end(),
                   [](const Punch& a, const Punch& b) { return a.at < b.at; });
  if (auto s = check_punch_order(all); !s)
    return fail(Errc::clock_refused, "that would leave " + member->name + "'s punches out of " +
                                         "order: " + s.error().message);

  std::string action;
  Json punch_json;
  if (cmd.remove) {
    if (auto s = store.remove_punch(before->id); !s) return s.error();
    action = "clock.punch.removed";
    punch_json = protocol::to_json(*before);
  } else {
    auto id = store.save_punch(after);
    if (!id) return id.error();
    after.id = id.value();
    action = before ? "clock.punch.changed" : "clock.punch.added";
    punch_json = protocol::to_json(after);
  }
  if (auto s = record(call, action, "staff " + cmd.staff_id,
                      before ? protocol::to_json(*before) : Json(),
                      cmd.remove ? Json() : punch_json, cmd.reason);
      !s)
    return s.error();
  Json body{{"staff", protocol::to_json(*member)},
            {"punch", punch_json},
            {"removed", cmd.remove},
            {"state", to_string(clock_state_of(cmd.staff_id, call.now))},
            {"by", by},
            {"reason", cmd.reason}};
  emit(event::punch_fixed, {std::string(topic::staff)}, body, call.now);
  return body;
}

Answer OrderService::Impl::timesheet(Call& call) {
  protocol::GetTimesheet cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  // Everyone may read their own hours; anyone else's needs the reports.
  const std::string who = cmd.staff_id.value_or("");
  if (who.empty() || who != call.staff->id)
    if (auto r = require(call, Permission::run_reports, "reading the timesheet")) return *r;
  const auto punches =
      store.load_punches(who, cmd.since - kShiftMarginMs, cmd.until + kShiftMarginMs);
  Json days = Json::array();
  std::int64_t worked = 0;
  for (const TimesheetDay& d : brigade::timesheet(punches, cmd.since, cmd.until, call.now)) {
    Json day = protocol::to_json(d);
    if (auto m = staff_member(d.staff_id)) day["name"] = m->name;
    worked += d.worked_ms;
    days.push_back(std::move(day));
  }
  return Json{{"days", days}, {"worked_ms", worked}};
}

Answer OrderService::Impl::set_clock_rule(Call& call) {
  protocol::SetClockRule cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_staff, "changing the clock-in rule")) return *r;
  const bool was = store.clock_in_required();
  if (was == cmd.required) return Json{{"required", was}, {"changed", false}};
  if (auto s = store.set_clock_in_required(cmd.required); !s) return s.error();
  if (auto s = record(call, "clock.rule", "clock-in before orders", Json{{"required", was}},
                      Json{{"required", cmd.required}});
      !s)
    return s.error();
  emit(event::clock_rule_changed, {std::string(topic::staff)},
       {{"required", cmd.required}, {"by", call.actor()}}, call.now);
  return Json{{"required", cmd.required}, {"changed", true}};
}

std::optional<Refusal> OrderService::Impl::require_clocked_in(const Call& call) const {
  // Managers run the floor on or off the clock; everyone else clocks in first when the
  // store says so.
  if (!call.staff || call.staff->role == Role::manager || !store.clock_in_required())
    return std::nullopt;
  if (clock_state_of(call.staff->id, call.now) == ClockState::on) return std::nullopt;
  return refusal(fail(Errc::not_clocked_in,
                      call.staff->name + " is not clocked in: clock in at the PIN pad first"));
}

}  // namespace brigade::service
