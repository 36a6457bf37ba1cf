// Closing the day, for a manager: the X report of the open day (read from the hub, changing
// nothing) with its sales by hour as a chart and every figure in the words of the printed
// report; then the Z report, which closes the day with the next Z number once the manager
// confirms (the checks still open are named, and may be carried over to the next day).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "brigade/domain/report.h"
#include "intents.h"
#include "screen_base.h"
#include "view.h"

namespace brigade::terminal {

class DayScreen : public ScreenBase {
 public:
  DayScreen() : ScreenBase("##day") {}
  std::string title(const TerminalView&) const override { return "Close the day"; }
  // Straight to counting: the drawers, the first one still open picked (start-up, demos).
  void show_drawers() { pick_first_ = true; }

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override {
    asked_ = false;
    confirming_ = false;
    counting_ = false;
    drawer_id_ = 0;
  }

 private:
  void draw_actions(const TerminalView& view, const DayReport* report, Intents& out);
  void draw_confirm(const TerminalView& view, const DayReport& report, Intents& out);
  void draw_drawers(const TerminalView& view, Intents& out);
  void draw_count(const TerminalView& view, const Json& drawer, Intents& out);

  bool asked_ = false;
  bool confirming_ = false;
  bool carry_over_ = false;
  bool counting_ = false;                       // the drawers, not the report
  bool pick_first_ = false;                     // pick the first open drawer once listed
  std::int64_t drawer_id_ = 0;                  // the drawer being counted
  std::map<std::int64_t, std::int64_t> count_;  // its pieces by denomination (cents)
};

// The notes and coins a drawer is counted in, largest first (cents).
inline constexpr std::int64_t kDenominations[] = {10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1};

// The report's key figures and its sales by hour as bars, in the space given.
void draw_report_summary(const TerminalView& view, const DayReport& report);
// Every hour from the first to the last with sales (at least six), with its net sales.
std::vector<ReportRow> hours_for_chart(const DayReport& report);

}  // namespace brigade::terminal
