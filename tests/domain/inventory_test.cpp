// Inventory by ingredient: what a line needs (item and modifiers), refusals that name the
// ingredient, taking and giving back, and the levels items show.
#include "brigade/domain/inventory.h"

#include <gtest/gtest.h>

#include "test_menu.h"

using namespace brigade;
using brigade::testing::test_menu;

namespace {

TEST(Recipes, ALineNeedsItsItemAndItsModifiersTimesTheQuantity) {
  Menu menu = test_menu();
  const MenuItem& burger = *menu.find_item("burger");
  EXPECT_EQ(needs_of(menu, burger, {"medium-rare"}, 1), (Needs{{"bun", 1}, {"patty", 1}}));
  EXPECT_EQ(needs_of(menu, burger, {"medium-rare", "bacon"}, 3),
            (Needs{{"bacon", 6}, {"bun", 3}, {"patty", 3}}));
  // A modifier the burger does not offer takes nothing.
  EXPECT_EQ(needs_of(menu, burger, {"aioli"}, 1), (Needs{{"bun", 1}, {"patty", 1}}));
  EXPECT_TRUE(needs_of(menu, *menu.find_item("fries"), {}, 4).empty());
}

TEST(Recipes, ARefusalNamesTheIngredientThatFallsShort) {
  Menu menu = test_menu();
  const MenuItem& burger = *menu.find_item("burger");
  Inventory inventory{{"patty", 2}, {"bacon", 3}};  // buns are not counted: never short
  auto three = check_covers(menu, inventory, burger, needs_of(menu, burger, {}, 3));
  ASSERT_FALSE(three.ok());
  EXPECT_EQ(three.error().code, Errc::not_enough_stock);
  EXPECT_EQ(three.error().message, "Classic Burger: not enough Beef patty (2 each left, 3 needed)");
  // Two rashers a burger: 3 cover one, not two. Bacon is what is short.
  auto bacon = check_covers(menu, inventory, burger, needs_of(menu, burger, {"bacon"}, 2));
  ASSERT_FALSE(bacon.ok());
  EXPECT_EQ(bacon.error().code, Errc::not_enough_stock);  // a burger without bacon still sells
  EXPECT_EQ(bacon.error().message, "Classic Burger: not enough Bacon (3 rashers left, 4 needed)");
  EXPECT_TRUE(check_covers(menu, inventory, burger, needs_of(menu, burger, {"bacon"}, 1)).ok());

  inventory["patty"] = 0;
  auto out = check_covers(menu, inventory, burger, needs_of(menu, burger, {}, 1));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, Errc::item_86);
  EXPECT_EQ(out.error().message,
            "Classic Burger is 86'd: not enough Beef patty (0 each left, 1 needed)");
}

TEST(Recipes, TakingLeavesCountsAndGivingBackRestoresThem) {
  Menu menu = test_menu();
  const MenuItem& burger = *menu.find_item("burger");
  Inventory inventory{{"patty", 5}, {"bacon", 10}};
  Needs taken = take_stock(inventory, needs_of(menu, burger, {"bacon"}, 2));
  // Only counted ingredients are taken, and so only they come back.
  EXPECT_EQ(taken, (Needs{{"bacon", 4}, {"patty", 2}}));
  EXPECT_EQ(inventory, (Inventory{{"bacon", 6}, {"patty", 3}}));
  // Half of the line voided as not made: half of what it took comes back.
  give_back(inventory, share_of(taken, 1, 2));
  EXPECT_EQ(inventory, (Inventory{{"bacon", 8}, {"patty", 4}}));
  // Given back to an ingredient no longer counted: nothing to add to.
  inventory.erase("bacon");
  give_back(inventory, share_of(taken, 1, 2));
  EXPECT_EQ(inventory, (Inventory{{"patty", 5}}));
}

TEST(Levels, AnItemIsOutTheMomentOneIngredientCannotCoverAPortion) {
  Menu menu = test_menu();
  Inventory inventory{{"patty", 3}, {"bun", 7}, {"salmon", 0}};
  Stock flags{{"ipa", {true, std::nullopt}}};
  Stock levels = stock_levels(menu, flags, inventory);
  EXPECT_EQ(levels.at("burger"), (StockLevel{false, 3}));  // patties limit it, not buns
  EXPECT_TRUE(levels.at("salmon").out());
  EXPECT_EQ(levels.at("ipa"), (StockLevel{true, std::nullopt}));
  EXPECT_FALSE(levels.count("fries"));
  EXPECT_FALSE(levels.count("short-rib"));  // not counted

  // A delivery brings salmon back; the burger's level is unchanged and not reported.
  Inventory after = inventory;
  after["salmon"] = 4;
  Stock changed = changed_levels(levels, stock_levels(menu, flags, after));
  EXPECT_EQ(changed, (Stock{{"salmon", {false, 4}}}));
  // Counting stops for patties: the burger is unlimited again (an empty level).
  after.erase("patty");
  after.erase("bun");
  changed = changed_levels(levels, stock_levels(menu, flags, after));
  EXPECT_EQ(changed.at("burger"), StockLevel{});
}

TEST(Levels, LowStockIsAtOrBelowTheMarkOfACountedIngredient) {
  Menu menu = test_menu();
  const Ingredient& patty = *menu.find_ingredient("patty");  // low at 4
  EXPECT_FALSE(is_low(patty, {}));                           // not counted
  EXPECT_FALSE(is_low(patty, {{"patty", 5}}));
  EXPECT_TRUE(is_low(patty, {{"patty", 4}}));
  EXPECT_TRUE(is_low(patty, {{"patty", 0}}));
  EXPECT_FALSE(is_low(*menu.find_ingredient("bun"), {{"bun", 0}}));  // no mark
}

TEST(MenuValidation, RecipesNameKnownIngredientsOnceWithAQuantity) {
  Menu menu = test_menu();
  menu.items[0].recipe.push_back({"cheese", 1});
  EXPECT_EQ(validate_menu(menu).error().message, "item 'burger' names unknown ingredient 'cheese'");
  menu = test_menu();
  menu.items[0].recipe.push_back({"patty", 1});
  EXPECT_EQ(validate_menu(menu).error().message, "item 'burger' lists ingredient 'patty' twice");
  menu = test_menu();
  menu.modifier_groups[1].modifiers[0].recipe = {{"bacon", 0}};
  EXPECT_EQ(validate_menu(menu).error().message,
            "modifier 'bacon' takes 0 of 'bacon': give 1 to 1000000");
  menu = test_menu();
  menu.ingredients.push_back({"patty", "Another patty", "each", 0});
  EXPECT_FALSE(validate_menu(menu).ok());
}

}  // namespace
