#include "tender_panel.h"

#include "brigade/ui/theme.h"
#include "card_processor.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void TenderPanel::reset() {
  amount_.clear();
  tip_.clear();
  typing_tip_ = false;
  filled_for_ = {-1, -1};
  closing_.stop();
}

void TenderPanel::follow_close(const Controller& controller, std::int64_t check_id) {
  if (const CommandRecord* r = closing_.record(controller); r && !r->pending()) {
    if (r->state == CommandRecord::State::done) receipt_.open(check_id);
    closing_.stop();
  }
}

void TenderPanel::draw(const TerminalView& view, const CheckView& check, int part, Money owed,
                       Intents& out) {
  const std::int64_t id = check.check.id;
  const float h = ui::touch_size();
  const TerminalState& s = view.state;
  // A new part or a new balance: the amount starts at what is due.
  if (filled_for_ != std::make_pair(part, owed.in_cents())) {
    amount_.set_money(owed);
    tip_.clear();
    typing_tip_ = false;
    filled_for_ = {part, owed.in_cents()};
  }
  std::string paying = "Whole check";
  for (const PartTotals& p : check.parts)
    if (p.part == part) paying = p.label;
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
      change_.open(view.controller);
      out.push_back(TakeCash{id, part, amount});
    }
    ImGui::SameLine();
    std::string card_label =
        card_ok ? "Card " + s.money(amount + tip_.money()) : "Card: at most " + s.money(owed);
    if (touch::button(card_label + "##card", {b, h * 1.2f}, ui::colour::accent, card_ok,
                      "tender.card")) {
      const ChargeCard charge{id, part, amount, tip_.money()};
      card_.open(view.controller, charge);
      out.push_back(charge);
    }
    // Cash the guest hands over, in one tap.
    const float q = touch::share(4);
    if (touch::button("Exact", {q, h * 0.8f}, touch::kTile, true, "cash.exact")) {
      change_.open(view.controller);
      out.push_back(TakeCash{id, part, owed});
    }
    for (std::int64_t note : {20'00, 50'00, 100'00}) {
      ImGui::SameLine();
      if (touch::button(s.money(Money::cents(note)), {q, h * 0.8f}, touch::kTile,
                        Money::cents(note) >= owed, "cash." + std::to_string(note / 100))) {
        change_.open(view.controller);
        out.push_back(TakeCash{id, part, Money::cents(note)});
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
  if (touch::button("Receipt", {w, h}, touch::kTile, true, "receipt")) receipt_.open(id);
}

}  // namespace brigade::terminal
