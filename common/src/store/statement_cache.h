// Prepared statements kept for the life of the connection: the hot paths (save a check,
// append an event, take a check number) prepare their SQL once and then only bind,
// step and reset.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
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

  // sql must outlive the cache (a string literal): it is the key. A statement is lent to
  // one user at a time; don't hold two leases of the same SQL at once.
  StatementLease lease(std::string_view sql);

 private:
  SQLite::Database& db_;
  std::unordered_map<std::string_view, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace brigade::store
