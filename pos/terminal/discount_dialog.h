// Money off: a comp (the item or the check for free), a percentage or an amount, on one
// line or the whole check, with a reason and a manager's PIN when the role needs one.
// The totals change on the order screen as soon as the hub has it.
#pragma once

#include <optional>
#include <string>

#include "approval.h"
#include "dialog_base.h"
#include "intents.h"
#include "keypad.h"
#include "view.h"

namespace brigade::terminal {

class DiscountDialog : public DialogBase {
 public:
  DiscountDialog() : DialogBase("##discount", {1180, 770}) {}
  // `line`: the line picked on the order screen (the dialog offers it or the whole check).
  void open(const TerminalView& view, std::int64_t check_id, std::optional<Line> line);
  bool asks_for_pin() const { return approval_.needs_pin(); }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  void pick_kind(const TerminalView& view, DiscountKind kind);

  std::int64_t check_id_ = 0;
  std::optional<Line> line_;
  bool whole_check_ = false;
  DiscountKind kind_ = DiscountKind::comp;
  std::int64_t percent_bp_ = 1000;
  Keypad amount_{Keypad::Kind::money, 7};
  std::string reason_;
  Approval approval_;
};

}  // namespace brigade::terminal
