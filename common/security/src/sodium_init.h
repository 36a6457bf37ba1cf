// libsodium must be started once before use; every part of this layer calls this first.
#pragma once

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace brigade::security::detail {

inline void ensure_sodium() {
  // sodium_init is thread-safe and idempotent; the static runs it once.
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not start (no source of randomness?)");
}

inline std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();  // the terminating NUL
  return hex;
}

}  // namespace brigade::security::detail
