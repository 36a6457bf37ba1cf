// Opening the store (pragmas, migrations), transactions and ids.
#include "brigade/store/store.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <chrono>
#include <system_error>

#include "brigade/security/secrets.h"
#include "migrations.h"
#include "pin_hash.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

bool is_memory(const std::filesystem::path& path) {
  return path == ":memory:";
}

// Pragmas are per connection and most of them can't change inside a transaction, so
// they are set right after opening, before any migration.
void configure(SQLite::Database& db, const std::filesystem::path& path,
               const OpenOptions& options) {
  db.exec("PRAGMA foreign_keys = ON");
  // Before the first read: the lock is then taken once and kept, with no shared-memory
  // index beside the WAL (another process can't open the file meanwhile).
  if (options.exclusive) db.exec("PRAGMA locking_mode = EXCLUSIVE");
  // The first statement that reads the file: a file that is not a database fails here.
  std::string journal = db.execAndGet("PRAGMA journal_mode = WAL").getString();
  // An in-memory store has no file to keep a write-ahead log next to.
  if (!is_memory(path) && journal != "wal")
    throw StorageFailure("could not switch to write-ahead logging (journal mode is " + journal +
                         ")");
  db.exec(options.synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
}

// A key file made for another store (or made anew because the right one was lost) would
// turn every PIN into a wrong one: refuse to open instead.
Status check_pin_key(SQLite::Database& db, const std::string& file_key) {
  if (file_key.empty() || read_user_version(db) < 5) return success();
  SQLite::Statement row(db, "SELECT pin_key_check FROM settings");
  if (!row.executeStep() || row.getColumn(0).isNull()) return success();  // not seeded yet
  if (security::same_secret(row.getColumn(0).getString(), pin_key_check(file_key)))
    return success();
  return fail(Errc::storage_error,
              "the PIN key file does not belong to this store: put back the pin.key that "
              "was backed up with it");
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::latest_schema_version() {
  return latest_version();
}

int Store::schema_version() const {
  return read_user_version(impl_->db);
}

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& path,
                                           const OpenOptions& options) {
  const int latest = latest_version();
  const int target = options.migrate_to.value_or(latest);
  if (target < 0 || target > latest)
    return fail(Errc::invalid_argument, "can't migrate to schema version " +
                                            std::to_string(target) + ": this program knows 0 to " +
                                            std::to_string(latest));
  const std::string where = "can't open the store '" + path.string() + "'";
  if (!options.pin_key.empty() && !is_pin_key(options.pin_key))
    return fail(Errc::invalid_argument, where + ": the PIN key is not 64 hex digits");
  if (!is_memory(path) && path.has_parent_path()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path.parent_path(), ec))
      return fail(Errc::storage_error,
                  where + ": folder '" + path.parent_path().string() + "' does not exist");
  }
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                        options.busy_timeout_ms);
    configure(db, path, options);
    const int version = read_user_version(db);
    if (version > latest)
      return fail(Errc::storage_error, "database schema version " + std::to_string(version) +
                                           " is newer than this program (" +
                                           std::to_string(latest) + "): upgrade Brigade");
    {
      PinFileLayer layer(db, options.pin_key);  // for the v5 step
      migrate(db, target);
    }
    if (auto s = check_pin_key(db, options.pin_key); !s)
      return fail(s.error().code, where + ": " + s.error().message);
    auto impl = std::make_unique<Impl>(std::move(db), options.pin_key);
    impl->full_saves = options.full_saves;
    return std::unique_ptr<Store>(new Store(std::move(impl)));
  } catch (const std::exception& e) {
    return storage_error(where, e);
  }
}

ConnectionSettings Store::connection_settings() const {
  SQLite::Database& db = impl_->db;
  return ConnectionSettings{db.execAndGet("PRAGMA journal_mode").getString(),
                            db.execAndGet("PRAGMA foreign_keys").getInt() != 0,
                            db.execAndGet("PRAGMA synchronous").getInt(),
                            db.execAndGet("PRAGMA busy_timeout").getInt()};
}

// [SECTION] transactions

// While a transaction's work runs. Cleared however the work ends, so that a failed
// transaction leaves a usable store, and what it remembered of checks goes with it.
struct Store::Running {
  Impl& impl;
  explicit Running(Impl& i) : impl(i) {
    impl.in_transaction = true;
    impl.seen_checks.clear();
    impl.moved_away.clear();
  }
  ~Running() {
    impl.in_transaction = false;
    impl.seen_checks.clear();
    impl.moved_away.clear();
  }
};

// Runs `body` in one BEGIN IMMEDIATE transaction, committed if it succeeds; `what` names it
// in errors ("transaction", "batch").
Status Store::committed(const std::string& what, const std::function<Status()>& body) {
  std::string stage = "starting a " + what;
  try {
    // IMMEDIATE takes the write lock now: a busy database fails here, before any work,
    // rather than halfway through it.
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    stage = "the " + what + "'s work";
    Status status = body();
    if (!status) return status;  // the Transaction's destructor rolls back
    stage = "committing the " + what;
    transaction.commit();
    return success();
  } catch (const StorageFailure& e) {
    return fail(Errc::storage_error, e.what());
  } catch (const std::exception& e) {
    return storage_error(stage, e);
  } catch (...) {
    return fail(Errc::storage_error, stage + ": an unknown exception");
  }
}

Status Store::transaction(const Work& work) {
  if (impl_->in_transaction)
    return fail(Errc::invalid_argument,
                "a transaction is already running: Store::transaction is not reentrant");
  if (impl_->in_batch) return savepoint(work);
  return committed("transaction", [&] {
    Running running(*impl_);
    return work(*this);
  });
}

// One command's transaction inside a batch: kept or undone alone.
Status Store::savepoint(const Work& work) {
  std::string stage = "starting a savepoint";
  bool open = false;
  try {
    impl_->db.exec("SAVEPOINT command");
    open = true;
    Running running(*impl_);
    stage = "the transaction's work";
    Status status = work(*this);
    if (status) {
      stage = "releasing the savepoint";
      impl_->db.exec("RELEASE command");
      return status;
    }
    impl_->db.exec("ROLLBACK TO command");
    impl_->db.exec("RELEASE command");
    return status;
  } catch (const std::exception& e) {
    if (open) {
      try {
        impl_->db.exec("ROLLBACK TO command");
        impl_->db.exec("RELEASE command");
      } catch (const std::exception&) {
        // The batch's own rollback undoes it all.
      }
    }
    if (const auto* failure = dynamic_cast<const StorageFailure*>(&e))
      return fail(Errc::storage_error, failure->what());
    return storage_error(stage, e);
  }
}

Status Store::batch(const Work& work) {
  if (impl_->in_transaction || impl_->in_batch)
    return fail(Errc::invalid_argument, "Store::batch runs alone, not inside a transaction");
  return committed("batch", [&] {
    struct Batching {
      bool& flag;
      explicit Batching(bool& f) : flag(f) { flag = true; }
      ~Batching() { flag = false; }
    } batching(impl_->in_batch);
    return work(*this);
  });
}

// [SECTION] ids

std::int64_t Store::next_id(std::string_view counter) {
  if (!impl_->in_transaction)
    throw std::logic_error("Store::next_id must run inside Store::transaction");
  try {
    // One statement: creates the counter at 1 or takes its next value.
    auto take = impl_->prepared(R"sql(
      INSERT INTO counters (name, next_value) VALUES (?1, 2)
      ON CONFLICT (name) DO UPDATE SET next_value = next_value + 1
      RETURNING next_value - 1)sql");
    take->bind(1, std::string(counter));
    take->executeStep();
    return take->getColumn(0).getInt64();
  } catch (const SQLite::Exception& e) {
    throw storage_failure("taking the next " + std::string(counter) + " id", e);
  }
}

// [SECTION] health

std::string Store::integrity_check() const {
  SQLite::Statement check(impl_->db, "PRAGMA integrity_check");
  std::string report;
  while (check.executeStep()) {
    if (!report.empty()) report += '\n';
    report += check.getColumn(0).getString();
  }
  return report;
}

}  // namespace brigade::store
