// One message must never take the hub down: pos-server, the real binary, gets hostile
// commands on a plain DEALER socket, answers each with a refusal, and goes on serving.
#include <gtest/gtest.h>

#include "hub_process.h"

using namespace brigade;
using namespace brigade::testing;

namespace {

std::string hello_with_args(const std::string& id, const std::string& args) {
  return R"({"protocol":1,"id":")" + id + R"(","type":"hello","device":"pos-1","args":)" + args +
         "}";
}

}  // namespace

// Regression: a hello of ~117 KB whose args held an array nested 60,000 deep killed
// pos-server with SIGSEGV (no login needed).
TEST(HostileInput, ADeeplyNestedHelloIsRefusedAndTheHubServesOn) {
  TempDir dir;
  auto [commands, events] = free_endpoints();
  HubProcess hub(dir.file("store.db"), dir.file("hub.log"), commands, events);
  // Up and answering first (the DEALER waits for the hub to bind).
  ASSERT_EQ(raw_exchange(commands, hello_with_args("up-1", "{}"))["ok"], true);

  // The reported ~117 KB, and as deep as fits in 1 MiB (an optimised build's larger stack
  // frames survived the first on some machines, never the second).
  for (std::size_t depth : {60'000, 500'000}) {
    SCOPED_TRACE(depth);
    const std::string deep = R"({"x":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
    Json refused = raw_exchange(commands, hello_with_args("deep-1", deep));
    ASSERT_FALSE(refused.is_null())
        << "no reply: the hub " << (hub.running() ? "is up but silent" : "died");
    EXPECT_EQ(refused["ok"], false);
    EXPECT_EQ(refused["id"], "");
    EXPECT_EQ(refused["error"]["code"], "bad_json");
    EXPECT_EQ(refused["error"]["message"],
              "the command nests arrays and objects deeper than 32 levels");
  }

  Json twice = raw_exchange(
      commands,
      R"({"protocol":1,"id":"t-1","id":"t-2","type":"hello","device":"pos-1","args":{}})");
  EXPECT_EQ(twice["error"]["message"], "the command has the key 'id' twice in one object");

  // Still serving, logins and writes too.
  EXPECT_TRUE(hub.running());
  EXPECT_EQ(raw_exchange(commands, hello_with_args("up-2", "{}"))["ok"], true);
  Terminal pos(commands, "pos-1");
  pos.login("1111");
  pos.must("open_check", {{"channel", "bar_tab"}, {"tab_name", "Lee"}});
}
