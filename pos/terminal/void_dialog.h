// Voiding a line the kitchen has seen: how many, why (a reason is required), and a
// manager's PIN when the role needs one. The kitchen sees the void on its ticket.
#pragma once

#include <string>

#include "approval.h"
#include "dialog_base.h"
#include "intents.h"
#include "text_entry.h"
#include "view.h"

namespace brigade::terminal {

class VoidDialog : public DialogBase {
 public:
  VoidDialog() : DialogBase("##void", {1120, 760}) {}
  // manager_needed: the person's role may not void alone, so the PIN is asked up front.
  void open(std::int64_t check_id, const Line& line, bool manager_needed);
  bool asks_for_pin() const { return approval_.needs_pin(); }
  const Approval& approval() const { return approval_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  std::int64_t check_id_ = 0;
  Line line_;
  int quantity_ = 1;
  std::string reason_;
  bool typing_ = false;
  TextEntry other_{120};
  Approval approval_;
};

}  // namespace brigade::terminal
