#include "receipt.h"

#include "brigade/domain/report_text.h"
#include "view.h"

namespace brigade::terminal {

std::vector<ReceiptLine> receipt_lines(const CheckView& view, const TerminalState& state) {
  const Check& c = view.check;
  const CheckTotals& t = view.totals;
  std::vector<ReceiptLine> out;
  out.push_back({state.restaurant(), "", true});
  out.push_back({view.label + ", check " + std::to_string(c.number), clock_text(c.opened_at)});
  out.push_back({"Server: " + state.staff_name(c.server_id), ""});
  out.push_back({"", ""});
  for (const Line& l : c.lines) {
    if (l.live_quantity() <= 0) continue;
    out.push_back({std::to_string(l.live_quantity()) + " " + l.name, state.money(t.gross_of(l))});
    for (const auto& m : l.modifiers)
      out.push_back({"    " + m.name, m.price.is_zero() ? "" : state.money(modifier_charge(l, m))});
  }
  out.push_back({"", ""});
  out.push_back({"Subtotal", state.money(t.subtotal)});
  for (const Discount& d : c.discounts)
    out.push_back({std::string(d.kind == DiscountKind::comp ? "Comp" : "Discount") +
                       (d.reason.empty() ? "" : ": " + d.reason),
                   ""});
  if (!t.discounts.is_zero()) out.push_back({"Discounts", "-" + state.money(t.discounts)});
  if (!t.comps.is_zero()) out.push_back({"Comps", "-" + state.money(t.comps)});
  out.push_back({"Tax", state.money(t.tax)});
  out.push_back({"Total", state.money(t.total), true});
  for (const Payment& p : c.payments) {
    std::string what = tender_words(p.tender);
    if (!p.reference.empty()) what += " " + p.reference;
    if (p.part != 0) what += " (part " + std::to_string(p.part) + ")";
    out.push_back({what, state.money(p.tendered)});
    if (!p.change.is_zero()) out.push_back({"    Change", state.money(p.change)});
    if (!p.tip.is_zero()) out.push_back({"    Tip", state.money(p.tip)});
  }
  if (!t.tips.is_zero()) out.push_back({"Total with tips", state.money(t.total_with_tips()), true});
  out.push_back({"Balance", state.money(t.balance), true});
  out.push_back({"", ""});
  out.push_back({c.is_open() ? "Not yet paid in full" : "Thank you!", ""});
  return out;
}

}  // namespace brigade::terminal
