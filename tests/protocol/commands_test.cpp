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

TEST(TypedCommands, TheHubsReaderNamesTheFirstProblemInItsOrder) {
  EXPECT_EQ(problem_of(Json{{"ticket_id", 0}}, Bump{}), "args.station is missing");
  EXPECT_EQ(problem_of(Json{{"station", "grill"}, {"ticket_id", 0}}, Bump{}),
            "args.ticket_id must be an integer from 1 to 9223372036854775807");
  EXPECT_EQ(problem_of(Json{{"station", "grill"}, {"ticket_id", 3}, {"tiket", 1}}, Bump{}),
            "args.tiket is not a field of this command");
  EXPECT_EQ(problem_of(Json{{"ticket_id", 3}, {"station", ""}}, Recall{}),
            "args.station must not be empty");
  EXPECT_EQ(problem_of(Json{{"ticket_id", 3}, {"rush", "yes"}}, Rush{}),
            "args.rush must be true or false");
  EXPECT_EQ(problem_of(Json{{"ticket_id", 3}, {"station", "grill"}}, ItemBump{}),
            "args.line_id is missing");
}
