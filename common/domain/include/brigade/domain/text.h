// Text as people count it: every length limit of the protocol and the rules is in
// characters (Unicode code points of UTF-8 text), so "crème brûlée" is 12, not 14.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace brigade {

// The characters in UTF-8 text (the bytes that do not continue a character).
std::size_t characters(std::string_view utf8);

// Nothing but white space (or nothing at all): no reason, no name.
bool is_blank(std::string_view text);

// The first `count` characters, never cutting one in half.
std::string first_characters(std::string_view utf8, std::size_t count);

}  // namespace brigade
