// The look both screens share: a readable font at touch size, colours that say state
// from across a room, and sizes scaled for fingers. ImGui only (no window here).
#pragma once

#include <imgui.h>

#include <string>

namespace brigade::ui {

// Colours with a meaning. Kept few and far apart so that state reads at a glance.
namespace colour {
inline const ImVec4 background{0.09f, 0.10f, 0.11f, 1.00f};
inline const ImVec4 panel{0.15f, 0.16f, 0.18f, 1.00f};
inline const ImVec4 text{0.95f, 0.95f, 0.93f, 1.00f};
inline const ImVec4 text_dim{0.62f, 0.64f, 0.66f, 1.00f};
inline const ImVec4 accent{0.20f, 0.48f, 0.85f, 1.00f};    // the thing to press
inline const ImVec4 ok{0.18f, 0.62f, 0.32f, 1.00f};        // free, sent, ready, online
inline const ImVec4 warning{0.93f, 0.66f, 0.10f, 1.00f};   // timer warning, pending
inline const ImVec4 late{0.86f, 0.20f, 0.18f, 1.00f};      // timer late, offline, void
inline const ImVec4 held{0.45f, 0.38f, 0.70f, 1.00f};      // on hold
inline const ImVec4 unsent{0.25f, 0.55f, 0.60f, 1.00f};    // new lines not yet sent
inline const ImVec4 disabled{0.30f, 0.31f, 0.33f, 1.00f};  // 86'd, not available
}  // namespace colour

ImU32 to_u32(const ImVec4& c);
// c made lighter (amount > 0) or darker (< 0), for hover and press states.
ImVec4 shade(const ImVec4& c, float amount);

struct ThemeOptions {
  float scale = 1.0f;     // UI scale: 1.0 for a 1280x800 terminal
  float font_px = 22.0f;  // body text at scale 1
  std::string font_path;  // empty: DejaVu Sans from fonts-dejavu-core, else ImGui's own
};

// Fonts chosen by apply_theme; big is for ticket headers and totals.
struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* big = nullptr;
};

// Sets style and colours, and adds the fonts to the current context's atlas (call before
// the atlas is built). Returns which fonts were loaded; falls back to ImGui's font.
Fonts apply_theme(const ThemeOptions& options);
const Fonts& fonts();

// The smallest comfortable touch target (about 9 mm on a 15" terminal).
float touch_size();

}  // namespace brigade::ui
