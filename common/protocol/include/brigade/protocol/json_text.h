// The one way JSON text that came off the wire is read, by the hub (commands) and by
// every client (replies, events, heartbeats): strict where a lenient parser would let a
// message hurt its reader. docs/protocol.md, section 2, gives the limits and the texts.
#pragma once

#include <string>
#include <string_view>

#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

// Arrays and objects may nest this deep ({"args":{"x":[…]}} is 3). The deepest message of
// protocol 1 is under a dozen; every recursive step after reading (copying, dumping,
// comparing) then has a bounded stack.
constexpr std::size_t kMaxJsonDepth = 32;

struct JsonText {
  Json doc = Json(Json::value_t::discarded);  // discarded unless read
  // What is wrong, worded to follow "the command ": "is not valid JSON". Empty if read.
  std::string problem;
  bool ok() const { return problem.empty(); }
};

// Reads JSON text, refusing, before any of it is built: what is not JSON, nesting deeper
// than kMaxJsonDepth, and an object with the same key twice (at any depth: nlohmann would
// keep the last one without a word, so two readers could see two different commands).
[[nodiscard]] JsonText read_json(std::string_view text);

}  // namespace brigade::protocol
