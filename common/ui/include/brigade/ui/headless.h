// Drives ImGui without a window, frame by frame, for screen tests (CONVENTIONS.md):
// a real context and font atlas, no GLFW, no GL. Input goes through this one class so
// that an ImGui upgrade (1.87's event queue) touches one file.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>

#include "brigade/ui/widgets.h"

namespace brigade::ui {

class Headless {
 public:
  using Draw = std::function<void()>;

  explicit Headless(ImVec2 display = {1280, 800});
  ~Headless();
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  // One frame with the current input state.
  void frame(const Draw& draw);
  // A tap: a frame with the finger down over the point, then one with it lifted.
  void tap(ImVec2 at, const Draw& draw);
  // Taps the widget recorded under `name` by ui::probe; false if it was not drawn.
  bool tap(const std::string& name, const Draw& draw);
  // Typed text goes to the focused field (tap the field first).
  void type(const std::string& utf8, const Draw& draw);
  // A key pressed for one frame and released on the next.
  void press(int key_code, const Draw& draw);

  bool drawn(const std::string& name) const { return probe_.rects.count(name) > 0; }
  const Probe& probe() const { return probe_; }

 private:
  ImGuiContext* context_ = nullptr;
  Probe probe_;
};

}  // namespace brigade::ui
