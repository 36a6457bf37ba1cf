// The hub protocol's envelope: version, limits, the command and reply shapes and the
// error codes that only exist on the wire. docs/protocol.md is the written contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "brigade/domain/result.h"

namespace brigade::protocol {

using Json = nlohmann::json;

// Bump on any change a client could notice; hello and every command carry it.
constexpr int kProtocolVersion = 1;
// The largest command frame the hub reads; larger ones get message_too_large.
constexpr std::size_t kMaxCommandBytes = 1 << 20;
constexpr std::size_t kMaxIdLength = 64;

// Error codes that are not domain rules (domain rules use to_string(Errc)).
namespace code {
inline constexpr std::string_view bad_json = "bad_json";
inline constexpr std::string_view bad_request = "bad_request";
inline constexpr std::string_view unknown_command = "unknown_command";
inline constexpr std::string_view protocol_mismatch = "protocol_mismatch";
inline constexpr std::string_view message_too_large = "message_too_large";
inline constexpr std::string_view id_reused = "id_reused";
inline constexpr std::string_view not_logged_in = "not_logged_in";
inline constexpr std::string_view wrong_pin = "wrong_pin";
inline constexpr std::string_view forbidden = "forbidden";
inline constexpr std::string_view internal_error = "internal_error";
}  // namespace code

// A refusal as it goes on the wire.
struct WireError {
  std::string code;
  std::string message;
};
inline WireError wire(const Error& e) {
  return {std::string(to_string(e.code)), e.message};
}

struct Envelope {
  int protocol = 0;
  std::string id;
  std::string type;
  std::string device;
  std::string session;
  std::string approval_pin;
  Json args = Json::object();
};

// Reads a command. On failure, `id` is set to whatever id could be read (or "") so the
// refusal can still be matched by the sender.
struct EnvelopeResult {
  bool ok = false;
  Envelope envelope;
  WireError error;
};
EnvelopeResult parse_envelope(std::string_view text);

std::string reply_ok(std::string_view id, const Json& result);
std::string reply_error(std::string_view id, const WireError& error);

// Builds a command, for clients (posctl, terminals, screens, tests).
std::string make_command(std::string_view id, std::string_view type, std::string_view device,
                         std::string_view session, const Json& args,
                         std::string_view approval_pin = {});

}  // namespace brigade::protocol
