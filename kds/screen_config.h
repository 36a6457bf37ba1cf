// What one kitchen screen is for: the stations it shows (or expo: all of them), and
// whether held courses show before they are fired.
#pragma once

#include <string>
#include <vector>

#include "brigade/protocol/events.h"

namespace brigade::kds {

struct ScreenConfig {
  std::vector<std::string> stations;  // "grill", "fryer": lines routed there
  bool expo = false;                  // the pass: every station's lines, bump = served
  bool show_held = true;              // held courses on screen as "on hold" until fired

  // The hub topics to follow: "ticket.<station>" each, or "ticket." (every station) at expo.
  // Its tickets, and the menu: stations renamed or retimed while it runs (menu.changed).
  std::vector<std::string> topics() const {
    if (expo) return {std::string(protocol::topic::tickets), std::string(protocol::topic::menu)};
    std::vector<std::string> out{std::string(protocol::topic::menu)};
    for (const auto& s : stations) out.push_back(protocol::topic::station(s));
    return out;
  }
};

}  // namespace brigade::kds
