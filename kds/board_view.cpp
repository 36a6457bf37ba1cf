// The kitchen screen's frame: the top bar (station, counts, clock, recall, pages), the
// offline banner, the ticket cards laid out in columns and pages, the all-day panel (or
// the recall list), and the bump-bar legend. Keys are read here too.
#include <algorithm>

#include "brigade/ui/theme.h"
#include "brigade/ui/widgets.h"
#include "kds/kitchen_screen.h"
#include "kds/views.h"

namespace brigade::kds {

namespace {

constexpr int kKeypadEnter = 335;  // GLFW_KEY_KP_ENTER
constexpr int kKeyB = ui::key::letter_a + 1;
constexpr int kKeyL = ui::key::letter_a + 11;
constexpr int kKeyR = ui::key::letter_a + 17;

void centred_text(ImFont* font, const std::string& text, ImVec2 min, ImVec2 max,
                  const ImVec4& colour) {
  ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.c_str());
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize,
                                      {(min.x + max.x - size.x) / 2, (min.y + max.y - size.y) / 2},
                                      ui::to_u32(colour), text.c_str());
}

// Which digit key (1-9, then 0 for the tenth) was pressed: 1..10, or 0.
int number_pressed() {
  for (int n = 1; n <= 10; ++n) {
    int digit = n % 10;
    if (ui::key_pressed(ui::key::digit_0 + digit) || ui::key_pressed(ui::key::keypad_0 + digit))
      return n;
  }
  return 0;
}

struct Placement {
  const Ticket* ticket;
  ImVec2 at;
  ImVec2 size;
  std::vector<CardRow> rows;
};

}  // namespace

std::string screen_title(const Board& board) {
  if (board.config().expo) return "EXPO";
  std::string title;
  for (const auto& s : board.config().stations)
    title += (title.empty() ? "" : " + ") + upper(board.station_name(s));
  return title;
}

std::int64_t KitchenScreen::selected_on_page() const {
  if (layout_.empty() || page_ >= static_cast<int>(layout_.size())) return 0;
  const auto& ids = layout_[page_];
  if (std::find(ids.begin(), ids.end(), selected_) != ids.end()) return selected_;
  return ids.empty() ? 0 : ids.front();
}

void KitchenScreen::move_selection(int step) {
  std::vector<std::pair<int, std::int64_t>> all;  // page, ticket
  for (int p = 0; p < static_cast<int>(layout_.size()); ++p)
    for (auto id : layout_[p]) all.push_back({p, id});
  if (all.empty()) return;
  std::int64_t current = selected_on_page();
  int index = 0;
  for (int i = 0; i < static_cast<int>(all.size()); ++i)
    if (all[i].second == current) index = i;
  index = std::clamp(index + step, 0, static_cast<int>(all.size()) - 1);
  page_ = all[index].first;
  selected_ = all[index].second;
}

void KitchenScreen::read_keys(const Board& board, FrameOutput& out) {
  if (ui::key_pressed(kKeyL)) recall_open_ = !recall_open_;
  if (ui::key_pressed(kKeyR) && !board.recently_bumped().empty())
    out.intents.push_back(RecallTicket{board.recently_bumped().front().ticket_id});
  if (ui::key_pressed(ui::key::left)) page_ = std::max(0, page_ - 1);
  if (ui::key_pressed(ui::key::right)) page_ = std::min(pages_ - 1, page_ + 1);
  if (ui::key_pressed(ui::key::up)) move_selection(-1);
  if (ui::key_pressed(ui::key::down)) move_selection(+1);
  if (recall_open_) return;  // its own number keys pick from the list
  if (int n = number_pressed(); n > 0 && page_ < static_cast<int>(layout_.size()) &&
                                n <= static_cast<int>(layout_[page_].size()))
    selected_ = layout_[page_][n - 1];
  if (ui::key_pressed(ui::key::enter) || ui::key_pressed(kKeypadEnter) ||
      ui::key_pressed(ui::key::space) || ui::key_pressed(kKeyB))
    if (std::int64_t id = selected_on_page(); id != 0) out.intents.push_back(BumpTicket{id});
}

FrameOutput KitchenScreen::draw(const ScreenFrame& frame) {
  FrameOutput out;
  const Board& board = *frame.board;
  const ImGuiIO& io = ImGui::GetIO();
  const float s = ui_scale();
  const float gap = 10 * s;
  const float width = io.DisplaySize.x, height = io.DisplaySize.y;
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::Begin("kitchen", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* big = ui::fonts().big;
  ImFont* body = ui::fonts().body;
  ImFont* bold = ui::fonts().bold;

  // [SECTION] top bar: the station, how many tickets, the clock, recall and pages.
  const float bar_h = ui::touch_size() + gap;
  const float button_h = ui::touch_size();
  std::string title = screen_title(board);
  dl->AddText(big, big->FontSize, {gap * 1.5f, (bar_h - big->FontSize) / 2},
              ui::to_u32(ui::colour::text), title.c_str());
  float x = gap * 3 + big->CalcTextSizeA(big->FontSize, 1e9f, 0, title.c_str()).x;
  const auto tickets = board.tickets();
  int held = 0;
  for (const Ticket* t : tickets) held += board.held(*t) ? 1 : 0;
  std::string counts = std::to_string(tickets.size() - held) + " open";
  if (held > 0) counts += " · " + std::to_string(held) + " on hold";
  if (board.loaded())
    dl->AddText(bold, bold->FontSize, {x, (bar_h - bold->FontSize) / 2},
                ui::to_u32(ui::colour::text_dim), counts.c_str());

  float right = width - gap;
  const float recall_w = 200 * s;
  ImGui::SetCursorScreenPos({right - recall_w, gap / 2});
  if (ui::touch_button(recall_open_ ? "Recall (L)  ×" : "Recall (L)", {recall_w, button_h},
                       recall_open_ ? ui::colour::accent : ImVec4(0.24f, 0.28f, 0.34f, 1)))
    recall_open_ = !recall_open_;
  ui::probe("recall-button");
  right -= recall_w + gap;
  std::string clock = clock_text(frame.now);
  float clock_w = big->CalcTextSizeA(big->FontSize, 1e9f, 0, clock.c_str()).x;
  dl->AddText(big, big->FontSize, {right - clock_w, (bar_h - big->FontSize) / 2},
              ui::to_u32(ui::colour::text), clock.c_str());
  right -= clock_w + gap * 3;
  if (pages_ > 1) {
    const float page_w = 80 * s;
    ImGui::SetCursorScreenPos({right - page_w, gap / 2});
    if (ui::touch_button("→", {page_w, button_h}, ui::colour::accent, page_ + 1 < pages_))
      page_ = std::min(pages_ - 1, page_ + 1);
    ui::probe("page-next");
    right -= page_w + gap;
    std::string where = "page " + std::to_string(page_ + 1) + " of " + std::to_string(pages_);
    float w = bold->CalcTextSizeA(bold->FontSize, 1e9f, 0, where.c_str()).x;
    dl->AddText(bold, bold->FontSize, {right - w, (bar_h - bold->FontSize) / 2},
                ui::to_u32(ui::colour::warning), where.c_str());
    right -= w + gap;
    ImGui::SetCursorScreenPos({right - page_w, gap / 2});
    if (ui::touch_button("←", {page_w, button_h}, ui::colour::accent, page_ > 0))
      page_ = std::max(0, page_ - 1);
    ui::probe("page-prev");
  }

  // [SECTION] the offline banner, under the bar.
  float top = bar_h;
  if (!ui::connection_text(frame.connection).empty()) {
    // In a child the width of the cards and panels, so that it lines up with them.
    const float h = ImGui::GetTextLineHeight() * 1.8f + ImGui::GetStyle().ItemSpacing.y;
    ImGui::SetCursorScreenPos({gap, bar_h});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::BeginChild("banner", {width - gap * 2, h}, false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
    top += ui::connection_banner(frame.connection) + gap;
    ImGui::EndChild();
    ImGui::PopStyleVar();
  }

  // [SECTION] the legend and any refusal, at the bottom.
  const float legend_h = body->FontSize + gap * 2;
  float bottom = height - legend_h;
  const bool expo = board.config().expo;
  std::string legend = std::string("1-9 select    Enter / B ") + (expo ? "serve" : "bump") +
                       "    R recall last    L recall list    ← → page    ·    touch a header "
                       "to " +
                       (expo ? "serve" : "bump, a line to mark it done");
  dl->AddRectFilled({0, bottom}, {width, height}, ui::to_u32(ui::colour::panel));
  dl->AddText(body, body->FontSize, {gap * 1.5f, bottom + gap}, ui::to_u32(ui::colour::text_dim),
              legend.c_str());
  if (!frame.message.empty()) {
    const float h = bold->FontSize + gap * 2;
    bottom -= h;
    dl->AddRectFilled({0, bottom}, {width, bottom + h}, ui::to_u32(ui::colour::late));
    dl->AddText(bold, bold->FontSize, {gap * 1.5f, bottom + gap}, ui::to_u32(ImVec4(1, 1, 1, 1)),
                frame.message.c_str());
    ImGui::SetCursorScreenPos({0, bottom});
    ImGui::Dummy({width, h});
    ui::probe("message");
  }

  if (!board.loaded()) {
    centred_text(big, "Waiting for the hub" + (frame.hub.empty() ? "" : " at " + frame.hub) + "…",
                 {0, top}, {width, bottom}, ui::colour::text_dim);
    ImGui::End();
    return out;
  }

  // [SECTION] the cards: columns top to bottom, then the next column, then the next page.
  const float side_w = 270 * s;
  const ImVec2 area_min{gap, top + gap / 2};
  const ImVec2 area_max{width - side_w - gap * 2, bottom - gap};
  int columns = columns_ > 0 ? columns_
                             : std::max(1, static_cast<int>((area_max.x - area_min.x) / (330 * s)));
  const float card_w = (area_max.x - area_min.x - gap * (columns - 1)) / columns;
  const float area_h = area_max.y - area_min.y;
  std::vector<std::vector<Placement>> pages(1);
  int column = 0;
  float y = 0;
  for (const Ticket* ticket : tickets) {
    auto rows = expo ? expo_card_rows(board, *ticket, card_w - gap * 2)
                     : station_card_rows(board, *ticket, card_w - gap * 2);
    float h = std::min(card_height(rows, *ticket), area_h);
    if (y > 0 && y + h > area_h) {
      ++column;
      y = 0;
    }
    if (column >= columns) {
      pages.emplace_back();
      column = 0;
      y = 0;
    }
    pages.back().push_back({ticket,
                            {area_min.x + column * (card_w + gap), area_min.y + y},
                            {card_w, h},
                            std::move(rows)});
    y += h + gap;
  }
  pages_ = static_cast<int>(pages.size());
  page_ = std::clamp(page_, 0, pages_ - 1);
  layout_.clear();
  for (const auto& p : pages) {
    layout_.emplace_back();
    for (const auto& placed : p) {
      layout_.back().push_back(placed.ticket->id);
      out.on_board.push_back(placed.ticket->id);
    }
  }
  read_keys(board, out);
  page_ = std::clamp(page_, 0, pages_ - 1);

  const std::int64_t selected = selected_on_page();
  int number = 0;
  for (const auto& placed : pages[page_]) {
    const Ticket& ticket = *placed.ticket;
    ++number;
    CardTouch touch = draw_ticket_card(board, ticket, placed.rows, placed.at, placed.size,
                                       number <= 10 ? number : 0, ticket.id == selected, frame.now);
    out.displayed.push_back(ticket.id);
    if (touch.bump) {
      selected_ = ticket.id;
      out.intents.push_back(BumpTicket{ticket.id});
    }
    if (touch.line)
      if (const TicketLine* line = ticket.line(*touch.line))
        out.intents.push_back(BumpLine{ticket.id, line->id, !board.line_done(ticket, *line)});
  }
  if (tickets.empty())
    centred_text(big, "All clear: no open tickets", area_min, area_max, ui::colour::text_dim);

  // [SECTION] the side panel: all day, or the recall list while it is open.
  const ImVec2 side_at{width - side_w - gap, top + gap / 2};
  const ImVec2 side_size{side_w, bottom - gap - side_at.y};
  if (recall_open_) {
    if (auto recall = draw_recall_list(board, side_at, side_size, recall_open_))
      out.intents.push_back(*recall);
  } else {
    draw_all_day(board, side_at, side_size);
  }
  ImGui::End();
  return out;
}

}  // namespace brigade::kds
