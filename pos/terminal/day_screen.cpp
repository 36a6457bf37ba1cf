#include "day_screen.h"

#include <algorithm>

#include "brigade/domain/report_text.h"
#include "brigade/protocol/codec.h"
#include "brigade/ui/theme.h"
#include "office_tabs.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr float kSummaryShare = 0.55f;  // of the width; the printed report takes the rest
constexpr int kChartHours = 6;

// The report the screen shows: the Z just made, else the last X read.
const CommandRecord* shown_record(const Controller& controller) {
  const CommandRecord* z = controller.last("close_day");
  const CommandRecord* x = controller.last("x_report");
  if (z && z->state == CommandRecord::State::done && (!x || z->sent_at >= x->sent_at)) return z;
  return x;
}

// "Net sales      $98.00": the label, then the value from a fixed column.
void figure_row(const std::string& label, const std::string& value, const char* probe) {
  const float left = ImGui::GetCursorPosX();
  touch::dim(label);
  // SameLine's offset would count from an enclosing group: set the column directly.
  ImGui::SameLine(0, 0);
  ImGui::SetCursorPosX(left + touch::px(240));
  ImGui::TextUnformatted(value.c_str());
  touch::probe(probe);
}

void figure(const TerminalView& view, const char* label, Money amount, const char* probe) {
  figure_row(label, view.state.money(amount), probe);
}

// A line of the printed report ("Net sales ....   $98.00") in the screen's proportional
// font: the words on the left, what follows the last wide gap against the right edge.
void printed_line(const std::string& line) {
  const auto gap = line.rfind("  ");
  if (gap == std::string::npos || line.find_first_not_of(' ') > gap) {
    ImGui::TextUnformatted(line.c_str());
    return;
  }
  std::string left = line.substr(0, line.find_last_not_of(' ', gap) + 1);
  const std::string right = line.substr(line.find_first_not_of(' ', gap));
  ImGui::TextUnformatted(left.c_str());
  ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(right.c_str()).x);
  ImGui::TextUnformatted(right.c_str());
}

}  // namespace

std::vector<ReportRow> hours_for_chart(const DayReport& report) {
  int first = 24, last = -1;
  for (const ReportRow& row : report.by_hour) {
    const int hour = std::atoi(row.key.c_str());
    first = std::min(first, hour);
    last = std::max(last, hour);
  }
  if (last < 0) return {};
  // A short day still shows a few hours, so one bar is not the whole chart.
  while (last - first + 1 < kChartHours) {
    if (last < 23) ++last;
    if (last - first + 1 < kChartHours && first > 0) --first;
  }
  std::vector<ReportRow> hours;
  for (int h = first; h <= last; ++h) {
    const std::string key = (h < 10 ? "0" : "") + std::to_string(h);
    ReportRow row{key, key + ":00", 0, Money::zero()};
    for (const ReportRow& r : report.by_hour)
      if (r.key == key) row = r;
    hours.push_back(row);
  }
  return hours;
}

void draw_report_summary(const TerminalView& view, const DayReport& r) {
  touch::big(r.z_number > 0 ? "Z report " + std::to_string(r.z_number) + ": day " +
                                  std::to_string(r.day) + " is closed"
                            : "X report: day " + std::to_string(r.day) + " so far");
  touch::dim((r.z_number > 0 ? "Closed " : "As of ") + local_date_time(r.as_of) + "   opened " +
             local_date_time(r.opened_at));
  ImGui::Spacing();
  figure(view, "Net sales", r.net_sales, "day.net");
  figure(view, "Tax", r.tax, "day.tax");
  figure(view, "Tips", r.tips, "day.tips");
  figure(view, "Refunds paid back", -r.refunds, "day.refunds");
  figure(view, "Tenders, net", r.tenders_net, "day.tenders");
  figure_row("Checks",
             std::to_string(r.checks_closed) + " closed, " + std::to_string(r.covers) +
                 " covers, " + std::to_string(r.open_checks) + " open",
             "day.checks");

  ImGui::Spacing();
  touch::heading("Net sales by hour");
  const std::vector<ReportRow> hours = hours_for_chart(r);
  if (hours.empty()) {
    touch::dim("No check has closed yet.");
    return;
  }
  std::vector<float> values;
  float top = 1;
  for (const ReportRow& h : hours) {
    values.push_back(static_cast<float>(h.amount.in_cents()) / 100.0f);
    top = std::max(top, values.back());
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = std::max(
      touch::px(120), ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 2);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::PlotHistogram("##day.chart", values.data(), static_cast<int>(values.size()), 0, nullptr,
                       0.0f, top * 1.1f, {width, height});
  touch::probe("day.chart");
  // The hours under their bars.
  const float bar = width / static_cast<float>(hours.size());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < hours.size(); ++i) {
    const char* label = hours[i].label.c_str();
    const float x =
        origin.x + bar * (static_cast<float>(i) + 0.5f) - ImGui::CalcTextSize(label).x / 2;
    draw->AddText({x, origin.y + height + 4}, ImGui::GetColorU32(ImGuiCol_Text), label);
  }
  ImGui::Dummy({width, ImGui::GetTextLineHeightWithSpacing()});
}

void DayScreen::draw_content(const TerminalView& view, Intents& out) {
  office_tabs(view, OfficeTab::day, out);
  ImGui::Spacing();
  if (!asked_) {
    asked_ = true;
    if (pick_first_) counting_ = true;  // asked for before the screen showed
    out.push_back(ReadDayReport{});
    if (counting_) out.push_back(ListDayDrawers{});
  }
  const CommandRecord* record = shown_record(view.controller);
  std::optional<DayReport> report;
  if (record && record->state == CommandRecord::State::done)
    report = protocol::read_report(record->result["report"]);
  draw_actions(view, report ? &*report : nullptr, out);
  ImGui::Spacing();
  if (counting_) return draw_drawers(view, out);

  if (!record || record->pending()) {
    touch::dim("Asking the hub...");
    return;
  }
  if (record->state == CommandRecord::State::refused) {
    touch::coloured(record->message, ui::colour::late);
    if (record->type == "close_day") return;
  }
  if (!report) return;
  if (confirming_) return draw_confirm(view, *report, out);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##day.summary", {avail.x * kSummaryShare, avail.y}, false);
  draw_report_summary(view, *report);
  if (!record->result["report"].value("reconciles", true))
    touch::coloured(
        "These figures do not add up: " + record->result["report"].value("problem", std::string()),
        ui::colour::late);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##day.printed", {0, avail.y}, true);
  for (const std::string& line : report_text(*report, view.state.currency(), 46))
    printed_line(line);
  touch::drag_scroll();
  ImGui::EndChild();
  touch::probe("day.report");
}

void DayScreen::draw_actions(const TerminalView&, const DayReport* report, Intents& out) {
  const float h = ui::touch_size() * 0.8f;
  const bool open_day = report && report->z_number == 0;
  if (touch::choice("X report", {touch::px(200), h}, !counting_, true, "day.refresh")) {
    confirming_ = false;
    counting_ = false;
    out.push_back(ReadDayReport{});
  }
  ImGui::SameLine();
  if (touch::choice("Count drawers", {touch::px(240), h}, counting_, open_day || !report,
                    "day.drawers")) {
    confirming_ = false;
    counting_ = true;
    drawer_id_ = 0;
    out.push_back(ListDayDrawers{});
  }
  ImGui::SameLine();
  if (touch::button("Close the day (Z report)", {touch::px(360), h}, ui::colour::accent,
                    open_day && !confirming_, "day.close")) {
    confirming_ = true;
    counting_ = false;
  }
}

namespace {

std::string denomination_words(std::int64_t cents, const TerminalView& view) {
  if (cents >= 100) return view.state.money(Money::cents(cents));
  return std::to_string(cents) + "c";
}

Money cents_of(const Json& j, const char* key) {
  return Money::cents(j.value(key, Json()).is_number_integer() ? j[key].get<std::int64_t>() : 0);
}

}  // namespace

void DayScreen::draw_drawers(const TerminalView& view, Intents& out) {
  const CommandRecord* list = view.controller.last("list_drawers");
  if (!list || list->pending()) return touch::dim("Asking the hub...");
  if (list->state == CommandRecord::State::refused)
    return touch::coloured(list->message, ui::colour::late);
  const Json& drawers = list_in(list->result, "drawers");
  if (const CommandRecord* count = view.controller.last("count_drawer");
      count && count->state == CommandRecord::State::refused)
    touch::coloured(count->message, ui::colour::late);
  if (drawers.empty()) {
    touch::dim(
        "No drawer has taken cash today. A terminal's drawer opens with its first cash "
        "payment, or with a float (posctl drawer open).");
    return;
  }
  if (pick_first_)
    for (const Json& d : drawers)
      if (d.value("closed_at", Json()).is_null() && drawer_id_ == 0) {
        drawer_id_ = d.value("id", std::int64_t{0});
        pick_first_ = false;
      }
  const Json* counting = nullptr;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##day.drawer.list", {touch::px(360), avail.y}, false);
  const ImVec2 tile{ImGui::GetContentRegionAvail().x, ui::touch_size() * 1.5f};
  for (const Json& d : drawers) {
    const std::int64_t id = d.value("id", std::int64_t{0});
    const bool open = d.value("closed_at", Json()).is_null();
    const bool counted = d.value("counted", Json()).is_number_integer();
    std::string detail = "expected " + view.state.money(cents_of(d, "expected"));
    if (counted) {
      const Money over = cents_of(d, "over_short");
      detail = (over.is_negative() ? "SHORT " : "over ") + view.state.money(over) + ", counted " +
               view.state.money(cents_of(d, "counted"));
    } else if (!open) {
      detail += ", closed uncounted";
    }
    const ImVec4 colour = id == drawer_id_ ? ui::colour::accent : touch::kTile;
    if (touch::tile("day.drawer." + std::to_string(id), d.value("name", std::string()), detail,
                    tile, colour, true, counted ? "counted" : "",
                    counted ? ui::colour::ok : ui::colour::late) &&
        open && !counted) {
      drawer_id_ = id;
      count_.clear();
    }
    if (id == drawer_id_) counting = &d;
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##day.drawer.count", {0, avail.y}, true);
  if (counting)
    draw_count(view, *counting, out);
  else
    touch::dim("Tap a drawer to count it, note by note and coin by coin.");
  ImGui::EndChild();
}

void DayScreen::draw_count(const TerminalView& view, const Json& drawer, Intents& out) {
  touch::big("Count " + drawer.value("name", std::string()));
  const float h = ui::touch_size() * 0.62f;
  Money total;
  // Notes on the left, coins on the right with the totals under them: all in reach.
  const auto rows = [&](bool notes) {
    for (const std::int64_t cents : kDenominations) {
      if ((cents >= 100) != notes) continue;
      std::int64_t& pieces = count_[cents];
      const std::string key = "day.count." + std::to_string(cents);
      touch::row_label(denomination_words(cents, view), h, touch::px(100));
      if (touch::button("-##" + key, {h * 1.2f, h}, touch::kTile, pieces > 0, key + ".less"))
        --pieces;
      ImGui::SameLine();
      ImGui::SameLine();
      touch::row_label(std::to_string(pieces), h, touch::px(60));
      if (touch::button("+##" + key, {h * 1.2f, h}, touch::kTile, true, key + ".more")) ++pieces;
      ImGui::SameLine();
      if (touch::button("+10##" + key, {h * 1.5f, h}, touch::kTile, true, key + ".ten"))
        pieces += 10;
      ImGui::SameLine();
      const Money line = Money::cents(cents) * pieces;
      // The row's value, centred on its buttons; the text ends the row.
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (h - ImGui::GetTextLineHeight()) / 2);
      ImGui::TextUnformatted(view.state.money(line).c_str());
      total += line;
    }
  };
  const float column = ImGui::GetContentRegionAvail().x / 2;
  ImGui::BeginGroup();
  rows(true);
  ImGui::EndGroup();
  ImGui::SameLine(column);
  ImGui::BeginGroup();
  rows(false);
  ImGui::Spacing();
  const Money expected = cents_of(drawer, "expected");
  figure(view, "Counted", total, "day.count.total");
  figure(view, "Expected", expected, "day.count.expected");
  const Money over = total - expected;
  figure(view, over.is_negative() ? "Short" : "Over", over, "day.count.over");
  ImGui::Spacing();
  if (touch::button("Save the count", {touch::px(300), ui::touch_size() * 0.8f}, ui::colour::accent,
                    true, "day.count.save")) {
    protocol::CountDrawer count{drawer.value("id", std::int64_t{0}), {}};
    for (const auto& [cents, pieces] : count_)
      if (pieces > 0) count.denominations[cents] = pieces;
    out.push_back(CountTheDrawer{count, drawer.value("name", std::string())});
    out.push_back(ListDayDrawers{});
    drawer_id_ = 0;
  }
  ImGui::EndGroup();
}

void DayScreen::draw_confirm(const TerminalView& view, const DayReport& report, Intents& out) {
  touch::big("Close day " + std::to_string(report.day) + "?");
  touch::dim(
      "The Z report is made now, numbered and kept as it is. Nothing of this day's "
      "checks can change after; a later correction is a refund in the next day.");
  ImGui::Spacing();
  figure(view, "Net sales so far", report.net_sales, "day.confirm.net");
  const float h = ui::touch_size() * 0.8f;
  if (report.open_checks > 0) {
    touch::coloured(std::to_string(report.open_checks) +
                        (report.open_checks == 1 ? " check is" : " checks are") + " still open (" +
                        view.state.money(report.open_amount) +
                        "). Close them first, or carry them over to the next day.",
                    ui::colour::warning);
    if (touch::choice("Carry open checks over to the next day", {touch::px(520), h}, carry_over_,
                      true, "day.carry"))
      carry_over_ = !carry_over_;
  }
  ImGui::Spacing();
  const bool may = report.open_checks == 0 || carry_over_;
  if (touch::button("Close day " + std::to_string(report.day), {touch::px(300), h},
                    ui::colour::accent, may, "day.confirm")) {
    out.push_back(CloseTheDay{carry_over_ && report.open_checks > 0});
    confirming_ = false;
    carry_over_ = false;
  }
  ImGui::SameLine();
  if (touch::button("Not yet", {touch::px(200), h}, touch::kTile, true, "day.cancel"))
    confirming_ = false;
}

}  // namespace brigade::terminal
