#include "probe_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace brigade::terminal {

void ProbeFile::write(const ui::Probe& probe) {
  std::string text;
  char line[64];
  for (const auto& [name, rect] : probe.rects) {
    // Widgets clipped away (scrolled out) are not there to click.
    if (rect.max.x <= rect.min.x || rect.max.y <= rect.min.y) continue;
    std::snprintf(line, sizeof line, " %.0f %.0f %.0f %.0f\n", rect.min.x, rect.min.y, rect.max.x,
                  rect.max.y);
    text += name + line;
  }
  if (text == last_) return;
  last_ = text;
  const std::string tmp = path_ + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path_, ec);
}

}  // namespace brigade::terminal
