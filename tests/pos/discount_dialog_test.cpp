#include "discount_dialog.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {
std::int64_t two_lines_sent(TerminalRig& t, const std::string& pin) {
  std::int64_t check = t.seat_table(pin, "12", 2);
  t.tap("category.desserts");
  t.tap("item.cheesecake");    // $11.00
  t.tap("item.key-lime-pie");  // $10.00
  t.tap("send");
  return check;
}
}  // namespace

TEST(DiscountDialog, AServersCompNeedsAManagersPinAndTheTotalsChangeAtOnce) {
  TerminalRig t;
  two_lines_sent(t, kServerPin);
  const Money before = t.check().totals.total;
  t.tap("line." + std::to_string(t.check().check.lines.at(0).id));
  t.tap("line.discount");
  ASSERT_TRUE(t.app.order().discount_dialog().is_open());
  EXPECT_TRUE(t.app.order().discount_dialog().asks_for_pin());
  t.tap("discount.comp");
  t.tap("discount.reason.0");  // Birthday
  for (char d : std::string(kManagerPin)) t.tap(std::string("discount.pin.") + d);
  t.tap("discount.confirm");
  EXPECT_FALSE(t.app.order().discount_dialog().is_open());
  const CheckView& v = t.check();
  EXPECT_EQ(v.totals.comps, Money::cents(1100));
  EXPECT_LT(v.totals.total, before);
  ASSERT_EQ(v.check.discounts.size(), 1u);
  EXPECT_EQ(v.check.discounts[0].reason, "Birthday");
  EXPECT_EQ(v.check.discounts[0].approved_by, "dana");
}

TEST(DiscountDialog, AManagerTakesAPercentOffTheWholeCheck) {
  TerminalRig t;
  two_lines_sent(t, kManagerPin);
  t.tap("check.discount");
  EXPECT_FALSE(t.app.order().discount_dialog().asks_for_pin());
  t.tap("discount.bp.2000");
  t.tap("discount.reason.1");
  t.tap("discount.confirm");
  const CheckView& v = t.check();
  EXPECT_EQ(v.totals.discounts, Money::cents(420));  // 20% of $21.00
  EXPECT_FALSE(v.check.discounts.at(0).line_id.has_value());
}

TEST(DiscountDialog, AnAmountOffOneLineIsTypedOnThePad) {
  TerminalRig t;
  two_lines_sent(t, kManagerPin);
  t.tap("line." + std::to_string(t.check().check.lines.at(1).id));
  t.tap("line.discount");
  t.tap("discount.amount");
  t.tap("discount.confirm");  // no amount yet
  EXPECT_EQ(t.controller.last("discount"), nullptr);
  for (char d : std::string("250")) t.tap(std::string("discount.pad.") + d);
  t.tap("discount.reason.4");
  t.tap("discount.confirm");
  const CheckView& v = t.check();
  EXPECT_EQ(v.totals.discounts, Money::cents(250));
  EXPECT_EQ(v.check.discounts.at(0).line_id, v.check.lines.at(1).id);
}
