// The parts the kitchen screen is drawn from, one file each: ticket cards
// (ticket_card_view.cpp) with the expo variant (expo_view.cpp), the all-day panel
// (all_day_view.cpp) and the recall list (recall_view.cpp). Internal to kds.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "kds/board.h"
#include "kds/intents.h"

namespace brigade::kds {

// Sizes at the current UI scale.
float ui_scale();
// The font for ticket timers: as big as fits, readable from across the kitchen.
ImFont* timer_font();
// kds adds it to the font atlas before the first frame (main.cpp); null: the big font.
void set_timer_font(ImFont* font);

// Colours with a meaning on the kitchen screen (beyond the shared theme).
ImVec4 urgency_colour(Urgency urgency);
ImVec4 rush_colour();

// "19:42" in this machine's time zone, for a time on the hub's clock.
std::string clock_text(EpochMs at);
// "GRILL" for "grill": headings read from afar.
std::string upper(std::string text);

// [SECTION] ticket cards

// One text row of a card's body. A ticket line takes one or more rows (its modifiers,
// its note, a void reason); a touch on any of them marks the line done.
struct CardRow {
  std::string text;
  std::string lead;           // the seat ("S2  "), drawn dim before the rest
  std::string struck_prefix;  // drawn struck through before `text`: the old quantity
  ImFont* font = nullptr;
  ImVec4 colour;
  float indent = 0;
  bool struck = false;  // the whole row struck through: voided
  bool done = false;    // marked done: dimmed, with a tick
  std::string tag;      // NEW, VOID, QTY, READY ... at the right
  ImVec4 tag_colour;
  std::int64_t line_id = 0;  // the line it belongs to (0: a heading)
  bool touchable = true;     // a touch marks the line done (not at expo: expo sends tickets)
  bool band = false;         // a station heading on the expo card: a full-width band
  ImVec4 band_colour;
};

// Rows of a station card: this screen's lines of the ticket.
std::vector<CardRow> station_card_rows(const Board& board, const Ticket& ticket, float width);
// Rows of an expo card: each station's lines under its progress.
std::vector<CardRow> expo_card_rows(const Board& board, const Ticket& ticket, float width);
// Text cut to `width` with "…" (never inside a UTF-8 character).
std::string clip_to(ImFont* font, std::string text, float width);
// The width of a tag box ("NEW", "VOID") with its word.
float tag_width(const std::string& tag);
// Splits text into rows that fit `width` in `font`.
std::vector<std::string> wrap(ImFont* font, const std::string& text, float width);
// Rows for one ticket line (name, modifiers, note, void reason), shared by both cards.
void add_line_rows(std::vector<CardRow>& rows, const Ticket& ticket, const TicketLine& line,
                   bool done, float width);

float card_header_height(const Ticket& ticket);
float row_height(const CardRow& row);
float card_height(const std::vector<CardRow>& rows, const Ticket& ticket);

// What happened on a card this frame.
struct CardTouch {
  bool bump = false;                 // the header was touched
  std::optional<std::int64_t> line;  // a line was touched
};

// Draws a card at `at` (screen coordinates), `size` wide and at most that high.
// `number` is its bump-bar key (0: none).
CardTouch draw_ticket_card(const Board& board, const Ticket& ticket,
                           const std::vector<CardRow>& rows, ImVec2 at, ImVec2 size, int number,
                           bool selected, EpochMs now);

// [SECTION] side panels

void draw_all_day(const Board& board, ImVec2 at, ImVec2 size);
// The last bumped tickets, newest first; a touch recalls one. Sets `open` false to close.
std::optional<RecallTicket> draw_recall_list(const Board& board, ImVec2 at, ImVec2 size,
                                             bool& open);

}  // namespace brigade::kds
