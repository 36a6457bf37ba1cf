// CommandClient against a real hub: replies through the queue, Lazy Pirate retries with the
// same id, a hub that is not there yet, giving up, refusals made locally.
#include "brigade/net/command_client.h"

#include <cctype>

#include "event_log_hub.h"

namespace brigade::net::testing {
namespace {

// An endpoint where nothing listens now: a port the OS handed out and got back.
std::string vacated_endpoint(std::string* event_endpoint = nullptr) {
  EventLog log;
  TestHub hub(log);
  if (event_endpoint) *event_endpoint = hub.event_endpoint();
  return hub.command_endpoint();
}

std::vector<Reply> wait_for_replies(CommandClient& client, std::size_t count) {
  std::vector<Reply> replies;
  wait_until([&] {
    for (auto& reply : client.take_replies()) replies.push_back(std::move(reply));
    return replies.size() >= count;
  });
  return replies;
}

// 8-4-4-4-12 lower-case hex digits, version 4, variant 10xx. (No std::regex: GCC 12 warns
// inside it under the sanitizers.)
bool is_uuid_v4(const std::string& id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (id[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
    if (std::isupper(static_cast<unsigned char>(id[i]))) return false;
  }
  return id[14] == '4' && std::string_view("89ab").find(id[19]) != std::string_view::npos;
}

TEST(CommandId, IsAFreshVersion4Uuid) {
  auto id = make_command_id();
  EXPECT_TRUE(is_uuid_v4(id)) << id;
  EXPECT_NE(make_command_id(), id);
}

TEST(CommandClient, ReplyComesThroughTheQueueAndTheNotifierRuns) {
  EventLog log;
  TestHub hub(log);
  std::atomic<int> notified = 0;
  CommandClient client({hub.command_endpoint(), {}, [&notified] { ++notified; }, {}});
  client.submit("a-1", command("a-1", "echo", {{"n", 1}}));
  client.submit("a-2", command("a-2", "echo", {{"n", 2}}));
  auto replies = wait_for_replies(client, 2);
  ASSERT_EQ(replies.size(), 2u);
  std::set<std::string> ids;
  for (const auto& reply : replies) {
    ids.insert(reply.id);
    EXPECT_EQ(json::parse(reply.json)["id"], reply.id);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"a-1", "a-2"}));
  EXPECT_GE(notified.load(), 1);
  auto status = client.status();
  EXPECT_EQ(status.pending, 0u);
  EXPECT_TRUE(status.reachable);
  EXPECT_TRUE(status.since_last_reply.has_value());
}

// The first reply comes after the client's timeout: the client resends the same frame, the
// handler sees the id again, and the caller still gets one reply.
TEST(CommandClient, RetriesWithTheSameIdAndDeliversOneReply) {
  EventLog log;
  TestHub hub(log);
  ClientOptions options = client_options(hub.command_endpoint());
  options.retry.timeout = 250ms;
  CommandClient client(options);
  client.submit("slow-1", command("slow-1", "echo", {{"delay_first_ms", 1000}}));
  auto replies = wait_for_replies(client, 1);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].id, "slow-1");
  EXPECT_TRUE(wait_until([&] { return log.times_seen("slow-1") >= 2; }));
  // Late copies of the reply (to the resends) must not surface.
  std::this_thread::sleep_for(1500ms);
  EXPECT_TRUE(client.take_replies().empty());
  EXPECT_GE(client.status().resends, 1u);
  EXPECT_EQ(client.status().pending, 0u);
}

// No hub yet: the command stays pending through resends and socket reopens, and is
// answered once a hub binds the endpoint.
TEST(CommandClient, KeepsACommandPendingUntilAHubStarts) {
  std::string event_endpoint;
  std::string endpoint = vacated_endpoint(&event_endpoint);
  ClientOptions options = client_options(endpoint);
  options.retry.timeout = 100ms;
  CommandClient client(options);
  client.submit("p-1", command("p-1", "echo"));
  ASSERT_TRUE(wait_until([&] { return client.status().reopens >= 1; }));
  EXPECT_EQ(client.status().pending, 1u);
  EXPECT_FALSE(client.status().reachable);
  EXPECT_TRUE(client.take_replies().empty());

  EventLog log;
  HubOptions hub_options;
  hub_options.command_endpoint = endpoint;
  hub_options.event_endpoint = event_endpoint;
  TestHub hub(log, hub_options);
  ASSERT_EQ(hub.bind_error(), "");
  auto replies = wait_for_replies(client, 1);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(json::parse(replies[0].json)["ok"], true);
  std::this_thread::sleep_for(500ms);
  EXPECT_TRUE(client.take_replies().empty());
  EXPECT_TRUE(client.status().reachable);
  EXPECT_EQ(client.status().pending, 0u);
}

TEST(CommandClient, GivesUpAfterMaxAttemptsWithHubUnreachable) {
  std::string endpoint = vacated_endpoint();
  ClientOptions options = client_options(endpoint);
  options.retry.timeout = 50ms;
  options.retry.max_attempts = 4;
  CommandClient client(options);
  client.submit("u-1", command("u-1", "echo"));
  auto replies = wait_for_replies(client, 1);
  ASSERT_EQ(replies.size(), 1u);
  auto reply = json::parse(replies[0].json);
  EXPECT_EQ(reply["id"], "u-1");
  EXPECT_EQ(reply["ok"], false);
  EXPECT_EQ(reply["error"]["code"], "hub_unreachable");
  EXPECT_EQ(reply["error"]["message"],
            "No answer from the hub at " + endpoint + " after 4 attempts.");
  EXPECT_EQ(client.status().reopens, 1u);  // after the third attempt
  EXPECT_EQ(client.status().pending, 0u);
}

TEST(CommandClient, RefusesLocallyWhatTheHubCouldNotMatch) {
  CommandClient client(client_options(vacated_endpoint()));
  client.submit("b-1", "not json");
  client.submit("b-2", command("other-id", "echo"));
  client.submit("big", command("big", "echo", {{"pad", std::string(2 << 20, 'x')}}));
  auto replies = wait_for_replies(client, 3);
  ASSERT_EQ(replies.size(), 3u);
  std::map<std::string, json> by_id;
  for (const auto& reply : replies) by_id[reply.id] = json::parse(reply.json)["error"];
  EXPECT_EQ(by_id["b-1"]["code"], "bad_request");
  EXPECT_EQ(by_id["b-1"]["message"], "The command is not a JSON object whose \"id\" is \"b-1\".");
  EXPECT_EQ(by_id["b-2"]["code"], "bad_request");
  EXPECT_EQ(by_id["big"]["code"], "message_too_large");
  EXPECT_EQ(client.status().pending, 0u);
}

TEST(CommandClient, CallWaitsForItsReplyAndLeavesTheQueueAlone) {
  EventLog log;
  TestHub hub(log);
  CommandClient client(client_options(hub.command_endpoint()));
  auto reply = client.call("c-1", command("c-1", "echo", {{"n", 5}}), 20s);
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(json::parse(*reply)["result"]["echo"]["n"], 5);
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(client.take_replies().empty());
}

TEST(CommandClient, CallGivesUpAtTheDeadline) {
  CommandClient client(client_options(vacated_endpoint()));
  EXPECT_FALSE(client.call("c-2", command("c-2", "echo"), 300ms).has_value());
  EXPECT_TRUE(wait_until([&] { return client.status().pending == 0; }));  // no more retries
  EXPECT_TRUE(client.take_replies().empty());
}

}  // namespace
}  // namespace brigade::net::testing
