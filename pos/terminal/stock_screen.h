// The 86 list and counts, for the manager before service (and a cook on the line): 86 an
// item, put it back on, set "short rib: 12 left" or stop counting. Every terminal shows
// the change at once. A role without the right asks for a manager's PIN.
#pragma once

#include <string>

#include "approval.h"
#include "intents.h"
#include "keypad.h"
#include "screen_base.h"
#include "view.h"

namespace brigade::terminal {

class StockScreen : public ScreenBase {
 public:
  StockScreen() : ScreenBase("##stock") {}
  std::string title(const TerminalView&) const override { return "86 list"; }
  void pick(const TerminalView& view, const std::string& item_id);
  const std::string& picked() const { return item_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  void draw_item(const TerminalView& view, Intents& out);

  std::string category_;
  std::string item_;
  Keypad count_{Keypad::Kind::count, 5};
  Approval approval_;
};

}  // namespace brigade::terminal
