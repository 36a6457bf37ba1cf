#include "modifier_dialog.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

TEST(ModifierDialog, AForcedGroupLeftUnansweredBlocksAdding) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 4);
  t.tap("category.burgers");
  t.tap("item.classic-burger");
  const ModifierDialog& dialog = t.app.order().modifier_dialog();
  ASSERT_TRUE(dialog.is_open());
  EXPECT_EQ(dialog.missing(t.state.menu()), std::vector<std::string>{"Temperature"});
  t.tap("modifier.add-bacon");  // an optional choice does not answer the forced group
  t.tap("modifier.add");
  EXPECT_TRUE(dialog.is_open());
  EXPECT_TRUE(t.check().check.lines.empty());
  EXPECT_EQ(t.controller.last("add_line"), nullptr);

  t.tap("modifier.temp-medium-rare");
  EXPECT_TRUE(dialog.missing(t.state.menu()).empty());
  t.tap("modifier.add");
  EXPECT_FALSE(dialog.is_open());
  ASSERT_EQ(t.check().check.lines.size(), 1u);
  const Line& l = t.check().check.lines[0];
  ASSERT_EQ(l.modifiers.size(), 2u);
  EXPECT_EQ(l.modifiers[0].name, "Bacon");
  EXPECT_EQ(l.modifiers[1].name, "Medium rare");
  EXPECT_EQ(l.unit_total(), Money::cents(1850));
}

TEST(ModifierDialog, ShowsPricesAndKeepsEachGroupsLimits) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 4);
  t.tap("category.burgers");
  t.tap("item.classic-burger");
  const ModifierDialog& d = t.app.order().modifier_dialog();
  const Menu& menu = t.state.menu();
  EXPECT_EQ(d.unit_price(menu), Money::cents(1700));
  // One answer for the temperature: a second tap swaps it.
  t.tap("modifier.temp-rare");
  t.tap("modifier.temp-medium");
  EXPECT_EQ(d.chosen(), std::vector<std::string>{"temp-medium"});
  // Up to three add-ons: the fourth is not taken.
  for (const char* m : {"add-bacon", "add-cheddar", "add-avocado", "add-fried-egg"})
    t.tap(std::string("modifier.") + m);
  EXPECT_EQ(d.chosen(),
            (std::vector<std::string>{"temp-medium", "add-bacon", "add-cheddar", "add-avocado"}));
  EXPECT_EQ(d.unit_price(menu), Money::cents(1700 + 150 + 100 + 200));
  t.tap("modifier.add-cheddar");  // tapped again: off
  EXPECT_EQ(d.unit_price(menu), Money::cents(1700 + 150 + 200));
}

TEST(ModifierDialog, QuantityAndANoteGoWithTheLine) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 4);
  t.tap("seat.2");
  t.tap("category.burgers");
  t.tap("item.classic-burger");
  t.tap("modifier.temp-well");
  t.tap("modifier.more");
  t.tap("modifier.note.4");  // "Allergy: sesame"
  t.tap("modifier.keyboard");
  t.tap("modifier.text.field");
  t.type(", extra pickles");
  t.tap("modifier.add");
  const Line& l = t.check().check.lines.at(0);
  EXPECT_EQ(l.quantity, 2);
  EXPECT_EQ(l.seat, 2);
  EXPECT_EQ(l.note, "Allergy: sesame, extra pickles");
}

TEST(ModifierDialog, CancelAddsNothing) {
  TerminalRig t;
  t.seat_table(kServerPin, "12", 4);
  t.tap("category.burgers");
  t.tap("item.classic-burger");
  t.tap("modifier.temp-rare");
  t.tap("modifier.cancel");
  EXPECT_FALSE(t.app.order().modifier_dialog().is_open());
  EXPECT_TRUE(t.check().check.lines.empty());
}
