// A note on an unsent line ("no onion, allergy: sesame"), from the order screen: the
// presets and the keyboard, then Save note.
#pragma once

#include "dialog_base.h"
#include "note_entry.h"

namespace brigade::terminal {

class LineNoteDialog : public DialogBase {
 public:
  LineNoteDialog() : DialogBase("##note", {900, 620}) {}
  // Starts from the line's note as it is.
  void open(std::int64_t check_id, const Line& line);

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  std::int64_t check_id_ = 0;
  std::int64_t line_id_ = 0;
  NoteEntry note_;
};

}  // namespace brigade::terminal
