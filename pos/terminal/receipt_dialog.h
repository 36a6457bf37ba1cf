// The receipt as the guest will get it, dark words on white paper; once the check is
// closed, Done goes back to the floor.
#pragma once

#include "dialog_base.h"

namespace brigade::terminal {

class ReceiptDialog : public DialogBase {
 public:
  ReceiptDialog() : DialogBase("##receipt", {560, 760}) {}
  void open(std::int64_t check_id) {
    check_id_ = check_id;
    open_ = true;
  }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  std::int64_t check_id_ = 0;
};

}  // namespace brigade::terminal
