// The store's devices, for a manager: every paired terminal, kitchen screen and posctl
// with its fingerprint, the pairings still waiting for their device, a new pairing (its
// one-time code shown large, to type on the new device) and revoking a lost or stolen
// device, which the hub cuts off at once (docs/protocol.md section 10).
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "intents.h"
#include "screen_base.h"
#include "text_entry.h"
#include "view.h"

namespace brigade::terminal {

class DevicesScreen : public ScreenBase {
 public:
  DevicesScreen() : ScreenBase("##devices") {}
  std::string title(const TerminalView&) const override { return "Devices"; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override;

 private:
  void draw_list(const Json& devices, const Json& pairing);
  void draw_device(const TerminalView& view, const Json& device, Intents& out);
  void draw_pairing(const TerminalView& view, Intents& out);

  bool listed_ = false;             // asked the hub for the list on this visit
  std::uint64_t seen_changes_ = 0;  // device events when it was asked
  std::string selected_;            // a device's id: its details and revoke
  bool confirming_revoke_ = false;  // the first tap on Revoke asks "sure?"
  bool pairing_asked_ = false;      // start_pairing sent on this visit: show its code
  TextEntry name_{64, TextEntry::Capitals::words};
  std::string role_ = "terminal";
  std::set<std::string> stations_;
};

}  // namespace brigade::terminal
