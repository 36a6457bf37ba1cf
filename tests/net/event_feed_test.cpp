// EventFeed against a real hub and the in-test event log: every event of the followed topics
// exactly once and in order, whatever is lost on the way.
#include "brigade/net/event_feed.h"

#include <algorithm>
#include <numeric>

#include "event_log_hub.h"

namespace brigade::net::testing {
namespace {

HubOptions fast_heartbeat(int heartbeat_ms = 100) {
  HubOptions options;
  options.heartbeat_ms = heartbeat_ms;
  return options;
}

FeedOptions feed_options(const TestHub& hub, std::vector<std::string> topics) {
  FeedOptions options;
  options.command_endpoint = hub.command_endpoint();
  options.event_endpoint = hub.event_endpoint();
  options.device = "test-feed";
  options.topics = std::move(topics);
  options.retry.timeout = 500ms;
  return options;
}

// Loaded and online: a heartbeat came, so the subscriptions are in place at the hub and
// nothing later is lost to a slow join (tests that count catch-ups rely on it).
bool wait_for_snapshot(EventFeed& feed) {
  return wait_until([&] { return feed.status().snapshot_loaded && feed.status().online; });
}

std::vector<std::int64_t> one_to(std::int64_t n) {
  std::vector<std::int64_t> seqs(static_cast<std::size_t>(n));
  std::iota(seqs.begin(), seqs.end(), 1);
  return seqs;
}

TEST(EventFeed, EachSubscriberGetsItsTopicsEventsOnceInOrder) {
  EventLog log;
  TestHub hub(log, fast_heartbeat());
  EventFeed checks(feed_options(hub, {"check"}));
  EventFeed grill(feed_options(hub, {"ticket.grill"}));
  EventFeed expo(feed_options(hub, {"ticket."}));
  ASSERT_TRUE(wait_for_snapshot(checks) && wait_for_snapshot(grill) && wait_for_snapshot(expo));

  call(hub.command_endpoint(), "append",
       {{"count", 300}, {"spread", {"check", "ticket.grill", "ticket.fry", "menu"}}});
  for (auto [feed, prefixes] : {std::pair{&checks, std::vector<std::string>{"check"}},
                                std::pair{&grill, std::vector<std::string>{"ticket.grill"}},
                                std::pair{&expo, std::vector<std::string>{"ticket."}}}) {
    auto expected = log.seqs_for(prefixes);
    Received received;
    EXPECT_TRUE(received.wait_for(*feed, expected.size()));
    EXPECT_EQ(received.seqs, expected) << prefixes[0];
    ASSERT_EQ(received.snapshots.size(), 1u);
    EXPECT_EQ(feed->status().events_delivered, expected.size());
  }
}

TEST(EventFeed, AnEventOnTwoTopicsArrivesOnce) {
  EventLog log;
  TestHub hub(log, fast_heartbeat());
  EventFeed feed(feed_options(hub, {"ticket.grill", "ticket.fry"}));
  ASSERT_TRUE(wait_for_snapshot(feed));
  call(hub.command_endpoint(), "append",
       {{"count", 100}, {"topics", {"ticket.grill", "ticket.fry"}}});
  call(hub.command_endpoint(), "append", {{"count", 50}, {"topics", {"ticket.fry"}}});
  call(hub.command_endpoint(), "append",
       {{"count", 50}, {"topics", {"ticket.fry", "ticket.grill"}}});
  Received received;
  EXPECT_TRUE(received.wait_for(feed, 200));
  EXPECT_EQ(received.seqs, one_to(200));
  EXPECT_EQ(received.topics.front(), "ticket.grill");  // the first topic it came on
}

TEST(EventFeed, LateSubscriberGetsTheSnapshotThenOnlyNewerEvents) {
  EventLog log;
  TestHub hub(log, fast_heartbeat());
  call(hub.command_endpoint(), "append", {{"count", 50}, {"topics", {"check"}}});
  call(hub.command_endpoint(), "append", {{"count", 5}, {"topics", {"menu"}}});

  EventFeed feed(feed_options(hub, {"check"}));
  ASSERT_TRUE(wait_for_snapshot(feed));
  Received received;
  received.take_from(feed);
  ASSERT_EQ(received.snapshots.size(), 1u);
  EXPECT_EQ(received.snapshots[0]["heads"]["check"], 50);
  EXPECT_EQ(feed.status().last_seq, 50);  // the head of its topic in the snapshot

  call(hub.command_endpoint(), "append", {{"count", 10}, {"topics", {"check"}}});
  EXPECT_TRUE(received.wait_for(feed, 10));
  std::vector<std::int64_t> expected(10);
  std::iota(expected.begin(), expected.end(), 56);
  EXPECT_EQ(received.seqs, expected);
  EXPECT_EQ(received.snapshots.size(), 1u);
}

// A withheld event in the middle: the next one's prev does not match, so the feed asks.
TEST(EventFeed, GapInTheMiddleIsFilledFromTheLog) {
  EventLog log;
  TestHub hub(log, fast_heartbeat());
  EventFeed feed(feed_options(hub, {"check"}));
  ASSERT_TRUE(wait_for_snapshot(feed));
  call(hub.command_endpoint(), "append",
       {{"count", 20}, {"topics", {"check"}}, {"withhold", {4, 5, 11}}});
  Received received;
  EXPECT_TRUE(received.wait_for(feed, 20));
  EXPECT_EQ(received.seqs, one_to(20));
  auto status = feed.status();
  EXPECT_GE(status.gaps_detected, 1u);
  EXPECT_GE(status.catch_ups_done, 1u);
  EXPECT_GE(status.caught_up_events, 3u);  // at least the withheld ones, from the log
}

// The hub refuses the first snapshot and catch-ups: the feed asks again (later, not in a
// tight loop) and still ends with every event.
TEST(EventFeed, RefusedSnapshotAndCatchUpsAreAskedAgain) {
  EventLog log;
  TestHub hub(log, fast_heartbeat());
  log.refuse_next("snapshot", 1);
  EventFeed feed(feed_options(hub, {"check"}));
  ASSERT_TRUE(wait_for_snapshot(feed));
  log.refuse_next("events_since", 3);
  call(hub.command_endpoint(), "append",
       {{"count", 10}, {"topics", {"check"}}, {"withhold", {2, 9}}});
  Received received;
  EXPECT_TRUE(received.wait_for(feed, 10));
  EXPECT_EQ(received.seqs, one_to(10));
  EXPECT_EQ(received.snapshots.size(), 1u);
}

// The last event is never published: only the heartbeat's heads show it is missing.
TEST(EventFeed, HeartbeatRevealsAMissedTail) {
  EventLog log;
  TestHub hub(log, fast_heartbeat());
  EventFeed feed(feed_options(hub, {"ticket.grill"}));
  ASSERT_TRUE(wait_for_snapshot(feed));
  call(hub.command_endpoint(), "append",
       {{"count", 5}, {"topics", {"ticket.grill"}}, {"withhold", {4}}});
  Received received;
  EXPECT_TRUE(received.wait_for(feed, 5));
  EXPECT_EQ(received.seqs, one_to(5));
  EXPECT_EQ(feed.status().gaps_detected, 1u);
  EXPECT_EQ(feed.status().caught_up_events, 1u);
  EXPECT_EQ(feed.status().last_seq, 5);
}

// Tiny high-water marks on both ends and a burst far larger: ZeroMQ drops, the feed notices
// the gaps and fetches the rest, and the caller sees every event once, in order.
TEST(EventFeed, BurstPastTinyHighWaterMarksEndsWithEveryEventOnce) {
  EventLog log;
  HubOptions hub_options = fast_heartbeat();
  hub_options.event_send_hwm = 10;
  TestHub hub(log, hub_options);
  FeedOptions options = feed_options(hub, {"check"});
  options.receive_hwm = 10;
  EventFeed feed(options);
  ASSERT_TRUE(wait_for_snapshot(feed));

  constexpr int kEvents = 10000;
  call(hub.command_endpoint(), "append", {{"count", kEvents}, {"topics", {"check"}}, {"pad", 512}});
  Received received;
  EXPECT_TRUE(received.wait_for(feed, kEvents, 60s));
  EXPECT_EQ(received.seqs, one_to(kEvents));
  auto status = feed.status();
  if (status.live_events < static_cast<std::uint64_t>(kEvents)) {
    EXPECT_GT(status.gaps_detected, 0u);
    EXPECT_GT(status.caught_up_events, 0u);
  }
  EXPECT_EQ(status.events_delivered, static_cast<std::uint64_t>(kEvents));
  std::cout << "live " << status.live_events << ", caught up " << status.caught_up_events
            << ", gaps " << status.gaps_detected << ", catch-ups " << status.catch_ups_done << "\n";
}

// The hub goes away: the feed says offline. Events committed meanwhile never reach the PUB
// socket; when a hub is back on the same endpoints the feed is online again and has them.
TEST(EventFeed, GoesOfflineWhenTheHubStopsAndCatchesUpWhenItReturns) {
  EventLog log;
  auto hub = std::make_unique<TestHub>(log, fast_heartbeat());
  HubOptions again = fast_heartbeat();
  again.command_endpoint = hub->command_endpoint();
  again.event_endpoint = hub->event_endpoint();
  FeedOptions options = feed_options(*hub, {"check"});
  options.offline_after_ms = 1000;
  std::atomic<int> notified = 0;
  options.notify = [&notified] { ++notified; };
  EventFeed feed(options);
  ASSERT_TRUE(wait_for_snapshot(feed));
  ASSERT_TRUE(wait_until([&] { return feed.status().online; }));
  call(hub->command_endpoint(), "append", {{"count", 3}, {"topics", {"check"}}});
  Received received;
  EXPECT_TRUE(received.wait_for(feed, 3));

  hub.reset();
  ASSERT_TRUE(wait_until([&] { return !feed.status().online; }));
  int notified_when_offline = notified.load();
  for (int i = 0; i < 4; ++i) (void)log.append({"check"});

  hub = std::make_unique<TestHub>(log, again);
  ASSERT_EQ(hub->bind_error(), "");
  EXPECT_TRUE(wait_until([&] { return feed.status().online; }));
  EXPECT_TRUE(received.wait_for(feed, 7));
  EXPECT_EQ(received.seqs, one_to(7));
  EXPECT_GT(notified.load(), notified_when_offline);
  EXPECT_GE(feed.status().catch_ups_done, 1u);
}

TEST(EventFeed, StartsOfflineAndLoadsTheSnapshotOnceAHubAppears) {
  EventLog log;
  std::string command_endpoint, event_endpoint;
  {
    TestHub vacated(log);
    command_endpoint = vacated.command_endpoint();
    event_endpoint = vacated.event_endpoint();
  }
  (void)log.append({"menu"});
  FeedOptions options;
  options.command_endpoint = command_endpoint;
  options.event_endpoint = event_endpoint;
  options.topics = {"menu"};
  options.retry.timeout = 200ms;
  EventFeed feed(options);
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(feed.status().online);
  EXPECT_FALSE(feed.status().since_heartbeat.has_value());
  EXPECT_FALSE(feed.status().snapshot_loaded);

  HubOptions hub_options = fast_heartbeat();
  hub_options.command_endpoint = command_endpoint;
  hub_options.event_endpoint = event_endpoint;
  TestHub hub(log, hub_options);
  ASSERT_EQ(hub.bind_error(), "");
  ASSERT_TRUE(wait_for_snapshot(feed));
  EXPECT_TRUE(wait_until([&] { return feed.status().online; }));
  Received received;
  received.take_from(feed);
  ASSERT_EQ(received.snapshots.size(), 1u);
  EXPECT_EQ(received.snapshots[0]["heads"]["menu"], 1);
  EXPECT_TRUE(received.seqs.empty());
}

}  // namespace
}  // namespace brigade::net::testing
