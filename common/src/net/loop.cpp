#include "loop.h"

#include <nlohmann/json.hpp>

namespace brigade::net::detail {

std::string error_reply(const std::string& id, const std::string& code,
                        const std::string& message) {
  nlohmann::json reply = {{"protocol", kProtocolVersion},
                          {"id", id},
                          {"ok", false},
                          {"error", {{"code", code}, {"message", message}}}};
  // Replacement of invalid UTF-8 keeps dump() from throwing on a caller's odd id.
  return reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace brigade::net::detail
