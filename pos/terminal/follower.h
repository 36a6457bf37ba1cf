// Following one command from the screen that asked for it to the hub's answer: a dialog
// starts following just before it emits its intent, and learns on later frames whether
// the command is waiting, done or refused.
#pragma once

#include <string>
#include <string_view>

#include "controller.h"

namespace brigade::terminal {

class Follower {
 public:
  // The next `type` command the controller sends is the one to follow.
  void start(const Controller& controller, std::string_view type) {
    type_ = std::string(type);
    const CommandRecord* last = controller.last(type);
    before_id_ = last ? last->id : "";
    active_ = true;
  }
  void stop() { active_ = false; }
  bool active() const { return active_; }
  // The command once the controller has sent it; null before, and when not following.
  const CommandRecord* record(const Controller& controller) const {
    if (!active_) return nullptr;
    const CommandRecord* r = controller.last(type_);
    return r && r->id != before_id_ ? r : nullptr;
  }

 private:
  std::string type_;
  std::string before_id_;
  bool active_ = false;
};

}  // namespace brigade::terminal
