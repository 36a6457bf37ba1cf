#include "touch_widgets.h"

#include <imgui_internal.h>

#include <algorithm>

namespace brigade::terminal::touch {

bool tile(const std::string& id, const std::string& title, const std::string& detail, ImVec2 size,
          const ImVec4& colour, bool enabled, const std::string& badge,
          const ImVec4& badge_colour) {
  ImGui::PushID(id.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton("##tile", size);
  touch::probe(id);
  const bool hovered = enabled && ImGui::IsItemHovered();
  const bool held = enabled && ImGui::IsItemActive();
  ImVec4 base = enabled ? colour : ui::colour::disabled;
  if (held)
    base = ui::shade(base, 0.16f);
  else if (hovered)
    base = ui::shade(base, 0.06f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 end{at.x + size.x, at.y + size.y};
  draw->AddRectFilled(at, end, ui::to_u32(base), ImGui::GetStyle().FrameRounding);

  const float pad = 10;
  const ImU32 text = ui::to_u32(enabled ? ui::colour::text : ui::colour::text_dim);
  ImFont* bold = ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont();
  ImFont* font = ImGui::GetFont();
  const float small = font->FontSize * 0.9f;
  // The title wraps from the top; the detail sits bottom-left and the badge bottom-right,
  // so a long name never runs into either.
  ImGui::PushClipRect(at, end, true);
  const float bottom_row = end.y - pad - small;
  draw->PushClipRect(at, {end.x, bottom_row - 2}, true);
  // A name too long for the tile in bold is set smaller rather than cut ("Sauvignon
  // blanc, Marlborough (glass)").
  const float wrap = size.x - 2 * pad;
  ImFont* title_font = bold;
  float title_px = bold->FontSize;
  if (bold->CalcTextSizeA(title_px, FLT_MAX, wrap, title.c_str()).y > bottom_row - 2 - at.y - pad) {
    title_font = font;
    title_px = font->FontSize * 0.85f;
  }
  draw->AddText(title_font, title_px, {at.x + pad, at.y + pad}, text, title.c_str(), nullptr, wrap);
  draw->PopClipRect();
  if (!badge.empty()) {
    ImVec2 bs = bold->CalcTextSizeA(small, FLT_MAX, 0, badge.c_str());
    ImVec2 b0{end.x - bs.x - 16 - 4, bottom_row - 4};
    ImVec2 b1{end.x - 4, end.y - 4};
    draw->AddRectFilled(b0, b1, ui::to_u32(badge_colour), 4);
    draw->AddText(bold, small, {b0.x + 8, bottom_row - 1}, ui::to_u32(ui::colour::text),
                  badge.c_str());
  }
  if (!detail.empty())
    draw->AddText(font, small, {at.x + pad, bottom_row},
                  ui::to_u32(enabled ? ImVec4(1, 1, 1, 0.72f) : ui::colour::text_dim),
                  detail.c_str());
  ImGui::PopClipRect();
  ImGui::PopID();
  return pressed && enabled;
}

void probe(const std::string& name) {
  ImRect item(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImRect seen = item;
  seen.ClipWithFull(ImRect(draw->GetClipRectMin(), draw->GetClipRectMax()));
  if (seen.GetWidth() <= 0 || seen.GetHeight() <= 0) return;
  if (seen.Min.x == item.Min.x && seen.Min.y == item.Min.y && seen.Max.x == item.Max.x &&
      seen.Max.y == item.Max.y) {
    ui::probe(name);
    return;
  }
  // ui::probe reads the last item's rectangle: hand it the visible part through an item
  // with no id (no layout, no input), then put the real last item back.
  ImGuiLastItemData last = GImGui->LastItemData;
  ImGui::ItemAdd(seen, 0);
  ui::probe(name);
  GImGui->LastItemData = last;
}

bool label_tile(const std::string& id, const std::string& label, ImVec2 size, bool selected) {
  ImGui::PushID(id.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("##label", size);
  touch::probe(id);
  ImVec4 colour = selected ? ui::colour::accent : kTile;
  if (ImGui::IsItemActive())
    colour = ui::shade(colour, 0.16f);
  else if (ImGui::IsItemHovered())
    colour = ui::shade(colour, 0.06f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 end{at.x + size.x, at.y + size.y};
  draw->AddRectFilled(at, end, ui::to_u32(colour), ImGui::GetStyle().FrameRounding);
  ImFont* font = ImGui::GetFont();
  const float wrap = size.x - 16;
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, label.c_str());
  draw->PushClipRect(at, end, true);
  // Centred as a block; each wrapped line starts at the block's left.
  draw->AddText(
      font, font->FontSize,
      {at.x + std::max(8.0f, (size.x - text.x) / 2), at.y + std::max(2.0f, (size.y - text.y) / 2)},
      ui::to_u32(ui::colour::text), label.c_str(), nullptr, wrap);
  draw->PopClipRect();
  ImGui::PopID();
  return pressed;
}

bool choice(const std::string& label, ImVec2 size, bool selected, bool enabled,
            const std::string& probe_name) {
  bool pressed =
      ui::touch_button(label.c_str(), size, selected ? ui::colour::accent : kTile, enabled);
  if (!probe_name.empty()) touch::probe(probe_name);
  return pressed;
}

bool button(const std::string& label, ImVec2 size, const ImVec4& colour, bool enabled,
            const std::string& probe_name) {
  bool pressed = ui::touch_button(label.c_str(), size, colour, enabled);
  touch::probe(probe_name);
  return pressed;
}

void chip(const std::string& text, const ImVec4& colour) {
  ImVec2 size = ImGui::CalcTextSize(text.c_str());
  ImVec2 at = ImGui::GetCursorScreenPos();
  const float pad_x = 8, pad_y = 2;
  ImGui::GetWindowDrawList()->AddRectFilled(
      at, {at.x + size.x + 2 * pad_x, at.y + size.y + 2 * pad_y}, ui::to_u32(colour), 4);
  ImGui::SetCursorScreenPos({at.x + pad_x, at.y + pad_y});
  ImGui::TextUnformatted(text.c_str());
  ImGui::SetCursorScreenPos({at.x, at.y});
  ImGui::Dummy({size.x + 2 * pad_x, size.y + 2 * pad_y});
}

void row_label(const std::string& text, float height, float width) {
  const ImVec2 at = ImGui::GetCursorPos();
  ImGui::SetCursorPos({at.x, at.y + (height - ImGui::GetTextLineHeight()) / 2});
  ImGui::PushStyleColor(ImGuiCol_Text, ui::colour::text_dim);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::SetCursorPos({at.x + width, at.y});
}

void heading(const std::string& text) {
  ImGui::PushFont(ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont());
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
}

void big(const std::string& text) {
  ImGui::PushFont(ui::fonts().big ? ui::fonts().big : ImGui::GetFont());
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
}

void dim(const std::string& text) {
  coloured(text, ui::colour::text_dim);
}

void coloured(const std::string& text, const ImVec4& colour) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

bool begin_dialog(const char* id, bool want_open, ImVec2 size) {
  if (want_open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  size.x = std::min(size.x, display.x - 20);
  size.y = std::min(size.y, display.y - 20);
  ImGui::SetNextWindowSize(size);
  ImGui::SetNextWindowPos({(display.x - size.x) / 2, (display.y - size.y) / 2});
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
  ImGui::PushStyleColor(ImGuiCol_Border, ui::colour::accent);
  bool open = ImGui::BeginPopupModal(id, nullptr, flags);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  if (!open) return false;
  if (!want_open) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return false;
  }
  return true;
}

void end_dialog() {
  ImGui::EndPopup();
}

void drag_scroll() {
  const ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, 12.0f)) return;
  // A drag that started on the scrollbar is the scrollbar's.
  const float bar_x =
      ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize;
  if (io.MouseClickedPos[0].x >= bar_x) return;
  ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
  ImGui::ClearActiveID();
}

float share(int count, float width) {
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  count = std::max(count, 1);
  return std::max(1.0f,
                  (width - spacing * static_cast<float>(count - 1)) / static_cast<float>(count));
}

}  // namespace brigade::terminal::touch
