// The 86 list and portion counts through the service: a count reaching 0 makes the item
// refuse, un-86 puts it back, and changing or removing unsent lines gives portions back.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

class StockCounts : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
    check = open_table(floor, "9", 4);
  }

  Reply set_count(const std::string& item, Json remaining) {
    Reply r = office.call("set_stock", {{"item_id", item}, {"remaining", remaining}});
    EXPECT_TRUE(r.ok()) << r.json.dump();
    return r;
  }

  // The menu event a reply published about an item's stock, if any.
  Json stock_event(const Reply& r) {
    for (const auto& e : published(r.publications))
      if (e["topic"] == "menu" && e["type"] != "ingredient.changed") return e;
    return nullptr;
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"};
  std::int64_t check = 0;
};

TEST_F(StockCounts, TheSampleStartsWithItsCounts) {
  EXPECT_EQ(remaining(hub, "salmon"), 8);
  EXPECT_EQ(remaining(hub, "short-rib"), 12);
  EXPECT_EQ(remaining(hub, "daily-special"), 15);
  EXPECT_EQ(remaining(hub, "fries"), std::nullopt);
}

TEST_F(StockCounts, ACountReachingZeroMakesTheItemRefuse) {
  Reply set = set_count("short-rib", 2);
  // The count of its ingredient, its level, then what the manager did.
  EXPECT_EQ(types_published(set),
            (std::vector<std::string>{"ingredient.changed", "stock.changed", "stock.changed"}));
  EXPECT_EQ(
      published(set.publications).back()["body"],
      (Json{{"stock",
             {{"item_id", "short-rib"}, {"eighty_sixed", false}, {"remaining", 2}, {"out", false}}},
            {"item_name", "Braised short rib"},
            {"by", "dana"}}));

  Reply last_two =
      floor.call("add_line", {{"check_id", check}, {"item_id", "short-rib"}, {"quantity", 2}});
  ASSERT_TRUE(last_two.ok()) << last_two.message();
  EXPECT_EQ(remaining(hub, "short-rib"), 0);
  EXPECT_EQ(types_published(last_two),
            (std::vector<std::string>{"ingredient.changed", "stock.changed", "line.added"}));
  EXPECT_EQ(
      stock_event(last_two)["body"],
      (Json{
          {"stock",
           {{"item_id", "short-rib"}, {"eighty_sixed", false}, {"remaining", 0}, {"out", true}}}}));

  Json before = hub_state(hub);
  Reply out = floor.call("add_line", {{"check_id", check}, {"item_id", "short-rib"}});
  EXPECT_EQ(out.code(), "item_86");
  EXPECT_EQ(out.message(),
            "Braised short rib is 86'd: not enough Braised short rib (0 portions left, 1 needed)");
  EXPECT_EQ(hub_state(hub), before);
  Reply menu = floor.call("get_menu");  // named: the loop reads into it
  for (const auto& s : menu.result()["stock"]) {
    if (s["item_id"] == "short-rib") {
      EXPECT_EQ(s["out"], true);
    }
  }

  // Back on: an exhausted count stops counting, and the item sells again.
  Reply back = office.call("un_eighty_six", {{"item_id", "short-rib"}});
  ASSERT_TRUE(back.ok()) << back.message();
  // Its own portion count, exhausted, stops: the item is unlimited and said to be back.
  EXPECT_EQ(types_published(back),
            (std::vector<std::string>{"ingredient.changed", "stock.changed", "item.available"}));
  EXPECT_EQ(remaining(hub, "short-rib"), std::nullopt);
  ASSERT_TRUE(
      floor.call("add_line", {{"check_id", check}, {"item_id", "short-rib"}, {"quantity", 3}})
          .ok());
  EXPECT_EQ(remaining(hub, "short-rib"), std::nullopt);
}

TEST_F(StockCounts, NoMoreThanIsLeft) {
  set_count("short-rib", 3);
  Json before = hub_state(hub);
  Reply r =
      floor.call("add_line", {{"check_id", check}, {"item_id", "short-rib"}, {"quantity", 5}});
  EXPECT_EQ(r.code(), "not_enough_stock");
  EXPECT_EQ(r.message(),
            "Braised short rib: not enough Braised short rib (3 portions left, 5 needed)");
  EXPECT_EQ(hub_state(hub), before);
}

TEST_F(StockCounts, ChangingAndRemovingUnsentLinesMovesPortions) {
  set_count("short-rib", 10);
  std::int64_t line = add_item(floor, check, "short-rib", {{"quantity", 2}});
  EXPECT_EQ(remaining(hub, "short-rib"), 8);

  Reply more = floor.call("change_line", {{"check_id", check}, {"line_id", line}, {"quantity", 5}});
  ASSERT_TRUE(more.ok()) << more.message();
  EXPECT_EQ(remaining(hub, "short-rib"), 5);
  EXPECT_EQ(types_published(more),
            (std::vector<std::string>{"ingredient.changed", "stock.changed", "line.changed"}));
  EXPECT_EQ(stock_event(more)["body"]["stock"]["remaining"], 5);

  ASSERT_TRUE(
      floor.call("change_line", {{"check_id", check}, {"line_id", line}, {"quantity", 1}}).ok());
  EXPECT_EQ(remaining(hub, "short-rib"), 9);

  Json before = hub_state(hub);
  Reply too_many =
      floor.call("change_line", {{"check_id", check}, {"line_id", line}, {"quantity", 11}});
  EXPECT_EQ(too_many.code(), "not_enough_stock");
  EXPECT_EQ(too_many.message(),
            "Braised short rib: not enough Braised short rib (9 portions left, 10 needed)");
  EXPECT_EQ(hub_state(hub), before);

  // A note changes no portions and publishes no stock event.
  Reply note = floor.call("change_line",
                          {{"check_id", check}, {"line_id", line}, {"note", "sauce on side"}});
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(types_published(note), std::vector<std::string>{"line.changed"});
  EXPECT_EQ(remaining(hub, "short-rib"), 9);

  Reply removed = floor.call("remove_line", {{"check_id", check}, {"line_id", line}});
  ASSERT_TRUE(removed.ok()) << removed.message();
  EXPECT_EQ(remaining(hub, "short-rib"), 10);
  EXPECT_EQ(types_published(removed),
            (std::vector<std::string>{"ingredient.changed", "stock.changed", "line.removed"}));
  EXPECT_TRUE(removed.result()["check"]["lines"].empty());
}

TEST_F(StockCounts, SentLinesKeepTheirPortions) {
  set_count("short-rib", 5);
  std::int64_t line = add_item(floor, check, "short-rib", {{"quantity", 2}});
  send_check(floor, check);
  EXPECT_EQ(floor.call("remove_line", {{"check_id", check}, {"line_id", line}}).code(),
            "line_already_sent");
  EXPECT_EQ(
      floor.call("change_line", {{"check_id", check}, {"line_id", line}, {"quantity", 1}}).code(),
      "line_already_sent");
  Reply voided =
      office.call("void_line", {{"check_id", check}, {"line_id", line}, {"reason", "dropped"}});
  ASSERT_TRUE(voided.ok()) << voided.message();
  EXPECT_EQ(remaining(hub, "short-rib"), 3);  // the food was made
  EXPECT_TRUE(stock_event(voided).is_null());
}

TEST_F(StockCounts, EightySixKeepsTheCountAndUn86BringsItBack) {
  Reply out = office.call("eighty_six", {{"item_id", "short-rib"}});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(
      out.result()["stock"],
      (Json{{"item_id", "short-rib"}, {"eighty_sixed", true}, {"remaining", 12}, {"out", true}}));
  EXPECT_EQ(floor.call("add_line", {{"check_id", check}, {"item_id", "short-rib"}}).code(),
            "item_86");
  // 86'ing again is accepted and said again.
  Reply again = office.call("eighty_six", {{"item_id", "short-rib"}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(stock_event(again)["type"], "item.86");

  Reply back = office.call("un_eighty_six", {{"item_id", "short-rib"}});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(
      back.result()["stock"],
      (Json{{"item_id", "short-rib"}, {"eighty_sixed", false}, {"remaining", 12}, {"out", false}}));
  add_item(floor, check, "short-rib");
  EXPECT_EQ(remaining(hub, "short-rib"), 11);
}

TEST_F(StockCounts, AnItemWithNoCountCanBe86dToo) {
  std::int64_t line = add_item(floor, check, "fries");
  ASSERT_TRUE(office.call("eighty_six", {{"item_id", "fries"}}).ok());
  EXPECT_TRUE(eighty_sixed(hub, "fries"));
  EXPECT_EQ(remaining(hub, "fries"), std::nullopt);
  Json before = hub_state(hub);
  EXPECT_EQ(floor.call("add_line", {{"check_id", check}, {"item_id", "fries"}}).code(), "item_86");
  // An unsent line of it cannot grow either, but may shrink or be removed.
  EXPECT_EQ(
      floor.call("change_line", {{"check_id", check}, {"line_id", line}, {"quantity", 3}}).code(),
      "item_86");
  EXPECT_EQ(hub_state(hub), before);
  EXPECT_TRUE(floor.call("remove_line", {{"check_id", check}, {"line_id", line}}).ok());
}

TEST_F(StockCounts, SetStockReadsItsArgumentsStrictly) {
  Reply stop = set_count("salmon", nullptr);
  EXPECT_EQ(stop.result()["stock"]["remaining"], nullptr);
  EXPECT_EQ(remaining(hub, "salmon"), std::nullopt);
  Json before = hub_state(hub);
  auto refused = [&](Json args, const std::string& code, const std::string& message) {
    Reply r = office.call("set_stock", args);
    EXPECT_EQ(r.code(), code) << args.dump();
    EXPECT_EQ(r.message(), message) << args.dump();
  };
  refused({{"item_id", "salmon"}}, "bad_request",
          "args.remaining is missing (a count, or null to stop counting)");
  refused({{"item_id", "salmon"}, {"remaining", -1}}, "bad_request",
          "args.remaining must be an integer from 0 to 100000");
  refused({{"item_id", "salmon"}, {"remaining", 100001}}, "bad_request",
          "args.remaining must be an integer from 0 to 100000");
  refused({{"item_id", "salmon"}, {"remaining", "3"}}, "bad_request",
          "args.remaining must be an integer from 0 to 100000");
  refused({{"item_id", "unicorn"}, {"remaining", 3}}, "unknown_item",
          "'unicorn' is not on the menu");
  refused({{"item_id", "salmon"}, {"remainig", 3}}, "bad_request",
          "args.remaining is missing (a count, or null to stop counting)");
  EXPECT_EQ(office.call("eighty_six", {{"item_id", "unicorn"}}).code(), "unknown_item");
  EXPECT_EQ(office.call("un_eighty_six", {{"item_id", ""}}).code(), "bad_request");
  EXPECT_EQ(hub_state(hub), before);
}

}  // namespace
