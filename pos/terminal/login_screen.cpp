#include "login_screen.h"

#include <algorithm>

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void LoginScreen::draw_content(const TerminalView& view, Intents& out) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float width = std::min(touch::px(460), avail.x);
  const float left = (avail.x - width) / 2;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::SetCursorPos({top.x + left, top.y + std::max(0.0f, (avail.y - 640) / 2)});
  ImGui::BeginGroup();

  touch::big(view.state.restaurant().empty() ? "Brigade" : view.state.restaurant());
  touch::dim("Enter your PIN");
  // The PIN as dots, in a box the width of the pad.
  const float box_h = ImGui::GetFrameHeight() * 1.4f;
  ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(at, {at.x + width, at.y + box_h},
                                            ui::to_u32(ui::colour::panel), 6);
  ImGui::SetCursorScreenPos({at.x + 16, at.y + (box_h - ImGui::GetTextLineHeight()) / 2});
  ImGui::TextUnformatted(pin_.display().c_str());
  ImGui::SetCursorScreenPos({at.x, at.y + box_h + ImGui::GetStyle().ItemSpacing.y});

  const std::string before = pin_.digits();
  if (pin_.draw("pin", {width, touch::px(400)}, "Log in")) {
    out.push_back(LogIn{pin_.digits()});
    pin_.clear();
    message_.clear();
  }
  if (pin_.digits() != before) message_.clear();

  // What became of the last try, where the person is looking.
  const CommandRecord* login = view.controller.last("login");
  if (!message_.empty()) {
    touch::coloured(message_, ui::colour::warning);
  } else if (login && login->pending()) {
    touch::coloured("Checking your PIN...", ui::colour::text_dim);
  } else if (login && login->state == CommandRecord::State::refused && pin_.empty()) {
    touch::coloured(login->message, ui::colour::late);
  }
  if (!view.state.synced()) touch::dim("Connecting to the hub...");
  ImGui::EndGroup();
}

}  // namespace brigade::terminal
