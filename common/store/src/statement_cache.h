// Prepared statements kept for the life of the connection: the hot paths (save a check,
// append an event, take a check number) prepare their SQL once and then only bind,
// step and reset.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace brigade::store {

// A cached statement lent out for one use; resetting it on the way out (even when an
// exception passes) ends its read so that no half-stepped SELECT pins an old snapshot.
class StatementLease {
 public:
  explicit StatementLease(SQLite::Statement& statement) : statement_(statement) {}
  ~StatementLease() { statement_.tryReset(); }
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;

  SQLite::Statement* operator->() { return &statement_; }
  SQLite::Statement& operator*() { return statement_; }

 private:
  SQLite::Statement& statement_;
};

class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // The cache keeps its own copy of the SQL as the key, so SQL built at run time is fine.
  // A statement is lent to one user at a time; don't hold two leases of the same SQL.
  StatementLease lease(std::string_view sql);

 private:
  // Looks up by string_view without making a std::string each time.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  SQLite::Database& db_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, Hash, std::equal_to<>>
      statements_;
};

}  // namespace brigade::store
