// Paying a check: the summary (subtotal, discounts, tax, total, paid, balance); a split
// by seat, by item or evenly, each part with what it owes and a line showing that the
// parts add up to the total; cash with a change-due screen, cards through the card
// processor (declines say so and can be retried), tips, several tenders on one check;
// close when nothing is due, then the receipt. Each panel and dialog is in its own file:
// payment_summary, split_panel, split_by_item_dialog, tender_panel, change_due_dialog,
// card_dialog, receipt_dialog.
#pragma once

#include <string>

#include "card_dialog.h"
#include "change_due_dialog.h"
#include "receipt_dialog.h"
#include "screen_base.h"
#include "split_by_item_dialog.h"
#include "split_panel.h"
#include "tender_panel.h"
#include "view.h"

namespace brigade::terminal {

class PaymentScreen : public ScreenBase {
 public:
  PaymentScreen();
  std::string title(const TerminalView& view) const override;

  int part() const { return part_; }
  void pick_part(int part) { part_ = part; }
  bool change_due_shown() const { return change_.is_open(); }
  bool card_shown() const { return card_.is_open(); }
  bool receipt_shown() const { return receipt_.is_open(); }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override { tender_.stop_following(); }

 private:
  void start(const CheckView& check);
  Money due(const CheckView& check) const;

  std::int64_t check_id_ = 0;
  int part_ = 0;  // 0: the whole check
  bool parts_seen_empty_ = true;
  SplitByItemDialog by_item_;
  ChangeDueDialog change_;
  CardDialog card_;
  ReceiptDialog receipt_;
  SplitPanel split_{by_item_};
  TenderPanel tender_{change_, card_, receipt_};
};

}  // namespace brigade::terminal
