// The kitchen: screens acknowledge, bump, recall, item-bump and rush tickets; expo
// serves them. A kitchen screen may send these without anyone logged in on it, for its own
// stations only (an expo screen for all); a cook or manager logged in on a terminal may too.
#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

bool has_expo(const Menu& menu) {
  for (const auto& s : menu.stations)
    if (s.expo) return true;
  return false;
}

// The hub, not the screen, decides which stations a screen works: from its pairing.
std::optional<Refusal> station_refusal(const Call& call, std::string_view station) {
  if (call.works_station(station)) return std::nullopt;
  std::string own;
  for (const auto& s : call.device.stations) own += (own.empty() ? "" : ", ") + s;
  return refusal(fail(Errc::forbidden, "this screen works " + (own.empty() ? "no station" : own) +
                                           ": it cannot act for '" + std::string(station) + "'"));
}

}  // namespace

// Reads the command's typed args (refusing what is not), then loads its ticket.
#define BRIGADE_READ_KITCHEN(Command, cmd, ticket_var)    \
  protocol::Command cmd;                                  \
  protocol::read(call.args, cmd);                         \
  if (!call.args.ok()) return refusal(call.args.error()); \
  auto ticket_var = store.load_ticket(cmd.ticket_id);     \
  if (!ticket_var) return ticket_var.error();

// Lines of the ticket move ready (every station done) or served (expo) on their check,
// which is saved; returns it if a line moved (its event is the caller's, after the
// ticket's own).
static Result<std::optional<Check>> advance_lines(OrderService::Impl& hub, const Ticket& ticket,
                                                  LineState to) {
  auto check = hub.store.load_check(ticket.check_id);
  if (!check) return check.error();
  hub.before_change.insert_or_assign(check->id, check.value());
  bool changed = false;
  for (auto line_id : ticket.line_ids) {
    Line* line = check->find_line(line_id);
    if (!line || !with_kitchen(line->state) || line->state == to) continue;
    if (line->state == LineState::served) continue;
    Status s = to == LineState::ready ? mark_ready(check.value(), line_id)
                                      : mark_served(check.value(), line_id);
    if (!s) return s.error();
    changed = true;
  }
  if (!changed) return std::optional<Check>();
  if (auto s = hub.store.save_check(check.value()); !s) return s.error();
  return std::optional<Check>(std::move(check.value()));
}

// A kitchen command's event and reply carry the ticket's progress, not the whole ticket:
// no check to load and no lines to write for each tap on a screen.
Json OrderService::Impl::emit_progress(std::string_view type, const Ticket& ticket, EpochMs now,
                                       const Check* moved) {
  Json body = emit(type, ticket_topics(ticket),
                   {{"progress", protocol::to_json(protocol::progress_of(ticket, moved))}}, now);
  return std::move(body["progress"]);
}

// The ticket's event with its lines' new states, then the check's.
Result<Json> OrderService::Impl::emit_advanced(std::string_view type, const Ticket& ticket,
                                               LineState to, EpochMs now) {
  auto moved = advance_lines(*this, ticket, to);
  if (!moved) return moved.error();
  Json progress = emit_progress(type, ticket, now, moved->has_value() ? &**moved : nullptr);
  if (moved->has_value())
    emit_check(to == LineState::ready ? event::lines_ready : event::lines_served, **moved, now,
               {{"ticket_id", ticket.id}});
  return progress;
}

static Json progress_reply(Json progress) {
  return Json{{"ticket_id", progress["id"]}, {"progress", std::move(progress)}};
}

static Json progress_reply(const Ticket& ticket) {
  return progress_reply(protocol::to_json(protocol::progress_of(ticket)));
}

Answer OrderService::Impl::ack_ticket(Call& call) {
  BRIGADE_READ_KITCHEN(AckTicket, cmd, ticket)
  const std::string& station = cmd.station;
  if (auto r = station_refusal(call, station)) return *r;
  const StationProgress* progress = ticket->find_station(station);
  bool first = progress && progress->acknowledged_at == 0;
  if (auto s = acknowledge(ticket.value(), station, call.now); !s) return s.error();
  if (first) {
    if (auto s = store.save_ticket(ticket.value()); !s) return s.error();
    emit_progress(event::ticket_acknowledged, ticket.value(), call.now);
  }
  return Json{{"ticket_id", ticket->id}, {"station", station}};
}

Result<Json> OrderService::Impl::serve_ticket(Ticket& ticket, EpochMs now) {
  if (auto s = brigade::serve(ticket, now); !s) return s.error();
  if (auto s = store.save_ticket(ticket); !s) return s.error();
  return emit_advanced(event::ticket_served, ticket, LineState::served, now);
}

Answer OrderService::Impl::bump(Call& call) {
  BRIGADE_READ_KITCHEN(Bump, cmd, ticket)
  const std::string& station = cmd.station;
  if (auto r = station_refusal(call, station)) return *r;
  // A second tap (or a bump-bar bounce) changes nothing and tells nobody.
  if (const StationProgress* p = ticket->find_station(station); p && p->bumped_at != 0)
    return progress_reply(ticket.value());
  auto ready = bump_station(ticket.value(), station, call.now);
  if (!ready) return ready.error();
  if (auto s = store.save_ticket(ticket.value()); !s) return s.error();
  if (!ready.value())
    return progress_reply(emit_progress(event::ticket_bumped, ticket.value(), call.now));
  auto progress = emit_advanced(event::ticket_bumped, ticket.value(), LineState::ready, call.now);
  if (!progress) return progress.error();
  // Without an expo screen, the last station's bump sends the plates.
  if (!has_expo(menu)) progress = serve_ticket(ticket.value(), call.now);
  if (!progress) return progress.error();
  return progress_reply(std::move(progress.value()));
}

Answer OrderService::Impl::serve(Call& call) {
  BRIGADE_READ_KITCHEN(Serve, cmd, ticket)
  if (auto r = station_refusal(call, kExpoStation)) return *r;
  if (ticket->status == TicketStatus::served) return progress_reply(ticket.value());
  auto progress = serve_ticket(ticket.value(), call.now);
  if (!progress) return progress.error();
  return progress_reply(std::move(progress.value()));
}

Answer OrderService::Impl::recall(Call& call) {
  BRIGADE_READ_KITCHEN(Recall, cmd, ticket)
  const auto& station = cmd.station;
  if (auto r = station_refusal(call, station ? std::string_view(*station) : kExpoStation))
    return *r;
  // With a station: back onto that station's screen; without: back from served at expo.
  Status s = station ? recall_station(ticket.value(), *station) : recall_served(ticket.value());
  if (!s) return s.error();
  if (auto saved = store.save_ticket(ticket.value()); !saved) return saved.error();
  emit_ticket(event::ticket_recalled, ticket.value(), call.now);
  return Json{{"ticket", ticket_json(ticket.value())}};
}

Answer OrderService::Impl::item_bump(Call& call) {
  BRIGADE_READ_KITCHEN(ItemBump, cmd, ticket)
  const std::string& station = cmd.station;
  if (auto r = station_refusal(call, station)) return *r;
  if (auto s = bump_item(ticket.value(), cmd.line_id, station, cmd.done); !s) return s.error();
  // Working a line means the station has the ticket in front of it.
  if (auto s = acknowledge(ticket.value(), station, call.now); !s) return s.error();
  if (auto s = store.save_ticket(ticket.value()); !s) return s.error();
  return progress_reply(emit_progress(event::ticket_item_bumped, ticket.value(), call.now));
}

Answer OrderService::Impl::rush(Call& call) {
  BRIGADE_READ_KITCHEN(Rush, cmd, ticket)
  // Expo calls the rush, or any station the ticket goes to.
  bool mine = call.works_station(kExpoStation);
  for (const auto& s : ticket->stations) mine = mine || call.works_station(s.station_id);
  if (!mine) return *station_refusal(call, kExpoStation);
  ticket->rush = cmd.rush;
  if (auto s = store.save_ticket(ticket.value()); !s) return s.error();
  return progress_reply(emit_progress(event::ticket_rush, ticket.value(), call.now));
}

std::vector<Publication> OrderService::Impl::tick(EpochMs now) {
  std::vector<Publication> out;
  expire_replies(now);
  try {
    for (auto& ticket :
         store.load_tickets_waiting_for_acknowledgement(now - options.ack_timeout_ms)) {
      auto overdue = stations_overdue(ticket, now, options.ack_timeout_ms);
      if (overdue.empty()) continue;
      pending.clear();
      Status committed = store.transaction([&](store::Store& s) -> Status {
        for (const auto& station : overdue) {
          ticket.find_station(station)->alerted = true;
          auto check = s.load_check(ticket.check_id);
          emit(event::station_not_acknowledged, {std::string(topic::alert)},
               {{"ticket_id", ticket.id},
                {"check_id", ticket.check_id},
                {"label", check ? check->label() : std::string()},
                {"station", station},
                {"waiting_ms", now - ticket.fired_at}},
               now);
          if (options.audit)
            options.audit("station '" + station + "' has not acknowledged ticket " +
                          std::to_string(ticket.id) + " after " +
                          std::to_string((now - ticket.fired_at) / 1000) + " s");
        }
        return s.save_ticket(ticket);
      });
      if (committed) {
        auto published = publications_of(pending);
        out.insert(out.end(), published.begin(), published.end());
      }
      pending.clear();
    }
  } catch (const std::exception& e) {
    pending.clear();
    if (options.audit) options.audit(std::string("ack watch failed: ") + e.what());
  }
  return out;
}

// Kept replies past their time lose their text, a bounded number per pass so that a hub
// with a long backlog (an upgraded store) never stalls its commands for it.
void OrderService::Impl::expire_replies(EpochMs now) {
  if (now < next_reply_expiry) return;
  constexpr int kPerPass = 500;
  int expired = 0;
  Status done = store.transaction([&](store::Store& s) -> Status {
    auto n = s.expire_replies(now - options.reply_kept_ms, kPerPass);
    if (!n) return n.error();
    expired = *n;
    return success();
  });
  if (!done && options.audit)
    options.audit("expiring kept replies failed: " + done.error().message);
  // More waiting: go on at the next tick; else look again in a minute.
  next_reply_expiry = done && expired == kPerPass ? now : now + 60'000;
}

}  // namespace brigade::service
