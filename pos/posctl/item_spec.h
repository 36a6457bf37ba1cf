// What posctl reads from its own arguments, apart from CLI11's options: the items of an
// order ("classic-burger:temp-medium-rare,add-bacon@2") and the portions of `stock`. No
// sockets, no CLI11: the rules are unit-tested (tests/posctl/item_spec_test.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/result.h"

namespace brigade::posctl {

// One item of `posctl order`: item[:modifier,modifier][@seat].
struct ItemSpec {
  std::string item_id;
  std::vector<std::string> modifiers;  // modifier ids, as given
  std::optional<int> seat;             // none: the hub's default; 0 is the table
  bool operator==(const ItemSpec&) const = default;
};

// "fries", "fries@2", "classic-burger:temp-medium-rare,add-bacon@1", "beer-stout@0".
// A trailing ':' with no modifiers means none. Errors (Errc::invalid_argument) name the
// spec: no item, an empty modifier, a seat that is missing, not a number, negative or too
// large. Nothing is guessed: "burger@1:bacon" is an error, not seat 1 without bacon.
Result<ItemSpec> parse_item_spec(std::string_view spec);

// Portions left for `posctl stock`: a whole number, 0 or more (Errc::invalid_quantity).
Result<int> parse_portions(std::string_view text);

}  // namespace brigade::posctl
