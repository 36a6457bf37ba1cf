#include "payment_summary.h"

#include <algorithm>

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
// A name on the left (cut short when long) and an amount on the right.
void money_row(const TerminalState& state, const std::string& name, Money m,
               const ImVec4& colour = ui::colour::text) {
  const std::string v = state.money(m);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float amount_w = ImGui::CalcTextSize(v.c_str()).x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 c = ui::to_u32(colour);
  draw->PushClipRect(at, {at.x + width - amount_w - 12, at.y + ImGui::GetTextLineHeight()}, true);
  draw->AddText(at, c, name.c_str());
  draw->PopClipRect();
  draw->AddText({at.x + width - amount_w, at.y}, c, v.c_str());
  ImGui::Dummy({width, ImGui::GetTextLineHeight()});
}
}  // namespace

void draw_payment_summary(const TerminalView& view, const CheckView& check) {
  const Check& c = check.check;
  const CheckTotals& t = check.totals;
  const TerminalState& s = view.state;
  touch::big(check.label);
  touch::dim("check " + std::to_string(c.number) + " \xC2\xB7 " + s.staff_name(c.server_id));
  const float totals_h = ImGui::GetTextLineHeightWithSpacing() * (9 + c.payments.size() * 2.0f);
  ImGui::BeginChild("##lines", {0, std::max(100.0f, ImGui::GetContentRegionAvail().y - totals_h)});
  // By seat, as the guests will ask for their part.
  std::vector<const Line*> lines;
  for (const Line& l : c.lines)
    if (l.live_quantity() > 0) lines.push_back(&l);
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line* a, const Line* b) { return a->seat < b->seat; });
  for (const Line* line : lines) {
    const Line& l = *line;
    const Money net = t.net_of(l);
    money_row(s,
              (l.seat ? "S" + std::to_string(l.seat) + "  " : "") +
                  std::to_string(l.live_quantity()) + " " + l.name,
              net);
  }
  touch::drag_scroll();
  ImGui::EndChild();
  ImGui::Separator();
  money_row(s, "Subtotal", t.subtotal);
  if (!t.discounts.is_zero()) money_row(s, "Discounts", -t.discounts, ui::colour::warning);
  if (!t.comps.is_zero()) money_row(s, "Comps", -t.comps, ui::colour::warning);
  money_row(s, "Tax", t.tax, ui::colour::text_dim);
  ImGui::PushFont(ui::fonts().bold);
  money_row(s, "Total", t.total);
  ImGui::PopFont();
  for (const Payment& p : c.payments) {
    std::string what = p.tender == Tender::cash   ? "Cash"
                       : p.tender == Tender::card ? "Card"
                                                  : "Other";
    if (p.part) what += " (part " + std::to_string(p.part) + ")";
    money_row(s, what, -p.amount, ui::colour::ok);
    if (!p.tip.is_zero()) money_row(s, "    tip", p.tip, ui::colour::text_dim);
    if (!p.change.is_zero()) money_row(s, "    change given", p.change, ui::colour::text_dim);
  }
  ImGui::PushFont(ui::fonts().big);
  money_row(s, "Due", t.balance, t.balance.is_zero() ? ui::colour::ok : ui::colour::text);
  ImGui::PopFont();
}

}  // namespace brigade::terminal
