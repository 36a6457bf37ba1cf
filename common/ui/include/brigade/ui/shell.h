// The window both GUI programs run in: GLFW + OpenGL 3, the shared theme, a frame loop
// that sleeps while nothing changes, and a screenshot for people (and CI) to look at.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "brigade/ui/theme.h"

namespace brigade::ui {

struct ShellOptions {
  std::string title = "Brigade";
  int width = 1280;
  int height = 800;
  bool fullscreen = false;  // kiosk: the whole primary monitor, no decorations
  ThemeOptions theme;
  // Set: render until `ready` says the screen shows synced state (or 20 s pass), write a
  // PNG of the window here, and return.
  std::string screenshot_path;
};

class Shell {
 public:
  // Opens the window; on failure returns null and says why in `error`.
  static std::unique_ptr<Shell> open(const ShellOptions& options, std::string& error);
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  // Draws frames with `frame` until the window is closed or `frame` returns false.
  // While idle it sleeps until input, wake(), or a second passes (clocks on screen tick
  // by the second). In screenshot mode, `ready` tells when to take the picture.
  // Returns 0, or 2 when a screenshot was taken before `ready` became true.
  int run(const std::function<bool()>& frame, const std::function<bool()>& ready = {});

  // Wakes the frame loop from any thread (the network thread when something arrived).
  static void wake();

 private:
  struct Window;
  explicit Shell(std::unique_ptr<Window> window, ShellOptions options);
  bool write_screenshot(const std::string& path);

  std::unique_ptr<Window> window_;
  ShellOptions options_;
};

}  // namespace brigade::ui
