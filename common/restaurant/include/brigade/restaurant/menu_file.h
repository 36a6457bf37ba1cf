// The menu alone, in the restaurant file's words (docs/restaurant-format.md, "Menu files"):
// what `posctl menu export` writes and `posctl menu import` and the hub's menu edits read.
// Unlike a restaurant file, a menu is read to the end and every problem is listed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/menu.h"

namespace brigade {

// One problem: the entry ("menu.items[12]"), its id if it has one, the field within it
// ("tax_class", empty for the entry as a whole) and why.
struct MenuProblem {
  std::string where;
  std::string id;
  std::string field;
  std::string why;

  // "menu.items[12] (classic-burger).tax_class: 'wine' is not a tax class"
  std::string text() const;
  bool operator==(const MenuProblem&) const = default;
};

struct MenuReading {
  Menu menu;  // whole only when there are no problems
  std::vector<MenuProblem> problems;
  bool ok() const { return problems.empty(); }
};

// Reads the "menu" object of a restaurant file; `path` is where it sits, for messages.
MenuReading read_menu_json(const nlohmann::json& menu, const std::string& path = "menu");
// A menu file: {"format_version": 1, "menu": {...}}.
MenuReading parse_menu_file(std::string_view text);

// The "menu" object of a restaurant file for this menu: every item says its own tax class,
// stations and course, so reading it back gives the same menu.
nlohmann::json menu_json(const Menu& menu);
// One entry as the file writes it: what save_menu_entry takes (docs/protocol.md).
nlohmann::json entry_json(const MenuItem& item);
nlohmann::json entry_json(const ModifierGroup& group);
nlohmann::json entry_json(const Ingredient& ingredient);
nlohmann::json entry_json(const Category& category);
// A whole menu file, indented for people.
std::string write_menu_file(const Menu& menu);

}  // namespace brigade
