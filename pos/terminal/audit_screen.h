// The audit log, for a manager: who voided, comped, discounted, changed a price, the
// menu, the stock, the staff or a PIN, fixed a punch or approved with their PIN; when, on
// which device, and what it was before and after. Filtered by kind, person and period, a
// page at a time; tap an entry for its before and after.
#pragma once

#include <cstdint>
#include <string>

#include "intents.h"
#include "screen_base.h"
#include "view.h"

namespace brigade::terminal {

class AuditScreen : public ScreenBase {
 public:
  AuditScreen() : ScreenBase("##audit") {}
  std::string title(const TerminalView&) const override { return "Audit log"; }

  static constexpr int kPage = 100;

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override { asked_ = false; }

 private:
  void draw_filters(const TerminalView& view);
  void draw_people(const TerminalView& view);  // whose actions: anyone, or one person
  void draw_entries(const TerminalView& view, const Json& entries, Intents& out);
  void draw_entry(const TerminalView& view, const Json& entry);
  void ask_again() {
    asked_ = false;
    after_id_ = 0;
    picked_ = 0;
  }

  bool asked_ = false;
  std::string family_;         // "" every action, else "menu", "line", "stock", ...
  std::string staff_id_;       // "" anyone
  int days_ = 1;               // the period: today (1), the last 7 or 30 days
  std::int64_t after_id_ = 0;  // the page: entries after this id
  std::int64_t picked_ = 0;    // the entry shown with its before and after
};

// "Menu: item changed", "Line voided", "Override: void line": an action in words.
std::string action_words(const std::string& action);

}  // namespace brigade::terminal
