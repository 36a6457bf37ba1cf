// ZeroMQ CURVE key pairs (Curve25519, as 40-character Z85 text) and their fingerprints.
// The hub has one long-term pair; every paired device has its own.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "brigade/domain/result.h"

namespace brigade::security {

struct CurveKeyPair {
  std::string public_key;  // Z85, 40 characters
  std::string secret_key;  // Z85, 40 characters
};

CurveKeyPair make_curve_keypair();
// True if `key` is 40 characters of Z85 that decode to 32 bytes.
bool valid_curve_key(std::string_view key);

// A key pair file: "public <Z85>\nsecret <Z85>\n", mode 0600, made on first use.
Result<CurveKeyPair> load_or_create_keypair(const std::filesystem::path& path);
// The public half of a key pair file, or of a file holding only "public <Z85>".
Result<std::string> read_public_key(const std::filesystem::path& path);

// What a person compares by eye: BLAKE2b of the key's 32 bytes, the first 10 bytes in
// base32, as four groups ("K7QM-2XPA-9C4T-H8ZE"). Empty for a key that is not valid.
std::string key_fingerprint(std::string_view public_key);

}  // namespace brigade::security
