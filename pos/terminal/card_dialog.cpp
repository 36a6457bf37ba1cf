#include "card_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void CardDialog::open(const Controller& controller, const ChargeCard& charge) {
  charge_ = charge;
  payment_.start(controller, "pay");
  open_ = true;
}

void CardDialog::draw_content(const TerminalView& view, Intents& out) {
  const CardStatus& card = view.controller.card();
  touch::heading(view.controller.card_processor().name());
  touch::dim("Charging " + view.state.money(charge_.amount) +
             (charge_.tip.is_zero() ? "" : " + tip " + view.state.money(charge_.tip)));
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
        payment_.start(view.controller, "pay");
        out.push_back(charge_);
      }
      ImGui::SameLine();
      if (touch::button("Other tender", {w, ui::touch_size()}, touch::kTile, true, "card.cancel"))
        close();
      break;
    case CardStatus::Stage::approved: {
      ImGui::PushStyleColor(ImGuiCol_Text, ui::colour::ok);
      touch::big("APPROVED " + card.reference);
      ImGui::PopStyleColor();
      const CommandRecord* r = payment_.record(view.controller);
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
                                ui::colour::accent, true, "card.done"))
    close();
}

}  // namespace brigade::terminal
