#include "brigade/domain/table_state.h"

#include <algorithm>
#include <map>

namespace brigade {

namespace {

int urgency(TableState s) {
  switch (s) {
    case TableState::food_ready:
      return 4;
    case TableState::paying:
      return 3;
    case TableState::ordered:
      return 2;
    case TableState::seated:
      return 1;
    case TableState::free:
      return 0;
  }
  return 0;
}

constexpr const char* kCourseWords[] = {"not sent", "held", "cooking", "ready", "served"};
constexpr int kServed = 4;

// Each course with the rank of its least advanced live line: the course is only "served"
// once every plate is.
std::map<Course, int> course_ranks(const Check& check) {
  auto rank = [](LineState s) {
    switch (s) {
      case LineState::new_:
        return 0;
      case LineState::held:
        return 1;
      case LineState::sent:
      case LineState::fired:
        return 2;
      case LineState::ready:
        return 3;
      case LineState::served:
        return 4;
      case LineState::voided:
        return 5;
    }
    return 5;
  };
  std::map<Course, int> least;
  for (const auto& l : check.lines) {
    if (l.state == LineState::voided || l.live_quantity() <= 0) continue;
    auto [it, added] = least.try_emplace(l.course, rank(l.state));
    if (!added) it->second = std::min(it->second, rank(l.state));
  }
  return least;
}

}  // namespace

std::string_view to_string(TableState state) {
  switch (state) {
    case TableState::free:
      return "free";
    case TableState::seated:
      return "seated";
    case TableState::ordered:
      return "ordered";
    case TableState::food_ready:
      return "food ready";
    case TableState::paying:
      return "paying";
  }
  return "free";
}

TableState check_state(const Check& c) {
  if (!c.payments.empty() || c.split.kind != SplitKind::none) return TableState::paying;
  bool ready = false, ordered = false;
  for (const auto& l : c.lines) {
    if (l.state == LineState::ready) ready = true;
    if (l.state != LineState::new_ && l.state != LineState::voided) ordered = true;
  }
  if (ready) return TableState::food_ready;
  if (ordered) return TableState::ordered;
  return TableState::seated;
}

TableState table_state(const std::vector<const Check*>& open_checks) {
  if (open_checks.empty()) return TableState::free;
  TableState state = TableState::seated;
  for (const Check* c : open_checks)
    if (urgency(check_state(*c)) > urgency(state)) state = check_state(*c);
  return state;
}

std::string course_progress(const Check& check) {
  std::string out;
  for (const auto& [course, r] : course_ranks(check)) {
    if (!out.empty()) out += " \xC2\xB7 ";  // a middle dot
    out += std::string(to_string(course)) + " " + kCourseWords[r];
  }
  return out;
}

std::vector<std::string> course_headlines(const Check& check) {
  // The last course served ("apps served": time to fire mains), then what is still going.
  std::vector<std::string> out;
  std::string served;
  for (const auto& [course, r] : course_ranks(check)) {
    if (r == kServed)
      served = std::string(to_string(course)) + " served";
    else
      out.push_back(std::string(to_string(course)) + " " + kCourseWords[r]);
  }
  if (!served.empty()) out.insert(out.begin(), served);
  return out;
}

}  // namespace brigade
