// The floor plan: each room's tables where they stand, coloured by state (free, seated,
// ordered, food ready, paying) with how long they have been open; tap to resume a check
// or open one. Tabs and takeout/delivery orders are listed apart, with names and
// promised times.
#pragma once

#include <string>

#include "intents.h"
#include "open_check_dialog.h"
#include "screen_base.h"
#include "view.h"

namespace brigade::terminal {

class FloorScreen : public ScreenBase {
 public:
  FloorScreen() : ScreenBase("##floor") { has_dialogs({&open_}); }
  std::string title(const TerminalView& view) const override { return view.state.restaurant(); }

  // What a tap on a table does: resume its check, or ask how many guests.
  void tap_table(const TerminalView& view, const std::string& table_id, Intents& out);
  const std::string& room() const { return room_; }
  void show_room(std::string room_id) { room_ = std::move(room_id); }
  const OpenCheckDialog& open_dialog() const { return open_; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;

 private:
  void draw_room(const TerminalView& view, ImVec2 size, Intents& out);
  void draw_named_orders(const TerminalView& view, Intents& out);

  std::string room_;
  OpenCheckDialog open_;
};

}  // namespace brigade::terminal
