// Staff PINs are stored as a keyed hash in two layers, never as the PIN.
#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>

namespace brigade::store {

// A fresh random key, as hex: the store's own (settings.pin_key, made at seed time) or the
// key file's (pin.key, made by the hub at first start).
std::string make_pin_key();

// True for 64 hex digits: the shape of both keys.
bool is_pin_key(std::string_view key_hex);

// What the store keeps for a PIN: keyed_hash(file_key, keyed_hash(store_key, pin)). Throws
// StorageFailure if a key is not a key.
std::string hash_pin(std::string_view store_key_hex, std::string_view file_key_hex,
                     std::string_view pin);

// The inner layer alone: what stores before schema v5 kept.
std::string inner_pin_hash(std::string_view store_key_hex, std::string_view pin);

// What settings.pin_key_check holds for a key file: tells the right key file from another.
std::string pin_key_check(std::string_view file_key_hex);

// While alive, the connection knows the SQL function brigade_pin_file_layer(text), the
// outer layer under file_key_hex, that the v5 migration applies to the stored hashes.
// Without a key (empty) the function fails, naming the missing key file.
class PinFileLayer {
 public:
  PinFileLayer(SQLite::Database& db, const std::string& file_key_hex);
  ~PinFileLayer();
  PinFileLayer(const PinFileLayer&) = delete;
  PinFileLayer& operator=(const PinFileLayer&) = delete;

 private:
  SQLite::Database& db_;
  const std::string& key_;
};

}  // namespace brigade::store
