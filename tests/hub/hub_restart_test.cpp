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

// Group commit under a rush: eight terminals add lines as fast as the hub answers, so
// commands arrive together and are committed together, and the hub is killed in the
// middle. Every command that was answered is in the store after a restart; the others,
// sent again under their ids, are applied then or answered from the store; in the end
// each command's line is on its check exactly once.
TEST(HubRestart, KilledMidBatchEveryAnsweredCommandIsKeptAndNoneTwice) {
  TempDir dir;
  auto [commands, events] = free_endpoints();
  auto hub =
      std::make_unique<HubProcess>(dir.file("store.db"), dir.file("hub.log"), commands, events);
  constexpr int kTerminals = 8;
  struct Sent {
    std::string id, frame;
    bool answered = false;
  };
  std::vector<std::vector<Sent>> sent(kTerminals);
  std::vector<std::int64_t> checks(kTerminals);
  std::atomic<bool> stop{false};
  std::vector<std::thread> terminals;
  for (int t = 0; t < kTerminals; ++t)
    terminals.emplace_back([&, t] {
      Terminal pos(commands, "pos-" + std::to_string(t));
      pos.login("1111");
      checks[t] = pos.must("open_check", {{"channel", "bar_tab"},
                                          {"tab_name", "Tab " + std::to_string(t)}})["check_id"];
      for (int n = 0; !stop; ++n) {
        Sent s;
        s.id = net::make_command_id();
        s.frame = pos.command(s.id, "add_line",
                              {{"check_id", checks[t]},
                               {"item_id", "fries"},
                               {"note", "t" + std::to_string(t) + "-" + std::to_string(n)}});
        auto reply = pos.client().call(s.id, s.frame, 3s);
        s.answered = reply && Json::parse(*reply).value("ok", false);
        sent[t].push_back(std::move(s));
        if (!reply) break;  // the hub is gone
      }
    });
  std::this_thread::sleep_for(1500ms);
  hub->kill(SIGKILL);
  stop = true;
  for (auto& t : terminals) t.join();

  hub = std::make_unique<HubProcess>(dir.file("store.db"), dir.file("hub.log"), commands, events);
  Terminal reader(commands, "reader");
  reader.login("1234");
  auto notes_on = [&](std::int64_t check) {
    std::map<std::string, int> notes;
    const Json result = reader.must("get_check", {{"check_id", check}});
    for (const auto& line : result["check"]["lines"]) ++notes[line["note"].get<std::string>()];
    return notes;
  };
  std::size_t answered = 0, total = 0;
  for (int t = 0; t < kTerminals; ++t) {
    auto notes = notes_on(checks[t]);
    for (std::size_t n = 0; n < sent[t].size(); ++n) {
      ++total;
      const std::string note = "t" + std::to_string(t) + "-" + std::to_string(n);
      if (sent[t][n].answered) {
        ++answered;
        EXPECT_EQ(notes[note], 1) << note << " was answered, so it must be there once";
      } else {
        EXPECT_LE(notes[note], 1) << note;
      }
    }
  }
  EXPECT_GT(answered, 20u);  // the rush did get going

  // Every command sent again under its id: each ends on its check exactly once.
  for (int t = 0; t < kTerminals; ++t) {
    net::CommandClient client({commands, {}, {}, {}});
    for (const auto& s : sent[t]) {
      auto reply = client.call(s.id, s.frame, 30s);
      ASSERT_TRUE(reply.has_value());
      EXPECT_TRUE(Json::parse(*reply).value("ok", false)) << *reply;
    }
    auto notes = notes_on(checks[t]);
    EXPECT_EQ(notes.size(), sent[t].size());
    for (const auto& [note, count] : notes) EXPECT_EQ(count, 1) << note;
  }
  EXPECT_GE(total, answered);
}
