// Paying a check: the summary (subtotal, discounts, tax, total, paid, balance); a split
// by seat, by item or evenly, each part with what it owes and a line showing that the
// parts add up to the total; cash with a change-due screen, cards through the card
// processor (declines say so and can be retried), tips, several tenders on one check;
// close when nothing is due, then the receipt.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "follower.h"
#include "intents.h"
#include "keypad.h"
#include "view.h"

namespace brigade::terminal {

// The parts of a split as the hub priced them, and whether they add up to the check's
// total (display only: the hub did the arithmetic).
struct SplitSummary {
  std::vector<Money> totals;
  Money sum;
  Money check_total;
  bool adds_up = false;
  std::string words;  // "$23.45 + $23.45 + $23.44 = $70.34, the check's total"
};
SplitSummary split_summary(const CheckView& check, const TerminalState& state);

class PaymentScreen {
 public:
  void draw(const TerminalView& view, std::int64_t check_id, Intents& out);

  // The person left the screen: nothing it had open comes back later.
  void close_dialogs() {
    change_open_ = card_open_ = receipt_open_ = by_item_ = false;
    cash_.stop();
    closing_.stop();
  }

  int part() const { return part_; }
  void pick_part(int part) { part_ = part; }
  bool change_due_shown() const { return change_open_; }
  bool card_shown() const { return card_open_; }
  bool receipt_shown() const { return receipt_open_; }

 private:
  void start(const CheckView& check);
  void draw_summary(const TerminalView& view, const CheckView& check);
  void draw_split(const TerminalView& view, const CheckView& check, Intents& out);
  void draw_by_item(const CheckView& check, Intents& out);
  void draw_tender(const TerminalView& view, const CheckView& check, Intents& out);
  void draw_change_due(const TerminalView& view);
  void draw_card(const TerminalView& view, Intents& out);
  void draw_receipt(const TerminalView& view, Intents& out);
  Money due(const CheckView& check) const;

  std::int64_t check_id_ = 0;
  int part_ = 0;  // 0: the whole check
  bool parts_seen_empty_ = true;
  Keypad amount_{Keypad::Kind::money, 8};
  Keypad tip_{Keypad::Kind::money, 7};
  bool typing_tip_ = false;
  std::pair<int, std::int64_t> filled_for_{-1, -1};  // (part, due) the amount was filled for
  int even_parts_ = 2;
  bool by_item_ = false;  // assigning lines to parts before the split is sent
  int item_parts_ = 2;
  std::map<std::int64_t, int> item_part_;  // line -> part (0: shared by all)
  Follower cash_;
  bool change_open_ = false;
  bool card_open_ = false;
  ChargeCard last_charge_;
  Follower closing_;
  bool receipt_open_ = false;
};

}  // namespace brigade::terminal
