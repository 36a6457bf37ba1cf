// The expo card: the whole ticket, station by station. Each station gets a band with its
// progress (READY when it bumped, "2 of 3" while cooking, NOT SEEN while no screen of the
// station has shown it) and its lines under it, ticked as they are done. The card header
// turns green (READY) once every station bumped: the plates can go. A bump here serves.
#include "brigade/ui/theme.h"
#include "kds/views.h"

namespace brigade::kds {

namespace {

CardRow station_band(const std::string& name, const std::string& tag, const ImVec4& colour,
                     float width) {
  CardRow band;
  band.band = true;
  band.band_colour = ImVec4(0.22f, 0.23f, 0.26f, 1);
  band.font = ui::fonts().bold;
  band.colour = ui::colour::text;
  band.text = clip_to(band.font, name, width - tag_width(tag) - 12 * ui_scale());
  band.tag = tag;
  band.tag_colour = colour;
  return band;
}

}  // namespace

std::vector<CardRow> expo_card_rows(const Board& board, const Ticket& ticket, float width) {
  std::vector<CardRow> rows;
  auto add_lines = [&](const std::vector<const TicketLine*>& lines, auto done) {
    for (const TicketLine* line : lines) {
      std::size_t first = rows.size();
      add_line_rows(rows, ticket, *line, done(*line), width);
      for (std::size_t i = first; i < rows.size(); ++i) rows[i].touchable = false;
    }
  };
  for (const auto& progress : ticket.stations) {
    std::vector<const TicketLine*> lines;
    int done = 0, live = 0;
    for (const auto& line : ticket.lines) {
      if (!line.goes_to(progress.station)) continue;
      lines.push_back(&line);
      if (line.voided()) continue;
      ++live;
      if (line.done_at_station(progress.station)) ++done;
    }
    std::string name = upper(board.station_name(progress.station));
    if (progress.bumped_at != 0)
      rows.push_back(station_band(name, "READY", ui::colour::ok, width));
    else if (progress.acknowledged_at == 0 && done == 0 && ticket.status == TicketStatus::open)
      rows.push_back(station_band(name, "NOT SEEN", ui::colour::late, width));
    else
      rows.push_back(station_band(
          name, std::to_string(done) + " of " + std::to_string(live) + " done",
          ticket.status == TicketStatus::held ? ui::colour::held : ui::colour::warning, width));
    add_lines(lines, [&](const TicketLine& line) {
      return progress.bumped_at != 0 || line.done_at_station(progress.station);
    });
  }
  // Lines no cooking station makes (the pass plates them itself).
  std::vector<const TicketLine*> others;
  for (const auto& line : ticket.lines) {
    bool cooked = false;
    for (const auto& s : line.stations) cooked = cooked || ticket.station(s);
    if (!cooked) others.push_back(&line);
  }
  if (!others.empty()) {
    rows.push_back(station_band("AT THE PASS", "", ui::colour::panel, width));
    add_lines(others, [](const TicketLine&) { return false; });
  }
  return rows;
}

}  // namespace brigade::kds
