#include "table_status.h"

#include <gtest/gtest.h>

#include "local_hub.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kServerPin;
using brigade::testing::LocalHub;

namespace {
struct Floor12 {
  LocalHub hub;
  TerminalState state;
  std::int64_t id = 0;
  Floor12() {
    id = hub.other(kServerPin, "open_check",
                   {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 4}})
             .result()["check_id"];
    pump();
  }
  void pump() {
    for (auto& item : hub.feed()) state.apply(item);
  }
  void add(const std::string& item, int seat, Json modifiers = Json::array()) {
    hub.other(kServerPin, "add_line",
              {{"check_id", id}, {"item_id", item}, {"seat", seat}, {"modifiers", modifiers}});
  }
  void kitchen(bool serve) {
    hub.cook(id, serve);
    pump();
  }
  TableState now() { return table_status(state, "12").state; }
};
}  // namespace

TEST(TableStatus, ATableGoesFreeSeatedOrderedFoodReadyPaying) {
  Floor12 t;
  EXPECT_EQ(table_status(t.state, "13").state, TableState::free);
  EXPECT_EQ(table_status(t.state, "13").check, nullptr);
  EXPECT_EQ(t.now(), TableState::seated);
  ASSERT_NE(table_status(t.state, "12").check, nullptr);
  EXPECT_EQ(table_status(t.state, "12").check->check.guests, 4);

  t.add("beer-ipa", 1);
  t.pump();
  EXPECT_EQ(t.now(), TableState::seated);  // nothing has gone to the kitchen
  t.hub.other(kServerPin, "send", {{"check_id", t.id}});
  t.pump();
  EXPECT_EQ(t.now(), TableState::ordered);
  t.kitchen(false);
  EXPECT_EQ(t.now(), TableState::food_ready);
  t.kitchen(true);
  EXPECT_EQ(t.now(), TableState::ordered);
  t.hub.other(kServerPin, "split", {{"check_id", t.id}, {"kind", "even"}, {"parts", 2}});
  t.pump();
  EXPECT_EQ(t.now(), TableState::paying);
  EXPECT_EQ(to_string(TableState::food_ready), "food ready");
}

TEST(TableStatus, CoursesReadAsTheirLeastAdvancedLine) {
  Floor12 t;
  t.add("beer-ipa", 1);
  t.add("calamari", 1);
  t.add("classic-burger", 1, {"temp-medium-rare"});
  t.hub.other(kServerPin, "send", {{"check_id", t.id}, {"hold", {"mains"}}});
  t.pump();
  const Check& c = t.state.find_check(t.id)->check;
  EXPECT_EQ(course_progress(c), "drinks cooking \xC2\xB7 apps cooking \xC2\xB7 mains held");
  t.kitchen(true);
  const Check& after = t.state.find_check(t.id)->check;
  EXPECT_EQ(course_progress(after), "drinks served \xC2\xB7 apps served \xC2\xB7 mains held");
  // The floor plan's short form: the Friday-night "apps served", and what waits.
  EXPECT_EQ(course_headlines(after), (std::vector<std::string>{"apps served", "mains held"}));
}
