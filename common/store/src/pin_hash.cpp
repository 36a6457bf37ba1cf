// Why a keyed fast hash (BLAKE2b with a per-store key) and not a salted slow hash:
// - Login is "type a PIN", with no user name. A per-row salt would mean hashing the PIN
//   once per staff row on every login; a keyed hash is one hash and one indexed lookup.
// - A 4-6 digit PIN has at most a million values: no hash, however slow, stops an
//   offline search of that space, so a slow hash would buy little and cost every login.
// - The key lives in the settings row, not with the staff rows: a copied staff table on
//   its own is not a list of PINs.
#include "pin_hash.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

#include "store_impl.h"

namespace brigade::store {

namespace {

void ensure_sodium() {
  // sodium_init is thread-safe and idempotent; the static runs it once.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw StorageFailure("libsodium could not start (no source of randomness?)");
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();  // the terminating NUL
  return hex;
}

}  // namespace

std::string make_pin_key() {
  ensure_sodium();
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  randombytes_buf(key.data(), key.size());
  std::string hex = to_hex(key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return hex;
}

std::string hash_pin(std::string_view key_hex, std::string_view pin) {
  ensure_sodium();
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  std::size_t key_size = 0;
  if (sodium_hex2bin(key.data(), key.size(), key_hex.data(), key_hex.size(), nullptr, &key_size,
                     nullptr) != 0 ||
      key_size != key.size())
    throw StorageFailure("the store's PIN key is damaged");
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(pin.data()),
                     pin.size(), key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return to_hex(hash.data(), hash.size());
}

}  // namespace brigade::store
