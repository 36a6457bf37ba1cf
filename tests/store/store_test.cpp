// Store::open (pragmas, refusals), transactions and ids: common/src/store/store.cpp.
#include <SQLiteCpp/Database.h>

#include <stdexcept>

#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::open_store;
using testing::TempDir;

TEST(StoreOpen, FileStoreRunsWithWalForeignKeysAndFullSync) {
  TempDir dir;
  auto store = open_store(dir.file("store.db"));
  ASSERT_TRUE(store);
  ConnectionSettings settings = store->connection_settings();
  EXPECT_EQ(settings.journal_mode, "wal");
  EXPECT_TRUE(settings.foreign_keys);
  EXPECT_EQ(settings.synchronous, 2);
  EXPECT_EQ(settings.busy_timeout_ms, 5000);
}

TEST(StoreOpen, OptionsChooseNormalSyncAndBusyTimeout) {
  TempDir dir;
  OpenOptions options;
  options.synchronous_full = false;
  options.busy_timeout_ms = 250;
  auto store = open_store(dir.file("store.db"), options);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->connection_settings().synchronous, 1);
  EXPECT_EQ(store->connection_settings().busy_timeout_ms, 250);
}

TEST(StoreOpen, WalIsRecordedInTheFileForEveryLaterConnection) {
  TempDir dir;
  { ASSERT_TRUE(open_store(dir.file("store.db"))); }
  SQLite::Database db(dir.file("store.db").string());
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(StoreOpen, InMemoryStoreIsMigratedWithForeignKeys) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
  EXPECT_TRUE(store->connection_settings().foreign_keys);
  EXPECT_EQ(store->integrity_check(), "ok");
}

TEST(StoreOpen, FolderThatDoesNotExistIsAClearError) {
  TempDir dir;
  auto path = dir.file("no-such-folder") / "store.db";
  auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::storage_error);
  EXPECT_EQ(store.error().message, "can't open the store '" + path.string() + "': folder '" +
                                       dir.file("no-such-folder").string() + "' does not exist");
}

TEST(StoreOpen, FolderInPlaceOfTheFileIsAStorageError) {
  TempDir dir;
  std::filesystem::create_directory(dir.file("store.db"));
  auto store = Store::open(dir.file("store.db"));
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::storage_error);
  EXPECT_EQ(store.error().message, "can't open the store '" + dir.file("store.db").string() +
                                       "': unable to open database file");
}

TEST(StoreOpen, FileThatIsNotADatabaseIsRefused) {
  TempDir dir;
  {
    std::ofstream out(dir.file("menu.txt"));
    out << "Burger 14.50\nSteak 32.00\n" << std::string(4096, 'x');
  }
  auto store = Store::open(dir.file("menu.txt"));
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::storage_error);
  EXPECT_EQ(store.error().message,
            "can't open the store '" + dir.file("menu.txt").string() + "': file is not a database");
}

TEST(StoreOpen, NewerSchemaIsRefusedAndLeftAlone) {
  TempDir dir;
  {
    SQLite::Database db(dir.file("store.db").string(),
                        SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = " + std::to_string(Store::latest_schema_version() + 1));
  }
  auto store = Store::open(dir.file("store.db"));
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::storage_error);
  const std::string newer = std::to_string(Store::latest_schema_version() + 1);
  EXPECT_EQ(store.error().message,
            "database schema version " + newer + " is newer than this program (" +
                std::to_string(Store::latest_schema_version()) + "): upgrade Brigade");
  SQLite::Database db(dir.file("store.db").string());
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), Store::latest_schema_version() + 1);
  EXPECT_FALSE(db.tableExists("checks"));
}

TEST(StoreOpen, MigrateToOutsideKnownVersionsIsRefused) {
  OpenOptions options;
  options.migrate_to = Store::latest_schema_version() + 1;
  auto store = Store::open(":memory:", options);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::invalid_argument);
}

// [SECTION] transactions

TEST(StoreTransaction, CommittedWorkStays) {
  TempDir dir;
  {
    auto store = open_store(dir.file("store.db"));
    commit(*store, [](Store& s) {
      EXPECT_EQ(s.next_id("check"), 1);
      s.append_event("test.done", "{}", 1);
      return success();
    });
  }
  auto store = open_store(dir.file("store.db"));
  EXPECT_EQ(store->last_sequence(), 1);
}

TEST(StoreTransaction, ErrorRollsBackRowsEventsAndCounters) {
  auto store = open_store(":memory:");
  commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  commit(*store, [](Store& s) {
    EXPECT_EQ(s.next_id("check"), 1);
    return success();
  });
  const std::int64_t events_before = store->last_sequence();

  Status status = store->transaction([](Store& s) -> Status {
    Check check = testing::sample_check(s.next_id("check"), s.next_id("line"));
    if (auto saved = s.save_check(check); !saved) return saved;
    s.append_event("check.opened", R"({"check":2})", 10);
    return fail(Errc::balance_due, "the guest walked out");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::balance_due);
  EXPECT_EQ(status.error().message, "the guest walked out");

  EXPECT_FALSE(store->load_check(2).ok());
  EXPECT_TRUE(store->load_open_checks().empty());
  EXPECT_EQ(store->last_sequence(), events_before);
  commit(*store, [](Store& s) {
    EXPECT_EQ(s.next_id("check"), 2) << "a rolled-back id is given back";
    EXPECT_EQ(s.next_id("line"), 1);
    return success();
  });
}

TEST(StoreTransaction, ExceptionRollsBackAndBecomesStorageError) {
  auto store = open_store(":memory:");
  Status status = store->transaction([](Store& s) -> Status {
    s.next_id("check");
    s.append_event("check.opened", "{}", 1);
    throw std::runtime_error("printer on fire");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::storage_error);
  EXPECT_EQ(status.error().message, "the transaction's work: printer on fire");
  EXPECT_EQ(store->last_sequence(), 0);
  commit(*store, [](Store& s) {
    EXPECT_EQ(s.next_id("check"), 1);
    return success();
  });
}

TEST(StoreTransaction, SqliteFailureNamesWhatFailed) {
  auto store = open_store(":memory:");
  Status status = store->transaction([](Store& s) -> Status {
    s.append_event("check.opened", "not json", 1);
    return success();
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, Errc::storage_error);
  EXPECT_EQ(status.error().message,
            "appending event 'check.opened': CHECK constraint failed: json_valid(body)");
}

TEST(StoreTransaction, IsNotReentrant) {
  auto store = open_store(":memory:");
  Status inner = success();
  commit(*store, [&](Store& s) {
    inner = s.transaction([](Store&) { return success(); });
    return success();
  });
  ASSERT_FALSE(inner);
  EXPECT_EQ(inner.error().code, Errc::invalid_argument);
}

TEST(StoreTransaction, SecondWriterWaitsThenGetsBusyError) {
  TempDir dir;
  OpenOptions quick;
  quick.busy_timeout_ms = 50;
  auto hub = open_store(dir.file("store.db"), quick);
  auto intruder = open_store(dir.file("store.db"), quick);
  commit(*hub, [&](Store&) {
    Status status = intruder->transaction([](Store&) { return success(); });
    EXPECT_FALSE(status);
    EXPECT_EQ(status.error().code, Errc::storage_error);
    EXPECT_EQ(status.error().message, "starting a transaction: database is locked");
    return success();
  });
}

// [SECTION] ids

TEST(StoreIds, CountersStartAtOneAndAreIndependent) {
  auto store = open_store(":memory:");
  commit(*store, [](Store& s) {
    EXPECT_EQ(s.next_id("check"), 1);
    EXPECT_EQ(s.next_id("check"), 2);
    EXPECT_EQ(s.next_id("line"), 1);
    EXPECT_EQ(s.next_id("check_number"), 1);
    EXPECT_EQ(s.next_id("check"), 3);
    return success();
  });
}

TEST(StoreIds, OutsideATransactionIsAProgrammingError) {
  auto store = open_store(":memory:");
  EXPECT_THROW(store->next_id("check"), std::logic_error);
  EXPECT_THROW(store->append_event("x", "{}", 1), std::logic_error);
}

// The hub holds its store's lock for as long as it runs: a second hub on the same file
// (or anything else) cannot write it behind its back.
TEST(StoreOpen, AnExclusiveStoreKeepsEveryOtherConnectionOut) {
  TempDir dir;
  OpenOptions exclusive;
  exclusive.exclusive = true;
  auto hub = open_store(dir.file("store.db"), exclusive);
  commit(*hub, [](Store& s) {
    s.append_event("first", "{}", 1);
    return success();
  });
  OpenOptions impatient;
  impatient.busy_timeout_ms = 50;
  impatient.pin_key = testing::kTestPinKey;
  auto second = Store::open(dir.file("store.db"), impatient);
  if (second) {
    // Opened (nothing to migrate): it still cannot write.
    Status write = second.value()->transaction([](Store& s) {
      s.append_event("second", "{}", 2);
      return success();
    });
    ASSERT_FALSE(write);
    EXPECT_NE(write.error().message.find("locked"), std::string::npos) << write.error().message;
  } else {
    EXPECT_NE(second.error().message.find("locked"), std::string::npos) << second.error().message;
  }
  // The hub itself goes on, and what it wrote is there when it is gone.
  commit(*hub, [](Store& s) {
    s.append_event("third", "{}", 3);
    return success();
  });
  hub.reset();
  EXPECT_EQ(open_store(dir.file("store.db"))->last_sequence(), 2);
}

// Group commit (Store::batch): each transaction inside is a savepoint, kept or undone
// alone; the batch reaches the file in one commit, or not at all.
TEST(StoreBatch, ARefusedCommandInABatchIsUndoneAloneAndTheRestIsKept) {
  TempDir dir;
  auto store = open_store(dir.file("store.db"));
  std::vector<std::int64_t> ids;
  Status batch = store->batch([&](Store& s) -> Status {
    EXPECT_TRUE(s.transaction([&](Store& t) -> Status {
      ids.push_back(t.next_id("check"));
      t.append_event("first", "{}", 1);
      return success();
    }));
    EXPECT_FALSE(s.transaction([&](Store& t) -> Status {
      ids.push_back(t.next_id("check"));
      t.append_event("refused", "{}", 2);
      return fail(Errc::invalid_argument, "refused");
    }));
    EXPECT_TRUE(s.transaction([&](Store& t) -> Status {
      ids.push_back(t.next_id("check"));
      t.append_event("third", "{}", 3);
      return success();
    }));
    return success();
  });
  ASSERT_TRUE(batch) << batch.error().message;
  // The refused one gave its id and its event number back.
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2, 2}));
  auto events = store->events_since(0, 10);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "first");
  EXPECT_EQ(events[1].type, "third");
  EXPECT_EQ(events[1].sequence, 2);
  // And all of it is in the file, for another connection.
  store.reset();
  auto again = open_store(dir.file("store.db"));
  EXPECT_EQ(again->last_sequence(), 2);
}

TEST(StoreBatch, ABatchThatFailsKeepsNothingOfAnyOfItsCommands) {
  TempDir dir;
  auto store = open_store(dir.file("store.db"));
  Status batch = store->batch([&](Store& s) -> Status {
    EXPECT_TRUE(s.transaction([&](Store& t) -> Status {
      t.append_event("done", "{}", 1);
      return success();
    }));
    throw std::runtime_error("the disk is gone");
  });
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().code, Errc::storage_error);
  EXPECT_EQ(store->last_sequence(), 0);
  // The store goes on: a batch after it, and a plain transaction.
  EXPECT_TRUE(store->batch([](Store& s) {
    return s.transaction([](Store& t) -> Status {
      t.append_event("next", "{}", 2);
      return success();
    });
  }));
  EXPECT_EQ(store->last_sequence(), 1);
  EXPECT_FALSE(store->batch([](Store& s) { return s.batch([](Store&) { return success(); }); }));
}

}  // namespace
}  // namespace brigade::store
