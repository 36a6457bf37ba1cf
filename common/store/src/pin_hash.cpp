// Why a keyed fast hash (BLAKE2b) and not a salted slow hash:
// - Login is "type a PIN", with no user name. A per-row salt would mean hashing the PIN
//   once per staff row on every login; a keyed hash is one hash and one indexed lookup.
// - A 4-6 digit PIN has at most a million values: no hash, however slow, stops an
//   offline search of that space by someone who has every key, so a slow hash would buy
//   little and cost every login.
// Why two keys: the inner one (settings.pin_key) is in the file, and stores made before
// schema v5 hashed with it alone; nobody knows their PINs, so they cannot be rehashed, only
// wrapped. The outer one lives in the key file beside the store (pin.key, backed up
// apart): a copy of the database alone cannot test a single PIN.
#include "pin_hash.h"

#include <sqlite3.h>

#include <stdexcept>

#include "brigade/security/key_file.h"
#include "brigade/security/secrets.h"
#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

namespace {

constexpr const char* kLayerFunction = "brigade_pin_file_layer";
constexpr std::string_view kKeyCheckText = "brigade pin.key check";

std::string keyed(std::string_view key_hex, std::string_view text) {
  try {
    return security::keyed_hash(key_hex, text);
  } catch (const std::invalid_argument&) {
    throw StorageFailure("a PIN key is damaged (it must be 64 hex digits)");
  }
}

void file_layer(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* key = static_cast<const std::string*>(sqlite3_user_data(context));
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) return sqlite3_result_null(context);
  if (key->empty())
    return sqlite3_result_error(context,
                                "this store's PINs need the PIN key file (pin.key) to be "
                                "upgraded: open it with its key",
                                -1);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  const auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
  try {
    const std::string hash = security::keyed_hash(*key, std::string_view(text, size));
    sqlite3_result_text(context, hash.c_str(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

}  // namespace

std::string make_pin_key() {
  return security::random_hex(32);
}

bool is_pin_key(std::string_view key_hex) {
  return key_hex.size() == 64 &&
         key_hex.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos;
}

std::string hash_pin(std::string_view store_key_hex, std::string_view file_key_hex,
                     std::string_view pin) {
  return keyed(file_key_hex, keyed(store_key_hex, pin));
}

std::string inner_pin_hash(std::string_view store_key_hex, std::string_view pin) {
  return keyed(store_key_hex, pin);
}

std::string pin_key_check(std::string_view file_key_hex) {
  return keyed(file_key_hex, kKeyCheckText);
}

PinFileLayer::PinFileLayer(SQLite::Database& db, const std::string& file_key_hex)
    : db_(db), key_(file_key_hex) {
  int rc = sqlite3_create_function_v2(
      db_.getHandle(), kLayerFunction, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
      const_cast<std::string*>(&key_), file_layer, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) throw StorageFailure("cannot prepare the PIN key layer");
}

PinFileLayer::~PinFileLayer() {
  // Forgotten after the migrations: nothing else may hash with the key through SQL.
  sqlite3_create_function_v2(db_.getHandle(), kLayerFunction, 1, SQLITE_UTF8, nullptr, nullptr,
                             nullptr, nullptr, nullptr);
}

std::filesystem::path pin_key_path(const std::filesystem::path& keys_folder) {
  return keys_folder / "pin.key";
}

Result<std::string> load_or_create_pin_key(const std::filesystem::path& file) {
  auto key = security::load_or_create_secret_file(file, make_pin_key);
  if (!key) return key.error();
  std::string text = std::move(key).value();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (!is_pin_key(text))
    return fail(Errc::invalid_argument, "the PIN key file " + file.string() +
                                            " does not hold a key (64 hex digits): put back "
                                            "the one from the backup");
  return text;
}

}  // namespace brigade::store
