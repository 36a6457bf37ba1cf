#include "brigade/restaurant/restaurant_file.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace brigade {
namespace {

using json = nlohmann::json;

const char* const kSamplePath = BRIGADE_ASSETS_DIR "/restaurant.json";

std::string sample_text() {
  std::ifstream in(kSamplePath);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

json sample_json() {
  return json::parse(sample_text());
}

Restaurant load_sample() {
  Result<Restaurant> restaurant = load_restaurant_file(kSamplePath);
  if (!restaurant) ADD_FAILURE() << restaurant.error().message;
  return restaurant ? std::move(restaurant).value() : Restaurant{};
}

// The error parse_restaurant gives for `text`; every file error has the same code.
std::string error_of(const std::string& text) {
  Result<Restaurant> restaurant = parse_restaurant(text);
  if (restaurant) return "(parsed without error)";
  EXPECT_EQ(restaurant.error().code, Errc::invalid_restaurant_file);
  return restaurant.error().message;
}

std::string error_of(const json& document) {
  return error_of(document.dump());
}

// The sample with one exact piece of text replaced: for errors a JSON value cannot hold.
std::string sample_with(const std::string& from, const std::string& to) {
  std::string text = sample_text();
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::vector<const MenuItem*> items_in(const Menu& menu, std::string_view category) {
  std::vector<const MenuItem*> items;
  for (const MenuItem& item : menu.items)
    if (item.category_id == category) items.push_back(&item);
  return items;
}

bool routed_to(const MenuItem& item, std::string_view station) {
  return std::find(item.station_ids.begin(), item.station_ids.end(), station) !=
         item.station_ids.end();
}

bool offers(const MenuItem& item, std::string_view group) {
  return std::find(item.modifier_group_ids.begin(), item.modifier_group_ids.end(), group) !=
         item.modifier_group_ids.end();
}

// ---------------------------------------------------------------------------------------
// The sample restaurant

TEST(SampleRestaurant, LoadsAndPassesDomainValidation) {
  const Restaurant r = load_sample();
  EXPECT_EQ(r.name, "Copperline Brasserie & Grill");
  EXPECT_EQ(r.currency.symbol, "$");
  EXPECT_TRUE(validate_restaurant(r).ok());
}

TEST(SampleRestaurant, HasAtLeastEightCategoriesAndSixtyItems) {
  const Restaurant r = load_sample();
  EXPECT_GE(r.menu.categories.size(), 8u);
  EXPECT_GE(r.menu.items.size(), 60u);
  for (const Category& category : r.menu.categories)
    EXPECT_FALSE(items_in(r.menu, category.id).empty()) << category.id << " is empty";
}

TEST(SampleRestaurant, BurgersAndSteaksMustBeAskedTheirTemperature) {
  const Restaurant r = load_sample();
  const ModifierGroup* temperature = r.menu.find_group("temperature");
  ASSERT_NE(temperature, nullptr);
  EXPECT_TRUE(temperature->forced());
  EXPECT_EQ(temperature->min_select, 1);
  EXPECT_EQ(temperature->max_select, 1);
  std::vector<std::string> names;
  for (const Modifier& m : temperature->modifiers) names.push_back(m.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Rare", "Medium rare", "Medium", "Medium well",
                                             "Well done"}));
  for (const char* id : {"classic-burger", "bacon-cheeseburger", "brasserie-burger", "ny-strip",
                         "ribeye", "filet"}) {
    const MenuItem* item = r.menu.find_item(id);
    ASSERT_NE(item, nullptr) << id;
    // Asked first: the temperature is what the grill reads first.
    ASSERT_FALSE(item->modifier_group_ids.empty()) << id;
    EXPECT_EQ(item->modifier_group_ids.front(), "temperature") << id;
  }
}

TEST(SampleRestaurant, BurgerAddOnsArePricedAndCappedAtThree) {
  const Restaurant r = load_sample();
  const ModifierGroup* addons = r.menu.find_group("burger-addons");
  ASSERT_NE(addons, nullptr);
  EXPECT_FALSE(addons->forced());
  EXPECT_EQ(addons->max_select, 3);
  ASSERT_NE(addons->find("add-bacon"), nullptr);
  EXPECT_EQ(addons->find("add-bacon")->price, Money::cents(150));
  EXPECT_EQ(addons->find("add-cheddar")->price, Money::cents(100));
  EXPECT_EQ(addons->find("add-avocado")->price, Money::cents(200));
  EXPECT_TRUE(offers(*r.menu.find_item("classic-burger"), "burger-addons"));
}

TEST(SampleRestaurant, OptionalGroupsAndSaladProteins) {
  const Restaurant r = load_sample();
  const ModifierGroup* on_the_side = r.menu.find_group("on-the-side");
  ASSERT_NE(on_the_side, nullptr);
  EXPECT_FALSE(on_the_side->forced());
  ASSERT_NE(on_the_side->find("side-sauce"), nullptr);
  EXPECT_EQ(on_the_side->find("side-sauce")->name, "Sauce on the side");
  EXPECT_TRUE(on_the_side->find("side-sauce")->price.is_zero());

  const ModifierGroup* protein = r.menu.find_group("salad-protein");
  ASSERT_NE(protein, nullptr);
  EXPECT_EQ(protein->find("protein-chicken")->price, Money::cents(600));
  for (const char* salad : {"caesar", "house-salad", "wedge", "beet-salad"})
    EXPECT_TRUE(offers(*r.menu.find_item(salad), "salad-protein")) << salad;
}

TEST(SampleRestaurant, RoutesEachKindOfItemToItsStation) {
  const Restaurant r = load_sample();
  for (const char* drinks : {"beer", "wine", "cocktails", "soft-drinks"}) {
    for (const MenuItem* item : items_in(r.menu, drinks)) {
      EXPECT_EQ(item->station_ids, std::vector<std::string>{"bar"}) << item->id;
      EXPECT_EQ(item->course, Course::drinks) << item->id;
    }
  }
  for (const MenuItem* item : items_in(r.menu, "desserts")) {
    EXPECT_EQ(item->station_ids, std::vector<std::string>{"pastry"}) << item->id;
    EXPECT_EQ(item->course, Course::dessert) << item->id;
  }
  for (const MenuItem* item : items_in(r.menu, "salads"))
    EXPECT_TRUE(routed_to(*item, "cold")) << item->id;
  for (const char* fried : {"fries", "onion-rings", "sweet-potato-fries", "wings", "calamari"})
    EXPECT_TRUE(routed_to(*r.menu.find_item(fried), "fryer")) << fried;
  for (const char* grilled : {"classic-burger", "ny-strip", "ribeye", "filet"})
    EXPECT_TRUE(routed_to(*r.menu.find_item(grilled), "grill")) << grilled;
  for (const char* sauteed : {"salmon", "rigatoni", "shrimp-linguine"})
    EXPECT_TRUE(routed_to(*r.menu.find_item(sauteed), "saute")) << sauteed;
  for (const char* cold : {"shrimp-cocktail", "oysters", "tuna-tartare"})
    EXPECT_TRUE(routed_to(*r.menu.find_item(cold), "cold")) << cold;
  // One plate, two stations: the steak off the grill, the frites out of the fryer.
  EXPECT_EQ(r.menu.find_item("steak-frites")->station_ids,
            (std::vector<std::string>{"grill", "fryer"}));
  EXPECT_EQ(r.menu.find_item("wings")->course, Course::apps);
  EXPECT_EQ(r.menu.find_item("classic-burger")->course, Course::mains);
}

TEST(SampleRestaurant, SevenStationsWithExpoAndAFasterBar) {
  const Restaurant r = load_sample();
  std::set<std::string> ids;
  for (const Station& s : r.menu.stations) ids.insert(s.id);
  EXPECT_EQ(ids,
            (std::set<std::string>{"grill", "fryer", "saute", "cold", "bar", "pastry", "expo"}));
  EXPECT_TRUE(r.menu.find_station("expo")->expo);
  EXPECT_FALSE(r.menu.find_station("grill")->expo);
  EXPECT_EQ(r.menu.find_station("fryer")->warn_after_s, 300);  // the defaults
  EXPECT_EQ(r.menu.find_station("fryer")->late_after_s, 600);
  EXPECT_LT(r.menu.find_station("bar")->warn_after_s, r.menu.find_station("fryer")->warn_after_s);
}

TEST(SampleRestaurant, TaxesFoodAndAlcoholSeparately) {
  const Restaurant r = load_sample();
  const TaxClass* food = r.menu.find_tax_class("food");
  const TaxClass* alcohol = r.menu.find_tax_class("alcohol");
  ASSERT_NE(food, nullptr);
  ASSERT_NE(alcohol, nullptr);
  EXPECT_EQ(food->rate_ppm, 88'750);
  EXPECT_FALSE(food->inclusive);
  EXPECT_EQ(alcohol->rate_ppm, 103'750);
  EXPECT_EQ(r.menu.find_item("beer-lager")->tax_class_id, "alcohol");
  EXPECT_EQ(r.menu.find_item("beer-na")->tax_class_id, "food");  // overrides its category
  EXPECT_EQ(r.menu.find_item("classic-burger")->tax_class_id, "food");
}

TEST(SampleRestaurant, PricesAreExactCents) {
  const Restaurant r = load_sample();
  EXPECT_EQ(r.menu.find_item("classic-burger")->price, Money::cents(1700));
  EXPECT_EQ(r.menu.find_item("bacon-cheeseburger")->price, Money::cents(1950));
  EXPECT_EQ(r.menu.find_item("espresso")->price, Money::cents(375));
}

TEST(SampleRestaurant, TracksSalmonShortRibAndTheDailySpecial) {
  const Restaurant r = load_sample();
  for (const auto& [id, count] :
       {std::pair{"salmon", 8}, {"short-rib", 12}, {"daily-special", 15}}) {
    // Counted in portions of its own: one ingredient, the item itself.
    EXPECT_EQ(r.menu.find_item(id)->recipe, (Recipe{{id, 1}})) << id;
    auto it = r.inventory.find(id);
    ASSERT_NE(it, r.inventory.end()) << id;
    EXPECT_EQ(it->second, count) << id;
  }
}

TEST(SampleRestaurant, FloorHasTwentyTablesInTwoRoomsAndTableTwelveSeatsFour) {
  const Restaurant r = load_sample();
  EXPECT_GE(r.floor.rooms.size(), 2u);
  EXPECT_GE(r.floor.tables.size(), 20u);
  int dining = 0, patio = 0;
  for (const Table& t : r.floor.tables) {
    dining += t.room_id == "dining";
    patio += t.room_id == "patio";
  }
  EXPECT_EQ(dining, 16);
  EXPECT_EQ(patio, 8);
  const Table* twelve = r.floor.find_table("12");
  ASSERT_NE(twelve, nullptr);
  EXPECT_EQ(twelve->room_id, "dining");
  EXPECT_EQ(twelve->name, "Table 12");  // the default name
  EXPECT_EQ(twelve->seats, 4);
  EXPECT_EQ(r.floor.find_table("9")->shape, TableShape::booth);
  EXPECT_EQ(r.floor.find_table("B1")->name, "Bar 1");
  EXPECT_EQ(r.floor.find_room("patio")->name, "Patio");
}

TEST(SampleRestaurant, EveryRoleHasSomeoneWithTheDocumentedPin) {
  const Restaurant r = load_sample();
  std::set<Role> roles;
  for (const StaffSeed& s : r.staff) roles.insert(s.member.role);
  EXPECT_EQ(roles, (std::set<Role>{Role::server, Role::bartender, Role::host, Role::manager,
                                   Role::kitchen}));
  // docs/restaurant-format.md lists these: keep them in step.
  auto pin_of = [&](std::string_view id) {
    for (const StaffSeed& s : r.staff)
      if (s.member.id == id) return s.pin;
    return std::string("(none)");
  };
  EXPECT_EQ(pin_of("dana"), "1234");
  EXPECT_EQ(pin_of("sam"), "1111");
  EXPECT_EQ(pin_of("jess"), "4444");
  EXPECT_EQ(pin_of("olivia"), "6666");
  EXPECT_EQ(pin_of("tom"), "7777");
  const auto alex = std::find_if(r.staff.begin(), r.staff.end(),
                                 [](const StaffSeed& s) { return s.member.id == "alex"; });
  ASSERT_NE(alex, r.staff.end());
  EXPECT_FALSE(alex->member.active);
}

// ---------------------------------------------------------------------------------------
// Malformed files: one test per error, with the exact text a person will read.

TEST(RestaurantFileErrors, MalformedJsonGivesLineAndColumn) {
  EXPECT_EQ(error_of(std::string("{\n  \"name\": \"x\",\n}")),
            "not valid JSON at line 3, column 1: syntax error while parsing object key - "
            "unexpected '}'; expected string literal");
}

TEST(RestaurantFileErrors, EmptyText) {
  EXPECT_EQ(error_of(std::string("")),
            "not valid JSON at line 1, column 1: syntax error while parsing value - unexpected "
            "end of input; expected '[', '{', or a literal");
}

TEST(RestaurantFileErrors, TruncatedSampleNamesTheLineWhereItEnds) {
  const std::string text = sample_text();
  const std::string cut = text.substr(0, text.find("\"stock\""));
  const auto lines = std::count(cut.begin(), cut.end(), '\n');
  EXPECT_EQ(error_of(cut), "not valid JSON at line " + std::to_string(lines + 1) +
                               ", column 3: syntax error while parsing object key - unexpected "
                               "end of input; expected string literal");
}

TEST(RestaurantFileErrors, NoPrefixOfTheSampleParsesOrThrows) {
  const std::string text = sample_text();
  for (std::size_t n = 0; n + 1 < text.size(); n += 97) {
    Result<Restaurant> r = parse_restaurant(std::string_view(text).substr(0, n));
    EXPECT_FALSE(r.ok()) << n;
  }
}

TEST(RestaurantFileErrors, BrokenUtf8IsNotEchoed) {
  EXPECT_EQ(error_of(std::string("{\"name\": \"\xff\"}")),
            "not valid JSON at line 1, column 11: syntax error while parsing value - invalid "
            "string: ill-formed UTF-8 byte; last read: '\"?'");
}

TEST(RestaurantFileErrors, TopLevelMustBeAnObject) {
  EXPECT_EQ(error_of(std::string("[]")), "top level: expected an object, got an array");
}

TEST(RestaurantFileErrors, DuplicateKeyAtTopLevel) {
  EXPECT_EQ(error_of(std::string(R"({"format_version": 1, "name": "A", "name": "B"})")),
            "top level: key 'name' appears twice");
}

TEST(RestaurantFileErrors, DuplicateKeyDeepInsideNamesItsPath) {
  EXPECT_EQ(error_of(sample_with(R"({ "id": "12", "seats": 4,)",
                                 R"({ "id": "12", "seats": 4, "seats": 6,)")),
            "floor.rooms[0].tables[11]: key 'seats' appears twice");
  EXPECT_EQ(
      error_of(sample_with(R"("price": "8.00" },)", R"("price": "8.00", "price": "9.00" },)")),
      "menu.modifier_groups[7].modifiers[1]: key 'price' appears twice");
  EXPECT_EQ(error_of(sample_with(R"("category": "beer", "price": "8.00" })",
                                 R"("category": "beer", "price": "8.00", "price": "9.00" })")),
            "menu.items[0]: key 'price' appears twice");
}

// The file is the owner's, not the wire's, but a deep one must still be an error, not a
// crash: the parser and the reader never recurse into what they do not expect.
TEST(RestaurantFileErrors, ADeeplyNestedValueIsAnErrorNotACrash) {
  const std::string deep = std::string(60'000, '[') + std::string(60'000, ']');
  EXPECT_EQ(error_of(sample_with(R"("Copperline Brasserie & Grill")", deep)),
            "name: expected a string, got an array");
}

TEST(RestaurantFileErrors, WrongFormatVersion) {
  json doc = sample_json();
  doc["format_version"] = 2;
  EXPECT_EQ(error_of(doc), "format_version: this program reads version 1, the file is version 2");
}

TEST(RestaurantFileErrors, WrongTypeForAWholeNumber) {
  json doc = sample_json();
  doc["floor"]["rooms"][0]["tables"][11]["seats"] = "four";
  EXPECT_EQ(error_of(doc),
            "floor.rooms[0].tables[11].seats: expected a whole number, got a string");
}

TEST(RestaurantFileErrors, WrongTypeForAList) {
  json doc = sample_json();
  doc["menu"]["items"][0]["stations"] = "bar";
  EXPECT_EQ(error_of(doc), "menu.items[0].stations: expected an array, got a string");
}

TEST(RestaurantFileErrors, WrongTypeForAFlag) {
  json doc = sample_json();
  doc["menu"]["items"][0]["track_stock"] = "yes";
  EXPECT_EQ(error_of(doc), "menu.items[0].track_stock: expected true or false, got a string");
}

TEST(RestaurantFileErrors, PriceWrittenAsANumber) {
  json doc = sample_json();
  doc["menu"]["items"][0]["price"] = 8.5;
  EXPECT_EQ(error_of(doc),
            "menu.items[0].price: expected a string, got a decimal number (write prices in "
            "quotes, like \"14.50\")");
}

TEST(RestaurantFileErrors, MissingRequiredKey) {
  json doc = sample_json();
  doc["menu"]["items"][3].erase("price");
  EXPECT_EQ(error_of(doc), "menu.items[3]: missing required key 'price'");
}

TEST(RestaurantFileErrors, MissingSection) {
  json doc = sample_json();
  doc.erase("staff");
  EXPECT_EQ(error_of(doc), "top level: missing required key 'staff'");
}

TEST(RestaurantFileErrors, MissingTaxClassWhenTheCategoryGivesNone) {
  json doc = sample_json();
  ASSERT_EQ(doc["menu"]["categories"][4]["id"], "starters");
  ASSERT_EQ(doc["menu"]["items"][32]["id"], "wings");
  doc["menu"]["categories"][4].erase("tax_class");
  EXPECT_EQ(error_of(doc),
            "menu.items[32]: missing required key 'tax_class' (category 'starters' sets no "
            "default)");
}

TEST(RestaurantFileErrors, UnknownKeySuggestsTheKnownOne) {
  json doc = sample_json();
  doc["menu"]["items"][12]["prce"] = doc["menu"]["items"][12]["price"];
  doc["menu"]["items"][12].erase("price");
  EXPECT_EQ(error_of(doc), "menu.items[12]: unknown key 'prce' (did you mean 'price'?)");
}

TEST(RestaurantFileErrors, UnknownKeyWithNothingClose) {
  json doc = sample_json();
  doc["colour"] = "copper";
  EXPECT_EQ(error_of(doc), "top level: unknown key 'colour'");
}

TEST(RestaurantFileErrors, UnknownTaxClass) {
  json doc = sample_json();
  doc["menu"]["items"][12]["tax_class"] = "wine";
  EXPECT_EQ(error_of(doc), "menu.items[12].tax_class: 'wine' is not a tax class");
}

TEST(RestaurantFileErrors, UnknownCategorySuggestsTheKnownOne) {
  json doc = sample_json();
  doc["menu"]["items"][0]["category"] = "beers";
  EXPECT_EQ(error_of(doc),
            "menu.items[0].category: 'beers' is not a category (did you mean 'beer'?)");
}

TEST(RestaurantFileErrors, UnknownStation) {
  json doc = sample_json();
  doc["menu"]["items"][0]["stations"] = {"bra"};
  EXPECT_EQ(error_of(doc),
            "menu.items[0].stations[0]: 'bra' is not a station (did you mean 'bar'?)");
}

TEST(RestaurantFileErrors, UnknownStationInACategoryDefault) {
  json doc = sample_json();
  doc["menu"]["categories"][0]["stations"] = {"taps"};
  EXPECT_EQ(error_of(doc), "menu.categories[0].stations[0]: 'taps' is not a station");
}

TEST(RestaurantFileErrors, UnknownModifierGroup) {
  json doc = sample_json();
  ASSERT_EQ(doc["menu"]["items"][47]["id"], "classic-burger");
  doc["menu"]["items"][47]["modifier_groups"][0] = "temp";
  EXPECT_EQ(error_of(doc), "menu.items[47].modifier_groups[0]: 'temp' is not a modifier group");
}

TEST(RestaurantFileErrors, ModifierGroupListedTwice) {
  json doc = sample_json();
  doc["menu"]["items"][47]["modifier_groups"][1] = "temperature";
  EXPECT_EQ(error_of(doc), "menu.items[47].modifier_groups[1]: 'temperature' is listed twice");
}

TEST(RestaurantFile, ItemMayListNoModifierGroups) {
  json doc = sample_json();
  doc["menu"]["items"][47]["modifier_groups"] = json::array();
  Result<Restaurant> r = parse_restaurant(doc.dump());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->menu.find_item("classic-burger")->modifier_group_ids.empty());
}

TEST(RestaurantFileErrors, ItemRoutedToExpo) {
  json doc = sample_json();
  doc["menu"]["items"][0]["stations"] = {"expo"};
  EXPECT_EQ(error_of(doc),
            "menu.items[0].stations[0]: 'expo' is an expo station, which sees every ticket "
            "anyway: route to a kitchen station");
}

TEST(RestaurantFileErrors, ItemRoutedNowhere) {
  json doc = sample_json();
  doc["menu"]["items"][0]["stations"] = json::array();
  EXPECT_EQ(error_of(doc), "menu.items[0].stations: must name at least one");
}

TEST(RestaurantFileErrors, UnknownCourseListsTheCourses) {
  json doc = sample_json();
  doc["menu"]["items"][47]["course"] = "main";
  EXPECT_EQ(error_of(doc),
            "menu.items[47].course: 'main' is not a course (drinks, apps, mains, dessert)");
}

TEST(RestaurantFileErrors, UnknownTableShape) {
  json doc = sample_json();
  doc["floor"]["rooms"][0]["tables"][0]["shape"] = "oval";
  EXPECT_EQ(error_of(doc),
            "floor.rooms[0].tables[0].shape: 'oval' is not a table shape (square, round, booth)");
}

TEST(RestaurantFileErrors, UnknownRole) {
  json doc = sample_json();
  doc["staff"][8]["role"] = "chef";
  EXPECT_EQ(error_of(doc),
            "staff[8].role: 'chef' is not a role (server, bartender, host, manager, kitchen)");
}

TEST(RestaurantFileErrors, DuplicateItemIdNamesTheFirstUse) {
  json doc = sample_json();
  doc["menu"]["items"][5]["id"] = "beer-lager";
  EXPECT_EQ(error_of(doc), "menu.items[5].id: 'beer-lager' is already used by menu.items[0]");
}

TEST(RestaurantFileErrors, DuplicateModifierIdAcrossGroups) {
  json doc = sample_json();
  doc["menu"]["modifier_groups"][1]["modifiers"][0]["id"] = "temp-rare";
  EXPECT_EQ(error_of(doc),
            "menu.modifier_groups[1].modifiers[0].id: 'temp-rare' is already used by "
            "menu.modifier_groups[0].modifiers[0]");
}

TEST(RestaurantFileErrors, DuplicateTableIdAcrossRooms) {
  json doc = sample_json();
  doc["floor"]["rooms"][1]["tables"][0]["id"] = "12";
  EXPECT_EQ(error_of(doc),
            "floor.rooms[1].tables[0].id: '12' is already used by floor.rooms[0].tables[11]");
}

TEST(RestaurantFileErrors, DuplicateStaffId) {
  json doc = sample_json();
  doc["staff"][3]["id"] = "sam";
  EXPECT_EQ(error_of(doc), "staff[3].id: 'sam' is already used by staff[2]");
}

TEST(RestaurantFileErrors, IdWithSpaces) {
  json doc = sample_json();
  doc["menu"]["items"][0]["id"] = "House lager";
  EXPECT_EQ(error_of(doc),
            "menu.items[0].id: 'House lager' is not a valid id (use up to 64 letters, digits, "
            "'-', '_' or '.', no spaces)");
}

TEST(RestaurantFileErrors, BlankName) {
  json doc = sample_json();
  doc["menu"]["items"][0]["name"] = "  ";
  EXPECT_EQ(error_of(doc), "menu.items[0].name: must not be empty");
}

TEST(RestaurantFileErrors, BadPinNeverRepeatsThePin) {
  for (const char* pin : {"12a4", "123", "1234567", ""}) {
    json doc = sample_json();
    doc["staff"][2]["pin"] = pin;
    EXPECT_EQ(error_of(doc), "staff[2].pin: must be 4 to 6 digits") << pin;
  }
}

TEST(RestaurantFileErrors, SixDigitPinsRefuseShorterOnes) {
  json doc = sample_json();
  doc["pin_digits"] = 6;
  EXPECT_EQ(error_of(doc), "staff[0].pin: must be 6 digits (pin_digits is 6)");
  for (auto& member : doc["staff"]) {
    std::string pin = member["pin"];
    pin.resize(6, '0');
    member["pin"] = pin;
  }
  auto restaurant = brigade::parse_restaurant(doc.dump());
  ASSERT_TRUE(restaurant.ok()) << restaurant.error().message;
  EXPECT_EQ(restaurant->pin_digits, 6);
}

TEST(RestaurantFileErrors, PinDigitsAreFourOrSix) {
  json doc = sample_json();
  doc["pin_digits"] = 5;
  EXPECT_EQ(error_of(doc), "pin_digits: must be 4 or 6");
  doc["pin_digits"] = 8;
  EXPECT_EQ(error_of(doc).substr(0, 12), "pin_digits: ");
}

TEST(RestaurantFileErrors, PinWrittenAsANumber) {
  json doc = sample_json();
  doc["staff"][2]["pin"] = 1111;
  EXPECT_EQ(error_of(doc),
            "staff[2].pin: expected a string, got a whole number (write the PIN in quotes, like "
            "\"0420\")");
}

TEST(RestaurantFileErrors, DuplicatePin) {
  json doc = sample_json();
  doc["staff"][3]["pin"] = "1111";
  EXPECT_EQ(error_of(doc), "staff[3].pin: same PIN as staff[2] (every PIN must be unique)");
}

TEST(RestaurantFileErrors, MinGreaterThanMax) {
  json doc = sample_json();
  ASSERT_EQ(doc["menu"]["modifier_groups"][1]["id"], "burger-addons");
  doc["menu"]["modifier_groups"][1]["min"] = 4;
  EXPECT_EQ(error_of(doc), "menu.modifier_groups[1]: min (4) is greater than max (3)");
}

TEST(RestaurantFileErrors, MinAboveTheNumberOfModifiers) {
  json doc = sample_json();
  ASSERT_EQ(doc["menu"]["modifier_groups"][2]["id"], "bun");
  doc["menu"]["modifier_groups"][2]["min"] = 3;
  doc["menu"]["modifier_groups"][2]["max"] = 3;
  EXPECT_EQ(error_of(doc),
            "menu.modifier_groups[2]: min (3) asks for more choices than the 2 modifiers it "
            "offers");
}

TEST(RestaurantFileErrors, MaxOfZero) {
  json doc = sample_json();
  doc["menu"]["modifier_groups"][0]["min"] = 0;
  doc["menu"]["modifier_groups"][0]["max"] = 0;
  EXPECT_EQ(error_of(doc), "menu.modifier_groups[0].max: must be at least 1, got 0");
}

TEST(RestaurantFileErrors, GroupWithoutModifiers) {
  json doc = sample_json();
  doc["menu"]["modifier_groups"][2]["modifiers"] = json::array();
  EXPECT_EQ(error_of(doc), "menu.modifier_groups[2].modifiers: must list at least one modifier");
}

TEST(RestaurantFileErrors, NegativePrice) {
  json doc = sample_json();
  doc["menu"]["items"][0]["price"] = "-1.00";
  EXPECT_EQ(error_of(doc), "menu.items[0].price: '-1.00' is negative");
}

TEST(RestaurantFileErrors, PriceWithThreeDecimals) {
  json doc = sample_json();
  doc["menu"]["items"][0]["price"] = "14.505";
  EXPECT_EQ(error_of(doc),
            "menu.items[0].price: '14.505' is not a price (write dollars and cents, like "
            "\"14.50\")");
}

TEST(RestaurantFileErrors, NegativeModifierPrice) {
  json doc = sample_json();
  doc["menu"]["modifier_groups"][1]["modifiers"][0]["price"] = "-1.50";
  EXPECT_EQ(error_of(doc), "menu.modifier_groups[1].modifiers[0].price: '-1.50' is negative");
}

TEST(RestaurantFileErrors, TaxRateAboveOneHundredPercent) {
  json doc = sample_json();
  doc["menu"]["tax_classes"][0]["rate_ppm"] = 8'875'000;
  EXPECT_EQ(error_of(doc),
            "menu.tax_classes[0].rate_ppm: must be between 0 and 1000000, got 8875000");
}

TEST(RestaurantFileErrors, LateBeforeWarning) {
  json doc = sample_json();
  ASSERT_EQ(doc["menu"]["stations"][4]["id"], "bar");
  doc["menu"]["stations"][4]["late_after_s"] = 120;
  EXPECT_EQ(error_of(doc), "menu.stations[4]: late_after_s (120) is less than warn_after_s (180)");
}

TEST(RestaurantFileErrors, CurrencySeparatorsMustBeSingleCharacters) {
  json doc = sample_json();
  doc["currency"]["decimal_point"] = "..";
  EXPECT_EQ(error_of(doc), "currency.decimal_point: must be a single character");
}

TEST(RestaurantFileErrors, StockForAnUnknownItem) {
  json doc = sample_json();
  doc["stock"]["salmn"] = {{"remaining", 3}};
  EXPECT_EQ(error_of(doc), "stock.salmn: 'salmn' is not a menu item (did you mean 'salmon'?)");
}

TEST(RestaurantFileErrors, StockCountForAnUntrackedItem) {
  json doc = sample_json();
  doc["stock"]["fries"] = {{"remaining", 3}};
  EXPECT_EQ(error_of(doc),
            "stock.fries.remaining: 'fries' is not counted in portions (set \"track_stock\": "
            "true on the item, or count its ingredients in \"inventory\")");
}

TEST(RestaurantFileErrors, NegativeStock) {
  json doc = sample_json();
  doc["stock"]["salmon"]["remaining"] = -1;
  EXPECT_EQ(error_of(doc), "stock.salmon.remaining: must be between 0 and 1000000000, got -1");
}

TEST(SampleRestaurant, BurgersTakeAPattyAndBaconTakesTwoRashers) {
  const Restaurant r = load_sample();
  EXPECT_EQ(r.menu.find_item("classic-burger")->recipe, (Recipe{{"beef-patty", 1}}));
  EXPECT_EQ(r.menu.find_item("bacon-cheeseburger")->recipe,
            (Recipe{{"beef-patty", 1}, {"bacon", 2}}));
  EXPECT_EQ(r.menu.find_group("burger-addons")->find("add-bacon")->recipe, (Recipe{{"bacon", 2}}));
  EXPECT_EQ(*r.menu.find_ingredient("bacon"), (Ingredient{"bacon", "Bacon", "rasher", 12}));
  // track_stock is the short form of an ingredient of the item's own, in portions.
  EXPECT_EQ(*r.menu.find_ingredient("salmon"),
            (Ingredient{"salmon", "Pan-roasted salmon", "portion", 0}));
  EXPECT_EQ(r.inventory.at("beef-patty"), 40);
  EXPECT_EQ(r.inventory.at("bacon"), 60);
}

TEST(RestaurantFileErrors, RecipesAndInventoryNameIngredients) {
  json doc = sample_json();
  doc["menu"]["items"][0]["recipe"] = {{{"ingredient", "beef-pattie"}}};
  EXPECT_EQ(error_of(doc),
            "menu.items[0].recipe[0].ingredient: 'beef-pattie' is not an ingredient (did you mean "
            "'beef-patty'?)");
  doc = sample_json();
  doc["menu"]["items"][0]["recipe"] = {{{"ingredient", "bacon"}, {"quantity", 0}}};
  EXPECT_EQ(error_of(doc),
            "menu.items[0].recipe[0].quantity: must be between 1 and 1000000, got 0");
  doc = sample_json();
  doc["inventory"]["bacn"] = 4;
  EXPECT_EQ(error_of(doc), "inventory.bacn: 'bacn' is not an ingredient (did you mean 'bacon'?)");
  doc = sample_json();
  doc["stock"]["brasserie-burger"] = {{"remaining", 4}};
  doc["stock"]["classic-burger"] = {{"remaining", 5}};  // the same patties, counted twice
  EXPECT_EQ(error_of(doc), "stock.classic-burger.remaining: 'beef-patty' is counted twice");
  doc = sample_json();
  doc["inventory"]["salmon"] = 4;  // counted already in "stock"
  EXPECT_EQ(error_of(doc), "inventory.salmon: is counted twice (here and in \"stock\")");
}

TEST(RestaurantFileErrors, EmptyStockEntry) {
  json doc = sample_json();
  doc["stock"]["salmon"] = json::object();
  EXPECT_EQ(error_of(doc), "stock.salmon: give \"remaining\", \"eighty_sixed\" or both");
}

TEST(RestaurantFile, EightySixedUntrackedItemIsOut) {
  json doc = sample_json();
  doc["stock"]["oysters"] = {{"eighty_sixed", true}};
  Result<Restaurant> r = parse_restaurant(doc.dump());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->stock.at("oysters").out());
  EXPECT_FALSE(r->stock.at("oysters").remaining.has_value());
}

TEST(RestaurantFile, DefaultsApplyWhenOptionalKeysAreLeftOut) {
  json doc = sample_json();
  doc.erase("currency");
  doc.erase("stock");
  doc["menu"].erase("modifier_groups");
  for (json& item : doc["menu"]["items"]) item.erase("modifier_groups");
  doc["menu"]["categories"][4]["stations"] = {"cold"};
  doc["menu"]["categories"][4].erase("course");
  Result<Restaurant> r = parse_restaurant(doc.dump());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->currency.symbol, "$");
  EXPECT_TRUE(r->stock.empty());
  EXPECT_TRUE(r->menu.modifier_groups.empty());
  EXPECT_EQ(r->menu.find_item("wings")->course, Course::mains);  // no course anywhere: mains
  EXPECT_EQ(r->menu.find_item("wings")->station_ids, std::vector<std::string>{"fryer"});
}

TEST(RestaurantFile, LoadNamesTheFileInItsErrors) {
  Result<Restaurant> missing = load_restaurant_file("/nonexistent/restaurant.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::invalid_restaurant_file);
  EXPECT_EQ(missing.error().message,
            "/nonexistent/restaurant.json: cannot read: No such file or directory");

  const std::string path = ::testing::TempDir() + "/brigade_bad_restaurant.json";
  {
    std::ofstream out(path);
    out << R"({"format_version": 1, "prce": 1})";
  }
  Result<Restaurant> bad = load_restaurant_file(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, path + ": top level: unknown key 'prce'");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace brigade
