#include "view.h"

#include <ctime>

#include "brigade/ui/theme.h"

namespace brigade::terminal {

std::string clock_text(EpochMs at) {
  std::time_t t = static_cast<std::time_t>(at / 1000);
  std::tm local{};
  localtime_r(&t, &local);
  char buf[8];
  std::strftime(buf, sizeof buf, "%H:%M", &local);
  return buf;
}

std::string course_title(Course course) {
  switch (course) {
    case Course::drinks:
      return "Drinks";
    case Course::apps:
      return "Apps";
    case Course::mains:
      return "Mains";
    case Course::dessert:
      return "Dessert";
  }
  return "Mains";
}

std::string seat_title(int seat) {
  return seat == 0 ? "Table" : "Seat " + std::to_string(seat);
}

std::string line_state_words(LineState state) {
  switch (state) {
    case LineState::new_:
      return "NEW - not sent";
    case LineState::held:
      return "held";
    case LineState::sent:
      return "sent";
    case LineState::fired:
      return "fired";
    case LineState::ready:
      return "READY";
    case LineState::served:
      return "served";
    case LineState::voided:
      return "VOID";
  }
  return "";
}

ImVec4 line_state_colour(LineState state) {
  switch (state) {
    case LineState::new_:
      return ui::colour::unsent;
    case LineState::held:
      return ui::colour::held;
    case LineState::sent:
    case LineState::fired:
      return ui::shade(ui::colour::ok, -0.12f);
    case LineState::ready:
      return ui::colour::warning;
    case LineState::served:
      return ui::colour::disabled;
    case LineState::voided:
      return ui::colour::late;
  }
  return ui::colour::panel;
}

ImVec4 table_colour(TableState state) {
  switch (state) {
    case TableState::free:
      return ImVec4(0.20f, 0.22f, 0.25f, 1.0f);
    case TableState::seated:
      return ui::colour::accent;
    case TableState::ordered:
      return ui::shade(ui::colour::ok, -0.08f);
    case TableState::food_ready:
      return ui::shade(ui::colour::warning, -0.10f);
    case TableState::paying:
      return ui::colour::held;
  }
  return ui::colour::panel;
}

}  // namespace brigade::terminal
