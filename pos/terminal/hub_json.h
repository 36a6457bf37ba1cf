// The hub's JSON (docs/protocol.md, common/src/protocol/codec.cpp) read back into domain
// values for the terminal. Money stays integer cents; totals are the hub's, never
// recomputed here. Reading is lenient about fields it does not know (the hub may add some)
// and strict about nothing: a terminal shows what the hub sent.
#pragma once

#include <string>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/floor.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/money.h"
#include "brigade/domain/pricing.h"
#include "brigade/domain/staff.h"
#include "brigade/protocol/protocol.h"

namespace brigade::terminal {

using protocol::Json;

// A check as the hub last described it: the check, its label and the hub's totals.
struct CheckView {
  Check check;
  std::string label;              // "Table 12", "Tab: Dana", "Pickup: Lee"
  CheckTotals totals;             // subtotal, discounts, comps, tax, total, paid, tips, balance
  std::vector<PartTotals> parts;  // the split's parts, when the check is split
};

Menu read_menu(const Json& menu);
// {"item_id":…, "eighty_sixed":…, "remaining":…}; the id goes to `item_id`.
StockLevel read_stock_level(const Json& level, std::string& item_id);
Floor read_floor(const Json& floor);
StaffMember read_staff(const Json& staff);
CurrencyFormat read_currency(const Json& currency);
CheckView read_check(const Json& check);

}  // namespace brigade::terminal
