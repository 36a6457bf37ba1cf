#include "brigade/domain/menu.h"

#include <gtest/gtest.h>

#include "test_menu.h"

using namespace brigade;
using brigade::testing::test_menu;

TEST(MenuValidation, AcceptsAWholeMenu) {
  EXPECT_TRUE(validate_menu(test_menu()).ok());
}

TEST(MenuValidation, RefusesADuplicateItemId) {
  Menu menu = test_menu();
  menu.items.push_back(menu.items.front());
  auto s = validate_menu(menu);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::invalid_menu);
  EXPECT_EQ(s.error().message, "item id 'burger' is used twice");
}

TEST(MenuValidation, RefusesAnItemRoutedToAnUnknownStation) {
  Menu menu = test_menu();
  menu.items[0].station_ids = {"wok"};
  auto s = validate_menu(menu);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "item 'burger' is routed to unknown station 'wok'");
}

TEST(MenuValidation, RefusesAnItemRoutedOnlyToExpo) {
  Menu menu = test_menu();
  menu.items[0].station_ids = {"expo"};
  auto s = validate_menu(menu);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "item 'burger' is not routed to any kitchen station");
}

TEST(MenuValidation, RefusesAGroupWithMinAboveMax) {
  Menu menu = test_menu();
  menu.modifier_groups[1].min_select = 4;
  auto s = validate_menu(menu);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "modifier group 'add-ons' needs 0 <= min <= max and max >= 1");
}

TEST(MenuValidation, RefusesAForcedGroupWithTooFewChoices) {
  Menu menu = test_menu();
  menu.modifier_groups[2].min_select = 1;
  menu.modifier_groups[2].max_select = 1;
  menu.modifier_groups[2].modifiers.clear();
  auto s = validate_menu(menu);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "modifier group 'dip' asks for 1 choices but offers only 0");
}

TEST(MenuValidation, RefusesAModifierIdUsedInTwoGroups) {
  Menu menu = test_menu();
  menu.modifier_groups[2].modifiers.push_back({"bacon", "Bacon bits", Money::cents(100), {}});
  auto s = validate_menu(menu);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "modifier id 'bacon' is used twice");
}

TEST(MenuValidation, RefusesNegativePricesAndUnknownReferences) {
  Menu menu = test_menu();
  menu.items[1].price = Money::cents(-1);
  EXPECT_EQ(validate_menu(menu).error().message, "item 'fries' has a negative price");
  menu = test_menu();
  menu.items[1].tax_class_id = "wine";
  EXPECT_EQ(validate_menu(menu).error().message, "item 'fries' names unknown tax class 'wine'");
  menu = test_menu();
  menu.items[1].category_id = "pies";
  EXPECT_EQ(validate_menu(menu).error().message, "item 'fries' names unknown category 'pies'");
  menu = test_menu();
  menu.items[1].modifier_group_ids = {"sauces"};
  EXPECT_EQ(validate_menu(menu).error().message,
            "item 'fries' names unknown modifier group 'sauces'");
}

TEST(MenuValidation, RefusesATaxRateAbove100Percent) {
  Menu menu = test_menu();
  menu.tax_classes[0].rate_ppm = 1'000'001;
  EXPECT_EQ(validate_menu(menu).error().message, "tax class 'food' has a rate outside 0..100%");
}

TEST(MenuValidation, RefusesATimerWhoseLateComesBeforeWarning) {
  Menu menu = test_menu();
  menu.stations[0].late_after_s = 100;
  EXPECT_EQ(validate_menu(menu).error().message,
            "station 'grill' needs 0 < warning time <= late time for its ticket timer");
}

TEST(MenuLookup, FindsTheGroupThatOffersAModifierAmongTheItemsGroups) {
  Menu menu = test_menu();
  const MenuItem& burger = *menu.find_item("burger");
  ASSERT_NE(menu.group_offering(burger, "bacon"), nullptr);
  EXPECT_EQ(menu.group_offering(burger, "bacon")->id, "add-ons");
  EXPECT_EQ(menu.group_offering(burger, "aioli"), nullptr);  // fries' dip, not the burger's
  EXPECT_EQ(menu.find_item("pizza"), nullptr);
}

TEST(Courses, RoundTripThroughTheirNames) {
  for (Course c : {Course::drinks, Course::apps, Course::mains, Course::dessert})
    EXPECT_EQ(course_from_string(to_string(c)), c);
  EXPECT_FALSE(course_from_string("brunch").has_value());
}

TEST(Stock, UntrackedItemsAreAlwaysAvailable) {
  Menu menu = test_menu();
  Stock stock;
  EXPECT_TRUE(check_available(stock, *menu.find_item("fries"), 500).ok());
}

TEST(Stock, An86dItemIsRefusedByName) {
  Menu menu = test_menu();
  Stock stock{{"salmon", {true, std::nullopt}}};
  auto s = check_available(stock, *menu.find_item("salmon"), 1);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, Errc::item_86);
  EXPECT_EQ(s.error().message, "Salmon is 86'd");
}

TEST(Stock, ACountedItemSellsDownToZeroThenIsOut) {
  Menu menu = test_menu();
  const MenuItem& rib = *menu.find_item("short-rib");
  Stock stock{{"short-rib", {false, 2}}};
  auto too_many = check_available(stock, rib, 3);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().code, Errc::not_enough_stock);
  EXPECT_EQ(too_many.error().message, "Short Rib: only 2 left, 3 ordered");
  ASSERT_TRUE(check_available(stock, rib, 2).ok());
  stock["short-rib"].remaining = 0;
  EXPECT_TRUE(stock["short-rib"].out());
  EXPECT_EQ(check_available(stock, rib, 1).error().code, Errc::item_86);
}

namespace brigade {
namespace {

TEST(DayParts, ADayPartCoversItsDaysFromItsStartUntilItsEnd) {
  const DayPart brunch{"brunch", "Brunch", 0b1100000, 600, 840};  // sat-sun 10:00-14:00
  EXPECT_FALSE(brunch.covers({4, 700}));                          // Friday
  EXPECT_TRUE(brunch.covers({5, 600}));
  EXPECT_TRUE(brunch.covers({6, 839}));
  EXPECT_FALSE(brunch.covers({6, 840}));  // until is not included
  EXPECT_FALSE(brunch.covers({5, 599}));
  EXPECT_EQ(brunch.describe(), "sat-sun 10:00-14:00");
}

TEST(DayParts, ALateNightPartRunsPastMidnightIntoTheNextDay) {
  const DayPart late{"late", "Late", 0b0110000, 1320, 120};  // fri-sat 22:00-02:00
  EXPECT_TRUE(late.covers({4, 1380}));                       // Friday 23:00
  EXPECT_TRUE(late.covers({5, 60}));                         // Saturday 01:00: Friday's night
  EXPECT_TRUE(late.covers({6, 60}));                         // Sunday 01:00: Saturday's night
  EXPECT_FALSE(late.covers({0, 60}));                        // Monday 01:00: Sunday is not listed
  EXPECT_FALSE(late.covers({4, 60}));                        // Friday 01:00: Thursday is not listed
  EXPECT_EQ(late.describe(), "fri-sat 22:00-02:00");
  EXPECT_EQ((DayPart{"x", "X", 0b0000101, 0, 0}).describe(), "mon, wed, all day");
}

TEST(DayParts, AnItemIsOnSaleInItsOwnAndItsCategorysDayParts) {
  Menu menu = test_menu();
  menu.day_parts = {{"lunch", "Lunch", 0x7f, 660, 900}, {"happy", "Happy hour", 0x1f, 960, 1080}};
  menu.categories[2].day_part_ids = {"happy"};  // drinks: weekdays 16-18 only
  MenuItem& ipa = menu.items[2];
  ipa.day_part_prices = {{"happy", Money::cents(500)}};
  ASSERT_TRUE(validate_menu(menu).ok());
  EXPECT_TRUE(check_on_sale(menu, ipa, {0, 1000}).ok());
  auto refused = check_on_sale(menu, ipa, {5, 1000});  // Saturday
  EXPECT_EQ(refused.error().code, Errc::not_on_sale);
  EXPECT_EQ(refused.error().message, "IPA is sold only at Happy hour (mon-fri 16:00-18:00)");
  EXPECT_EQ(price_at(menu, ipa, {0, 1000}), Money::cents(500));
  EXPECT_EQ(price_at(menu, ipa, {0, 1100}), Money::cents(700));
  ipa.retired = true;
  EXPECT_EQ(check_on_sale(menu, ipa, {0, 1000}).error().message, "IPA is no longer on the menu");

  menu.items[0].day_part_ids = {"dinner"};
  EXPECT_EQ(validate_menu(menu).error().message, "item 'burger' names unknown day part 'dinner'");
}

}  // namespace
}  // namespace brigade
