#include "brigade/protocol/json_text.h"

#include <gtest/gtest.h>

using namespace brigade::protocol;

namespace {

// `depth` arrays, one inside the other: [[[…]]].
std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

}  // namespace

TEST(JsonText, ReadsWhatIsJson) {
  JsonText r = read_json(R"({"a":[1,2.5,"x",null,true,{"b":{}}],"c":-3,"d":18446744073709551615})");
  ASSERT_TRUE(r.ok()) << r.problem;
  EXPECT_EQ(r.doc,
            Json::parse(R"({"a":[1,2.5,"x",null,true,{"b":{}}],"c":-3,"d":18446744073709551615})"));
  EXPECT_EQ(read_json("42").doc, 42);
  EXPECT_EQ(read_json("[]").doc, Json::array());
}

TEST(JsonText, RefusesWhatIsNotJson) {
  for (const char* text : {"", "{", "{\"a\":1,}", "{'a':1}", "{} trailing", "[1e999]", "nul"}) {
    JsonText r = read_json(text);
    EXPECT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.problem, "is not valid JSON") << text;
    EXPECT_TRUE(r.doc.is_discarded()) << text;
  }
  EXPECT_EQ(read_json("\"caf\xe9\"").problem, "is not valid JSON");  // not UTF-8
}

TEST(JsonText, NestingIsLimitedTo32Levels) {
  EXPECT_TRUE(read_json(nested_arrays(kMaxJsonDepth)).ok());
  JsonText deep = read_json(nested_arrays(kMaxJsonDepth + 1));
  EXPECT_EQ(deep.problem, "nests arrays and objects deeper than 32 levels");
  EXPECT_TRUE(deep.doc.is_discarded());
  // Objects count as levels too.
  std::string objects;
  for (std::size_t i = 0; i < kMaxJsonDepth + 1; ++i) objects += "{\"a\":";
  objects += "1" + std::string(kMaxJsonDepth + 1, '}');
  EXPECT_EQ(read_json(objects).problem, "nests arrays and objects deeper than 32 levels");
}

// Regression: ~117 KB of nested arrays crashed every recursive step after the parse.
TEST(JsonText, SixtyThousandLevelsAreRefusedWithoutBuildingThem) {
  std::string text = nested_arrays(60'000);
  JsonText r = read_json(text);
  EXPECT_EQ(r.problem, "nests arrays and objects deeper than 32 levels");
  // Not even a syntax error past the limit is looked for.
  EXPECT_EQ(read_json(std::string(60'000, '[')).problem,
            "nests arrays and objects deeper than 32 levels");
}

TEST(JsonText, RefusesAKeyTwiceInOneObjectAtAnyDepth) {
  EXPECT_EQ(read_json(R"({"id":"a","id":"b"})").problem, "has the key 'id' twice in one object");
  EXPECT_EQ(read_json(R"({"args":{"quantity":1,"note":"","quantity":99}})").problem,
            "has the key 'quantity' twice in one object");
  EXPECT_EQ(read_json(R"([{"a":[{"b":1,"b":null}]}])").problem,
            "has the key 'b' twice in one object");
  // The same key in two objects is fine.
  EXPECT_TRUE(read_json(R"({"a":{"x":1},"b":{"x":2},"x":3})").ok());
  // A long key is shown cut short.
  std::string key(100, 'k');
  EXPECT_EQ(read_json("{\"" + key + "\":1,\"" + key + "\":2}").problem,
            "has the key '" + std::string(64, 'k') + "…' twice in one object");
}
