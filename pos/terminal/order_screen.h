// Order entry on one check: categories and items as big buttons (86'd items greyed with
// "86", counted ones with how many are left, live from every terminal); seat, course and
// quantity for the next item; the check's lines grouped by seat and course, unsent ones
// plainly apart from sent ones, each sent line with its kitchen state; send everything,
// hold courses and fire them; voids, comps and discounts; on to payment.
#pragma once

#include <optional>
#include <set>
#include <string>

#include "check_actions_dialog.h"
#include "discount_dialog.h"
#include "intents.h"
#include "line_note_dialog.h"
#include "modifier_dialog.h"
#include "screen_base.h"
#include "view.h"
#include "void_dialog.h"

namespace brigade::terminal {

class OrderScreen : public ScreenBase {
 public:
  OrderScreen();
  std::string title(const TerminalView& view) const override;

  // What a tap on an item does: nothing if it is out, the modifier dialog if it has
  // choices, else the line goes on the check.
  void tap_item(const TerminalView& view, std::int64_t check_id, const std::string& item_id,
                Intents& out);
  // A tap on a choice in the open modifier dialog.
  void choose_modifier(const Menu& menu, const std::string& modifier_id) {
    modifiers_.choose(menu, modifier_id);
  }
  void show_category(std::string category_id) { category_ = std::move(category_id); }

  int seat() const { return seat_; }
  std::int64_t selected_line() const { return selected_; }
  const ModifierDialog& modifier_dialog() const { return modifiers_; }
  const VoidDialog& void_dialog() const { return void_; }
  const DiscountDialog& discount_dialog() const { return discount_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  void start(const CheckView& view);  // a different check: fresh selectors
  void draw_check(const TerminalView& view, const CheckView& check, Intents& out);
  void draw_lines(const TerminalView& view, const CheckView& check);
  void draw_line_actions(const TerminalView& view, const CheckView& check, Intents& out);
  void draw_totals(const TerminalView& view, const CheckView& check);
  void draw_send(const TerminalView& view, const CheckView& check, Intents& out);
  void draw_menu(const TerminalView& view, const CheckView& check, Intents& out);

  std::int64_t check_id_ = 0;
  std::string category_;
  int seat_ = 1;
  std::optional<Course> course_;  // empty: each item's own course
  int quantity_ = 1;
  std::int64_t selected_ = 0;     // a line picked for changes
  std::int64_t newest_seen_ = 0;  // the newest line already scrolled into view
  std::set<Course> hold_;         // courses the next send holds back
  ModifierDialog modifiers_;
  VoidDialog void_;
  DiscountDialog discount_;
  CheckActionsDialog actions_;
  LineNoteDialog note_;
};

}  // namespace brigade::terminal
