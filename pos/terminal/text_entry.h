// Words on a terminal without a keyboard: a text field with an on-screen keyboard under
// it (tab names, customer names, notes, reasons). A real keyboard types into the field
// too. Keys are probed as "<name>.A", "<name>.space", "<name>.delete".
#pragma once

#include <imgui.h>

#include <string>

namespace brigade::terminal {

class TextEntry {
 public:
  // Names take a capital on every word ("Dana Whitfield"); sentences only on the first
  // ("Wrong table"). Shift turns it the other way for one letter.
  enum class Capitals { words, sentence };
  explicit TextEntry(std::size_t max_length = 64, Capitals capitals = Capitals::sentence)
      : max_length_(max_length), capitals_(capitals) {}

  // The field (width of `size`) and, under it, the keys filling the rest of `size`.
  // `digits_only` draws a phone pad instead of letters.
  void draw(const char* name, ImVec2 size, const char* hint = "", bool digits_only = false);

  const std::string& text() const { return text_; }
  void set_text(std::string text) { text_ = std::move(text); }
  void clear() { text_.clear(); }

 private:
  void add(const std::string& s);
  bool capital_next() const;
  std::size_t max_length_;
  Capitals capitals_;
  std::string text_;
  bool shift_ = false;
};

}  // namespace brigade::terminal
