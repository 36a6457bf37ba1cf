// A ticket no station screen acknowledged in time: tick() raises one
// "station.not_acknowledged" on the alert topic per station and ticket, written to the
// event log; acknowledged stations, held tickets and served tickets raise nothing.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;
using brigade::service::Publication;

namespace {

brigade::service::ServiceOptions ack_after(std::int64_t ms) {
  brigade::service::ServiceOptions options;
  options.ack_timeout_ms = ms;
  return options;
}

class AckAlert : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(floor.login(kServerPin).ok()); }

  // Ticks at `at` and returns the alerts, parsed.
  std::vector<Json> tick(brigade::EpochMs at) {
    std::vector<Publication> out = hub.service().tick(at);
    for (const auto& p : out) {
      EXPECT_EQ(p.topic, "alert");
    }
    return published(out);
  }

  std::vector<std::string> audit;
  ServiceHub hub{audited_into(audit)};  // acknowledgements due within 5 s, the default
  Device floor{hub, "pos-1"}, bar{hub, "kds-bar"}, grill{hub, "kds-grill"}, fryer{hub, "kds-fryer"},
      expo{hub, "kds-expo"};
  const brigade::EpochMs t0 = hub.now;
};

TEST_F(AckAlert, AStationThatDoesNotAckInFiveSecondsIsAlertedOnce) {
  std::int64_t check = open_table(floor, "7");
  add_item(floor, check, "beer-ipa");
  std::int64_t ticket = send_check(floor, check).at(0);

  Json before = hub_state(hub);
  EXPECT_TRUE(tick(t0 + 4'999).empty());
  EXPECT_EQ(hub_state(hub), before);  // a tick with nothing due writes nothing

  std::vector<Json> alerts = tick(t0 + 5'000);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["type"], "station.not_acknowledged");
  EXPECT_EQ(alerts[0]["topic"], "alert");
  EXPECT_EQ(alerts[0]["prev"], 0);
  EXPECT_EQ(alerts[0]["at"], t0 + 5'000);
  EXPECT_EQ(alerts[0]["seq"], hub.service().last_sequence());
  EXPECT_EQ(alerts[0]["body"], (Json{{"ticket_id", ticket},
                                     {"check_id", check},
                                     {"label", "Table 7"},
                                     {"station", "bar"},
                                     {"waiting_ms", 5'000}}));
  EXPECT_EQ(audit.back(), "station 'bar' has not acknowledged ticket 1 after 5 s");

  // Only once, however long it goes on, and across a restart.
  EXPECT_TRUE(tick(t0 + 5'001).empty());
  EXPECT_TRUE(tick(t0 + 600'000).empty());
  hub.restart(ack_after(5'000));
  EXPECT_TRUE(tick(t0 + 1'200'000).empty());

  // The alert is in the event log, on its topic.
  auto logged = hub.store().events_since(0, {"alert"}, 100);
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].event.sequence, alerts[0]["seq"]);
  EXPECT_EQ(logged[0].event.type, "station.not_acknowledged");
  EXPECT_EQ(Json::parse(logged[0].event.body), alerts[0]["body"]);
  Reply since = bar.call("events_since", {{"after", 0}, {"topics", {"alert"}}});
  ASSERT_TRUE(since.ok());
  EXPECT_EQ(since.result()["events"], Json::array({alerts[0]}));
}

TEST_F(AckAlert, AStationThatAckedIsNeverAlerted) {
  std::int64_t check = open_table(floor, "7");
  add_item(floor, check, "steak-frites", {{"modifiers", {"temp-rare"}}});  // grill and fryer
  std::int64_t ticket = send_check(floor, check).at(0);
  hub.now = t0 + 1'000;
  ASSERT_TRUE(grill.call("ack_ticket", {{"ticket_id", ticket}, {"station", "grill"}}).ok());

  std::vector<Json> alerts = tick(t0 + 5'000);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["body"]["station"], "fryer");

  // The fryer acknowledges late; nobody is alerted again.
  hub.now = t0 + 9'000;
  ASSERT_TRUE(fryer.call("ack_ticket", {{"ticket_id", ticket}, {"station", "fryer"}}).ok());
  EXPECT_TRUE(tick(t0 + 3'600'000).empty());
}

TEST_F(AckAlert, StationsThatAckedOrBumpedInTimeRaiseNothing) {
  std::int64_t check = open_table(floor, "7");
  add_item(floor, check, "steak-frites", {{"modifiers", {"temp-rare"}}});
  add_item(floor, check, "oysters");  // cold
  std::int64_t ticket = send_check(floor, check).at(0);
  hub.now = t0 + 4'999;
  ASSERT_TRUE(grill.call("ack_ticket", {{"ticket_id", ticket}, {"station", "grill"}}).ok());
  ASSERT_TRUE(fryer.call("ack_ticket", {{"ticket_id", ticket}, {"station", "fryer"}}).ok());
  // A bump without an ack (the screen showed it, the cook was quick) counts as seen.
  ASSERT_TRUE(fryer.call("bump", {{"ticket_id", ticket}, {"station", "cold"}}).ok());
  Json before = hub_state(hub);
  EXPECT_TRUE(tick(t0 + 5'000).empty());
  EXPECT_TRUE(tick(t0 + 3'600'000).empty());
  EXPECT_EQ(hub_state(hub), before);
}

TEST_F(AckAlert, HeldTicketsRaiseNothingUntilFired) {
  std::int64_t check = open_table(floor, "7");
  add_item(floor, check, "classic-burger", {{"modifiers", {"temp-medium"}}});
  auto tickets = send_check(floor, check, {{"hold", {"mains"}}});
  ASSERT_EQ(tickets.size(), 1u);
  EXPECT_TRUE(tick(t0 + 5'000).empty());
  EXPECT_TRUE(tick(t0 + 3'600'000).empty());

  const brigade::EpochMs fired_at = t0 + 3'600'000;
  hub.now = fired_at;
  ASSERT_TRUE(floor.call("fire", {{"check_id", check}, {"course", "mains"}}).ok());
  EXPECT_TRUE(tick(fired_at + 4'999).empty());
  std::vector<Json> alerts = tick(fired_at + 5'000);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0]["body"]["ticket_id"], tickets[0]);
  EXPECT_EQ(alerts[0]["body"]["station"], "grill");
  EXPECT_EQ(alerts[0]["body"]["waiting_ms"], 5'000);  // counted from the fire
}

TEST_F(AckAlert, ServedTicketsRaiseNothing) {
  std::int64_t check = open_table(floor, "7");
  add_item(floor, check, "beer-ipa");
  std::int64_t ticket = send_check(floor, check).at(0);
  hub.now = t0 + 2'000;
  ASSERT_TRUE(bar.call("bump", {{"ticket_id", ticket}, {"station", "bar"}}).ok());
  ASSERT_TRUE(expo.call("serve", {{"ticket_id", ticket}}).ok());
  EXPECT_TRUE(tick(t0 + 3'600'000).empty());
}

TEST_F(AckAlert, EveryLateTicketAndStationIsAlertedWithItsLabel) {
  Reply tab = floor.call("open_check", {{"channel", "bar_tab"}, {"tab_name", "Dana"}});
  ASSERT_TRUE(tab.ok());
  std::int64_t tab_id = tab.result()["check_id"];
  add_item(floor, tab_id, "beer-stout");
  std::int64_t tab_ticket = send_check(floor, tab_id).at(0);
  hub.now = t0 + 2'000;
  Reply pickup = floor.call("open_check", {{"channel", "takeout"}, {"customer_name", "Lee"}});
  ASSERT_TRUE(pickup.ok());
  std::int64_t pickup_id = pickup.result()["check_id"];
  add_item(floor, pickup_id, "fish-and-chips");  // fryer
  add_item(floor, pickup_id, "caesar");          // cold
  std::int64_t pickup_ticket = send_check(floor, pickup_id).at(0);

  std::vector<Json> first = tick(t0 + 5'000);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0]["body"]["label"], "Tab: Dana");
  EXPECT_EQ(first[0]["body"]["ticket_id"], tab_ticket);

  std::vector<Json> second = tick(t0 + 7'500);
  ASSERT_EQ(second.size(), 2u);
  for (const auto& a : second) {
    EXPECT_EQ(a["body"]["label"], "Pickup: Lee");
    EXPECT_EQ(a["body"]["ticket_id"], pickup_ticket);
    EXPECT_EQ(a["body"]["waiting_ms"], 5'500);
  }
  EXPECT_EQ(second[0]["body"]["station"], "fryer");
  EXPECT_EQ(second[1]["body"]["station"], "cold");
  // Each alert is its own event, chained on the alert topic.
  EXPECT_EQ(second[0]["prev"], first[0]["seq"]);
  EXPECT_EQ(second[1]["prev"], second[0]["seq"]);
  EXPECT_EQ(second[1]["seq"], second[0]["seq"].get<std::int64_t>() + 1);
}

TEST_F(AckAlert, TheTimeoutIsAnOption) {
  hub.restart(ack_after(20'000));
  std::int64_t check = open_table(floor, "7");
  add_item(floor, check, "beer-ipa");
  send_check(floor, check);
  EXPECT_TRUE(tick(t0 + 19'999).empty());
  EXPECT_EQ(tick(t0 + 20'000).size(), 1u);
}

}  // namespace
