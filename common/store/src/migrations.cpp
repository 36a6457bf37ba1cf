#include "migrations.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>

#include "store_impl.h"

namespace brigade::store {

int latest_version() {
  return schema_migrations().back().version;
}

int read_user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db, int target) {
  for (const Migration& step : schema_migrations()) {
    if (step.version > target) break;
    try {
      SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
      // Read inside the write lock: another process may have upgraded the file meanwhile.
      if (read_user_version(db) >= step.version) continue;
      db.exec(step.sql);
      // PRAGMA takes no bound parameters; the number comes from our own table.
      db.exec("PRAGMA user_version = " + std::to_string(step.version));
      transaction.commit();
    } catch (const SQLite::Exception& e) {
      throw storage_failure("upgrading the database to version " + std::to_string(step.version) +
                                " (" + step.what + ")",
                            e);
    }
  }
}

}  // namespace brigade::store
