// Checks to rows and back. A save writes the whole check (the check row, its lines with
// their modifiers, discounts, payments and split) with statements prepared once per
// connection: saving checks is what the hub does all service long.
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

std::string station_list(const std::vector<std::string>& station_ids) {
  return nlohmann::json(station_ids).dump();
}

std::vector<std::string> stored_station_list(const std::string& text) {
  const auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) throw StorageFailure("a line's stations are not a list: " + text);
  std::vector<std::string> ids;
  for (const auto& id : json) {
    if (!id.is_string()) throw StorageFailure("a line's stations are not names: " + text);
    ids.push_back(id.get<std::string>());
  }
  return ids;
}

// What no correct caller sends, refused before anything is written and named plainly
// (the schema would refuse most of it too, but with SQLite's words).
Status validate_for_save(const Check& check) {
  const std::string which = "check " + std::to_string(check.number);
  if (check.id <= 0) return fail(Errc::invalid_argument, which + " has no id");
  std::set<std::int64_t> line_ids;
  for (const Line& line : check.lines) {
    if (line.id <= 0) return fail(Errc::invalid_argument, which + " has a line with no id");
    if (!line_ids.insert(line.id).second)
      return fail(Errc::invalid_argument,
                  which + " holds line " + std::to_string(line.id) + " twice");
  }
  for (const Discount& discount : check.discounts)
    if (discount.line_id && !line_ids.contains(*discount.line_id))
      return fail(Errc::invalid_argument, which + ": discount " + std::to_string(discount.id) +
                                              " names line " + std::to_string(*discount.line_id) +
                                              ", which is not on the check");
  for (const auto& [line_id, parts] : check.split.assignments)
    if (!line_ids.contains(line_id))
      return fail(Errc::invalid_argument, which + ": the split names line " +
                                              std::to_string(line_id) +
                                              ", which is not on the check");
  return success();
}

std::optional<std::int64_t> id_or_null(std::int64_t id) {
  return id == 0 ? std::nullopt : std::optional<std::int64_t>(id);
}

}  // namespace

// [SECTION] save

namespace {
std::optional<Check> read_check(StatementCache& statements, std::int64_t check_id);

bool same_header(const Check& a, const Check& b) {
  return a.number == b.number && a.channel == b.channel && a.table_id == b.table_id &&
         a.tab_name == b.tab_name && a.customer_name == b.customer_name &&
         a.customer_phone == b.customer_phone && a.promised_at == b.promised_at &&
         a.guests == b.guests && a.server_id == b.server_id && a.status == b.status &&
         a.opened_at == b.opened_at && a.closed_at == b.closed_at &&
         a.merged_into == b.merged_into && a.split.kind == b.split.kind &&
         a.split.parts == b.split.parts;
}

// Where each row of `rows` is, by id.
template <class Row>
std::map<std::int64_t, std::pair<std::size_t, const Row*>> by_id(const std::vector<Row>& rows) {
  std::map<std::int64_t, std::pair<std::size_t, const Row*>> out;
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].id] = {i, &rows[i]};
  return out;
}

// Whether row `i` of the new rows must be written: new to the check, moved, or changed.
template <class Row>
bool must_write(const std::map<std::int64_t, std::pair<std::size_t, const Row*>>& before,
                std::size_t i, const Row& row, bool everything) {
  auto it = before.find(row.id);
  return everything || it == before.end() || it->second.first != i || !(*it->second.second == row);
}
}  // namespace

Status Store::save_check(const Check& check) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a check"); !s) return s;
  if (auto s = validate_for_save(check); !s) return s;
  try {
    // What the file holds for this check: as this transaction read or wrote it last, else
    // read now. Only rows that differ from it are written (docs/store.md).
    // A check read here rather than seen earlier may have gaps in its positions (a line
    // moved away in this transaction), which the diff below cannot see: written whole.
    Check stored;
    bool everything = impl_->full_saves;
    if (auto seen = impl_->seen_checks.find(check.id); seen != impl_->seen_checks.end()) {
      stored = seen->second;
    } else if (auto read = read_check(impl_->statements, check.id)) {
      stored = *std::move(read);
      everything = true;
    }
    const bool is_new = stored.id == 0;
    const std::set<std::int64_t> none;
    const auto moved = impl_->moved_away.find(check.id);
    const std::set<std::int64_t>& moved_away =
        moved == impl_->moved_away.end() ? none : moved->second;

    if (everything || is_new || !same_header(stored, check)) {
      auto upsert = impl_->prepared(R"sql(
        INSERT INTO checks (id, number, channel, table_id, tab_name, customer_name,
          customer_phone, promised_at, guests, server_id, status, opened_at, closed_at,
          merged_into, split_kind, split_parts)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
        ON CONFLICT (id) DO UPDATE SET number = excluded.number, channel = excluded.channel,
          table_id = excluded.table_id, tab_name = excluded.tab_name,
          customer_name = excluded.customer_name, customer_phone = excluded.customer_phone,
          promised_at = excluded.promised_at, guests = excluded.guests,
          server_id = excluded.server_id, status = excluded.status,
          opened_at = excluded.opened_at, closed_at = excluded.closed_at,
          merged_into = excluded.merged_into, split_kind = excluded.split_kind,
          split_parts = excluded.split_parts)sql");
      execute(*upsert, check.id, check.number, to_string(check.channel), check.table_id,
              check.tab_name, check.customer_name, check.customer_phone, check.promised_at,
              check.guests, check.server_id, to_string(check.status), check.opened_at,
              check.closed_at, id_or_null(check.merged_into), to_string(check.split.kind),
              check.split.parts);
    }

    // Rows this check no longer has: removed (unsent) lines, and lines and discounts
    // moved to another check that has not been saved yet. A line already saved with its
    // new check has a new check_id and is not touched here.
    const auto lines_before = by_id(stored.lines);
    const auto discounts_before = by_id(stored.discounts);
    const auto payments_before = by_id(stored.payments);
    {
      std::set<std::int64_t> kept;
      for (const Discount& d : check.discounts) kept.insert(d.id);
      auto stale = impl_->prepared("DELETE FROM discounts WHERE id = ?1 AND check_id = ?2");
      for (const auto& [id, _] : discounts_before)
        if (!kept.contains(id)) execute(*stale, id, check.id);
    }
    {
      std::set<std::int64_t> kept;
      for (const Line& l : check.lines) kept.insert(l.id);
      auto stale = impl_->prepared("DELETE FROM lines WHERE id = ?1 AND check_id = ?2");
      for (const auto& [id, _] : lines_before)
        if (!kept.contains(id)) execute(*stale, id, check.id);
    }
    {
      std::set<std::int64_t> kept;
      for (const Payment& p : check.payments) kept.insert(p.id);
      auto stale = impl_->prepared("DELETE FROM payments WHERE id = ?1 AND check_id = ?2");
      for (const auto& [id, _] : payments_before)
        if (!kept.contains(id)) execute(*stale, id, check.id);
    }

    {
      // ON CONFLICT ... check_id = excluded.check_id is what moves a line between checks.
      auto upsert = impl_->prepared(R"sql(
        INSERT INTO lines (id, check_id, position, item_id, name, quantity, voided_quantity,
          seat, course, unit_price_cents, tax_class_id, station_ids, note, state, void_reason,
          voided_by, ordered_at, sent_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
        ON CONFLICT (id) DO UPDATE SET check_id = excluded.check_id,
          position = excluded.position, item_id = excluded.item_id, name = excluded.name,
          quantity = excluded.quantity, voided_quantity = excluded.voided_quantity,
          seat = excluded.seat, course = excluded.course,
          unit_price_cents = excluded.unit_price_cents, tax_class_id = excluded.tax_class_id,
          station_ids = excluded.station_ids, note = excluded.note, state = excluded.state,
          void_reason = excluded.void_reason, voided_by = excluded.voided_by,
          ordered_at = excluded.ordered_at, sent_at = excluded.sent_at)sql");

      auto clear_modifiers = impl_->prepared("DELETE FROM line_modifiers WHERE line_id = ?1");
      auto add_modifier = impl_->prepared(R"sql(
        INSERT INTO line_modifiers (line_id, position, group_id, modifier_id, name, price_cents)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
      for (std::size_t i = 0; i < check.lines.size(); ++i) {
        const Line& line = check.lines[i];
        if (!must_write(lines_before, i, line, everything || moved_away.contains(line.id)))
          continue;
        if (!lines_before.contains(line.id)) impl_->line_moved(line.id, check.id);
        execute(*upsert, line.id, check.id, static_cast<int>(i), line.item_id, line.name,
                line.quantity, line.voided_quantity, line.seat, to_string(line.course),
                line.unit_price, line.tax_class_id, station_list(line.station_ids), line.note,
                to_string(line.state), line.void_reason, line.voided_by, line.ordered_at,
                line.sent_at);
        // Only a void the kitchen had made writes this v12 column (it never shrinks back).
        if (line.voided_made > 0)
          execute(*impl_->prepared("UPDATE lines SET voided_made = ?2 WHERE id = ?1"), line.id,
                  line.voided_made);
        auto was = lines_before.find(line.id);
        if (!everything && !moved_away.contains(line.id) && was != lines_before.end() &&
            was->second.second->modifiers == line.modifiers)
          continue;
        execute(*clear_modifiers, line.id);
        for (int m = 0; const SelectedModifier& modifier : line.modifiers)
          execute(*add_modifier, line.id, m++, modifier.group_id, modifier.modifier_id,
                  modifier.name, modifier.price);
      }
    }

    {
      auto upsert = impl_->prepared(R"sql(
        INSERT INTO discounts (id, check_id, line_id, position, kind, amount_cents,
          basis_points, reason, approved_by, at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        ON CONFLICT (id) DO UPDATE SET check_id = excluded.check_id,
          line_id = excluded.line_id, position = excluded.position, kind = excluded.kind,
          amount_cents = excluded.amount_cents, basis_points = excluded.basis_points,
          reason = excluded.reason, approved_by = excluded.approved_by, at = excluded.at)sql");
      for (std::size_t i = 0; i < check.discounts.size(); ++i) {
        const Discount& d = check.discounts[i];
        if (!must_write(discounts_before, i, d, everything)) continue;
        execute(*upsert, d.id, check.id, d.line_id, static_cast<int>(i), to_string(d.kind),
                d.amount, d.basis_points, d.reason, d.approved_by, d.at);
      }
    }

    {
      auto upsert = impl_->prepared(R"sql(
        INSERT INTO payments (id, check_id, position, part, tender, amount_cents,
          tendered_cents, change_cents, tip_cents, reference, taken_by, at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
        ON CONFLICT (id) DO UPDATE SET check_id = excluded.check_id,
          position = excluded.position, part = excluded.part, tender = excluded.tender,
          amount_cents = excluded.amount_cents, tendered_cents = excluded.tendered_cents,
          change_cents = excluded.change_cents, tip_cents = excluded.tip_cents,
          reference = excluded.reference, taken_by = excluded.taken_by, at = excluded.at)sql");
      for (std::size_t i = 0; i < check.payments.size(); ++i) {
        const Payment& p = check.payments[i];
        if (!must_write(payments_before, i, p, everything)) continue;
        execute(*upsert, p.id, check.id, static_cast<int>(i), p.part, to_string(p.tender), p.amount,
                p.tendered, p.change, p.tip, p.reference, p.taken_by, p.at);
      }
    }

    if (everything || stored.split.assignments != check.split.assignments) {
      auto clear = impl_->prepared("DELETE FROM split_assignments WHERE check_id = ?1");
      execute(*clear, check.id);
      auto assign = impl_->prepared(R"sql(
        INSERT INTO split_assignments (check_id, line_id, part, position)
        VALUES (?1, ?2, ?3, ?4))sql");
      for (const auto& [line_id, parts] : check.split.assignments)
        for (int position = 0; int part : parts)
          execute(*assign, check.id, line_id, part, position++);
    }
    impl_->seen_checks[check.id] = check;
    impl_->moved_away.erase(check.id);
  } catch (const std::exception& e) {
    impl_->seen_checks.erase(check.id);  // unknown now: read afresh next time
    return storage_error("saving check " + std::to_string(check.number), e);
  }
  return success();
}

// [SECTION] load

namespace {

Check check_row(SQLite::Statement& row) {
  Check check;
  check.id = row.getColumn(0).getInt64();
  check.number = row.getColumn(1).getInt64();
  const std::string channel = row.getColumn(2).getString();
  check.channel = parse_stored(channel_from_string(channel), "channel", channel);
  check.table_id = row.getColumn(3).getString();
  check.tab_name = row.getColumn(4).getString();
  check.customer_name = row.getColumn(5).getString();
  check.customer_phone = row.getColumn(6).getString();
  check.promised_at = row.getColumn(7).getInt64();
  check.guests = row.getColumn(8).getInt();
  check.server_id = row.getColumn(9).getString();
  const std::string status = row.getColumn(10).getString();
  check.status = parse_stored(check_status_from_string(status), "check status", status);
  check.opened_at = row.getColumn(11).getInt64();
  check.closed_at = row.getColumn(12).getInt64();
  check.merged_into = row.getColumn(13).getInt64();  // NULL reads as 0
  const std::string split = row.getColumn(14).getString();
  check.split.kind = parse_stored(split_kind_from_string(split), "split kind", split);
  check.split.parts = row.getColumn(15).getInt();
  return check;
}

Line line_row(SQLite::Statement& row) {
  Line line;
  line.id = row.getColumn(0).getInt64();
  line.item_id = row.getColumn(1).getString();
  line.name = row.getColumn(2).getString();
  line.quantity = row.getColumn(3).getInt();
  line.voided_quantity = row.getColumn(4).getInt();
  line.seat = row.getColumn(5).getInt();
  const std::string course = row.getColumn(6).getString();
  line.course = parse_stored(course_from_string(course), "course", course);
  line.unit_price = Money::cents(row.getColumn(7).getInt64());
  line.tax_class_id = row.getColumn(8).getString();
  line.station_ids = stored_station_list(row.getColumn(9).getString());
  line.note = row.getColumn(10).getString();
  const std::string state = row.getColumn(11).getString();
  line.state = parse_stored(line_state_from_string(state), "line state", state);
  line.void_reason = row.getColumn(12).getString();
  line.voided_by = row.getColumn(13).getString();
  line.ordered_at = row.getColumn(14).getInt64();
  line.sent_at = row.getColumn(15).getInt64();
  line.voided_made = row.getColumn(16).getInt();
  return line;
}

Discount discount_row(SQLite::Statement& row) {
  Discount discount;
  discount.id = row.getColumn(0).getInt64();
  if (!row.getColumn(1).isNull()) discount.line_id = row.getColumn(1).getInt64();
  const std::string kind = row.getColumn(2).getString();
  discount.kind = parse_stored(discount_kind_from_string(kind), "discount kind", kind);
  discount.amount = Money::cents(row.getColumn(3).getInt64());
  discount.basis_points = row.getColumn(4).getInt64();
  discount.reason = row.getColumn(5).getString();
  discount.approved_by = row.getColumn(6).getString();
  discount.at = row.getColumn(7).getInt64();
  return discount;
}

Payment payment_row(SQLite::Statement& row) {
  Payment payment;
  payment.id = row.getColumn(0).getInt64();
  payment.part = row.getColumn(1).getInt();
  const std::string tender = row.getColumn(2).getString();
  payment.tender = parse_stored(tender_from_string(tender), "tender", tender);
  payment.amount = Money::cents(row.getColumn(3).getInt64());
  payment.tendered = Money::cents(row.getColumn(4).getInt64());
  payment.change = Money::cents(row.getColumn(5).getInt64());
  payment.tip = Money::cents(row.getColumn(6).getInt64());
  payment.reference = row.getColumn(7).getString();
  payment.taken_by = row.getColumn(8).getString();
  payment.at = row.getColumn(9).getInt64();
  return payment;
}

// The whole check, or nullopt if there is none with this id. Throws on a database error.
std::optional<Check> read_check(StatementCache& statements, std::int64_t check_id) {
  Check check;
  {
    auto row = statements.lease(R"sql(
      SELECT id, number, channel, table_id, tab_name, customer_name, customer_phone,
        promised_at, guests, server_id, status, opened_at, closed_at, merged_into,
        split_kind, split_parts
      FROM checks WHERE id = ?1)sql");
    bind_values(*row, check_id);
    if (!row->executeStep()) return std::nullopt;
    check = check_row(*row);
  }
  {
    auto rows = statements.lease(R"sql(
      SELECT id, item_id, name, quantity, voided_quantity, seat, course, unit_price_cents,
        tax_class_id, station_ids, note, state, void_reason, voided_by, ordered_at, sent_at,
        voided_made
      FROM lines WHERE check_id = ?1 ORDER BY position)sql");
    bind_values(*rows, check_id);
    while (rows->executeStep()) check.lines.push_back(line_row(*rows));
  }
  {
    auto rows = statements.lease(R"sql(
      SELECT m.line_id, m.group_id, m.modifier_id, m.name, m.price_cents
      FROM line_modifiers AS m JOIN lines AS l ON l.id = m.line_id
      WHERE l.check_id = ?1 ORDER BY m.line_id, m.position)sql");
    bind_values(*rows, check_id);
    while (rows->executeStep()) {
      Line* line = check.find_line(rows->getColumn(0).getInt64());
      if (!line) continue;  // cannot happen: the join keeps this check's lines only
      line->modifiers.push_back(SelectedModifier{
          rows->getColumn(1).getString(), rows->getColumn(2).getString(),
          rows->getColumn(3).getString(), Money::cents(rows->getColumn(4).getInt64())});
    }
  }
  {
    auto rows = statements.lease(R"sql(
      SELECT id, line_id, kind, amount_cents, basis_points, reason, approved_by, at
      FROM discounts WHERE check_id = ?1 ORDER BY position)sql");
    bind_values(*rows, check_id);
    while (rows->executeStep()) check.discounts.push_back(discount_row(*rows));
  }
  {
    auto rows = statements.lease(R"sql(
      SELECT id, part, tender, amount_cents, tendered_cents, change_cents, tip_cents,
        reference, taken_by, at
      FROM payments WHERE check_id = ?1 ORDER BY position)sql");
    bind_values(*rows, check_id);
    while (rows->executeStep()) check.payments.push_back(payment_row(*rows));
  }
  {
    auto rows = statements.lease(R"sql(
      SELECT line_id, part FROM split_assignments WHERE check_id = ?1
      ORDER BY line_id, position)sql");
    bind_values(*rows, check_id);
    while (rows->executeStep())
      check.split.assignments[rows->getColumn(0).getInt64()].push_back(rows->getColumn(1).getInt());
  }
  return check;
}

}  // namespace

Result<Check> Store::load_check(std::int64_t check_id) const {
  try {
    auto check = read_check(impl_->statements, check_id);
    if (!check) return fail(Errc::not_found, "no check with id " + std::to_string(check_id));
    // What the file holds, for save_check to write only what changes.
    if (impl_->in_transaction) impl_->seen_checks[check_id] = *check;
    return *std::move(check);
  } catch (const std::exception& e) {
    return storage_error("loading check id " + std::to_string(check_id), e);
  }
}

std::vector<Check> Store::load_open_checks() const {
  std::vector<std::int64_t> ids;
  {
    auto rows = impl_->prepared("SELECT id FROM checks WHERE status = 'open' ORDER BY id");
    while (rows->executeStep()) ids.push_back(rows->getColumn(0).getInt64());
  }
  std::vector<Check> checks;
  for (std::int64_t id : ids)
    if (auto check = read_check(impl_->statements, id)) checks.push_back(*std::move(check));
  return checks;
}

}  // namespace brigade::store
