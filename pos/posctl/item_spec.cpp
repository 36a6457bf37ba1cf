#include "item_spec.h"

#include <charconv>
#include <system_error>

namespace brigade::posctl {

namespace {

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// The whole of `text` as an int, or why not. from_chars takes no sign but '-', no spaces.
enum class Whole { ok, not_a_number, negative, too_large };
Whole read_whole(std::string_view text, int& out) {
  if (text.empty()) return Whole::not_a_number;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec == std::errc::result_out_of_range)
    return text.front() == '-' ? Whole::negative : Whole::too_large;
  if (ec != std::errc() || ptr != end) return Whole::not_a_number;
  return out < 0 ? Whole::negative : Whole::ok;
}

}  // namespace

Result<ItemSpec> parse_item_spec(std::string_view spec) {
  auto refuse = [&](const std::string& why) {
    return Error{Errc::invalid_argument, quoted(spec) + " " + why};
  };
  if (spec.empty())
    return Error{Errc::invalid_argument, "an item is empty: say item[:modifier,modifier][@seat]"};

  ItemSpec item;
  std::string_view name = spec;
  if (auto at = name.find('@'); at != std::string_view::npos) {
    std::string_view seat = name.substr(at + 1);
    name = name.substr(0, at);
    if (seat.empty()) return refuse("has no seat after '@'");
    int number = 0;
    switch (read_whole(seat, number)) {
      case Whole::ok:
        item.seat = number;
        break;
      case Whole::not_a_number:
        return refuse("has a seat that is not a number: " + quoted(seat));
      case Whole::negative:
        return refuse("has a seat below 0 (0 is the table): " + quoted(seat));
      case Whole::too_large:
        return refuse("has a seat too large: " + quoted(seat));
    }
  }
  if (auto colon = name.find(':'); colon != std::string_view::npos) {
    std::string_view mods = name.substr(colon + 1);
    name = name.substr(0, colon);
    for (std::size_t start = 0; !mods.empty();) {
      auto comma = mods.find(',', start);
      std::string_view mod = mods.substr(start, comma - start);
      if (mod.empty()) return refuse("has an empty modifier");
      item.modifiers.emplace_back(mod);
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  if (name.empty()) return refuse("names no item");
  item.item_id = name;
  return item;
}

Result<int> parse_portions(std::string_view text) {
  int number = 0;
  switch (read_whole(text, number)) {
    case Whole::ok:
      return number;
    case Whole::not_a_number:
      break;
    case Whole::negative:
      return Error{Errc::invalid_quantity, "count must be 0 or more, not " + quoted(text)};
    case Whole::too_large:
      return Error{Errc::invalid_quantity, "count is too large: " + quoted(text)};
  }
  return Error{Errc::invalid_quantity, "count must be a number or off, not " + quoted(text)};
}

}  // namespace brigade::posctl
