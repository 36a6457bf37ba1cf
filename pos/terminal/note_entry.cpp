#include "note_entry.h"

#include <cctype>

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr const char* kPresets[] = {"No onion",          "No cheese",       "Allergy: nuts",
                                    "Allergy: gluten",   "Allergy: sesame", "Allergy: shellfish",
                                    "Sauce on the side", "Extra crispy",    "Birthday",
                                    "Bring with mains"};
constexpr int kPresetCount = 10;
}  // namespace

void NoteEntry::add(const std::string& preset) {
  std::string note = text_.text();
  if (note.empty()) {
    note = preset;
  } else {
    std::string lower = preset;
    lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
    note += ", " + lower;
  }
  text_.set_text(note);
}

void NoteEntry::draw(const char* name, float width, float height) {
  ImGui::PushID(name);
  const std::string prefix = std::string(name) + ".";
  touch::heading("Note");
  ImGui::SameLine();
  touch::coloured(text_.text().empty() ? "(none)" : text_.text(), ui::colour::warning);
  const float row = ui::touch_size() * 0.8f;
  if (typing_) {
    text_.draw((prefix + "text").c_str(), {width, height - row - 40}, "note for the kitchen");
  } else {
    const float w = touch::share(2, width);
    for (int i = 0; i < kPresetCount; ++i) {
      if (i % 2 != 0) ImGui::SameLine();
      if (touch::button(kPresets[i], {w, row}, touch::kTile, true,
                        prefix + "note." + std::to_string(i)))
        add(kPresets[i]);
    }
  }
  const float w = touch::share(2, width);
  if (touch::choice(typing_ ? "Quick notes" : "Type a note", {w, row}, false, true,
                    prefix + "keyboard"))
    typing_ = !typing_;
  ImGui::SameLine();
  if (touch::button("Clear note", {w, row}, touch::kTile, !text_.text().empty(), prefix + "clear"))
    text_.clear();
  ImGui::PopID();
}

}  // namespace brigade::terminal
