// "Change my PIN", for whoever is logged in: the PIN they have now, then the new one
// twice, sent as change_pin with the current PIN (no manager needed). The hub checks the
// current PIN like an approval (wrong ones count towards the lock-out) and refuses a new
// PIN someone else holds; the panel says what the hub said.
#pragma once

#include <string>

#include "follower.h"
#include "intents.h"
#include "keypad.h"
#include "view.h"

namespace brigade::terminal {

class PinChangePanel {
 public:
  enum class Step { closed, current, fresh, again };
  // Draws the button that opens it, or its steps; probed as "mypin.*".
  void draw(const TerminalView& view, Intents& out, float width);
  void close();
  Step step() const { return step_; }

 private:
  Step step_ = Step::closed;
  Keypad pad_{Keypad::Kind::pin, 6};
  std::string current_, fresh_;
  std::string mismatch_;
  Follower changing_;
};

}  // namespace brigade::terminal
