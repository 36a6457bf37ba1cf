// How a table (or a tab) reads on the floor plan, and where each course of a check stands:
// derived from the check alone, so the hub, every terminal and every report say the same.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/check.h"

namespace brigade {

enum class TableState { free, seated, ordered, food_ready, paying };
// "free", "seated", "ordered", "food ready", "paying": the words on the floor plan.
std::string_view to_string(TableState state);

// One check: paying once a payment or a split is on it, else food ready when a line is
// ready, else ordered once anything went to the kitchen, else seated.
TableState check_state(const Check& check);
// A table reads as its most urgent open check: food ready, then paying, then ordered, then
// seated; free without one.
TableState table_state(const std::vector<const Check*>& open_checks);

// Each course on the check with where it stands, in course order: "drinks served ·
// apps ready · mains held". A course reads as its least advanced live line.
std::string course_progress(const Check& check);
// The same for a small table on the floor plan: the last course served, then the
// courses still going ("apps served", "mains held").
std::vector<std::string> course_headlines(const Check& check);

}  // namespace brigade
