#include "brigade/security/secrets.h"

#include <array>
#include <vector>

#include "sodium_init.h"

namespace brigade::security {

using detail::ensure_sodium;
using detail::to_hex;

std::string random_hex(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return to_hex(buffer.data(), buffer.size());
}

std::string fingerprint(std::string_view text) {
  ensure_sodium();
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), nullptr, 0);
  return to_hex(hash, sizeof hash);
}

std::string keyed_hash(std::string_view key_hex, std::string_view text) {
  ensure_sodium();
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  std::size_t key_size = 0;
  if (sodium_hex2bin(key.data(), key.size(), key_hex.data(), key_hex.size(), nullptr, &key_size,
                     nullptr) != 0 ||
      key_size != key.size())
    throw std::invalid_argument("a hash key must be 64 hex digits");
  std::array<unsigned char, crypto_generichash_BYTES> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  return to_hex(hash.data(), hash.size());
}

bool same_secret(std::string_view a, std::string_view b) {
  ensure_sodium();
  if (a.size() != b.size()) return false;
  return a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace brigade::security
