// What the Store's parts share: the connection, the statement cache, and the small
// helpers that turn SQLite's exceptions into messages that name what failed.
#pragma once

#include <SQLiteCpp/Database.h>

#include <concepts>
#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "brigade/store/store.h"
#include "statement_cache.h"

namespace brigade::store {

// A failure inside the store, worded for a person: "saving check 12: CHECK constraint
// failed: quantity > 0". transaction() turns it into Errc::storage_error.
class StorageFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Store::Impl {
  Impl(SQLite::Database database, std::string file_pin_key)
      : db(std::move(database)), statements(db), pin_key(std::move(file_pin_key)) {}

  // Declared first so that it is destroyed last, after the statements prepared on it.
  SQLite::Database db;
  StatementCache statements;
  bool in_transaction = false;
  bool in_batch = false;  // Store::batch is running: transaction() makes savepoints
  std::string pin_key;    // the key file's; empty: PINs can't be checked
  // Checks as the running transaction read or wrote them: what the file holds, so that
  // save_check writes only the rows that change. Emptied when a transaction starts and
  // ends, so a rollback leaves nothing behind.
  std::unordered_map<std::int64_t, Check> seen_checks;
  bool full_saves = false;  // OpenOptions::full_saves: write every row (a test's reference)

  // Lines written onto another check since their check was seen: the file no longer holds
  // them where seen_checks says, so a save that keeps them must write them.
  std::unordered_map<std::int64_t, std::set<std::int64_t>> moved_away;
  void line_moved(std::int64_t line_id, std::int64_t to) {
    for (const auto& [id, seen] : seen_checks)
      if (id != to && seen.find_line(line_id) != nullptr) moved_away[id].insert(line_id);
  }

  // The key file's key, or a failure that says how to get one.
  Result<std::string> file_pin_key(std::string_view doing) const {
    if (!pin_key.empty()) return pin_key;
    return fail(Errc::storage_error, "can't " + std::string(doing) +
                                         ": the store was opened without its PIN key file "
                                         "(pin.key in the hub's keys folder)");
  }

  StatementLease prepared(std::string_view sql) { return statements.lease(sql); }
};

// The whole menu, upserted (menu_rows.cpp): seeding and the hub's edits.
// `version`: the file's schema version (a seed of an older file leaves out what it lacks).
void write_menu_rows(SQLite::Database& db, const Menu& menu, int version);
// A recipe as its JSON column holds it: [{"ingredient": id, "quantity": n}, ...].
std::string recipe_column(const Recipe& recipe);
Recipe stored_recipe(const std::string& text);

// "what: SQLite's message".
inline StorageFailure storage_failure(std::string_view what, const std::exception& cause) {
  return StorageFailure(std::string(what) + ": " + cause.what());
}
inline Error storage_error(std::string_view what, const std::exception& cause) {
  return fail(Errc::storage_error, std::string(what) + ": " + cause.what());
}

// Writes that must be part of a caller's transaction say so instead of committing alone.
inline Status require_transaction(bool in_transaction, std::string_view what) {
  if (in_transaction) return success();
  return fail(Errc::invalid_argument, std::string(what) + " must run inside Store::transaction");
}

// A stored enum text read back; unknown text means the file was edited or is damaged.
template <class E>
E parse_stored(std::optional<E> parsed, std::string_view column, std::string_view text) {
  if (!parsed)
    throw StorageFailure("the database holds an unknown " + std::string(column) + " '" +
                         std::string(text) + "'");
  return *parsed;
}

// Binding: bind_values(statement, a, b, c) binds ?1, ?2, ?3 in the store's types.

namespace binding {
inline void bind_one(SQLite::Statement& s, int i, int v) {
  s.bind(i, v);
}
inline void bind_one(SQLite::Statement& s, int i, std::int64_t v) {
  s.bind(i, v);
}
inline void bind_one(SQLite::Statement& s, int i, std::string_view v) {
  s.bind(i, std::string(v));
}
inline void bind_one(SQLite::Statement& s, int i, const char* v) {
  s.bind(i, v);
}
inline void bind_one(SQLite::Statement& s, int i, Money v) {
  s.bind(i, v.in_cents());
}
// Only a real bool: a pointer or number must not quietly become 0 or 1.
template <std::same_as<bool> B>
void bind_one(SQLite::Statement& s, int i, B v) {
  s.bind(i, v ? 1 : 0);
}
template <class T>
void bind_one(SQLite::Statement& s, int i, const std::optional<T>& v) {
  if (v)
    bind_one(s, i, *v);
  else
    s.bind(i);  // NULL
}
}  // namespace binding

template <class... Values>
void bind_values(SQLite::Statement& statement, const Values&... values) {
  int index = 0;
  (binding::bind_one(statement, ++index, values), ...);
}

// Binds and runs a statement that returns no rows, ready to run again.
template <class... Values>
void execute(SQLite::Statement& statement, const Values&... values) {
  statement.reset();
  bind_values(statement, values...);
  statement.exec();
}

}  // namespace brigade::store
