// The business day: opened by the first check of the day (or by a manager), closed by
// the manager with the next Z number. Checks belong to the day they were opened in; a day
// closes only once no check of it is open, or with its open checks carried over to the
// next day, which then opens at once.
#include "brigade/domain/business_day.h"
#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

Json OrderService::Impl::open_day_json() const {
  auto day = store.open_day();
  return day ? protocol::to_json(*day) : Json();
}

namespace {
// Who opened or closed a day: the manager whose PIN lent the right, else the sender.
std::string day_by(const Call& call) {
  return call.approved_by.empty() ? call.actor() : call.approved_by;
}
}  // namespace

Result<BusinessDay> OrderService::Impl::start_day(const Call& call, bool automatically) {
  auto day = store.start_day(call.now, day_by(call));
  if (!day) return day.error();
  emit(event::day_opened, {std::string(topic::day)},
       {{"day", protocol::to_json(day.value())},
        {"automatically", automatically},
        {"by", day_by(call)}},
       call.now);
  return day;
}

Result<BusinessDay> OrderService::Impl::day_for_new_check(const Call& call) {
  if (auto day = store.open_day()) return *day;
  return start_day(call, true);
}

Answer OrderService::Impl::open_day(Call& call) {
  protocol::OpenDay cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "opening the day")) return *r;
  if (auto open = store.open_day())
    return fail(Errc::day_already_open,
                "day " + std::to_string(open->id) +
                    " is open: close it with the Z report before opening another");
  auto day = start_day(call, false);
  if (!day) return day.error();
  return Json{{"day", protocol::to_json(day.value())}};
}

Answer OrderService::Impl::close_day(Call& call) {
  protocol::CloseDay cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "closing the day")) return *r;
  auto day = store.open_day();
  if (!day) return fail(Errc::no_day_open, "no day is open: there is nothing to close");
  std::vector<std::string> labels;
  std::vector<std::int64_t> carried;
  for (const Check& check : store.load_open_checks())
    if (store.day_of_check(check.id) == day->id) {
      labels.push_back(check.label());
      carried.push_back(check.id);
    }
  if (auto s = check_close_day(labels, cmd.carry_over); !s) return s.error();
  auto z = store.close_day(day->id, call.now, day_by(call));
  if (!z) return z.error();
  auto closed = store.find_day(day->id);
  auto z_report = make_z_report(*closed, call.now);
  if (!z_report) return z_report.error();
  Json next;
  if (!carried.empty()) {
    // The checks still open go on in the next day, which opens now.
    auto tomorrow = start_day(call, true);
    if (!tomorrow) return tomorrow.error();
    for (std::int64_t id : carried)
      if (auto s = store.set_day_of_check(id, tomorrow->id); !s) return s.error();
    next = protocol::to_json(tomorrow.value());
  }
  const Json carried_json = carried;
  if (auto s = record(call, "day.closed", "day " + std::to_string(day->id), protocol::to_json(*day),
                      Json{{"day", protocol::to_json(*closed)}, {"carried_over", carried_json}});
      !s)
    return s.error();
  emit(event::day_closed, {std::string(topic::day)},
       {{"day", protocol::to_json(*closed)}, {"carried_over", carried_json}, {"by", day_by(call)}},
       call.now);
  return Json{{"day", protocol::to_json(*closed)},
              {"carried_over", carried_json},
              {"next_day", next},
              {"report", std::move(z_report.value())}};
}

Answer OrderService::Impl::day_status(Call& call) {
  protocol::DayStatus cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "reading the business day")) return *r;
  Json days = Json::array();
  for (const BusinessDay& d : store.last_days(10)) {
    Json j = protocol::to_json(d);
    j["checks"] = store.count_checks_of_day(d.id);
    days.push_back(std::move(j));
  }
  return Json{{"open_day", open_day_json()}, {"days", days}};
}

}  // namespace brigade::service
