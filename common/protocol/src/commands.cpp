#include "brigade/protocol/commands.h"

namespace brigade::protocol {

namespace {
// A station id as the menu has it.
constexpr std::size_t kStationLength = 64;
}  // namespace

// [SECTION] kitchen

Json to_json(const AckTicket& c) {
  return {{"ticket_id", c.ticket_id}, {"station", c.station}};
}
Json to_json(const Bump& c) {
  return {{"ticket_id", c.ticket_id}, {"station", c.station}};
}
Json to_json(const Serve& c) {
  return {{"ticket_id", c.ticket_id}};
}
Json to_json(const Recall& c) {
  Json j{{"ticket_id", c.ticket_id}};
  if (c.station) j["station"] = *c.station;
  return j;
}
Json to_json(const ItemBump& c) {
  return {
      {"ticket_id", c.ticket_id}, {"line_id", c.line_id}, {"station", c.station}, {"done", c.done}};
}
Json to_json(const Rush& c) {
  return {{"ticket_id", c.ticket_id}, {"rush", c.rush}};
}

// The order of the reads is the order in which problems are named.
void read(ArgReader& args, AckTicket& c) {
  c.station = args.text("station", kStationLength);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Bump& c) {
  c.station = args.text("station", kStationLength);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Serve& c) {
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Recall& c) {
  c.station = args.optional_text("station", kStationLength, false);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, ItemBump& c) {
  c.line_id = args.id("line_id");
  c.station = args.text("station", kStationLength);
  c.done = args.optional_boolean("done").value_or(true);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Rush& c) {
  c.rush = args.optional_boolean("rush").value_or(true);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}

}  // namespace brigade::protocol
