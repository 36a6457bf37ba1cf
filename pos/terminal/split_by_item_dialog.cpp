#include "split_by_item_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void SplitByItemDialog::open(const Check& check) {
  open_ = true;
  check_id_ = check.id;
  part_of_.clear();
  parts_ = check.split.kind == SplitKind::by_item ? check.split.parts : 2;
  for (const auto& [line_id, parts] : check.split.assignments)
    part_of_[line_id] = parts.size() == 1 ? parts.front() : 0;
}

void SplitByItemDialog::draw_content(const TerminalView& view, Intents& out) {
  const CheckView* check = view.state.find_check(check_id_);
  if (!check) return;
  const float h = ui::touch_size();
  touch::big("Split by item");
  touch::row_label("Parts", h, 90);
  for (int n = 2; n <= 6; ++n) {
    if (n > 2) ImGui::SameLine();
    if (touch::choice(std::to_string(n), {touch::px(72), h}, parts_ == n, true,
                      "items.parts." + std::to_string(n)))
      parts_ = n;
  }
  touch::dim("Tap the part each line goes on; All shares it between every part.");
  ImGui::BeginChild("##assign", {0, ImGui::GetContentRegionAvail().y - h - 16});
  const float buttons_w = (parts_ + 1) * (touch::px(64) + ImGui::GetStyle().ItemSpacing.x);
  const float row = h * 0.85f;
  for (const Line& l : check->check.lines) {
    if (l.live_quantity() <= 0) continue;
    int& part = part_of_.try_emplace(l.id, 1).first->second;
    if (part > parts_) part = 1;
    ImGui::PushID(static_cast<int>(l.id));
    // The line's name on the left, cut short if long; its part buttons on the right.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float name_w = ImGui::GetContentRegionAvail().x - buttons_w;
    std::string name = (l.seat ? "S" + std::to_string(l.seat) + "  " : "") +
                       std::to_string(l.live_quantity()) + " " + l.name;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(at, {at.x + name_w - 8, at.y + row}, true);
    draw->AddText({at.x, at.y + (row - ImGui::GetTextLineHeight()) / 2},
                  ui::to_u32(ui::colour::text), name.c_str());
    draw->PopClipRect();
    ImGui::SetCursorScreenPos({at.x + name_w, at.y});
    for (int p = 1; p <= parts_; ++p) {
      if (p > 1) ImGui::SameLine();
      if (touch::choice(std::to_string(p), {touch::px(64), row}, part == p, true,
                        "assign." + std::to_string(l.id) + "." + std::to_string(p)))
        part = p;
    }
    ImGui::SameLine();
    if (touch::choice("All", {touch::px(64), row}, part == 0, true,
                      "assign." + std::to_string(l.id) + ".all"))
      part = 0;
    ImGui::PopID();
  }
  touch::drag_scroll();
  ImGui::EndChild();
  const float w = touch::share(2);
  if (touch::button("Cancel##items", {w, h}, touch::kTile, true, "items.cancel")) close();
  ImGui::SameLine();
  if (touch::button("Split these", {w, h}, ui::colour::accent, true, "items.apply")) {
    SplitPlan plan{SplitKind::by_item, parts_, {}};
    for (const auto& [line_id, part] : part_of_) {
      const Line* l = check->check.find_line(line_id);
      if (!l || l->live_quantity() <= 0) continue;
      if (part == 0) {
        for (int p = 1; p <= parts_; ++p) plan.assignments[line_id].push_back(p);
      } else {
        plan.assignments[line_id] = {part};
      }
    }
    out.push_back(SplitCheck{check->check.id, plan});
    close();
  }
}

}  // namespace brigade::terminal
