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

namespace brigade::store {

namespace {
constexpr const char* kDrawerColumns =
    "id, day, device_id, name, float_cents, opened_by, opened_at, COALESCE(counted_cents, 0), "
    "COALESCE(counted_by, ''), COALESCE(counted_at, 0), COALESCE(closed_at, 0)";

Drawer drawer_row(SQLite::Statement& row) {
  Drawer d;
  d.id = row.getColumn(0).getInt64();
  d.day = row.getColumn(1).getInt64();
  d.device_id = row.getColumn(2).getString();
  d.name = row.getColumn(3).getString();
  d.opening_float = Money::cents(row.getColumn(4).getInt64());
  d.opened_by = row.getColumn(5).getString();
  d.opened_at = row.getColumn(6).getInt64();
  d.counted = Money::cents(row.getColumn(7).getInt64());
  d.counted_by = row.getColumn(8).getString();
  d.counted_at = row.getColumn(9).getInt64();
  d.closed_at = row.getColumn(10).getInt64();
  return d;
}
}  // namespace

Result<std::int64_t> Store::save_drawer(const Drawer& drawer) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a cash drawer"); !s)
    return s.error();
  try {
    if (drawer.id == 0) {
      auto add = impl_->prepared(R"sql(
        INSERT INTO drawers (day, device_id, name, float_cents, opened_by, opened_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
      execute(*add, drawer.day, drawer.device_id, drawer.name, drawer.opening_float,
              drawer.opened_by, drawer.opened_at);
      return impl_->db.getLastInsertRowid();
    }
    auto close = impl_->prepared(R"sql(
      UPDATE drawers SET counted_cents = CASE WHEN ?4 = 0 THEN NULL ELSE ?2 END,
        counted_by = CASE WHEN ?4 = 0 THEN NULL ELSE ?3 END,
        counted_at = NULLIF(?4, 0), closed_at = NULLIF(?5, 0) WHERE id = ?1)sql");
    execute(*close, drawer.id, drawer.counted, drawer.counted_by, drawer.counted_at,
            drawer.closed_at);
    execute(*impl_->prepared("DELETE FROM drawer_counts WHERE drawer_id = ?1"), drawer.id);
    auto piece = impl_->prepared(
        "INSERT INTO drawer_counts (drawer_id, denomination_cents, pieces) VALUES (?1, ?2, ?3)");
    for (const auto& [cents, pieces] : drawer.denominations)
      execute(*piece, drawer.id, cents, pieces);
    return drawer.id;
  } catch (const std::exception& e) {
    return storage_error("saving cash drawer " + std::to_string(drawer.id), e);
  }
}

std::optional<Drawer> Store::open_drawer_of(std::string_view device_id) const {
  auto row = impl_->prepared(std::string("SELECT ") + kDrawerColumns +
                             " FROM drawers WHERE device_id = ?1 AND closed_at IS NULL");
  bind_values(*row, device_id);
  if (!row->executeStep()) return std::nullopt;
  return drawer_row(*row);
}

std::optional<Drawer> Store::find_drawer(std::int64_t id) const {
  std::optional<Drawer> drawer;
  {
    auto row =
        impl_->prepared(std::string("SELECT ") + kDrawerColumns + " FROM drawers WHERE id = ?1");
    bind_values(*row, id);
    if (!row->executeStep()) return std::nullopt;
    drawer = drawer_row(*row);
  }
  auto pieces =
      impl_->prepared("SELECT denomination_cents, pieces FROM drawer_counts WHERE drawer_id = ?1");
  bind_values(*pieces, id);
  while (pieces->executeStep())
    drawer->denominations[pieces->getColumn(0).getInt64()] = pieces->getColumn(1).getInt64();
  return drawer;
}

std::vector<Drawer> Store::load_drawers(std::int64_t day) const {
  std::vector<std::int64_t> ids;
  {
    auto rows = impl_->prepared("SELECT id FROM drawers WHERE day = ?1 ORDER BY id");
    bind_values(*rows, day);
    while (rows->executeStep()) ids.push_back(rows->getColumn(0).getInt64());
  }
  std::vector<Drawer> drawers;
  for (std::int64_t id : ids)
    if (auto d = find_drawer(id)) drawers.push_back(std::move(*d));
  return drawers;
}

Result<std::int64_t> Store::add_drawer_move(const DrawerMove& move) {
  if (auto s = require_transaction(impl_->in_transaction, "recording cash in a drawer"); !s)
    return s.error();
  try {
    auto add = impl_->prepared(R"sql(
      INSERT INTO drawer_moves (drawer_id, kind, cents, reason, staff_id, check_id, by, at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql");
    execute(*add, move.drawer_id, to_string(move.kind), move.amount, move.reason, move.staff_id,
            move.check_id, move.by, move.at);
    return impl_->db.getLastInsertRowid();
  } catch (const std::exception& e) {
    return storage_error("recording cash in drawer " + std::to_string(move.drawer_id), e);
  }
}

std::map<DrawerMoveKind, std::pair<std::int64_t, Money>> Store::drawer_totals(
    std::int64_t drawer_id) const {
  auto rows = impl_->prepared(
      "SELECT kind, COUNT(*), SUM(cents) FROM drawer_moves WHERE drawer_id = ?1 GROUP BY kind");
  bind_values(*rows, drawer_id);
  std::map<DrawerMoveKind, std::pair<std::int64_t, Money>> totals;
  while (rows->executeStep()) {
    const std::string kind = rows->getColumn(0).getString();
    totals[parse_stored(drawer_move_kind_from_string(kind), "drawer move", kind)] = {
        rows->getColumn(1).getInt64(), Money::cents(rows->getColumn(2).getInt64())};
  }
  return totals;
}

}  // namespace brigade::store
