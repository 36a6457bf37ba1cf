// The kitchen screen's look beyond the shared theme: sizes at the UI scale, the timer
// font, the colours of urgency and rush, and the words of times and headings.
#include <algorithm>
#include <ctime>

#include "brigade/ui/theme.h"
#include "kds/views.h"

namespace brigade::kds {

namespace {
ImFont* g_timer_font = nullptr;
}  // namespace

float ui_scale() {
  return ui::touch_size() / 64.0f;
}

ImFont* timer_font() {
  return g_timer_font ? g_timer_font : ui::fonts().big;
}

void set_timer_font(ImFont* font) {
  g_timer_font = font;
}

ImVec4 urgency_colour(Urgency urgency) {
  switch (urgency) {
    case Urgency::warning:
      return ui::colour::warning;
    case Urgency::late:
      return ui::colour::late;
    case Urgency::normal:
      break;
  }
  return {0.24f, 0.28f, 0.34f, 1.0f};  // slate: calm, and white reads on it
}

ImVec4 rush_colour() {
  return {0.78f, 0.12f, 0.58f, 1.0f};  // magenta: never taken for late red
}

std::vector<std::string> wrap(ImFont* font, const std::string& text, float width) {
  std::vector<std::string> out;
  const char* s = text.c_str();
  const char* end = s + text.size();
  while (s < end) {
    const char* cut = font->CalcWordWrapPositionA(1.0f, s, end, std::max(width, 1.0f));
    if (cut == s) ++cut;  // one character wider than the card: still move on
    std::string part(s, cut);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    out.push_back(part);
    s = cut;
    while (s < end && *s == ' ') ++s;
  }
  if (out.empty()) out.push_back("");
  return out;
}

std::string clip_to(ImFont* font, std::string text, float width) {
  if (font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.c_str()).x <= width) return text;
  while (!text.empty() &&
         font->CalcTextSizeA(font->FontSize, 1e9f, 0, (text + "…").c_str()).x > width) {
    text.pop_back();
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
      text.pop_back();  // never cut a UTF-8 character in half
  }
  return text + "…";
}

// A coloured box with a word in it ("NEW", "VOID"); returns its width.
float tag_width(const std::string& tag) {
  return tag.empty()
             ? 0
             : ui::fonts().bold->CalcTextSizeA(ui::fonts().bold->FontSize, 1e9f, 0, tag.c_str()).x +
                   12 * ui_scale();
}

std::string clock_text(EpochMs at) {
  std::time_t t = static_cast<std::time_t>(at / 1000);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M", &local);
  return buf;
}

std::string upper(std::string text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto& c = text[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    // UTF-8 of à..þ (U+00E0..U+00FE, not ÷): C3 A0..BE, whose capitals are C3 80..9E.
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (static_cast<unsigned char>(c) == 0xC3 && next >= 0xA0 && next <= 0xBE && next != 0xB7) {
      text[i + 1] = static_cast<char>(next - 0x20);
      ++i;
    }
  }
  return text;
}

}  // namespace brigade::kds
