// Command ids: every command carries an id made by its sender (protocol.md section 2), and
// a retry reuses it so the hub applies the command once.
#pragma once

#include <string>

namespace brigade::net {

// A fresh random UUID (version 4) as 36 lower-case characters, from libuuid.
std::string make_command_id();

}  // namespace brigade::net
