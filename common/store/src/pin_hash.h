// Staff PINs are stored as a keyed hash, never as the PIN.
#pragma once

#include <string>
#include <string_view>

namespace brigade::store {

// A fresh random key for a new store, as hex. Made once, at seed time.
std::string make_pin_key();

// Hex of the keyed hash of pin under key_hex (from make_pin_key). Throws StorageFailure
// if the key is not a key this store made.
std::string hash_pin(std::string_view key_hex, std::string_view pin);

}  // namespace brigade::store
