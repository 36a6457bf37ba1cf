// Domain values as the protocol's JSON. Money is integer cents; times are epoch ms;
// enums are their to_string() names. docs/protocol.md shows each shape.
#pragma once

#include <functional>
#include <string_view>

#include "brigade/domain/check.h"
#include "brigade/domain/floor.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/pricing.h"
#include "brigade/domain/staff.h"
#include "brigade/domain/ticket.h"
#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

Json to_json(const Menu& menu);
Json to_json(const Stock& stock);
Json to_json(const std::string& item_id, const StockLevel& level);
Json to_json(const Floor& floor);
Json to_json(const StaffMember& staff);
Json to_json(const Line& line);
// A check with its totals (and split parts, when split) so no client prices on its own.
Json to_json(const Check& check, const std::vector<TaxClass>& tax_classes);

// What a kitchen screen shows: the ticket with its lines' words read from the check.
struct TicketContext {
  const Check& check;
  std::string_view server_name;
  // Finds a line by id even if it has since moved to another check.
  std::function<const Line*(std::int64_t)> find_line;
};
Json to_json(const Ticket& ticket, const TicketContext& context);

}  // namespace brigade::protocol
