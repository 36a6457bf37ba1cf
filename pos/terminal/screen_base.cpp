#include "screen_base.h"

namespace brigade::terminal {

void ScreenBase::draw(const TerminalView& view, Intents& out) {
  // No border, no padding, no background: the screen lays out as in the terminal's window.
  ImGui::BeginChild(id_, {0, 0}, false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  holding_ = false;
  draw_content(view, out);
  if (!holding_)
    for (DialogBase* dialog : dialogs_) dialog->draw(view, out);
  ImGui::EndChild();
}

void ScreenBase::close_dialogs() {
  for (DialogBase* dialog : dialogs_) dialog->close();
  on_leave();
}

}  // namespace brigade::terminal
