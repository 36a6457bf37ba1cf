// What else happens to a check at the table: it moves to another table, another table's
// check is merged in (tables pushed together), some lines move to another open check
// (a guest moves to the bar), or the check goes to another server at a shift change.
#pragma once

#include <set>
#include <string>

#include "dialog_base.h"
#include "intents.h"
#include "view.h"

namespace brigade::terminal {

class CheckActionsDialog : public DialogBase {
 public:
  CheckActionsDialog() : DialogBase("##actions", {1100, 740}) {}
  enum class Page { table, merge, lines, server };
  void open(const Check& check);

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  void draw_tables(const TerminalView& view, Intents& out);
  void draw_merge(const TerminalView& view, Intents& out);
  void draw_lines(const TerminalView& view, Intents& out);
  void draw_servers(const TerminalView& view, Intents& out);

  Page page_ = Page::table;
  std::int64_t check_id_ = 0;
  std::string table_id_;
  bool dine_in_ = true;
  std::set<std::int64_t> moving_;  // lines picked to move
};

}  // namespace brigade::terminal
