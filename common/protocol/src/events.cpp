#include "brigade/protocol/events.h"

#include "brigade/protocol/json_text.h"

namespace brigade::protocol {

namespace {

std::int64_t integer_or(const Json& object, const char* name, std::int64_t fallback) {
  auto it = object.find(name);
  return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}

std::string text_or(const Json& object, const char* name, std::string_view fallback) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

}  // namespace

std::string topic::station(std::string_view station_id) {
  return std::string(tickets) + std::string(station_id);
}

std::string encode(const EventMessage& e) {
  Json message{{"seq", e.seq},   {"prev", e.prev}, {"topic", e.topic},
               {"type", e.type}, {"at", e.at},     {"body", e.body}};
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string encode_with_body(const EventMessage& e, std::string_view body_json) {
  auto text = [](std::string_view s) {
    return Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  // encode() writes the keys in the order nlohmann's map keeps them: at, body, prev, seq,
  // topic, type.
  std::string out;
  out.reserve(body_json.size() + 96);
  out += R"({"at":)";
  out += std::to_string(e.at);
  out += R"(,"body":)";
  out += body_json;
  out += R"(,"prev":)";
  out += std::to_string(e.prev);
  out += R"(,"seq":)";
  out += std::to_string(e.seq);
  out += R"(,"topic":)";
  out += text(e.topic);
  out += R"(,"type":)";
  out += text(e.type);
  out += '}';
  return out;
}

std::optional<EventMessage> decode_event(const Json& message, std::string_view topic_fallback) {
  if (!message.is_object()) return std::nullopt;
  EventMessage e;
  e.seq = integer_or(message, "seq", -1);
  e.prev = integer_or(message, "prev", -1);
  if (e.seq <= 0 || e.prev < 0 || e.prev >= e.seq) return std::nullopt;
  e.topic = text_or(message, "topic", topic_fallback);
  if (e.topic.empty()) return std::nullopt;
  e.type = text_or(message, "type", "");
  e.at = integer_or(message, "at", 0);
  if (auto body = message.find("body"); body != message.end()) e.body = *body;
  return e;
}

std::optional<EventMessage> read_event(std::string_view text, std::string_view topic_fallback) {
  return decode_event(read_json(text).doc, topic_fallback);
}

std::string encode(const Heartbeat& h) {
  Json heads = Json::object();
  for (const auto& [name, seq] : h.heads) heads[name] = seq;
  Json message{{"type", event::heartbeat}, {"seq", h.seq}, {"at", h.at}, {"heads", heads}};
  if (h.development) message["development"] = true;
  return message.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Heartbeat> decode_heartbeat(const Json& message) {
  if (!message.is_object()) return std::nullopt;
  auto heads = message.find("heads");
  if (heads == message.end() || !heads->is_object()) return std::nullopt;
  Heartbeat h;
  h.seq = integer_or(message, "seq", 0);
  h.at = integer_or(message, "at", 0);
  auto development = message.find("development");
  h.development =
      development != message.end() && development->is_boolean() && development->get<bool>();
  // A head that is not a number is skipped, not fatal: the others still show a gap.
  for (const auto& [name, head] : heads->items())
    if (head.is_number_integer()) h.heads[name] = head.get<std::int64_t>();
  return h;
}

std::optional<Heartbeat> read_heartbeat(std::string_view text) {
  return decode_heartbeat(read_json(text).doc);
}

}  // namespace brigade::protocol
