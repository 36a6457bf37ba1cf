// The all-day panel: how many of each item are open on this screen ("6 Classic burger"),
// so the station can cook in batches. It follows every change: a void, a line done, a
// bump, a fire.
#include <algorithm>

#include "brigade/ui/theme.h"
#include "brigade/ui/widgets.h"
#include "kds/views.h"

namespace brigade::kds {

void draw_all_day(const Board& board, ImVec2 at, ImVec2 size) {
  const float s = ui_scale();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end{at.x + size.x, at.y + size.y};
  dl->AddRectFilled(at, end, ui::to_u32(ui::colour::panel), 6 * s);
  dl->PushClipRect(at, end, true);
  ImFont* big = ui::fonts().big;
  ImFont* body = ui::fonts().body;
  float y = at.y + 10 * s;
  dl->AddText(big, big->FontSize, {at.x + 12 * s, y}, ui::to_u32(ui::colour::text), "ALL DAY");
  y += big->FontSize + 10 * s;
  const auto counts = board.all_day();
  if (counts.empty())
    dl->AddText(body, body->FontSize, {at.x + 12 * s, y}, ui::to_u32(ui::colour::text_dim),
                "nothing open");
  const float count_w = big->CalcTextSizeA(big->FontSize, 1e9f, 0, "000").x;
  for (const auto& c : counts) {
    std::string n = std::to_string(c.count);
    float nw = big->CalcTextSizeA(big->FontSize, 1e9f, 0, n.c_str()).x;
    auto lines = wrap(body, c.item, size.x - count_w - 36 * s);
    float h = std::max(big->FontSize, body->FontSize * lines.size()) + 8 * s;
    if (y + h > end.y) break;
    dl->AddText(big, big->FontSize, {at.x + 12 * s + count_w - nw, y},
                ui::to_u32(ui::colour::warning), n.c_str());
    float ly = y + (big->FontSize - body->FontSize) / 2;
    for (const auto& line : lines) {
      dl->AddText(body, body->FontSize, {at.x + 24 * s + count_w, ly}, ui::to_u32(ui::colour::text),
                  line.c_str());
      ly += body->FontSize;
    }
    y += h;
  }
  dl->PopClipRect();
  ImGui::SetCursorScreenPos(at);
  ImGui::Dummy(size);
  ui::probe("all-day");
}

}  // namespace brigade::kds
