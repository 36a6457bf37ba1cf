#include "brigade/protocol/protocol.h"

#include <gtest/gtest.h>

#include "brigade/protocol/args.h"

using namespace brigade;
using namespace brigade::protocol;

namespace {
std::string command_text(Json fields) {
  Json doc{{"protocol", 1},
           {"id", "c-1"},
           {"type", "add_line"},
           {"device", "pos-1"},
           {"args", Json::object()}};
  for (auto& [k, v] : fields.items()) {
    if (v.is_null())
      doc.erase(k);
    else
      doc[k] = v;
  }
  return doc.dump();
}
}  // namespace

TEST(Envelope, ReadsAWellFormedCommand) {
  auto r = parse_envelope(
      command_text({{"session", "s1"}, {"approval_pin", "1234"}, {"args", {{"check_id", 5}}}}));
  ASSERT_TRUE(r.ok) << r.error.message;
  EXPECT_EQ(r.envelope.id, "c-1");
  EXPECT_EQ(r.envelope.type, "add_line");
  EXPECT_EQ(r.envelope.device, "pos-1");
  EXPECT_EQ(r.envelope.session, "s1");
  EXPECT_EQ(r.envelope.approval_pin, "1234");
  EXPECT_EQ(r.envelope.args["check_id"], 5);
}

TEST(Envelope, RefusesTextThatIsNotJson) {
  auto r = parse_envelope("{not json");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "bad_json");
  EXPECT_EQ(r.error.message, "the command is not valid JSON");
  EXPECT_EQ(r.envelope.id, "");
}

TEST(Envelope, KeepsTheIdOfARefusedCommandSoTheSenderCanMatchIt) {
  auto r = parse_envelope(command_text({{"args", 7}}));
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.envelope.id, "c-1");
  EXPECT_EQ(r.error.code, "bad_request");
  EXPECT_EQ(r.error.message, "field 'args' must be an object");
}

TEST(Envelope, RefusesMissingAndMistypedFields) {
  EXPECT_EQ(parse_envelope(command_text({{"type", nullptr}})).error.message,
            "field 'type' is missing");
  EXPECT_EQ(parse_envelope(command_text({{"device", 12}})).error.message,
            "field 'device' must be a string");
  EXPECT_EQ(parse_envelope(command_text({{"id", ""}})).error.message,
            "field 'id' must be a string of 1 to 64 characters");
  EXPECT_EQ(parse_envelope(command_text({{"id", std::string(65, 'x')}})).error.message,
            "field 'id' must be a string of 1 to 64 characters");
  EXPECT_EQ(parse_envelope(command_text({{"sesion", "s"}})).error.message,
            "unknown field 'sesion'");
  EXPECT_EQ(parse_envelope("[1,2]").error.message, "the command must be a JSON object");
}

TEST(Envelope, NamesAProtocolMismatch) {
  auto r = parse_envelope(command_text({{"protocol", 2}}));
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "protocol_mismatch");
  EXPECT_EQ(r.error.message,
            "this hub speaks protocol 1 but the client speaks 2: update the client or the hub so "
            "they match");
}

TEST(Envelope, RefusesAnOversizedCommandWithoutReadingIt) {
  std::string huge(kMaxCommandBytes + 1, ' ');
  auto r = parse_envelope(huge);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "message_too_large");
}

TEST(Replies, CarryTheIdAndEitherAResultOrAnError) {
  Json ok = Json::parse(reply_ok("c-9", {{"check_id", 3}}));
  EXPECT_EQ(ok["id"], "c-9");
  EXPECT_EQ(ok["ok"], true);
  EXPECT_EQ(ok["result"]["check_id"], 3);
  Json err = Json::parse(reply_error("c-9", {"item_86", "Salmon is 86'd"}));
  EXPECT_EQ(err["ok"], false);
  EXPECT_EQ(err["error"]["code"], "item_86");
  EXPECT_EQ(err["error"]["message"], "Salmon is 86'd");
  EXPECT_EQ(err["protocol"], kProtocolVersion);
}

TEST(Args, ReadTypedFieldsAndNameTheFirstProblem) {
  Json args{{"check_id", 4}, {"quantity", 0}, {"note", "no onion"}};
  ArgReader r(args);
  EXPECT_EQ(r.id("check_id"), 4);
  r.integer("quantity", 1, 999);
  EXPECT_EQ(r.text("note", 500), "no onion");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "bad_request");
  EXPECT_EQ(r.error().message, "args.quantity must be an integer from 1 to 999");
}

TEST(Args, RefuseWrongTypesMissingFieldsAndStrangers) {
  Json args{{"check_id", "4"}};
  ArgReader wrong(args);
  wrong.id("check_id");
  EXPECT_EQ(wrong.error().message, "args.check_id must be an id (an integer from 1)");

  Json empty = Json::object();
  ArgReader missing(empty);
  missing.text("item_id", 64);
  EXPECT_EQ(missing.error().message, "args.item_id is missing");

  Json typo{{"quantiy", 2}};
  ArgReader stranger(typo);
  stranger.optional_integer("quantity", 1, 999);
  stranger.no_other_fields();
  EXPECT_EQ(stranger.error().message, "args.quantiy is not a field of this command");
}

TEST(Args, MoneyIsWholeCentsNeverAFloat) {
  Json args{{"amount", 15.79}, {"tip", 300}};
  ArgReader r(args);
  EXPECT_EQ(r.money("tip", 0, 100'000'00), Money::cents(300));
  r.money("amount", 1, 100'000'00);
  EXPECT_EQ(r.error().message, "args.amount must be a whole number of cents");
}

// Regression: a newer client that adds an envelope field must hear "mismatch", not "typo".
TEST(Envelope, ANewerClientWithNewFieldsHearsAMismatchNotATypo) {
  auto r = parse_envelope(command_text({{"protocol", 2}, {"priority", "high"}}));
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "protocol_mismatch");
}

// [SECTION] the contract (docs/protocol.md, section 2), each point as a regression

namespace {
// `n` copies of a character of two bytes.
std::string accented(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += "é";
  return s;
}
}  // namespace

// Regression: a hello of ~117 KB whose args held 60,000 nested arrays crashed the hub.
TEST(Envelope, NestingDeeperThan32LevelsIsBadJsonBeforeAnythingElse) {
  std::string deep = std::string(60'000, '[') + std::string(60'000, ']');
  std::string text =
      R"({"protocol":1,"id":"h-1","type":"hello","device":"pos-1","args":{"x":)" + deep + "}}";
  auto r = parse_envelope(text);
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "bad_json");
  EXPECT_EQ(r.error.message, "the command nests arrays and objects deeper than 32 levels");
  EXPECT_EQ(r.envelope.id, "");
}

TEST(Envelope, AKeyTwiceIsBadJson) {
  auto r = parse_envelope(
      R"({"protocol":1,"id":"c-1","type":"add_line","device":"pos-1","args":{"check_id":1,"check_id":2}})");
  ASSERT_FALSE(r.ok);
  EXPECT_EQ(r.error.code, "bad_json");
  EXPECT_EQ(r.error.message, "the command has the key 'check_id' twice in one object");
  EXPECT_EQ(r.envelope.id, "");
  // Two ids would let the hub and a log read two different commands.
  r = parse_envelope(
      R"({"protocol":1,"id":"a","id":"b","type":"hello","device":"pos-1","args":{}})");
  EXPECT_EQ(r.error.message, "the command has the key 'id' twice in one object");
}

// Regression: the refusals before the id check echoed an id of any length.
TEST(Envelope, ARefusalEchoesTheIdOnlyWhenItIsValid) {
  const std::string long_id(65, 'x');
  auto r = parse_envelope(command_text({{"id", long_id}, {"sesion", "s"}}));
  EXPECT_EQ(r.error.message, "unknown field 'sesion'");
  EXPECT_EQ(r.envelope.id, "");
  r = parse_envelope(command_text({{"id", long_id}, {"protocol", 2}}));
  EXPECT_EQ(r.error.code, "protocol_mismatch");
  EXPECT_EQ(r.envelope.id, "");
  r = parse_envelope(command_text({{"id", ""}, {"protocol", "1"}}));
  EXPECT_EQ(r.envelope.id, "");
  // A valid id is echoed by every later refusal.
  r = parse_envelope(command_text({{"sesion", "s"}}));
  EXPECT_EQ(r.envelope.id, "c-1");
  r = parse_envelope(command_text({{"protocol", 2}}));
  EXPECT_EQ(r.envelope.id, "c-1");
}

// Regression: lengths were counted in bytes, so 64 accented letters were "over 64".
TEST(Envelope, LengthsAreCountedInCharacters) {
  auto r = parse_envelope(command_text({{"id", accented(64)},
                                        {"device", accented(64)},
                                        {"type", accented(64)},
                                        {"session", accented(128)},
                                        {"approval_pin", accented(16)}}));
  ASSERT_TRUE(r.ok) << r.error.message;
  EXPECT_EQ(r.envelope.id, accented(64));

  r = parse_envelope(command_text({{"id", accented(65)}}));
  EXPECT_EQ(r.error.message, "field 'id' must be a string of 1 to 64 characters");
  EXPECT_EQ(r.envelope.id, "");
  EXPECT_EQ(parse_envelope(command_text({{"type", accented(65)}})).error.message,
            "field 'type' must be 1 to 64 characters");
  EXPECT_EQ(parse_envelope(command_text({{"device", accented(65)}})).error.message,
            "field 'device' must be 1 to 64 characters");
}

// Regression: an optional field (0 to N characters) was said to need "1 to N".
TEST(Envelope, AnOptionalFieldIsAtMostItsLength) {
  EXPECT_TRUE(parse_envelope(command_text({{"session", ""}, {"approval_pin", ""}})).ok);
  EXPECT_EQ(parse_envelope(command_text({{"session", std::string(129, 's')}})).error.message,
            "field 'session' must be at most 128 characters");
  EXPECT_EQ(parse_envelope(command_text({{"approval_pin", std::string(17, '1')}})).error.message,
            "field 'approval_pin' must be at most 16 characters");
}

// The table of section 2, row by row: a command with every problem is refused for the
// first, and mending that one shows the next.
TEST(Envelope, ChecksComeInTheDocumentedOrder) {
  Json doc{{"protocol", "1"}, {"id", ""},     {"type", ""},        {"device", ""},
           {"session", 5},    {"oops", true}, {"approval_pin", 7}, {"args", 7}};
  auto next = [&](const std::string& code, const std::string& message, const std::string& id) {
    auto r = parse_envelope(doc.dump());
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.error.code, code);
    EXPECT_EQ(r.error.message, message);
    EXPECT_EQ(r.envelope.id, id);
  };
  next("bad_request", "field 'protocol' must be an integer", "");
  doc["protocol"] = 2;
  next("protocol_mismatch",
       "this hub speaks protocol 1 but the client speaks 2: update the client or the hub so they "
       "match",
       "");
  doc["protocol"] = 1;
  next("bad_request", "unknown field 'oops'", "");
  doc.erase("oops");
  next("bad_request", "field 'id' must be a string of 1 to 64 characters", "");
  doc["id"] = "c-7";
  next("bad_request", "field 'type' must be 1 to 64 characters", "c-7");
  doc["type"] = "hello";
  next("bad_request", "field 'device' must be 1 to 64 characters", "c-7");
  doc["device"] = "pos-1";
  next("bad_request", "field 'session' must be a string", "c-7");
  doc["session"] = "s";
  next("bad_request", "field 'approval_pin' must be a string", "c-7");
  doc["approval_pin"] = "";
  next("bad_request", "field 'args' must be an object", "c-7");
  doc["args"] = Json::object();
  EXPECT_TRUE(parse_envelope(doc.dump()).ok);
}

TEST(Replies, AClientReadsRepliesWithTheSameLimits) {
  EXPECT_TRUE(decode_reply(R"({"protocol":1,"id":"c-1","ok":true,"result":{}})"));
  EXPECT_FALSE(decode_reply(R"({"protocol":1,"id":"c-1","ok":true,"ok":false,"result":{}})"));
  std::string deep = std::string(40, '[') + std::string(40, ']');
  EXPECT_FALSE(decode_reply(R"({"protocol":1,"id":"c-1","ok":true,"result":)" + deep + "}"));
}
