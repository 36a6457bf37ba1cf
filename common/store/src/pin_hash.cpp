// Why a keyed fast hash (BLAKE2b with a per-store key) and not a salted slow hash:
// - Login is "type a PIN", with no user name. A per-row salt would mean hashing the PIN
//   once per staff row on every login; a keyed hash is one hash and one indexed lookup.
// - A 4-6 digit PIN has at most a million values: no hash, however slow, stops an
//   offline search of that space, so a slow hash would buy little and cost every login.
// - The key lives in the settings row, not with the staff rows: a copied staff table on
//   its own is not a list of PINs.
#include "pin_hash.h"

#include <stdexcept>

#include "brigade/security/secrets.h"
#include "store_impl.h"

namespace brigade::store {

std::string make_pin_key() {
  return security::random_hex(32);
}

std::string hash_pin(std::string_view key_hex, std::string_view pin) {
  try {
    return security::keyed_hash(key_hex, pin);
  } catch (const std::invalid_argument&) {
    throw StorageFailure("the store's PIN key is damaged");
  }
}

}  // namespace brigade::store
