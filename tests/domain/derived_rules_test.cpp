// The rules every screen shows and the hub enforces, derived in one place: how a table
// reads, where each course stands, the price a person sees for a line, a suggested tip,
// what a modifier adds, which forced groups are unanswered, what a line change does to a
// counted item, and who may take a check over.
#include <gtest/gtest.h>

#include "brigade/domain/pricing.h"
#include "brigade/domain/table_state.h"
#include "test_checks.h"
#include "test_menu.h"

using namespace brigade;
using brigade::pricing_testing::priced_line;
using brigade::testing::test_menu;
using brigade::testing::usd;

namespace {

Line line_in(std::int64_t id, LineState state, Course course = Course::mains) {
  Line l = priced_line(id, 1000);
  l.state = state;
  l.course = course;
  return l;
}

}  // namespace

TEST(TableState, ACheckReadsFromItsLinesAndPayments) {
  Check check;
  EXPECT_EQ(check_state(check), TableState::seated);
  check.lines = {line_in(1, LineState::new_)};
  EXPECT_EQ(check_state(check), TableState::seated);
  check.lines.push_back(line_in(2, LineState::voided));
  EXPECT_EQ(check_state(check), TableState::seated);
  check.lines.push_back(line_in(3, LineState::sent));
  EXPECT_EQ(check_state(check), TableState::ordered);
  check.lines.push_back(line_in(4, LineState::ready));
  EXPECT_EQ(check_state(check), TableState::food_ready);
  check.payments = {pricing_testing::payment(500)};
  EXPECT_EQ(check_state(check), TableState::paying);
  check.payments.clear();
  check.split.kind = SplitKind::even;
  EXPECT_EQ(check_state(check), TableState::paying);
}

TEST(TableState, ATableReadsAsItsMostUrgentCheck) {
  EXPECT_EQ(table_state({}), TableState::free);
  Check seated, ordered, ready, paying;
  ordered.lines = {line_in(1, LineState::sent)};
  ready.lines = {line_in(2, LineState::ready)};
  paying.payments = {pricing_testing::payment(100)};
  EXPECT_EQ(table_state({&seated}), TableState::seated);
  EXPECT_EQ(table_state({&seated, &ordered}), TableState::ordered);
  EXPECT_EQ(table_state({&ordered, &paying}), TableState::paying);
  EXPECT_EQ(table_state({&paying, &ready, &seated}), TableState::food_ready);
  EXPECT_EQ(to_string(TableState::food_ready), "food ready");
}

TEST(CourseProgress, ACourseReadsAsItsLeastAdvancedLiveLine) {
  Check check;
  check.lines = {
      line_in(1, LineState::served, Course::drinks), line_in(2, LineState::ready, Course::apps),
      line_in(3, LineState::served, Course::apps), line_in(4, LineState::held, Course::mains),
      line_in(5, LineState::voided, Course::dessert)};
  EXPECT_EQ(course_progress(check), "drinks served \xC2\xB7 apps ready \xC2\xB7 mains held");
  EXPECT_EQ(course_headlines(check),
            (std::vector<std::string>{"drinks served", "apps ready", "mains held"}));
  check.lines[1].state = LineState::served;
  EXPECT_EQ(course_headlines(check), (std::vector<std::string>{"apps served", "mains held"}));
  check.lines[3].voided_quantity = check.lines[3].quantity;  // all of it voided: no course
  EXPECT_EQ(course_progress(check), "drinks served \xC2\xB7 apps served");
}

TEST(LinePriceShown, TheHubsPriceWhenItHasOneElseTheLinesOwnGross) {
  Check check = pricing_testing::example_check();  // 10% off the check
  const CheckTotals totals = price_check(check, pricing_testing::example_tax_classes());
  const Line& burger = check.lines[0];  // 2 x (14.50 + 1.50)
  EXPECT_EQ(totals.gross_of(burger), usd(3200));
  EXPECT_EQ(totals.net_of(burger), usd(2880));
  Line unknown = priced_line(99, 450, 2);  // not priced by these totals: not yet at the hub
  EXPECT_EQ(totals.net_of(unknown), usd(900));
  EXPECT_EQ(totals.gross_of(unknown), usd(900));
  EXPECT_EQ(totals.total_with_tips(), totals.total + totals.tips);
}

TEST(LinePriceShown, AModifierChargesItsPriceOnEveryLivePlate) {
  Line burger = priced_line(1, 1450, 3);
  burger.modifiers.push_back(pricing_testing::modifier("bacon", 150));
  burger.voided_quantity = 1;
  EXPECT_EQ(modifier_charge(burger, burger.modifiers[0]), usd(300));
}

TEST(SuggestedTip, IsAPercentOfWhatThePaymentCoversNeverMoreThanIsOwed) {
  EXPECT_EQ(suggested_tip(usd(4000), usd(4000), 1800), usd(720));
  EXPECT_EQ(suggested_tip(usd(10000), usd(4000), 2000), usd(800));  // $100 cash on $40
  EXPECT_EQ(suggested_tip(usd(2000), usd(4000), 1500), usd(300));   // part of the check
  EXPECT_EQ(suggested_tip(usd(4000), usd(4000), 0), usd(0));
}

TEST(ModifierChoices, PriceAndUnansweredGroupsForTheDialogAndTheHub) {
  const Menu menu = test_menu();
  const MenuItem& burger = *menu.find_item("burger");
  EXPECT_EQ(unanswered_groups(menu, burger, {}).size(), 1u);
  EXPECT_EQ(unanswered_groups(menu, burger, {"bacon"}).front()->id, "temperature");
  EXPECT_TRUE(unanswered_groups(menu, burger, {"rare"}).empty());
  EXPECT_EQ(chosen_in(*menu.find_group("add-ons"), {"rare", "bacon", "egg"}), 2);
  EXPECT_EQ(price_with(menu, burger, {"rare", "bacon", "egg"}), usd(1450 + 150 + 125));
  EXPECT_EQ(price_with(menu, burger, {"aioli"}), usd(1450));  // not the burger's: adds nothing

  // The hub refuses with the same rule, naming the group.
  auto line = build_line(menu, {}, brigade::testing::plain("burger"));
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().message, "Classic Burger needs a choice of Temperature");
}

TEST(Transfers, ACheckMovesToATableOnTheFloorAndToSomeoneWhoTakesOrders) {
  Floor floor;
  floor.rooms = {{"main", "Main"}};
  floor.tables = {{"12", "main", "Table 12", 4, 0, 0, 1, 1, TableShape::square}};
  Check check;
  check.table_id = "4";
  EXPECT_TRUE(move_to_table(check, floor, "12").ok());
  EXPECT_EQ(check.table_id, "12");
  auto missing = move_to_table(check, floor, "99");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "there is no table '99' on the floor plan");
  Check tab;
  tab.channel = Channel::bar_tab;
  EXPECT_EQ(move_to_table(tab, floor, "12").error().message,
            "only a dine-in check sits at a table");

  StaffMember priya{"priya", "Priya", Role::server, true};
  StaffMember tom{"tom", "Tom", Role::kitchen, true};
  StaffMember gone{"ana", "Ana", Role::server, false};
  EXPECT_TRUE(give_to_server(check, "priya", &priya).ok());
  EXPECT_EQ(check.server_id, "priya");
  EXPECT_EQ(give_to_server(check, "tom", &tom).error().message,
            "'tom' is not someone who takes orders");
  EXPECT_FALSE(give_to_server(check, "ana", &gone).ok());
  EXPECT_FALSE(give_to_server(check, "nobody", nullptr).ok());
  EXPECT_EQ(check.server_id, "priya");
}
