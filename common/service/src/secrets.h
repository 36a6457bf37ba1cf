// What the hub makes with libsodium: unguessable tokens and stable fingerprints. No
// hand-written hash or random number generator anywhere in the hub.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace brigade::service {

// `bytes` random bytes from the OS's source, as lowercase hex.
std::string random_hex(std::size_t bytes);
// BLAKE2b of `text`, 16 bytes, as lowercase hex.
std::string fingerprint(std::string_view text);

}  // namespace brigade::service
