#include "receipt_dialog.h"

#include "brigade/ui/theme.h"
#include "receipt.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void ReceiptDialog::draw_content(const TerminalView& view, Intents& out) {
  const CheckView* check = view.state.find_check(check_id_);
  // The receipt looks like paper: dark words on white.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 size{ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - 80};
  ImGui::GetWindowDrawList()->AddRectFilled(at, {at.x + size.x, at.y + size.y},
                                            ui::to_u32(ImVec4(0.97f, 0.97f, 0.95f, 1)), 4);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.08f, 0.08f, 0.08f, 1));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("##slip", size);
  if (check)
    for (const ReceiptLine& line : receipt_lines(*check, view.state)) {
      if (line.bold) ImGui::PushFont(ui::fonts().bold);
      ImGui::SetCursorPosX(16);
      ImGui::TextUnformatted(line.left.empty() ? " " : line.left.c_str());
      if (!line.right.empty()) {
        ImGui::SameLine(size.x - 16 - ImGui::CalcTextSize(line.right.c_str()).x);
        ImGui::TextUnformatted(line.right.c_str());
      }
      if (line.bold) ImGui::PopFont();
    }
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
  const bool closed = check && !check->check.is_open();
  if (touch::button(closed ? "Done: back to the floor" : "Done",
                    {ImGui::GetContentRegionAvail().x, ui::touch_size()}, ui::colour::accent, true,
                    "receipt.done")) {
    close();
    if (closed) out.push_back(ShowFloor{});
  }
}

}  // namespace brigade::terminal
