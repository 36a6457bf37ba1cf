// Paired devices (schema v4).
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

constexpr const char* kColumns =
    "id, name, role, stations, public_key, paired_at, paired_by, revoked_at";

PairedDevice read_device(SQLite::Statement& row) {
  PairedDevice d;
  d.id = row.getColumn(0).getString();
  d.name = row.getColumn(1).getString();
  std::string role = row.getColumn(2).getString();
  d.role = parse_stored(device_role_from_string(role), "device role", role);
  auto stations = nlohmann::json::parse(row.getColumn(3).getString(), nullptr, false);
  if (stations.is_array())
    for (const auto& s : stations)
      if (s.is_string()) d.stations.push_back(s.get<std::string>());
  d.public_key = row.getColumn(4).getString();
  d.paired_at = row.getColumn(5).getInt64();
  d.paired_by = row.getColumn(6).getString();
  d.revoked_at = row.getColumn(7).getInt64();
  return d;
}

}  // namespace

Status Store::save_device(const PairedDevice& device) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a device"); !s) return s;
  try {
    auto save = impl_->prepared(R"sql(
      INSERT INTO devices (id, name, role, stations, public_key, paired_at, paired_by, revoked_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,
        stations = excluded.stations, revoked_at = excluded.revoked_at)sql");
    std::string stations = nlohmann::json(device.stations).dump();
    execute(*save, std::string_view(device.id), std::string_view(device.name),
            to_string(device.role), std::string_view(stations), std::string_view(device.public_key),
            static_cast<std::int64_t>(device.paired_at), std::string_view(device.paired_by),
            static_cast<std::int64_t>(device.revoked_at));
  } catch (const SQLite::Exception& e) {
    return storage_error("saving the device '" + device.id + "'", e);
  }
  return success();
}

std::optional<PairedDevice> Store::find_device(std::string_view id) const {
  auto query = impl_->prepared(std::string("SELECT ") + kColumns + " FROM devices WHERE id = ?1");
  bind_values(*query, id);
  if (!query->executeStep()) return std::nullopt;
  return read_device(*query);
}

std::optional<PairedDevice> Store::find_device_by_key(std::string_view public_key) const {
  auto query =
      impl_->prepared(std::string("SELECT ") + kColumns + " FROM devices WHERE public_key = ?1");
  bind_values(*query, public_key);
  if (!query->executeStep()) return std::nullopt;
  return read_device(*query);
}

std::vector<PairedDevice> Store::load_devices() const {
  auto query =
      impl_->prepared(std::string("SELECT ") + kColumns + " FROM devices ORDER BY paired_at, id");
  std::vector<PairedDevice> out;
  while (query->executeStep()) out.push_back(read_device(*query));
  return out;
}

}  // namespace brigade::store
