// What Brigade makes with libsodium: unguessable tokens, stable fingerprints, keyed hashes
// and comparisons that take the same time whatever they compare. No hand-written hash or
// random number generator anywhere.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace brigade::security {

// `bytes` random bytes from the OS's source, as lowercase hex.
std::string random_hex(std::size_t bytes);
// BLAKE2b of `text`, 16 bytes, as lowercase hex.
std::string fingerprint(std::string_view text);
// BLAKE2b of `text` keyed by `key_hex` (32 bytes as hex), 32 bytes, as lowercase hex.
// Throws std::invalid_argument if the key is not 64 hex digits.
std::string keyed_hash(std::string_view key_hex, std::string_view text);
// Equal texts, in a time that depends only on their lengths.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace brigade::security
