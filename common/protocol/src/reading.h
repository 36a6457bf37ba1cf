// Lenient reading for clients: a field that is missing, null or of another type reads as
// its fallback. The hub may add fields a client does not know; a client shows what the
// hub sent and never refuses it. (The hub's own reading of commands is strict: args.h.)
#pragma once

#include <string>
#include <vector>

#include "brigade/domain/money.h"
#include "brigade/protocol/protocol.h"

namespace brigade::protocol::reading {

inline std::int64_t integer(const Json& j, const char* key, std::int64_t fallback = 0) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

inline int small(const Json& j, const char* key, int fallback = 0) {
  return static_cast<int>(integer(j, key, fallback));
}

inline std::string text(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline bool flag(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

inline Money cents(const Json& j, const char* key) {
  return Money::cents(integer(j, key));
}

inline std::vector<std::string> texts(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

inline const Json& array(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

// Times the hub writes as null when not set read as 0.
inline Json optional_time(EpochMs t) {
  return t == 0 ? Json(nullptr) : Json(t);
}

}  // namespace brigade::protocol::reading
