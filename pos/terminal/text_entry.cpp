#include "text_entry.h"

#include <imgui_stdlib.h>

#include "brigade/ui/theme.h"
#include "brigade/ui/widgets.h"
#include "touch_widgets.h"

namespace brigade::terminal {

bool TextEntry::capital_next() const {
  const bool start = text_.empty() || (capitals_ == Capitals::words && text_.back() == ' ');
  return start != shift_;
}

void TextEntry::add(const std::string& s) {
  if (text_.size() + s.size() > max_length_) return;
  const bool capital = capital_next();
  if (s.size() == 1 && s[0] >= 'a' && s[0] <= 'z' && capital)
    text_ += static_cast<char>(s[0] - 'a' + 'A');
  else
    text_ += s;
  shift_ = false;
}

void TextEntry::draw(const char* name, ImVec2 size, const char* hint, bool digits_only) {
  ImGui::PushID(name);
  const std::string prefix = std::string(name) + ".";
  ImGui::SetNextItemWidth(size.x);
  ImGui::InputTextWithHint("##text", hint, &text_);
  touch::probe(prefix + "field");
  if (text_.size() > max_length_) text_.resize(max_length_);

  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float field = ImGui::GetFrameHeightWithSpacing();
  const ImVec4 key_colour = touch::kTile;
  if (digits_only) {
    const ImVec2 key{(size.x - 2 * gap) / 3, (size.y - field - 3 * gap) / 4};
    static constexpr const char* kKeys[] = {"1", "2", "3", "4", "5", "6",
                                            "7", "8", "9", "+", "0", "Delete"};
    for (int i = 0; i < 12; ++i) {
      if (i % 3 != 0) ImGui::SameLine();
      std::string k = kKeys[i];
      std::string probe_name = prefix + (k == "Delete" ? std::string("delete") : k);
      if (touch::button(k, key, key_colour, true, probe_name)) {
        if (k == "Delete") {
          if (!text_.empty()) text_.pop_back();
        } else if (text_.size() < max_length_) {
          text_ += k;
        }
      }
    }
    ImGui::PopID();
    return;
  }

  static constexpr const char* kRows[] = {"1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.-"};
  const ImVec2 key{(size.x - 9 * gap) / 10, (size.y - field - 4 * gap) / 5};
  for (const char* row : kRows) {
    for (int i = 0; row[i]; ++i) {
      if (i) ImGui::SameLine();
      std::string k(1, row[i]);
      std::string shown = k;
      if (k[0] >= 'a' && k[0] <= 'z') {
        if (capital_next()) shown[0] = static_cast<char>(k[0] - 'a' + 'A');
      }
      std::string probe_name =
          prefix + static_cast<char>(k[0] >= 'a' && k[0] <= 'z' ? k[0] - 'a' + 'A' : k[0]);
      if (touch::button(shown + "##" + k, key, key_colour, true, probe_name)) add(k);
    }
  }
  const float wide = key.x * 2 + gap;
  if (touch::choice("Shift", {wide, key.y}, shift_, true, prefix + "shift")) shift_ = !shift_;
  ImGui::SameLine();
  const float space = size.x - 3 * (wide + gap);
  if (touch::button("Space", {space, key.y}, key_colour, true, prefix + "space")) add(" ");
  ImGui::SameLine();
  if (touch::button("Delete", {wide, key.y}, key_colour, true, prefix + "delete") && !text_.empty())
    text_.pop_back();
  ImGui::SameLine();
  if (touch::button("Clear", {wide, key.y}, key_colour, true, prefix + "clear")) text_.clear();
  ImGui::PopID();
}

}  // namespace brigade::terminal
