// Who may do what, enforced at the hub whatever a terminal shows: each role's
// forbidden commands are refused with "forbidden" and change nothing; a manager's PIN
// lends permission to one command; sessions start with a PIN and end at logout;
// kitchen screens work tickets without anyone logged in, front of house may not.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

struct Attempt {
  std::string type;
  Json args;
  std::string message;  // the refusal's exact words
};

std::string needs_manager(const std::string& doing) {
  return doing + " needs a manager: enter a manager's PIN to approve";
}

// Table 5 with a burger and fries sent, a cheesecake held for dessert, onion rings not
// yet sent; table 6 with a soda sent. A manager and a server are logged in.
class Permissions : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
    check = open_table(floor, "5", 2);
    burger = add_item(floor, check, "classic-burger",
                      {{"modifiers", {"temp-medium"}}, {"seat", 1}, {"quantity", 2}});
    fries = add_item(floor, check, "fries", {{"seat", 2}});
    cheesecake = add_item(floor, check, "cheesecake", {{"seat", 2}});
    auto tickets = send_check(floor, check, {{"hold", {"dessert"}}});
    ASSERT_EQ(tickets.size(), 2u);
    ticket = tickets[0];
    onion_rings = add_item(floor, check, "onion-rings", {{"seat", 1}});
    other = open_table(floor, "6", 1);
    add_item(floor, other, "soda", {{"modifiers", {"soda-coke"}}});
    send_check(floor, other);
  }

  // Money given away, and the 86 list: a manager's business.
  std::vector<Attempt> give_aways() const {
    return {
        {"void_line",
         {{"check_id", check}, {"line_id", burger}, {"reason", "sent back"}},
         needs_manager("voiding a sent line")},
        {"discount",
         {{"check_id", check}, {"kind", "comp"}, {"reason", "birthday"}},
         needs_manager("a comp")},
        {"discount",
         {{"check_id", check}, {"line_id", fries}, {"kind", "comp"}, {"reason", "cold"}},
         needs_manager("a comp")},
        {"discount",
         {{"check_id", check}, {"kind", "amount"}, {"amount", 500}, {"reason", "regular"}},
         needs_manager("a discount")},
        {"discount",
         {{"check_id", check}, {"kind", "percent"}, {"percent_bp", 1000}, {"reason", "staff"}},
         needs_manager("a discount")},
        {"eighty_six", {{"item_id", "scallops"}}, needs_manager("86ing items")},
        {"set_stock", {{"item_id", "short-rib"}, {"remaining", 3}}, needs_manager("86ing items")},
        {"un_eighty_six", {{"item_id", "salmon"}}, needs_manager("86ing items")},
    };
  }

  // Selling and taking money: what front of house does.
  std::vector<Attempt> sales() const {
    return {
        {"open_check",
         {{"channel", "dine_in"}, {"table_id", "9"}, {"guests", 2}},
         needs_manager("taking orders")},
        {"add_line", {{"check_id", check}, {"item_id", "fries"}}, needs_manager("taking orders")},
        {"change_line",
         {{"check_id", check}, {"line_id", onion_rings}, {"quantity", 2}},
         needs_manager("changing lines")},
        {"remove_line",
         {{"check_id", check}, {"line_id", onion_rings}},
         needs_manager("removing lines")},
        {"send", {{"check_id", check}}, needs_manager("sending orders")},
        {"fire", {{"check_id", check}, {"course", "dessert"}}, needs_manager("firing courses")},
        {"pay",
         {{"check_id", check}, {"tender", "card"}, {"amount", 100}},
         needs_manager("taking payments")},
        {"add_tip",
         {{"check_id", check}, {"payment_id", 1}, {"tip", 100}},
         needs_manager("adding tips")},
        {"split", {{"check_id", check}, {"kind", "by_seat"}}, needs_manager("splitting checks")},
        {"close_check", {{"check_id", check}}, needs_manager("closing checks")},
    };
  }

  // Moving checks and lines around the floor.
  std::vector<Attempt> transfers() const {
    return {
        {"transfer",
         {{"check_id", check}, {"table_id", "7"}},
         needs_manager("transferring checks")},
        {"merge",
         {{"into_check_id", check}, {"from_check_id", other}},
         needs_manager("merging checks")},
        {"move_lines",
         {{"from_check_id", check}, {"to_check_id", other}, {"line_ids", {fries}}},
         needs_manager("moving lines")},
    };
  }

  // Each attempt is refused with `code` and the attempt's message, and changes nothing.
  void expect_refused(Device& d, const std::vector<Attempt>& attempts,
                      const std::string& code = "forbidden", const std::string& approval = "") {
    for (const auto& a : attempts) {
      SCOPED_TRACE(a.type + " " + a.args.dump());
      Json before = hub_state(hub);
      Reply r = d.call(a.type, a.args, approval);
      EXPECT_EQ(r.code(), code) << r.json.dump();
      EXPECT_EQ(r.message(), a.message);
      EXPECT_EQ(r.json["id"], d.last_id());
      EXPECT_TRUE(r.publications.empty());
      EXPECT_EQ(hub_state(hub), before);
    }
  }

  // Wrong approval PINs by the dozen, without the lock-out (pin_lockout_test.cpp).
  static brigade::service::ServiceOptions no_lockout() {
    brigade::service::ServiceOptions options;
    options.pin_free_tries = 1'000'000;
    return options;
  }

  ServiceHub hub{no_lockout()};
  Device office{hub, "pos-office"};
  Device floor{hub, "pos-1"};
  std::int64_t check = 0, other = 0, burger = 0, fries = 0, cheesecake = 0, onion_rings = 0,
               ticket = 0;
};

TEST_F(Permissions, ServerMayNotVoidCompDiscountOr86) {
  expect_refused(floor, give_aways());
}

TEST_F(Permissions, BartenderMayNotVoidCompDiscountOr86) {
  Device bar(hub, "pos-bar");
  ASSERT_TRUE(bar.login(kBartenderPin).ok());
  expect_refused(bar, give_aways());
}

TEST_F(Permissions, HostMayNotVoidCompDiscount86OrMoveChecks) {
  Device desk(hub, "pos-desk");
  ASSERT_TRUE(desk.login(kHostPin).ok());
  expect_refused(desk, give_aways());
  expect_refused(desk, transfers());
}

TEST_F(Permissions, KitchenMayNotSellTakeMoneyOrGiveItAway) {
  Device line(hub, "pos-kitchen");
  ASSERT_TRUE(line.login(kKitchenPin).ok());
  expect_refused(line, sales());
  expect_refused(line, transfers());
  std::vector<Attempt> money = give_aways();
  money.resize(5);  // voids, comps, discounts; the 86 list is the kitchen's (below)
  expect_refused(line, money);
}

TEST_F(Permissions, KitchenMay86SetCountsAndUn86) {
  Device line(hub, "pos-kitchen");
  ASSERT_TRUE(line.login(kKitchenPin).ok());
  Reply out = line.call("eighty_six", {{"item_id", "scallops"}});
  ASSERT_TRUE(out.ok()) << out.message();
  EXPECT_TRUE(eighty_sixed(hub, "scallops"));
  EXPECT_EQ(published(out.publications)[0]["body"]["by"], "tom");
  ASSERT_TRUE(line.call("set_stock", {{"item_id", "short-rib"}, {"remaining", 3}}).ok());
  EXPECT_EQ(remaining(hub, "short-rib"), 3);
  ASSERT_TRUE(line.call("un_eighty_six", {{"item_id", "scallops"}}).ok());
  EXPECT_FALSE(eighty_sixed(hub, "scallops"));
}

TEST_F(Permissions, HostTakesOrdersAndPayments) {
  Device desk(hub, "pos-desk");
  ASSERT_TRUE(desk.login(kHostPin).ok());
  Reply opened = desk.call("open_check", {{"channel", "takeout"}, {"customer_name", "Lee"}});
  ASSERT_TRUE(opened.ok()) << opened.message();
  std::int64_t pickup = opened.result()["check_id"];
  add_item(desk, pickup, "fish-and-chips");
  send_check(desk, pickup);
  std::int64_t total = desk.call("get_check", {{"check_id", pickup}})
                           .result()["check"]["totals"]["total"]
                           .get<std::int64_t>();
  ASSERT_TRUE(desk.call("pay", {{"check_id", pickup}, {"tender", "card"}, {"amount", total}}).ok());
  Reply closed = desk.call("close_check", {{"check_id", pickup}});
  ASSERT_TRUE(closed.ok()) << closed.message();
  EXPECT_EQ(closed.result()["check"]["server_id"], "olivia");
}

TEST_F(Permissions, ServerAndBartenderMayMoveChecksAndLines) {
  Device bar(hub, "pos-bar");
  ASSERT_TRUE(bar.login(kBartenderPin).ok());
  Reply moved = floor.call(
      "move_lines", {{"from_check_id", check}, {"to_check_id", other}, {"line_ids", {fries}}});
  ASSERT_TRUE(moved.ok()) << moved.message();
  Reply transferred = bar.call("transfer", {{"check_id", other}, {"table_id", "B2"}});
  ASSERT_TRUE(transferred.ok()) << transferred.message();
  EXPECT_EQ(transferred.result()["check"]["table_id"], "B2");
}

// [SECTION] a manager's PIN on one command

TEST_F(Permissions, ManagersPinLendsPermissionToThatCommandOnly) {
  std::vector<std::string> audit;
  brigade::service::ServiceOptions options;
  options.audit = [&](const std::string& l) { audit.push_back(l); };
  hub.restart(options);

  Reply voided = floor.call(
      "void_line", {{"check_id", check}, {"line_id", burger}, {"quantity", 1}, {"reason", "spilt"}},
      kManagerPin);
  ASSERT_TRUE(voided.ok()) << voided.message();
  Json line = line_on(voided.result()["check"], burger);
  EXPECT_EQ(line["voided_by"], "dana");
  EXPECT_EQ(line["voided_quantity"], 1);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.back(), "Sam Ortiz (server) @pos-1: void_line ok [approved by dana]");

  // The permission is not kept: the next void needs a PIN again.
  Reply again =
      floor.call("void_line",
                 {{"check_id", check}, {"line_id", burger}, {"quantity", 1}, {"reason", "spilt"}});
  EXPECT_EQ(again.code(), "forbidden");
  EXPECT_EQ(again.message(), needs_manager("voiding a sent line"));

  Reply comp = floor.call(
      "discount", {{"check_id", check}, {"line_id", fries}, {"kind", "comp"}, {"reason", "cold"}},
      "246810");  // Marcus, the other manager
  ASSERT_TRUE(comp.ok()) << comp.message();
  EXPECT_EQ(comp.result()["check"]["discounts"][0]["approved_by"], "marcus");
  EXPECT_EQ(comp.result()["check"]["discounts"][0]["kind"], "comp");
  EXPECT_EQ(published(comp.publications)[0]["body"]["by"], "marcus");

  Reply off = floor.call(
      "discount",
      {{"check_id", check}, {"kind", "percent"}, {"percent_bp", 1000}, {"reason", "regulars"}},
      kManagerPin);
  ASSERT_TRUE(off.ok()) << off.message();
  EXPECT_EQ(off.result()["check"]["discounts"][1]["approved_by"], "dana");

  Reply out = floor.call("eighty_six", {{"item_id", "scallops"}}, kManagerPin);
  ASSERT_TRUE(out.ok()) << out.message();
  EXPECT_TRUE(eighty_sixed(hub, "scallops"));
  EXPECT_EQ(published(out.publications)[0]["body"]["by"], "dana");

  // Without it, a server's own discount is refused.
  expect_refused(floor, {give_aways()[3]});
}

TEST_F(Permissions, ManagerNeedsNoApprovalAndIsRecordedAsHimself) {
  Reply voided =
      office.call("void_line", {{"check_id", check}, {"line_id", burger}, {"reason", "sent back"}});
  ASSERT_TRUE(voided.ok()) << voided.message();
  EXPECT_EQ(line_on(voided.result()["check"], burger)["voided_by"], "dana");
  EXPECT_EQ(line_on(voided.result()["check"], burger)["state"], "voided");
}

// docs/protocol.md: approval_pin is looked at only when the sender's role lacks the
// permission the command needs.
TEST_F(Permissions, AnApprovalPinNobodyNeedsIsNotLookedAt) {
  Reply voided = office.call(
      "void_line", {{"check_id", check}, {"line_id", burger}, {"reason", "sent back"}}, "9999");
  ASSERT_TRUE(voided.ok()) << voided.message();
  EXPECT_EQ(line_on(voided.result()["check"], burger)["voided_by"], "dana");
  EXPECT_TRUE(floor.call("add_line", {{"check_id", check}, {"item_id", "fries"}}, "0000").ok());
  EXPECT_TRUE(floor.call("get_check", {{"check_id", check}}, "0000").ok());
  Device grill(hub, "kds-grill");
  EXPECT_TRUE(grill.call("ack_ticket", {{"ticket_id", ticket}, {"station", "grill"}}, "0000").ok());
  EXPECT_TRUE(grill.call("get_menu", Json::object(), "0000").ok());
}

// Regression (issue 9): a wrong approval PIN named its owner ("Jess Park may not approve
// voiding a sent line") and a non-manager's PIN got another code than nobody's, so the
// answers told a server whose PIN a guess was. Every PIN that does not approve now gets
// the same code and words.
TEST_F(Permissions, EveryWrongApprovalPinGetsTheSameAnswer) {
  std::vector<Attempt> attempts = give_aways();
  for (auto& a : attempts) a.message = "not a valid manager PIN";
  expect_refused(floor, attempts, "wrong_pin", "9999");  // nobody's
  const std::vector<std::string> pins = {
      "90210",        // inactive: nobody's now
      "12",           // not a PIN at all
      kBartenderPin,  // Jess Park
      kHostPin,       // Olivia Chen
      kKitchenPin,    // Tom Reilly: a cook may 86, but does not lend it to a server
      kServerPin,     // Sam Ortiz, the sender himself
      "2222",         // Priya Shah
  };
  for (const auto& pin : pins) {
    SCOPED_TRACE(pin);
    expect_refused(floor, {attempts[0], attempts[1], attempts[5]}, "wrong_pin", pin);
  }
}

// [SECTION] sessions

TEST_F(Permissions, EveryStaffCommandWithoutASessionIsNotLoggedIn) {
  Device stranger(hub, "pos-2");  // never logged in
  std::vector<Attempt> attempts = give_aways();
  for (auto& list : {sales(), transfers()})
    attempts.insert(attempts.end(), list.begin(), list.end());
  attempts.push_back({"list_checks", Json::object(), ""});
  attempts.push_back({"get_check", {{"check_id", check}}, ""});
  attempts.push_back({"logout", Json::object(), ""});
  for (auto& a : attempts) a.message = "you are not logged in: log in with your PIN";
  expect_refused(stranger, attempts, "not_logged_in");
}

TEST_F(Permissions, AMadeUpSessionIsNotLoggedIn) {
  Json before = hub_state(hub);
  std::string request = brigade::protocol::make_command(
      "forged-1", "add_line", "pos-1", "00112233445566778899aabbccddeeff",
      {{"check_id", check}, {"item_id", "fries"}});
  Reply r = hub.raw(request);
  EXPECT_EQ(r.code(), "not_logged_in");
  // A kitchen command carrying a session must carry a live one.
  Reply bump = hub.raw(brigade::protocol::make_command(
      "forged-2", "bump", "kds-grill", "00112233445566778899aabbccddeeff",
      {{"ticket_id", ticket}, {"station", "grill"}}));
  EXPECT_EQ(bump.code(), "not_logged_in");
  EXPECT_EQ(hub_state(hub), before);
}

TEST_F(Permissions, AfterLogoutTheSessionNoLongerWorks) {
  Reply out = floor.call("logout");
  ASSERT_TRUE(out.ok()) << out.message();
  EXPECT_EQ(out.result()["logged_out"], "sam");
  std::string old_session = floor.session();

  EXPECT_EQ(floor.retry().json, out.json);  // a lost reply: the logout is answered again

  Json before = hub_state(hub);
  EXPECT_EQ(floor.call("add_line", {{"check_id", check}, {"item_id", "fries"}}).code(),
            "not_logged_in");
  EXPECT_EQ(floor.call("get_check", {{"check_id", check}}).code(), "not_logged_in");
  EXPECT_EQ(floor.call("logout").code(), "not_logged_in");
  EXPECT_EQ(hub_state(hub), before);

  // The terminal still sends its ended session: logging in ignores it and gives a new
  // session; the old one stays ended.
  ASSERT_TRUE(floor.login(kServerPin).ok());
  EXPECT_NE(floor.session(), old_session);
  EXPECT_TRUE(floor.call("get_check", {{"check_id", check}}).ok());
  Reply stale = hub.raw(brigade::protocol::make_command("stale-1", "list_checks", "pos-1",
                                                        old_session, Json::object()));
  EXPECT_EQ(stale.code(), "not_logged_in");
}

// Regression: a terminal that still sent its ended session was refused even the open
// commands, so it could not log in again nor read the menu.
TEST_F(Permissions, OpenCommandsIgnoreAnEndedSession) {
  ASSERT_TRUE(floor.call("logout").ok());
  EXPECT_TRUE(floor.call("hello").ok());
  EXPECT_TRUE(floor.call("get_menu").ok());
  EXPECT_TRUE(floor.call("snapshot", {{"topics", {"check"}}}).ok());
  EXPECT_TRUE(floor.call("events_since", {{"after", 0}, {"topics", {"check"}}}).ok());
  Reply again = floor.login(kServerPin);
  ASSERT_TRUE(again.ok()) << again.message();
  EXPECT_EQ(again.result()["staff"]["id"], "sam");
}

TEST_F(Permissions, InactiveStaffCannotLogIn) {
  Device d(hub, "pos-3");
  Json before = hub_state(hub);
  Reply r = d.login("90210");
  EXPECT_EQ(r.code(), "wrong_pin");
  EXPECT_EQ(r.message(), "that PIN belongs to nobody: try again");
  EXPECT_TRUE(r.publications.empty());
  EXPECT_EQ(hub_state(hub), before);
  EXPECT_TRUE(d.session().empty());
}

TEST_F(Permissions, LoginSaysWhoAndPublishesOnTheStaffTopic) {
  Device d(hub, "pos-3");
  Reply r = d.login("2222");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.result()["staff"],
            (Json{{"id", "priya"}, {"name", "Priya Shah"}, {"role", "server"}}));
  // 64 hex digits (docs/protocol.md, login).
  std::string token = r.result()["session"];
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << token;
  auto events = published(r.publications);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["topic"], "staff");
  EXPECT_EQ(events[0]["type"], "staff.logged_in");
  EXPECT_EQ(events[0]["body"]["device"], "pos-3");
}

// [SECTION] kitchen screens

TEST_F(Permissions, KitchenScreensWorkTicketsWithoutASession) {
  Device grill(hub, "kds-grill"), fryer(hub, "kds-fryer"), expo(hub, "kds-expo");
  EXPECT_TRUE(grill.call("ack_ticket", {{"ticket_id", ticket}, {"station", "grill"}}).ok());
  EXPECT_TRUE(
      grill.call("item_bump", {{"ticket_id", ticket}, {"line_id", burger}, {"station", "grill"}})
          .ok());
  EXPECT_TRUE(expo.call("rush", {{"ticket_id", ticket}}).ok());
  EXPECT_TRUE(grill.call("bump", {{"ticket_id", ticket}, {"station", "grill"}}).ok());
  EXPECT_TRUE(fryer.call("bump", {{"ticket_id", ticket}, {"station", "fryer"}}).ok());
  Reply served = expo.call("serve", {{"ticket_id", ticket}});
  ASSERT_TRUE(served.ok()) << served.message();
  EXPECT_EQ(served.result()["progress"]["status"], "served");
  Reply back = expo.call("recall", {{"ticket_id", ticket}});
  ASSERT_TRUE(back.ok()) << back.message();
  EXPECT_EQ(back.result()["ticket"]["status"], "ready");
  Reply grill_back = grill.call("recall", {{"ticket_id", ticket}, {"station", "grill"}});
  ASSERT_TRUE(grill_back.ok()) << grill_back.message();
  EXPECT_EQ(grill_back.result()["ticket"]["status"], "open");
}

TEST_F(Permissions, FrontOfHouseLoggedInMayNotWorkTickets) {
  std::vector<Attempt> ticket_work{
      {"ack_ticket", {{"ticket_id", ticket}, {"station", "grill"}}, ""},
      {"bump", {{"ticket_id", ticket}, {"station", "grill"}}, ""},
      {"serve", {{"ticket_id", ticket}}, ""},
      {"recall", {{"ticket_id", ticket}, {"station", "grill"}}, ""},
      {"item_bump", {{"ticket_id", ticket}, {"line_id", burger}, {"station", "grill"}}, ""},
      {"rush", {{"ticket_id", ticket}}, ""},
  };
  for (auto& a : ticket_work)
    a.message =
        "your role may not work tickets (work_tickets: kitchen staff and managers, unless the "
        "store says otherwise)";
  expect_refused(floor, ticket_work);
  for (const char* pin : {kBartenderPin, kHostPin}) {
    Device d(hub, std::string("pos-") + pin);
    ASSERT_TRUE(d.login(pin).ok());
    expect_refused(d, ticket_work);
  }
}

TEST_F(Permissions, KitchenStaffAndManagersLoggedInWorkTickets) {
  Device line(hub, "kds-grill");
  ASSERT_TRUE(line.login(kKitchenPin).ok());
  EXPECT_TRUE(line.call("bump", {{"ticket_id", ticket}, {"station", "grill"}}).ok());
  EXPECT_TRUE(office.call("bump", {{"ticket_id", ticket}, {"station", "fryer"}}).ok());
  EXPECT_TRUE(office.call("serve", {{"ticket_id", ticket}}).ok());
}

}  // namespace
