// The hub process killed with SIGKILL and started again on the same file and endpoints:
// a command whose reply was lost is retried and applied once; a screen catches up.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <fstream>
#include <regex>

#include "hub_process.h"

using namespace brigade;
using namespace brigade::testing;

TEST(HubRestart, ARetryAfterSigkillAndRestartIsAnsweredOnceWithTheSameReply) {
  TempDir dir;
  auto [commands, events] = free_endpoints();
  auto hub =
      std::make_unique<HubProcess>(dir.file("store.db"), dir.file("hub.log"), commands, events);

  Terminal pos(commands, "pos-1");
  pos.login("1111");
  std::int64_t check = pos.must(
      "open_check", {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 2}})["check_id"];
  pos.must("add_line",
           {{"check_id", check}, {"item_id", "classic-burger"}, {"modifiers", {"temp-rare"}}});

  // The send is committed and answered, but the terminal never saw the reply...
  std::string id = net::make_command_id();
  std::string frame = pos.command(id, "send", {{"check_id", check}});
  auto first = pos.client().call(id, frame, 30s);
  ASSERT_TRUE(first.has_value());
  // ...because the hub died the hard way right after.
  hub->kill(SIGKILL);
  EXPECT_TRUE(WIFSIGNALED(hub->exit_status()));

  // While the hub is down the retry waits; a new hub on the same file answers it.
  net::CommandClient retrying({commands, {std::chrono::milliseconds(300), 3, 0, 100}, {}, {}});
  retrying.submit(id, frame);
  std::this_thread::sleep_for(500ms);
  EXPECT_TRUE(retrying.take_replies().empty());
  hub = std::make_unique<HubProcess>(dir.file("store.db"), dir.file("hub.log"), commands, events);
  std::vector<net::Reply> replies;
  ASSERT_TRUE(wait_until([&] {
    for (auto& r : retrying.take_replies()) replies.push_back(r);
    return !replies.empty();
  }));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].json, *first);  // the stored reply, byte for byte

  // Applied once: one ticket for the grill, and a second send has nothing to send.
  Json view = pos.must("get_check", {{"check_id", check}});
  EXPECT_EQ(view["tickets"].size(), 1u);
  EXPECT_EQ(pos.call("send", {{"check_id", check}})["error"]["code"], "nothing_to_send");

  // A kitchen screen that comes up now shows that one ticket, once.
  net::FeedOptions options;
  options.command_endpoint = commands;
  options.event_endpoint = events;
  options.device = "kds-grill";
  options.topics = {"ticket.grill"};
  net::EventFeed feed(options);
  Json snapshot;
  ASSERT_TRUE(wait_until([&] {
    for (auto& item : feed.take())
      if (auto* s = std::get_if<net::SnapshotLoaded>(&item)) snapshot = Json::parse(s->json);
    return !snapshot.is_null();
  }));
  EXPECT_EQ(snapshot["tickets"].size(), 1u);

  // SIGTERM is a clean stop.
  hub->kill(SIGTERM);
  EXPECT_TRUE(WIFEXITED(hub->exit_status()));
  EXPECT_EQ(WEXITSTATUS(hub->exit_status()), 0);
}
