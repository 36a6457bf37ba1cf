#include "brigade/protocol/protocol.h"

#include <set>

#include "brigade/domain/text.h"
#include "brigade/protocol/json_text.h"

namespace brigade::protocol {

namespace {

EnvelopeResult refuse(std::string id, std::string_view code, std::string message) {
  EnvelopeResult r;
  r.envelope.id = std::move(id);
  r.error = {std::string(code), std::move(message)};
  return r;
}

// Lengths are in characters, as docs/protocol.md gives them, not bytes.
bool valid_token(const std::string& s, std::size_t max) {
  return !s.empty() && characters(s) <= max;
}

}  // namespace

EnvelopeResult parse_envelope(std::string_view text) {
  if (text.size() > kMaxCommandBytes)
    return refuse("", code::message_too_large,
                  "The command is " + std::to_string(text.size()) +
                      " bytes; the hub accepts at most " + std::to_string(kMaxCommandBytes) +
                      " bytes.");
  JsonText read = read_json(text);
  if (!read.ok()) return refuse("", code::bad_json, "the command " + read.problem);
  Json& doc = read.doc;
  if (!doc.is_object()) return refuse("", code::bad_request, "the command must be a JSON object");

  // A refusal carries the id only if it is valid, so that the sender can match it and
  // nothing else is ever echoed as an id.
  std::string id;
  if (auto it = doc.find("id"); it != doc.end() && it->is_string())
    if (valid_token(it->get_ref<const std::string&>(), kMaxIdLength)) id = it->get<std::string>();

  // The version first: a newer client's new envelope fields must read as a version
  // mismatch, not as a typo.
  auto protocol = doc.find("protocol");
  if (protocol == doc.end() || !protocol->is_number_integer())
    return refuse(id, code::bad_request, "field 'protocol' must be an integer");
  if (protocol->get<std::int64_t>() != kProtocolVersion)
    return refuse(id, code::protocol_mismatch,
                  "this hub speaks protocol " + std::to_string(kProtocolVersion) +
                      " but the client speaks " + protocol->dump() +
                      ": update the client or the hub so they match");

  static const std::set<std::string> known{"protocol", "id",           "type", "device",
                                           "session",  "approval_pin", "args"};
  for (const auto& [key, value] : doc.items())
    if (!known.count(key)) return refuse(id, code::bad_request, "unknown field '" + key + "'");

  if (id.empty())
    return refuse(
        "", code::bad_request,
        "field 'id' must be a string of 1 to " + std::to_string(kMaxIdLength) + " characters");

  Envelope e;
  e.protocol = kProtocolVersion;
  e.id = id;
  auto text_field = [&](const char* name, std::string& out, bool required,
                        std::size_t max) -> std::optional<EnvelopeResult> {
    auto it = doc.find(name);
    if (it == doc.end()) {
      if (required)
        return refuse(id, code::bad_request, std::string("field '") + name + "' is missing");
      return std::nullopt;
    }
    if (!it->is_string())
      return refuse(id, code::bad_request, std::string("field '") + name + "' must be a string");
    out = it->get<std::string>();
    if ((required && out.empty()) || characters(out) > max)
      return refuse(id, code::bad_request,
                    std::string("field '") + name + "' must be " +
                        (required ? "1 to " : "at most ") + std::to_string(max) + " characters");
    return std::nullopt;
  };
  if (auto r = text_field("type", e.type, true, kMaxTypeLength)) return *r;
  if (auto r = text_field("device", e.device, true, kMaxDeviceLength)) return *r;
  if (auto r = text_field("session", e.session, false, kMaxSessionLength)) return *r;
  if (auto r = text_field("approval_pin", e.approval_pin, false, kMaxApprovalPinLength)) return *r;

  auto args = doc.find("args");
  if (args == doc.end()) return refuse(id, code::bad_request, "field 'args' is missing");
  if (!args->is_object()) return refuse(id, code::bad_request, "field 'args' must be an object");
  e.args = std::move(*args);

  EnvelopeResult r;
  r.ok = true;
  r.envelope = std::move(e);
  return r;
}

std::string reply_ok(std::string_view id, const Json& result) {
  Json reply{{"protocol", kProtocolVersion}, {"id", id}, {"ok", true}, {"result", result}};
  return reply.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string reply_error(std::string_view id, const WireError& error) {
  Json reply{{"protocol", kProtocolVersion},
             {"id", id},
             {"ok", false},
             {"error", {{"code", error.code}, {"message", error.message}}}};
  if (error.problems.is_array()) reply["error"]["problems"] = error.problems;
  // Replace, don't throw, on invalid UTF-8 echoed back from a bad request.
  return reply.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Reply> decode_reply(std::string_view text) {
  Json doc = read_json(text).doc;
  if (!doc.is_object()) return std::nullopt;
  auto ok = doc.find("ok");
  if (ok == doc.end() || !ok->is_boolean()) return std::nullopt;
  Reply reply;
  reply.ok = ok->get<bool>();
  if (auto id = doc.find("id"); id != doc.end() && id->is_string())
    reply.id = id->get<std::string>();
  if (reply.ok) {
    if (auto result = doc.find("result"); result != doc.end()) reply.result = std::move(*result);
    return reply;
  }
  if (auto error = doc.find("error"); error != doc.end() && error->is_object()) {
    auto text = [&](const char* name) {
      auto it = error->find(name);
      return it != error->end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    reply.error.code = text("code");
    reply.error.message = text("message");
    if (auto problems = error->find("problems"); problems != error->end() && problems->is_array())
      reply.error.problems = *problems;
  }
  return reply;
}

std::string make_command(std::string_view id, std::string_view type, std::string_view device,
                         std::string_view session, const Json& args,
                         std::string_view approval_pin) {
  Json doc{{"protocol", kProtocolVersion},
           {"id", id},
           {"type", type},
           {"device", device},
           {"args", args}};
  if (!session.empty()) doc["session"] = session;
  if (!approval_pin.empty()) doc["approval_pin"] = approval_pin;
  // Replace, don't throw, on invalid UTF-8 typed by a person: the hub names the problem.
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace brigade::protocol
