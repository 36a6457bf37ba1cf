// The day's figures (schema v12): each day's running sums, the Z reports kept as made, and
// refunds with their lines and tenders.
#include <SQLiteCpp/Statement.h>

#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

Status Store::add_tallies(std::int64_t day, const std::vector<Tally>& tallies) {
  if (auto s = require_transaction(impl_->in_transaction, "adding up the day's figures"); !s)
    return s;
  try {
    auto add = impl_->prepared(R"sql(
      INSERT INTO day_tallies (day, figure, key, count, cents) VALUES (?1, ?2, ?3, ?4, ?5)
      ON CONFLICT (day, figure, key) DO UPDATE SET count = count + excluded.count,
        cents = cents + excluded.cents)sql");
    for (const Tally& t : tallies) execute(*add, day, t.figure, t.key, t.count, t.amount);
  } catch (const std::exception& e) {
    return storage_error("adding to the figures of day " + std::to_string(day), e);
  }
  return success();
}

std::vector<Tally> Store::load_tallies(std::int64_t day) const {
  auto rows = impl_->prepared(
      "SELECT figure, key, count, cents FROM day_tallies WHERE day = ?1 ORDER BY figure, key");
  bind_values(*rows, day);
  std::vector<Tally> tallies;
  while (rows->executeStep())
    tallies.push_back(Tally{rows->getColumn(0).getString(), rows->getColumn(1).getString(),
                            rows->getColumn(2).getInt64(),
                            Money::cents(rows->getColumn(3).getInt64())});
  return tallies;
}

std::vector<std::int64_t> Store::untallied_checks(std::int64_t day) const {
  auto rows = impl_->prepared(
      "SELECT id FROM checks WHERE status = 'closed' AND tallied = 0 AND business_day = ?1 "
      "ORDER BY id");
  bind_values(*rows, day);
  std::vector<std::int64_t> ids;
  while (rows->executeStep()) ids.push_back(rows->getColumn(0).getInt64());
  return ids;
}

Status Store::mark_tallied(std::int64_t check_id) {
  if (auto s = require_transaction(impl_->in_transaction, "marking a check tallied"); !s) return s;
  try {
    auto mark = impl_->prepared("UPDATE checks SET tallied = 1 WHERE id = ?1");
    execute(*mark, check_id);
  } catch (const std::exception& e) {
    return storage_error("marking check " + std::to_string(check_id) + " tallied", e);
  }
  return success();
}

Status Store::save_z_report(std::int64_t day, std::string_view report) {
  if (auto s = require_transaction(impl_->in_transaction, "keeping the Z report"); !s) return s;
  try {
    // Kept once: a Z report is never rewritten.
    auto keep = impl_->prepared(
        "UPDATE business_days SET z_report = ?2 WHERE id = ?1 AND z_report IS NULL");
    execute(*keep, day, report);
    if (impl_->db.getChanges() != 1)
      return fail(Errc::storage_error,
                  "day " + std::to_string(day) + " has its Z report already, or is not a day");
  } catch (const std::exception& e) {
    return storage_error("keeping the Z report of day " + std::to_string(day), e);
  }
  return success();
}

std::string Store::load_z_report(std::int64_t day) const {
  auto row = impl_->prepared("SELECT COALESCE(z_report, '') FROM business_days WHERE id = ?1");
  bind_values(*row, day);
  return row->executeStep() ? row->getColumn(0).getString() : std::string();
}

Status Store::save_refund(const Refund& refund) {
  if (auto s = require_transaction(impl_->in_transaction, "recording a refund"); !s) return s;
  try {
    auto add = impl_->prepared(R"sql(
      INSERT INTO refunds (id, check_id, check_number, server_id, day, amount_cents, reason,
        approved_by, by, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql");
    execute(*add, refund.id, refund.check_id, refund.check_number, refund.server_id, refund.day,
            refund.amount, refund.reason, refund.approved_by, refund.by, refund.at);
    auto line = impl_->prepared(R"sql(
      INSERT INTO refund_lines (refund_id, line_id, item_id, name, tax_class_id, quantity,
        net_cents, tax_cents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql");
    for (const RefundedLine& l : refund.lines)
      execute(*line, refund.id, l.line_id, l.item_id, l.name, l.tax_class_id, l.quantity, l.net,
              l.tax);
    auto tender = impl_->prepared(R"sql(
      INSERT INTO refund_tenders (refund_id, payment_id, tender, amount_cents, reference)
      VALUES (?1, ?2, ?3, ?4, ?5))sql");
    for (const RefundTender& t : refund.tenders)
      execute(*tender, refund.id, t.payment_id, to_string(t.tender), t.amount, t.reference);
  } catch (const std::exception& e) {
    return storage_error("recording refund " + std::to_string(refund.id), e);
  }
  return success();
}

std::vector<Refund> Store::load_refunds_of_check(std::int64_t check_id) const {
  auto rows = impl_->prepared(R"sql(
    SELECT id, check_id, check_number, server_id, day, amount_cents, reason, approved_by, by, at
    FROM refunds WHERE check_id = ?1 ORDER BY id)sql");
  bind_values(*rows, check_id);
  std::vector<Refund> refunds;
  while (rows->executeStep()) {
    Refund r;
    r.id = rows->getColumn(0).getInt64();
    r.check_id = rows->getColumn(1).getInt64();
    r.check_number = rows->getColumn(2).getInt64();
    r.server_id = rows->getColumn(3).getString();
    r.day = rows->getColumn(4).getInt64();
    r.amount = Money::cents(rows->getColumn(5).getInt64());
    r.reason = rows->getColumn(6).getString();
    r.approved_by = rows->getColumn(7).getString();
    r.by = rows->getColumn(8).getString();
    r.at = rows->getColumn(9).getInt64();
    refunds.push_back(std::move(r));
  }
  auto lines = impl_->prepared(R"sql(
    SELECT line_id, item_id, name, tax_class_id, quantity, net_cents, tax_cents
    FROM refund_lines WHERE refund_id = ?1 ORDER BY line_id)sql");
  auto tenders = impl_->prepared(R"sql(
    SELECT payment_id, tender, amount_cents, reference FROM refund_tenders WHERE refund_id = ?1
    ORDER BY payment_id)sql");
  for (Refund& r : refunds) {
    lines->reset();
    bind_values(*lines, r.id);
    while (lines->executeStep())
      r.lines.push_back(
          RefundedLine{lines->getColumn(0).getInt64(), lines->getColumn(1).getString(),
                       lines->getColumn(2).getString(), lines->getColumn(3).getString(),
                       lines->getColumn(4).getInt(), Money::cents(lines->getColumn(5).getInt64()),
                       Money::cents(lines->getColumn(6).getInt64())});
    tenders->reset();
    bind_values(*tenders, r.id);
    while (tenders->executeStep()) {
      const std::string tender = tenders->getColumn(1).getString();
      r.tenders.push_back(RefundTender{tenders->getColumn(0).getInt64(),
                                       parse_stored(tender_from_string(tender), "tender", tender),
                                       Money::cents(tenders->getColumn(2).getInt64()),
                                       tenders->getColumn(3).getString()});
    }
  }
  return refunds;
}

}  // namespace brigade::store
