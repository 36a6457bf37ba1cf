// The whole terminal with no window: the in-process hub, the state, the controller, the
// simulated card reader and the TerminalApp drawn by a headless ImGui, driven by taps on
// the widgets the screens record in the probe.
#pragma once

#include <gtest/gtest.h>

#include "brigade/ui/headless.h"
#include "local_hub.h"
#include "terminal_app.h"

namespace brigade::testing {

class TerminalRig {
 public:
  explicit TerminalRig(terminal::TerminalOptions options = {})
      : controller(hub, state, cards), app(state, controller, options) {
    frame();
  }
  // On a hub with keys, the terminal speaking as its console.
  struct KeyedHub {
    std::string public_key;
  };
  explicit TerminalRig(KeyedHub keyed)
      : hub(keyed.public_key), controller(hub, state, cards), app(state, controller) {
    frame();
  }

  void frame() {
    ui.frame([&] { app.frame(now); });
  }
  // Taps a widget by its probe name; false (and a failure) if it is not on screen.
  bool tap(const std::string& name) {
    bool found = ui.tap(name, [&] { app.frame(now); });
    if (!found) ADD_FAILURE() << "'" << name << "' is not on the screen";
    frame();
    return found;
  }
  bool shows(const std::string& name) {
    frame();
    return ui.drawn(name);
  }
  // Scrolls the panel `area` (a probe name) with the wheel until `name` is in view, as a
  // finger dragging the list would.
  bool scroll_to(const std::string& name, const std::string& area) {
    for (int step = 0; step < 60; ++step) {
      if (shows(name)) return true;
      if (!ui.drawn(area)) break;
      const ImVec2 at = ui.probe().rects.at(area).centre();
      const float wheel = step < 20 ? -1.0f : 1.0f;  // down first, then back up
      ImGuiIO& io = ImGui::GetIO();
#if IMGUI_VERSION_NUM >= 18700
      io.AddMousePosEvent(at.x, at.y);
      io.AddMouseWheelEvent(0, wheel);
#else
      io.MousePos = at;
      io.MouseWheel = wheel;
#endif
      frame();
    }
    ADD_FAILURE() << "'" << name << "' did not come into view in '" << area << "'";
    return false;
  }
  void type(const std::string& text) {
    ui.type(text, [&] { app.frame(now); });
  }

  void log_in(const std::string& pin) {
    for (char d : pin) tap(std::string("pin.") + d);
    tap("pin.enter");
  }
  // Logs in and opens a table through the floor plan, as a server does.
  std::int64_t seat_table(const std::string& pin, const std::string& table, int guests) {
    log_in(pin);
    tap("table." + table);
    tap("guests." + std::to_string(guests));
    frame();
    return app.check_id();
  }
  const terminal::CheckView& check() {
    const terminal::CheckView* view = state.find_check(app.check_id());
    EXPECT_NE(view, nullptr);
    return *view;
  }
  terminal::TerminalView view() const {
    return {state, controller, now};
  }

  EpochMs now = 1'795'000'000'000;
  ui::Headless ui;
  LocalHub hub;
  terminal::TerminalState state;
  terminal::SimulatedCardProcessor cards;
  terminal::Controller controller;
  terminal::TerminalApp app;
};

}  // namespace brigade::testing
