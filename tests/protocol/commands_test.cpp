// A typed command written by a client comes out of the hub's strict reader equal, and the
// reader names the first problem of a bad one.
#include "brigade/protocol/commands.h"

#include <gtest/gtest.h>

using namespace brigade::protocol;

namespace {

// As the hub reads it: the args through the wire, then the strict reader.
template <class Command>
Command through_the_hub(const Command& sent, std::string* problem = nullptr) {
  const Json args = Json::parse(to_json(sent).dump());
  ArgReader reader(args);
  Command got;
  read(reader, got);
  if (problem) *problem = reader.ok() ? "" : reader.error().message;
  EXPECT_TRUE(problem || reader.ok()) << reader.error().message;
  return got;
}

std::string problem_of(const Json& args, auto command) {
  ArgReader reader(args);
  read(reader, command);
  return reader.ok() ? "" : reader.error().message;
}

}  // namespace

TEST(TypedCommands, KitchenCommandsComeThroughTheHubsReaderEqual) {
  EXPECT_EQ(through_the_hub(AckTicket{7, "grill"}), (AckTicket{7, "grill"}));
  EXPECT_EQ(through_the_hub(Bump{7, "fryer"}), (Bump{7, "fryer"}));
  EXPECT_EQ(through_the_hub(Serve{9}), Serve{9});
  EXPECT_EQ(through_the_hub(Recall{9, std::nullopt}), (Recall{9, std::nullopt}));
  EXPECT_EQ(through_the_hub(Recall{9, "grill"}), (Recall{9, "grill"}));
  EXPECT_EQ(through_the_hub(ItemBump{9, 31, "grill", false}), (ItemBump{9, 31, "grill", false}));
  EXPECT_EQ(through_the_hub(Rush{9, false}), (Rush{9, false}));
  EXPECT_EQ(Bump::kind, "bump");
  EXPECT_EQ(ItemBump::kind, "item_bump");
}

TEST(TypedCommands, FrontOfHouseCommandsComeThroughTheHubsReaderEqual) {
  OpenCheck table{brigade::Channel::dine_in};
  table.table_id = "12";
  table.guests = 4;
  EXPECT_EQ(through_the_hub(table), table);
  OpenCheck pickup{brigade::Channel::takeout};
  pickup.customer_name = "Lee";
  pickup.customer_phone = "555-0100";
  pickup.promised_at = 1'795'763'600'000;
  EXPECT_EQ(through_the_hub(pickup), pickup);

  AddLine plain{5, "fries"};
  EXPECT_EQ(through_the_hub(plain), plain);
  EXPECT_FALSE(to_json(plain).contains("quantity"));  // left out stays left out
  AddLine burger{5, "classic-burger", 2, 1, brigade::Course::mains};
  burger.modifiers = std::vector<std::string>{"temp-medium-rare", "add-bacon"};
  burger.note = "no onion";
  EXPECT_EQ(through_the_hub(burger), burger);

  Send send{5};
  EXPECT_EQ(through_the_hub(send), send);
  send.hold = std::vector<brigade::Course>{brigade::Course::mains, brigade::Course::dessert};
  EXPECT_EQ(through_the_hub(send), send);
  EXPECT_EQ(through_the_hub(Fire{5, brigade::Course::dessert}),
            (Fire{5, brigade::Course::dessert}));
  EXPECT_EQ(through_the_hub(VoidLine{5, 9, 1, "sent back"}), (VoidLine{5, 9, 1, "sent back"}));
  EXPECT_EQ(through_the_hub(VoidLine{5, 9, std::nullopt, ""}), (VoidLine{5, 9, std::nullopt, ""}));

  Pay cash{5, brigade::Tender::cash, brigade::Money::cents(10000)};
  EXPECT_EQ(through_the_hub(cash), cash);
  Pay card{5, brigade::Tender::card, brigade::Money::cents(4250)};
  card.tip = brigade::Money::cents(765);
  card.part = 2;
  card.reference = "SIM-000001";
  EXPECT_EQ(through_the_hub(card), card);
  EXPECT_EQ(through_the_hub(CloseCheck{5}), CloseCheck{5});
  EXPECT_EQ(OpenCheck::kind, "open_check");
  EXPECT_EQ(Pay::kind, "pay");
}

TEST(TypedCommands, EveryOtherCommandComesThroughTheHubsReaderEqual) {
  using brigade::Course;
  using brigade::DiscountKind;
  using brigade::Money;
  using brigade::SplitKind;
  EXPECT_EQ(through_the_hub(Login{"1111"}), Login{"1111"});
  EXPECT_EQ(through_the_hub(Snapshot{{"check", "ticket."}}), (Snapshot{{"check", "ticket."}}));
  EXPECT_EQ(through_the_hub(EventsSince{41, {"ticket.grill"}, 500}),
            (EventsSince{41, {"ticket.grill"}, 500}));
  EXPECT_EQ(through_the_hub(EventsSince{0, {"menu"}}), (EventsSince{0, {"menu"}}));
  EXPECT_EQ(through_the_hub(GetCheck{5}), GetCheck{5});

  EXPECT_EQ(through_the_hub(ChangeLine{5, 9, 3, std::nullopt, Course::apps, "no onion"}),
            (ChangeLine{5, 9, 3, std::nullopt, Course::apps, "no onion"}));
  EXPECT_EQ(through_the_hub(ChangeLine{5, 9}), (ChangeLine{5, 9}));
  EXPECT_EQ(through_the_hub(RemoveLine{5, 9}), (RemoveLine{5, 9}));
  GiveDiscount off{5, 9, DiscountKind::percent};
  off.percent_bp = 1000;
  off.reason = "regular";
  EXPECT_EQ(through_the_hub(off), off);
  GiveDiscount amount{5, std::nullopt, DiscountKind::amount, Money::cents(500)};
  amount.reason = "late";
  EXPECT_EQ(through_the_hub(amount), amount);
  GiveDiscount comp{5, 9, DiscountKind::comp};
  EXPECT_EQ(through_the_hub(comp), comp);
  EXPECT_EQ(through_the_hub(AddTip{5, 2, Money::cents(300)}), (AddTip{5, 2, Money::cents(300)}));
  SplitCheck even{5, SplitKind::even, 3};
  EXPECT_EQ(through_the_hub(even), even);
  SplitCheck by_item{5, SplitKind::by_item, 2};
  by_item.assignments = std::map<std::int64_t, std::vector<int>>{{9, {1}}, {10, {1, 2}}};
  EXPECT_EQ(through_the_hub(by_item), by_item);
  EXPECT_EQ(through_the_hub(MoveLines{5, 6, {9, 10}}), (MoveLines{5, 6, {9, 10}}));
  EXPECT_EQ(through_the_hub(MergeChecks{5, 6}), (MergeChecks{5, 6}));
  EXPECT_EQ(through_the_hub(TransferCheck{5, "14"}), (TransferCheck{5, "14"}));
  EXPECT_EQ(through_the_hub(TransferCheck{5, std::nullopt, "priya"}),
            (TransferCheck{5, std::nullopt, "priya"}));
  EXPECT_EQ(through_the_hub(EightySix{"salmon"}), EightySix{"salmon"});
  EXPECT_EQ(through_the_hub(BackOn{"salmon"}), BackOn{"salmon"});
  EXPECT_EQ(through_the_hub(SetStock{"short-rib", 12}), (SetStock{"short-rib", 12}));
  EXPECT_EQ(through_the_hub(SetStock{"short-rib", std::nullopt}),
            (SetStock{"short-rib", std::nullopt}));
  EXPECT_TRUE(to_json(SetStock{"short-rib", std::nullopt})["remaining"].is_null());
}

TEST(TypedCommands, NamesOfThingsAreCheckedOnceEveryFieldIsThere) {
  EXPECT_EQ(problem_of(Json{{"channel", "drive_thru"}}, OpenCheck{}),
            "args.channel must be dine_in, bar_tab, takeout, delivery or online");
  // A stranger field is named before a bad name.
  EXPECT_EQ(problem_of(Json{{"channel", "drive_thru"}, {"table", "12"}}, OpenCheck{}),
            "args.table is not a field of this command");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"hold", {"mains", "soup"}}}, Send{}),
            "args.hold must list courses: drinks, apps, mains, dessert");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"course", "soup"}}, Fire{}),
            "args.course must be drinks, apps, mains or dessert");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"item_id", "fries"}, {"course", "soup"}}, AddLine{}),
            "args.course must be drinks, apps, mains or dessert");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"tender", "bitcoin"}, {"amount", 100}}, Pay{}),
            "args.tender must be cash, card, gift_card or house_account");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"tender", "cash"}, {"amount", 1.5}}, Pay{}),
            "args.amount must be a whole number of cents");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"kind", "percent"}, {"reason", ""}}, GiveDiscount{}),
            "args.percent_bp is needed for a percent discount (1000 = 10%)");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"kind", "amount"}, {"reason", ""}}, GiveDiscount{}),
            "args.amount is needed for an amount discount");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"kind", "by_item"}, {"assignments", {{"x", {1}}}}},
                       SplitCheck{}),
            "args.assignments must map line ids to lists of parts");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}}, TransferCheck{}),
            "args.table_id or args.server_id is needed");
  EXPECT_EQ(problem_of(Json{{"item_id", "salmon"}}, SetStock{}),
            "args.remaining is missing (a count, or null to stop counting)");
  EXPECT_EQ(problem_of(Json{{"item_id", "salmon"}, {"remaining", nullptr}}, SetStock{}), "");
}

TEST(TypedCommands, TheHubsReaderNamesTheFirstProblemInItsOrder) {
  EXPECT_EQ(problem_of(Json{{"ticket_id", 0}}, Bump{}), "args.station is missing");
  EXPECT_EQ(problem_of(Json{{"station", "grill"}, {"ticket_id", 0}}, Bump{}),
            "args.ticket_id must be an id (an integer from 1)");
  EXPECT_EQ(problem_of(Json{{"station", "grill"}, {"ticket_id", 3}, {"tiket", 1}}, Bump{}),
            "args.tiket is not a field of this command");
  EXPECT_EQ(problem_of(Json{{"ticket_id", 3}, {"station", ""}}, Recall{}),
            "args.station must not be empty");
  EXPECT_EQ(problem_of(Json{{"ticket_id", 3}, {"rush", "yes"}}, Rush{}),
            "args.rush must be true or false");
  EXPECT_EQ(problem_of(Json{{"ticket_id", 3}, {"station", "grill"}}, ItemBump{}),
            "args.line_id is missing");
}

// Regression: messages printed the C++ type's limits ("from -2147483648 to 2147483647",
// "from 1 to 9223372036854775807") instead of the ranges docs/protocol.md gives.
TEST(TypedCommands, EveryRangeInAMessageIsTheDocumentedOne) {
  const Json line{{"check_id", 5}, {"item_id", "fries"}};
  auto add_line = [&](const char* name, Json value) {
    Json args = line;
    args[name] = std::move(value);
    return problem_of(args, AddLine{});
  };
  EXPECT_EQ(add_line("quantity", "two"), "args.quantity must be an integer from 1 to 999");
  EXPECT_EQ(add_line("quantity", 1.5), "args.quantity must be an integer from 1 to 999");
  EXPECT_EQ(add_line("quantity", 1'000'000'000'000),
            "args.quantity must be an integer from 1 to 999");
  EXPECT_EQ(add_line("seat", "1"), "args.seat must be an integer from 0 to 99");
  // Inside an int, the range is the domain's rule, judged by the hub with its own code.
  EXPECT_EQ(add_line("quantity", 1000), "");
  EXPECT_EQ(add_line("seat", -1), "");

  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"line_id", 6}, {"quantity", "all"}}, ChangeLine{}),
            "args.quantity must be an integer from 1 to 999");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"line_id", 6}, {"seat", 1e10}}, ChangeLine{}),
            "args.seat must be an integer from 0 to 99");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"line_id", 6}, {"quantity", -1e12}, {"reason", "x"}},
                       VoidLine{}),
            "args.quantity must be an integer from 1 to 999");
  EXPECT_EQ(problem_of(Json{{"check_id", "5"}}, CloseCheck{}),
            "args.check_id must be an id (an integer from 1)");
  EXPECT_EQ(problem_of(Json{{"after", -1}, {"topics", Json::array()}}, EventsSince{}),
            "args.after must be an integer of 0 or more");

  // A payment's lower bound is the domain's (above zero): only the top is stated.
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"tender", "cash"}, {"amount", 1'000'000'001}}, Pay{}),
            "args.amount must be at most 1000000000 cents");
  EXPECT_EQ(
      problem_of(Json{{"check_id", 5}, {"tender", "cash"}, {"amount", 5}, {"tip", 2e9}}, Pay{}),
      "args.tip must be a whole number of cents");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"payment_id", 1}, {"tip", 1'000'000'001}}, AddTip{}),
            "args.tip must be at most 1000000000 cents");
}

TEST(TypedCommands, FarBelowZeroIsReadAsBelowZeroForTheDomainToRefuse) {
  const Json args{{"check_id", 5}, {"tender", "cash"}, {"amount", INT64_MIN}};
  ArgReader reader(args);
  Pay pay;
  read(reader, pay);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_TRUE(pay.amount.is_negative());
}

// Regression: lengths were counted in bytes.
TEST(TypedCommands, LengthsAreCountedInCharacters) {
  std::string note;
  for (int i = 0; i < 2000; ++i) note += "é";
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"item_id", "fries"}, {"note", note}}, AddLine{}), "");
  EXPECT_EQ(
      problem_of(Json{{"check_id", 5}, {"item_id", "fries"}, {"note", note + "é"}}, AddLine{}),
      "args.note must be at most 2000 characters");
  std::string reason;
  for (int i = 0; i < 200; ++i) reason += "ü";
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"line_id", 6}, {"reason", reason}}, VoidLine{}), "");
  std::string station;
  for (int i = 0; i < 64; ++i) station += "ï";
  EXPECT_EQ(problem_of(Json{{"ticket_id", 3}, {"station", station}}, Bump{}), "");
  EXPECT_EQ(problem_of(Json{{"topics", {station + "x"}}}, Snapshot{}),
            "args.topics must hold only strings of at most 64 characters");
}

// Regression: a name longer than an undocumented 16 characters was "too long", not "not one
// of the choices".
TEST(TypedCommands, ANameOfAChoiceIsCheckedAgainstTheChoicesAlone) {
  const std::string long_name(40, 'x');
  EXPECT_EQ(problem_of(Json{{"channel", long_name}}, OpenCheck{}),
            "args.channel must be dine_in, bar_tab, takeout, delivery or online");
  EXPECT_EQ(problem_of(Json{{"channel", ""}}, OpenCheck{}),
            "args.channel must be dine_in, bar_tab, takeout, delivery or online");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"course", long_name}}, Fire{}),
            "args.course must be drinks, apps, mains or dessert");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"hold", {long_name}}}, Send{}),
            "args.hold must list courses: drinks, apps, mains, dessert");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"hold", {5}}}, Send{}),
            "args.hold must hold only strings");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"tender", long_name}, {"amount", 5}}, Pay{}),
            "args.tender must be cash, card, gift_card or house_account");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"kind", long_name}, {"reason", ""}}, GiveDiscount{}),
            "args.kind must be amount, percent or comp");
  EXPECT_EQ(problem_of(Json{{"check_id", 5}, {"kind", long_name}}, SplitCheck{}),
            "args.kind must be none, by_seat, by_item or even");
}
