#include "approval.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void Approval::start(bool manager_needed) {
  needs_pin_ = manager_needed;
  pin_.clear();
  message_.clear();
  command_.stop();
}

void Approval::sending(const Controller& controller, std::string_view type) {
  command_.start(controller, type);
  message_.clear();
}

Approval::Stage Approval::follow(const Controller& controller) {
  if (!command_.active()) return Stage::editing;
  const CommandRecord* r = command_.record(controller);
  if (!r || r->pending()) return Stage::waiting;  // not yet sent, or not yet answered
  command_.stop();
  if (r->state == CommandRecord::State::done) return Stage::done;
  message_ = r->message;
  if (r->code == protocol::code::forbidden && !needs_pin_) {
    needs_pin_ = true;  // the hub says a manager must approve: ask for the PIN now
  } else if (r->code == protocol::code::wrong_pin || r->code == protocol::code::forbidden ||
             r->code == protocol::code::locked_out) {
    pin_.clear();
  }
  return Stage::editing;
}

bool Approval::waiting_or_done(const Controller& controller, const std::string& waiting_words,
                               bool& open) {
  switch (follow(controller)) {
    case Stage::done:
      open = false;
      return true;
    case Stage::waiting:
      touch::big(waiting_words);
      touch::dim("Waiting for the hub.");
      return true;
    case Stage::editing:
      return false;
  }
  return false;
}

void Approval::draw_pad(const char* name, ImVec2 size) {
  touch::heading("Manager's PIN");
  ImGui::SameLine();
  touch::coloured(pin_.empty() ? "a manager approves this" : pin_.display(), ui::colour::warning);
  pin_.draw(name, size);
}

}  // namespace brigade::terminal
