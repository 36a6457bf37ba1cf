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
  EXPECT_EQ(wrong.error().message,
            "args.check_id must be an integer from 1 to 9223372036854775807");

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
