#include "card_processor.h"

#include <gtest/gtest.h>

using namespace brigade;
using namespace brigade::terminal;

TEST(SimulatedCardProcessor, ApprovesWithADifferentCodeEachTime) {
  SimulatedCardProcessor cards;
  ASSERT_TRUE(cards.begin({Money::cents(1000), Money::zero(), "Table 12"}));
  EXPECT_TRUE(cards.busy());
  EXPECT_FALSE(cards.begin({Money::cents(500), Money::zero(), "Table 3"}));  // one at a time
  auto first = cards.poll();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->approved);
  EXPECT_EQ(first->reference, "SIM-000001");
  EXPECT_FALSE(cards.busy());
  EXPECT_FALSE(cards.poll());  // an answer is given once
  cards.begin({Money::cents(1000), Money::zero(), ""});
  EXPECT_EQ(cards.poll()->reference, "SIM-000002");
}

TEST(SimulatedCardProcessor, DeclinesTheNextCardOnceWhenAskedAndOverTheLimit) {
  SimulatedCardProcessor cards;
  cards.set_decline_next(true);
  cards.begin({Money::cents(1000), Money::zero(), ""});
  auto declined = cards.poll();
  EXPECT_FALSE(declined->approved);
  EXPECT_TRUE(declined->reference.empty());
  EXPECT_EQ(declined->message, "Declined by the bank: ask for another card or try again");
  EXPECT_FALSE(cards.decline_next());
  cards.begin({Money::cents(1000), Money::zero(), ""});
  EXPECT_TRUE(cards.poll()->approved);
  cards.set_limit(Money::cents(5000));
  cards.begin({Money::cents(4900), Money::cents(200), ""});
  EXPECT_EQ(cards.poll()->message, "Declined: over the card's limit");
}
