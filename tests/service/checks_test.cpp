// The front of house beyond the Friday-night script: transfers, moving lines, merges,
// splits by item and even, percent discounts, and two terminals on one check.
#include <gtest/gtest.h>

#include "hub_state.h"

using namespace brigade::testing;
using brigade::protocol::Json;

namespace {

class Checks : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(office.login(kManagerPin).ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
  }

  Json check_of(std::int64_t id) {
    Reply r = floor.call("get_check", {{"check_id", id}});
    EXPECT_TRUE(r.ok()) << r.json.dump();
    return r.ok() ? r.result()["check"] : Json();
  }
  std::int64_t total(const Json& check, const char* field = "total") {
    return check["totals"][field].get<std::int64_t>();
  }

  // The refusal has this code and message, and nothing changed.
  void expect_refused(Device& d, std::string_view type, const Json& args, const std::string& code,
                      const std::string& message) {
    Json before = hub_state(hub);
    Reply r = d.call(type, args);
    EXPECT_EQ(r.code(), code) << type << " " << args.dump();
    EXPECT_EQ(r.message(), message) << type << " " << args.dump();
    EXPECT_EQ(hub_state(hub), before);
  }

  ServiceHub hub;
  Device office{hub, "pos-office"}, floor{hub, "pos-1"};
};

// [SECTION] what a line says

// docs/protocol.md once said line.stations includes expo: it is the item's routing as the
// menu gives it, and the sample menu routes no item to expo (expo sees every line anyway).
TEST_F(Checks, ALineListsTheStationsTheMenuRoutesItsItemTo) {
  std::int64_t check = open_table(floor, "5");
  std::int64_t steak = add_item(floor, check, "steak-frites", {{"modifiers", {"temp-medium"}}});
  std::int64_t burger = add_item(floor, check, "classic-burger", {{"modifiers", {"temp-rare"}}});
  Json view = check_of(check);
  EXPECT_EQ(line_on(view, steak)["stations"], Json::array({"grill", "fryer"}));
  EXPECT_EQ(line_on(view, burger)["stations"], Json::array({"grill"}));
  send_check(floor, check);
  Reply tickets = floor.call("get_check", {{"check_id", check}});
  for (const auto& line : tickets.result()["tickets"][0]["lines"])
    for (const auto& station : line["stations"]) EXPECT_NE(station, "expo");
}

// [SECTION] transfer

TEST_F(Checks, TransferMovesACheckToAnotherTableOrServer) {
  std::int64_t check = open_table(floor, "5");
  add_item(floor, check, "fries");
  std::int64_t ticket = send_check(floor, check).at(0);

  Reply moved = floor.call("transfer", {{"check_id", check}, {"table_id", "14"}});
  ASSERT_TRUE(moved.ok()) << moved.message();
  EXPECT_EQ(moved.result()["check"]["table_id"], "14");
  EXPECT_EQ(moved.result()["check"]["label"], "Table 14");
  EXPECT_EQ(types_published(moved), std::vector<std::string>{"check.transferred"});

  Reply handed = floor.call("transfer", {{"check_id", check}, {"server_id", "priya"}});
  ASSERT_TRUE(handed.ok()) << handed.message();
  EXPECT_EQ(handed.result()["check"]["server_id"], "priya");
  // The kitchen's ticket names the check's server as it is now.
  Reply view = floor.call("get_check", {{"check_id", check}});
  EXPECT_EQ(view.result()["tickets"][0]["id"], ticket);
  EXPECT_EQ(view.result()["tickets"][0]["server"], "Priya Shah");
  EXPECT_EQ(view.result()["tickets"][0]["label"], "Table 14");

  Reply both =
      floor.call("transfer", {{"check_id", check}, {"table_id", "B3"}, {"server_id", "sam"}});
  ASSERT_TRUE(both.ok()) << both.message();
  EXPECT_EQ(both.result()["check"]["table_id"], "B3");
  EXPECT_EQ(both.result()["check"]["server_id"], "sam");
}

TEST_F(Checks, TransferRefusesWhatCannotBe) {
  std::int64_t check = open_table(floor, "5");
  expect_refused(floor, "transfer", {{"check_id", check}, {"table_id", "99"}}, "not_found",
                 "there is no table '99' on the floor plan");
  expect_refused(floor, "transfer", {{"check_id", check}, {"server_id", "tom"}}, "not_found",
                 "'tom' is not someone who takes orders");
  expect_refused(floor, "transfer", {{"check_id", check}, {"server_id", "alex"}}, "not_found",
                 "'alex' is not someone who takes orders");  // inactive
  expect_refused(floor, "transfer", {{"check_id", check}, {"server_id", "nobody"}}, "not_found",
                 "'nobody' is not someone who takes orders");
  expect_refused(floor, "transfer", {{"check_id", check}}, "bad_request",
                 "args.table_id or args.server_id is needed");
  expect_refused(floor, "transfer", {{"check_id", check}, {"table_id", ""}}, "bad_request",
                 "args.table_id must not be empty");
  Reply tab = floor.call("open_check", {{"channel", "bar_tab"}, {"tab_name", "Kim"}});
  ASSERT_TRUE(tab.ok());
  std::int64_t tab_id = tab.result()["check_id"];
  expect_refused(floor, "transfer", {{"check_id", tab_id}, {"table_id", "B1"}}, "invalid_argument",
                 "only a dine-in check sits at a table");
  // A tab may change hands, though.
  EXPECT_TRUE(floor.call("transfer", {{"check_id", tab_id}, {"server_id", "jess"}}).ok());
}

// [SECTION] moving lines

TEST_F(Checks, MoveLinesTakesTheLinesAndTheirDiscountsAndChangesNoMoney) {
  std::int64_t a = open_table(floor, "5", 2);
  std::int64_t burger =
      add_item(floor, a, "classic-burger", {{"modifiers", {"temp-medium"}}, {"seat", 1}});
  std::int64_t ticket = send_check(floor, a).at(0);
  std::int64_t fries = add_item(floor, a, "fries", {{"seat", 2}});
  std::int64_t beer = add_item(floor, a, "beer-ipa", {{"seat", 2}});
  ASSERT_TRUE(
      office
          .call("discount",
                {{"check_id", a}, {"line_id", fries}, {"kind", "comp"}, {"reason", "cold fries"}})
          .ok());
  ASSERT_TRUE(floor.call("split", {{"check_id", a}, {"kind", "by_seat"}}).ok());
  std::int64_t b = open_table(floor, "6", 1);
  add_item(floor, b, "soda", {{"modifiers", {"soda-coke"}}});
  const std::int64_t net_before = total(check_of(a), "net") + total(check_of(b), "net");

  Reply moved = floor.call("move_lines",
                           {{"from_check_id", a}, {"to_check_id", b}, {"line_ids", {fries, beer}}});
  ASSERT_TRUE(moved.ok()) << moved.message();
  EXPECT_EQ(types_published(moved),
            (std::vector<std::string>{"lines.moved_out", "lines.moved_in"}));
  auto events = published(moved.publications);
  EXPECT_EQ(events[0]["body"]["line_ids"], Json::array({fries, beer}));
  EXPECT_EQ(events[0]["body"]["to_check_id"], b);
  EXPECT_EQ(events[1]["body"]["from_check_id"], a);

  Json from = moved.result()["from"], to = moved.result()["to"];
  ASSERT_EQ(from["lines"].size(), 1u);
  EXPECT_EQ(from["lines"][0]["id"], burger);
  EXPECT_EQ(from["split"]["kind"], "none");  // the split named lines that left
  EXPECT_TRUE(from["discounts"].empty());
  ASSERT_EQ(to["lines"].size(), 3u);
  EXPECT_EQ(to["lines"][1]["id"], fries);
  EXPECT_EQ(to["lines"][2]["id"], beer);
  ASSERT_EQ(to["discounts"].size(), 1u);
  EXPECT_EQ(to["discounts"][0]["line_id"], fries);
  EXPECT_EQ(line_on(to, fries)["comp"], 700);
  EXPECT_EQ(total(from, "net") + total(to, "net"), net_before);

  // A sent line moves too; the kitchen's ticket still shows it.
  ASSERT_TRUE(
      floor.call("move_lines", {{"from_check_id", a}, {"to_check_id", b}, {"line_ids", {burger}}})
          .ok());
  Reply a_view = floor.call("get_check", {{"check_id", a}});
  EXPECT_TRUE(a_view.result()["check"]["lines"].empty());
  ASSERT_EQ(a_view.result()["tickets"].size(), 1u);
  EXPECT_EQ(a_view.result()["tickets"][0]["id"], ticket);
  ASSERT_EQ(a_view.result()["tickets"][0]["lines"].size(), 1u);
  EXPECT_EQ(a_view.result()["tickets"][0]["lines"][0]["line_id"], burger);
  EXPECT_EQ(a_view.result()["tickets"][0]["lines"][0]["name"], "Classic burger");
}

TEST_F(Checks, MoveLinesRefusesWhatCannotBe) {
  std::int64_t a = open_table(floor, "5");
  std::int64_t fries = add_item(floor, a, "fries");
  std::int64_t b = open_table(floor, "6");
  std::int64_t soda = add_item(floor, b, "soda", {{"modifiers", {"soda-coke"}}});
  expect_refused(floor, "move_lines",
                 {{"from_check_id", a}, {"to_check_id", a}, {"line_ids", {fries}}},
                 "invalid_argument", "lines can't move to their own check");
  expect_refused(floor, "move_lines",
                 {{"from_check_id", a}, {"to_check_id", b}, {"line_ids", {soda}}}, "line_not_found",
                 "line " + std::to_string(soda) + " is not on check 1");
  expect_refused(floor, "move_lines",
                 {{"from_check_id", a}, {"to_check_id", b}, {"line_ids", Json::array()}},
                 "bad_request", "args.line_ids must be a list of 1 to 200 ids");
  expect_refused(floor, "move_lines",
                 {{"from_check_id", a}, {"to_check_id", 99}, {"line_ids", {fries}}}, "not_found",
                 "no check with id 99");
  send_check(floor, b);
  Json due = check_of(b)["totals"]["total"];
  ASSERT_TRUE(floor.call("pay", {{"check_id", b}, {"tender", "card"}, {"amount", due}}).ok());
  expect_refused(floor, "move_lines",
                 {{"from_check_id", b}, {"to_check_id", a}, {"line_ids", {soda}}}, "has_payments",
                 "check 2 has taken payments; refund them before moving lines");
  ASSERT_TRUE(floor.call("close_check", {{"check_id", b}}).ok());
  expect_refused(floor, "move_lines",
                 {{"from_check_id", a}, {"to_check_id", b}, {"line_ids", {fries}}}, "check_closed",
                 "check 2 is closed: it can't change");
}

// [SECTION] merge

TEST_F(Checks, MergeBringsLinesDiscountsAndGuestsAcross) {
  std::int64_t a = open_table(floor, "5", 2);
  add_item(floor, a, "classic-burger", {{"modifiers", {"temp-medium"}}, {"seat", 1}});
  std::int64_t b = open_table(floor, "6", 3);
  std::int64_t wings = add_item(floor, b, "wings", {{"modifiers", {"wings-bbq"}}});
  add_item(floor, b, "beer-stout");
  ASSERT_TRUE(
      office
          .call("discount",
                {{"check_id", b}, {"kind", "amount"}, {"amount", 500}, {"reason", "waited long"}})
          .ok());
  ASSERT_TRUE(office
                  .call("discount", {{"check_id", b},
                                     {"line_id", wings},
                                     {"kind", "percent"},
                                     {"percent_bp", 5000},
                                     {"reason", "half off wings"}})
                  .ok());
  const Json a_before = check_of(a), b_before = check_of(b);

  Reply merged = floor.call("merge", {{"into_check_id", a}, {"from_check_id", b}});
  ASSERT_TRUE(merged.ok()) << merged.message();
  EXPECT_EQ(types_published(merged), (std::vector<std::string>{"check.merged", "lines.moved_in"}));
  auto events = published(merged.publications);
  EXPECT_EQ(events[0]["body"]["check"]["status"], "merged");
  EXPECT_EQ(events[0]["body"]["into_check_id"], a);
  EXPECT_EQ(events[1]["body"]["from_check_id"], b);

  Json into = merged.result()["check"];
  EXPECT_EQ(into["lines"].size(), 3u);
  EXPECT_EQ(into["discounts"].size(), 2u);
  EXPECT_EQ(into["guests"], 5);
  // An amount off and a line's percent come along exactly: the party pays the same net.
  EXPECT_EQ(total(into, "net"), total(a_before, "net") + total(b_before, "net"));
  EXPECT_EQ(total(into, "discounts"), total(b_before, "discounts"));

  Json gone = check_of(b);
  EXPECT_EQ(gone["status"], "merged");
  EXPECT_EQ(gone["merged_into"], a);
  EXPECT_EQ(gone["closed_at"], hub.now);
  EXPECT_TRUE(gone["lines"].empty());
  Reply open = floor.call("list_checks");
  ASSERT_EQ(open.result()["checks"].size(), 1u);
  EXPECT_EQ(open.result()["checks"][0]["id"], a);

  expect_refused(floor, "add_line", {{"check_id", b}, {"item_id", "fries"}}, "check_closed",
                 "check 2 is merged: it can't change");
  expect_refused(floor, "merge", {{"into_check_id", a}, {"from_check_id", b}}, "check_closed",
                 "check 2 is merged: it can't change");
  expect_refused(floor, "merge", {{"into_check_id", a}, {"from_check_id", a}}, "invalid_argument",
                 "a check can't merge into itself");
}

// [SECTION] splits

TEST_F(Checks, SplitByItemSharesALineEvenlyAndEveryPartPays) {
  std::int64_t check = open_table(floor, "5", 2);
  std::int64_t burger =
      add_item(floor, check, "classic-burger", {{"modifiers", {"temp-medium"}}, {"seat", 1}});
  std::int64_t beer = add_item(floor, check, "beer-ipa", {{"seat", 2}});
  std::int64_t fries = add_item(floor, check, "fries");
  send_check(floor, check);
  auto assignments = [&](Json fries_parts) {
    return Json{{std::to_string(burger), {1}},
                {std::to_string(beer), {2}},
                {std::to_string(fries), fries_parts}};
  };

  expect_refused(floor, "split",
                 {{"check_id", check},
                  {"kind", "by_item"},
                  {"parts", 2},
                  {"assignments", {{std::to_string(burger), {1}}, {std::to_string(beer), {2}}}}},
                 "invalid_split", "line " + std::to_string(fries) + " is not assigned to any part");
  expect_refused(floor, "split",
                 {{"check_id", check},
                  {"kind", "by_item"},
                  {"parts", 2},
                  {"assignments", assignments({1, 3})}},
                 "invalid_split", "line " + std::to_string(fries) + " names part 3 of 2");
  expect_refused(
      floor, "split",
      {{"check_id", check}, {"kind", "by_item"}, {"parts", 1}, {"assignments", assignments({1})}},
      "invalid_split", "a split needs 2 to 50 parts");
  expect_refused(
      floor, "split",
      {{"check_id", check}, {"kind", "by_item"}, {"parts", 2}, {"assignments", {{"fries", {1}}}}},
      "bad_request", "args.assignments must map line ids to lists of parts");
  expect_refused(
      floor, "split",
      {{"check_id", check}, {"kind", "by_item"}, {"parts", 2}, {"assignments", {{"999", {1}}}}},
      "line_not_found", "line 999 is not on check 1");

  Reply split = floor.call("split", {{"check_id", check},
                                     {"kind", "by_item"},
                                     {"parts", 2},
                                     {"assignments", assignments({1, 2})}});
  ASSERT_TRUE(split.ok()) << split.message();
  Json c = split.result()["check"];
  Json parts = c["split"]["part_totals"];
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0]["label"], "Part 1 of 2");
  EXPECT_EQ(parts[0]["net"], 1700 + 350);  // the burger and half the fries
  EXPECT_EQ(parts[1]["net"], 850 + 350);   // the beer and the other half
  EXPECT_EQ(parts[0]["line_ids"], Json::array({burger, fries}));
  EXPECT_EQ(parts[0]["total"].get<std::int64_t>() + parts[1]["total"].get<std::int64_t>(),
            total(c));
  EXPECT_EQ(parts[0]["tax"].get<std::int64_t>() + parts[1]["tax"].get<std::int64_t>(),
            total(c, "tax"));

  expect_refused(floor, "pay", {{"check_id", check}, {"tender", "card"}, {"amount", 100}},
                 "invalid_payment", "this check is split: say which part the payment is for");
  expect_refused(floor, "pay",
                 {{"check_id", check}, {"tender", "card"}, {"amount", 100}, {"part", 3}},
                 "invalid_payment", "the split has no part 3");
  std::int64_t part1 = parts[0]["total"], part2 = parts[1]["total"];
  ASSERT_EQ(part1, 2232);  // 20.50 and 8.875% tax (1.82)
  expect_refused(floor, "pay",
                 {{"check_id", check}, {"tender", "card"}, {"amount", part1 + 1}, {"part", 1}},
                 "payment_exceeds_balance",
                 "card payment of $22.33 is more than the $22.32 due on Part 1 of 2");
  ASSERT_TRUE(
      floor.call("pay", {{"check_id", check}, {"tender", "card"}, {"amount", part1}, {"part", 1}})
          .ok());
  expect_refused(floor, "pay",
                 {{"check_id", check}, {"tender", "card"}, {"amount", 1}, {"part", 1}},
                 "nothing_due", "nothing is due on Part 1 of 2");
  expect_refused(
      floor, "split", {{"check_id", check}, {"kind", "even"}, {"parts", 2}}, "has_payments",
      "this check has taken payments already; a split must come before the first payment");
  ASSERT_TRUE(
      floor.call("pay", {{"check_id", check}, {"tender", "cash"}, {"amount", part2}, {"part", 2}})
          .ok());
  Reply closed = floor.call("close_check", {{"check_id", check}});
  ASSERT_TRUE(closed.ok()) << closed.message();
  EXPECT_EQ(closed.result()["check"]["totals"]["balance"], 0);
}

TEST_F(Checks, SplitEvenPartsDifferByAtMostACentAndAddUp) {
  std::int64_t check = open_table(floor, "5", 3);
  add_item(floor, check, "classic-burger", {{"modifiers", {"temp-medium"}}});
  add_item(floor, check, "beer-ipa");
  add_item(floor, check, "fries");
  send_check(floor, check);
  Reply split = floor.call("split", {{"check_id", check}, {"kind", "even"}, {"parts", 3}});
  ASSERT_TRUE(split.ok()) << split.message();
  Json c = split.result()["check"];
  Json parts = c["split"]["part_totals"];
  ASSERT_EQ(parts.size(), 3u);
  std::int64_t sum = 0, lo = INT64_MAX, hi = 0;
  for (const auto& p : parts) {
    std::int64_t t = p["total"];
    sum += t;
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  EXPECT_EQ(sum, total(c));
  EXPECT_LE(hi - lo, 1);
  EXPECT_EQ(parts[2]["label"], "Part 3 of 3");
  for (int part = 1; part <= 3; ++part)
    ASSERT_TRUE(floor
                    .call("pay", {{"check_id", check},
                                  {"tender", "card"},
                                  {"amount", parts[part - 1]["total"]},
                                  {"part", part}})
                    .ok());
  EXPECT_TRUE(floor.call("close_check", {{"check_id", check}}).ok());
}

// [SECTION] discounts

TEST_F(Checks, PercentDiscountsRoundHalfUpOnWhatIsLeft) {
  std::int64_t check = open_table(floor, "5");
  add_item(floor, check, "classic-burger", {{"modifiers", {"temp-medium"}}});  // 17.00
  std::int64_t fries = add_item(floor, check, "fries");                        // 7.00
  // 12.5% of 7.00 is 0.875: 0.88 off the fries.
  Reply line = office.call("discount", {{"check_id", check},
                                        {"line_id", fries},
                                        {"kind", "percent"},
                                        {"percent_bp", 1250},
                                        {"reason", "small portion"}});
  ASSERT_TRUE(line.ok()) << line.message();
  EXPECT_EQ(line_on(line.result()["check"], fries)["discount"], 88);
  // Then 10% of what is left on the check (17.00 + 6.12 = 23.12): 2.31.
  Reply whole = office.call(
      "discount",
      {{"check_id", check}, {"kind", "percent"}, {"percent_bp", 1000}, {"reason", "regulars"}});
  ASSERT_TRUE(whole.ok()) << whole.message();
  Json c = whole.result()["check"];
  EXPECT_EQ(total(c, "subtotal"), 2400);
  EXPECT_EQ(total(c, "discounts"), 88 + 231);
  EXPECT_EQ(total(c, "net"), 2081);
  EXPECT_EQ(total(c, "tax"), 185);  // 8.875% of 20.81 = 1.8469 -> 1.85
  EXPECT_EQ(total(c), 2266);
  EXPECT_EQ(c["discounts"][1]["kind"], "percent");
  EXPECT_EQ(c["discounts"][1]["percent_bp"], 1000);
  EXPECT_EQ(c["discounts"][1]["line_id"], nullptr);
  EXPECT_EQ(c["discounts"][1]["approved_by"], "dana");
  EXPECT_EQ(types_published(whole), std::vector<std::string>{"discount.added"});

  auto percent = [&](Json bp) {
    Json args{{"check_id", check}, {"kind", "percent"}, {"reason", "x"}};
    if (!bp.is_null()) args["percent_bp"] = bp;
    return args;
  };
  expect_refused(office, "discount", percent(nullptr), "bad_request",
                 "args.percent_bp is needed for a percent discount (1000 = 10%)");
  expect_refused(office, "discount", percent(0), "bad_request",
                 "args.percent_bp must be an integer from 1 to 10000");
  expect_refused(office, "discount", percent(10001), "bad_request",
                 "args.percent_bp must be an integer from 1 to 10000");
  expect_refused(office, "discount", percent(12.5), "bad_request",
                 "args.percent_bp must be an integer from 1 to 10000");
  expect_refused(office, "discount", {{"check_id", check}, {"kind", "half"}, {"reason", "x"}},
                 "bad_request", "args.kind must be amount, percent or comp");
}

// [SECTION] two terminals on one check

TEST_F(Checks, TwoTerminalsAddingToOneCheckInTurnKeepEveryLine) {
  Device other(hub, "pos-2");
  ASSERT_TRUE(other.login("2222").ok());  // Priya helps Sam's table
  std::int64_t check = open_table(floor, "12", 4);
  const std::vector<std::string> items{"beer-ipa", "beer-stout", "fries", "onion-rings",
                                       "calamari", "oysters",    "wedge", "mac-and-cheese"};
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Device& d = i % 2 ? other : floor;
    Reply r =
        d.call("add_line",
               {{"check_id", check}, {"item_id", items[i]}, {"seat", static_cast<int>(i % 4) + 1}});
    ASSERT_TRUE(r.ok()) << r.message();
    ids.push_back(r.result()["line_id"]);
    // Each reply holds every line so far, and its event names them all: none overwrote
    // another. The event carries only the line added.
    EXPECT_EQ(r.result()["check"]["lines"].size(), i + 1);
    Json body = published(r.publications).back()["body"];
    EXPECT_EQ(body["check"]["line_ids"].size(), i + 1);
    ASSERT_EQ(body["lines"].size(), 1u);
    EXPECT_EQ(body["lines"][0], r.result()["check"]["lines"][i]);
  }
  // One changes a line while the other adds: both stick.
  ASSERT_TRUE(
      floor.call("change_line", {{"check_id", check}, {"line_id", ids[1]}, {"note", "warm"}}).ok());
  ASSERT_TRUE(other.call("add_line", {{"check_id", check}, {"item_id", "cheesecake"}}).ok());
  ASSERT_TRUE(other.call("send", {{"check_id", check}}).ok());
  EXPECT_EQ(floor.call("send", {{"check_id", check}}).code(), "nothing_to_send");

  Json c = check_of(check);
  ASSERT_EQ(c["lines"].size(), items.size() + 1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(c["lines"][i]["id"], ids[i]);
    EXPECT_EQ(c["lines"][i]["item_id"], items[i]);
    EXPECT_EQ(c["lines"][i]["state"], "sent");
  }
  EXPECT_EQ(line_on(c, ids[1])["note"], "warm");
  EXPECT_EQ(c["server_id"], "sam");
}

}  // namespace
