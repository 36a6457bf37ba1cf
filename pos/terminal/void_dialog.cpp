#include "void_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr const char* kReasons[] = {
    "Guest changed their mind", "Entered by mistake", "Kitchen error", "Sent back", "Took too long",
    "86'd after ordering"};
}

void VoidDialog::open(std::int64_t check_id, const Line& line, bool manager_needed) {
  open_ = true;
  check_id_ = check_id;
  line_ = line;
  quantity_ = line.live_quantity();
  reason_.clear();
  typing_ = false;
  other_.clear();
  approval_.start(manager_needed);
}

void VoidDialog::draw_content(const TerminalView& view, Intents& out) {
  if (approval_.waiting_or_done(view.controller, "Voiding " + line_.name + "...", open_)) {
    return;
  }
  touch::big("Void " + line_.name);
  ImGui::SameLine();
  touch::dim(seat_title(line_.seat) + " \xC2\xB7 " + course_title(line_.course) + " \xC2\xB7 " +
             line_state_words(line_.state));
  if (!approval_.message().empty()) touch::coloured(approval_.message(), ui::colour::late);

  // The reasons (or the keyboard for another one) on the left; the PIN pad on the right.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float pad_width = approval_.needs_pin() ? touch::px(360) : 0;
  const float left_w = avail.x - pad_width - (pad_width > 0 ? 16 : 0);
  const float h = ui::touch_size();
  ImGui::BeginGroup();
  const int live = line_.live_quantity();
  if (live > 1) {
    touch::row_label("How many", h, 120);
    for (int n = 1; n <= std::min(live, 8); ++n) {
      if (n > 1) ImGui::SameLine();
      if (touch::choice(std::to_string(n), {touch::px(64), h}, quantity_ == n, true,
                        "void.quantity." + std::to_string(n)))
        quantity_ = n;
    }
  }
  const float w = touch::share(2, left_w);
  if (typing_) {
    if (touch::choice("Back to the reasons", {left_w, h * 0.8f}, false, true, "void.reasons"))
      typing_ = false;
    other_.draw("void.text", {left_w, avail.y - 100 - (live > 1 ? h + 10 : 0) - h * 0.8f},
                "why it is voided");
    reason_ = other_.text();
  } else {
    touch::heading("Why");
    for (int i = 0; i < 6; ++i) {
      if (i % 2) ImGui::SameLine();
      if (touch::choice(kReasons[i], {w, h}, reason_ == kReasons[i], true,
                        "void.reason." + std::to_string(i)))
        reason_ = kReasons[i];
    }
    if (touch::choice("Other reason...", {w, h}, false, true, "void.other")) {
      typing_ = true;
      reason_ = other_.text();
    }
  }
  ImGui::EndGroup();
  if (approval_.needs_pin()) {
    ImGui::SameLine(left_w + 16 + ImGui::GetStyle().WindowPadding.x);
    ImGui::BeginGroup();
    approval_.draw_pad("void.pin", {pad_width, touch::px(320)});
    ImGui::EndGroup();
  }
  // The buttons sit at the bottom of the dialog, whatever is above them.
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - h - ImGui::GetStyle().WindowPadding.y);

  const bool ready = !reason_.empty() && (!approval_.needs_pin() || approval_.has_pin());
  if (touch::button("Cancel", {touch::px(200), ui::touch_size()}, touch::kTile, true,
                    "void.cancel"))
    open_ = false;
  ImGui::SameLine();
  std::string label = reason_.empty() ? "Choose a reason"
                      : !ready        ? "Manager's PIN first"
                                      : "Void " + std::to_string(quantity_) + " x " + line_.name;
  if (touch::button(label + "##void", {ImGui::GetContentRegionAvail().x, ui::touch_size()},
                    ui::colour::late, ready, "void.confirm")) {
    VoidLine v{check_id_, line_.id, std::nullopt, reason_, approval_.pin()};
    if (quantity_ != live) v.quantity = quantity_;
    approval_.sending(view.controller, "void_line");
    out.push_back(v);
  }
}

}  // namespace brigade::terminal
