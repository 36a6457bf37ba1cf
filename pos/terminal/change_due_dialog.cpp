#include "change_due_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void ChangeDueDialog::open(const Controller& controller) {
  payment_.start(controller, "pay");
  open_ = true;
}

void ChangeDueDialog::draw_content(const TerminalView& view, Intents&) {
  const CommandRecord* r = payment_.record(view.controller);
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
                    ui::colour::accent, r && !r->pending(), "change.done"))
    close();
}

}  // namespace brigade::terminal
