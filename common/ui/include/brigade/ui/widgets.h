// Touch-sized widgets both screens use, the connection banner, and the probe that lets
// headless tests find a widget on screen (ImGui 1.86 has no lookup by id).
#pragma once

#include <imgui.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace brigade::ui {

// A big coloured button. Disabled: drawn greyed and never returns true.
bool touch_button(const char* label, ImVec2 size, const ImVec4& colour, bool enabled = true);

// What the banner says about the link to the hub.
struct Connection {
  bool online = true;
  std::optional<std::chrono::milliseconds> since_contact;  // since the last heartbeat
  std::size_t pending = 0;                                 // commands waiting for a reply
  // The hub's heartbeat says it runs in development mode (no encryption, any device).
  bool development = false;
};
// The banner's words, so tests can check exactly what a person reads.
std::string connection_text(const Connection& c);
// Draws a full-width banner when offline (red) or when commands are pending (amber).
// Returns the height it took (0 when online and nothing is pending).
float connection_banner(const Connection& c);

// mm:ss since a time, for ticket timers and table clocks.
std::string elapsed_text(std::int64_t from_ms, std::int64_t now_ms);

// Key codes as the GLFW backend reports them in ImGui 1.86 (io.KeysDown index).
namespace key {
inline constexpr int space = 32;
inline constexpr int digit_0 = 48;   // '0'..'9' are 48..57
inline constexpr int letter_a = 65;  // 'A'..'Z' are 65..90
inline constexpr int enter = 257;
inline constexpr int escape = 256;
inline constexpr int backspace = 259;
inline constexpr int right = 262;
inline constexpr int left = 263;
inline constexpr int down = 264;
inline constexpr int up = 265;
inline constexpr int keypad_0 = 320;  // keypad '0'..'9' are 320..329
}  // namespace key
bool key_pressed(int key_code);

// Records the on-screen rectangle of named widgets while a probe is installed.
struct Probe {
  struct Rect {
    ImVec2 min, max;
    ImVec2 centre() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
  };
  std::map<std::string, Rect> rects;
};
void install_probe(Probe* probe);  // nullptr removes it
// Call right after a widget: remembers its rectangle under `name` (no cost without a probe).
void probe(const std::string& name);

}  // namespace brigade::ui
