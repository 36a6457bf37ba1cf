// Staff and their PINs. A PIN is checked at every login, so its lookup is one hash and
// one indexed equality match (see pin_hash.cpp for why that is the right trade).
#include <SQLiteCpp/Statement.h>

#include "brigade/store/store.h"
#include "pin_hash.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

StaffMember staff_row(SQLite::Statement& row) {
  StaffMember member;
  member.id = row.getColumn(0).getString();
  member.name = row.getColumn(1).getString();
  const std::string role = row.getColumn(2).getString();
  member.role = parse_stored(role_from_string(role), "staff role", role);
  member.active = row.getColumn(3).getInt() != 0;
  return member;
}

}  // namespace

std::vector<StaffMember> Store::load_staff() const {
  std::vector<StaffMember> staff;
  SQLite::Statement rows(impl_->db, "SELECT id, name, role, active FROM staff ORDER BY position");
  while (rows.executeStep()) staff.push_back(staff_row(rows));
  return staff;
}

std::optional<StaffMember> Store::find_staff(std::string_view staff_id) const {
  auto row = impl_->prepared("SELECT id, name, role, active FROM staff WHERE id = ?1");
  bind_values(*row, staff_id);
  if (!row->executeStep()) return std::nullopt;
  return staff_row(*row);
}

int Store::pin_digits() const {
  auto row = impl_->prepared("SELECT pin_digits FROM settings");
  return row->executeStep() ? row->getColumn(0).getInt() : kDefaultPinDigits;
}

Result<std::optional<StaffMember>> Store::staff_by_pin(std::string_view pin) const {
  auto file_key = impl_->file_pin_key("check a PIN");
  if (!file_key) return file_key.error();
  std::string key;
  int digits = kDefaultPinDigits;
  {
    auto row = impl_->prepared("SELECT pin_key, pin_digits FROM settings");
    if (!row->executeStep()) return std::optional<StaffMember>();
    key = row->getColumn(0).getString();
    digits = row->getColumn(1).getInt();
  }
  // Not a PIN of this restaurant's length: no need to hash it.
  if (!is_valid_pin(pin, digits)) return std::optional<StaffMember>();
  auto row = impl_->prepared(
      "SELECT id, name, role, active FROM staff WHERE pin_hash = ?1 AND active = 1");
  bind_values(*row, hash_pin(key, *file_key, pin));
  if (!row->executeStep()) return std::optional<StaffMember>();
  return std::optional<StaffMember>(staff_row(*row));
}

Status Store::set_pin(std::string_view staff_id, std::string_view pin) {
  auto file_key = impl_->file_pin_key("set a PIN");
  if (!file_key) return file_key.error();
  try {
    SQLite::Statement key_row(impl_->db, "SELECT pin_key, pin_digits FROM settings");
    if (!key_row.executeStep())
      return fail(Errc::invalid_argument, "the store is not set up yet: seed it first");
    // Messages never repeat the PIN: they end up in logs.
    if (!is_valid_pin(pin, key_row.getColumn(1).getInt()))
      return fail(Errc::invalid_argument, key_row.getColumn(1).getInt() == 6
                                              ? "a PIN is 6 digits"
                                              : "a PIN is 4 to 6 digits");
    const std::string hash = hash_pin(key_row.getColumn(0).getString(), *file_key, pin);

    SQLite::Statement owner(impl_->db, "SELECT id FROM staff WHERE pin_hash = ?1");
    bind_values(owner, hash);
    if (owner.executeStep() && owner.getColumn(0).getString() != staff_id)
      return fail(Errc::invalid_argument, "that PIN is taken: choose another");

    SQLite::Statement update(impl_->db, "UPDATE staff SET pin_hash = ?2 WHERE id = ?1");
    bind_values(update, staff_id, hash);
    if (update.exec() == 0)
      return fail(Errc::not_found, "no staff member '" + std::string(staff_id) + "'");
  } catch (const std::exception& e) {
    return storage_error("setting the PIN of '" + std::string(staff_id) + "'", e);
  }
  return success();
}

Status Store::save_staff(const StaffMember& member) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a staff member"); !s) return s;
  try {
    auto save = impl_->prepared(R"sql(
      INSERT INTO staff (id, name, role, pin_hash, active, position)
      VALUES (?1, ?2, ?3, NULL, ?4, (SELECT coalesce(max(position), -1) + 1 FROM staff))
      ON CONFLICT (id) DO UPDATE SET name = ?2, role = ?3, active = ?4,
        pin_hash = CASE WHEN ?4 THEN pin_hash END)sql");
    execute(*save, member.id, member.name, to_string(member.role), member.active);
  } catch (const std::exception& e) {
    return storage_error("saving staff member '" + member.id + "'", e);
  }
  return success();
}

// [SECTION] permissions

Permissions Store::load_permissions() const {
  Permissions permissions;
  auto rows = impl_->prepared("SELECT role, permission FROM role_permissions");
  while (rows->executeStep()) {
    auto role = role_from_string(rows->getColumn(0).getString());
    auto permission = permission_from_string(rows->getColumn(1).getString());
    if (role && permission) permissions.set(*role, *permission, true);
  }
  return permissions;
}

Status Store::save_permission(Role role, Permission permission, bool allowed) {
  if (auto s = require_transaction(impl_->in_transaction, "changing a permission"); !s) return s;
  try {
    auto change = impl_->prepared(
        allowed ? "INSERT OR IGNORE INTO role_permissions (role, permission) VALUES (?1, ?2)"
                : "DELETE FROM role_permissions WHERE role = ?1 AND permission = ?2");
    execute(*change, to_string(role), to_string(permission));
  } catch (const std::exception& e) {
    return storage_error("changing what a " + std::string(to_string(role)) + " may do", e);
  }
  return success();
}

// [SECTION] the time clock

namespace {
Punch punch_row(SQLite::Statement& row) {
  Punch p;
  p.id = row.getColumn(0).getInt64();
  p.staff_id = row.getColumn(1).getString();
  const std::string kind = row.getColumn(2).getString();
  p.kind = parse_stored(punch_kind_from_string(kind), "punch kind", kind);
  p.at = row.getColumn(3).getInt64();
  p.device = row.getColumn(4).getString();
  p.fixed_by = row.getColumn(5).getString();
  p.reason = row.getColumn(6).getString();
  return p;
}
constexpr const char* kPunchColumns = "id, staff_id, kind, at, device, fixed_by, reason";
}  // namespace

std::vector<Punch> Store::load_punches(std::string_view staff_id, EpochMs since,
                                       EpochMs until) const {
  auto rows = impl_->prepared(std::string("SELECT ") + kPunchColumns + R"sql(
    FROM punches WHERE (?1 = '' OR staff_id = ?1) AND at >= ?2 AND at < ?3
    ORDER BY at, id)sql");
  bind_values(*rows, staff_id, since, until);
  std::vector<Punch> punches;
  while (rows->executeStep()) punches.push_back(punch_row(*rows));
  return punches;
}

std::optional<Punch> Store::find_punch(std::int64_t id) const {
  auto row =
      impl_->prepared(std::string("SELECT ") + kPunchColumns + " FROM punches WHERE id = ?1");
  bind_values(*row, id);
  if (!row->executeStep()) return std::nullopt;
  return punch_row(*row);
}

Result<std::int64_t> Store::save_punch(const Punch& punch) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a punch"); !s) return s.error();
  try {
    if (punch.id == 0) {
      auto add = impl_->prepared(R"sql(
        INSERT INTO punches (staff_id, kind, at, device, fixed_by, reason)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
      execute(*add, punch.staff_id, to_string(punch.kind), punch.at, punch.device, punch.fixed_by,
              punch.reason);
      return impl_->db.getLastInsertRowid();
    }
    auto change = impl_->prepared(R"sql(
      UPDATE punches SET staff_id = ?2, kind = ?3, at = ?4, device = ?5, fixed_by = ?6,
        reason = ?7 WHERE id = ?1)sql");
    execute(*change, punch.id, punch.staff_id, to_string(punch.kind), punch.at, punch.device,
            punch.fixed_by, punch.reason);
    return punch.id;
  } catch (const std::exception& e) {
    return storage_error("saving a punch of '" + punch.staff_id + "'", e);
  }
}

Status Store::remove_punch(std::int64_t id) {
  if (auto s = require_transaction(impl_->in_transaction, "removing a punch"); !s) return s;
  try {
    auto drop = impl_->prepared("DELETE FROM punches WHERE id = ?1");
    execute(*drop, id);
  } catch (const std::exception& e) {
    return storage_error("removing punch " + std::to_string(id), e);
  }
  return success();
}

bool Store::clock_in_required() const {
  auto row = impl_->prepared("SELECT clock_in_required FROM settings");
  return row->executeStep() && row->getColumn(0).getInt() != 0;
}

Status Store::set_clock_in_required(bool required) {
  if (auto s = require_transaction(impl_->in_transaction, "changing the clock-in rule"); !s)
    return s;
  try {
    auto change = impl_->prepared("UPDATE settings SET clock_in_required = ?1");
    execute(*change, required);
  } catch (const std::exception& e) {
    return storage_error("changing the clock-in rule", e);
  }
  return success();
}

}  // namespace brigade::store
