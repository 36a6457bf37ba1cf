#include "floor_screen.h"

#include <algorithm>
#include <cstdint>

#include "brigade/ui/theme.h"
#include "table_status.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr float kSideWidth = 340;

std::string promised_words(EpochMs promised, EpochMs now) {
  if (promised == 0) return {};
  const long long minutes = (promised - now) / 60'000;
  std::string when = "promised " + clock_text(promised);
  if (minutes > 0) return when + " (in " + std::to_string(minutes) + " min)";
  if (minutes < 0) return when + " (" + std::to_string(-minutes) + " min late)";
  return when + " (now)";
}
}  // namespace

void FloorScreen::tap_table(const TerminalView& view, const std::string& table_id, Intents& out) {
  TableStatus status = table_status(view.state, table_id);
  if (status.check) {
    out.push_back(ShowCheck{status.check->check.id});
    return;
  }
  if (const Table* table = view.state.floor().find_table(table_id)) open_.ask_guests(*table);
}

void FloorScreen::draw_content(const TerminalView& view, Intents& out) {
  const Floor& floor = view.state.floor();
  if (room_.empty() && !floor.rooms.empty()) room_ = floor.rooms.front().id;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float plan_width = avail.x - touch::px(kSideWidth) - ImGui::GetStyle().ItemSpacing.x;

  ImGui::BeginChild("##plan", {plan_width, avail.y}, false, ImGuiWindowFlags_NoScrollbar);
  for (std::size_t i = 0; i < floor.rooms.size(); ++i) {
    const Room& room = floor.rooms[i];
    if (i) ImGui::SameLine();
    if (touch::choice(room.name, {touch::px(160), ui::touch_size()}, room.id == room_, true,
                      "room." + room.id))
      room_ = room.id;
  }
  const float legend = ImGui::GetTextLineHeightWithSpacing() + 8;
  ImVec2 rest = ImGui::GetContentRegionAvail();
  draw_room(view, {rest.x, rest.y - legend}, out);
  // The legend, so that the colours mean the same to everyone.
  for (TableState s : {TableState::free, TableState::seated, TableState::ordered,
                       TableState::food_ready, TableState::paying}) {
    if (s != TableState::free) ImGui::SameLine();
    touch::chip(std::string(to_string(s)), table_colour(s));
  }
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("##orders", {touch::px(kSideWidth), avail.y}, true);
  draw_named_orders(view, out);
  touch::drag_scroll();
  ImGui::EndChild();
}

// One table: its number large, its state, guests and time open, where its courses stand.
static bool table_tile(const Table& table, const TableStatus& status, EpochMs now, ImVec2 size) {
  ImGui::PushID(table.id.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("##table", size);
  touch::probe("table." + table.id);
  const ImVec2 end{at.x + size.x, at.y + size.y};
  ImVec4 colour = table_colour(status.state);
  if (ImGui::IsItemActive()) colour = ui::shade(colour, 0.12f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = table.shape == TableShape::round ? std::min(size.x, size.y) * 0.3f : 8.0f;
  draw->AddRectFilled(at, end, ui::to_u32(colour), rounding);
  draw->AddRect(at, end, ui::to_u32(ui::shade(colour, 0.15f)), rounding, 0, 2);
  draw->PushClipRect(at, end, true);
  const float pad = 8;
  ImFont* big = ui::fonts().big ? ui::fonts().big : ImGui::GetFont();
  ImFont* font = ImGui::GetFont();
  const float small = font->FontSize * 0.85f;
  const ImU32 text = ui::to_u32(ui::colour::text);
  draw->AddText(big, big->FontSize, {at.x + pad, at.y + pad - 2}, text, table.id.c_str());
  float y = at.y + pad + big->FontSize;
  if (status.check) {
    const Check& c = status.check->check;
    // Guests and time open on the number's line, right-aligned; then the state and the
    // courses, as many whole lines as fit.
    std::string detail = std::to_string(c.guests) + "p " + ui::elapsed_text(c.opened_at, now);
    if (status.open_checks > 1) detail = std::to_string(status.open_checks) + " checks " + detail;
    const float detail_w = font->CalcTextSizeA(small, FLT_MAX, 0, detail.c_str()).x;
    draw->AddText(font, small, {end.x - pad - detail_w, at.y + pad}, text, detail.c_str());
    draw->PushClipRect(at, {end.x, end.y - pad + 2}, true);
    draw->AddText(font, small, {at.x + pad, y}, text, std::string(to_string(status.state)).c_str());
    y += small + 2;
    for (const std::string& headline : course_headlines(c)) {
      if (y + small > end.y - pad + 2) break;
      draw->AddText(font, small, {at.x + pad, y}, ui::to_u32(ImVec4(1, 1, 1, 0.85f)),
                    headline.c_str());
      y += small + 2;
    }
    draw->PopClipRect();
  } else {
    std::string seats = std::to_string(table.seats) + " seats";
    draw->AddText(font, small, {at.x + pad, end.y - pad - small}, ui::to_u32(ui::colour::text_dim),
                  seats.c_str());
  }
  draw->PopClipRect();
  ImGui::PopID();
  return pressed;
}

void FloorScreen::draw_room(const TerminalView& view, ImVec2 size, Intents& out) {
  // The room's plan stretched over the space there is: positions keep their order and
  // spacing, and every table is at least a comfortable touch target.
  int min_x = INT32_MAX, min_y = INT32_MAX, max_x = 1, max_y = 1;
  for (const Table& t : view.state.floor().tables)
    if (t.room_id == room_) {
      min_x = std::min(min_x, t.x);
      min_y = std::min(min_y, t.y);
      max_x = std::max(max_x, t.x + t.width);
      max_y = std::max(max_y, t.y + t.height);
    }
  if (min_x > max_x) return;
  const float gap = 8;
  float scale_x = (size.x - gap) / static_cast<float>(max_x - min_x);
  float scale_y = (size.y - gap) / static_cast<float>(max_y - min_y);
  // Not more than half again as wide as tall, or round tables turn into benches.
  scale_x = std::min(scale_x, scale_y * 1.5f);
  scale_y = std::min(scale_y, scale_x * 1.5f);
  const ImVec2 origin = ImGui::GetCursorPos();
  const float min_size = ui::touch_size() * 2.0f;
  for (const Table& t : view.state.floor().tables) {
    if (t.room_id != room_) continue;
    TableStatus status = table_status(view.state, t.id);
    ImVec2 tile{std::max(min_size, t.width * scale_x - gap),
                std::max(min_size, t.height * scale_y - gap)};
    // Kept inside the plan when the minimum size makes a table at the edge larger.
    const float x = std::min((t.x - min_x) * scale_x, size.x - tile.x);
    const float y = std::min((t.y - min_y) * scale_y, size.y - tile.y);
    ImGui::SetCursorPos({origin.x + std::max(0.0f, x), origin.y + std::max(0.0f, y)});
    if (table_tile(t, status, view.now, tile)) tap_table(view, t.id, out);
  }
  ImGui::SetCursorPos({origin.x, origin.y + size.y});
}

void FloorScreen::draw_named_orders(const TerminalView& view, Intents& out) {
  touch::heading("Tabs & orders");
  const float w = touch::share(3);
  if (touch::button("Tab", {w, ui::touch_size()}, touch::kTile, true, "new.tab"))
    open_.ask_name(Channel::bar_tab);
  ImGui::SameLine();
  if (touch::button("Takeout", {w, ui::touch_size()}, touch::kTile, true, "new.takeout"))
    open_.ask_name(Channel::takeout);
  ImGui::SameLine();
  if (touch::button("Delivery", {w, ui::touch_size()}, touch::kTile, true, "new.delivery"))
    open_.ask_name(Channel::delivery);

  auto orders = view.state.named_orders();
  if (orders.empty()) touch::dim("No open tabs or orders.");
  const float width = ImGui::GetContentRegionAvail().x;
  for (const CheckView* v : orders) {
    const Check& c = v->check;
    std::string detail = c.promised_at ? promised_words(c.promised_at, view.now)
                                       : "open " + ui::elapsed_text(c.opened_at, view.now);
    std::string badge = view.state.money(v->totals.balance);
    std::string progress = course_progress(c);
    const bool late = c.promised_at != 0 && c.promised_at < view.now;
    ImVec4 colour = table_colour(check_state(*v));
    if (late) colour = ui::colour::late;
    if (touch::tile("order." + std::to_string(c.id),
                    progress.empty() ? v->label : v->label + "\n" + progress, detail,
                    {width, touch::px(104)}, colour, true, badge,
                    ui::shade(ui::colour::panel, 0.02f)))
      out.push_back(ShowCheck{c.id});
  }
}

}  // namespace brigade::terminal
