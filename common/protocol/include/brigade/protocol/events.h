// The hub's events as they go on the wire (docs/protocol.md, sections 3 and 5): the topic
// names, every event type, the PUB message and the heartbeat. The hub writes them, the
// event feed reads them, the clients match on the same constants.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

// Topics. A kitchen station's tickets are on "ticket.<station id>"; subscribing to the
// prefix "ticket." follows every station.
namespace topic {
inline constexpr std::string_view check = "check";
inline constexpr std::string_view menu = "menu";
inline constexpr std::string_view alert = "alert";
inline constexpr std::string_view staff = "staff";
inline constexpr std::string_view day = "day";  // the business day: opened, closed
inline constexpr std::string_view hub = "hub";  // heartbeats only, never in the log
inline constexpr std::string_view tickets = "ticket.";
std::string station(std::string_view station_id);  // "ticket.grill"
}  // namespace topic

// Event types, by topic.
namespace event {
// check
inline constexpr std::string_view check_opened = "check.opened";
inline constexpr std::string_view line_added = "line.added";
inline constexpr std::string_view line_changed = "line.changed";
inline constexpr std::string_view line_removed = "line.removed";
inline constexpr std::string_view check_sent = "check.sent";
inline constexpr std::string_view course_fired = "course.fired";
inline constexpr std::string_view line_voided = "line.voided";
inline constexpr std::string_view discount_added = "discount.added";
inline constexpr std::string_view comp_added = "comp.added";
inline constexpr std::string_view payment_taken = "payment.taken";
inline constexpr std::string_view tip_added = "tip.added";
inline constexpr std::string_view check_split = "check.split";
inline constexpr std::string_view check_closed = "check.closed";
inline constexpr std::string_view lines_moved_out = "lines.moved_out";
inline constexpr std::string_view lines_moved_in = "lines.moved_in";
inline constexpr std::string_view check_merged = "check.merged";
inline constexpr std::string_view check_transferred = "check.transferred";
inline constexpr std::string_view check_refunded = "check.refunded";
inline constexpr std::string_view lines_ready = "lines.ready";
inline constexpr std::string_view lines_served = "lines.served";
// menu
inline constexpr std::string_view item_86 = "item.86";
inline constexpr std::string_view item_available = "item.available";
inline constexpr std::string_view stock_changed = "stock.changed";
inline constexpr std::string_view ingredient_changed = "ingredient.changed";
inline constexpr std::string_view menu_changed = "menu.changed";
// ticket.<station>
inline constexpr std::string_view ticket_created = "ticket.created";
inline constexpr std::string_view ticket_fired = "ticket.fired";
inline constexpr std::string_view ticket_changed = "ticket.changed";
inline constexpr std::string_view ticket_acknowledged = "ticket.acknowledged";
inline constexpr std::string_view ticket_item_bumped = "ticket.item_bumped";
inline constexpr std::string_view ticket_bumped = "ticket.bumped";
inline constexpr std::string_view ticket_served = "ticket.served";
inline constexpr std::string_view ticket_recalled = "ticket.recalled";
inline constexpr std::string_view ticket_rush = "ticket.rush";
// day
inline constexpr std::string_view day_opened = "day.opened";
inline constexpr std::string_view day_closed = "day.closed";
inline constexpr std::string_view drawer_opened = "drawer.opened";
inline constexpr std::string_view drawer_cash = "drawer.cash";
inline constexpr std::string_view drawer_counted = "drawer.counted";
// alert
inline constexpr std::string_view station_not_acknowledged = "station.not_acknowledged";
inline constexpr std::string_view pin_locked_out = "pin.locked_out";
// staff
inline constexpr std::string_view staff_logged_in = "staff.logged_in";
inline constexpr std::string_view staff_logged_out = "staff.logged_out";
inline constexpr std::string_view device_paired = "device.paired";
inline constexpr std::string_view device_revoked = "device.revoked";
inline constexpr std::string_view permissions_changed = "permissions.changed";
inline constexpr std::string_view staff_changed = "staff.changed";
inline constexpr std::string_view staff_clocked = "staff.clocked";
inline constexpr std::string_view punch_fixed = "punch.fixed";
inline constexpr std::string_view clock_rule_changed = "clock_rule.changed";
// hub
inline constexpr std::string_view heartbeat = "heartbeat";
}  // namespace event

// One PUB message: the frames [topic][seq][body]. An event on several topics is published
// once per topic, with that topic's prev in the body.
struct Publication {
  std::string topic;
  std::int64_t seq = 0;
  std::string body;
};

// The body of a published event, and each entry of events_since's "events".
struct EventMessage {
  std::int64_t seq = 0;
  std::int64_t prev = 0;  // the previous event's seq on this topic; 0 for the first
  std::string topic;
  std::string type;
  EpochMs at = 0;
  Json body = nullptr;
  bool operator==(const EventMessage&) const = default;
};
std::string encode(const EventMessage& event);
// The same bytes as encode(), around a body already written as JSON text (by dump()), its
// own `body` not looked at: the hub writes each body once, for its log and every topic.
std::string encode_with_body(const EventMessage& event, std::string_view body_json);
// Empty unless it is an event: seq >= 1, 0 <= prev < seq, a topic (from the message, else
// `topic_fallback`, the PUB frame's). A subscriber skips what it cannot read.
std::optional<EventMessage> decode_event(const Json& message, std::string_view topic_fallback);
// The same from the body frame's text, read with read_json (json_text.h).
std::optional<EventMessage> read_event(std::string_view text, std::string_view topic_fallback);

// {"type":"heartbeat","seq":…,"at":…,"heads":{topic: seq}} on topic "hub", at least every
// second: the newest seq in the log, and the last event of every topic.
struct Heartbeat {
  std::int64_t seq = 0;
  EpochMs at = 0;
  std::map<std::string, std::int64_t> heads;
  // The hub runs in development mode (no CURVE): every screen says so, loudly.
  bool development = false;
  bool operator==(const Heartbeat&) const = default;
};
std::string encode(const Heartbeat& heartbeat);
std::optional<Heartbeat> decode_heartbeat(const Json& message);
std::optional<Heartbeat> read_heartbeat(std::string_view text);

}  // namespace brigade::protocol
