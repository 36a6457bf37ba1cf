// The menu editor, for managers before (or during) service: items with their price,
// category, course, routing, tax class, modifier groups, recipe, allergens and day parts; and the
// modifier groups themselves (required or optional, how many choices, a price and a recipe
// per choice); the ingredients recipes take (their unit and low-stock mark); the categories
// (their day parts); and the order of categories and of items in each. Each save is one
// hub command; every terminal and kitchen screen follows at once. Items are retired, never deleted:
// old checks still name them.
#pragma once

#include <string>

#include "brigade/domain/menu.h"
#include "follower.h"
#include "keypad.h"
#include "screen_base.h"
#include "text_entry.h"
#include "view.h"

namespace brigade::terminal {

class MenuScreen : public ScreenBase {
 public:
  MenuScreen() : ScreenBase("##menu") {}
  std::string title(const TerminalView&) const override { return "Menu"; }

  enum class Mode { items, groups, ingredients, categories };
  // Which field the keyboard or the keypad below the form types into.
  enum class Field { none, name, price, description, choice_name, choice_price, low_at };

  // Opens an item (or a modifier group, or an ingredient) of the menu in the editor, as a
  // tap on it does.
  void open(const Menu& menu, const std::string& id);
  Mode mode() const { return mode_; }
  const MenuItem& item_draft() const { return item_; }
  const ModifierGroup& group_draft() const { return group_; }
  const Ingredient& ingredient_draft() const { return ingredient_; }
  const Category& category_draft() const { return category_draft_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override { saving_.stop(); }

 private:
  void draw_item_list(const TerminalView& view);
  void draw_item_form(const TerminalView& view, Intents& out);
  void draw_group_list(const TerminalView& view);
  void draw_group_form(const TerminalView& view, Intents& out);
  void draw_ingredient_list(const TerminalView& view);
  void draw_ingredient_form(const TerminalView& view, Intents& out);
  void edit_ingredient(const Ingredient& ingredient, bool fresh);
  void draw_category_list(const TerminalView& view);
  void draw_category_form(const TerminalView& view, Intents& out);
  void edit_category(const Category& category, bool fresh);
  // "Earlier" and "Later": the entry swapped with its neighbour of the same kind (items:
  // in the same category), sent as reorder_menu with every id of the kind.
  void draw_move(const TerminalView& view, Intents& out, const std::string& kind,
                 const std::string& id, float width);
  void draw_entry(const TerminalView& view, float width);
  void draw_status(const TerminalView& view);
  void edit_item(const MenuItem& item, bool fresh);
  void edit_group(const ModifierGroup& group, bool fresh);
  void save(const TerminalView& view, Intents& out, const std::string& kind, Json entry,
            const std::string& what);

  Mode mode_ = Mode::items;
  std::string category_;
  MenuItem item_;
  bool editing_item_ = false, new_item_ = false;
  ModifierGroup group_;
  bool editing_group_ = false, new_group_ = false;
  int choice_ = -1;  // the choice of the group being named or priced
  Ingredient ingredient_;
  bool editing_ingredient_ = false, new_ingredient_ = false;
  Category category_draft_;
  bool editing_category_ = false, new_category_ = false;
  Keypad low_at_{Keypad::Kind::count, 7};
  Field field_ = Field::none;
  TextEntry text_{64, TextEntry::Capitals::words};
  Keypad price_{Keypad::Kind::money, 6};
  Follower saving_;
};

// "Eggs Benedict" -> "eggs-benedict": an id for a new entry, unique among `taken`.
std::string id_from_name(const std::string& name, const std::vector<std::string>& taken);

}  // namespace brigade::terminal
