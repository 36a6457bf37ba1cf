// Inventory by ingredient, for the manager (or whoever may manage stock): what is on hand
// of each ingredient, what is low, and the three things done to it: receive a delivery
// (+24 patties), count it (sets the count; the hub records the variance), waste it
// (dropped a steak: with the reason). Who may not asks for a manager's PIN.
#pragma once

#include <string>

#include "approval.h"
#include "intents.h"
#include "keypad.h"
#include "screen_base.h"
#include "view.h"

namespace brigade::terminal {

class InventoryScreen : public ScreenBase {
 public:
  InventoryScreen() : ScreenBase("##inventory") {}
  std::string title(const TerminalView&) const override { return "Inventory"; }

  enum class Action { receive, count, waste };
  void pick(const TerminalView& view, const std::string& ingredient_id);
  const std::string& picked() const { return ingredient_; }
  Action action() const { return action_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  void draw_list(const TerminalView& view);
  void draw_panel(const TerminalView& view, Intents& out);

  std::string ingredient_;
  Action action_ = Action::receive;
  std::string reason_;
  Keypad amount_{Keypad::Kind::count, 7};
  Approval approval_;
};

// The items whose recipes (or whose modifiers' recipes) take the ingredient, by name.
std::string used_by(const Menu& menu, const std::string& ingredient_id);

}  // namespace brigade::terminal
