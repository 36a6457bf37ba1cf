// The hub protocol's envelope: version, limits, the command and reply shapes and the
// error codes that only exist on the wire. docs/protocol.md is the written contract.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "brigade/domain/clock.h"
#include "brigade/domain/result.h"

namespace brigade::protocol {

using Json = nlohmann::json;

// Bump on any change a client could notice; hello and every command carry it.
constexpr int kProtocolVersion = 1;
// The largest command frame the hub reads; larger ones get message_too_large.
constexpr std::size_t kMaxCommandBytes = 1 << 20;
// Envelope fields, in characters (docs/protocol.md, section 2).
constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxTypeLength = 64;
constexpr std::size_t kMaxDeviceLength = 64;
constexpr std::size_t kMaxSessionLength = 128;
constexpr std::size_t kMaxApprovalPinLength = 16;

// Error codes that are not domain rules (domain rules use to_string(Errc)).
namespace code {
inline constexpr std::string_view bad_json = "bad_json";
inline constexpr std::string_view bad_request = "bad_request";
inline constexpr std::string_view unknown_command = "unknown_command";
inline constexpr std::string_view protocol_mismatch = "protocol_mismatch";
inline constexpr std::string_view message_too_large = "message_too_large";
inline constexpr std::string_view id_reused = "id_reused";
inline constexpr std::string_view reply_expired = "reply_expired";
inline constexpr std::string_view not_logged_in = "not_logged_in";
inline constexpr std::string_view wrong_pin = "wrong_pin";
inline constexpr std::string_view forbidden = "forbidden";
inline constexpr std::string_view locked_out = "locked_out";
inline constexpr std::string_view internal_error = "internal_error";
inline constexpr std::string_view storage_error = "storage_error";
// Made by a client, never sent by the hub: the hub did not answer in time.
inline constexpr std::string_view hub_unreachable = "hub_unreachable";
}  // namespace code

// Command types (docs/protocol.md, section 4).
namespace command {
inline constexpr std::string_view hello = "hello";
inline constexpr std::string_view login = "login";
inline constexpr std::string_view logout = "logout";
inline constexpr std::string_view get_menu = "get_menu";
inline constexpr std::string_view snapshot = "snapshot";
inline constexpr std::string_view events_since = "events_since";
inline constexpr std::string_view list_checks = "list_checks";
inline constexpr std::string_view get_check = "get_check";
inline constexpr std::string_view open_check = "open_check";
inline constexpr std::string_view add_line = "add_line";
inline constexpr std::string_view change_line = "change_line";
inline constexpr std::string_view remove_line = "remove_line";
inline constexpr std::string_view send = "send";
inline constexpr std::string_view fire = "fire";
inline constexpr std::string_view void_line = "void_line";
inline constexpr std::string_view discount = "discount";
inline constexpr std::string_view pay = "pay";
inline constexpr std::string_view add_tip = "add_tip";
inline constexpr std::string_view split = "split";
inline constexpr std::string_view close_check = "close_check";
inline constexpr std::string_view move_lines = "move_lines";
inline constexpr std::string_view merge = "merge";
inline constexpr std::string_view transfer = "transfer";
inline constexpr std::string_view eighty_six = "eighty_six";
inline constexpr std::string_view set_stock = "set_stock";
inline constexpr std::string_view un_eighty_six = "un_eighty_six";
inline constexpr std::string_view receive_stock = "receive_stock";
inline constexpr std::string_view count_stock = "count_stock";
inline constexpr std::string_view waste_stock = "waste_stock";
inline constexpr std::string_view save_menu_entry = "save_menu_entry";
inline constexpr std::string_view remove_menu_entry = "remove_menu_entry";
inline constexpr std::string_view reorder_menu = "reorder_menu";
inline constexpr std::string_view import_menu = "import_menu";
inline constexpr std::string_view list_audit = "list_audit";
inline constexpr std::string_view set_permission = "set_permission";
inline constexpr std::string_view save_staff = "save_staff";
inline constexpr std::string_view change_pin = "change_pin";
inline constexpr std::string_view list_staff = "list_staff";
inline constexpr std::string_view clock = "clock";
inline constexpr std::string_view fix_punch = "fix_punch";
inline constexpr std::string_view timesheet = "timesheet";
inline constexpr std::string_view set_clock_rule = "set_clock_rule";
inline constexpr std::string_view open_day = "open_day";
inline constexpr std::string_view close_day = "close_day";
inline constexpr std::string_view day_status = "day_status";
inline constexpr std::string_view x_report = "x_report";
inline constexpr std::string_view z_report = "z_report";
inline constexpr std::string_view refund = "refund";
inline constexpr std::string_view open_drawer = "open_drawer";
inline constexpr std::string_view drawer_cash = "drawer_cash";
inline constexpr std::string_view count_drawer = "count_drawer";
inline constexpr std::string_view list_drawers = "list_drawers";
inline constexpr std::string_view ack_ticket = "ack_ticket";
inline constexpr std::string_view bump = "bump";
inline constexpr std::string_view serve = "serve";
inline constexpr std::string_view recall = "recall";
inline constexpr std::string_view item_bump = "item_bump";
inline constexpr std::string_view rush = "rush";
inline constexpr std::string_view start_pairing = "start_pairing";
inline constexpr std::string_view pair = "pair";
inline constexpr std::string_view list_devices = "list_devices";
inline constexpr std::string_view revoke_device = "revoke_device";
}  // namespace command

// A refusal as it goes on the wire.
struct WireError {
  std::string code;
  std::string message;
  // Every problem of a refused menu edit or import: [{"where","id","field","why"}]. Null
  // for other refusals (and then not on the wire).
  Json problems = nullptr;
};
inline WireError wire(const Error& e) {
  return {std::string(to_string(e.code)), e.message};
}

struct Envelope {
  int protocol = 0;
  std::string id;
  std::string type;
  std::string device;
  std::string session;
  std::string approval_pin;
  Json args = Json::object();
};

// Who sent a command, as the hub's sockets know it (section 10). The device a command acts
// under comes from here, never from the envelope's `device`, which the client writes.
struct Peer {
  // The client's CURVE public key (Z85), authenticated in the handshake. Empty when the hub
  // runs in development mode (no CURVE), or when a test calls the service directly.
  std::string public_key;
  // The command came on the pairing socket, where an unpaired device may only `pair`.
  bool pairing = false;
};

// Reads a command, checks in the order of docs/protocol.md section 2. On failure, `id` is
// the command's id if it was valid (1 to 64 characters), else "": the refusal carries it.
struct EnvelopeResult {
  bool ok = false;
  Envelope envelope;
  WireError error;
};
EnvelopeResult parse_envelope(std::string_view text);

std::string reply_ok(std::string_view id, const Json& result);
std::string reply_error(std::string_view id, const WireError& error);

// A reply as a client reads it: ok with a result, or an error. Empty if the text is not a
// reply (not JSON as read_json reads it, not an object, no "ok").
struct Reply {
  std::string id;
  bool ok = false;
  Json result = Json::object();
  WireError error;
};
std::optional<Reply> decode_reply(std::string_view text);

// Builds a command, for clients (posctl, terminals, screens, tests).
std::string make_command(std::string_view id, std::string_view type, std::string_view device,
                         std::string_view session, const Json& args,
                         std::string_view approval_pin = {});

}  // namespace brigade::protocol
