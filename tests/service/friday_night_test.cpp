// The Friday-night script of RESTAURANT.md, front of house and kitchen, against the
// service over a real store file.
#include <gtest/gtest.h>

#include "hub_fixture.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

Json line_of(const Json& check, std::int64_t line_id) {
  for (const auto& l : check["lines"])
    if (l["id"] == line_id) return l;
  return nullptr;
}

std::vector<std::string> topics_of(const Reply& r, const std::string& type) {
  std::vector<std::string> topics;
  for (const auto& p : r.publications)
    if (Json::parse(p.body)["type"] == type) topics.push_back(p.topic);
  return topics;
}

}  // namespace

TEST(FridayNight, TheWholeServiceOfTable12) {
  ServiceHub hub;
  Device office(hub, "pos-office"), floor(hub, "pos-1"), grill(hub, "kds-grill"),
      expo(hub, "kds-expo"), fryer(hub, "kds-fryer"), bar(hub, "kds-bar");

  // 17:00 the manager 86's the salmon and counts the short rib.
  ASSERT_TRUE(office.login(kManagerPin).ok());
  Reply salmon = office.call("eighty_six", {{"item_id", "salmon"}});
  ASSERT_TRUE(salmon.ok()) << salmon.message();
  EXPECT_EQ(topics_of(salmon, "item.86"), std::vector<std::string>{"menu"});
  ASSERT_TRUE(office.call("set_stock", {{"item_id", "short-rib"}, {"remaining", 12}}).ok());

  // 19:30 table 12, four guests.
  ASSERT_TRUE(floor.login(kServerPin).ok());
  Reply opened =
      floor.call("open_check", {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 4}});
  ASSERT_TRUE(opened.ok()) << opened.message();
  std::int64_t check = opened.result()["check_id"];

  Reply no_salmon =
      floor.call("add_line", {{"check_id", check}, {"item_id", "salmon"}, {"seat", 1}});
  EXPECT_EQ(no_salmon.code(), "item_86");

  // Drinks for seats 1-4, sent: the bar gets a ticket.
  for (int seat = 1; seat <= 4; ++seat)
    ASSERT_TRUE(
        floor.call("add_line", {{"check_id", check}, {"item_id", "beer-ipa"}, {"seat", seat}})
            .ok());
  Reply drinks = floor.call("send", {{"check_id", check}});
  ASSERT_TRUE(drinks.ok()) << drinks.message();
  EXPECT_EQ(topics_of(drinks, "ticket.created"), std::vector<std::string>{"ticket.bar"});
  std::int64_t drinks_ticket = drinks.result()["ticket_ids"][0];

  // Apps for seats 1 and 3; mains for everyone, medium rare, held.
  ASSERT_TRUE(
      floor.call("add_line", {{"check_id", check}, {"item_id", "calamari"}, {"seat", 1}}).ok());
  ASSERT_TRUE(
      floor.call("add_line", {{"check_id", check}, {"item_id", "oysters"}, {"seat", 3}}).ok());
  Reply unanswered =
      floor.call("add_line", {{"check_id", check}, {"item_id", "classic-burger"}, {"seat", 1}});
  EXPECT_EQ(unanswered.code(), "forced_modifier_missing");
  std::vector<std::int64_t> burgers;
  for (int seat = 1; seat <= 3; ++seat) {
    Reply b = floor.call("add_line", {{"check_id", check},
                                      {"item_id", "classic-burger"},
                                      {"seat", seat},
                                      {"modifiers", {"temp-medium-rare"}}});
    ASSERT_TRUE(b.ok()) << b.message();
    burgers.push_back(b.result()["line_id"]);
  }
  Reply rib = floor.call("add_line", {{"check_id", check}, {"item_id", "short-rib"}, {"seat", 4}});
  ASSERT_TRUE(rib.ok());
  EXPECT_EQ(topics_of(rib, "stock.changed"), std::vector<std::string>{"menu"});

  Reply apps = floor.call("send", {{"check_id", check}, {"hold", {"mains"}}});
  ASSERT_TRUE(apps.ok()) << apps.message();
  ASSERT_EQ(apps.result()["ticket_ids"].size(), 2u);
  std::int64_t apps_ticket = apps.result()["ticket_ids"][0];
  std::int64_t mains_ticket = apps.result()["ticket_ids"][1];
  auto created = topics_of(apps, "ticket.created");
  EXPECT_NE(std::find(created.begin(), created.end(), "ticket.fryer"), created.end());
  EXPECT_NE(std::find(created.begin(), created.end(), "ticket.cold"), created.end());
  EXPECT_NE(std::find(created.begin(), created.end(), "ticket.grill"),
            created.end());  // held mains

  // Apps bumped at each station, then at expo: the terminal sees them served.
  ASSERT_TRUE(bar.call("bump", {{"ticket_id", drinks_ticket}, {"station", "bar"}}).ok());
  ASSERT_TRUE(fryer.call("bump", {{"ticket_id", apps_ticket}, {"station", "fryer"}}).ok());
  Reply cold = fryer.call("bump", {{"ticket_id", apps_ticket}, {"station", "cold"}});
  ASSERT_TRUE(cold.ok()) << cold.message();
  EXPECT_EQ(cold.result()["progress"]["status"], "ready");
  Reply served = expo.call("serve", {{"ticket_id", apps_ticket}});
  ASSERT_TRUE(served.ok()) << served.message();
  EXPECT_FALSE(topics_of(served, "lines.served").empty());
  Reply at_floor = floor.call("get_check", {{"check_id", check}});
  for (const auto& l : at_floor.result()["check"]["lines"]) {
    if (l["course"] == "apps") {
      EXPECT_EQ(l["state"], "served") << l.dump();
    }
  }

  // Mains fired: the grill's ticket opens; one short rib less.
  Reply fired = floor.call("fire", {{"check_id", check}, {"course", "mains"}});
  ASSERT_TRUE(fired.ok()) << fired.message();
  EXPECT_EQ(fired.result()["ticket_ids"], Json::array({mains_ticket}));
  Reply menu = floor.call("get_menu");
  for (const auto& s : menu.result()["stock"]) {
    if (s["item_id"] == "short-rib") {
      EXPECT_EQ(s["remaining"], 11);
    }
  }

  // Seat 2 changes burger to salad after the send: a void with a manager's PIN.
  Reply refused = floor.call(
      "void_line",
      {{"check_id", check}, {"line_id", burgers[1]}, {"reason", "guest changed to salad"}});
  EXPECT_EQ(refused.code(), "forbidden");
  Reply voided = floor.call(
      "void_line",
      {{"check_id", check}, {"line_id", burgers[1]}, {"reason", "guest changed to salad"}},
      kManagerPin);
  ASSERT_TRUE(voided.ok()) << voided.message();
  EXPECT_EQ(line_of(voided.result()["check"], burgers[1])["state"], "voided");
  EXPECT_EQ(line_of(voided.result()["check"], burgers[1])["voided_by"], "dana");
  // The mains ticket (grill and saute) shows the void to both its stations.
  EXPECT_EQ(topics_of(voided, "ticket.changed"),
            (std::vector<std::string>{"ticket.grill", "ticket.saute"}));
  ASSERT_TRUE(
      floor.call("add_line", {{"check_id", check}, {"item_id", "caesar"}, {"seat", 2}}).ok());
  Reply salad = floor.call("send", {{"check_id", check}});
  ASSERT_TRUE(salad.ok());
  std::int64_t salad_ticket = salad.result()["ticket_ids"][0];
  Reply salad_view = floor.call("get_check", {{"check_id", check}});
  for (const auto& t : salad_view.result()["tickets"]) {
    if (t["id"] == salad_ticket) {
      EXPECT_TRUE(t["addition"].get<bool>());
    }
  }

  // Mains and salad cooked and served.
  ASSERT_TRUE(grill.call("bump", {{"ticket_id", mains_ticket}, {"station", "grill"}}).ok());
  ASSERT_TRUE(grill.call("bump", {{"ticket_id", mains_ticket}, {"station", "saute"}}).ok());
  ASSERT_TRUE(expo.call("serve", {{"ticket_id", mains_ticket}}).ok());
  ASSERT_TRUE(fryer.call("bump", {{"ticket_id", salad_ticket}, {"station", "cold"}}).ok());
  ASSERT_TRUE(expo.call("serve", {{"ticket_id", salad_ticket}}).ok());

  // Split by seat: four payments, two cards with tips, one cash with change, one card
  // declined (never recorded) and then paid.
  Reply split = floor.call("split", {{"check_id", check}, {"kind", "by_seat"}});
  ASSERT_TRUE(split.ok()) << split.message();
  Json parts = split.result()["check"]["split"]["part_totals"];
  ASSERT_EQ(parts.size(), 4u);
  std::int64_t sum = 0;
  for (const auto& p : parts) sum += p["total"].get<std::int64_t>();
  EXPECT_EQ(sum, split.result()["check"]["totals"]["total"].get<std::int64_t>());

  auto part_total = [&](int part) { return parts[part - 1]["total"].get<std::int64_t>(); };
  ASSERT_TRUE(floor
                  .call("pay", {{"check_id", check},
                                {"tender", "card"},
                                {"amount", part_total(1)},
                                {"tip", 500},
                                {"part", 1},
                                {"reference", "AUTH-1"}})
                  .ok());
  ASSERT_TRUE(floor
                  .call("pay", {{"check_id", check},
                                {"tender", "card"},
                                {"amount", part_total(2)},
                                {"tip", 400},
                                {"part", 2}})
                  .ok());
  Reply cash =
      floor.call("pay", {{"check_id", check}, {"tender", "cash"}, {"amount", 10000}, {"part", 3}});
  ASSERT_TRUE(cash.ok()) << cash.message();
  EXPECT_EQ(cash.result()["change"], 10000 - part_total(3));
  Reply early_close = floor.call("close_check", {{"check_id", check}});
  EXPECT_EQ(early_close.code(), "balance_due");
  ASSERT_TRUE(
      floor
          .call("pay",
                {{"check_id", check}, {"tender", "card"}, {"amount", part_total(4)}, {"part", 4}})
          .ok());
  Reply closed = floor.call("close_check", {{"check_id", check}});
  ASSERT_TRUE(closed.ok()) << closed.message();
  EXPECT_EQ(closed.result()["check"]["status"], "closed");
  EXPECT_EQ(closed.result()["check"]["totals"]["balance"], 0);
  EXPECT_EQ(closed.result()["check"]["totals"]["tips"], 900);

  // A closed check can't change.
  EXPECT_EQ(floor.call("add_line", {{"check_id", check}, {"item_id", "fries"}}).code(),
            "check_closed");
}
