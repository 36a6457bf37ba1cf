#include "brigade/security/curve.h"

#include <zmq.h>

#include <array>
#include <fstream>
#include <sstream>

#include "brigade/security/key_file.h"
#include "sodium_init.h"

namespace brigade::security {

namespace {

constexpr std::size_t kZ85KeyLength = 40;

// "public <key>" / "secret <key>" lines; anything else is ignored.
CurveKeyPair parse_keypair(const std::string& text) {
  CurveKeyPair pair;
  std::istringstream in(text);
  std::string word, value;
  while (in >> word >> value) {
    if (word == "public") pair.public_key = value;
    if (word == "secret") pair.secret_key = value;
  }
  return pair;
}

}  // namespace

CurveKeyPair make_curve_keypair() {
  std::array<char, kZ85KeyLength + 1> public_key{}, secret_key{};
  if (zmq_curve_keypair(public_key.data(), secret_key.data()) != 0)
    throw std::runtime_error("this ZeroMQ cannot make CURVE keys (built without libsodium?)");
  CurveKeyPair pair{public_key.data(), secret_key.data()};
  sodium_memzero(secret_key.data(), secret_key.size());
  return pair;
}

bool valid_curve_key(std::string_view key) {
  if (key.size() != kZ85KeyLength) return false;
  std::string text(key);
  std::array<std::uint8_t, 32> bytes{};
  return zmq_z85_decode(bytes.data(), text.c_str()) != nullptr;
}

Result<CurveKeyPair> load_or_create_keypair(const std::filesystem::path& path) {
  auto text = load_or_create_secret_file(path, [] {
    CurveKeyPair made = make_curve_keypair();
    return "public " + made.public_key + "\nsecret " + made.secret_key + "\n";
  });
  if (!text) return text.error();
  CurveKeyPair pair = parse_keypair(*text);
  if (!valid_curve_key(pair.public_key) || !valid_curve_key(pair.secret_key))
    return fail(Errc::invalid_argument,
                "the key file " + path.string() + " does not hold a CURVE key pair");
  return pair;
}

Result<std::string> read_public_key(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return fail(Errc::not_found, "cannot read the key file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  std::string key = parse_keypair(text.str()).public_key;
  if (!valid_curve_key(key))
    return fail(Errc::invalid_argument,
                "the file " + path.string() + " does not hold a CURVE public key");
  return key;
}

std::string key_fingerprint(std::string_view public_key) {
  if (!valid_curve_key(public_key)) return {};
  detail::ensure_sodium();
  std::string text(public_key);
  std::array<std::uint8_t, 32> bytes{};
  zmq_z85_decode(bytes.data(), text.c_str());
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(), bytes.data(), bytes.size(), nullptr, 0);
  // 80 bits as 16 base32 characters (Crockford's alphabet: no I, L, O, U to misread).
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    buffer = (buffer << 8) | hash[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (out.size() % 5 == 4) out += '-';
      out += kAlphabet[(buffer >> bits) & 31];
    }
  }
  return out;
}

}  // namespace brigade::security
