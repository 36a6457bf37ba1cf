// A new device pairs with the hub (docs/protocol.md section 10): it sends its public key
// and a proof that it knows the manager's one-time code to the pairing socket, and checks
// the hub's proof before it trusts the hub key in the answer.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "brigade/domain/result.h"
#include "brigade/security/curve.h"

namespace brigade::client {

struct Paired {
  std::string device_id;
  std::string name;
  std::string role;
  std::vector<std::string> stations;
  std::string hub_public_key;  // proven: only a hub that knows the code could send it
};

Result<Paired> pair_with_hub(const std::string& pairing_endpoint, const std::string& code,
                             const security::CurveKeyPair& own,
                             std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace brigade::client
