#include "brigade/client/pairing.h"

#include "brigade/net/command_client.h"
#include "brigade/net/command_id.h"
#include "brigade/protocol/commands.h"
#include "brigade/protocol/protocol.h"
#include "brigade/security/pairing.h"
#include "brigade/security/secrets.h"

namespace brigade::client {

namespace {
// A text field, or "" when missing or not text: the answer is not trusted until checked.
std::string text_of(const protocol::Json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

Result<Paired> pair_with_hub(const std::string& pairing_endpoint, const std::string& code,
                             const security::CurveKeyPair& own, std::chrono::milliseconds timeout) {
  if (security::normalize_pairing_code(code).empty())
    return fail(Errc::wrong_pairing_code,
                "a pairing code is ten letters and digits, like K7QM2-XPA9C");
  net::ClientOptions options;
  options.endpoint = pairing_endpoint;
  options.retry.max_attempts = 3;
  net::CommandClient client(options);
  std::string id = net::make_command_id();
  protocol::Pair pair{own.public_key, security::device_pairing_proof(code, own.public_key)};
  auto text = client.call(
      id, protocol::make_command(id, protocol::Pair::kind, "unpaired", "", protocol::to_json(pair)),
      timeout);
  if (!text) return fail(Errc::not_found, "the hub did not answer at " + pairing_endpoint);
  auto reply = protocol::decode_reply(*text);
  if (!reply) return fail(Errc::invalid_argument, "the hub's answer is not a reply");
  if (!reply->ok) {
    Errc code_of =
        reply->error.code == "wrong_pairing_code" ? Errc::wrong_pairing_code : Errc::forbidden;
    return fail(code_of, reply->error.message);
  }
  const auto& result = reply->result;
  if (!result.is_object()) return fail(Errc::invalid_argument, "the hub's answer is not a reply");
  Paired paired;
  paired.hub_public_key = text_of(result, "hub_public_key");
  std::string hub_proof = text_of(result, "hub_proof");
  // Without this check a stranger in the middle could hand us a hub key of its own.
  if (!security::valid_curve_key(paired.hub_public_key) ||
      !security::same_secret(
          hub_proof, security::hub_pairing_proof(code, own.public_key, paired.hub_public_key)))
    return fail(Errc::forbidden,
                "the answer does not prove that it comes from the hub that gave the code: "
                "something on the network may be in the middle; ask a manager");
  if (auto device = result.find("device"); device != result.end() && device->is_object()) {
    paired.device_id = text_of(*device, "id");
    paired.name = text_of(*device, "name");
    paired.role = text_of(*device, "role");
    if (auto s = device->find("stations"); s != device->end() && s->is_array())
      for (const auto& station : *s)
        if (station.is_string()) paired.stations.push_back(station.get<std::string>());
  }
  return paired;
}

}  // namespace brigade::client
