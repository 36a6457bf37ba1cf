// The right panel of the payment screen: what the part being paid owes, the amount and
// the tip on a pad (with the usual percentages), cash (exact or a note, in one tap) and
// card, the simulated card reader's switch, Close check once nothing is due, and the
// receipt.
#pragma once

#include <utility>

#include "card_dialog.h"
#include "change_due_dialog.h"
#include "follower.h"
#include "keypad.h"
#include "receipt_dialog.h"

namespace brigade::terminal {

class TenderPanel {
 public:
  TenderPanel(ChangeDueDialog& change, CardDialog& card, ReceiptDialog& receipt)
      : change_(change), card_(card), receipt_(receipt) {}
  // `part` (0: the whole check) owes `owed`.
  void draw(const TerminalView& view, const CheckView& check, int part, Money owed, Intents& out);
  // A different check: the pads start empty and the close is no longer followed.
  void reset();
  // Once the close the panel sent is done, the receipt opens.
  void follow_close(const Controller& controller, std::int64_t check_id);
  void stop_following() { closing_.stop(); }

 private:
  ChangeDueDialog& change_;
  CardDialog& card_;
  ReceiptDialog& receipt_;
  Keypad amount_{Keypad::Kind::money, 8};
  Keypad tip_{Keypad::Kind::money, 7};
  bool typing_tip_ = false;
  std::pair<int, std::int64_t> filled_for_{-1, -1};  // (part, due) the amount was filled for
  Follower closing_;
};

}  // namespace brigade::terminal
