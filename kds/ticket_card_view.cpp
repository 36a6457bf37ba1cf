// A ticket card: a header coloured by urgency (table, check, server, timer; RUSH above it)
// and the ticket's lines, each a touch target that marks the line done. Voids are struck
// through in red and marked VOID; a quantity change shows the old quantity struck through
// and the new one; lines of an addition are marked NEW.
#include <algorithm>

#include "brigade/ui/theme.h"
#include "brigade/ui/widgets.h"
#include "kds/views.h"

namespace brigade::kds {

namespace {

const ImVec4 kBlack{0, 0, 0, 1};
const ImVec4 kWhite{1, 1, 1, 1};

float pad() {
  return 10 * ui_scale();
}

ImVec2 text_size(ImFont* font, const std::string& text) {
  return font->CalcTextSizeA(font->FontSize, 1e9f, 0, text.c_str());
}

void text_at(ImDrawList* dl, ImFont* font, ImVec2 at, const ImVec4& colour,
             const std::string& text) {
  dl->AddText(font, font->FontSize, at, ui::to_u32(colour), text.c_str());
}

void draw_tag(ImDrawList* dl, ImVec2 right_top, float height, const std::string& tag,
              const ImVec4& colour) {
  ImFont* font = ui::fonts().bold;
  float w = tag_width(tag);
  ImVec2 min{right_top.x - w, right_top.y};
  dl->AddRectFilled(min, {right_top.x, right_top.y + height}, ui::to_u32(colour), 4);
  bool dark = colour.x * 0.3f + colour.y * 0.59f + colour.z * 0.11f > 0.5f;
  text_at(dl, font, {min.x + 6 * ui_scale(), min.y + (height - font->FontSize) / 2},
          dark ? kBlack : kWhite, tag);
}

void draw_tick(ImDrawList* dl, ImVec2 at, float size, const ImVec4& colour) {
  ImVec2 points[3] = {{at.x, at.y + size * 0.55f},
                      {at.x + size * 0.38f, at.y + size * 0.9f},
                      {at.x + size, at.y + size * 0.15f}};
  dl->AddPolyline(points, 3, ui::to_u32(colour), 0, 3 * ui_scale());
}

float rush_strip_height() {
  return ui::fonts().bold->FontSize + 8 * ui_scale();
}

float header_first_row() {
  return std::max(ui::fonts().big->FontSize, timer_font()->FontSize);
}

// The courses of the lines on this card ("apps", "mains"); held: the course it waits for.
std::string courses_on_card(const Board& board, const Ticket& ticket) {
  const std::string own = ticket.course ? std::string(to_string(*ticket.course)) : std::string();
  if (board.held(ticket)) return own;
  std::string out;
  for (Course course : {Course::drinks, Course::apps, Course::mains, Course::dessert})
    for (const TicketLine* line : board.lines_of(ticket))
      if (line->course == course) {
        out += (out.empty() ? "" : " + ") + std::string(to_string(course));
        break;
      }
  return out.empty() ? own : out;
}

std::string header_details(const Board& board, const Ticket& ticket) {
  std::string text = "#" + std::to_string(ticket.check_number);
  if (!ticket.server.empty()) text += " · " + ticket.server;
  if (ticket.guests > 0)
    text += " · " + std::to_string(ticket.guests) + (ticket.guests == 1 ? " guest" : " guests");
  if (ticket.channel != Channel::dine_in) {
    std::string channel(to_string(ticket.channel));
    std::replace(channel.begin(), channel.end(), '_', ' ');
    text += " · " + channel;
  }
  if (std::string course = courses_on_card(board, ticket); !course.empty()) text += " · " + course;
  if (ticket.promised_at != 0) text += " · due " + clock_text(ticket.promised_at);
  return text;
}

}  // namespace

void add_line_rows(std::vector<CardRow>& rows, const Ticket& ticket, const TicketLine& line,
                   bool done, float width) {
  const float s = ui_scale();
  const float indent = 30 * s;
  const ImVec4 item_colour = line.voided() ? ui::colour::late : ui::colour::text;
  CardRow main;
  main.font = ui::fonts().bold;
  main.colour = item_colour;
  main.line_id = line.id;
  main.done = done && !line.voided();
  main.struck = line.voided();
  main.lead = line.seat > 0 ? "S" + std::to_string(line.seat) + "  " : "";
  if (line.voided()) {
    main.text = std::to_string(line.quantity) + "× " + line.name;
    main.tag = "VOID";
    main.tag_colour = ui::colour::late;
  } else if (line.quantity_changed()) {
    main.struck_prefix = std::to_string(line.quantity);
    main.text = "→ " + std::to_string(line.live_quantity()) + "× " + line.name;
    main.tag = "QTY";
    main.tag_colour = ui::colour::warning;
  } else {
    main.text = std::to_string(line.quantity) + "× " + line.name;
    if (ticket.addition) {
      main.tag = "NEW";
      main.tag_colour = ui::colour::unsent;
    }
  }
  const float prefix_w =
      text_size(main.font, main.lead).x +
      (main.struck_prefix.empty() ? 0 : text_size(main.font, main.struck_prefix + " ").x);
  auto parts = wrap(main.font, main.text, width - prefix_w - tag_width(main.tag) - 30 * s);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    CardRow row = main;
    row.text = parts[i];
    if (i > 0) {
      row.lead.clear();
      row.struck_prefix.clear();
      row.tag.clear();
      row.indent = prefix_w + indent / 2;
    }
    rows.push_back(std::move(row));
  }
  auto add_detail = [&](const std::string& text, const ImVec4& colour, bool struck) {
    for (const auto& part : wrap(ui::fonts().body, text, width - indent)) {
      CardRow row;
      row.font = ui::fonts().body;
      row.colour = colour;
      row.text = part;
      row.indent = indent;
      row.struck = struck;
      row.done = main.done;
      row.line_id = line.id;
      rows.push_back(std::move(row));
    }
  };
  for (const auto& m : line.modifiers)
    add_detail("– " + m, line.voided() ? ui::colour::late : ui::colour::text, line.voided());
  if (!line.note.empty()) add_detail("» " + line.note, ui::colour::warning, line.voided());
  if ((line.voided() || line.quantity_changed()) && !line.void_reason.empty())
    add_detail("void: " + line.void_reason, ui::colour::late, false);
}

std::vector<CardRow> station_card_rows(const Board& board, const Ticket& ticket, float width) {
  std::vector<CardRow> rows;
  for (const TicketLine* line : board.lines_of(ticket))
    add_line_rows(rows, ticket, *line, board.line_done(ticket, *line), width);
  return rows;
}

float card_header_height(const Ticket& ticket) {
  float h = pad() * 2 + header_first_row() + 4 * ui_scale() + ui::fonts().body->FontSize;
  if (ticket.rush) h += rush_strip_height();
  return h;
}

float row_height(const CardRow& row) {
  return row.font->FontSize + (row.band ? 10 : 4) * ui_scale();
}

float card_height(const std::vector<CardRow>& rows, const Ticket& ticket) {
  float h = card_header_height(ticket) + pad() * 2;
  for (const auto& row : rows) h += row_height(row);
  return h;
}

CardTouch draw_ticket_card(const Board& board, const Ticket& ticket,
                           const std::vector<CardRow>& rows, ImVec2 at, ImVec2 size, int number,
                           bool selected, EpochMs now) {
  CardTouch touch;
  const float s = ui_scale();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end{at.x + size.x, at.y + size.y};
  dl->AddRectFilled(at, end, ui::to_u32(ui::colour::panel), 6 * s);
  dl->PushClipRect(at, end, true);
  ImGui::PushID(static_cast<int>(ticket.id));

  // [header] RUSH strip, then the urgency-coloured block: number, table, timer, details.
  float y = at.y;
  const float header_top = y;
  if (ticket.rush) {
    float h = rush_strip_height();
    dl->AddRectFilled({at.x, y}, {end.x, y + h}, ui::to_u32(rush_colour()), 6 * s);
    std::string word = "RUSH";
    float w = text_size(ui::fonts().bold, word).x;
    text_at(dl, ui::fonts().bold, {at.x + (size.x - w) / 2, y + 4 * s}, kWhite, word);
    y += h;
  }
  const bool held = board.held(ticket);
  const bool ready = board.config().expo && ticket.status == TicketStatus::ready;
  const Urgency urgency = board.urgency(ticket, now);
  ImVec4 header = held ? ui::colour::held : ready ? ui::colour::ok : urgency_colour(urgency);
  const ImVec4 ink = (!held && !ready && urgency == Urgency::warning) ? kBlack : kWhite;
  const float header_h = card_header_height(ticket) - (ticket.rush ? rush_strip_height() : 0);
  dl->AddRectFilled({at.x, y}, {end.x, y + header_h}, ui::to_u32(header), ticket.rush ? 0 : 6 * s);
  float x = at.x + pad();
  const float row1 = header_first_row();
  if (number > 0) {
    std::string key = std::to_string(number % 10);
    ImVec2 box_min{x, y + pad()}, box_max{x + row1, y + pad() + row1};
    dl->AddRectFilled(box_min, box_max, ui::to_u32(ImVec4(0, 0, 0, 0.55f)), 4 * s);
    ImVec2 k = text_size(ui::fonts().big, key);
    text_at(dl, ui::fonts().big,
            {box_min.x + (row1 - k.x) / 2, box_min.y + (row1 - ui::fonts().big->FontSize) / 2},
            kWhite, key);
    x += row1 + 8 * s;
  }
  std::string timer = held ? "ON HOLD" : ui::elapsed_text(ticket.arrived_at(), now);
  ImFont* tf = held ? ui::fonts().bold : timer_font();
  ImVec2 tsize = text_size(tf, timer);
  const float label_w = text_size(ui::fonts().big, ticket.label).x;
  if (!held && x + label_w + pad() * 2 + tsize.x > end.x) {
    tf = ui::fonts().big;  // the table's name comes first; the timer stays big
    tsize = text_size(tf, timer);
  }
  text_at(dl, tf, {end.x - pad() - tsize.x, y + pad() + (row1 - tf->FontSize) / 2}, ink, timer);
  std::string label = clip_to(ui::fonts().big, ticket.label, end.x - pad() * 2 - tsize.x - x);
  text_at(dl, ui::fonts().big, {x, y + pad() + (row1 - ui::fonts().big->FontSize) / 2}, ink, label);
  float y2 = y + pad() + row1 + 4 * s;
  std::string badge = ready ? "READY" : ticket.addition ? "ADDED" : "";
  for (const auto* line : board.lines_of(ticket))
    if (line->voided() || line->quantity_changed()) badge = "CHANGED";
  float badge_w = tag_width(badge);
  text_at(dl, ui::fonts().body, {at.x + pad(), y2}, ink,
          clip_to(ui::fonts().body, header_details(board, ticket), size.x - pad() * 3 - badge_w));
  if (!badge.empty())
    draw_tag(dl, {end.x - pad(), y2}, ui::fonts().body->FontSize, badge,
             badge == "ADDED" ? ui::colour::unsent : ImVec4(0.1f, 0.1f, 0.1f, 1));
  y += header_h;
  ImGui::SetCursorScreenPos({at.x, header_top});
  if (ImGui::InvisibleButton("bump", {size.x, y - header_top})) touch.bump = true;
  ui::probe("ticket-" + std::to_string(ticket.id));

  // [lines] one touch target per ticket line, over all of its rows.
  y += pad();
  const float more_h = ui::fonts().body->FontSize + 6 * s;
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t j = i;
    float group_h = 0;
    while (j < rows.size() && (j == i || (rows[i].line_id != 0 &&
                                          rows[j].line_id == rows[i].line_id && !rows[j].band)))
      group_h += row_height(rows[j++]);
    float rest_h = 0;  // everything from here: when it all fits, no "more" line is needed
    for (std::size_t k = i; k < rows.size(); ++k) rest_h += row_height(rows[k]);
    if (y + rest_h > end.y - pad() && y + group_h > end.y - pad() - more_h) {
      int hidden = 0;
      for (std::size_t k = i; k < rows.size(); ++k)
        if (rows[k].line_id != 0 && (k == i || rows[k].line_id != rows[k - 1].line_id)) ++hidden;
      std::string more = "… " + std::to_string(hidden) + " more line" + (hidden == 1 ? "" : "s");
      text_at(dl, ui::fonts().bold, {at.x + pad(), end.y - pad() - more_h + 2 * s},
              ui::colour::warning, more);
      break;
    }
    const float group_top = y;
    for (std::size_t k = i; k < j; ++k) {
      const CardRow& row = rows[k];
      const float h = row_height(row);
      if (row.band)
        dl->AddRectFilled({at.x + 4 * s, y}, {end.x - 4 * s, y + h - 2 * s},
                          ui::to_u32(row.band_colour), 4 * s);
      const ImVec4 colour = row.done ? ui::colour::text_dim : row.colour;
      const float row_x = at.x + pad() + row.indent;
      float rx = row_x;
      const float ty = y + (h - row.font->FontSize) / 2;
      if (!row.lead.empty()) {
        text_at(dl, row.font, {rx, ty}, row.struck ? colour : ui::colour::text_dim, row.lead);
        rx += text_size(row.font, row.lead).x;
      }
      if (!row.struck_prefix.empty()) {
        text_at(dl, row.font, {rx, ty}, ui::colour::text_dim, row.struck_prefix);
        float w = text_size(row.font, row.struck_prefix).x;
        dl->AddLine({rx - 2 * s, ty + row.font->FontSize * 0.55f},
                    {rx + w + 2 * s, ty + row.font->FontSize * 0.55f},
                    ui::to_u32(ui::colour::warning), 3 * s);
        rx += w + text_size(row.font, " ").x;
      }
      text_at(dl, row.font, {rx, ty}, colour, row.text);
      if (row.struck) {
        float w = text_size(row.font, row.text).x;
        dl->AddLine({row_x - 2 * s, ty + row.font->FontSize * 0.55f},
                    {rx + w + 2 * s, ty + row.font->FontSize * 0.55f}, ui::to_u32(ui::colour::late),
                    3 * s);
      }
      if (!row.tag.empty())
        draw_tag(dl, {end.x - pad(), y + 2 * s}, h - 4 * s, row.tag, row.tag_colour);
      else if (row.done && (k == i))
        draw_tick(dl, {end.x - pad() - h * 0.8f, y + h * 0.1f}, h * 0.7f, ui::colour::ok);
      y += h;
    }
    if (rows[i].line_id != 0 && rows[i].touchable) {
      ImGui::SetCursorScreenPos({at.x, group_top});
      ImGui::PushID(static_cast<int>(rows[i].line_id));
      if (ImGui::InvisibleButton("line", {size.x, std::max(group_h, 1.0f)}))
        touch.line = rows[i].line_id;
      ui::probe("line-" + std::to_string(ticket.id) + "-" + std::to_string(rows[i].line_id));
      ImGui::PopID();
    }
    i = j;
  }

  ImGui::PopID();
  dl->PopClipRect();
  if (selected)
    dl->AddRect({at.x - 2 * s, at.y - 2 * s}, {end.x + 2 * s, end.y + 2 * s},
                ui::to_u32(ui::colour::accent), 8 * s, 0, 5 * s);
  return touch;
}

}  // namespace brigade::kds
