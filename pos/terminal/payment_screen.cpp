// [SECTION] index
//   split summary   the parts and whether they add up
//   summary         lines, totals, payments taken
//   split           one check, by seat, by item, evenly; the parts to pay
//   tender          amount, tip, cash, card, close
//   dialogs         change due, the card reader, the receipt
#include "payment_screen.h"

#include <algorithm>

#include "brigade/ui/theme.h"
#include "card_processor.h"
#include "receipt.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr float kSummaryWidth = 390;
constexpr float kSplitWidth = 420;

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

bool check_has_part_payments(const Check& c) {
  return std::any_of(c.payments.begin(), c.payments.end(),
                     [](const Payment& p) { return p.part != 0; });
}
}  // namespace

// [SECTION] split summary

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

// [SECTION] summary

void PaymentScreen::start(const CheckView& check) {
  check_id_ = check.check.id;
  part_ = check.parts.empty() ? 0 : check.parts.front().part;
  parts_seen_empty_ = check.parts.empty();
  amount_.clear();
  tip_.clear();
  typing_tip_ = false;
  filled_for_ = {-1, -1};
  by_item_ = false;
  item_part_.clear();
  change_open_ = card_open_ = receipt_open_ = false;
  cash_.stop();
  closing_.stop();
}

Money PaymentScreen::due(const CheckView& check) const {
  if (part_ == 0) return check.totals.balance;
  for (const PartTotals& p : check.parts)
    if (p.part == part_) return p.balance;
  return check.totals.balance;
}

void PaymentScreen::draw(const TerminalView& view, std::int64_t check_id, Intents& out) {
  const CheckView* check = view.state.find_check(check_id);
  if (!check) {
    touch::big("Loading the check...");
    return;
  }
  if (check_id_ != check_id) start(*check);
  // A split just made: the first part is the one to pay.
  if (check->parts.empty() != parts_seen_empty_) {
    parts_seen_empty_ = check->parts.empty();
    part_ = parts_seen_empty_ ? 0 : check->parts.front().part;
  }
  if (part_ != 0 && std::none_of(check->parts.begin(), check->parts.end(),
                                 [&](const PartTotals& p) { return p.part == part_; }))
    part_ = check->parts.empty() ? 0 : check->parts.front().part;
  // Closed here or on another terminal: the receipt is what is left to do.
  if (!check->check.is_open()) receipt_open_ = true;
  if (const CommandRecord* r = closing_.record(view.controller); r && !r->pending()) {
    if (r->state == CommandRecord::State::done) receipt_open_ = true;
    closing_.stop();
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##summary", {touch::px(kSummaryWidth), avail.y}, true);
  draw_summary(view, *check);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##split", {touch::px(kSplitWidth), avail.y}, true);
  draw_split(view, *check, out);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##tender", {0, avail.y}, true, ImGuiWindowFlags_NoScrollbar);
  draw_tender(view, *check, out);
  ImGui::EndChild();

  draw_by_item(*check, out);
  draw_change_due(view);
  draw_card(view, out);
  draw_receipt(view, out);
}

void PaymentScreen::draw_summary(const TerminalView& view, const CheckView& check) {
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

// [SECTION] split

void PaymentScreen::draw_split(const TerminalView& view, const CheckView& check, Intents& out) {
  const Check& c = check.check;
  const std::int64_t id = c.id;
  const float h = ui::touch_size();
  touch::heading("Split");
  const bool locked = check_has_part_payments(c);
  const SplitKind kind = c.split.kind;
  const float w = touch::share(2);
  if (touch::choice("One check", {w, h}, kind == SplitKind::none && !by_item_, !locked,
                    "split.none")) {
    by_item_ = false;
    out.push_back(SplitCheck{id, SplitPlan{}});
  }
  ImGui::SameLine();
  if (touch::choice("By seat", {w, h}, kind == SplitKind::by_seat && !by_item_, !locked,
                    "split.by_seat")) {
    by_item_ = false;
    out.push_back(SplitCheck{id, SplitPlan{SplitKind::by_seat, 0, {}}});
  }
  if (touch::choice("By item", {w, h}, by_item_ || kind == SplitKind::by_item, !locked,
                    "split.by_item")) {
    by_item_ = true;
    item_part_.clear();
    item_parts_ = kind == SplitKind::by_item ? c.split.parts : 2;
    for (const auto& [line_id, parts] : c.split.assignments)
      item_part_[line_id] = parts.size() == 1 ? parts.front() : 0;
  }
  ImGui::SameLine();
  if (touch::choice("Evenly", {w, h}, kind == SplitKind::even && !by_item_, !locked,
                    "split.even")) {
    by_item_ = false;
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
                  {width, touch::px(64)}, part_ == 0 ? ui::colour::accent : touch::kTile))
    part_ = 0;
  for (const PartTotals& p : check.parts) {
    const bool paid = p.balance.is_zero() && !p.total.is_zero();
    std::string detail = "total " + view.state.money(p.total);
    if (!p.paid.is_zero()) detail += " \xC2\xB7 paid " + view.state.money(p.paid);
    std::string badge = paid ? "PAID" : "due " + view.state.money(p.balance);
    ImVec4 colour = part_ == p.part ? ui::colour::accent : touch::kTile;
    if (touch::tile("part." + std::to_string(p.part), p.label, detail, {width, touch::px(84)},
                    colour, true, badge,
                    paid ? ui::colour::ok : ui::shade(ui::colour::panel, 0.02f)))
      part_ = p.part;
  }
  if (!check.parts.empty()) {
    SplitSummary summary = split_summary(check, view.state);
    touch::coloured((summary.adds_up ? "Adds up: " : "Check the split: ") + summary.words,
                    summary.adds_up ? ui::colour::ok : ui::colour::late);
    touch::probe("split.summary");
  }
}

void PaymentScreen::draw_by_item(const CheckView& check, Intents& out) {
  if (!touch::begin_dialog("##by-item", by_item_, {touch::px(1040), touch::px(770)})) return;
  const float h = ui::touch_size();
  touch::big("Split by item");
  touch::row_label("Parts", h, 90);
  for (int n = 2; n <= 6; ++n) {
    if (n > 2) ImGui::SameLine();
    if (touch::choice(std::to_string(n), {touch::px(72), h}, item_parts_ == n, true,
                      "items.parts." + std::to_string(n)))
      item_parts_ = n;
  }
  touch::dim("Tap the part each line goes on; All shares it between every part.");
  ImGui::BeginChild("##assign", {0, ImGui::GetContentRegionAvail().y - h - 16});
  const float buttons_w = (item_parts_ + 1) * (touch::px(64) + ImGui::GetStyle().ItemSpacing.x);
  const float row = h * 0.85f;
  for (const Line& l : check.check.lines) {
    if (l.live_quantity() <= 0) continue;
    int& part = item_part_.try_emplace(l.id, 1).first->second;
    if (part > item_parts_) part = 1;
    ImGui::PushID(static_cast<int>(l.id));
    // The line's name on the left, cut short if long; its part buttons on the right.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float name_w = ImGui::GetContentRegionAvail().x - buttons_w;
    std::string name = (l.seat ? "S" + std::to_string(l.seat) + "  " : "") +
                       std::to_string(l.live_quantity()) + " " + l.name;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(at, {at.x + name_w - 8, at.y + row}, true);
    draw->AddText({at.x, at.y + (row - ImGui::GetTextLineHeight()) / 2},
                  ui::to_u32(ui::colour::text), name.c_str());
    draw->PopClipRect();
    ImGui::SetCursorScreenPos({at.x + name_w, at.y});
    for (int p = 1; p <= item_parts_; ++p) {
      if (p > 1) ImGui::SameLine();
      if (touch::choice(std::to_string(p), {touch::px(64), row}, part == p, true,
                        "assign." + std::to_string(l.id) + "." + std::to_string(p)))
        part = p;
    }
    ImGui::SameLine();
    if (touch::choice("All", {touch::px(64), row}, part == 0, true,
                      "assign." + std::to_string(l.id) + ".all"))
      part = 0;
    ImGui::PopID();
  }
  touch::drag_scroll();
  ImGui::EndChild();
  const float w = touch::share(2);
  if (touch::button("Cancel##items", {w, h}, touch::kTile, true, "items.cancel")) by_item_ = false;
  ImGui::SameLine();
  if (touch::button("Split these", {w, h}, ui::colour::accent, true, "items.apply")) {
    SplitPlan plan{SplitKind::by_item, item_parts_, {}};
    for (const auto& [line_id, part] : item_part_) {
      const Line* l = check.check.find_line(line_id);
      if (!l || l->live_quantity() <= 0) continue;
      if (part == 0) {
        for (int p = 1; p <= item_parts_; ++p) plan.assignments[line_id].push_back(p);
      } else {
        plan.assignments[line_id] = {part};
      }
    }
    out.push_back(SplitCheck{check.check.id, plan});
    by_item_ = false;
  }
  touch::end_dialog();
}

// [SECTION] tender

void PaymentScreen::draw_tender(const TerminalView& view, const CheckView& check, Intents& out) {
  const std::int64_t id = check.check.id;
  const Money owed = due(check);
  const float h = ui::touch_size();
  const TerminalState& s = view.state;
  // A new part or a new balance: the amount starts at what is due.
  if (filled_for_ != std::make_pair(part_, owed.in_cents())) {
    amount_.set_money(owed);
    tip_.clear();
    typing_tip_ = false;
    filled_for_ = {part_, owed.in_cents()};
  }
  std::string paying = "Whole check";
  for (const PartTotals& p : check.parts)
    if (p.part == part_) paying = p.label;
  touch::heading("Paying: " + paying);
  touch::big("Due " + s.money(owed));

  if (check.totals.balance.is_zero()) {
    touch::coloured("Nothing is due. Close the check to finish.", ui::colour::ok);
    if (touch::button("Close check", {ImGui::GetContentRegionAvail().x, h * 1.5f}, ui::colour::ok,
                      !closing_.active(), "close")) {
      closing_.start(view.controller, "close_check");
      out.push_back(CloseCheck{id});
    }
  } else if (owed.is_zero()) {
    touch::coloured("This part is paid. Pick another part.", ui::colour::ok);
  } else {
    const float half = touch::share(2);
    if (touch::choice("Amount " + s.money(amount_.money()) + "##amount", {half, h}, !typing_tip_,
                      true, "tender.amount"))
      typing_tip_ = false;
    ImGui::SameLine();
    if (touch::choice("Tip " + s.money(tip_.money()) + "##tip", {half, h}, typing_tip_, true,
                      "tender.tip"))
      typing_tip_ = true;
    const float pad_w = ImGui::GetContentRegionAvail().x;
    if (typing_tip_)
      tip_.draw("tip", {pad_w, touch::px(210)});
    else
      amount_.draw("amount", {pad_w, touch::px(210)});
    // Tips on what this payment covers.
    const float t = touch::share(4);
    static constexpr std::int64_t kTips[] = {0, 1500, 1800, 2000};
    for (int i = 0; i < 4; ++i) {
      if (i) ImGui::SameLine();
      Money tip = suggested_tip(amount_.money(), owed, kTips[i]);
      std::string label = i == 0 ? "No tip" : std::to_string(kTips[i] / 100) + "%";
      if (touch::choice(
              label, {t, h * 0.8f}, tip_.money() == tip && (i > 0 || tip_.empty()), true,
              i == 0 ? std::string("tip.none") : "tip.percent." + std::to_string(kTips[i] / 100)))
        tip_.set_money(tip);
    }

    const Money amount = amount_.money();
    const bool card_ok = !amount.is_zero() && amount <= owed;
    const float b = touch::share(2);
    if (touch::button("Cash " + s.money(amount) + "##cash", {b, h * 1.2f}, ui::colour::ok,
                      amount > Money::zero(), "tender.cash")) {
      cash_.start(view.controller, "pay");
      change_open_ = true;
      out.push_back(TakeCash{id, part_, amount});
    }
    ImGui::SameLine();
    std::string card_label =
        card_ok ? "Card " + s.money(amount + tip_.money()) : "Card: at most " + s.money(owed);
    if (touch::button(card_label + "##card", {b, h * 1.2f}, ui::colour::accent, card_ok,
                      "tender.card")) {
      last_charge_ = ChargeCard{id, part_, amount, tip_.money()};
      cash_.start(view.controller, "pay");
      card_open_ = true;
      out.push_back(last_charge_);
    }
    // Cash the guest hands over, in one tap.
    const float q = touch::share(4);
    if (touch::button("Exact", {q, h * 0.8f}, touch::kTile, true, "cash.exact")) {
      cash_.start(view.controller, "pay");
      change_open_ = true;
      out.push_back(TakeCash{id, part_, owed});
    }
    for (std::int64_t note : {20'00, 50'00, 100'00}) {
      ImGui::SameLine();
      if (touch::button(s.money(Money::cents(note)), {q, h * 0.8f}, touch::kTile,
                        Money::cents(note) >= owed, "cash." + std::to_string(note / 100))) {
        cash_.start(view.controller, "pay");
        change_open_ = true;
        out.push_back(TakeCash{id, part_, Money::cents(note)});
      }
    }
  }

  // The built-in card reader's switch, so a decline can be practised and tested.
  const auto* simulated =
      dynamic_cast<const SimulatedCardProcessor*>(&view.controller.card_processor());
  if (simulated) {
    const bool on = simulated->decline_next();
    if (touch::choice(on ? "Simulator: next card DECLINES" : "Simulator: next card approves",
                      {ImGui::GetContentRegionAvail().x, h * 0.75f}, on, true, "simulator.decline"))
      out.push_back(DeclineNextCard{!on});
  }
  const float w = touch::share(2);
  if (touch::button("Back to order", {w, h}, touch::kTile, true, "back.order"))
    out.push_back(ShowCheck{id});
  ImGui::SameLine();
  if (touch::button("Receipt", {w, h}, touch::kTile, true, "receipt")) receipt_open_ = true;
}

// [SECTION] dialogs

void PaymentScreen::draw_change_due(const TerminalView& view) {
  if (!touch::begin_dialog("##change", change_open_, {touch::px(640), touch::px(420)})) return;
  const CommandRecord* r = cash_.record(view.controller);
  if (!r || r->pending()) {
    touch::big("Recording the cash...");
    touch::dim("Waiting for the hub.");
  } else if (r->state == CommandRecord::State::refused) {
    touch::coloured(r->message, ui::colour::late);
  } else {
    const Money change = Money::cents(r->result.value("change", std::int64_t{0}));
    const Money amount = Money::cents(r->result.value("amount", std::int64_t{0}));
    touch::dim("Cash taken: " + view.state.money(amount));
    if (change.is_zero()) {
      touch::big("No change due");
    } else {
      touch::heading("Change due");
      ImGui::SetWindowFontScale(2.0f);
      touch::big(view.state.money(change));
      ImGui::SetWindowFontScale(1.0f);
      touch::probe("change.amount");
    }
  }
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ui::touch_size() - 20);
  if (touch::button("Done", {ImGui::GetContentRegionAvail().x, ui::touch_size()},
                    ui::colour::accent, r && !r->pending(), "change.done")) {
    change_open_ = false;
    cash_.stop();
  }
  touch::end_dialog();
}

void PaymentScreen::draw_card(const TerminalView& view, Intents& out) {
  if (!touch::begin_dialog("##card", card_open_, {touch::px(700), touch::px(460)})) return;
  const CardStatus& card = view.controller.card();
  touch::heading(view.controller.card_processor().name());
  touch::dim("Charging " + view.state.money(last_charge_.amount) +
             (last_charge_.tip.is_zero() ? "" : " + tip " + view.state.money(last_charge_.tip)));
  const float w = touch::share(2);
  bool finished = false;
  switch (card.stage) {
    case CardStatus::Stage::idle:
    case CardStatus::Stage::waiting:
      touch::big("Insert, tap or swipe the card...");
      break;
    case CardStatus::Stage::declined:
      ImGui::PushStyleColor(ImGuiCol_Text, ui::colour::late);
      touch::big("DECLINED");
      ImGui::PopStyleColor();
      touch::coloured(card.message, ui::colour::late);
      if (touch::button("Try again", {w, ui::touch_size()}, ui::colour::accent, true,
                        "card.retry")) {
        cash_.start(view.controller, "pay");
        out.push_back(last_charge_);
      }
      ImGui::SameLine();
      if (touch::button("Other tender", {w, ui::touch_size()}, touch::kTile, true, "card.cancel"))
        card_open_ = false;
      break;
    case CardStatus::Stage::approved: {
      ImGui::PushStyleColor(ImGuiCol_Text, ui::colour::ok);
      touch::big("APPROVED " + card.reference);
      ImGui::PopStyleColor();
      const CommandRecord* r = cash_.record(view.controller);
      if (!r || r->pending()) {
        touch::dim("Recording the payment...");
      } else if (r->state == CommandRecord::State::refused) {
        touch::coloured(r->message, ui::colour::late);
        finished = true;
      } else {
        touch::dim("Recorded on the check.");
        finished = true;
      }
      break;
    }
  }
  if (finished && touch::button("Done", {ImGui::GetContentRegionAvail().x, ui::touch_size()},
                                ui::colour::accent, true, "card.done")) {
    card_open_ = false;
    cash_.stop();
  }
  touch::end_dialog();
}

void PaymentScreen::draw_receipt(const TerminalView& view, Intents& out) {
  if (!touch::begin_dialog("##receipt", receipt_open_, {touch::px(560), touch::px(760)})) return;
  const CheckView* check = view.state.find_check(check_id_);
  // The receipt looks like paper: dark words on white.
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 size{ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - 80};
  ImGui::GetWindowDrawList()->AddRectFilled(at, {at.x + size.x, at.y + size.y},
                                            ui::to_u32(ImVec4(0.97f, 0.97f, 0.95f, 1)), 4);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.08f, 0.08f, 0.08f, 1));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
  ImGui::BeginChild("##slip", size);
  if (check)
    for (const ReceiptLine& line : receipt_lines(*check, view.state)) {
      if (line.bold) ImGui::PushFont(ui::fonts().bold);
      ImGui::SetCursorPosX(16);
      ImGui::TextUnformatted(line.left.empty() ? " " : line.left.c_str());
      if (!line.right.empty()) {
        ImGui::SameLine(size.x - 16 - ImGui::CalcTextSize(line.right.c_str()).x);
        ImGui::TextUnformatted(line.right.c_str());
      }
      if (line.bold) ImGui::PopFont();
    }
  ImGui::EndChild();
  ImGui::PopStyleColor(2);
  const bool closed = check && !check->check.is_open();
  if (touch::button(closed ? "Done: back to the floor" : "Done",
                    {ImGui::GetContentRegionAvail().x, ui::touch_size()}, ui::colour::accent, true,
                    "receipt.done")) {
    receipt_open_ = false;
    if (closed) out.push_back(ShowFloor{});
  }
  touch::end_dialog();
}

}  // namespace brigade::terminal
