// The recall list: the last tickets bumped at this screen, newest first (at expo: the
// last served). A touch brings one back; so does its number key while the list is open.
// R on the bump bar recalls the newest without opening the list.
#include "brigade/ui/theme.h"
#include "brigade/ui/widgets.h"
#include "kds/views.h"

namespace brigade::kds {

std::optional<RecallTicket> draw_recall_list(const Board& board, ImVec2 at, ImVec2 size,
                                             bool& open) {
  std::optional<RecallTicket> recall;
  const float s = ui_scale();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(at, {at.x + size.x, at.y + size.y}, ui::to_u32(ui::colour::panel), 6 * s);
  ImFont* big = ui::fonts().big;
  const float pad = 10 * s;
  dl->AddText(big, big->FontSize, {at.x + pad, at.y + pad}, ui::to_u32(ui::colour::text),
              board.config().expo ? "RECALL SERVED" : "RECALL");
  float y = at.y + pad * 2 + big->FontSize;
  const float w = size.x - pad * 2;
  const float h = ui::touch_size();
  const auto& bumped = board.recently_bumped();
  if (bumped.empty()) {
    dl->AddText(ui::fonts().body, ui::fonts().body->FontSize, {at.x + pad, y},
                ui::to_u32(ui::colour::text_dim), "nothing bumped yet");
  }
  int number = 0;
  for (const auto& b : bumped) {
    if (y + h * 2 + pad * 2 > at.y + size.y) break;  // keep room for Close
    ++number;
    std::string label = (number <= 10 ? std::to_string(number % 10) + "   " : "") + b.label + " #" +
                        std::to_string(b.check_number) + "   " +
                        (b.bumped_at ? clock_text(b.bumped_at) : "");
    ImGui::SetCursorScreenPos({at.x + pad, y});
    ImGui::PushID(static_cast<int>(b.ticket_id));
    if (ui::touch_button(label.c_str(), {w, h}, ImVec4(0.24f, 0.28f, 0.34f, 1)))
      recall = RecallTicket{b.ticket_id};
    ImGui::PopID();
    ui::probe("recall-" + std::to_string(b.ticket_id));
    y += h + pad / 2;
    int key = number % 10;
    if (number <= 10 &&
        (ui::key_pressed(ui::key::digit_0 + key) || ui::key_pressed(ui::key::keypad_0 + key)))
      recall = RecallTicket{b.ticket_id};
  }
  ImGui::SetCursorScreenPos({at.x + pad, at.y + size.y - h - pad});
  if (ui::touch_button("Close (Esc)", {w, h}, ui::colour::accent)) open = false;
  ui::probe("recall-close");
  if (ui::key_pressed(ui::key::escape)) open = false;
  if (recall) open = false;
  return recall;
}

}  // namespace brigade::kds
