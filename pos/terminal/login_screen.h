// Log in with a PIN on a large keypad, or punch the time clock with it (in, break, back,
// out) without logging in. Shown whenever nobody is logged in: at start, after
// "Log out", and after the terminal logged itself out when left idle.
#pragma once

#include <string>

#include "intents.h"
#include "keypad.h"
#include "screen_base.h"
#include "view.h"

namespace brigade::terminal {

class LoginScreen : public ScreenBase {
 public:
  LoginScreen() : ScreenBase("##login") {}
  std::string title(const TerminalView&) const override { return {}; }
  // Said above the keypad until the next key: "Logged out: the terminal was idle."
  void set_message(std::string message) { message_ = std::move(message); }
  const std::string& message() const { return message_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  Keypad pin_{Keypad::Kind::pin, 6};
  std::string message_;
  std::string last_ = "login";  // what the pad sent last: "login" or "clock"
};

}  // namespace brigade::terminal
