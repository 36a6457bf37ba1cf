// Business days (schema v11): at most one open; each closed once, with the next Z number.
// Checks carry the day they belong to in their own row.
#include <SQLiteCpp/Statement.h>

#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

namespace {
constexpr const char* kDayColumns =
    "id, opened_at, opened_by, COALESCE(closed_at, 0), COALESCE(closed_by, ''), "
    "COALESCE(z_number, 0)";

BusinessDay day_row(SQLite::Statement& row) {
  BusinessDay day;
  day.id = row.getColumn(0).getInt64();
  day.opened_at = row.getColumn(1).getInt64();
  day.opened_by = row.getColumn(2).getString();
  day.closed_at = row.getColumn(3).getInt64();
  day.closed_by = row.getColumn(4).getString();
  day.z_number = row.getColumn(5).getInt64();
  return day;
}
}  // namespace

std::optional<BusinessDay> Store::open_day() const {
  auto row = impl_->prepared(std::string("SELECT ") + kDayColumns +
                             " FROM business_days WHERE closed_at IS NULL");
  if (!row->executeStep()) return std::nullopt;
  return day_row(*row);
}

std::optional<BusinessDay> Store::find_day(std::int64_t id) const {
  auto row =
      impl_->prepared(std::string("SELECT ") + kDayColumns + " FROM business_days WHERE id = ?1");
  bind_values(*row, id);
  if (!row->executeStep()) return std::nullopt;
  return day_row(*row);
}

std::vector<BusinessDay> Store::last_days(int count) const {
  auto rows = impl_->prepared(std::string("SELECT ") + kDayColumns +
                              " FROM business_days ORDER BY id DESC LIMIT ?1");
  bind_values(*rows, static_cast<std::int64_t>(count));
  std::vector<BusinessDay> days;
  while (rows->executeStep()) days.push_back(day_row(*rows));
  return days;
}

Result<BusinessDay> Store::start_day(EpochMs at, std::string_view by) {
  if (auto s = require_transaction(impl_->in_transaction, "opening a business day"); !s)
    return s.error();
  try {
    auto add = impl_->prepared(R"sql(
      INSERT INTO business_days (id, opened_at, opened_by)
      SELECT COALESCE(MAX(id), 0) + 1, ?1, ?2 FROM business_days)sql");
    execute(*add, at, by);
    BusinessDay day;
    day.id = impl_->db.getLastInsertRowid();
    day.opened_at = at;
    day.opened_by = std::string(by);
    return day;
  } catch (const std::exception& e) {
    return storage_error("opening a business day", e);
  }
}

Result<std::int64_t> Store::close_day(std::int64_t id, EpochMs at, std::string_view by) {
  if (auto s = require_transaction(impl_->in_transaction, "closing the business day"); !s)
    return s.error();
  try {
    // The next Z number in the same transaction as the close: no gap, none twice.
    auto close = impl_->prepared(R"sql(
      UPDATE business_days SET closed_at = ?2, closed_by = ?3,
        z_number = (SELECT COALESCE(MAX(z_number), 0) + 1 FROM business_days)
      WHERE id = ?1 AND closed_at IS NULL)sql");
    execute(*close, id, at, by);
    if (impl_->db.getChanges() != 1)
      return fail(Errc::no_day_open, "business day " + std::to_string(id) + " is not open");
    auto z = impl_->prepared("SELECT z_number FROM business_days WHERE id = ?1");
    bind_values(*z, id);
    z->executeStep();
    return z->getColumn(0).getInt64();
  } catch (const std::exception& e) {
    return storage_error("closing business day " + std::to_string(id), e);
  }
}

std::int64_t Store::day_of_check(std::int64_t check_id) const {
  auto row = impl_->prepared("SELECT COALESCE(business_day, 0) FROM checks WHERE id = ?1");
  bind_values(*row, check_id);
  return row->executeStep() ? row->getColumn(0).getInt64() : 0;
}

Status Store::set_day_of_check(std::int64_t check_id, std::int64_t day) {
  if (auto s = require_transaction(impl_->in_transaction, "putting a check in a day"); !s) return s;
  try {
    auto set = impl_->prepared("UPDATE checks SET business_day = ?2 WHERE id = ?1");
    execute(*set, check_id, day);
  } catch (const std::exception& e) {
    return storage_error(
        "putting check " + std::to_string(check_id) + " in day " + std::to_string(day), e);
  }
  return success();
}

std::int64_t Store::count_checks_of_day(std::int64_t day) const {
  auto row = impl_->prepared("SELECT COUNT(*) FROM checks WHERE business_day = ?1");
  bind_values(*row, day);
  return row->executeStep() ? row->getColumn(0).getInt64() : 0;
}

}  // namespace brigade::store
