#include "brigade/domain/text.h"

#include <gtest/gtest.h>

namespace brigade {
namespace {

TEST(Text, CountsCharactersNotBytes) {
  EXPECT_EQ(characters(""), 0u);
  EXPECT_EQ(characters("no onion"), 8u);
  EXPECT_EQ(characters("crème brûlée"), 12u);  // 14 bytes
  EXPECT_EQ(characters("🍔🍟"), 2u);             // 8 bytes
}

TEST(Text, CutsAtACharacterNeverInsideOne) {
  EXPECT_EQ(first_characters("crème brûlée", 3), "crè");
  EXPECT_EQ(first_characters("🍔🍟", 1), "🍔");
  EXPECT_EQ(first_characters("fries", 5), "fries");
  EXPECT_EQ(first_characters("fries", 64), "fries");
  EXPECT_EQ(first_characters("fries", 0), "");
}

}  // namespace
}  // namespace brigade
