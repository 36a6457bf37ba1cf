// Where the terminal's buttons are, written to a file for a system test that drives the
// real window with real clicks (xdotool): one line per widget, "name x0 y0 x1 y1" in
// window pixels. Rewritten only when something moved; replaced atomically.
#pragma once

#include <string>

#include "brigade/ui/widgets.h"

namespace brigade::terminal {

class ProbeFile {
 public:
  explicit ProbeFile(std::string path) : path_(std::move(path)) {}
  void write(const ui::Probe& probe);

 private:
  std::string path_;
  std::string last_;
};

}  // namespace brigade::terminal
