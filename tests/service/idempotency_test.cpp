// Exactly once (docs/protocol.md, "Exactly once"): every writing command retried after
// a lost reply gets the same reply, byte for byte, publishes nothing and changes
// nothing a second time; the same holds after the hub restarts.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

struct Sent {
  std::string request;
  std::string reply;
};

class Idempotency : public ::testing::Test {
 protected:
  // Retries the device's previous command as a terminal does after a lost reply: the
  // reply is the one stored, nothing is published, nothing changes.
  void expect_retry_is_stored(Device& d, const Reply& first) {
    ASSERT_TRUE(first.ok()) << first.json.dump();
    SCOPED_TRACE(d.last_request());
    Json before = hub_state(hub);
    hub.now += 1'500;  // the retry comes later: a fresh answer would show other times
    auto again = hub.service().handle(d.last_request(), {}, hub.now);
    EXPECT_EQ(again.reply, first.json.dump());
    EXPECT_TRUE(again.publications.empty());
    EXPECT_EQ(hub_state(hub), before);
    auto stored = hub.store().find_reply(d.last_id());
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->reply, again.reply);
    // Device::retry, the fixture's way, says the same.
    Reply third = d.retry();
    EXPECT_EQ(third.json, first.json);
    EXPECT_TRUE(third.publications.empty());
    sent.push_back({d.last_request(), again.reply});
  }

  // Calls and retries at once; returns the first reply.
  Reply once(Device& d, std::string_view type, Json args, std::string approval = "") {
    Reply r = d.call(type, std::move(args), std::move(approval));
    expect_retry_is_stored(d, r);
    return r;
  }

  // Every kind of writing command, each retried after its reply was "lost".
  void run_the_night() {
    // Logins are the exception: their reply holds a session token, which the hub never
    // keeps, so a retry is answered afresh with a session of its own (sessions_test.cpp).
    ASSERT_TRUE(office.login(kManagerPin).ok());
    EXPECT_FALSE(hub.store().find_reply(office.last_id()));
    Reply again = office.retry();
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_NE(again.result()["session"], office.session());
    ASSERT_TRUE(floor.login(kServerPin).ok());

    // The 86 list.
    once(office, "eighty_six", {{"item_id", "salmon"}});
    EXPECT_TRUE(eighty_sixed(hub, "salmon"));
    once(office, "set_stock", {{"item_id", "short-rib"}, {"remaining", 5}});
    once(office, "un_eighty_six", {{"item_id", "salmon"}});
    EXPECT_FALSE(eighty_sixed(hub, "salmon"));

    // One check, however often it is asked for.
    Reply opened =
        once(floor, "open_check", {{"channel", "dine_in"}, {"table_id", "8"}, {"guests", 2}});
    check = opened.result()["check_id"];
    EXPECT_EQ(hub.store().load_open_checks().size(), 1u);

    // One line, and its portions taken once.
    Reply rib = once(floor, "add_line",
                     {{"check_id", check}, {"item_id", "short-rib"}, {"quantity", 2}, {"seat", 1}});
    EXPECT_EQ(check_in_store(hub, check).lines.size(), 1u);
    EXPECT_EQ(remaining(hub, "short-rib"), 3);
    std::int64_t steak =
        add_item(floor, check, "steak-frites", {{"modifiers", {"temp-medium"}}, {"seat", 2}});
    std::int64_t fries = add_item(floor, check, "fries", {{"quantity", 2}});
    add_item(floor, check, "cheesecake", {{"seat", 1}});

    // Changing and removing an unsent counted line: portions move once.
    std::int64_t extra = add_item(floor, check, "short-rib");
    EXPECT_EQ(remaining(hub, "short-rib"), 2);
    once(floor, "change_line", {{"check_id", check}, {"line_id", extra}, {"quantity", 2}});
    EXPECT_EQ(remaining(hub, "short-rib"), 1);
    once(floor, "remove_line", {{"check_id", check}, {"line_id", extra}});
    EXPECT_EQ(remaining(hub, "short-rib"), 3);
    EXPECT_EQ(check_in_store(hub, check).lines.size(), 4u);

    // Tickets made once.
    Reply sent_reply = once(floor, "send", {{"check_id", check}, {"hold", {"dessert"}}});
    auto ticket_ids = sent_reply.result()["ticket_ids"].get<std::vector<std::int64_t>>();
    ASSERT_EQ(ticket_ids.size(), 2u);
    EXPECT_EQ(hub.store().load_tickets_of_check(check).size(), 2u);
    ticket = ticket_ids[0];
    Reply fired = once(floor, "fire", {{"check_id", check}, {"course", "dessert"}});
    EXPECT_EQ(fired.result()["ticket_ids"], Json::array({ticket_ids[1]}));

    // The kitchen: ack, item bump, rush, bumps, serve, recall.
    once(grill, "ack_ticket", {{"ticket_id", ticket}, {"station", "grill"}});
    once(grill, "item_bump", {{"ticket_id", ticket}, {"line_id", steak}, {"station", "grill"}});
    once(expo, "rush", {{"ticket_id", ticket}});
    for (const char* station : {"grill", "fryer", "saute"})
      once(grill, "bump", {{"ticket_id", ticket}, {"station", station}});
    Reply served = once(expo, "serve", {{"ticket_id", ticket}});
    EXPECT_EQ(served.result()["progress"]["status"], "served");
    Reply recalled = once(expo, "recall", {{"ticket_id", ticket}});
    EXPECT_EQ(recalled.result()["ticket"]["status"], "ready");
    once(expo, "serve", {{"ticket_id", ticket}});

    // A void of one of two fries: one voided, not two.
    Reply voided =
        once(floor, "void_line",
             {{"check_id", check}, {"line_id", fries}, {"quantity", 1}, {"reason", "cold"}},
             kManagerPin);
    EXPECT_EQ(check_in_store(hub, check).find_line(fries)->voided_quantity, 1);

    // Moving checks around: a second table transferred, a line moved, then merged.
    Reply other_open =
        once(floor, "open_check", {{"channel", "dine_in"}, {"table_id", "9"}, {"guests", 1}});
    std::int64_t other = other_open.result()["check_id"];
    std::int64_t beer = add_item(floor, other, "beer-ipa", {{"seat", 1}});
    add_item(floor, other, "beer-stout", {{"seat", 1}});
    send_check(floor, other);
    Reply moved = once(floor, "transfer", {{"check_id", other}, {"table_id", "10"}});
    EXPECT_EQ(moved.result()["check"]["table_id"], "10");
    once(floor, "move_lines",
         {{"from_check_id", other}, {"to_check_id", check}, {"line_ids", {beer}}});
    EXPECT_EQ(check_in_store(hub, check).lines.size(), 5u);
    once(floor, "merge", {{"into_check_id", check}, {"from_check_id", other}});
    EXPECT_EQ(check_in_store(hub, check).lines.size(), 6u);
    EXPECT_EQ(check_in_store(hub, check).guests, 3);

    // Money: one discount, one split, one payment per part, one tip, one close.
    once(office, "discount",
         {{"check_id", check}, {"kind", "percent"}, {"percent_bp", 1000}, {"reason", "regulars"}});
    EXPECT_EQ(check_in_store(hub, check).discounts.size(), 1u);
    Reply split = once(floor, "split", {{"check_id", check}, {"kind", "even"}, {"parts", 2}});
    Json parts = split.result()["check"]["split"]["part_totals"];
    ASSERT_EQ(parts.size(), 2u);
    Reply paid =
        once(floor, "pay",
             {{"check_id", check}, {"tender", "card"}, {"amount", parts[0]["total"]}, {"part", 1}});
    EXPECT_EQ(check_in_store(hub, check).payments.size(), 1u);
    once(floor, "add_tip",
         {{"check_id", check}, {"payment_id", paid.result()["payment_id"]}, {"tip", 800}});
    once(floor, "pay", {{"check_id", check}, {"tender", "cash"}, {"amount", 100'00}, {"part", 2}});
    EXPECT_EQ(check_in_store(hub, check).payments.size(), 2u);
    Reply closed = once(floor, "close_check", {{"check_id", check}});
    EXPECT_EQ(closed.result()["check"]["status"], "closed");
    EXPECT_EQ(closed.result()["check"]["totals"]["tips"], 800);

    // And the logout.
    Reply out = once(floor, "logout", Json::object());
    EXPECT_EQ(out.result()["logged_out"], "sam");
    (void)rib;
    (void)voided;
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"}, grill{hub, "kds-grill"},
      expo{hub, "kds-expo"};
  std::int64_t check = 0, ticket = 0;
  std::vector<Sent> sent;
};

TEST_F(Idempotency, EveryWritingCommandRetriedAfterALostReplyAppliesOnce) {
  run_the_night();
  EXPECT_FALSE(HasFailure());
  EXPECT_GE(sent.size(), 30u);
}

TEST_F(Idempotency, AfterARestartRetriesStillGetTheStoredReply) {
  run_the_night();
  ASSERT_FALSE(HasFailure());
  hub.restart();
  Json before = hub_state(hub);
  ASSERT_FALSE(before["tickets"].empty());
  hub.now += 3'600'000;
  for (const auto& s : sent) {
    SCOPED_TRACE(s.request);
    auto again = hub.service().handle(s.request, {}, hub.now);
    EXPECT_EQ(again.reply, s.reply);
    EXPECT_TRUE(again.publications.empty());
  }
  EXPECT_EQ(hub_state(hub), before);

  // The body each id was first used with is remembered too.
  Json changed = Json::parse(sent.front().request);
  changed["device"] = "pos-elsewhere";
  EXPECT_EQ(hub.raw(changed.dump()).code(), "id_reused");
  EXPECT_EQ(hub_state(hub), before);
}

// Regression: a kept reply's id re-sent as a read (get_check, hello) was answered afresh,
// as if ids were per type; it is id_reused like any other body.
TEST_F(Idempotency, AKeptIdSentAgainWithAnotherTypeIsIdReused) {
  ASSERT_TRUE(floor.login(kServerPin).ok());
  check = open_table(floor, "4");
  Reply added = floor.call("add_line", {{"check_id", check}, {"item_id", "fries"}});
  ASSERT_TRUE(added.ok());
  const std::string id = floor.last_id();
  const std::string first = floor.last_request();
  const std::string reused = "command id '" + id +
                             "' was already used for a different command: make a new id for each "
                             "command";
  Json before = hub_state(hub);
  for (auto [type, args] : std::vector<std::pair<std::string, Json>>{
           {"get_check", {{"check_id", check}}},
           {"hello", Json::object()},
           {"list_checks", Json::object()},
           {"remove_line", {{"check_id", check}, {"line_id", added.result()["line_id"]}}},
       }) {
    SCOPED_TRACE(type);
    Reply r = hub.raw(
        brigade::protocol::make_command(id, type, "pos-1", floor.session(), std::move(args)));
    EXPECT_EQ(r.code(), "id_reused");
    EXPECT_EQ(r.message(), reused);
    EXPECT_EQ(r.json["id"], id);
    EXPECT_TRUE(r.publications.empty());
  }
  EXPECT_EQ(hub_state(hub), before);
  // The type is decided first: a type no hub knows is unknown_command, kept id or not.
  EXPECT_EQ(hub.raw(brigade::protocol::make_command(id, "fly", "pos-1", "", Json::object())).code(),
            "unknown_command");
  // The command itself still gets its reply.
  EXPECT_EQ(hub.raw(first).json, added.json);
}

// Sessions live in the hub's database: a restart does not log anyone out, and a logout
// before it still holds after it.
TEST_F(Idempotency, SessionsSurviveAHubRestart) {
  ASSERT_TRUE(floor.login(kServerPin).ok());
  ASSERT_TRUE(office.login(kManagerPin).ok());
  ASSERT_TRUE(office.call("logout").ok());
  hub.restart();
  Reply r = floor.call("list_checks");
  EXPECT_TRUE(r.ok()) << r.json.dump();
  EXPECT_TRUE(floor.call("open_check", {{"channel", "bar_tab"}, {"tab_name", "Ray"}}).ok());
  EXPECT_EQ(office.call("list_checks").code(), "not_logged_in");
}

// A refusal is not kept: its retry is judged afresh, and succeeds once the item is back.
TEST_F(Idempotency, ARefusedCommandRetriedLaterIsJudgedAfresh) {
  ASSERT_TRUE(office.login(kManagerPin).ok());
  ASSERT_TRUE(floor.login(kServerPin).ok());
  ASSERT_TRUE(office.call("eighty_six", {{"item_id", "scallops"}}).ok());
  check = open_table(floor, "4");
  Reply refused = floor.call("add_line", {{"check_id", check}, {"item_id", "scallops"}});
  EXPECT_EQ(refused.code(), "item_86");
  EXPECT_EQ(refused.message(), "Seared scallops is 86'd");
  EXPECT_FALSE(hub.store().find_reply(floor.last_id()).has_value());
  EXPECT_EQ(floor.retry().code(), "item_86");

  ASSERT_TRUE(office.call("un_eighty_six", {{"item_id", "scallops"}}).ok());
  Reply later = floor.retry();
  ASSERT_TRUE(later.ok()) << later.message();
  expect_retry_is_stored(floor, later);
  EXPECT_EQ(check_in_store(hub, check).lines.size(), 1u);
}

// A kitchen screen bumping twice with two ids (a double tap) changes nothing the second
// time either: that is the domain's rule, not the reply store's.
TEST_F(Idempotency, ADoubleTapIsNotASecondBump) {
  ASSERT_TRUE(floor.login(kServerPin).ok());
  check = open_table(floor, "4");
  add_item(floor, check, "fries");
  ticket = send_check(floor, check).at(0);
  Reply first = grill.call("bump", {{"ticket_id", ticket}, {"station", "fryer"}});
  ASSERT_TRUE(first.ok());
  Json before = hub_state(hub);
  hub.now += 400;
  Reply second = grill.call("bump", {{"ticket_id", ticket}, {"station", "fryer"}});
  ASSERT_TRUE(second.ok());
  Json after = hub_state(hub);
  EXPECT_EQ(after["tickets"], before["tickets"]);
  EXPECT_EQ(after["checks"], before["checks"]);
}

// Replies are kept whole for a time (ServiceOptions::reply_kept_ms), then only their ids
// and hashes: a retry that late is told reply_expired, and the command is still not done
// a second time; a different command under the id is still id_reused.
TEST_F(Idempotency, ARetryAfterTheReplyExpiredIsNotDoneAgain) {
  brigade::service::ServiceOptions options;
  options.reply_kept_ms = 60 * 60 * 1000;
  hub.restart(options);
  ASSERT_TRUE(floor.login(kServerPin).ok());
  check = open_table(floor, "4");
  Reply added = floor.call("add_line", {{"check_id", check}, {"item_id", "fries"}});
  ASSERT_TRUE(added.ok());
  const std::string first = floor.last_request();

  // Within the hour: the reply, byte for byte, and the tick drops nothing.
  hub.now += 59 * 60 * 1000;
  hub.service().tick(hub.now);
  EXPECT_EQ(floor.retry().json, added.json);

  hub.now += 2 * 60 * 1000;
  hub.service().tick(hub.now);
  auto stored = hub.store().find_reply(floor.last_id());
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->expired);
  EXPECT_EQ(stored->reply, "");
  Json before = hub_state(hub);
  Reply late = floor.retry();
  EXPECT_EQ(late.code(), "reply_expired");
  EXPECT_EQ(late.json["id"], floor.last_id());
  EXPECT_EQ(late.message(), "command '" + floor.last_id() +
                                "' was done 61 minutes ago and is not done again; its reply is no "
                                "longer kept: refresh to see where things stand");
  EXPECT_TRUE(late.publications.empty());
  EXPECT_EQ(hub_state(hub), before);
  EXPECT_EQ(check_in_store(hub, check).lines.size(), 1u);

  // Another body under the id is still a reused id, not an expired reply.
  Json changed = Json::parse(first);
  changed["args"]["item_id"] = "salad";
  EXPECT_EQ(hub.raw(changed.dump()).code(), "id_reused");
  // Across a restart too.
  hub.restart(options);
  EXPECT_EQ(hub.raw(first).code(), "reply_expired");
  EXPECT_EQ(hub_state(hub), before);
}

}  // namespace
