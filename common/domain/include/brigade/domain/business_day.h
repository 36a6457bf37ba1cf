// The business day: what a restaurant closes at night with the Z report. It opens by
// itself with the first check (or when a manager opens it), every check belongs to the
// day it was opened in, and a day is closed once, by a manager, with the next Z number.
// A day does not close over open checks: they are closed first, or carried over to the
// next day. Plain values, no I/O: the hub keeps the days.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "brigade/domain/clock.h"
#include "brigade/domain/result.h"

namespace brigade {

struct BusinessDay {
  std::int64_t id = 0;  // 1, 2, 3... in the order the days opened
  EpochMs opened_at = 0;
  std::string opened_by;  // staff id; "" for a day the upgrade made around older checks
  EpochMs closed_at = 0;  // 0 while open
  std::string closed_by;
  std::int64_t z_number = 0;  // the Z report that closed it: consecutive, from 1; 0 while open

  bool is_open() const { return closed_at == 0; }
  bool operator==(const BusinessDay&) const = default;
};

// Whether a day with these open checks (their labels: "Table 12", "Tab: Jess") may close:
// with none, or when they are carried over to the next day. The refusal
// (checks_still_open) names them, the first five and how many more.
Status check_close_day(const std::vector<std::string>& open_checks, bool carry_over);

}  // namespace brigade
