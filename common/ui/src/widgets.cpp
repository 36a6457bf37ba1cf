#include "brigade/ui/widgets.h"

#include <cstdio>

#include "brigade/ui/theme.h"

namespace brigade::ui {

namespace {
Probe* g_probe = nullptr;
}

bool touch_button(const char* label, ImVec2 size, const ImVec4& c, bool enabled) {
  ImVec4 base = enabled ? c : colour::disabled;
  ImGui::PushStyleColor(ImGuiCol_Button, base);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, enabled ? shade(base, 0.08f) : base);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, enabled ? shade(base, 0.16f) : base);
  if (!enabled) ImGui::PushStyleColor(ImGuiCol_Text, colour::text_dim);
  bool pressed = ImGui::Button(label, size);
  ImGui::PopStyleColor(enabled ? 3 : 4);
  return pressed && enabled;
}

std::string connection_text(const Connection& c) {
  if (!c.online) {
    std::string text = "OFFLINE: no contact with the hub";
    if (c.since_contact) {
      auto s = std::chrono::duration_cast<std::chrono::seconds>(*c.since_contact).count();
      text += " for " + std::to_string(s) + " s";
    }
    if (c.pending > 0) text += ". " + std::to_string(c.pending) + " waiting to be sent";
    return text + ". Nothing is lost: it is sent when the hub is back.";
  }
  std::string text;
  // Never quiet: a hub that anyone on the network may talk to is not a restaurant's hub.
  if (c.development)
    text = "DEVELOPMENT MODE: the hub is not encrypted and any device on the network may use it.";
  if (c.pending > 0)
    text += (text.empty() ? "" : " ") + ("Sending " + std::to_string(c.pending) + "...");
  return text;
}

float connection_banner(const Connection& c) {
  std::string text = connection_text(c);
  if (text.empty()) return 0;
  const ImVec4 bg = c.online && !c.development ? colour::warning : colour::late;
  const float height = ImGui::GetTextLineHeight() * 1.8f;
  ImVec2 start = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(start, {start.x + width, start.y + height}, to_u32(bg), 4);
  ImGui::SetCursorScreenPos({start.x + 12, start.y + (height - ImGui::GetTextLineHeight()) / 2});
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 1));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  ImGui::SetCursorScreenPos({start.x, start.y + height});
  ImGui::Dummy({width, ImGui::GetStyle().ItemSpacing.y});
  probe("connection-banner");
  return height;
}

std::string elapsed_text(std::int64_t from_ms, std::int64_t now_ms) {
  std::int64_t s = std::max<std::int64_t>(0, (now_ms - from_ms) / 1000);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  return buf;
}

bool key_pressed(int key_code) {
  return ImGui::IsKeyPressed(key_code, false);
}

void install_probe(Probe* p) {
  g_probe = p;
}

void probe(const std::string& name) {
  if (!g_probe) return;
  g_probe->rects[name] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

}  // namespace brigade::ui
