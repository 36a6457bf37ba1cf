#include "payment_screen.h"

#include <gtest/gtest.h>

#include "receipt.h"
#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {
// Table 12, four guests, a drink and a main each, sent; then on to the payment screen.
std::int64_t four_top_to_pay(TerminalRig& t) {
  std::int64_t check = t.seat_table(kServerPin, "12", 4);
  const char* drinks[] = {"beer-ipa", "wine-pinot-noir", "lemonade", "beer-lager"};
  for (int seat = 1; seat <= 4; ++seat) {
    t.tap("seat." + std::to_string(seat));
    t.tap("category.beer");
    if (seat == 2) t.tap("category.wine");
    if (seat == 3) t.tap("category.soft-drinks");
    t.tap(std::string("item.") + drinks[seat - 1]);
    t.tap("category.pasta-fish");
    t.tap("item.rigatoni");
    t.tap("modifier.add");
  }
  t.tap("send");
  t.tap("pay");
  EXPECT_EQ(t.app.screen(), Screen::payment);
  return check;
}
void type_amount(TerminalRig& t, const std::string& digits) {
  t.tap("amount.clear");
  for (char d : digits) t.tap(std::string("amount.") + d);
}
}  // namespace

TEST(PaymentScreen, ASplitBySeatShowsPartsThatAddUpToTheTotal) {
  TerminalRig t;
  four_top_to_pay(t);
  t.tap("split.by_seat");
  const CheckView& v = t.check();
  ASSERT_EQ(v.parts.size(), 4u);
  for (int part = 1; part <= 4; ++part) EXPECT_TRUE(t.shows("part." + std::to_string(part)));
  SplitSummary s = split_summary(v, t.state);
  EXPECT_TRUE(s.adds_up);
  EXPECT_EQ(s.sum, v.totals.total);
  EXPECT_EQ(v.parts[0].label, "Seat 1");
  EXPECT_TRUE(t.shows("split.summary"));
  EXPECT_EQ(t.app.payment().part(), 1);  // the first part is the one to pay
}

TEST(PaymentScreen, AnEvenSplitInThreeAddsUpToTheCent) {
  TerminalRig t;
  four_top_to_pay(t);
  t.tap("split.even");
  t.tap("split.ways.3");
  const CheckView& v = t.check();
  ASSERT_EQ(v.parts.size(), 3u);
  SplitSummary s = split_summary(v, t.state);
  EXPECT_TRUE(s.adds_up) << s.words;
  // Parts differ by at most a cent.
  EXPECT_LE((v.parts[0].total - v.parts[2].total).in_cents(), 1);
  EXPECT_NE(s.words.find(", the check's total"), std::string::npos);
}

TEST(PaymentScreen, ASplitByItemPutsEachLineOnThePartTapped) {
  TerminalRig t;
  four_top_to_pay(t);
  t.tap("split.by_item");
  t.tap("items.parts.2");
  const auto& lines = t.check().check.lines;
  // Drinks on part 1, mains on part 2; the first main shared.
  for (const Line& l : lines)
    t.tap("assign." + std::to_string(l.id) + (l.course == Course::drinks ? ".1" : ".2"));
  t.tap("assign." + std::to_string(lines[1].id) + ".all");
  t.tap("items.apply");
  const CheckView& v = t.check();
  EXPECT_EQ(v.check.split.kind, SplitKind::by_item);
  ASSERT_EQ(v.parts.size(), 2u);
  EXPECT_TRUE(split_summary(v, t.state).adds_up);
}

TEST(PaymentScreen, SplitBySeatFourTendersWithADeclineChangeAndTipsThenClose) {
  TerminalRig t;
  std::int64_t check = four_top_to_pay(t);
  t.tap("split.by_seat");
  // Seat 1: card with an 18% tip.
  t.tap("part.1");
  t.tap("tip.percent.18");
  t.tap("tender.card");
  EXPECT_TRUE(t.app.payment().card_shown());
  t.tap("card.done");
  // Seat 2: cash, $100 handed over: the change is shown.
  t.tap("part.2");
  t.tap("cash.100");
  EXPECT_TRUE(t.app.payment().change_due_shown());
  EXPECT_TRUE(t.shows("change.amount"));
  const CommandRecord* cash = t.controller.last("pay");
  ASSERT_EQ(cash->state, CommandRecord::State::done);
  EXPECT_EQ(cash->result["change"].get<std::int64_t>() + cash->result["amount"].get<std::int64_t>(),
            10000);
  t.tap("change.done");
  // Seat 3: the card is declined, then retried and approved.
  t.tap("part.3");
  t.tap("simulator.decline");
  t.tap("tender.card");
  EXPECT_EQ(t.controller.card().stage, CardStatus::Stage::declined);
  EXPECT_TRUE(t.shows("card.retry"));
  t.tap("card.retry");
  EXPECT_EQ(t.controller.card().stage, CardStatus::Stage::approved);
  t.tap("card.done");
  // Seat 4: card with a typed tip of $3.00.
  t.tap("part.4");
  t.tap("tender.tip");
  for (char d : std::string("300")) t.tap(std::string("tip.") + d);
  t.tap("tender.card");
  t.tap("card.done");

  const CheckView& v = t.check();
  EXPECT_TRUE(v.totals.balance.is_zero());
  EXPECT_EQ(v.check.payments.size(), 4u);  // the decline left nothing behind
  for (const PartTotals& p : v.parts) EXPECT_TRUE(p.balance.is_zero()) << p.label;
  EXPECT_EQ(v.check.payments[3].tip, Money::cents(300));
  EXPECT_EQ(v.check.payments[0].tip, percent_of(v.parts[0].total, 1800));

  t.tap("close");
  EXPECT_EQ(t.hub.check(check)["status"], "closed");
  EXPECT_TRUE(t.app.payment().receipt_shown());
  t.tap("receipt.done");
  EXPECT_EQ(t.app.screen(), Screen::floor);
}

TEST(PaymentScreen, SeveralTendersOnTheWholeCheckAndACardNeverAboveWhatIsDue) {
  TerminalRig t;
  std::int64_t check = four_top_to_pay(t);
  const Money total = t.check().totals.total;
  type_amount(t, "2000");
  t.tap("tender.cash");
  t.tap("change.done");
  EXPECT_EQ(t.check().totals.balance, total - Money::cents(2000));
  // The amount starts at what is still due; more than that on a card is not offered.
  type_amount(t, std::to_string((t.check().totals.balance + Money::cents(100)).in_cents()));
  t.tap("tender.card");
  EXPECT_FALSE(t.app.payment().card_shown());
  type_amount(t, std::to_string(t.check().totals.balance.in_cents()));
  t.tap("tender.card");
  t.tap("card.done");
  EXPECT_TRUE(t.check().totals.balance.is_zero());
  t.tap("close");
  EXPECT_EQ(t.hub.check(check)["status"], "closed");
}

TEST(PaymentScreen, TheReceiptListsWhatWasOrderedTheTotalAndEachTender) {
  TerminalRig t;
  four_top_to_pay(t);
  t.tap("cash.exact");
  t.tap("change.done");
  t.tap("close");
  const CheckView& v = t.check();
  auto lines = receipt_lines(v, t.state);
  auto has = [&](const std::string& left, const std::string& right) {
    for (const auto& l : lines)
      if (l.left == left && l.right == right) return true;
    return false;
  };
  EXPECT_TRUE(has("Copperline Brasserie & Grill", ""));
  EXPECT_TRUE(has("Total", t.state.money(v.totals.total)));
  EXPECT_TRUE(has("Cash", t.state.money(v.totals.total)));
  EXPECT_TRUE(has("Balance", "$0.00"));
  EXPECT_TRUE(has("Thank you!", ""));
}
