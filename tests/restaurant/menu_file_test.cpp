// Menu files: the sample's menu written and read back is the same menu; a menu with
// several problems lists each (entry, id, field, why); day parts and the item keys of
// schema v7 read as the format says.
#include "brigade/restaurant/menu_file.h"

#include <gtest/gtest.h>

#include "brigade/restaurant/restaurant_file.h"

namespace brigade {
namespace {

using json = nlohmann::json;

Menu sample_menu() {
  auto restaurant = load_restaurant_file(BRIGADE_ASSETS_DIR "/restaurant.json");
  if (!restaurant) ADD_FAILURE() << restaurant.error().message;
  return restaurant ? restaurant->menu : Menu{};
}

std::vector<std::string> texts_of(const MenuReading& reading) {
  std::vector<std::string> texts;
  for (const MenuProblem& p : reading.problems) texts.push_back(p.text());
  return texts;
}

TEST(MenuFile, TheSampleMenuWrittenAndReadBackIsTheSameMenu) {
  const Menu menu = sample_menu();
  ASSERT_FALSE(menu.items.empty());
  MenuReading back = parse_menu_file(write_menu_file(menu));
  ASSERT_TRUE(back.ok()) << texts_of(back).front();
  EXPECT_EQ(back.menu, menu);
  EXPECT_EQ(write_menu_file(back.menu), write_menu_file(menu));
}

TEST(MenuFile, EveryKeyOfAnItemRoundTrips) {
  Menu menu = sample_menu();
  menu.day_parts = {{"brunch", "Brunch", 0b1100000, 600, 840},
                    {"late", "Late night", 0x7f, 1320, 120}};
  menu.categories.front().day_part_ids = {"late"};
  MenuItem& item = menu.items.front();
  item.retired = true;
  item.description = "house-cured, 8 oz";
  item.allergens = {"gluten", "dairy"};
  item.day_part_ids = {"brunch", "late"};
  item.day_part_prices = {{"late", Money::cents(450)}};
  MenuReading back = read_menu_json(menu_json(menu));
  ASSERT_TRUE(back.ok()) << texts_of(back).front();
  EXPECT_EQ(back.menu, menu);
  const json written = menu_json(menu);
  EXPECT_EQ(written["day_parts"][0], (json{{"id", "brunch"},
                                           {"name", "Brunch"},
                                           {"days", {"sat", "sun"}},
                                           {"from", "10:00"},
                                           {"until", "14:00"}}));
  EXPECT_FALSE(written["day_parts"][1].contains("days"));  // every day is the default
}

TEST(MenuFile, EveryProblemIsListedWithItsEntryIdAndField) {
  json menu = menu_json(sample_menu());
  menu["items"][0]["price"] = "free";
  menu["items"][3]["stations"] = json::array({"bra"});
  menu["items"][5]["prce"] = "1.00";
  menu["stations"][0]["late_after_s"] = 1;
  MenuReading reading = read_menu_json(menu);
  ASSERT_EQ(reading.problems.size(), 4u);
  const std::string item0 = menu["items"][0]["id"], item3 = menu["items"][3]["id"],
                    item5 = menu["items"][5]["id"];
  EXPECT_EQ(reading.problems[0].where, "menu.stations[0]");
  EXPECT_EQ(reading.problems[1],
            (MenuProblem{"menu.items[0]", item0, "price",
                         "'free' is not a price (write dollars and cents, like \"14.50\")"}));
  EXPECT_EQ(reading.problems[2].field, "stations[0]");
  EXPECT_EQ(reading.problems[2].why, "'bra' is not a station (did you mean 'bar'?)");
  EXPECT_EQ(reading.problems[3].text(),
            "menu.items[5] (" + item5 + "): unknown key 'prce' (did you mean 'price'?)");
  EXPECT_EQ(reading.problems[2].id, item3);
}

TEST(MenuFile, DayPartsAreCheckedAsTheFormatSays) {
  json menu = menu_json(sample_menu());
  menu["day_parts"] = json::array({
      {{"id", "a"}, {"name", "A"}, {"from", "25:00"}, {"until", "10:00"}},
      {{"id", "b"}, {"name", "B"}, {"days", {"mon", "mon"}}, {"from", "09:00"}, {"until", "10:00"}},
      {{"id", "c"}, {"name", "C"}, {"days", {"someday"}}, {"from", "09:00"}, {"until", "10:00"}},
      {{"id", "d"}, {"name", "D"}, {"days", json::array()}, {"from", "9:00"}, {"until", "10:00"}},
  });
  menu["items"][0]["day_parts"] = {"e"};
  std::vector<std::string> whys;
  for (const MenuProblem& p : read_menu_json(menu).problems) whys.push_back(p.why);
  EXPECT_EQ(whys, (std::vector<std::string>{
                      "'25:00' is not a time of day (write 24-hour time, like \"17:30\")",
                      "is listed twice",
                      "'someday' is not a day (mon, tue, wed, thu, fri, sat, sun)",
                      "must name at least one day",
                      "'e' is not a day part",
                  }));
}

TEST(MenuFile, ADescriptionIsCountedInCharactersNotBytes) {
  json menu = menu_json(sample_menu());
  std::string accents;
  for (int i = 0; i < 500; ++i) accents += "\xc3\xa9";  // 500 times e-acute: 1000 bytes
  menu["items"][0]["description"] = accents;
  EXPECT_TRUE(read_menu_json(menu).ok());
  menu["items"][0]["description"] = accents + "e";
  MenuReading long_one = read_menu_json(menu);
  ASSERT_EQ(long_one.problems.size(), 1u);
  EXPECT_EQ(long_one.problems[0].why, "is over 500 characters");
}

TEST(MenuFile, AMenuFileHasAVersionAndAMenuOnly) {
  EXPECT_EQ(texts_of(parse_menu_file("{\"format_version\": 1}")),
            (std::vector<std::string>{"top level: missing required key 'menu'"}));
  EXPECT_EQ(texts_of(parse_menu_file("{\"format_version\": 2, \"menu\": {}}")),
            (std::vector<std::string>{
                "format_version: this program reads version 1, the file is version 2"}));
  EXPECT_EQ(texts_of(parse_menu_file("{\"format_version\": 1, \"menu\": {}, \"floor\": {}}")),
            (std::vector<std::string>{"top level: unknown key 'floor'"}));
  EXPECT_EQ(texts_of(parse_menu_file("{")).size(), 1u);
}

}  // namespace
}  // namespace brigade
