#include "split_panel.h"

#include <algorithm>

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
bool check_has_part_payments(const Check& c) {
  return std::any_of(c.payments.begin(), c.payments.end(),
                     [](const Payment& p) { return p.part != 0; });
}
}  // namespace

SplitSummary split_summary(const CheckView& check, const TerminalState& state) {
  SplitSummary s;
  s.check_total = check.totals.total;
  for (const PartTotals& p : check.parts) {
    s.totals.push_back(p.total);
    s.sum += p.total;
  }
  s.adds_up = !s.totals.empty() && s.sum == s.check_total;
  for (std::size_t i = 0; i < s.totals.size(); ++i)
    s.words += (i ? " + " : "") + state.money(s.totals[i]);
  s.words += " = " + state.money(s.sum);
  s.words += s.adds_up ? ", the check's total"
                       : ", NOT the check's total of " + state.money(s.check_total);
  return s;
}

void SplitPanel::draw(const TerminalView& view, const CheckView& check, int& part, Intents& out) {
  const Check& c = check.check;
  const std::int64_t id = c.id;
  const float h = ui::touch_size();
  touch::heading("Split");
  const bool locked = check_has_part_payments(c);
  const SplitKind kind = c.split.kind;
  const float w = touch::share(2);
  if (touch::choice("One check", {w, h}, kind == SplitKind::none && !by_item_.is_open(), !locked,
                    "split.none")) {
    by_item_.close();
    out.push_back(SplitCheck{id, SplitPlan{}});
  }
  ImGui::SameLine();
  if (touch::choice("By seat", {w, h}, kind == SplitKind::by_seat && !by_item_.is_open(), !locked,
                    "split.by_seat")) {
    by_item_.close();
    out.push_back(SplitCheck{id, SplitPlan{SplitKind::by_seat, 0, {}}});
  }
  if (touch::choice("By item", {w, h}, by_item_.is_open() || kind == SplitKind::by_item, !locked,
                    "split.by_item")) {
    by_item_.open(c);
  }
  ImGui::SameLine();
  if (touch::choice("Evenly", {w, h}, kind == SplitKind::even && !by_item_.is_open(), !locked,
                    "split.even")) {
    by_item_.close();
    out.push_back(SplitCheck{id, SplitPlan{SplitKind::even, even_parts_, {}}});
  }
  if (locked) touch::dim("Parts are already paid: the split stays as it is.");

  if (kind == SplitKind::even && !locked) {
    touch::row_label("Ways", h, 70);
    for (int n = 2; n <= 6; ++n) {
      if (n > 2) ImGui::SameLine();
      if (touch::choice(std::to_string(n), {touch::px(52), h}, c.split.parts == n, true,
                        "split.ways." + std::to_string(n))) {
        even_parts_ = n;
        out.push_back(SplitCheck{id, SplitPlan{SplitKind::even, n, {}}});
      }
    }
  }

  ImGui::Separator();
  const float width = ImGui::GetContentRegionAvail().x;
  if (touch::tile("part.0", "Whole check", "due " + view.state.money(check.totals.balance),
                  {width, touch::px(64)}, part == 0 ? ui::colour::accent : touch::kTile))
    part = 0;
  for (const PartTotals& p : check.parts) {
    const bool paid = p.balance.is_zero() && !p.total.is_zero();
    std::string detail = "total " + view.state.money(p.total);
    if (!p.paid.is_zero()) detail += " \xC2\xB7 paid " + view.state.money(p.paid);
    std::string badge = paid ? "PAID" : "due " + view.state.money(p.balance);
    ImVec4 colour = part == p.part ? ui::colour::accent : touch::kTile;
    if (touch::tile("part." + std::to_string(p.part), p.label, detail, {width, touch::px(84)},
                    colour, true, badge,
                    paid ? ui::colour::ok : ui::shade(ui::colour::panel, 0.02f)))
      part = p.part;
  }
  if (!check.parts.empty()) {
    SplitSummary summary = split_summary(check, view.state);
    touch::coloured((summary.adds_up ? "Adds up: " : "Check the split: ") + summary.words,
                    summary.adds_up ? ui::colour::ok : ui::colour::late);
    touch::probe("split.summary");
  }
}

}  // namespace brigade::terminal
