#include "brigade/net/command_id.h"

#include <uuid/uuid.h>

namespace brigade::net {

std::string make_command_id() {
  uuid_t uuid;
  uuid_generate_random(uuid);
  char text[37];  // 36 characters and the terminating zero
  uuid_unparse_lower(uuid, text);
  return std::string(text);
}

}  // namespace brigade::net
