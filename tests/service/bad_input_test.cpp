// Bad input gets a clear error and changes nothing (ARCHITECTURE.md, invariant 8): for
// every kind of malformed or impossible command, the reply names the problem with the
// right code, the database is exactly as before (events, checks, tickets, stock), no
// reply is kept under the command's id, and the hub goes on serving.
#include <gtest/gtest.h>

#include <cstdint>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;
using brigade::protocol::make_command;

namespace {

const std::string kNotJson = "the command is not valid JSON";
const std::string kNotObject = "the command must be a JSON object";

// Table 3: a short rib (counted: 12 -> 11) and a burger, sent; fries not yet sent.
class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(floor.login(kServerPin).ok());
    check = open_table(floor, "3", 2);
    add_item(floor, check, "short-rib", {{"seat", 1}});
    burger = add_item(floor, check, "classic-burger", {{"modifiers", {"temp-rare"}}, {"seat", 2}});
    tickets = send_check(floor, check);
    fries = add_item(floor, check, "fries");
    ASSERT_EQ(remaining(hub, "short-rib"), 11);
  }

  // A well-formed add_line of fries from this terminal, to break one piece at a time.
  Json good_command(const std::string& id) const {
    return {{"protocol", 1},
            {"id", id},
            {"type", "add_line"},
            {"device", "pos-1"},
            {"session", floor.session()},
            {"args", {{"check_id", check}, {"item_id", "fries"}}}};
  }

  // Sends `request` and checks the refusal, that nothing changed or was published, and
  // that the hub still serves: a valid write right after succeeds.
  Reply expect_refused(const std::string& request, const std::string& code,
                       const std::string& message, const std::string& reply_id) {
    Json before = hub_state(hub);
    Reply r = hub.raw(request);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.code(), code) << r.json.dump();
    if (!message.empty()) {
      EXPECT_EQ(r.message(), message);
    }
    EXPECT_EQ(r.json["id"], reply_id);
    EXPECT_EQ(r.json["protocol"], 1);
    EXPECT_TRUE(r.publications.empty());
    EXPECT_EQ(hub_state(hub), before);
    expect_still_serving();
    return r;
  }

  Reply expect_refused(const Json& command, const std::string& code, const std::string& message) {
    std::string id = command.value("id", std::string());
    Reply r = expect_refused(command.dump(), code, message, id);
    // Nothing was kept under the id: the same id with a valid body is judged afresh.
    if (!id.empty()) {
      Reply fresh = hub.raw(good_command(id).dump());
      EXPECT_TRUE(fresh.ok()) << "id '" << id << "' was kept: " << fresh.json.dump();
    }
    return r;
  }

  // Reads and writes still work.
  void expect_still_serving() {
    EXPECT_TRUE(floor.call("get_check", {{"check_id", check}}).ok());
    Reply w = floor.call(
        "change_line",
        {{"check_id", check}, {"line_id", fries}, {"note", "serving " + std::to_string(++writes)}});
    EXPECT_TRUE(w.ok()) << w.json.dump();
  }

  // The add_line command with these args (the id is fresh each time).
  Json add_line_with(Json args) {
    Json c = good_command("bad-" + std::to_string(++ids));
    c["args"] = std::move(args);
    return c;
  }

  ServiceHub hub;
  Device floor{hub, "pos-1"};
  std::int64_t check = 0, burger = 0, fries = 0;
  std::vector<std::int64_t> tickets;
  int writes = 0, ids = 0;
};

TEST_F(BadInput, NotJson) {
  for (const char* text :
       {"{", "add_line please", "", "{\"protocol\":1,}", "{'id':'x'}", "{\"protocol\":1} trailing"})
    expect_refused(text, "bad_json", kNotJson, "");
}

TEST_F(BadInput, JsonThatIsNotAnObject) {
  for (const char* text : {"[]", "[{\"protocol\":1}]", "42", "\"add_line\"", "null", "true"})
    expect_refused(text, "bad_request", kNotObject, "");
}

TEST_F(BadInput, WrongTypesInTheEnvelope) {
  struct Case {
    const char* field;
    Json value;
    const char* message;
  };
  const std::vector<Case> cases{
      {"protocol", "1", "field 'protocol' must be an integer"},
      {"protocol", 1.0, "field 'protocol' must be an integer"},
      {"type", 7, "field 'type' must be a string"},
      {"device", Json::array({"pos-1"}), "field 'device' must be a string"},
      {"device", "", "field 'device' must be 1 to 64 characters"},
      {"session", 5, "field 'session' must be a string"},
      {"approval_pin", 1234, "field 'approval_pin' must be a string"},
      {"args", Json::array(), "field 'args' must be an object"},
      {"args", "check_id=1", "field 'args' must be an object"},
  };
  for (const auto& [field, value, message] : cases) {
    Json c = good_command(std::string("t-") + field + "-" + std::to_string(++ids));
    c[field] = value;
    expect_refused(c, "bad_request", message);
  }

  // An id that is not a usable string can't be echoed: the reply's id is "".
  const std::string id_rule = "field 'id' must be a string of 1 to 64 characters";
  Json c = good_command("");
  c["id"] = 42;
  expect_refused(c.dump(), "bad_request", id_rule, "");
  c["id"] = "";
  expect_refused(c.dump(), "bad_request", id_rule, "");
  c["id"] = std::string(65, 'x');
  expect_refused(c.dump(), "bad_request", id_rule, "");
}

TEST_F(BadInput, WrongTypesInTheArgs) {
  expect_refused(add_line_with({{"check_id", std::to_string(check)}, {"item_id", "fries"}}),
                 "bad_request", "args.check_id must be an id (an integer from 1)");
  expect_refused(add_line_with({{"check_id", 0}, {"item_id", "fries"}}), "bad_request",
                 "args.check_id must be an id (an integer from 1)");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", 5}}), "bad_request",
                 "args.item_id must be a string");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"note", 123}}),
                 "bad_request", "args.note must be a string");
  expect_refused(
      add_line_with(
          {{"check_id", check}, {"item_id", "classic-burger"}, {"modifiers", "temp-rare"}}),
      "bad_request", "args.modifiers must be a list of at most 32 strings");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"course", "starters"}}),
                 "bad_request", "args.course must be drinks, apps, mains or dessert");
  // The range named is the documented one, never an int's (-2147483648 to 2147483647).
  const std::string quantity_range = "args.quantity must be an integer from 1 to 999";
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"quantity", 1.5}}),
                 "bad_request", quantity_range);
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"quantity", "2"}}),
                 "bad_request", quantity_range);
  expect_refused(
      add_line_with({{"check_id", check}, {"item_id", "fries"}, {"quantity", 4'294'967'297}}),
      "bad_request", quantity_range);
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"seat", "2"}}),
                 "bad_request", "args.seat must be an integer from 0 to 99");
}

TEST_F(BadInput, MissingFields) {
  for (const char* field : {"protocol", "type", "device", "args"}) {
    Json c = good_command(std::string("m-") + field);
    c.erase(field);
    expect_refused(c, "bad_request",
                   field == std::string("protocol")
                       ? "field 'protocol' must be an integer"
                       : std::string("field '") + field + "' is missing");
  }
  Json no_id = good_command("");
  no_id.erase("id");
  expect_refused(no_id.dump(), "bad_request", "field 'id' must be a string of 1 to 64 characters",
                 "");
  expect_refused(add_line_with({{"check_id", check}}), "bad_request", "args.item_id is missing");
  expect_refused(add_line_with({{"item_id", "fries"}}), "bad_request", "args.check_id is missing");
  expect_refused(add_line_with(Json::object()), "bad_request", "args.check_id is missing");
}

TEST_F(BadInput, UnknownTopLevelField) {
  Json c = good_command("u-1");
  c["sesion"] = floor.session();  // a typo of "session"
  expect_refused(c, "bad_request", "unknown field 'sesion'");
  c = good_command("u-2");
  c["retry"] = true;
  expect_refused(c, "bad_request", "unknown field 'retry'");
}

TEST_F(BadInput, UnknownArgsField) {
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"quantiy", 2}}),
                 "bad_request", "args.quantiy is not a field of this command");
  Json pay = good_command("u-pay");
  pay["type"] = "pay";
  pay["args"] = {{"check_id", check}, {"tender", "cash"}, {"amount", 100}, {"tips", 50}};
  expect_refused(pay, "bad_request", "args.tips is not a field of this command");
}

TEST_F(BadInput, UnknownCommand) {
  Json c = good_command("k-1");
  c["type"] = "add_lines";
  expect_refused(c, "unknown_command", "'add_lines' is not a command this hub knows");
  c = good_command("k-2");
  c["type"] = "DROP TABLE checks";
  expect_refused(c, "unknown_command", "'DROP TABLE checks' is not a command this hub knows");
}

TEST_F(BadInput, TenMegabyteMessage) {
  Json c = good_command("big-1");
  c["args"]["note"] = std::string(10 * 1024 * 1024, 'a');
  std::string text = c.dump();
  expect_refused(text, "message_too_large",
                 "The command is " + std::to_string(text.size()) +
                     " bytes; the hub accepts at most 1048576 bytes.",
                 "");
  // One byte over the limit is too large; at the limit the command is read (and its
  // note is then too long for the args).
  std::string note(brigade::protocol::kMaxCommandBytes, 'a');
  c["args"]["note"] = note;
  std::size_t overhead = c.dump().size() - note.size();
  c["args"]["note"] = note.substr(0, brigade::protocol::kMaxCommandBytes + 1 - overhead);
  ASSERT_EQ(c.dump().size(), brigade::protocol::kMaxCommandBytes + 1);
  expect_refused(c.dump(), "message_too_large", "", "");
  c["args"]["note"] = note.substr(0, brigade::protocol::kMaxCommandBytes - overhead);
  ASSERT_EQ(c.dump().size(), brigade::protocol::kMaxCommandBytes);
  expect_refused(c, "bad_request", "args.note must be at most 2000 characters");
}

// Regression: a hello of ~117 KB whose args held an array 60,000 levels deep crashed the
// hub (SIGSEGV) while copying and hashing it, before any check, with no login needed.
TEST_F(BadInput, DeepNestingIsRefusedBeforeAnythingTouchesIt) {
  // The reported ~117 KB, and as deep as fits in 1 MiB.
  for (std::size_t depth : {60'000, 500'000}) {
    const std::string deep = std::string(depth, '[') + std::string(depth, ']');
    for (const char* type : {"hello", "add_line", "pay"}) {
      SCOPED_TRACE(std::string(type) + " " + std::to_string(depth));
      Json c = good_command(std::string("deep-") + type);
      c["type"] = type;
      c["args"] = {{"x", "DEEP"}};
      std::string text = c.dump();
      text.replace(text.find("\"DEEP\""), 6, deep);
      ASSERT_LE(text.size(), brigade::protocol::kMaxCommandBytes);
      expect_refused(text, "bad_json", "the command nests arrays and objects deeper than 32 levels",
                     "");
    }
  }
  // 32 levels in all are read (the command, args and 30 arrays), one more is not.
  Json c = good_command("deep-ok");
  c["args"]["note"] = "DEEP";
  std::string text = c.dump();
  text.replace(text.find("\"DEEP\""), 6, std::string(30, '[') + std::string(30, ']'));
  expect_refused(text, "bad_request", "args.note must be a string", "deep-ok");
  text = c.dump();
  text.replace(text.find("\"DEEP\""), 6, std::string(31, '[') + std::string(31, ']'));
  expect_refused(text, "bad_json", "the command nests arrays and objects deeper than 32 levels",
                 "");
}

// A key twice would let two readers (the hub and a log, say) see two different commands.
TEST_F(BadInput, AKeyTwiceInAnyObjectIsRefused) {
  std::string text = good_command("twice-1").dump();
  text.insert(text.find("\"item_id\""), "\"check_id\":999,");
  expect_refused(text, "bad_json", "the command has the key 'check_id' twice in one object", "");
  text = good_command("twice-2").dump();
  text.insert(1, "\"type\":\"void_line\",");
  expect_refused(text, "bad_json", "the command has the key 'type' twice in one object", "");
}

// Regression: lengths were bytes, so a note of 500 accented letters was "over 500".
TEST_F(BadInput, LengthsAreCountedInCharacters) {
  std::string note;
  for (int i = 0; i < 500; ++i) note += "é";
  Reply ok = floor.call("add_line", {{"check_id", check}, {"item_id", "fries"}, {"note", note}});
  ASSERT_TRUE(ok.ok()) << ok.message();
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"note", note + "é"}}),
                 "invalid_argument", "a note may be at most 500 characters");
  // 64 characters of 124 bytes make a device name.
  std::string device = "pos-";
  for (int i = 0; i < 60; ++i) device += "é";
  Json hello{{"protocol", 1},
             {"id", "hello-é"},
             {"type", "hello"},
             {"device", device},
             {"args", Json::object()}};
  Reply r = hub.raw(hello.dump());
  EXPECT_TRUE(r.ok()) << r.json.dump();
  hello["device"] = device + "é";
  expect_refused(hello.dump(), "bad_request", "field 'device' must be 1 to 64 characters",
                 "hello-é");
}

TEST_F(BadInput, ImpossibleLines) {
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "unicorn-steak"}}), "unknown_item",
                 "'unicorn-steak' is not on the menu");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"quantity", -2}}),
                 "invalid_quantity", "quantity must be between 1 and 999, not -2");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"quantity", 0}}),
                 "invalid_quantity", "quantity must be between 1 and 999, not 0");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"quantity", 1000}}),
                 "invalid_quantity", "quantity must be between 1 and 999, not 1000");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "short-rib"}, {"quantity", -1}}),
                 "invalid_quantity", "quantity must be between 1 and 999, not -1");
  expect_refused(add_line_with({{"check_id", check}, {"item_id", "fries"}, {"seat", 100}}),
                 "invalid_argument", "seat must be between 0 (the table) and 99, not 100");
  expect_refused(
      add_line_with({{"check_id", check}, {"item_id", "fries"}, {"note", std::string(501, 'n')}}),
      "invalid_argument", "a note may be at most 500 characters");
  expect_refused(
      add_line_with(
          {{"check_id", check}, {"item_id", "classic-burger"}, {"modifiers", {"temp-blue"}}}),
      "unknown_modifier", "'temp-blue' is not a modifier on the menu");
  expect_refused(
      add_line_with({{"check_id", check}, {"item_id", "fries"}, {"modifiers", {"temp-rare"}}}),
      "modifier_not_for_item", "'temp-rare' is not offered with Hand-cut fries");
  expect_refused(add_line_with({{"check_id", 999}, {"item_id", "fries"}}), "not_found",
                 "no check with id 999");
  // Changing a line to a negative quantity, too.
  Json change = good_command("c-1");
  change["type"] = "change_line";
  change["args"] = {{"check_id", check}, {"line_id", fries}, {"quantity", -3}};
  expect_refused(change, "invalid_quantity", "quantity must be between 1 and 999, not -3");
  EXPECT_EQ(remaining(hub, "short-rib"), 11);
}

TEST_F(BadInput, ImpossibleMoney) {
  auto pay = [&](Json args) {
    Json c = good_command("pay-" + std::to_string(++ids));
    c["type"] = "pay";
    c["args"] = std::move(args);
    return c;
  };
  const std::string whole_cents = "args.amount must be a whole number of cents";
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 12.5}}), "bad_request",
                 whole_cents);
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 1250.0}}), "bad_request",
                 whole_cents);
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", "12.50"}}), "bad_request",
                 whole_cents);
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 100}, {"tip", 0.5}}),
                 "bad_request", "args.tip must be a whole number of cents");
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 0}}), "invalid_payment",
                 "a payment must be above zero");
  expect_refused(pay({{"check_id", check}, {"tender", "cash"}, {"amount", -500}}),
                 "invalid_payment", "a payment must be above zero");
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 100}, {"tip", -100}}),
                 "invalid_payment", "a tip can't be negative");
  // However far below zero, it is the domain's "above zero" that refuses it.
  expect_refused(pay({{"check_id", check}, {"tender", "cash"}, {"amount", INT64_MIN}}),
                 "invalid_payment", "a payment must be above zero");
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 1'000'000'001}}),
                 "bad_request", "args.amount must be at most 1000000000 cents");
  expect_refused(pay({{"check_id", check}, {"tender", "bitcoin"}, {"amount", 100}}), "bad_request",
                 "args.tender must be cash, card, gift_card or house_account");
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 999'999'999}}),
                 "payment_exceeds_balance", "");
  expect_refused(pay({{"check_id", check}, {"tender", "card"}, {"amount", 100}, {"part", 1}}),
                 "invalid_split", "the check has no split");
}

TEST_F(BadInput, WrongPinAtLogin) {
  auto login = [&](Json pin) {
    Json c = good_command("login-" + std::to_string(++ids));
    c["type"] = "login";
    c.erase("session");
    c["args"] = {{"pin", pin}};
    return c;
  };
  // Four: a fifth wrong PIN in a row would lock the device (pin_lockout_test.cpp).
  for (const char* pin : {"9999", "abcd", "1", "12345678"})
    expect_refused(login(pin), "wrong_pin", "that PIN belongs to nobody: try again");
  expect_refused(login(1111), "bad_request", "args.pin must be a string");
  expect_refused(login(std::string(17, '1')), "bad_request",
                 "args.pin must be at most 16 characters");
}

TEST_F(BadInput, IdReusedWithADifferentBody) {
  Reply first = floor.call("add_line", {{"check_id", check}, {"item_id", "onion-rings"}});
  ASSERT_TRUE(first.ok());
  const std::string id = floor.last_id();
  const std::string first_request = floor.last_request();
  Json c = good_command(id);  // same id, fries instead of onion rings
  expect_refused(c.dump(), "id_reused",
                 "command id '" + id +
                     "' was already used for a different command: make a new id for each command",
                 id);
  // The same id from another device, or with a manager's PIN added, is another body too.
  c = good_command(id);
  c["args"]["item_id"] = "onion-rings";
  c["device"] = "pos-2";
  expect_refused(c.dump(), "id_reused", "", id);
  c["device"] = "pos-1";
  c["approval_pin"] = kManagerPin;
  expect_refused(c.dump(), "id_reused", "", id);
  // The first command is still answered as it was.
  EXPECT_EQ(hub.raw(first_request).json, first.json);
}

TEST_F(BadInput, ProtocolVersionMismatch) {
  for (int version : {0, 2, 99}) {
    Json c = good_command("v-" + std::to_string(version));
    c["protocol"] = version;
    expect_refused(c, "protocol_mismatch",
                   "this hub speaks protocol 1 but the client speaks " + std::to_string(version) +
                       ": update the client or the hub so they match");
  }
}

TEST_F(BadInput, InvalidUtf8InANote) {
  const std::string head = good_command("utf-1").dump();
  // {"args":{"check_id":1,"item_id":"fries"},...}: put a note holding raw bytes first.
  auto with_note_bytes = [&](const std::string& bytes) {
    std::string text = head;
    text.insert(text.find("\"check_id\""), "\"note\":\"" + bytes + "\",");
    return text;
  };
  EXPECT_TRUE(hub.raw(with_note_bytes("no onion")).ok());  // the splice itself is right

  for (const std::string& bytes :
       {std::string("\xff\xfe"), std::string("caf\xe9"), std::string("\xc0\xaf"),
        std::string("\xe2\x82"), std::string("\xed\xa0\x80"), std::string("\\ud800"),
        std::string("\\udc00 alone")}) {
    SCOPED_TRACE(::testing::PrintToString(bytes));
    std::string text = with_note_bytes(bytes);
    // A fresh id each time, so that nothing can be mistaken for a retry.
    text.replace(text.find("utf-1"), 5, "utf-bad-" + std::to_string(++ids));
    expect_refused(text, "bad_json", kNotJson, "");
  }
  // Real UTF-8 is welcome.
  Reply ok = floor.call(
      "add_line", {{"check_id", check}, {"item_id", "fries"}, {"note", "allergy: sésame 🥜"}});
  ASSERT_TRUE(ok.ok()) << ok.message();
  EXPECT_EQ(line_on(ok.result()["check"], ok.result()["line_id"])["note"], "allergy: sésame 🥜");
}

// Refusals found late, after an id was drawn, give the id back: the next discount and
// payment take the numbers the refused ones would have had.
TEST_F(BadInput, RefusalsLeaveNoGapsInIds) {
  Device office(hub, "pos-office");
  ASSERT_TRUE(office.login(kManagerPin).ok());
  Reply d1 = office.call(
      "discount",
      {{"check_id", check}, {"kind", "amount"}, {"amount", 100}, {"reason", "regular"}});
  ASSERT_TRUE(d1.ok()) << d1.message();
  ASSERT_TRUE(
      office
          .call("void_line", {{"check_id", check}, {"line_id", burger}, {"reason", "wrong table"}})
          .ok());
  Json before = hub_state(hub);
  Reply on_voided = office.call("discount", {{"check_id", check},
                                             {"line_id", burger},
                                             {"kind", "amount"},
                                             {"amount", 100},
                                             {"reason", "sorry"}});
  EXPECT_EQ(on_voided.code(), "line_voided");
  Reply blank = office.call("discount", {{"check_id", check}, {"kind", "comp"}, {"reason", "  "}});
  EXPECT_EQ(blank.code(), "reason_required");
  EXPECT_EQ(blank.message(), "a comp needs a reason");
  EXPECT_EQ(hub_state(hub), before);
  Reply d2 = office.call(
      "discount",
      {{"check_id", check}, {"kind", "amount"}, {"amount", 100}, {"reason", "regular"}});
  ASSERT_TRUE(d2.ok());
  EXPECT_EQ(d2.result()["discount_id"], d1.result()["discount_id"].get<std::int64_t>() + 1);

  Reply too_much =
      floor.call("pay", {{"check_id", check}, {"tender", "card"}, {"amount", 999'999}});
  EXPECT_EQ(too_much.code(), "payment_exceeds_balance");
  Reply p1 = floor.call("pay", {{"check_id", check}, {"tender", "card"}, {"amount", 100}});
  ASSERT_TRUE(p1.ok()) << p1.message();
  EXPECT_EQ(p1.result()["payment_id"], 1);
}

TEST_F(BadInput, TheHubServesAfterAFloodOfBadInput) {
  Json before = hub_state(hub);
  for (int i = 0; i < 200; ++i) {
    Reply r = hub.raw(i % 2 ? std::string("{\"protocol\":") : std::string(i, '['));
    EXPECT_FALSE(r.ok());
  }
  EXPECT_EQ(hub_state(hub), before);
  Reply sent = floor.call("send", {{"check_id", check}});
  ASSERT_TRUE(sent.ok()) << sent.message();
  EXPECT_EQ(sent.result()["ticket_ids"], Json::array({tickets.back() + 1}));
}

}  // namespace
