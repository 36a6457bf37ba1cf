// What every screen shares, in the manner of ImHex's View: draw() owns the screen's
// window (a child of the terminal's, below the top bar and the warnings, so the screen
// lays out exactly as it would in the terminal's own window), then draws the screen's
// content and its dialogs. A screen draws only its content (draw_content) and says which
// dialogs it owns (has_dialogs); TerminalApp closes them all when the person leaves it.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "dialog_base.h"
#include "intents.h"
#include "view.h"

namespace brigade::terminal {

class ScreenBase {
 public:
  // id: the screen's ImGui window id ("##floor").
  explicit ScreenBase(const char* id) : id_(id) {}
  virtual ~ScreenBase() = default;
  // Its dialogs are registered by address.
  ScreenBase(const ScreenBase&) = delete;
  ScreenBase& operator=(const ScreenBase&) = delete;

  // One frame of the screen, inside the terminal's window.
  void draw(const TerminalView& view, Intents& out);
  // The person left the screen: nothing it had open comes back later.
  void close_dialogs();
  // What the top bar says while the screen shows ("Table 12", "86 list").
  virtual std::string title(const TerminalView& view) const = 0;

 protected:
  virtual void draw_content(const TerminalView& view, Intents& out) = 0;
  // Anything besides the dialogs that must not outlive a visit (a command followed).
  virtual void on_leave() {}
  // The dialogs this screen owns, drawn after its content in this order.
  void has_dialogs(std::initializer_list<DialogBase*> dialogs) { dialogs_ = dialogs; }
  // From draw_content: this frame the dialogs are not drawn (the check is not here yet,
  // or is closed); they keep their state and show again once it is.
  void hold_dialogs() { holding_ = true; }

 private:
  const char* id_;
  std::vector<DialogBase*> dialogs_;
  bool holding_ = false;
};

}  // namespace brigade::terminal
