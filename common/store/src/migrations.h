// The schema as an ordered list of steps. Step N takes a database at user_version N-1
// to N; each runs in its own transaction that also sets user_version, so a crash
// mid-upgrade leaves the file at the last whole step. Steps are only ever added at the
// end: a shipped step never changes, and no step drops a table that holds orders.
#pragma once

#include <SQLiteCpp/Database.h>

#include <span>

namespace brigade::store {

struct Migration {
  int version;       // user_version after this step
  const char* what;  // for error messages: "checks and their lines, payments, splits"
  const char* sql;
};

// All steps, in order; defined in schema.cpp.
std::span<const Migration> schema_migrations();

int latest_version();
int read_user_version(SQLite::Database& db);

// Applies the pending steps up to `target` (<= latest_version()); throws StorageFailure
// naming the step that failed.
void migrate(SQLite::Database& db, int target);

}  // namespace brigade::store
