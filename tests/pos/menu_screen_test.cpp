// The menu editor, headless: a manager changes a price, adds an ingredient, builds a
// required modifier group and a special that asks it with a recipe, receives a delivery
// of it, and retires an item; each save reaches the hub and comes
// back to the terminal as the new menu. Servers do not see the editor.
#include "menu_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {

void type_into_field(TerminalRig& t, const std::string& text) {
  t.tap("menu.keys.field");
  t.type(text);
}

const CommandRecord* saved(TerminalRig& t) {
  const CommandRecord* r = t.controller.last("save_menu_entry");
  EXPECT_NE(r, nullptr);
  if (r) {
    EXPECT_EQ(r->state, CommandRecord::State::done) << r->message;
  }
  return r;
}

}  // namespace

TEST(MenuScreen, AServerHasNoMenuEditor) {
  TerminalRig t;
  t.log_in(kServerPin);
  EXPECT_FALSE(t.shows("nav.menu"));
  t.app.handle(ShowMenuEditor{}, t.now);
  EXPECT_NE(t.app.screen(), Screen::menu);
}

TEST(MenuScreen, TheManagerChangesAPriceAndEveryScreenHasIt) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.menu");
  ASSERT_EQ(t.app.screen(), Screen::menu);
  t.tap("menu.category.beer");
  t.tap("menu.item.beer-lager");
  EXPECT_EQ(t.app.menu_editor().item_draft().price, Money::cents(800));
  t.tap("menu.field.price");
  for (char d : std::string("875")) t.tap(std::string("menu.price.") + d);
  t.tap("menu.item.save");
  saved(t);
  EXPECT_EQ(t.state.menu().find_item("beer-lager")->price, Money::cents(875));
  EXPECT_EQ(t.hub.hub().store().load_menu().find_item("beer-lager")->price, Money::cents(875));
}

TEST(MenuScreen, TheManagerAddsASpecialWithARequiredModifierAndARecipe) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.menu");

  // The ingredient the special takes: eggs, counted each, low at 12.
  t.tap("menu.mode.ingredients");
  t.tap("menu.new_ingredient");
  type_into_field(t, "Eggs");
  t.tap("menu.field.low_at");
  for (char d : std::string("12")) t.tap(std::string("menu.low_at.") + d);
  t.tap("menu.ingredient.save");
  saved(t);
  ASSERT_NE(t.state.menu().find_ingredient("eggs"), nullptr);
  EXPECT_EQ(*t.state.menu().find_ingredient("eggs"), (Ingredient{"eggs", "Eggs", "each", 12}));

  // The group: required, one of two choices, one of them dearer (and a third egg).
  t.tap("menu.mode.groups");
  t.tap("menu.new_group");
  type_into_field(t, "Egg style");
  t.tap("menu.group.min.more");
  ASSERT_TRUE(t.scroll_to("menu.choice.add", "menu.form"));
  t.tap("menu.choice.add");
  type_into_field(t, "Poached");
  ASSERT_TRUE(t.scroll_to("menu.choice.add", "menu.form"));
  t.tap("menu.choice.add");
  type_into_field(t, "Scrambled");
  ASSERT_TRUE(t.scroll_to("menu.choice.field.price", "menu.form"));
  t.tap("menu.choice.field.price");
  for (char d : std::string("100")) t.tap(std::string("menu.price.") + d);
  ASSERT_TRUE(t.scroll_to("menu.choice.recipe.eggs", "menu.form"));
  t.tap("menu.choice.recipe.eggs");
  t.tap("menu.group.save");
  saved(t);
  const ModifierGroup* style = t.state.menu().find_group("egg-style");
  ASSERT_NE(style, nullptr);
  EXPECT_TRUE(style->forced());
  EXPECT_EQ(style->max_select, 1);
  ASSERT_EQ(style->modifiers.size(), 2u);
  EXPECT_EQ(style->modifiers[0].id, "egg-style-poached");
  EXPECT_EQ(style->modifiers[1].price, Money::cents(100));
  EXPECT_EQ(style->modifiers[1].recipe, (Recipe{{"eggs", 1}}));

  // The special, in today's specials, asking for it.
  t.tap("menu.mode.items");
  t.tap("menu.category.specials");
  t.tap("menu.new_item");
  type_into_field(t, "Eggs Benedict");
  t.tap("menu.field.price");
  for (char d : std::string("1600")) t.tap(std::string("menu.price.") + d);
  ASSERT_TRUE(t.scroll_to("menu.item.group.egg-style", "menu.form"));
  t.tap("menu.item.group.egg-style");
  ASSERT_TRUE(t.scroll_to("menu.item.recipe.eggs", "menu.form"));
  t.tap("menu.item.recipe.eggs");
  ASSERT_TRUE(t.scroll_to("menu.item.recipe.more.eggs", "menu.form"));
  t.tap("menu.item.recipe.more.eggs");  // two eggs a plate
  ASSERT_TRUE(t.scroll_to("menu.item.allergen.egg", "menu.form"));
  t.tap("menu.item.allergen.egg");
  ASSERT_TRUE(t.scroll_to("menu.item.save", "menu.form"));
  t.tap("menu.item.save");
  saved(t);
  const MenuItem* eggs = t.state.menu().find_item("eggs-benedict");
  ASSERT_NE(eggs, nullptr);
  EXPECT_EQ(eggs->name, "Eggs Benedict");
  EXPECT_EQ(eggs->price, Money::cents(1600));
  EXPECT_EQ(eggs->category_id, "specials");
  EXPECT_EQ(eggs->station_ids, (std::vector<std::string>{"saute"}));  // like the category's
  EXPECT_EQ(eggs->modifier_group_ids, (std::vector<std::string>{"egg-style"}));
  EXPECT_EQ(eggs->allergens, (std::vector<std::string>{"egg"}));
  EXPECT_EQ(eggs->recipe, (Recipe{{"eggs", 2}}));

  // A delivery of five eggs, received on the Inventory screen.
  t.tap("nav.inventory");
  t.tap("inventory.ingredient.eggs");
  t.tap("inventory.receive");
  t.tap("inventory.amount.5");
  t.tap("inventory.send");
  EXPECT_EQ(t.state.on_hand("eggs"), 5);

  // A server on another terminal can now sell it, and must say how the eggs are done.
  const std::int64_t check = t.hub
                                 .other(kServerPin, "open_check",
                                        {{"channel", "dine_in"}, {"table_id", "3"}, {"guests", 2}})
                                 .result()["check"]["id"];
  EXPECT_EQ(t.hub.other(kServerPin, "add_line", {{"check_id", check}, {"item_id", "eggs-benedict"}})
                .code(),
            "forced_modifier_missing");
  const Json scrambled{
      {"check_id", check}, {"item_id", "eggs-benedict"}, {"modifiers", {"egg-style-scrambled"}}};
  EXPECT_TRUE(t.hub.other(kServerPin, "add_line", scrambled).ok());
  t.frame();
  EXPECT_EQ(t.state.on_hand("eggs"), 2);  // two for the plate, one for scrambling
  EXPECT_TRUE(t.shows("alert.low"));      // at or below 12: every terminal says so
  brigade::testing::Reply short_of_eggs = t.hub.other(kServerPin, "add_line", scrambled);
  EXPECT_EQ(short_of_eggs.code(), "not_enough_stock");
  EXPECT_EQ(short_of_eggs.message(), "Eggs Benedict: not enough Eggs (2 each left, 3 needed)");
}

TEST(MenuScreen, TheManagerRetiresAnItemAndItLeavesTheOrderScreen) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.menu");
  t.tap("menu.category.sides");
  t.tap("menu.item.onion-rings");
  ASSERT_TRUE(t.scroll_to("menu.item.retire", "menu.form"));
  t.tap("menu.item.retire");
  saved(t);
  EXPECT_TRUE(t.state.menu().find_item("onion-rings")->retired);
  EXPECT_TRUE(t.shows("menu.item.onion-rings"));  // still in the editor, marked retired

  // Taking an order, it is not offered any more; the other sides are.
  t.tap("nav.floor");
  t.tap("table.5");
  t.tap("guests.2");
  ASSERT_EQ(t.app.screen(), Screen::order);
  t.tap("category.sides");
  EXPECT_TRUE(t.shows("item.fries"));
  EXPECT_FALSE(t.shows("item.onion-rings"));
}

namespace {

std::vector<std::string> category_ids(const Menu& menu) {
  std::vector<std::string> ids;
  for (const Category& c : menu.categories) ids.push_back(c.id);
  return ids;
}

std::vector<std::string> item_ids_in(const Menu& menu, const std::string& category) {
  std::vector<std::string> ids;
  for (const MenuItem& i : menu.items)
    if (i.category_id == category) ids.push_back(i.id);
  return ids;
}

}  // namespace

TEST(MenuScreen, TheManagerAddsACategoryAndPutsItWhereItBelongs) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.menu");
  t.tap("menu.mode.categories");
  t.tap("menu.new_category");
  type_into_field(t, "Brunch");
  t.tap("menu.category.save");
  saved(t);
  std::vector<std::string> ids = category_ids(t.state.menu());
  ASSERT_EQ(ids.back(), "brunch");  // a new one comes last
  const std::size_t count = ids.size();
  const std::string was_last = ids[count - 2];

  // Brunch goes one place earlier: one tap, on every screen.
  t.tap("menu.move.earlier");
  const CommandRecord* moved = t.controller.last("reorder_menu");
  ASSERT_NE(moved, nullptr);
  ASSERT_EQ(moved->state, CommandRecord::State::done) << moved->message;
  ids = category_ids(t.state.menu());
  ASSERT_EQ(ids.size(), count);
  EXPECT_EQ(ids[count - 2], "brunch");
  EXPECT_EQ(ids[count - 1], was_last);
  EXPECT_EQ(category_ids(t.hub.hub().store().load_menu()), ids);
  // The last one cannot go later than last.
  t.tap("menu.category_entry." + was_last);
  t.tap("menu.move.later");
  EXPECT_EQ(t.controller.last("reorder_menu"), moved);
}

TEST(MenuScreen, TheManagerMovesAnItemWithinItsCategory) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.menu");
  t.tap("menu.category.beer");
  const std::vector<std::string> before = item_ids_in(t.state.menu(), "beer");
  ASSERT_GE(before.size(), 2u);
  t.tap("menu.item." + before[0]);
  t.tap("menu.move.earlier");  // first in its category: not offered
  EXPECT_EQ(t.controller.last("reorder_menu"), nullptr);
  t.tap("menu.move.later");
  const CommandRecord* moved = t.controller.last("reorder_menu");
  ASSERT_NE(moved, nullptr);
  ASSERT_EQ(moved->state, CommandRecord::State::done) << moved->message;
  std::vector<std::string> after = item_ids_in(t.state.menu(), "beer");
  ASSERT_EQ(after.size(), before.size());
  EXPECT_EQ(after[0], before[1]);
  EXPECT_EQ(after[1], before[0]);
  // Only the two swapped: every other category's order is as it was.
  EXPECT_EQ(item_ids_in(t.state.menu(), "wine"),
            item_ids_in(t.hub.hub().store().load_menu(), "wine"));
}
