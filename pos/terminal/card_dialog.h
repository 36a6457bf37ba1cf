// The card reader at work: "Insert, tap or swipe", then APPROVED with its code once the
// payment is on the check, or DECLINED with the reader's words, Try again and Other
// tender.
#pragma once

#include "dialog_base.h"
#include "follower.h"

namespace brigade::terminal {

class CardDialog : public DialogBase {
 public:
  CardDialog() : DialogBase("##card", {700, 460}) {}
  // Just before `charge` goes out: its answer is the one shown, and Try again sends it again.
  void open(const Controller& controller, const ChargeCard& charge);

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_close() override { payment_.stop(); }

 private:
  ChargeCard charge_;
  Follower payment_;
};

}  // namespace brigade::terminal
