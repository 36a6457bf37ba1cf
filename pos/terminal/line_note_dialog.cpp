#include "line_note_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void LineNoteDialog::open(std::int64_t check_id, const Line& line) {
  open_ = true;
  check_id_ = check_id;
  line_id_ = line.id;
  note_.clear();
  note_.set(line.note);
}

void LineNoteDialog::draw_content(const TerminalView& view, Intents& out) {
  const Line* line = nullptr;
  if (const CheckView* check = view.state.find_check(check_id_))
    line = check->check.find_line(line_id_);
  touch::big(line ? "Note for " + line->name : "Note");
  const float width = ImGui::GetContentRegionAvail().x;
  note_.draw("line", width, ImGui::GetContentRegionAvail().y - ui::touch_size() - 20);
  const float w = touch::share(2);
  if (touch::button("Cancel", {w, ui::touch_size()}, touch::kTile, true, "note.cancel")) close();
  ImGui::SameLine();
  if (touch::button("Save note", {w, ui::touch_size()}, ui::colour::accent, line != nullptr,
                    "note.save")) {
    out.push_back(ChangeLine{check_id_, line_id_, LineChange{{}, {}, {}, note_.text()}});
    close();
  }
}

}  // namespace brigade::terminal
