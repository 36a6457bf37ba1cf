// Opening a check: the guest count for a table (one tap on the number opens it), or a
// name for a bar tab, and a name, phone and promised time for takeout and delivery.
#pragma once

#include <string>

#include "dialog_base.h"
#include "follower.h"
#include "intents.h"
#include "text_entry.h"
#include "view.h"

namespace brigade::terminal {

class OpenCheckDialog : public DialogBase {
 public:
  OpenCheckDialog() : DialogBase("##open-guests", {760, 560}) {}
  void ask_guests(const Table& table);
  void ask_name(Channel channel);

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  enum class Mode { guests, named };
  void draw_guests(const TerminalView& view, Intents& out);
  void draw_named(const TerminalView& view, Intents& out);
  // After the open_check went out: says it is opening, or why the hub refused.
  bool draw_outcome(const TerminalView& view);

  Mode mode_ = Mode::guests;
  Table table_;
  Channel channel_ = Channel::bar_tab;
  TextEntry name_{40, TextEntry::Capitals::words};
  TextEntry phone_{20};
  bool typing_phone_ = false;
  int ready_in_minutes_ = 20;
  Follower opening_;
};

}  // namespace brigade::terminal
