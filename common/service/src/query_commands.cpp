// Handshake, sessions and the reads: hello, login/logout, menu, snapshot, catch-up.
#include <algorithm>

#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "brigade/security/secrets.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

// 256 random bits from libsodium: a session token must not be guessable.
std::string new_session_token() {
  return security::random_hex(32);
}

// ZeroMQ subscriptions are prefixes: "ticket." covers every station.
bool subscribed(const std::vector<std::string>& subscriptions, std::string_view topic) {
  for (const auto& s : subscriptions)
    if (topic.substr(0, s.size()) == s) return true;
  return false;
}

}  // namespace

Answer OrderService::Impl::hello(Call& call) {
  call.args.no_other_fields();
  if (!call.args.ok()) return refusal(call.args.error());
  return Json{{"protocol", protocol::kProtocolVersion},
              {"hub", "brigade pos-server"},
              {"restaurant", store.restaurant_name()},
              {"seq", store.last_sequence()},
              {"time", call.now}};
}

Answer OrderService::Impl::login(Call& call) {
  protocol::Login cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  // Login is a PIN alone: wrong ones count against the device they come from.
  auto found = staff_at_pad(call, cmd.pin);
  if (!found) return *found.refusal;
  const StaffMember& staff = *found.staff;
  const std::string token = new_session_token();
  store::Session session{
      store::session_token_hash(token), staff.id, call.device_id(), call.now, call.now, 0};
  if (auto s = store.save_session(session); !s) return s.error();
  call.staff = staff;
  emit(event::staff_logged_in, {std::string(topic::staff)},
       {{"staff", protocol::to_json(staff)}, {"device", call.device_id()}}, call.now);
  return Json{{"session", token}, {"staff", protocol::to_json(staff)}};
}

Answer OrderService::Impl::logout(Call& call) {
  call.args.no_other_fields();
  if (!call.args.ok()) return refusal(call.args.error());
  auto session = store.find_session(call.envelope.session);
  session->ended_at = call.now;
  if (auto s = store.save_session(*session); !s) return s.error();
  emit(event::staff_logged_out, {std::string(topic::staff)},
       {{"staff", protocol::to_json(*call.staff)}, {"device", call.device_id()}}, call.now);
  return Json{{"logged_out", call.staff->id}};
}

Answer OrderService::Impl::get_menu(Call& call) {
  call.args.no_other_fields();
  if (!call.args.ok()) return refusal(call.args.error());
  return Json{{"menu", protocol::to_json(menu)},
              {"menu_version", store.menu_version()},
              {"stock", protocol::to_json(stock_now())},
              {"inventory", protocol::inventory_json(menu, store.load_inventory())},
              {"floor", protocol::to_json(floor)}};
}

Answer OrderService::Impl::snapshot(Call& call) {
  protocol::Snapshot cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::vector<std::string>& topics = cmd.topics;

  // The hub handles one command at a time, so state and heads are of the same instant.
  Json heads = Json::object();
  for (const auto& [topic, seq] : store.topic_heads()) heads[topic] = seq;
  Json staff = Json::array();
  for (const auto& s : store.load_staff())
    if (s.active) staff.push_back(protocol::to_json(s));
  const CurrencyFormat currency = store.currency();
  Json result{{"seq", store.last_sequence()},
              {"heads", heads},
              {"restaurant", store.restaurant_name()},
              {"currency", protocol::to_json(currency)},
              {"menu", protocol::to_json(menu)},
              {"stock", protocol::to_json(stock_now())},
              {"inventory", protocol::inventory_json(menu, store.load_inventory())},
              {"menu_version", store.menu_version()},
              {"permissions", protocol::to_json(permissions)},
              {"clock_in_required", store.clock_in_required()},
              {"day", open_day_json()},
              {"floor", protocol::to_json(floor)},
              {"staff", staff}};
  Json checks = Json::array();
  if (subscribed(topics, topic::check))
    for (const auto& c : store.load_open_checks()) checks.push_back(check_json(c));
  result["checks"] = checks;
  Json tickets = Json::array();
  for (const auto& t : store.load_open_tickets()) {
    bool wanted = false;
    for (const auto& station : t.stations)
      wanted = wanted || subscribed(topics, topic::station(station.station_id));
    if (wanted) tickets.push_back(ticket_json(t));
  }
  result["tickets"] = tickets;
  return result;
}

Answer OrderService::Impl::events_since(Call& call) {
  protocol::EventsSince cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t after = cmd.after;
  const std::vector<std::string>& topics = cmd.topics;
  const int limit = cmd.limit.value_or(500);
  // A client asks for the next page after the last seq it got, so a page must not end
  // inside an event filed under several of the asked topics: it is completed, which may
  // pass the limit by fewer rows than there are topics.
  auto events = store.events_since(after, topics, limit + static_cast<int>(topics.size()) + 1);
  std::size_t keep = std::min(events.size(), static_cast<std::size_t>(limit));
  while (keep > 0 && keep < events.size() &&
         events[keep].event.sequence == events[keep - 1].event.sequence)
    ++keep;
  bool more = events.size() > keep;
  events.resize(keep);
  Json out = Json::array();
  for (const auto& e : events)
    out.push_back({{"seq", e.event.sequence},
                   {"prev", e.prev},
                   {"topic", e.topic},
                   {"type", e.event.type},
                   {"at", e.event.at},
                   {"body", Json::parse(e.event.body, nullptr, false)}});
  return Json{{"events", out}, {"more", more}, {"seq", store.last_sequence()}};
}

Answer OrderService::Impl::list_checks(Call& call) {
  call.args.no_other_fields();
  if (!call.args.ok()) return refusal(call.args.error());
  Json checks = Json::array();
  for (const auto& c : store.load_open_checks()) checks.push_back(check_json(c));
  return Json{{"checks", checks}};
}

Answer OrderService::Impl::get_check(Call& call) {
  protocol::GetCheck cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  auto check = store.load_check(check_id);
  if (!check) return check.error();
  Json tickets = Json::array();
  for (const auto& t : store.load_tickets_of_check(check_id)) tickets.push_back(ticket_json(t));
  return Json{{"check", check_json(check.value())}, {"tickets", tickets}};
}

}  // namespace brigade::service
