#include "pin_change_panel.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void PinChangePanel::close() {
  step_ = Step::closed;
  pad_.clear();
  current_.clear();
  fresh_.clear();
  mismatch_.clear();
}

void PinChangePanel::draw(const TerminalView& view, Intents& out, float width) {
  const float h = ui::touch_size() * 0.8f;
  if (const CommandRecord* r = changing_.record(view.controller)) {
    if (r->pending())
      touch::dim("Changing your PIN...");
    else if (r->state == CommandRecord::State::refused)
      touch::coloured("Not changed: " + r->message, ui::colour::late);
    else
      touch::coloured("Your PIN is changed: use the new one from now on.", ui::colour::ok);
  }
  if (step_ == Step::closed) {
    if (touch::button("Change my PIN", {width, h}, touch::kTile, view.controller.logged_in(),
                      "mypin.open")) {
      close();
      step_ = Step::current;
      changing_.stop();
    }
    return;
  }
  const char* ask = step_ == Step::current ? "Your PIN now"
                    : step_ == Step::fresh ? "Your new PIN, 4 to 6 digits"
                                           : "The new PIN again";
  touch::heading(std::string(ask) + ": " + pad_.display());
  if (!mismatch_.empty()) touch::coloured(mismatch_, ui::colour::late);
  const bool enough = pad_.digits().size() >= 4;
  if (pad_.draw("mypin.pad", {width, touch::px(230)}, "Next") && enough) {
    switch (step_) {
      case Step::current:
        current_ = pad_.digits();
        step_ = Step::fresh;
        break;
      case Step::fresh:
        fresh_ = pad_.digits();
        step_ = Step::again;
        break;
      case Step::again:
        if (pad_.digits() != fresh_) {
          mismatch_ = "The two new PINs differ: type the new one again.";
          fresh_.clear();
          step_ = Step::fresh;
          break;
        }
        changing_.start(view.controller, "change_pin");
        out.push_back(
            ChangeStaffPin{protocol::ChangePin{view.controller.staff()->id, fresh_, current_}});
        close();
        return;
      case Step::closed:
        break;
    }
    pad_.clear();
    if (step_ != Step::fresh) mismatch_.clear();
  }
  if (touch::button("Cancel", {width, h}, touch::kTile, true, "mypin.cancel")) close();
}

}  // namespace brigade::terminal
