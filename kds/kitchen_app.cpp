#include "kds/kitchen_app.h"

#include <spdlog/spdlog.h>

#include <variant>

#include "brigade/domain/clock.h"
#include "brigade/protocol/protocol.h"

namespace brigade::kds {

KitchenApp::KitchenApp(KitchenOptions options, Controller::Send send, Controller::Clock clock)
    : options_(std::move(options)),
      clock_(clock ? std::move(clock) : now_ms),
      board_(options_.config),
      controller_(board_, std::move(send), clock_),
      screen_(options_.columns),
      started_(clock_()) {
  controller_.sync_clock();
}

void KitchenApp::hear(HubNews news) {
  for (const auto& item : news.feed) {
    const bool snapshot = std::holds_alternative<net::SnapshotLoaded>(item);
    board_.apply(item);
    if (!snapshot) continue;
    spdlog::info("snapshot at #{}: {} tickets on screen", board_.seq(), board_.tickets().size());
    for (const auto& s : board_.unknown_stations()) {
      spdlog::error("station '{}' is not in the restaurant's menu: no ticket comes here", s);
      controller_.say("No station '" + s + "' in this restaurant: check --station");
    }
  }
  for (const auto& n : board_.take_notices()) spdlog::info("{}", n.text);
  for (const auto& answer : news.answers) {
    if (answer.type == protocol::command::hello && answer.ok) clock_synced_ = true;
    controller_.answered(answer);
    if (!answer.ok) spdlog::warn("{} refused: {}", answer.type, answer.message);
  }
  for (const auto& q : controller_.take_quiet_refusals()) spdlog::warn("{}", q);
  if (news.online != online_) {
    spdlog::log(news.online ? spdlog::level::info : spdlog::level::warn, "{}",
                news.online ? "online: the hub's heartbeat is back" : "OFFLINE: no heartbeat");
    if (news.online) controller_.sync_clock();
  }
  online_ = news.online;
  since_heartbeat_ = news.since_heartbeat;
  hub_development_ = news.hub_development;
}

FrameOutput KitchenApp::draw() {
  const EpochMs now = clock_();
  shown_ = {};
  shown_.board = &board_;
  shown_.now = controller_.hub_now();
  // Before the first heartbeat the hub is given the same 3 s as after the last one.
  const bool heard_yet = since_heartbeat_.has_value();
  shown_.connection.online = online_ || (!heard_yet && now - started_ < kGraceAtStartMs);
  shown_.connection.since_contact = since_heartbeat_;
  shown_.connection.development = hub_development_;
  shown_.connection.pending = online_ ? 0 : controller_.waiting();
  if (!controller_.message().empty() && now - controller_.message_at() < kMessageShownMs)
    shown_.message = controller_.message();
  shown_.hub = options_.hub;
  FrameOutput out = screen_.draw(shown_);
  log_intents(out);
  controller_.run(out);
  return out;
}

void KitchenApp::log_intents(const FrameOutput& out) const {
  for (const auto& intent : out.intents) {
    if (const auto* b = std::get_if<BumpTicket>(&intent))
      spdlog::info("cook {} ticket {}", board_.config().expo ? "serves" : "bumps", b->ticket_id);
    else if (const auto* l = std::get_if<BumpLine>(&intent))
      spdlog::info("cook marks line {} of ticket {} {}", l->line_id, l->ticket_id,
                   l->done ? "done" : "not done");
    else if (const auto* r = std::get_if<RecallTicket>(&intent))
      spdlog::info("cook recalls ticket {}", r->ticket_id);
  }
}

}  // namespace brigade::kds
