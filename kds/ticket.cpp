#include "kds/ticket.h"

namespace brigade::kds {

std::optional<Ticket> ticket_from_json(const Json& j) {
  auto view = protocol::read_ticket(j);
  if (!view) return std::nullopt;
  return Ticket{std::move(*view)};
}

std::string describe(const Ticket& ticket, const std::vector<const TicketLine*>& lines) {
  std::string text = ticket.label + " #" + std::to_string(ticket.check_number);
  if (ticket.course) text += " (" + std::string(to_string(*ticket.course)) + ")";
  if (ticket.rush) text += " RUSH";
  if (ticket.status == TicketStatus::held) text += " ON HOLD";
  if (ticket.addition) text += " ADDED";
  text += ":";
  const char* separator = " ";
  for (const TicketLine* line : lines) {
    text += separator;
    separator = ", ";
    if (line->voided())
      text += "VOID ";
    else if (line->quantity_changed())
      text += std::to_string(line->quantity) + "->";
    text +=
        std::to_string(line->voided() ? line->quantity : line->live_quantity()) + "x " + line->name;
    if (!line->modifiers.empty()) {
      text += " [";
      for (std::size_t i = 0; i < line->modifiers.size(); ++i)
        text += (i ? ", " : "") + line->modifiers[i];
      text += "]";
    }
  }
  return text;
}

}  // namespace brigade::kds
