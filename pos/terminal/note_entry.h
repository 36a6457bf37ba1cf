// A line's note ("no onion, allergy: sesame"): the notes a kitchen hears every night as
// one-tap buttons, and the on-screen keyboard for anything else. Used by the modifier
// dialog (before an item is added) and the order screen (an unsent line's note).
#pragma once

#include <string>

#include "text_entry.h"

namespace brigade::terminal {

class NoteEntry {
 public:
  // Fills `width`; `height` is what it may take. Probed as "<name>.note.<n>" for the
  // presets, "<name>.keyboard" for the switch, and the TextEntry keys under "<name>.text".
  void draw(const char* name, float width, float height);
  const std::string& text() const { return text_.text(); }
  void set(std::string note) { text_.set_text(std::move(note)); }
  void clear() {
    text_.clear();
    typing_ = false;
  }
  // Adds a preset: "No onion" then "Allergy: sesame" reads "No onion, allergy: sesame".
  void add(const std::string& preset);

 private:
  TextEntry text_{200};
  bool typing_ = false;
};

}  // namespace brigade::terminal
