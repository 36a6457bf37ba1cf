// posctl's order items and stock portions, read without CLI11 or a hub.
#include "item_spec.h"

#include <gtest/gtest.h>

namespace brigade::posctl {
namespace {

ItemSpec item(std::string id, std::vector<std::string> modifiers = {},
              std::optional<int> seat = std::nullopt) {
  return {std::move(id), std::move(modifiers), seat};
}

std::string spec_error(std::string_view spec) {
  auto r = parse_item_spec(spec);
  EXPECT_FALSE(r.ok()) << spec;
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code, Errc::invalid_argument);
  return r.error().message;
}

std::string portions_error(std::string_view text) {
  auto r = parse_portions(text);
  EXPECT_FALSE(r.ok()) << text;
  if (r.ok()) return "";
  EXPECT_EQ(r.error().code, Errc::invalid_quantity);
  return r.error().message;
}

TEST(ItemSpec, AnItemAlone) {
  EXPECT_EQ(*parse_item_spec("fries"), item("fries"));
}

TEST(ItemSpec, AnItemForASeat) {
  EXPECT_EQ(*parse_item_spec("beer-ipa@1"), item("beer-ipa", {}, 1));
  EXPECT_EQ(*parse_item_spec("fries@12"), item("fries", {}, 12));
}

TEST(ItemSpec, SeatZeroIsTheTable) {
  EXPECT_EQ(*parse_item_spec("beer-stout@0"), item("beer-stout", {}, 0));
}

TEST(ItemSpec, ModifiersInTheOrderGiven) {
  EXPECT_EQ(*parse_item_spec("classic-burger:temp-medium-rare,add-bacon@2"),
            item("classic-burger", {"temp-medium-rare", "add-bacon"}, 2));
  EXPECT_EQ(*parse_item_spec("classic-burger:temp-medium"),
            item("classic-burger", {"temp-medium"}));
}

TEST(ItemSpec, AColonWithNothingAfterItMeansNoModifiers) {
  EXPECT_EQ(*parse_item_spec("fries:"), item("fries"));
  EXPECT_EQ(*parse_item_spec("fries:@3"), item("fries", {}, 3));
}

TEST(ItemSpec, AnEmptySpecIsRefused) {
  EXPECT_EQ(spec_error(""), "an item is empty: say item[:modifier,modifier][@seat]");
}

TEST(ItemSpec, ASpecWithNoItemIsRefused) {
  EXPECT_EQ(spec_error("@2"), "'@2' names no item");
  EXPECT_EQ(spec_error(":add-bacon"), "':add-bacon' names no item");
  EXPECT_EQ(spec_error(":add-bacon@1"), "':add-bacon@1' names no item");
}

TEST(ItemSpec, AnEmptyModifierIsRefused) {
  EXPECT_EQ(spec_error("classic-burger:temp-medium,,add-bacon"),
            "'classic-burger:temp-medium,,add-bacon' has an empty modifier");
  EXPECT_EQ(spec_error("classic-burger:add-bacon,"),
            "'classic-burger:add-bacon,' has an empty modifier");
  EXPECT_EQ(spec_error("classic-burger:,add-bacon@1"),
            "'classic-burger:,add-bacon@1' has an empty modifier");
}

TEST(ItemSpec, AMissingSeatIsRefused) {
  EXPECT_EQ(spec_error("fries@"), "'fries@' has no seat after '@'");
}

TEST(ItemSpec, ASeatThatIsNotANumberIsRefused) {
  EXPECT_EQ(spec_error("fries@two"), "'fries@two' has a seat that is not a number: 'two'");
  EXPECT_EQ(spec_error("fries@2x"), "'fries@2x' has a seat that is not a number: '2x'");
  EXPECT_EQ(spec_error("fries@+2"), "'fries@+2' has a seat that is not a number: '+2'");
  EXPECT_EQ(spec_error("fries@ 2"), "'fries@ 2' has a seat that is not a number: ' 2'");
  EXPECT_EQ(spec_error("fries@1@2"), "'fries@1@2' has a seat that is not a number: '1@2'");
}

// atoi read "1:add-bacon" as seat 1 and the bacon was lost without a word.
TEST(ItemSpec, ModifiersAfterTheSeatAreRefusedNotDropped) {
  EXPECT_EQ(spec_error("classic-burger@1:add-bacon"),
            "'classic-burger@1:add-bacon' has a seat that is not a number: '1:add-bacon'");
}

TEST(ItemSpec, ANegativeSeatIsRefused) {
  EXPECT_EQ(spec_error("fries@-1"), "'fries@-1' has a seat below 0 (0 is the table): '-1'");
  EXPECT_EQ(spec_error("fries@-99999999999"),
            "'fries@-99999999999' has a seat below 0 (0 is the table): '-99999999999'");
}

TEST(ItemSpec, ASeatTooLargeForAnIntIsRefused) {
  EXPECT_EQ(*parse_item_spec("fries@2147483647"), item("fries", {}, 2147483647));
  EXPECT_EQ(spec_error("fries@2147483648"),
            "'fries@2147483648' has a seat too large: '2147483648'");
}

TEST(Portions, AWholeNumberFromZero) {
  EXPECT_EQ(*parse_portions("12"), 12);
  EXPECT_EQ(*parse_portions("0"), 0);
  EXPECT_EQ(*parse_portions("2147483647"), 2147483647);
}

TEST(Portions, AnythingElseIsRefused) {
  EXPECT_EQ(portions_error(""), "count must be a number or off, not ''");
  EXPECT_EQ(portions_error("twelve"), "count must be a number or off, not 'twelve'");
  EXPECT_EQ(portions_error("12abc"), "count must be a number or off, not '12abc'");
  EXPECT_EQ(portions_error("1.5"), "count must be a number or off, not '1.5'");
  EXPECT_EQ(portions_error("-3"), "count must be 0 or more, not '-3'");
  EXPECT_EQ(portions_error("-99999999999"), "count must be 0 or more, not '-99999999999'");
  EXPECT_EQ(portions_error("99999999999"), "count is too large: '99999999999'");
}

}  // namespace
}  // namespace brigade::posctl
