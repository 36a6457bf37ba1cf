// The middle panel of the payment screen: one check, by seat, by item (in its dialog) or
// evenly, then the parts to pay, each with what it owes, and the line that says whether
// the parts add up to the check's total.
#pragma once

#include <string>
#include <vector>

#include "split_by_item_dialog.h"
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

class SplitPanel {
 public:
  explicit SplitPanel(SplitByItemDialog& by_item) : by_item_(by_item) {}
  // `part`: the part being paid (0: the whole check), changed by a tap on a part.
  void draw(const TerminalView& view, const CheckView& check, int& part, Intents& out);

 private:
  SplitByItemDialog& by_item_;
  int even_parts_ = 2;
};

}  // namespace brigade::terminal
