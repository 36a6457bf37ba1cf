// After cash is taken: "Recording the cash...", then the change to hand back, large, or
// why the hub refused the payment.
#pragma once

#include "dialog_base.h"
#include "follower.h"

namespace brigade::terminal {

class ChangeDueDialog : public DialogBase {
 public:
  ChangeDueDialog() : DialogBase("##change", {640, 420}) {}
  // Just before the TakeCash goes out: its answer is the one shown.
  void open(const Controller& controller);

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_close() override { payment_.stop(); }

 private:
  Follower payment_;
};

}  // namespace brigade::terminal
