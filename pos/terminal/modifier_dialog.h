// Choosing an item's modifiers before it goes on the check: every group with its rule
// ("choose 1", "up to 3") and each choice's price. A forced group left unanswered keeps
// the Add button off and says which group is missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dialog_base.h"
#include "intents.h"
#include "note_entry.h"
#include "view.h"

namespace brigade::terminal {

class ModifierDialog : public DialogBase {
 public:
  ModifierDialog() : DialogBase("##modifiers", {1220, 760}) {}
  // The item about to go on check `check_id`.
  void open(std::int64_t check_id, const MenuItem& item, int seat, std::optional<Course> course,
            int quantity);

  // A tap on a choice: picks it (a one-choice group swaps), or unpicks it. A choice past
  // a group's limit is ignored.
  void choose(const Menu& menu, const std::string& modifier_id);
  const std::vector<std::string>& chosen() const { return chosen_; }
  // The forced groups still unanswered, by name.
  std::vector<std::string> missing(const Menu& menu) const;
  // Price of one with the choices made.
  Money unit_price(const Menu& menu) const;
  const MenuItem& item() const { return item_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  int picked_in(const ModifierGroup& group) const;
  void draw_group(const TerminalView& view, const ModifierGroup& group);

  std::int64_t check_id_ = 0;
  MenuItem item_;
  int seat_ = 1;
  std::optional<Course> course_;
  int quantity_ = 1;
  std::vector<std::string> chosen_;
  NoteEntry note_;
};

}  // namespace brigade::terminal
