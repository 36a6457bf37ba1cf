// The PIN key file (issue 9): PIN hashes are keyed by a key kept beside the store, not in
// it, so that a copy of the database alone recovers no PIN; the key file is made once,
// owner-only; a store opened without it, or with another store's, checks no PIN; the v5
// step wraps the hashes of older stores and drops clear-text session tokens.
#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <set>

#include "brigade/security/secrets.h"
#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::open_store;
using testing::owner_of;
using testing::TempDir;

std::string four_digits(int n) {
  std::string pin = std::to_string(n);
  return std::string(4 - pin.size(), '0') + pin;
}

// What someone with only the database file can try: every 4-digit PIN under the key that
// is in the file, against every stored hash.
std::set<std::string> pins_found_from_the_file_alone(const std::filesystem::path& db_file) {
  SQLite::Database db(db_file.string());
  const std::string key = db.execAndGet("SELECT pin_key FROM settings").getString();
  std::set<std::string> hashes;
  SQLite::Statement rows(db, "SELECT pin_hash FROM staff WHERE pin_hash IS NOT NULL");
  while (rows.executeStep()) hashes.insert(rows.getColumn(0).getString());
  std::set<std::string> found;
  for (int n = 0; n < 10'000; ++n) {
    const std::string pin = four_digits(n);
    if (hashes.count(security::keyed_hash(key, pin))) found.insert(pin);
  }
  return found;
}

// Regression (issue 9): the keyed hash was keyed by a key in the same file, so a copy of
// the file gave every PIN away in under a second.
TEST(PinKeyFile, ACopyOfTheDatabaseWithoutTheKeyFileRecoversNoPin) {
  TempDir dir;
  {
    auto store = open_store(dir.file("store.db"));
    commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  }
  std::filesystem::copy_file(dir.file("store.db"), dir.file("copy.db"));
  EXPECT_EQ(pins_found_from_the_file_alone(dir.file("copy.db")), std::set<std::string>{});

  // Opened without its key file, the copy checks no PIN at all.
  auto copy = Store::open(dir.file("copy.db"));
  ASSERT_TRUE(copy.ok()) << copy.error().message;
  auto found = (*copy)->staff_by_pin("1234");
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code, Errc::storage_error);
  EXPECT_EQ(found.error().message,
            "can't check a PIN: the store was opened without its PIN key file (pin.key in the "
            "hub's keys folder)");
  EXPECT_FALSE((*copy)->set_pin("ana", "4321"));

  // With the key, the same file works.
  auto keyed = open_store(dir.file("copy.db"));
  ASSERT_TRUE(keyed);
  ASSERT_TRUE(owner_of(*keyed, "1234"));
  EXPECT_EQ(owner_of(*keyed, "1234")->id, "ana");
}

TEST(PinKeyFile, AnotherStoresKeyFileIsRefusedAtOpen) {
  TempDir dir;
  {
    auto store = open_store(dir.file("store.db"));
    commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  }
  OpenOptions options;
  options.pin_key = std::string(64, 'a');
  auto store = Store::open(dir.file("store.db"), options);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::storage_error);
  EXPECT_EQ(store.error().message,
            "can't open the store '" + dir.file("store.db").string() +
                "': the PIN key file does not belong to this store: put back the pin.key that "
                "was backed up with it");
}

TEST(PinKeyFile, AKeyThatIsNotAKeyIsRefused) {
  OpenOptions options;
  options.pin_key = "1234";
  auto store = Store::open(":memory:", options);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, Errc::invalid_argument);
  EXPECT_EQ(store.error().message,
            "can't open the store ':memory:': the PIN key is not 64 hex digits");
}

TEST(PinKeyFile, TheKeyFileIsMadeOnceOwnerOnly) {
  TempDir dir;
  const auto file = pin_key_path(dir.file("brigade.db.keys"));
  EXPECT_EQ(file, dir.file("brigade.db.keys") / "pin.key");
  auto made = load_or_create_pin_key(file);
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made.value().size(), 64u);
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto again = load_or_create_pin_key(file);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value(), made.value()) << "a key once made is kept";

  ::chmod(file.c_str(), 0644);
  auto shared = load_or_create_pin_key(file);
  ASSERT_FALSE(shared);
  EXPECT_EQ(shared.error().code, Errc::forbidden);
}

TEST(PinKeyFile, AStoreWithoutItsKeyCannotBeSeeded) {
  auto store = Store::open(":memory:");
  ASSERT_TRUE(store.ok());
  Status seeded =
      (*store)->transaction([](Store& s) { return s.seed(testing::sample_restaurant()); });
  ASSERT_FALSE(seeded);
  EXPECT_EQ(seeded.error().message,
            "can't seed the store: the store was opened without its PIN key file (pin.key in "
            "the hub's keys folder)");
}

// [SECTION] 6-digit PINs

TEST(PinDigits, SixDigitStoresRefuseShorterPins) {
  Restaurant six = testing::sample_restaurant();
  six.pin_digits = 6;
  auto store = open_store(":memory:");
  Status refused = store->transaction([&](Store& s) { return s.seed(six); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "staff 'ana' needs a PIN of 6 digits");

  six.staff = {{{"ana", "Ana", Role::server, true}, "123456"},
               {{"cleo", "Cleo", Role::manager, true}, "246802"}};
  commit(*store, [&](Store& s) { return s.seed(six); });
  EXPECT_EQ(store->pin_digits(), 6);
  ASSERT_TRUE(owner_of(*store, "123456"));
  EXPECT_FALSE(owner_of(*store, "1234")) << "a short PIN is a wrong PIN";
  EXPECT_EQ(store->set_pin("ana", "4321").error().message, "a PIN is 6 digits");
  EXPECT_TRUE(store->set_pin("ana", "432100").ok());
}

TEST(PinDigits, FourIsTheDefault) {
  auto store = open_store(":memory:");
  commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  EXPECT_EQ(store->pin_digits(), 4);
}

// [SECTION] the v5 step

// A v4 store as it was: PIN hashes keyed by the key in the file, a session token in
// clear, a login reply holding it.
void make_v4_store(const std::filesystem::path& path) {
  OpenOptions options;
  options.migrate_to = 4;
  auto store = open_store(path, options);
  commit(*store, [](Store& s) { return s.seed(testing::sample_restaurant()); });
  store.reset();
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec("INSERT INTO sessions VALUES ('0123456789abcdef0123456789abcdef', 'ana', 'pos-1', 5, 0)");
  db.exec(R"(INSERT INTO command_replies VALUES ('pos-1-1', 'h',
    '{"id":"pos-1-1","ok":true,"result":{"session":"0123456789abcdef0123456789abcdef"}}', 5))");
  db.exec(R"(INSERT INTO command_replies VALUES ('pos-1-2', 'h',
    '{"id":"pos-1-2","ok":true,"result":{"check":{"id":1}}}', 6))");
}

TEST(PinKeyMigration, OldHashesAreWrappedAndClearTokensGo) {
  TempDir dir;
  const auto path = dir.file("store.db");
  make_v4_store(path);
  EXPECT_EQ(pins_found_from_the_file_alone(path).count("1234"), 1u) << "what v4 gave away";

  auto store = open_store(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->schema_version(), Store::latest_schema_version());
  ASSERT_TRUE(owner_of(*store, "1234"));
  EXPECT_EQ(owner_of(*store, "1234")->id, "ana");
  EXPECT_EQ(store->pin_digits(), 4);
  EXPECT_FALSE(store->find_session("0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(store->find_reply("pos-1-1")) << "a login reply held a token";
  // v6 keeps the other replies as they were, whole until they expire.
  auto kept = store->find_reply("pos-1-2");
  ASSERT_TRUE(kept);
  EXPECT_FALSE(kept->expired);
  EXPECT_EQ(kept->reply, R"({"id":"pos-1-2","ok":true,"result":{"check":{"id":1}}})");
  EXPECT_EQ(kept->at, 6);
  store.reset();
  EXPECT_EQ(pins_found_from_the_file_alone(path), std::set<std::string>{});
  SQLite::Database db(path.string());
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sessions").getInt(), 0);
}

TEST(PinKeyMigration, ASeededStoreIsNotUpgradedWithoutItsKey) {
  TempDir dir;
  const auto path = dir.file("store.db");
  make_v4_store(path);
  auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().message,
            "can't open the store '" + path.string() +
                "': upgrading the database to version 5 (PINs keyed by the key file, hashed "
                "session tokens): this store's PINs need the PIN key file (pin.key) to be "
                "upgraded: open it with its key");
  SQLite::Database db(path.string());
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 4) << "left whole at v4";
}

}  // namespace
}  // namespace brigade::store
