// Sessions (issue 9): kept by a hash of their token, ended by logout for good, by an idle
// time and by clock-out; a login's reply is never kept, so a retry is answered afresh.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

constexpr std::int64_t kMinute = 60 * 1000;

brigade::service::ServiceOptions idle_after(std::int64_t minutes) {
  brigade::service::ServiceOptions options;
  options.session_idle_ms = minutes * kMinute;
  return options;
}

TEST(Sessions, AnIdleSessionIsRefused) {
  ServiceHub hub(idle_after(30));
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  hub.now += 29 * kMinute;
  EXPECT_TRUE(floor.call("list_checks").ok());
  hub.now += 30 * kMinute;  // 30 minutes after its last use
  Reply r = floor.call("list_checks");
  EXPECT_EQ(r.code(), "not_logged_in");
  EXPECT_EQ(r.message(), "you are not logged in: log in with your PIN");
  hub.now += 1;  // and stays refused
  EXPECT_EQ(floor.call("list_checks").code(), "not_logged_in");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  EXPECT_TRUE(floor.call("list_checks").ok());
}

TEST(Sessions, UseKeepsASessionAlive) {
  ServiceHub hub(idle_after(30));
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  for (int step = 0; step < 12; ++step) {  // a whole shift, a command every 20 minutes
    hub.now += 20 * kMinute;
    ASSERT_TRUE(floor.call("list_checks").ok()) << "after " << (step + 1) * 20 << " minutes";
  }
}

TEST(Sessions, TheDefaultIdleTimeIsTwoHours) {
  ServiceHub hub;
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  hub.now += 119 * kMinute;
  EXPECT_TRUE(floor.call("list_checks").ok());
  hub.now += 120 * kMinute;
  EXPECT_EQ(floor.call("list_checks").code(), "not_logged_in");
}

// Reads must not write on every command: the last use is written at most once a minute.
TEST(Sessions, LastUseIsWrittenAtMostOnceAMinute) {
  ServiceHub hub;
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  const brigade::EpochMs logged_in = hub.now;
  auto last_use = [&] { return hub.store().find_session(floor.session())->last_used_at; };
  EXPECT_EQ(last_use(), logged_in);
  hub.now += 30 * 1000;
  ASSERT_TRUE(floor.call("list_checks").ok());
  EXPECT_EQ(last_use(), logged_in);
  hub.now += 31 * 1000;
  ASSERT_TRUE(floor.call("list_checks").ok());
  EXPECT_EQ(last_use(), hub.now);
}

// Regression (issue 9): a login retried after its logout returned the dead token, from
// the exactly-once table, which also kept it in clear.
TEST(Sessions, ALoginRetriedAfterItsLogoutGetsANewSession) {
  ServiceHub hub;
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  const std::string login_request = floor.last_request();
  const std::string first = floor.session();
  ASSERT_TRUE(floor.call("logout").ok());

  Reply again = hub.raw(login_request);
  ASSERT_TRUE(again.ok()) << again.message();
  const std::string second = again.result()["session"];
  EXPECT_NE(second, first);
  EXPECT_EQ(types_published(again), std::vector<std::string>{"staff.logged_in"});

  // The ended one stays ended; the new one works.
  auto list_with = [&](const std::string& session, const std::string& id) {
    return hub.raw(
        brigade::protocol::make_command(id, "list_checks", "pos-1", session, Json::object()));
  };
  EXPECT_EQ(list_with(first, "after-1").code(), "not_logged_in");
  EXPECT_TRUE(list_with(second, "after-2").ok());
}

TEST(Sessions, LogoutEndsTheSessionForGood) {
  ServiceHub hub;
  Device floor(hub, "pos-1");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  ASSERT_TRUE(floor.call("logout").ok());
  for (int i = 0; i < 3; ++i) {
    hub.now += kMinute;
    EXPECT_EQ(floor.call("list_checks").code(), "not_logged_in");
  }
  hub.restart();
  EXPECT_EQ(floor.call("list_checks").code(), "not_logged_in");
}

// Regression (issue 9): session tokens were kept in clear in the file, and never expired.
TEST(Sessions, TheFileHoldsNoSessionToken) {
  ServiceHub hub;
  Device floor(hub, "pos-1"), bar(hub, "pos-bar");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  ASSERT_TRUE(bar.login(kBartenderPin).ok());
  ASSERT_TRUE(floor.call("list_checks").ok());
  const std::vector<std::string> tokens = {floor.session(), bar.session()};
  const auto db_path = hub.db_path();
  hub.restart();  // the WAL is checkpointed into the file when the last connection closes
  SQLite::Database db(db_path.string());
  for (const char* sql : {"SELECT group_concat(token_hash) FROM sessions",
                          "SELECT group_concat(reply) FROM command_replies"}) {
    const std::string rows = db.execAndGet(sql).getString();
    for (const auto& token : tokens) EXPECT_EQ(rows.find(token), std::string::npos) << sql;
  }
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sessions").getInt(), 2);
  // And the store finds a session only by the token itself.
  EXPECT_FALSE(hub.store().find_session(brigade::store::session_token_hash(tokens[0])));
  EXPECT_TRUE(hub.store().find_session(tokens[0]));
}

// Clock-out (a later issue) ends every session of the person clocking out.
TEST(Sessions, EndingAStaffMembersSessionsLogsThemOutEverywhere) {
  ServiceHub hub;
  Device floor(hub, "pos-1"), patio(hub, "pos-2"), bar(hub, "pos-bar");
  ASSERT_TRUE(floor.login(kServerPin).ok());
  ASSERT_TRUE(patio.login(kServerPin).ok());
  ASSERT_TRUE(bar.login(kBartenderPin).ok());
  std::vector<brigade::store::Session> ended;
  brigade::Status s = hub.store().transaction([&](brigade::store::Store& st) -> brigade::Status {
    auto r = st.end_sessions_of("sam", hub.now);
    if (!r) return r.error();
    ended = r.value();
    return brigade::success();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_EQ(ended.size(), 2u);
  EXPECT_EQ(ended[0].ended_at, hub.now);
  EXPECT_EQ(floor.call("list_checks").code(), "not_logged_in");
  EXPECT_EQ(patio.call("list_checks").code(), "not_logged_in");
  EXPECT_TRUE(bar.call("list_checks").ok());
}

}  // namespace
