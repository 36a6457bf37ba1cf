#include "brigade/security/pairing.h"

#include <array>
#include <cctype>

#include "sodium_init.h"

namespace brigade::security {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32
constexpr std::size_t kCodeLength = 10;

std::string hmac(std::string_view code, std::string_view message) {
  detail::ensure_sodium();
  std::string normalized = normalize_pairing_code(code);
  // The HMAC key is a hash of the code: HMAC-SHA256 in libsodium takes a 32-byte key.
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key{};
  crypto_generichash(key.data(), key.size(),
                     reinterpret_cast<const unsigned char*>(normalized.data()), normalized.size(),
                     nullptr, 0);
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256(mac.data(), reinterpret_cast<const unsigned char*>(message.data()),
                         message.size(), key.data());
  sodium_memzero(key.data(), key.size());
  return detail::to_hex(mac.data(), mac.size());
}

}  // namespace

std::string make_pairing_code() {
  detail::ensure_sodium();
  std::string code;
  for (std::size_t i = 0; i < kCodeLength; ++i) {
    if (i == kCodeLength / 2) code += '-';
    code += kAlphabet[randombytes_uniform(32)];
  }
  return code;
}

std::string normalize_pairing_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (u == 'O') u = '0';
    if (u == 'I' || u == 'L') u = '1';
    if (std::string_view(kAlphabet).find(u) == std::string_view::npos) return {};
    out += u;
  }
  return out.size() == kCodeLength ? out : std::string();
}

std::string device_pairing_proof(std::string_view code, std::string_view device_public_key) {
  return hmac(code, "brigade-pair-device:" + std::string(device_public_key));
}

std::string hub_pairing_proof(std::string_view code, std::string_view device_public_key,
                              std::string_view hub_public_key) {
  return hmac(code, "brigade-pair-hub:" + std::string(device_public_key) + ":" +
                        std::string(hub_public_key));
}

}  // namespace brigade::security
