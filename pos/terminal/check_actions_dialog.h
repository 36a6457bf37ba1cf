// Moving a check to another table, and merging another open check into this one
// (two tables pushed together). What the hub does with it is in docs/protocol.md.
#pragma once

#include "intents.h"
#include "view.h"

namespace brigade::terminal {

class CheckActionsDialog {
 public:
  void open(const Check& check);
  bool is_open() const { return open_; }
  void close() { open_ = false; }
  void draw(const TerminalView& view, Intents& out);

 private:
  bool open_ = false;
  bool merging_ = false;
  std::int64_t check_id_ = 0;
  std::string table_id_;
  bool dine_in_ = true;
};

}  // namespace brigade::terminal
