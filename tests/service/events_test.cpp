// Sequenced events (docs/protocol.md, section 3): every committed change appends events
// numbered 1, 2, 3, ... with no gaps; each topic chains its events by prev; publications
// are [topic][seq][json]; snapshot, events_since and the heartbeat agree with the log.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;
using brigade::service::Publication;

namespace {

// Every publication the hub made, in the order it made them.
class Events : public ::testing::Test {
 protected:
  Reply call(Device& d, std::string_view type, Json args = Json::object(),
             std::string approval = "") {
    Reply r = d.call(type, std::move(args), std::move(approval));
    all.insert(all.end(), r.publications.begin(), r.publications.end());
    return r;
  }
  Reply ok(Device& d, std::string_view type, Json args = Json::object(),
           std::string approval = "") {
    Reply r = call(d, type, std::move(args), std::move(approval));
    EXPECT_TRUE(r.ok()) << type << ": " << r.json.dump();
    return r;
  }
  void login(Device& d, const char* pin) {
    Reply r = d.login(pin);
    EXPECT_TRUE(r.ok()) << r.json.dump();
    all.insert(all.end(), r.publications.begin(), r.publications.end());
  }
  void tick(brigade::EpochMs at) {
    auto alerts = hub.service().tick(at);
    all.insert(all.end(), alerts.begin(), alerts.end());
  }

  // A whole evening in small: logins, the 86 list, two tables, holds and fires, a
  // two-station ticket, bumps, an alert, a void, payments, refusals in between.
  void run_an_evening() {
    login(office, kManagerPin);
    ok(office, "eighty_six", {{"item_id", "salmon"}});
    ok(office, "set_stock", {{"item_id", "short-rib"}, {"remaining", 6}});
    login(floor, kServerPin);

    table12 = ok(floor, "open_check", {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 2}})
                  .result()["check_id"]
                  .get<std::int64_t>();
    EXPECT_EQ(call(floor, "add_line", {{"check_id", table12}, {"item_id", "salmon"}}).code(),
              "item_86");
    ok(floor, "add_line", {{"check_id", table12}, {"item_id", "beer-ipa"}, {"seat", 1}});
    ok(floor, "add_line", {{"check_id", table12}, {"item_id", "calamari"}, {"seat", 1}});
    std::int64_t steak = ok(floor, "add_line",
                            {{"check_id", table12},
                             {"item_id", "steak-frites"},
                             {"modifiers", {"temp-rare"}},
                             {"seat", 1}})
                             .result()["line_id"];
    ok(floor, "add_line", {{"check_id", table12}, {"item_id", "short-rib"}, {"seat", 2}});
    auto sent = ok(floor, "send", {{"check_id", table12}, {"hold", {"mains"}}}).result();
    std::int64_t drinks_and_apps = sent["ticket_ids"][0];
    std::int64_t mains = sent["ticket_ids"][1];

    table3 = ok(floor, "open_check", {{"channel", "dine_in"}, {"table_id", "3"}, {"guests", 1}})
                 .result()["check_id"]
                 .get<std::int64_t>();
    ok(floor, "add_line", {{"check_id", table3}, {"item_id", "oysters"}});
    std::int64_t oysters = ok(floor, "send", {{"check_id", table3}}).result()["ticket_ids"][0];

    ok(bar, "ack_ticket", {{"ticket_id", drinks_and_apps}, {"station", "bar"}});
    EXPECT_EQ(call(floor, "bump", {{"ticket_id", drinks_and_apps}, {"station", "bar"}}).code(),
              "forbidden");
    ok(bar, "bump", {{"ticket_id", drinks_and_apps}, {"station", "bar"}});
    tick(hub.now + 6'000);  // the fryer and cold never acknowledged: two alerts
    ok(fryer, "bump", {{"ticket_id", drinks_and_apps}, {"station", "fryer"}});
    ok(expo, "serve", {{"ticket_id", drinks_and_apps}});
    ok(floor, "fire", {{"check_id", table12}, {"course", "mains"}});
    ok(grill, "ack_ticket", {{"ticket_id", mains}, {"station", "grill"}});
    ok(grill, "item_bump", {{"ticket_id", mains}, {"line_id", steak}, {"station", "grill"}});
    ok(expo, "rush", {{"ticket_id", mains}});
    ok(floor, "void_line", {{"check_id", table12}, {"line_id", steak}, {"reason", "too slow"}},
       kManagerPin);
    EXPECT_EQ(call(floor, "close_check", {{"check_id", table12}}).code(), "balance_due");
    Json total =
        ok(floor, "get_check", {{"check_id", table3}}).result()["check"]["totals"]["total"];
    ok(floor, "pay", {{"check_id", table3}, {"tender", "card"}, {"amount", total}});
    ok(grill, "bump", {{"ticket_id", oysters}, {"station", "cold"}});
    ok(expo, "serve", {{"ticket_id", oysters}});
    ok(floor, "close_check", {{"check_id", table3}});
    ok(floor, "logout");
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"}, bar{hub, "kds-bar"},
      fryer{hub, "kds-fryer"}, grill{hub, "kds-grill"}, expo{hub, "kds-expo"};
  std::vector<Publication> all;
  const std::int64_t seeded = hub.service().last_sequence();  // events before any command
  std::int64_t table12 = 0, table3 = 0;
};

std::vector<std::string> topic_list(const std::map<std::string, std::int64_t>& heads) {
  std::vector<std::string> topics;
  for (const auto& [topic, seq] : heads) topics.push_back(topic);
  return topics;
}

// The newest seq on each topic, as the publications tell it.
std::map<std::string, std::int64_t> heads_of(const std::vector<Publication>& publications) {
  std::map<std::string, std::int64_t> heads;
  for (const auto& p : publications) heads[p.topic] = std::max(heads[p.topic], p.seq);
  return heads;
}

std::map<std::string, std::int64_t> store_heads(ServiceHub& hub) {
  std::map<std::string, std::int64_t> heads;
  for (const auto& [topic, seq] : hub.store().topic_heads()) heads[topic] = seq;
  return heads;
}

Json heads_json(const std::map<std::string, std::int64_t>& heads) {
  Json j = Json::object();
  for (const auto& [topic, seq] : heads) j[topic] = seq;
  return j;
}

// [SECTION] the sequence and the chains

TEST_F(Events, SequenceHasNoGapsAndEveryTopicChainsOverAWholeService) {
  run_an_evening();
  ASSERT_FALSE(HasFailure());
  ASSERT_FALSE(all.empty());
  const std::int64_t last = hub.service().last_sequence();
  EXPECT_EQ(last, hub.store().last_sequence());

  std::set<std::int64_t> seqs;
  std::map<std::string, std::int64_t> last_on;  // topic -> newest seq seen
  std::map<std::int64_t, Json> first_of_seq;
  std::int64_t previous_seq = 0;
  for (const auto& p : all) {
    Json e = Json::parse(p.body);
    SCOPED_TRACE(p.topic + " " + p.body.substr(0, 120));
    // [topic][seq][json] with json {seq, prev, topic, type, at, body}, nothing else.
    std::set<std::string> keys;
    for (const auto& [k, v] : e.items()) keys.insert(k);
    EXPECT_EQ(keys, (std::set<std::string>{"seq", "prev", "topic", "type", "at", "body"}));
    EXPECT_EQ(e["seq"], p.seq);
    EXPECT_EQ(e["topic"], p.topic);
    EXPECT_TRUE(e["body"].is_object());
    EXPECT_TRUE(e["at"].is_number_integer());
    // Published in sequence order; one event on several topics shares its seq.
    EXPECT_GE(p.seq, previous_seq);
    previous_seq = p.seq;
    // prev is the previous seq on the same topic.
    EXPECT_EQ(e["prev"], last_on[p.topic]);
    EXPECT_LT(last_on[p.topic], p.seq);
    last_on[p.topic] = p.seq;
    seqs.insert(p.seq);
    auto [it, fresh] = first_of_seq.emplace(p.seq, e);
    if (!fresh) {
      EXPECT_EQ(e["type"], it->second["type"]);
      EXPECT_EQ(e["at"], it->second["at"]);
      EXPECT_EQ(e["body"], it->second["body"]);
    }
  }
  // Seeding wrote the log's first event ("store.seeded", on no topic); from there on,
  // every seq up to the last was published: no gaps.
  EXPECT_EQ(seeded, 1);
  EXPECT_EQ(hub.store().events_since(0, 1).at(0).type, "store.seeded");
  EXPECT_EQ(seqs.size(), static_cast<std::size_t>(last - seeded));
  EXPECT_EQ(*seqs.begin(), seeded + 1);
  EXPECT_EQ(*seqs.rbegin(), last);
  EXPECT_EQ(store_heads(hub), last_on);

  // The log holds exactly what was published, with the same prevs.
  auto logged = hub.store().events_since(0, topic_list(last_on), 100'000);
  std::vector<std::tuple<std::int64_t, std::string, std::int64_t>> from_log, from_pub;
  for (const auto& e : logged) from_log.emplace_back(e.event.sequence, e.topic, e.prev);
  for (const auto& p : all)
    from_pub.emplace_back(p.seq, p.topic, Json::parse(p.body)["prev"].get<std::int64_t>());
  std::sort(from_pub.begin(), from_pub.end());
  EXPECT_EQ(from_log, from_pub);

  // Every kind of change left its mark.
  std::set<std::string> types;
  for (const auto& [seq, e] : first_of_seq) types.insert(e["type"]);
  for (const char* type : {"staff.logged_in", "item.86",
                           "stock.changed",   "check.opened",
                           "line.added",      "check.sent",
                           "ticket.created",  "ticket.acknowledged",
                           "ticket.bumped",   "station.not_acknowledged",
                           "ticket.served",   "lines.ready",
                           "lines.served",    "course.fired",
                           "ticket.fired",    "ticket.item_bumped",
                           "ticket.rush",     "line.voided",
                           "ticket.changed",  "payment.taken",
                           "check.closed",    "staff.logged_out"})
    EXPECT_TRUE(types.count(type)) << type;
}

TEST_F(Events, ATicketForTwoStationsIsPublishedOnEachWithTheSameSeq) {
  ASSERT_TRUE(floor.login(kServerPin).ok());
  std::int64_t check = open_table(floor, "7");
  add_item(floor, check, "fries");  // fryer
  Reply first = call(floor, "send", {{"check_id", check}});
  ASSERT_TRUE(first.ok());
  std::int64_t fryer_head = first.publications.back().seq;
  add_item(floor, check, "steak-frites", {{"modifiers", {"temp-rare"}}});  // grill and fryer
  Reply both = call(floor, "send", {{"check_id", check}});
  ASSERT_TRUE(both.ok());

  std::vector<Json> created;
  for (const auto& e : published(both.publications))
    if (e["type"] == "ticket.created") created.push_back(e);
  ASSERT_EQ(created.size(), 2u);
  EXPECT_EQ(created[0]["topic"], "ticket.grill");
  EXPECT_EQ(created[1]["topic"], "ticket.fryer");
  EXPECT_EQ(created[0]["seq"], created[1]["seq"]);
  EXPECT_EQ(created[0]["body"], created[1]["body"]);
  EXPECT_EQ(created[0]["prev"], 0);           // the grill's first event
  EXPECT_EQ(created[1]["prev"], fryer_head);  // the fryer's previous ticket
  EXPECT_EQ(created[0]["body"]["ticket"]["addition"], true);

  // Its bump is seen by both stations as well, each chained to its own previous event.
  std::int64_t ticket = both.result()["ticket_ids"][0];
  Reply bumped = call(grill, "bump", {{"ticket_id", ticket}, {"station", "grill"}});
  ASSERT_TRUE(bumped.ok());
  auto events = published(bumped.publications);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["topic"], "ticket.grill");
  EXPECT_EQ(events[1]["topic"], "ticket.fryer");
  EXPECT_EQ(events[0]["seq"], events[1]["seq"]);
  EXPECT_EQ(events[0]["prev"], created[0]["seq"]);
  EXPECT_EQ(events[1]["prev"], created[1]["seq"]);
}

// A kitchen tap's event and reply carry the ticket's progress, not the whole ticket; the
// bump that makes a ticket ready carries its lines' new states, and its check's
// lines.ready follows it.
TEST_F(Events, KitchenTapsCarryTheTicketsProgress) {
  ASSERT_TRUE(floor.login(kServerPin).ok());
  std::int64_t check = open_table(floor, "7");
  std::int64_t fries = add_item(floor, check, "fries");
  std::int64_t ticket = send_check(floor, check).at(0);

  Reply acked = call(grill, "ack_ticket", {{"ticket_id", ticket}, {"station", "fryer"}});
  ASSERT_TRUE(acked.ok()) << acked.message();
  auto events = published(acked.publications);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["type"], "ticket.acknowledged");
  EXPECT_FALSE(events[0]["body"].contains("ticket"));
  Json progress = events[0]["body"]["progress"];
  EXPECT_EQ(progress["id"], ticket);
  EXPECT_EQ(progress["check_id"], check);
  EXPECT_EQ(progress["status"], "open");
  EXPECT_FALSE(progress["stations"][0]["acknowledged_at"].is_null());
  EXPECT_EQ(progress["lines"], Json::array());

  Reply bumped = call(grill, "bump", {{"ticket_id", ticket}, {"station", "fryer"}});
  ASSERT_TRUE(bumped.ok()) << bumped.message();
  events = published(bumped.publications);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["type"], "ticket.bumped");
  EXPECT_EQ(events[1]["type"], "lines.ready");
  progress = events[0]["body"]["progress"];
  EXPECT_EQ(progress["status"], "ready");
  EXPECT_EQ(progress["lines"],
            Json::parse(R"([{"line_id":)" + std::to_string(fries) + R"(,"state":"ready"}])"));
  EXPECT_EQ(bumped.result()["progress"], progress);
  EXPECT_EQ(bumped.result()["ticket_id"], ticket);
  // What the progress says is what the hub has: the ticket in get_check.
  Json whole = call(floor, "get_check", {{"check_id", check}}).result()["tickets"][0];
  EXPECT_EQ(whole["status"], progress["status"]);
  EXPECT_EQ(whole["stations"], progress["stations"]);
  EXPECT_EQ(whole["lines"][0]["state"], "ready");
}

TEST_F(Events, RefusedCommandsPublishNothingAndAppendNothing) {
  run_an_evening();
  ASSERT_FALSE(HasFailure());
  ASSERT_TRUE(floor.login(kServerPin).ok());
  all.clear();
  const std::int64_t last = hub.service().last_sequence();
  const auto heads = store_heads(hub);
  const auto logged = hub.store().events_since(0, topic_list(heads), 100'000).size();

  EXPECT_EQ(call(floor, "add_line", {{"check_id", table12}, {"item_id", "salmon"}}).code(),
            "item_86");
  EXPECT_EQ(call(floor, "add_line", {{"check_id", table3}, {"item_id", "fries"}}).code(),
            "check_closed");
  EXPECT_EQ(call(floor, "send", {{"check_id", table12}}).code(), "nothing_to_send");
  EXPECT_EQ(call(floor, "eighty_six", {{"item_id", "fries"}}).code(), "forbidden");
  EXPECT_EQ(
      call(floor, "discount", {{"check_id", table12}, {"kind", "comp"}, {"reason", "x"}}, "0000")
          .code(),
      "wrong_pin");
  EXPECT_EQ(call(floor, "pay", {{"check_id", table12}, {"tender", "card"}, {"amount", 1.5}}).code(),
            "bad_request");
  EXPECT_EQ(call(floor, "fly_to_the_moon").code(), "unknown_command");
  EXPECT_EQ(call(fryer, "bump", {{"ticket_id", 999}, {"station", "fryer"}}).code(), "not_found");
  EXPECT_EQ(call(floor, "login", {{"pin", "90210"}}).code(), "wrong_pin");
  EXPECT_EQ(hub.raw("{not json").code(), "bad_json");

  EXPECT_TRUE(all.empty());
  EXPECT_EQ(hub.service().last_sequence(), last);
  EXPECT_EQ(store_heads(hub), heads);
  EXPECT_EQ(hub.store().events_since(0, topic_list(heads), 100'000).size(), logged);
}

// [SECTION] snapshot

TEST_F(Events, SnapshotHeadsAreTheNewestSeqPerTopic) {
  run_an_evening();
  ASSERT_FALSE(HasFailure());
  Device kds(hub, "kds-new");
  Reply snap = kds.call("snapshot", {{"topics", {"check", "menu", "ticket.", "alert"}}});
  ASSERT_TRUE(snap.ok()) << snap.message();
  EXPECT_EQ(snap.result()["seq"], hub.service().last_sequence());
  EXPECT_EQ(snap.result()["heads"], heads_json(heads_of(all)));
  EXPECT_EQ(snap.result()["heads"], heads_json(store_heads(hub)));
  EXPECT_TRUE(snap.publications.empty());
  // A snapshot is a read: it appends nothing and keeps no reply.
  EXPECT_FALSE(hub.store().find_reply(kds.last_id()).has_value());
}

TEST_F(Events, SnapshotCarriesOpenChecksOnlyWhenCheckIsSubscribed) {
  run_an_evening();
  ASSERT_FALSE(HasFailure());
  Device d(hub, "kds-new");
  Reply with = d.call("snapshot", {{"topics", {"check"}}});
  ASSERT_TRUE(with.ok());
  ASSERT_EQ(with.result()["checks"].size(), 1u);  // table 3 is closed
  EXPECT_EQ(with.result()["checks"][0]["id"], table12);
  EXPECT_TRUE(with.result()["tickets"].empty());

  for (Json topics : {Json::array({"menu"}), Json::array({"ticket.grill"}), Json::array()}) {
    Reply without = d.call("snapshot", {{"topics", topics}});
    ASSERT_TRUE(without.ok()) << without.message();
    EXPECT_TRUE(without.result()["checks"].empty()) << topics.dump();
    // The menu, the 86 list and the floor come whatever the topics.
    EXPECT_FALSE(without.result()["menu"]["items"].empty());
    EXPECT_FALSE(without.result()["stock"].empty());
    EXPECT_EQ(without.result()["heads"], with.result()["heads"]);
  }
}

TEST_F(Events, SnapshotCarriesOnlyTheTicketsOfTheSubscribedStations) {
  ASSERT_TRUE(floor.login(kServerPin).ok());
  std::int64_t a = open_table(floor, "1");
  add_item(floor, a, "steak-frites", {{"modifiers", {"temp-rare"}}});  // grill + fryer
  add_item(floor, a, "cheesecake");                                    // pastry, held
  auto a_tickets = send_check(floor, a, {{"hold", {"dessert"}}});
  std::int64_t b = open_table(floor, "2");
  add_item(floor, b, "oysters");  // cold
  auto b_tickets = send_check(floor, b);
  std::int64_t c = open_table(floor, "4");
  add_item(floor, c, "beer-ipa");  // bar, then served: no longer open
  auto c_tickets = send_check(floor, c);
  ASSERT_TRUE(bar.call("bump", {{"ticket_id", c_tickets[0]}, {"station", "bar"}}).ok());
  ASSERT_TRUE(expo.call("serve", {{"ticket_id", c_tickets[0]}}).ok());

  auto ticket_ids = [&](Json topics) {
    Reply r = grill.call("snapshot", {{"topics", topics}});
    EXPECT_TRUE(r.ok()) << r.message();
    std::vector<std::int64_t> ids;
    for (const auto& t : r.result()["tickets"]) ids.push_back(t["id"]);
    return ids;
  };
  using Ids = std::vector<std::int64_t>;
  EXPECT_EQ(ticket_ids({"ticket.grill"}), (Ids{a_tickets[0]}));
  EXPECT_EQ(ticket_ids({"ticket.fryer"}), (Ids{a_tickets[0]}));
  EXPECT_EQ(ticket_ids({"ticket.pastry"}), (Ids{a_tickets[1]}));  // held, shown as held
  EXPECT_EQ(ticket_ids({"ticket.cold", "ticket.grill"}), (Ids{a_tickets[0], b_tickets[0]}));
  EXPECT_EQ(ticket_ids({"ticket.bar"}), Ids{});  // served
  EXPECT_EQ(ticket_ids({"ticket."}), (Ids{a_tickets[0], a_tickets[1], b_tickets[0]}));
  EXPECT_EQ(ticket_ids({"check", "menu"}), Ids{});
  EXPECT_EQ(ticket_ids({"ticket.saute"}), Ids{});
}

// [SECTION] catching up

TEST_F(Events, EventsSinceReturnsExactlyTheMissedEventsWithTheirPrevs) {
  run_an_evening();
  ASSERT_FALSE(HasFailure());
  const std::int64_t last = hub.service().last_sequence();
  Device d(hub, "kds-late");
  for (std::int64_t after : {std::int64_t{0}, last / 3, last / 2, last - 1, last}) {
    for (Json topics : {Json::array({"check"}), Json::array({"ticket.grill", "ticket.fryer"}),
                        Json::array({"menu", "alert", "staff"})}) {
      SCOPED_TRACE("after " + std::to_string(after) + " " + topics.dump());
      Json expected = Json::array();
      for (const auto& p : all) {
        Json e = Json::parse(p.body);
        if (p.seq > after && std::find(topics.begin(), topics.end(), Json(p.topic)) != topics.end())
          expected.push_back(e);
      }
      // In seq order; one event on several topics comes once per topic, by topic name.
      std::sort(expected.begin(), expected.end(), [](const Json& x, const Json& y) {
        return std::pair(x["seq"].get<std::int64_t>(), x["topic"].get<std::string>()) <
               std::pair(y["seq"].get<std::int64_t>(), y["topic"].get<std::string>());
      });
      Reply r = d.call("events_since", {{"after", after}, {"topics", topics}, {"limit", 1000}});
      ASSERT_TRUE(r.ok()) << r.message();
      EXPECT_EQ(r.result()["events"], expected);
      EXPECT_EQ(r.result()["more"], false);
      EXPECT_EQ(r.result()["seq"], last);
    }
  }
}

// A client pages by asking again after the last seq it got. A page must therefore never
// end in the middle of an event that is on several of the asked topics.
TEST_F(Events, EventsSincePagesWithMoreAndLosesNothingBetweenPages) {
  run_an_evening();
  ASSERT_FALSE(HasFailure());
  Device d(hub, "kds-expo-2");
  for (Json topics :
       {Json::array({"check"}),
        Json::array({"ticket.bar", "ticket.cold", "ticket.fryer", "ticket.grill", "ticket.saute"}),
        Json::array({"check", "menu", "ticket.grill", "ticket.saute", "alert"})}) {
    Json whole = d.call("events_since", {{"after", 0}, {"topics", topics}, {"limit", 1000}})
                     .result()["events"];
    ASSERT_GT(whole.size(), 4u);
    for (int limit : {1, 2, 3, 7}) {
      SCOPED_TRACE("limit " + std::to_string(limit) + " " + topics.dump());
      Json paged = Json::array();
      std::int64_t after = 0;
      int pages = 0;
      for (bool more = true; more && pages < 1000; ++pages) {
        Reply r = d.call("events_since", {{"after", after}, {"topics", topics}, {"limit", limit}});
        ASSERT_TRUE(r.ok()) << r.message();
        const Json& events = r.result()["events"];
        more = r.result()["more"].get<bool>();
        if (more) {
          ASSERT_FALSE(events.empty());
        }
        for (const auto& e : events) paged.push_back(e);
        if (!events.empty()) after = events.back()["seq"].get<std::int64_t>();
      }
      EXPECT_EQ(paged, whole);
      EXPECT_GT(pages, 1);
    }
  }
}

// Topics in events_since are exact names: a prefix, as a SUB socket takes, matches nothing.
TEST_F(Events, EventsSinceTakesExactTopicNames) {
  run_an_evening();
  ASSERT_FALSE(HasFailure());
  Reply r = expo.call("events_since", {{"after", 0}, {"topics", {"ticket.", "tick", ""}}});
  ASSERT_TRUE(r.ok()) << r.message();
  EXPECT_EQ(r.result()["events"], Json::array());
  EXPECT_EQ(r.result()["more"], false);
}

TEST_F(Events, EventsSinceRefusesNonsense) {
  Device d(hub, "kds-x");
  EXPECT_EQ(d.call("events_since", {{"after", -1}, {"topics", {"check"}}}).code(), "bad_request");
  EXPECT_EQ(d.call("events_since", {{"topics", {"check"}}}).code(), "bad_request");
  EXPECT_EQ(d.call("events_since", {{"after", 0}}).code(), "bad_request");
  EXPECT_EQ(d.call("events_since", {{"after", 0}, {"topics", {"check"}}, {"limit", 0}}).code(),
            "bad_request");
  EXPECT_EQ(d.call("events_since", {{"after", 0}, {"topics", {"check"}}, {"limit", 1001}}).code(),
            "bad_request");
}

// [SECTION] heartbeat

TEST_F(Events, HeartbeatCarriesSeqAndHeads) {
  Publication empty = hub.service().heartbeat(hub.now);
  EXPECT_EQ(empty.topic, "hub");
  EXPECT_EQ(empty.seq, seeded);
  EXPECT_EQ(Json::parse(empty.body),
            (Json{{"type", "heartbeat"},
                  {"seq", seeded},
                  {"at", hub.now},
                  {"heads", Json::object()},
                  {"development", true}}));  // this test hub has no CURVE keys: every beat says so

  run_an_evening();
  ASSERT_FALSE(HasFailure());
  hub.now += 60'000;
  Publication beat = hub.service().heartbeat(hub.now);
  Json body = Json::parse(beat.body);
  EXPECT_EQ(beat.topic, "hub");
  EXPECT_EQ(beat.seq, hub.service().last_sequence());
  EXPECT_EQ(body["type"], "heartbeat");
  EXPECT_EQ(body["seq"], hub.service().last_sequence());
  EXPECT_EQ(body["at"], hub.now);
  EXPECT_EQ(body["heads"], heads_json(heads_of(all)));
  // Not an event: the log does not grow.
  EXPECT_EQ(hub.service().last_sequence(), beat.seq);
}

}  // namespace
