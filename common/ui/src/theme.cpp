#include "brigade/ui/theme.h"

#include <algorithm>
#include <filesystem>

namespace brigade::ui {

namespace {
Fonts g_fonts;
float g_scale = 1.0f;

constexpr const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kDejaVuBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

ImFont* load(const std::string& path, float px) {
  if (path.empty() || !std::filesystem::exists(path)) return nullptr;
  ImFontConfig config;
  config.OversampleH = 2;
  // Latin-1 and the general punctuation block: names like "Crème brûlée", "—", "…".
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0};
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(path.c_str(), px, &config, ranges);
}
}  // namespace

ImU32 to_u32(const ImVec4& c) {
  return ImGui::ColorConvertFloat4ToU32(c);
}

ImVec4 shade(const ImVec4& c, float amount) {
  auto f = [&](float v) { return std::clamp(v + amount, 0.0f, 1.0f); };
  return {f(c.x), f(c.y), f(c.z), c.w};
}

Fonts apply_theme(const ThemeOptions& options) {
  g_scale = options.scale;
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 6;
  style.FrameRounding = 6;
  style.GrabRounding = 6;
  style.WindowPadding = {12, 12};
  style.FramePadding = {12, 10};
  style.ItemSpacing = {10, 10};
  style.ScrollbarSize = 22;  // a finger must be able to drag it
  style.WindowBorderSize = 0;
  style.ScaleAllSizes(options.scale);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = colour::background;
  c[ImGuiCol_ChildBg] = colour::panel;
  c[ImGuiCol_PopupBg] = colour::panel;
  c[ImGuiCol_Text] = colour::text;
  c[ImGuiCol_TextDisabled] = colour::text_dim;
  c[ImGuiCol_Button] = shade(colour::panel, 0.08f);
  c[ImGuiCol_ButtonHovered] = shade(colour::panel, 0.14f);
  c[ImGuiCol_ButtonActive] = colour::accent;
  c[ImGuiCol_FrameBg] = shade(colour::panel, 0.05f);
  c[ImGuiCol_Header] = shade(colour::accent, -0.2f);
  c[ImGuiCol_HeaderHovered] = colour::accent;
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);

  const float px = options.font_px * options.scale;
  ImGuiIO& io = ImGui::GetIO();
  std::string body_path = options.font_path.empty() ? kDejaVu : options.font_path;
  g_fonts.body = load(body_path, px);
  g_fonts.bold = load(kDejaVuBold, px);
  g_fonts.big = load(kDejaVuBold, px * 1.5f);
  if (!g_fonts.body) {
    // No DejaVu on this machine: ImGui's own font, scaled, still readable.
    ImFontConfig config;
    config.SizePixels = px;
    g_fonts.body = io.Fonts->AddFontDefault(&config);
  }
  if (!g_fonts.bold) g_fonts.bold = g_fonts.body;
  if (!g_fonts.big) g_fonts.big = g_fonts.bold;
  io.FontDefault = g_fonts.body;
  return g_fonts;
}

const Fonts& fonts() {
  return g_fonts;
}

float touch_size() {
  return 64.0f * g_scale;
}

}  // namespace brigade::ui
