// The manager's back office through the service: menu edits checked by the restaurant
// file's rules with every problem listed, live (menu.changed), versioned, audited; open
// checks keep their prices; retired items stay on old checks; rerouting and day parts.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "brigade/restaurant/menu_file.h"
#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace brigade {
namespace {

// Monday 16 November 2026, 00:00 UTC: day parts are read in the hub's TZ, UTC here.
constexpr EpochMs kMonday = 1'794'787'200'000;
EpochMs at(int weekday, int hour, int minute) {
  return kMonday + ((weekday * 24 + hour) * 60 + minute) * 60'000LL;
}

class BackOffice : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("TZ", "UTC", 1);
    tzset();
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
  }

  // The item as the restaurant file writes it, from the hub's menu now.
  Json item_entry(const std::string& id) { return brigade::testing::item_entry(hub, id); }

  Reply save(const std::string& kind, const Json& entry) {
    return office.call("save_menu_entry", {{"kind", kind}, {"entry", entry}});
  }

  Json menu_event(const Reply& r) {
    for (const auto& e : published(r.publications))
      if (e["type"] == "menu.changed") return e;
    return nullptr;
  }

  const Json* wire_item(const Json& menu, const std::string& id) {
    for (const Json& item : menu["items"])
      if (item["id"] == id) return &item;
    return nullptr;
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"};
};

TEST_F(BackOffice, APriceEditIsLiveButAnOpenCheckKeepsItsPrice) {
  const std::int64_t check = open_table(floor, "4");
  const std::int64_t before_line = add_item(floor, check, "beer-lager");
  const std::int64_t version = floor.call("get_menu").result()["menu_version"];

  Json lager = item_entry("beer-lager");
  ASSERT_EQ(lager["price"], "8.00");
  lager["price"] = "8.50";
  Reply edit = save("item", lager);
  ASSERT_TRUE(edit.ok()) << edit.message();
  EXPECT_EQ(edit.result(), (Json{{"menu_version", version + 1}, {"changed", true}}));

  // Every terminal hears it on the menu topic, with the whole menu as it is now.
  Json event = menu_event(edit);
  ASSERT_FALSE(event.is_null());
  EXPECT_EQ(event["topic"], "menu");
  EXPECT_EQ(event["body"]["menu_version"], version + 1);
  EXPECT_EQ((*wire_item(event["body"]["menu"], "beer-lager"))["price"], 850);
  const Json menu_now = floor.call("get_menu").result();
  EXPECT_EQ((*wire_item(menu_now["menu"], "beer-lager"))["price"], 850);

  // The line ordered before keeps 7.00, a quantity change too; a new line is 7.50.
  ASSERT_TRUE(
      floor.call("change_line", {{"check_id", check}, {"line_id", before_line}, {"quantity", 2}})
          .ok());
  const std::int64_t after_line = add_item(floor, check, "beer-lager");
  const Check stored = check_in_store(hub, check);
  EXPECT_EQ(stored.find_line(before_line)->unit_price, Money::cents(800));
  EXPECT_EQ(stored.find_line(after_line)->unit_price, Money::cents(850));

  // It survives a restart: the store has it, with its version.
  hub.restart();
  Device again{hub, "pos-2"};
  Json menu = again.call("get_menu").result();
  EXPECT_EQ((*wire_item(menu["menu"], "beer-lager"))["price"], 850);
  EXPECT_EQ(menu["menu_version"], version + 1);
}

TEST_F(BackOffice, ARetiredItemStaysOnOldChecksAndIsNoLongerSold) {
  const std::int64_t check = open_table(floor, "5");
  const std::int64_t line = add_item(floor, check, "onion-rings");
  Reply retire = office.call("remove_menu_entry", {{"kind", "item"}, {"id", "onion-rings"}});
  ASSERT_TRUE(retire.ok()) << retire.message();

  Reply refused = floor.call("add_line", {{"check_id", check}, {"item_id", "onion-rings"}});
  EXPECT_EQ(refused.code(), "not_on_sale");
  EXPECT_EQ(refused.message(), "Beer-battered onion rings is no longer on the menu");
  // The old line is untouched and still goes to the kitchen; the item keeps its category.
  EXPECT_EQ(check_in_store(hub, check).find_line(line)->name, "Beer-battered onion rings");
  EXPECT_FALSE(send_check(floor, check).empty());
  const Json menu = floor.call("get_menu").result();
  const Json* kept = wire_item(menu["menu"], "onion-rings");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ((*kept)["retired"], true);
  EXPECT_EQ((*kept)["category"], "sides");

  // Back on the menu: saved without "retired".
  Json entry = item_entry("onion-rings");
  entry.erase("retired");
  ASSERT_TRUE(save("item", entry).ok());
  EXPECT_TRUE(floor.call("add_line", {{"check_id", check}, {"item_id", "onion-rings"}}).ok());
}

TEST_F(BackOffice, AReroutedItemGoesToItsNewStationFromTheNextSend) {
  const std::int64_t check = open_table(floor, "6");
  add_item(floor, check, "beer-lager");  // added while the bar makes it
  Json lager = item_entry("beer-lager");
  lager["stations"] = Json::array({"cold"});
  ASSERT_TRUE(save("item", lager).ok());
  Reply sent = floor.call("send", {{"check_id", check}});
  ASSERT_TRUE(sent.ok()) << sent.message();
  std::vector<std::string> topics;
  for (const auto& e : published(sent.publications))
    if (e["type"] == "ticket.created") topics.push_back(e["topic"]);
  EXPECT_EQ(topics, (std::vector<std::string>{"ticket.cold"}));
}

TEST_F(BackOffice, ImportingTheMenusOwnExportChangesNothing) {
  const Json before = hub_state(hub);
  const std::int64_t version = hub.store().menu_version();
  Reply imported = office.call("import_menu", {{"menu", menu_json(hub.store().load_menu())}});
  ASSERT_TRUE(imported.ok()) << imported.message();
  EXPECT_EQ(imported.result(), (Json{{"menu_version", version}, {"changed", false}}));
  EXPECT_TRUE(imported.publications.empty());
  EXPECT_EQ(hub_state(hub), before);
  EXPECT_EQ(hub.store().menu_version(), version);
  EXPECT_TRUE(hub.store().load_audit({}).empty());
}

TEST_F(BackOffice, AnImportWithThreeMistakesListsAllThreeAndChangesNothing) {
  Json menu = menu_json(hub.store().load_menu());
  for (Json& item : menu["items"]) {
    if (item["id"] == "classic-burger") item["price"] = "17,0O";
    if (item["id"] == "fries") item["tax_class"] = "wine";
  }
  menu["modifier_groups"][0]["min"] = 9;
  const Json before = hub_state(hub);
  const Menu menu_before = hub.store().load_menu();

  Reply refused = office.call("import_menu", {{"menu", menu}});
  EXPECT_EQ(refused.code(), "invalid_menu");
  const Json problems = refused.json["error"]["problems"];
  ASSERT_EQ(problems.size(), 3u) << refused.json.dump(2);
  EXPECT_EQ(problems[0]["where"], "menu.modifier_groups[0]");
  EXPECT_EQ(problems[0]["id"], "temperature");
  EXPECT_EQ(problems[0]["field"], "");
  EXPECT_EQ(problems[0]["why"], "min (9) is greater than max (1)");
  EXPECT_EQ(problems[1]["id"], "classic-burger");
  EXPECT_EQ(problems[1]["field"], "price");
  EXPECT_EQ(problems[2]["id"], "fries");
  EXPECT_EQ(problems[2]["field"], "tax_class");
  EXPECT_EQ(problems[2]["why"], "'wine' is not a tax class");
  EXPECT_NE(refused.message().find("3 problems"), std::string::npos) << refused.message();
  EXPECT_TRUE(refused.publications.empty());
  EXPECT_EQ(hub_state(hub), before);
  EXPECT_EQ(hub.store().load_menu(), menu_before);
}

TEST_F(BackOffice, AnImportThatLeavesAnItemOutRetiresIt) {
  Json menu = menu_json(hub.store().load_menu());
  Json& items = menu["items"];
  items.erase(
      std::remove_if(items.begin(), items.end(), [](const Json& i) { return i["id"] == "fries"; }),
      items.end());
  ASSERT_TRUE(office.call("import_menu", {{"menu", menu}}).ok());
  const Menu menu_now = hub.store().load_menu();
  const MenuItem* fries = menu_now.find_item("fries");
  ASSERT_NE(fries, nullptr);
  EXPECT_TRUE(fries->retired);
}

TEST_F(BackOffice, RemovingWhatTheMenuStillUsesIsRefusedNamingWhoUsesIt) {
  Reply refused = office.call("remove_menu_entry", {{"kind", "station"}, {"id", "pastry"}});
  EXPECT_EQ(refused.code(), "invalid_menu");
  ASSERT_FALSE(refused.json["error"]["problems"].empty());
  EXPECT_EQ(refused.json["error"]["problems"][0]["why"], "'pastry' is not a station");
  EXPECT_EQ(office.call("remove_menu_entry", {{"kind", "station"}, {"id", "nope"}}).code(),
            "not_found");
}

TEST_F(BackOffice, OnlyRolesThatEditTheMenuMayAndEveryEditIsAudited) {
  Json lager = item_entry("beer-lager");
  lager["price"] = "1.00";
  Reply server = floor.call("save_menu_entry", {{"kind", "item"}, {"entry", lager}});
  EXPECT_EQ(server.code(), "forbidden");
  EXPECT_EQ(floor.call("import_menu", {{"menu", menu_json(hub.store().load_menu())}}).code(),
            "forbidden");
  EXPECT_EQ(floor.call("list_audit").code(), "forbidden");

  lager["price"] = "9.00";
  ASSERT_TRUE(save("item", lager).ok());
  Reply log = office.call("list_audit", {{"action", "menu"}});
  ASSERT_TRUE(log.ok()) << log.message();
  ASSERT_EQ(log.result()["entries"].size(), 1u);
  const Json& entry = log.result()["entries"][0];
  EXPECT_EQ(entry["action"], "menu.item.changed");
  EXPECT_EQ(entry["staff_id"], "dana");
  EXPECT_EQ(entry["device"], "pos-office");
  EXPECT_EQ(entry["subject"], "item beer-lager");
  EXPECT_EQ(entry["at"], hub.now);
  EXPECT_EQ(entry["before"]["price"], "8.00");
  EXPECT_EQ(entry["after"]["price"], "9.00");
}

TEST_F(BackOffice, AReorderListsEveryEntryOnce) {
  std::vector<std::string> ids;
  const Json menu = menu_json(hub.store().load_menu());
  for (const Json& c : menu["categories"]) ids.push_back(c["id"]);
  std::vector<std::string> missing(ids.begin() + 1, ids.end());
  EXPECT_EQ(office.call("reorder_menu", {{"kind", "category"}, {"ids", missing}}).code(),
            "invalid_argument");
  std::reverse(ids.begin(), ids.end());
  Reply reordered = office.call("reorder_menu", {{"kind", "category"}, {"ids", ids}});
  ASSERT_TRUE(reordered.ok()) << reordered.json.dump();
  EXPECT_EQ(hub.store().load_menu().categories.front().id, ids.front());
  EXPECT_EQ(
      office.call("list_audit", {{"action", "menu.category.reordered"}}).result()["entries"].size(),
      1u);
}

TEST_F(BackOffice, DayPartsLimitWhatIsSoldAndSetHappyHourPrices) {
  Reply brunch = save("day_part", {{"id", "brunch"},
                                   {"name", "Brunch"},
                                   {"days", {"sat", "sun"}},
                                   {"from", "10:00"},
                                   {"until", "14:00"}});
  ASSERT_TRUE(brunch.ok()) << brunch.message();
  ASSERT_TRUE(
      save("day_part",
           {{"id", "happy-hour"}, {"name", "Happy hour"}, {"from", "16:00"}, {"until", "18:00"}})
          .ok());
  Json special = {{"id", "eggs-benedict"},
                  {"name", "Eggs Benedict"},
                  {"category", "specials"},
                  {"price", "16.00"},
                  {"tax_class", "food"},
                  {"stations", {"saute"}},
                  {"day_parts", {"brunch"}},
                  {"allergens", {"egg", "gluten"}},
                  {"description", "two eggs, hollandaise"}};
  ASSERT_TRUE(save("item", special).ok());
  Json lager = item_entry("beer-lager");
  lager["day_part_prices"] = {{{"day_part", "happy-hour"}, {"price", "5.00"}}};
  ASSERT_TRUE(save("item", lager).ok());

  // Days pass between these: the server logs in again each time (sessions end when idle).
  hub.now = at(4, 19, 30);  // Friday evening
  ASSERT_TRUE(floor.login(kServerPin).ok());
  const std::int64_t check = open_table(floor, "7");
  Reply friday = floor.call("add_line", {{"check_id", check}, {"item_id", "eggs-benedict"}});
  EXPECT_EQ(friday.code(), "not_on_sale");
  EXPECT_EQ(friday.message(), "Eggs Benedict is sold only at Brunch (sat-sun 10:00-14:00)");
  const std::int64_t full_price = add_item(floor, check, "beer-lager");

  hub.now = at(5, 11, 0);  // Saturday morning
  ASSERT_TRUE(floor.login(kServerPin).ok());
  EXPECT_TRUE(floor.call("add_line", {{"check_id", check}, {"item_id", "eggs-benedict"}}).ok());
  hub.now = at(5, 14, 0);  // brunch ends at 14:00
  ASSERT_TRUE(floor.login(kServerPin).ok());
  EXPECT_EQ(floor.call("add_line", {{"check_id", check}, {"item_id", "eggs-benedict"}}).code(),
            "not_on_sale");
  hub.now = at(5, 17, 15);  // happy hour
  ASSERT_TRUE(floor.login(kServerPin).ok());
  const std::int64_t happy = add_item(floor, check, "beer-lager");
  const Check stored = check_in_store(hub, check);
  EXPECT_EQ(stored.find_line(full_price)->unit_price, Money::cents(800));
  EXPECT_EQ(stored.find_line(happy)->unit_price, Money::cents(500));

  const Json menu = floor.call("get_menu").result();
  const Json* wire = wire_item(menu["menu"], "eggs-benedict");
  ASSERT_NE(wire, nullptr);
  EXPECT_EQ((*wire)["allergens"], (Json{"egg", "gluten"}));
  EXPECT_EQ((*wire)["day_parts"], (Json{"brunch"}));
}

TEST_F(BackOffice, ABadEntryIsRefusedWithItsFieldAndNothingChanges) {
  const std::int64_t version = hub.store().menu_version();
  Reply refused = save("item", {{"id", "x"},
                                {"name", "X"},
                                {"category", "burgers"},
                                {"price", 12.5},
                                {"tax_class", "food"}});
  EXPECT_EQ(refused.code(), "invalid_menu");
  const Json problem = refused.json["error"]["problems"][0];
  EXPECT_EQ(problem["id"], "x");
  EXPECT_EQ(problem["field"], "price");
  EXPECT_EQ(problem["why"],
            "expected a string, got a decimal number (write prices in quotes, like \"14.50\")");
  EXPECT_EQ(hub.store().menu_version(), version);
  EXPECT_EQ(save("tax_class", {{"id", "x"}, {"name", "X"}, {"rate_ppm", 2'000'000}}).code(),
            "invalid_menu");
  EXPECT_EQ(office.call("save_menu_entry", {{"kind", "table"}, {"entry", Json::object()}}).code(),
            "bad_request");
  // An id that is not text is the menu's problem, named, not the hub's.
  Reply numbered = save("item", {{"id", 12},
                                 {"name", "X"},
                                 {"category", "burgers"},
                                 {"price", "1.00"},
                                 {"tax_class", "food"}});
  EXPECT_EQ(numbered.code(), "invalid_menu");
  EXPECT_EQ(numbered.json["error"]["problems"][0]["field"], "id");
  EXPECT_EQ(hub.store().menu_version(), version);
}

}  // namespace
}  // namespace brigade

namespace brigade {
namespace {

TEST_F(BackOffice, VoidsCompsDiscountsStockAndOverridesAreAudited) {
  const std::int64_t check = open_table(floor, "8");
  const std::int64_t burger = add_item(floor, check, "beer-lager");
  send_check(floor, check);
  // A server voids a sent line on the manager's PIN: the void and the override.
  Reply voided = floor.call(
      "void_line", {{"check_id", check}, {"line_id", burger}, {"reason", "spilt"}}, kManagerPin);
  ASSERT_TRUE(voided.ok()) << voided.message();
  ASSERT_TRUE(office
                  .call("discount", {{"check_id", check},
                                     {"kind", "percent"},
                                     {"percent_bp", 1000},
                                     {"reason", "birthday"}})
                  .ok());
  ASSERT_TRUE(office.call("set_stock", {{"item_id", "salmon"}, {"remaining", 3}}).ok());

  const Json entries = office.call("list_audit").result()["entries"];
  std::vector<std::string> actions;
  for (const Json& e : entries) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"line.voided", "override.void_line",
                                               "check.discount", "stock.set_stock"}));
  const Json& v = entries[0];
  EXPECT_EQ(v["staff_id"], "sam");
  EXPECT_EQ(v["approved_by"], "dana");
  EXPECT_EQ(v["device"], "pos-1");
  EXPECT_EQ(v["reason"], "spilt");
  EXPECT_EQ(v["subject"], "check " + std::to_string(check) + " line " + std::to_string(burger));
  EXPECT_EQ(v["before"]["state"], "sent");
  EXPECT_EQ(v["after"]["state"], "voided");
  EXPECT_EQ(entries[2]["after"]["percent_bp"], 1000);
  EXPECT_EQ(entries[2]["reason"], "birthday");
  EXPECT_EQ(entries[3]["before"]["remaining"], 8);
  EXPECT_EQ(entries[3]["after"]["remaining"], 3);

  // Filters: what Sam did or had approved, and nothing from before it all happened.
  EXPECT_EQ(office.call("list_audit", {{"staff_id", "sam"}}).result()["entries"].size(), 2u);
  EXPECT_TRUE(office.call("list_audit", {{"until", hub.now}}).result()["entries"].empty());
  EXPECT_EQ(office.call("list_audit", {{"limit", 0}}).code(), "bad_request");
}

}  // namespace
}  // namespace brigade

namespace brigade {
namespace {

TEST_F(BackOffice, WhoMayDoWhatIsDataAndAGrantWorksAtOnce) {
  const std::int64_t check = open_table(floor, "10");
  const std::int64_t line = add_item(floor, check, "beer-lager");
  send_check(floor, check);
  auto void_it = [&] {
    return floor.call("void_line",
                      {{"check_id", check}, {"line_id", line}, {"quantity", 1}, {"reason", "x"}});
  };
  EXPECT_EQ(void_it().code(), "forbidden");

  // A server may not change the table; a manager may, and it works without a restart.
  Json grant{{"role", "server"}, {"permission", "void_sent_line"}, {"allowed", true}};
  EXPECT_EQ(floor.call("set_permission", grant).code(), "forbidden");
  Reply granted = office.call("set_permission", grant);
  ASSERT_TRUE(granted.ok()) << granted.message();
  EXPECT_EQ(granted.result()["changed"], true);
  EXPECT_EQ(granted.result()["permissions"]["server"],
            (Json{"take_orders", "void_sent_line", "take_payment", "transfer_check"}));
  std::vector<std::string> types;
  for (const auto& e : published(granted.publications)) types.push_back(e["type"]);
  EXPECT_EQ(types, (std::vector<std::string>{"permissions.changed"}));
  EXPECT_EQ(office.call("set_permission", grant).result()["changed"], false);
  Reply voided = void_it();
  ASSERT_TRUE(voided.ok()) << voided.message();

  // The store keeps it; a snapshot says it.
  hub.restart();
  Device reader{hub, "pos-3"};
  EXPECT_EQ(reader.call("snapshot", {{"topics", Json::array()}}).result()["permissions"]["server"],
            (Json{"take_orders", "void_sent_line", "take_payment", "transfer_check"}));

  // Taken away again: refused again. And the audit log has both.
  ASSERT_TRUE(office.login(kManagerPin).ok());
  ASSERT_TRUE(floor.login(kServerPin).ok());
  grant["allowed"] = false;
  ASSERT_TRUE(office.call("set_permission", grant).ok());
  EXPECT_EQ(
      floor.call("void_line", {{"check_id", check}, {"line_id", line}, {"reason", "y"}}).code(),
      "forbidden");
  const Json log = office.call("list_audit", {{"action", "staff.permission"}}).result()["entries"];
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0]["action"], "staff.permission.granted");
  EXPECT_EQ(log[0]["subject"], "role server: void_sent_line");
  EXPECT_EQ(log[1]["action"], "staff.permission.revoked");
}

TEST_F(BackOffice, ManagersAlwaysKeepManageStaffAndUnknownNamesAreRefused) {
  Reply refused = office.call(
      "set_permission", {{"role", "manager"}, {"permission", "manage_staff"}, {"allowed", false}});
  EXPECT_EQ(refused.code(), "invalid_argument");
  EXPECT_EQ(
      office.call("set_permission", {{"role", "owner"}, {"permission", "comp"}, {"allowed", true}})
          .code(),
      "bad_request");
  EXPECT_EQ(
      office.call("set_permission", {{"role", "server"}, {"permission", "fly"}, {"allowed", true}})
          .code(),
      "bad_request");
  // Taking eighty_six from the kitchen stops a cook's 86 at the hub.
  ASSERT_TRUE(office
                  .call("set_permission",
                        {{"role", "kitchen"}, {"permission", "eighty_six"}, {"allowed", false}})
                  .ok());
  Device line{hub, "pos-line"};
  ASSERT_TRUE(line.login(kKitchenPin).ok());
  EXPECT_EQ(line.call("eighty_six", {{"item_id", "salmon"}}).code(), "forbidden");
  EXPECT_EQ(hub.store().load_permissions().allows(Role::kitchen, Permission::eighty_six), false);
  EXPECT_EQ(hub.store().load_permissions().allows(Role::kitchen, Permission::work_tickets), true);
}

}  // namespace
}  // namespace brigade

namespace brigade {
namespace {

TEST_F(BackOffice, AManagerAddsAServerWhoLogsInAndLaterLeaves) {
  Json maria{{"id", "maria"}, {"name", "Maria Lopez"}, {"role", "server"}, {"pin", "4321"}};
  EXPECT_EQ(floor.call("save_staff", maria).code(), "forbidden");
  Json no_pin = maria;
  no_pin.erase("pin");
  EXPECT_EQ(office.call("save_staff", no_pin).code(), "invalid_argument");
  Json taken = maria;
  taken["pin"] = "1111";  // Sam's
  Reply refused = office.call("save_staff", taken);
  EXPECT_EQ(refused.code(), "invalid_argument");
  EXPECT_EQ(refused.message(), "that PIN is taken: choose another");
  EXPECT_FALSE(hub.store().find_staff("maria").has_value());  // nothing half-done

  Reply added = office.call("save_staff", maria);
  ASSERT_TRUE(added.ok()) << added.message();
  std::vector<std::string> types;
  for (const auto& e : published(added.publications)) types.push_back(e["type"]);
  EXPECT_EQ(types, (std::vector<std::string>{"staff.changed"}));
  Device her_terminal{hub, "pos-7"};
  Reply login = her_terminal.login("4321");
  ASSERT_TRUE(login.ok()) << login.message();
  EXPECT_EQ(login.result()["staff"]["name"], "Maria Lopez");
  EXPECT_EQ(
      her_terminal.call("open_check", {{"channel", "dine_in"}, {"table_id", "2"}, {"guests", 2}})
          .code(),
      "");

  // She changes her PIN with her current one; a wrong current one is refused.
  EXPECT_EQ(
      her_terminal
          .call("change_pin", {{"staff_id", "maria"}, {"pin", "5678"}, {"current_pin", "0000"}})
          .code(),
      "wrong_pin");
  ASSERT_TRUE(
      her_terminal
          .call("change_pin", {{"staff_id", "maria"}, {"pin", "5678"}, {"current_pin", "4321"}})
          .ok());
  EXPECT_EQ(Device(hub, "pos-8").login("4321").code(), "wrong_pin");
  // Without her current PIN, only someone who manages staff may.
  EXPECT_EQ(floor.call("change_pin", {{"staff_id", "maria"}, {"pin", "2468"}}).code(), "forbidden");

  // She leaves: her session ends, her PIN logs nobody in and is free for someone else.
  Json gone = maria;
  gone.erase("pin");
  gone["active"] = false;
  ASSERT_TRUE(office.call("save_staff", gone).ok());
  EXPECT_EQ(her_terminal.call("list_checks").code(), "not_logged_in");
  EXPECT_EQ(Device(hub, "pos-8").login("5678").code(), "wrong_pin");
  ASSERT_TRUE(office
                  .call("save_staff",
                        {{"id", "nina"}, {"name", "Nina Park"}, {"role", "host"}, {"pin", "5678"}})
                  .ok());
  EXPECT_TRUE(hub.store().find_staff("maria").has_value());  // kept for the reports

  const Json log = office.call("list_audit", {{"action", "staff"}}).result()["entries"];
  std::vector<std::string> actions;
  for (const Json& e : log) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"staff.added", "staff.pin_changed",
                                               "staff.deactivated", "staff.added"}));
  for (const Json& e : log) EXPECT_EQ(e.dump().find("5678"), std::string::npos);  // no PINs
  const Json all = office.call("list_staff").result()["staff"];
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const Json& s) {
    return s["id"] == "maria" && s["active"] == false;
  }));
}

TEST_F(BackOffice, AManagerCannotLockThemselvesOut) {
  Reply self = office.call(
      "save_staff",
      {{"id", "dana"}, {"name", "Dana Whitfield"}, {"role", "manager"}, {"active", false}});
  EXPECT_EQ(self.code(), "invalid_argument");
  EXPECT_EQ(
      office.call("save_staff", {{"id", "dana"}, {"name", "Dana Whitfield"}, {"role", "server"}})
          .code(),
      "invalid_argument");
  EXPECT_EQ(office
                .call("save_staff",
                      {{"id", "bad id"}, {"name", "X"}, {"role", "server"}, {"pin", "9999"}})
                .code(),
            "invalid_argument");
}

}  // namespace
}  // namespace brigade

namespace brigade {
namespace {

TEST_F(BackOffice, AnApprovedStaffChangeKeepsNoPinInTheAuditLog) {
  // A server adds a colleague on a manager's PIN: the override is recorded, the PINs not.
  Reply added = floor.call(
      "save_staff", {{"id", "kai"}, {"name", "Kai Moon"}, {"role", "host"}, {"pin", "86420"}},
      kManagerPin);
  ASSERT_TRUE(added.ok()) << added.message();
  const Json log = office.call("list_audit").result()["entries"];
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1]["action"], "override.save_staff");
  EXPECT_EQ(log[1]["after"], (Json{{"id", "kai"}, {"name", "Kai Moon"}, {"role", "host"}}));
  EXPECT_EQ(log.dump().find("86420"), std::string::npos);
  // Back after leaving: only with a new PIN; an inactive one takes none.
  ASSERT_TRUE(office
                  .call("save_staff",
                        {{"id", "kai"}, {"name", "Kai Moon"}, {"role", "host"}, {"active", false}})
                  .ok());
  EXPECT_EQ(
      office.call("save_staff", {{"id", "kai"}, {"name", "Kai Moon"}, {"role", "host"}}).code(),
      "invalid_argument");
  EXPECT_EQ(office
                .call("save_staff", {{"id", "kai"},
                                     {"name", "Kai Moon"},
                                     {"role", "host"},
                                     {"active", false},
                                     {"pin", "1357"}})
                .code(),
            "invalid_argument");
  // The sample's inactive Alex (90210) has no PIN: it is free.
  EXPECT_TRUE(office
                  .call("save_staff",
                        {{"id", "kai"}, {"name", "Kai Moon"}, {"role", "host"}, {"pin", "90210"}})
                  .ok());
  EXPECT_TRUE(Device(hub, "pos-9").login("90210").ok());
}

}  // namespace
}  // namespace brigade
