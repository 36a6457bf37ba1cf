// Inventory by ingredient through the service: a shared patty sells out every burger at
// once and comes back with a delivery; bacon on a burger takes rashers; a void not made
// gives back; receiving, counting and waste are recorded with who, when and why; low
// stock is announced; only who may manage stock does it.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

std::vector<brigade::store::AuditEntry> audit_of(ServiceHub& hub, const std::string& action) {
  brigade::store::AuditFilter filter;
  filter.action = action;
  return hub.store().load_audit(filter);
}

const Json kMediumRare{{"modifiers", {"temp-medium-rare"}}};
const Json kWithBacon{{"modifiers", {"temp-medium-rare", "add-bacon"}}};

class Inventory : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
    check = open_table(floor, "9", 4);
  }

  Reply stock_call(const std::string& type, Json args) {
    Reply r = office.call(type, args);
    EXPECT_TRUE(r.ok()) << type << ": " << r.json.dump();
    return r;
  }
  Reply add_burger(const std::string& item, const Json& extra = kMediumRare) {
    Json args{{"check_id", check}, {"item_id", item}};
    args.update(extra);
    return floor.call("add_line", args);
  }
  // The published events of one type.
  static std::vector<Json> events_of(const Reply& r, const std::string& type) {
    std::vector<Json> out;
    for (const auto& e : published(r.publications))
      if (e["type"] == type) out.push_back(e["body"]);
    return out;
  }
  static Json level_of(const Reply& r, const std::string& item) {
    for (const auto& body : events_of(r, "stock.changed"))
      if (body["stock"]["item_id"] == item) return body["stock"];
    return nullptr;
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"};
  std::int64_t check = 0;
};

TEST_F(Inventory, TheSampleCountsPattiesAndBacon) {
  EXPECT_EQ(on_hand(hub, "beef-patty"), 40);
  EXPECT_EQ(on_hand(hub, "bacon"), 60);
  EXPECT_EQ(remaining(hub, "classic-burger"), 40);
  EXPECT_EQ(remaining(hub, "bacon-cheeseburger"), 30);  // two rashers each
  Reply menu = floor.call("get_menu");
  ASSERT_TRUE(menu.ok());
  const Json& inventory = menu.result()["inventory"];
  ASSERT_TRUE(inventory.is_array());
  EXPECT_EQ(inventory[0], (Json{{"ingredient_id", "beef-patty"},
                                {"name", "Beef patty"},
                                {"unit", "each"},
                                {"on_hand", 40},
                                {"low_at", 10},
                                {"low", false}}));
}

TEST_F(Inventory, ASharedPattySellsOutEveryBurgerAndADeliveryBringsThemBack) {
  stock_call("count_stock", {{"ingredient_id", "beef-patty"}, {"on_hand", 2}});
  ASSERT_TRUE(add_burger("classic-burger").ok());
  Reply last = add_burger("brasserie-burger");
  ASSERT_TRUE(last.ok()) << last.message();
  EXPECT_EQ(on_hand(hub, "beef-patty"), 0);
  // The last patty makes every burger out at once, and every terminal hears it.
  for (const char* burger : {"classic-burger", "bacon-cheeseburger", "brasserie-burger"})
    EXPECT_EQ(level_of(last, burger)["out"], true) << burger;
  EXPECT_TRUE(level_of(last, "veggie-burger").is_null());  // no patty in it

  Json before = hub_state(hub);
  Reply refused = add_burger("bacon-cheeseburger");
  EXPECT_EQ(refused.code(), "item_86");
  EXPECT_EQ(refused.message(),
            "Bacon cheeseburger is 86'd: not enough Beef patty (0 each left, 1 needed)");
  EXPECT_EQ(hub_state(hub), before);

  Reply delivery = stock_call(
      "receive_stock",
      {{"ingredient_id", "beef-patty"}, {"quantity", 24}, {"note", "Sysco invoice 4471"}});
  EXPECT_EQ(delivery.result()["ingredient"]["on_hand"], 24);
  for (const char* burger : {"classic-burger", "bacon-cheeseburger", "brasserie-burger"})
    EXPECT_EQ(level_of(delivery, burger)["out"], false) << burger;
  const auto changed = events_of(delivery, "ingredient.changed");
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0]["reason"], "receive_stock");
  EXPECT_EQ(changed[0]["by"], "dana");
  EXPECT_EQ(changed[0]["note"], "Sysco invoice 4471");
  EXPECT_TRUE(add_burger("bacon-cheeseburger").ok());
  EXPECT_EQ(on_hand(hub, "beef-patty"), 23);
  EXPECT_EQ(on_hand(hub, "bacon"), 58);
}

TEST_F(Inventory, APortionCountIsForAnItemCountedInPortionsOfItsOwn) {
  Reply burger = office.call("set_stock", {{"item_id", "bacon-cheeseburger"}, {"remaining", 5}});
  EXPECT_EQ(burger.code(), "invalid_argument");
  EXPECT_EQ(burger.message(),
            "Bacon cheeseburger is counted by its ingredients: count them (count_stock)");
  Reply fries = office.call("set_stock", {{"item_id", "fries"}, {"remaining", 5}});
  EXPECT_EQ(fries.message(), "Hand-cut fries has no recipe: give it one to count it");
  // The classic takes one patty and nothing else: its count is the patties'.
  ASSERT_TRUE(office.call("set_stock", {{"item_id", "classic-burger"}, {"remaining", 5}}).ok());
  EXPECT_EQ(on_hand(hub, "beef-patty"), 5);
  EXPECT_EQ(remaining(hub, "brasserie-burger"), 5);
}

TEST_F(Inventory, BackOnForOneBurgerKeepsCountingThePattiesTheyShare) {
  stock_call("count_stock", {{"ingredient_id", "beef-patty"}, {"on_hand", 0}});
  stock_call("eighty_six", {{"item_id", "classic-burger"}});
  Reply back = stock_call("un_eighty_six", {{"item_id", "classic-burger"}});
  EXPECT_EQ(back.result()["stock"]["out"], true);  // no patty to make it with
  EXPECT_EQ(on_hand(hub, "beef-patty"), 0);
  EXPECT_EQ(add_burger("brasserie-burger").code(), "item_86");
  // Far more than any store holds is refused, and changes nothing.
  Reply huge =
      office.call("receive_stock", {{"ingredient_id", "beef-patty"}, {"quantity", 1'000'000'000}});
  ASSERT_TRUE(huge.ok());
  Reply more = office.call("receive_stock", {{"ingredient_id", "beef-patty"}, {"quantity", 1}});
  EXPECT_EQ(more.code(), "invalid_quantity");
  EXPECT_EQ(more.message(), "that would make more than 1000000000 on hand");
}

TEST_F(Inventory, BaconOnABurgerTakesTwoRashersAndShortBaconRefusesOnlyTheBacon) {
  stock_call("count_stock", {{"ingredient_id", "bacon"}, {"on_hand", 3}});
  ASSERT_TRUE(add_burger("classic-burger", kWithBacon).ok());
  EXPECT_EQ(on_hand(hub, "bacon"), 1);
  EXPECT_EQ(on_hand(hub, "beef-patty"), 39);
  Reply more = add_burger("classic-burger", kWithBacon);
  EXPECT_EQ(more.code(), "not_enough_stock");
  EXPECT_EQ(more.message(), "Classic burger: not enough Bacon (1 rasher left, 2 needed)");
  EXPECT_TRUE(add_burger("classic-burger").ok());  // without bacon it still sells
  // The bacon cheeseburger needs two of its own: it is out, the classic is not.
  EXPECT_EQ(remaining(hub, "bacon-cheeseburger"), 0);
}

TEST_F(Inventory, ARemovedLineGivesBackExactlyWhatItTookEvenAfterTheRecipeChanged) {
  std::int64_t line = add_item(floor, check, "bacon-cheeseburger", kMediumRare);
  EXPECT_EQ(on_hand(hub, "beef-patty"), 39);
  EXPECT_EQ(on_hand(hub, "bacon"), 58);
  // The recipe changes under the open line: three rashers now.
  Reply menu = office.call("get_menu");
  ASSERT_TRUE(menu.ok());
  Json entry = brigade::testing::item_entry(hub, "bacon-cheeseburger");
  entry["recipe"] = {{{"ingredient", "beef-patty"}}, {{"ingredient", "bacon"}, {"quantity", 3}}};
  ASSERT_TRUE(stock_call("save_menu_entry", {{"kind", "item"}, {"entry", entry}}).ok());
  Reply removed = floor.call("remove_line", {{"check_id", check}, {"line_id", line}});
  ASSERT_TRUE(removed.ok()) << removed.message();
  EXPECT_EQ(on_hand(hub, "beef-patty"), 40);
  EXPECT_EQ(on_hand(hub, "bacon"), 60);  // the two it took, not three
}

TEST_F(Inventory, AVoidNotMadeGivesBackAndAVoidMadeDoesNot) {
  std::int64_t line = add_item(floor, check, "classic-burger",
                               {{"modifiers", {"temp-medium-rare", "add-bacon"}}, {"quantity", 3}});
  EXPECT_EQ(on_hand(hub, "beef-patty"), 37);
  EXPECT_EQ(on_hand(hub, "bacon"), 54);
  send_check(floor, check);
  Reply not_made = office.call("void_line", {{"check_id", check},
                                             {"line_id", line},
                                             {"quantity", 1},
                                             {"reason", "guest left"},
                                             {"made", false}});
  ASSERT_TRUE(not_made.ok()) << not_made.message();
  EXPECT_EQ(on_hand(hub, "beef-patty"), 38);
  EXPECT_EQ(on_hand(hub, "bacon"), 56);
  EXPECT_EQ(events_of(not_made, "line.voided").at(0)["made"], false);
  Reply made = office.call(
      "void_line", {{"check_id", check}, {"line_id", line}, {"quantity", 1}, {"reason", "burnt"}});
  ASSERT_TRUE(made.ok()) << made.message();
  EXPECT_EQ(on_hand(hub, "beef-patty"), 38);  // cooked and thrown away: not back
  EXPECT_TRUE(events_of(made, "ingredient.changed").empty());
  // The last one, not made: its share comes back.
  ASSERT_TRUE(
      office
          .call(
              "void_line",
              {{"check_id", check}, {"line_id", line}, {"reason", "never fired"}, {"made", false}})
          .ok());
  EXPECT_EQ(on_hand(hub, "beef-patty"), 39);
  EXPECT_EQ(on_hand(hub, "bacon"), 58);
  const auto audit = audit_of(hub, "line.voided");
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(Json::parse(audit[0].after)["made"], false);
  EXPECT_EQ(Json::parse(audit[1].after)["made"], true);
}

TEST_F(Inventory, ReceivingCountingAndWasteAreRecordedWithWhoWhenAndWhy) {
  stock_call("receive_stock", {{"ingredient_id", "bacon"}, {"quantity", 24}});
  Reply count = stock_call("count_stock",
                           {{"ingredient_id", "bacon"}, {"on_hand", 80}, {"note", "Sunday count"}});
  EXPECT_EQ(count.result()["variance"], -4);  // the books said 84
  Reply waste = stock_call(
      "waste_stock", {{"ingredient_id", "bacon"}, {"quantity", 6}, {"reason", "dropped tray"}});
  EXPECT_EQ(waste.result()["ingredient"]["on_hand"], 74);
  EXPECT_EQ(on_hand(hub, "bacon"), 74);

  const auto audit = audit_of(hub, "stock");
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[0].action, "stock.received");
  EXPECT_EQ(audit[0].subject, "ingredient bacon");
  EXPECT_EQ(audit[0].staff_id, "dana");
  EXPECT_EQ(audit[0].device, "pos-office");
  EXPECT_EQ(audit[0].at, hub.now);
  EXPECT_EQ(Json::parse(audit[0].before), (Json{{"on_hand", 60}}));
  EXPECT_EQ(Json::parse(audit[0].after), (Json{{"on_hand", 84}, {"quantity", 24}}));
  EXPECT_EQ(audit[1].action, "stock.counted");
  EXPECT_EQ(Json::parse(audit[1].after), (Json{{"on_hand", 80}, {"variance", -4}}));
  EXPECT_EQ(audit[1].reason, "Sunday count");
  EXPECT_EQ(audit[2].action, "stock.wasted");
  EXPECT_EQ(audit[2].reason, "dropped tray");
  EXPECT_EQ(Json::parse(audit[2].after), (Json{{"on_hand", 74}, {"quantity", 6}}));
}

TEST_F(Inventory, WasteBeyondTheBooksAndBadArgumentsChangeNothing) {
  Json before = hub_state(hub);
  auto refused = [&](const std::string& type, Json args, const std::string& code,
                     const std::string& message) {
    Reply r = office.call(type, args);
    EXPECT_EQ(r.code(), code) << args.dump();
    EXPECT_EQ(r.message(), message) << args.dump();
  };
  refused("waste_stock", {{"ingredient_id", "bacon"}, {"quantity", 61}, {"reason", "spoiled"}},
          "not_enough_stock", "only 60 rashers of Bacon on hand: count it instead");
  refused("waste_stock", {{"ingredient_id", "bacon"}, {"quantity", 2}}, "bad_request",
          "args.reason is missing");
  refused("waste_stock", {{"ingredient_id", "bacon"}, {"quantity", 2}, {"reason", ""}},
          "bad_request", "args.reason must not be empty");
  refused("receive_stock", {{"ingredient_id", "bacon"}, {"quantity", 0}}, "bad_request",
          "args.quantity must be an integer from 1 to 1000000000");
  refused("receive_stock", {{"ingredient_id", "bacon"}, {"quantity", "24"}}, "bad_request",
          "args.quantity must be an integer from 1 to 1000000000");
  refused("receive_stock", {{"ingredient_id", "caviar"}, {"quantity", 1}}, "not_found",
          "'caviar' is not an ingredient");
  refused("count_stock", {{"ingredient_id", "bacon"}}, "bad_request",
          "args.on_hand is missing (a count, or null to stop counting)");
  refused("count_stock", {{"ingredient_id", "bacon"}, {"on_hand", -1}}, "bad_request",
          "args.on_hand must be an integer from 0 to 1000000000");
  EXPECT_EQ(hub_state(hub), before);
  EXPECT_EQ(on_hand(hub, "bacon"), 60);
  EXPECT_TRUE(audit_of(hub, "stock").empty());
}

TEST_F(Inventory, LowStockIsAnnouncedWhenASaleReachesTheMark) {
  stock_call("count_stock", {{"ingredient_id", "beef-patty"}, {"on_hand", 11}});
  Reply sale = add_burger("classic-burger");
  ASSERT_TRUE(sale.ok());
  const auto changed = events_of(sale, "ingredient.changed");
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0]["reason"], "sale");
  EXPECT_EQ(changed[0]["ingredient"]["on_hand"], 10);
  EXPECT_EQ(changed[0]["ingredient"]["low"], true);
}

TEST_F(Inventory, OnlyWhoMayManageStockReceivesCountsOrWastes) {
  Device kitchen{hub, "pos-kitchen"};
  ASSERT_TRUE(kitchen.login(kKitchenPin).ok());
  for (Device* d : {&floor, &kitchen}) {
    Reply r = d->call("receive_stock", {{"ingredient_id", "bacon"}, {"quantity", 5}});
    EXPECT_EQ(r.code(), "forbidden") << r.json.dump();
  }
  // With a manager's PIN on the command, the server may; the audit names both.
  Reply approved =
      floor.call("waste_stock", {{"ingredient_id", "bacon"}, {"quantity", 2}, {"reason", "burnt"}},
                 kManagerPin);
  ASSERT_TRUE(approved.ok()) << approved.message();
  // Granted to the kitchen, it works at once.
  ASSERT_TRUE(office
                  .call("set_permission",
                        {{"role", "kitchen"}, {"permission", "manage_stock"}, {"allowed", true}})
                  .ok());
  EXPECT_TRUE(kitchen.call("receive_stock", {{"ingredient_id", "bacon"}, {"quantity", 5}}).ok());
  EXPECT_EQ(on_hand(hub, "bacon"), 63);
  const auto audit = audit_of(hub, "stock");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[0].staff_id, "sam");
  EXPECT_EQ(audit[0].approved_by, "dana");
  EXPECT_EQ(audit[1].staff_id, "tom");
}

TEST_F(Inventory, AnIngredientAddedFromTheMenuEditorIsCountedOnceReceived) {
  Json truffle{{"id", "truffle"}, {"name", "Black truffle"}, {"unit", "g"}, {"low_at", 20}};
  ASSERT_TRUE(stock_call("save_menu_entry", {{"kind", "ingredient"}, {"entry", truffle}}).ok());
  Json entry = brigade::testing::item_entry(hub, "ribeye");
  entry["recipe"] = {{{"ingredient", "truffle"}, {"quantity", 5}}};
  Reply saved = stock_call("save_menu_entry", {{"kind", "item"}, {"entry", entry}});
  EXPECT_EQ(on_hand(hub, "truffle"), std::nullopt);  // not counted: sells without limit
  ASSERT_TRUE(add_burger("ribeye").ok());
  stock_call("receive_stock", {{"ingredient_id", "truffle"}, {"quantity", 12}});
  EXPECT_EQ(remaining(hub, "ribeye"), 2);
  ASSERT_TRUE(add_burger("ribeye", {{"modifiers", {"temp-rare"}}, {"quantity", 2}}).ok());
  Reply out = add_burger("ribeye");
  EXPECT_EQ(out.code(), "item_86");
  EXPECT_EQ(out.message(),
            "Bone-in ribeye, 20 oz is 86'd: not enough Black truffle (2 g left, 5 needed)");
  // An ingredient a recipe uses cannot be removed: the menu would not hold together.
  Reply removed = office.call("remove_menu_entry", {{"kind", "ingredient"}, {"id", "truffle"}});
  EXPECT_EQ(removed.code(), "invalid_menu");
}

}  // namespace
