// Closing the day, for a manager: the X report of the open day (read from the hub, changing
// nothing) with its sales by hour as a chart and every figure in the words of the printed
// report; then the Z report, which closes the day with the next Z number once the manager
// confirms (the checks still open are named, and may be carried over to the next day).
#pragma once

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

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override {
    asked_ = false;
    confirming_ = false;
  }

 private:
  void draw_actions(const TerminalView& view, const DayReport* report, Intents& out);
  void draw_confirm(const TerminalView& view, const DayReport& report, Intents& out);

  bool asked_ = false;
  bool confirming_ = false;
  bool carry_over_ = false;
};

// The report's key figures and its sales by hour as bars, in the space given.
void draw_report_summary(const TerminalView& view, const DayReport& report);
// Every hour from the first to the last with sales (at least six), with its net sales.
std::vector<ReportRow> hours_for_chart(const DayReport& report);

}  // namespace brigade::terminal
