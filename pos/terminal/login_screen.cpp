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
    last_ = "login";
  }
  if (pin_.digits() != before) message_.clear();

  // The time clock, on the same PIN: one tap, and the pad is clear for the next person.
  const float quarter = touch::share(4, width);
  const bool typed = pin_.digits().size() >= 4;
  int i = 0;
  for (auto [label, kind] :
       {std::pair{"Clock in", PunchKind::in}, std::pair{"Break", PunchKind::break_start},
        std::pair{"Back", PunchKind::break_end}, std::pair{"Clock out", PunchKind::out}}) {
    if (i++ > 0) ImGui::SameLine();
    if (touch::button(label, {quarter, ui::touch_size() * 0.8f}, touch::kTile, typed,
                      "clock." + std::string(to_string(kind)))) {
      out.push_back(ClockPunch{pin_.digits(), kind});
      pin_.clear();
      message_.clear();
      last_ = "clock";
    }
  }

  // What became of the last try, where the person is looking.
  const CommandRecord* tried = view.controller.last(last_);
  if (!message_.empty()) {
    touch::coloured(message_, ui::colour::warning);
  } else if (tried && tried->pending()) {
    touch::coloured("Checking your PIN...", ui::colour::text_dim);
  } else if (tried && tried->state == CommandRecord::State::refused && pin_.empty()) {
    touch::coloured(tried->message, ui::colour::late);
  } else if (tried && last_ == "clock" && tried->state == CommandRecord::State::done) {
    const std::string state = tried->result.value("state", "");
    const std::string name = tried->result.value("staff", Json::object()).value("name", "");
    touch::coloured(name + (state == "on"    ? " is clocked in"
                            : state == "off" ? " is clocked out. Good night!"
                                             : " is on a break"),
                    ui::colour::ok);
  }
  if (!view.state.synced()) touch::dim("Connecting to the hub...");
  ImGui::EndGroup();
}

}  // namespace brigade::terminal
