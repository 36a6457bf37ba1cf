#include "brigade/domain/text.h"

#include <algorithm>
#include <cctype>

namespace brigade {

namespace {
// Bytes 10xxxxxx continue a character started before them.
bool continues(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}
}  // namespace

std::size_t characters(std::string_view utf8) {
  std::size_t count = 0;
  for (char byte : utf8)
    if (!continues(byte)) ++count;
  return count;
}

std::string first_characters(std::string_view utf8, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i)
    if (!continues(utf8[i]) && seen++ == count) return std::string(utf8.substr(0, i));
  return std::string(utf8);
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace brigade
