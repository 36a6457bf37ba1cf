// Typed commands: each command's "args" as a struct (docs/protocol.md, section 4). A client
// writes one with to_json (and its `kind` is the command type); the hub reads one with
// read(ArgReader&, …), which keeps the strict reader's checks, its order and its exact
// error texts. One struct per command, used by both sides.
//
// [SECTION] kitchen: ack_ticket, bump, serve, recall, item_bump, rush
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "brigade/protocol/args.h"
#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

// A station's screen has shown the ticket.
struct AckTicket {
  static constexpr std::string_view kind = command::ack_ticket;
  std::int64_t ticket_id = 0;
  std::string station;
  bool operator==(const AckTicket&) const = default;
};

// A station has finished its part of the ticket.
struct Bump {
  static constexpr std::string_view kind = command::bump;
  std::int64_t ticket_id = 0;
  std::string station;
  bool operator==(const Bump&) const = default;
};

// Expo sends the plates.
struct Serve {
  static constexpr std::string_view kind = command::serve;
  std::int64_t ticket_id = 0;
  bool operator==(const Serve&) const = default;
};

// Back onto a station's screen (with a station), or back from served at expo (without).
struct Recall {
  static constexpr std::string_view kind = command::recall;
  std::int64_t ticket_id = 0;
  std::optional<std::string> station;
  bool operator==(const Recall&) const = default;
};

// One line done (or not done again) at a station.
struct ItemBump {
  static constexpr std::string_view kind = command::item_bump;
  std::int64_t ticket_id = 0;
  std::int64_t line_id = 0;
  std::string station;
  bool done = true;
  bool operator==(const ItemBump&) const = default;
};

// Marks a ticket rush (or not).
struct Rush {
  static constexpr std::string_view kind = command::rush;
  std::int64_t ticket_id = 0;
  bool rush = true;
  bool operator==(const Rush&) const = default;
};

Json to_json(const AckTicket& c);
Json to_json(const Bump& c);
Json to_json(const Serve& c);
Json to_json(const Recall& c);
Json to_json(const ItemBump& c);
Json to_json(const Rush& c);

// Each reads every field and refuses others; the reader holds the first problem.
void read(ArgReader& args, AckTicket& c);
void read(ArgReader& args, Bump& c);
void read(ArgReader& args, Serve& c);
void read(ArgReader& args, Recall& c);
void read(ArgReader& args, ItemBump& c);
void read(ArgReader& args, Rush& c);

}  // namespace brigade::protocol
