// Splitting by item: how many parts, then the part each line goes on (or All, shared
// between every part); Split these sends the plan.
#pragma once

#include <map>

#include "dialog_base.h"

namespace brigade::terminal {

class SplitByItemDialog : public DialogBase {
 public:
  SplitByItemDialog() : DialogBase("##by-item", {1040, 770}) {}
  // Starts from the check's by-item split if it has one, else two parts.
  void open(const Check& check);

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  std::int64_t check_id_ = 0;
  int parts_ = 2;
  std::map<std::int64_t, int> part_of_;  // line -> part (0: shared by all)
};

}  // namespace brigade::terminal
