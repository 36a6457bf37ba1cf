// The append-only event log (common/src/store/event_log.cpp and its schema triggers).
#include <SQLiteCpp/Database.h>

#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::commit;
using testing::open_store;
using testing::TempDir;

void append(Store& store, int count) {
  commit(store, [&](Store& s) {
    for (int i = 0; i < count; ++i)
      s.append_event("line.added", R"({"n":)" + std::to_string(i) + "}", 1000 + i);
    return success();
  });
}

TEST(StoreEvents, SequenceStartsAtOneAndHasNoGaps) {
  auto store = open_store(":memory:");
  EXPECT_EQ(store->last_sequence(), 0);
  commit(*store, [](Store& s) {
    EXPECT_EQ(s.append_event("check.opened", "{}", 1), 1);
    EXPECT_EQ(s.append_event("line.added", "{}", 2), 2);
    return success();
  });
  // A rolled-back transaction gives its numbers back: the log never skips one.
  Status rolled_back = store->transaction([](Store& s) -> Status {
    EXPECT_EQ(s.append_event("line.added", "{}", 3), 3);
    return fail(Errc::invalid_argument, "no");
  });
  ASSERT_FALSE(rolled_back);
  commit(*store, [](Store& s) {
    EXPECT_EQ(s.append_event("lines.sent", "{}", 4), 3);
    return success();
  });
  auto events = store->events_since(0, 100);
  ASSERT_EQ(events.size(), 3u);
  for (std::size_t i = 0; i < events.size(); ++i)
    EXPECT_EQ(events[i].sequence, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(events[2].type, "lines.sent");
  EXPECT_EQ(events[2].at, 4);
  EXPECT_EQ(store->last_sequence(), 3);
}

TEST(StoreEvents, PagingReturnsEachEventOnceInOrder) {
  auto store = open_store(":memory:");
  append(*store, 25);
  std::vector<std::int64_t> seen;
  std::int64_t after = 0;
  for (;;) {
    auto page = store->events_since(after, 10);
    if (page.empty()) break;
    EXPECT_LE(page.size(), 10u);
    for (const Event& e : page) seen.push_back(e.sequence);
    after = page.back().sequence;
  }
  ASSERT_EQ(seen.size(), 25u);
  for (std::size_t i = 0; i < seen.size(); ++i)
    EXPECT_EQ(seen[i], static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(store->events_since(20, 100).size(), 5u);
  EXPECT_EQ(store->events_since(25, 100).size(), 0u);
  EXPECT_EQ(store->events_since(0, 0).size(), 0u);
  EXPECT_EQ(store->events_since(0, -1).size(), 0u);
  auto one = store->events_since(6, 1);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].sequence, 7);
  EXPECT_EQ(one[0].body, R"({"n":6})");
  EXPECT_EQ(one[0].at, 1006);
}

class StoreEventTriggers : public ::testing::Test {
 protected:
  void SetUp() override {
    append(*open_store(dir.file("store.db")), 3);
    db = std::make_unique<SQLite::Database>(dir.file("store.db").string(), SQLite::OPEN_READWRITE);
  }
  std::string refusal(const char* sql) {
    try {
      db->exec(sql);
    } catch (const SQLite::Exception& e) {
      return e.what();
    }
    return "accepted";
  }
  TempDir dir;
  std::unique_ptr<SQLite::Database> db;
};

TEST_F(StoreEventTriggers, UpdateIsRefused) {
  EXPECT_EQ(refusal("UPDATE events SET body = '{}' WHERE sequence = 2"),
            "the event log is append-only: events are never changed");
  EXPECT_EQ(refusal("UPDATE events SET sequence = 10 WHERE sequence = 3"),
            "the event log is append-only: events are never changed");
}

TEST_F(StoreEventTriggers, DeleteIsRefused) {
  EXPECT_EQ(refusal("DELETE FROM events WHERE sequence = 3"),
            "the event log is append-only: events are never deleted");
  EXPECT_EQ(refusal("DELETE FROM events"),
            "the event log is append-only: events are never deleted");
}

TEST_F(StoreEventTriggers, GapOrReusedNumberIsRefused) {
  const char* message = "event sequence numbers must follow the last one without a gap";
  EXPECT_EQ(refusal("INSERT INTO events (sequence, type, body, at) VALUES (5, 'x', '{}', 1)"),
            message);
  EXPECT_EQ(refusal("INSERT INTO events (sequence, type, body, at) VALUES (2, 'x', '{}', 1)"),
            message);
  EXPECT_EQ(refusal("INSERT INTO events (sequence, type, body, at) VALUES (4, 'x', '{}', 1)"),
            "accepted");
}

TEST_F(StoreEventTriggers, BodyMustBeJsonAndTypeNamed) {
  EXPECT_EQ(refusal("INSERT INTO events (sequence, type, body, at) VALUES (4, 'x', '{', 1)"),
            "CHECK constraint failed: json_valid(body)");
  EXPECT_EQ(refusal("INSERT INTO events (sequence, type, body, at) VALUES (4, '', '{}', 1)"),
            "CHECK constraint failed: type <> ''");
  db.reset();
  auto reopened = open_store(dir.file("store.db"));
  EXPECT_EQ(reopened->last_sequence(), 3);
}

// Kept replies lose their text after their time, oldest first and a bounded number per
// call; the id, hash and time stay, so a late retry is still known.
TEST(StoreReplies, ExpiringDropsTheOldestTextsAndKeepsTheIds) {
  auto store = open_store(":memory:");
  commit(*store, [](Store& s) {
    for (int i = 1; i <= 5; ++i) {
      auto saved = s.save_reply("cmd-" + std::to_string(i), "hash-" + std::to_string(i),
                                R"({"id":"cmd-)" + std::to_string(i) + R"(","ok":true})", i * 1000);
      EXPECT_TRUE(saved.ok());
    }
    return success();
  });
  // Outside a transaction nothing is touched.
  EXPECT_FALSE(store->expire_replies(10'000, 10).ok());

  int expired = 0;
  commit(*store, [&](Store& s) {
    auto n = s.expire_replies(4'500, 2);  // cmd-1..4 are old enough; two at a time
    EXPECT_TRUE(n.ok());
    expired = n ? *n : -1;
    return success();
  });
  EXPECT_EQ(expired, 2);
  auto reply = [&](int i) { return store->find_reply("cmd-" + std::to_string(i)); };
  for (int i = 1; i <= 2; ++i) {
    ASSERT_TRUE(reply(i).has_value());
    EXPECT_TRUE(reply(i)->expired);
    EXPECT_EQ(reply(i)->reply, "");
    EXPECT_EQ(reply(i)->request_hash, "hash-" + std::to_string(i));
    EXPECT_EQ(reply(i)->at, i * 1000);
  }
  EXPECT_FALSE(reply(3)->expired);
  EXPECT_EQ(reply(3)->reply, R"({"id":"cmd-3","ok":true})");

  commit(*store, [&](Store& s) {
    expired = *s.expire_replies(4'500, 10);
    return success();
  });
  EXPECT_EQ(expired, 2);  // cmd-3 and cmd-4; cmd-5 is newer
  EXPECT_TRUE(reply(4)->expired);
  EXPECT_FALSE(reply(5)->expired);
  commit(*store, [&](Store& s) {
    expired = *s.expire_replies(4'500, 10);
    return success();
  });
  EXPECT_EQ(expired, 0);
}

}  // namespace
}  // namespace brigade::store
