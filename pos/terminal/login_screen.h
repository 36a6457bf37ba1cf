// Log in with a PIN on a large keypad. Shown whenever nobody is logged in: at start, after
// "Log out", and after the terminal logged itself out when left idle.
#pragma once

#include <string>

#include "intents.h"
#include "keypad.h"
#include "view.h"

namespace brigade::terminal {

class LoginScreen {
 public:
  void draw(const TerminalView& view, Intents& out);
  // Said above the keypad until the next key: "Logged out: the terminal was idle."
  void set_message(std::string message) { message_ = std::move(message); }
  const std::string& message() const { return message_; }

 private:
  Keypad pin_{Keypad::Kind::pin, 6};
  std::string message_;
};

}  // namespace brigade::terminal
