// The restaurant file: a JSON document describing a restaurant (docs/restaurant-format.md).
// Parsing is strict: a wrong type, a missing field or a broken reference is an error
// that names where it is ("menu.items[12].tax_class: 'wine' is not a tax class").
#pragma once

#include <filesystem>
#include <string_view>

#include "brigade/domain/restaurant.h"
#include "brigade/domain/result.h"

namespace brigade {

Result<Restaurant> parse_restaurant(std::string_view json_text);
Result<Restaurant> load_restaurant_file(const std::filesystem::path& path);

}  // namespace brigade
