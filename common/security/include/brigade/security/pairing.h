// Pairing a new device (docs/protocol.md section 10). A manager asks the hub for a one-time
// code and gives it to the new device; the device proves it knows the code without sending
// it, and the hub proves the same back, so a stranger who sees the exchange learns neither
// the code nor a way to pair a key of its own, and one who sits in the middle cannot slip
// in a key of its own for either side.
#pragma once

#include <string>
#include <string_view>

namespace brigade::security {

// Ten characters of Crockford base32 (50 bits), shown as "K7QM2-XPA9C".
std::string make_pairing_code();
// The code as typed: upper case, dashes and spaces dropped, O read as 0, I and L as 1.
// Empty if anything else is left that is not of the alphabet or the length is not ten.
std::string normalize_pairing_code(std::string_view typed);

// The device's proof: HMAC-SHA256 keyed by the code, over the device's public key.
std::string device_pairing_proof(std::string_view code, std::string_view device_public_key);
// The hub's answer: HMAC-SHA256 keyed by the code, over both public keys.
std::string hub_pairing_proof(std::string_view code, std::string_view device_public_key,
                              std::string_view hub_public_key);

}  // namespace brigade::security
