// Typed commands: each command's "args" as a struct (docs/protocol.md, section 4). A client
// writes one with to_json (and its `kind` is the command type); the hub reads one with
// read(ArgReader&, …), which keeps the strict reader's checks, its order and its exact
// error texts. One struct per command, used by both sides.
//
// [SECTION] front of house: open_check, add_line, send, fire, void_line, pay, close_check
// [SECTION] kitchen: ack_ticket, bump, serve, recall, item_bump, rush
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/protocol/args.h"
#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

// [SECTION] front of house. Fields a client may leave out are optional here too, so what
// the hub reads is exactly what the client wrote.

// A table, a tab, or a takeout/delivery/online order.
struct OpenCheck {
  static constexpr std::string_view kind = command::open_check;
  Channel channel = Channel::dine_in;
  std::optional<std::string> table_id{}, tab_name{}, customer_name{}, customer_phone{};
  std::optional<EpochMs> promised_at{};
  std::optional<int> guests{};
  bool operator==(const OpenCheck&) const = default;
};

struct AddLine {
  static constexpr std::string_view kind = command::add_line;
  std::int64_t check_id = 0;
  std::string item_id;
  std::optional<int> quantity{};   // 1 when left out
  std::optional<int> seat{};       // 0 (the table) when left out
  std::optional<Course> course{};  // the item's own course when left out
  std::optional<std::vector<std::string>> modifiers{};
  std::optional<std::string> note{};
  bool operator==(const AddLine&) const = default;
};

// Sends everything new to the kitchen, holding the courses in `hold`.
struct Send {
  static constexpr std::string_view kind = command::send;
  std::int64_t check_id = 0;
  std::optional<std::vector<Course>> hold{};
  bool operator==(const Send&) const = default;
};

// Fires a held course.
struct Fire {
  static constexpr std::string_view kind = command::fire;
  std::int64_t check_id = 0;
  Course course = Course::mains;
  bool operator==(const Fire&) const = default;
};

// Voids a sent line, or part of it.
struct VoidLine {
  static constexpr std::string_view kind = command::void_line;
  std::int64_t check_id = 0;
  std::int64_t line_id = 0;
  std::optional<int> quantity{};  // all of it when left out
  std::string reason;
  bool operator==(const VoidLine&) const = default;
};

struct Pay {
  static constexpr std::string_view kind = command::pay;
  std::int64_t check_id = 0;
  Tender tender = Tender::cash;
  Money amount;  // cash: what the guest handed over; otherwise what to charge
  std::optional<Money> tip{};
  std::optional<int> part{};
  std::optional<std::string> reference{};
  bool operator==(const Pay&) const = default;
};

struct CloseCheck {
  static constexpr std::string_view kind = command::close_check;
  std::int64_t check_id = 0;
  bool operator==(const CloseCheck&) const = default;
};

Json to_json(const OpenCheck& c);
Json to_json(const AddLine& c);
Json to_json(const Send& c);
Json to_json(const Fire& c);
Json to_json(const VoidLine& c);
Json to_json(const Pay& c);
Json to_json(const CloseCheck& c);

void read(ArgReader& args, OpenCheck& c);
void read(ArgReader& args, AddLine& c);
void read(ArgReader& args, Send& c);
void read(ArgReader& args, Fire& c);
void read(ArgReader& args, VoidLine& c);
void read(ArgReader& args, Pay& c);
void read(ArgReader& args, CloseCheck& c);

// [SECTION] kitchen

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
  std::optional<std::string> station{};
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
