// The kitchen screen: the whole window, drawn from the board each frame. Its own state
// is only what a cook moves on it: the page, the card the bump bar has selected, and
// whether the recall list is open. Everything else is read from the board; what the cook
// does comes out as intents (kds/intents.h).
//
// Bump bar (and keyboard): 1-9 (and 0 for the tenth) select a card, Enter / Space / B
// bump it, R recalls the last bumped ticket, L opens the recall list, Left/Right page,
// Up/Down move the selection. The legend at the bottom of the screen says the same.
#pragma once

#include <cstdint>
#include <string>

#include "brigade/ui/widgets.h"
#include "kds/board.h"
#include "kds/intents.h"

namespace brigade::kds {

// What one frame shows besides the board.
struct ScreenFrame {
  const Board* board = nullptr;
  EpochMs now = 0;  // the hub's clock: timers count against it
  ui::Connection connection;
  std::string message;  // something the hub refused, for the cook to read; empty: none
  std::string hub;      // where the hub is, said while waiting for it
};

class KitchenScreen {
 public:
  // columns: cards side by side; 0 picks as many as fit comfortably.
  explicit KitchenScreen(int columns = 0) : columns_(columns) {}

  FrameOutput draw(const ScreenFrame& frame);

  int page() const { return page_; }
  int pages() const { return pages_; }
  std::int64_t selected() const { return selected_; }
  bool recall_open() const { return recall_open_; }

 private:
  void read_keys(const Board& board, FrameOutput& out);
  void move_selection(int step);
  std::int64_t selected_on_page() const;

  int columns_;
  int page_ = 0;
  int pages_ = 1;
  std::int64_t selected_ = 0;  // ticket id; 0: the first card on the page
  bool recall_open_ = false;
  // Card order on screen as laid out in the last frame: pages, then position.
  std::vector<std::vector<std::int64_t>> layout_;
};

// The screen's title: "GRILL", "GRILL + FRYER", "EXPO".
std::string screen_title(const Board& board);

}  // namespace brigade::kds
