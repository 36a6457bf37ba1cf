#include "kds/controller.h"

#include "brigade/domain/clock.h"
#include "brigade/protocol/protocol.h"

namespace brigade::kds {

Controller::Controller(Board& board, Send send, Clock clock)
    : board_(board), send_(std::move(send)), clock_(clock ? std::move(clock) : now_ms) {}

void Controller::send(std::string_view type, const Json& args, Sent sent) {
  std::string id = send_(std::string(type), args);
  sent_[id] = std::move(sent);
}

std::string Controller::name_of(std::int64_t ticket_id) const {
  if (const Ticket* t = board_.find(ticket_id))
    return t->label + " #" + std::to_string(t->check_number);
  for (const auto& b : board_.recently_bumped())
    if (b.ticket_id == ticket_id) return b.label + " #" + std::to_string(b.check_number);
  return "ticket " + std::to_string(ticket_id);
}

void Controller::say(std::string text) {
  message_ = std::move(text);
  message_at_ = clock_();
}

void Controller::sync_clock() {
  send(protocol::command::hello, Json::object(), {"ask the time", 0, false, false});
}

std::size_t Controller::waiting() const {
  std::size_t n = 0;
  for (const auto& [id, sent] : sent_) n += sent.tell_cook ? 1 : 0;
  return n;
}

void Controller::run(const FrameOutput& frame) {
  for (const auto& intent : frame.intents) handle(intent);
  for (auto id : frame.on_board) board_.displayed(id);
  acknowledge_displayed();
}

void Controller::handle(const Intent& intent) {
  if (const auto* bump = std::get_if<BumpTicket>(&intent)) {
    const Ticket* ticket = board_.find(bump->ticket_id);
    if (!ticket || board_.bump_in_flight(ticket->id)) return;  // a double tap
    if (board_.held(*ticket)) {
      say(name_of(ticket->id) + " is on hold: the server fires it from the terminal");
      return;
    }
    const std::string name = name_of(ticket->id);
    if (board_.config().expo) {
      send(protocol::Serve{ticket->id}, {"serve " + name, ticket->id, true});
      board_.bump_sent(ticket->id);
      return;
    }
    for (const auto& station : board_.stations_to_bump(*ticket)) {
      send(protocol::Bump{ticket->id, station}, {"bump " + name, ticket->id, true});
      board_.bump_sent(ticket->id);
    }
  } else if (const auto* line = std::get_if<BumpLine>(&intent)) {
    const Ticket* ticket = board_.find(line->ticket_id);
    const TicketLine* l = ticket ? ticket->line(line->line_id) : nullptr;
    if (!l || board_.config().expo) return;  // expo serves whole tickets
    for (const auto& station : board_.config().stations)
      if (l->goes_to(station) && ticket->station(station))
        send(protocol::ItemBump{ticket->id, l->id, station, line->done},
             {"mark " + l->name + " on " + name_of(ticket->id), ticket->id, false});
  } else if (const auto* recall = std::get_if<RecallTicket>(&intent)) {
    const std::string name = name_of(recall->ticket_id);
    if (board_.config().expo) {
      send(protocol::Recall{recall->ticket_id, std::nullopt},
           {"recall " + name, recall->ticket_id, false});
      return;
    }
    auto stations = board_.stations_to_recall(recall->ticket_id);
    if (stations.empty()) say(name + " has left the kitchen: it can't be recalled here");
    for (const auto& station : stations)
      send(protocol::Recall{recall->ticket_id, station},
           {"recall " + name, recall->ticket_id, false});
  }
}

void Controller::acknowledge_displayed() {
  for (const auto& ack : board_.take_acknowledgements_due())
    send(protocol::AckTicket{ack.ticket_id, ack.station},
         {"acknowledge " + name_of(ack.ticket_id), ack.ticket_id, false, false});
}

void Controller::answered(const client::Answer& answer) {
  auto it = sent_.find(answer.id);
  if (it == sent_.end()) return;
  Sent sent = std::move(it->second);
  sent_.erase(it);
  if (answer.type == protocol::command::hello && answer.ok) {
    auto time = answer.result.find("time");
    if (time != answer.result.end() && time->is_number_integer())
      offset_ms_ = time->get<EpochMs>() - clock_();
    return;
  }
  if (answer.ok) return;
  if (sent.hides_ticket) board_.bump_refused(sent.ticket_id);
  if (!sent.tell_cook) {
    quiet_.push_back("the hub refused to " + sent.what + ": " + answer.message);
    return;
  }
  say("The hub refused to " + sent.what + ": " + answer.message);
}

}  // namespace brigade::kds
