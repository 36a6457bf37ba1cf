// The day's figures: every closed check and every refund adds its tallies to its day as it
// is written; the X report reads them at any time and changes nothing; the Z report is
// made once, as the day closes, and kept as it was. Refunds of closed checks go into the
// day they are made in.
#include "brigade/domain/refund.h"
#include "brigade/domain/report.h"
#include "brigade/domain/report_text.h"
#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

constexpr EpochMs kLabourLookBackMs = 24 * 3'600'000;

// The report as sent, with whether its identities hold (they always should: a `false` is a
// bug to report, shown rather than hidden).
Json report_json(const DayReport& report) {
  Json json = protocol::to_json(report);
  const Status reconciles = check_report(report);
  json["reconciles"] = reconciles.ok();
  if (!reconciles) json["problem"] = reconciles.error().message;
  return json;
}

}  // namespace

Status OrderService::Impl::tally_check(const Check& check) {
  const std::int64_t day = store.day_of_check(check.id);
  if (day == 0) return success();  // a check from before days were kept
  if (auto s = store.add_tallies(day, sale_tallies(check, menu.tax_classes, menu)); !s) return s;
  return store.mark_tallied(check.id);
}

Status OrderService::Impl::tally_older_checks(std::int64_t day) {
  for (std::int64_t id : store.untallied_checks(day)) {
    auto check = store.load_check(id);
    if (!check) return check.error();
    if (auto s = tally_check(check.value()); !s) return s;
  }
  return success();
}

DayReport OrderService::Impl::day_report(const BusinessDay& day, EpochMs now) const {
  std::vector<Tally> tallies = store.load_tallies(day.id);
  // Checks closed before the hub kept tallies (an upgraded store) count all the same.
  for (std::int64_t id : store.untallied_checks(day.id))
    if (auto check = store.load_check(id)) {
      auto more = sale_tallies(check.value(), menu.tax_classes, menu);
      tallies.insert(tallies.end(), more.begin(), more.end());
    }
  const ReportLabels labels = [this](std::string_view figure, std::string_view key) {
    const std::string k(key);
    if (figure == tally::item || figure == tally::refund_item) {
      if (const MenuItem* item = menu.find_item(k)) return item->name;
    } else if (figure == tally::category || figure == tally::refund_category) {
      if (key.empty()) return std::string("Other");
      if (const Category* category = menu.find_category(k)) return category->name;
    } else if (figure == tally::server || figure == tally::server_tips ||
               figure == tally::refund_server) {
      if (auto person = staff_member(k)) return person->name;
    } else if (figure == tally::tax || figure == tally::refund_tax) {
      if (key.empty()) return std::string("No tax");
      if (const TaxClass* tax = menu.find_tax_class(k)) return tax->name;
    } else if (figure == tally::tender_tips) {
      return tender_words(key);
    } else if (figure == tally::hour || figure == tally::refund_hour) {
      return k + ":00";
    }
    return k;
  };
  DayReport report = build_report(tallies, labels);
  report.day = day.id;
  report.z_number = day.z_number;
  report.opened_at = day.opened_at;
  report.as_of = day.is_open() ? now : day.closed_at;
  if (day.is_open())
    for (const Check& check : store.load_open_checks())
      if (store.day_of_check(check.id) == day.id) {
        ++report.open_checks;
        report.open_amount += price_check(check, menu.tax_classes).total;
      }
  report.drawers = drawer_rows(day.id);
  // Labour: the shifts begun since the day before closed (or a day before this one opened).
  EpochMs since = day.opened_at - kLabourLookBackMs;
  if (auto before = store.find_day(day.id - 1); before && !before->is_open())
    since = before->closed_at;
  const EpochMs until = day.is_open() ? now : day.closed_at;
  for (const TimesheetDay& worked :
       brigade::timesheet(store.load_punches("", since, until), since, until, until)) {
    auto row = std::find_if(report.labour.begin(), report.labour.end(),
                            [&](const LabourRow& l) { return l.staff_id == worked.staff_id; });
    if (row == report.labour.end()) {
      auto person = staff_member(worked.staff_id);
      report.labour.push_back(
          LabourRow{worked.staff_id, person ? person->name : worked.staff_id, 0});
      row = report.labour.end() - 1;
    }
    row->worked_ms += worked.worked_ms;
    report.labour_ms += worked.worked_ms;
  }
  return report;
}

Answer OrderService::Impl::x_report(Call& call) {
  protocol::XReport cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "reading the X report")) return *r;
  std::optional<BusinessDay> day;
  if (cmd.day)
    day = store.find_day(*cmd.day);
  else if (!(day = store.open_day())) {
    auto last = store.last_days(1);
    if (!last.empty()) day = last.front();
  }
  if (!day)
    return fail(Errc::not_found, cmd.day ? "there is no business day " + std::to_string(*cmd.day)
                                         : std::string("no business day has opened yet"));
  DayReport report = day_report(*day, call.now);
  report.z_number = 0;  // an X report, even of a closed day
  return Json{{"report", report_json(report)}};
}

Answer OrderService::Impl::z_report(Call& call) {
  protocol::ZReport cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "reading a Z report")) return *r;
  std::optional<BusinessDay> day;
  if (cmd.day) {
    day = store.find_day(*cmd.day);
    if (!day) return fail(Errc::not_found, "there is no business day " + std::to_string(*cmd.day));
    if (day->is_open())
      return fail(Errc::not_found, "day " + std::to_string(day->id) +
                                       " is still open: its Z report is made when it closes "
                                       "(read its X report now)");
  } else {
    for (const BusinessDay& d : store.last_days(2))
      if (!d.is_open()) {
        day = d;
        break;
      }
    if (!day) return fail(Errc::not_found, "no day has been closed yet: there is no Z report");
  }
  const std::string kept = store.load_z_report(day->id);
  Json report = kept.empty() ? Json() : Json::parse(kept, nullptr, false);
  // A day closed before Z reports were kept: made now from its figures, the same sums.
  if (report.is_null() || report.is_discarded()) report = report_json(day_report(*day, call.now));
  return Json{{"report", std::move(report)}};
}

Result<Json> OrderService::Impl::make_z_report(const BusinessDay& closed, EpochMs now) {
  if (auto s = tally_older_checks(closed.id); !s) return s.error();
  if (auto s = close_drawers_of(closed.id, now); !s) return s.error();
  Json json = report_json(day_report(closed, now));
  if (auto s = store.save_z_report(closed.id, json.dump()); !s) return s.error();
  return json;
}

Answer OrderService::Impl::refund(Call& call) {
  protocol::RefundCheck cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::refund, "refunding a check")) return *r;
  auto check = store.load_check(cmd.check_id);
  if (!check) return check.error();
  std::vector<RefundAsk> asked;
  if (cmd.lines)
    for (const auto& [line_id, quantity] : *cmd.lines) asked.push_back({line_id, quantity});
  auto refund = price_refund(check.value(), menu.tax_classes, asked,
                             store.load_refunds_of_check(cmd.check_id), cmd.reason);
  if (!refund) return refund.error();
  // The refund belongs to today, whatever day the check was sold in.
  auto today = day_for_new_check(call);
  if (!today) return today.error();
  refund->id = store.next_id("refund");
  refund->day = today->id;
  refund->by = call.actor();
  refund->approved_by = call.approved_by.empty() ? call.actor() : call.approved_by;
  refund->at = call.now;
  for (RefundTender& tender : refund->tenders)
    if (tender.tender == Tender::card) tender.reference = cmd.reference.value_or("");
  if (auto s = store.save_refund(refund.value()); !s) return s.error();
  for (const RefundTender& tender : refund->tenders)
    if (tender.tender == Tender::cash)
      if (auto s = cash_in_drawer(call, DrawerMoveKind::cash_refund, tender.amount, check->id); !s)
        return s.error();
  if (auto s = store.add_tallies(today->id, refund_tallies(refund.value(), menu)); !s)
    return s.error();
  const Json json = protocol::to_json(refund.value());
  if (auto s = record(call, "check.refunded", "check " + std::to_string(check->id), Json(), json,
                      cmd.reason);
      !s)
    return s.error();
  emit(event::check_refunded, {std::string(topic::check)},
       {{"refund", json}, {"check", {{"id", check->id}, {"number", check->number}}}}, call.now);
  return Json{{"refund", json}};
}

}  // namespace brigade::service
