// A manager's approval on one command (voids, comps, discounts, the 86 list): the PIN
// pad shown up front when the role needs it, or when the hub refuses with "forbidden";
// and following the command the dialog sent until the hub has answered it.
#pragma once

#include <string>
#include <string_view>

#include "controller.h"
#include "follower.h"
#include "keypad.h"

namespace brigade::terminal {

class Approval {
 public:
  enum class Stage { editing, waiting, done };

  // A new request: ask for a PIN now when the person may not do it alone.
  void start(bool manager_needed);
  // Just before the dialog emits its intent: from now on follow the next `type` command.
  void sending(const Controller& controller, std::string_view type);
  // Where that command stands. A refusal brings the dialog back to editing with a message
  // (and the PIN pad, when a manager's PIN is what was missing).
  Stage follow(const Controller& controller);

  // The request changed to something the person may not do alone.
  void require_pin() { needs_pin_ = true; }
  // For a dialog: while its command waits, says so (and returns true: draw nothing more);
  // once it is done, closes the dialog (open = false, returns true).
  bool waiting_or_done(const Controller& controller, const std::string& waiting_words, bool& open);

  bool needs_pin() const { return needs_pin_; }
  bool has_pin() const { return pin_.digits().size() >= 4; }
  // The PIN to put on the command ("" when none is needed).
  std::string pin() const { return needs_pin_ ? pin_.digits() : std::string(); }
  const std::string& message() const { return message_; }

  // "Manager's PIN" and the pad; probed under `name`.
  void draw_pad(const char* name, ImVec2 size);

 private:
  bool needs_pin_ = false;
  Keypad pin_{Keypad::Kind::pin, 6};
  std::string message_;
  Follower command_;
};

}  // namespace brigade::terminal
