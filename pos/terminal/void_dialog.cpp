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

void VoidDialog::draw(const TerminalView& view, Intents& out) {
  if (!touch::begin_dialog("##void", open_, {1100, 700})) return;
  if (approval_.waiting_or_done(view.controller, "Voiding " + line_.name + "...", open_)) {
    touch::end_dialog();
    return;
  }
  touch::big("Void " + line_.name);
  ImGui::SameLine();
  touch::dim(seat_title(line_.seat) + " \xC2\xB7 " + course_title(line_.course) + " \xC2\xB7 " +
             line_state_words(line_.state));
  if (!approval_.message().empty()) touch::coloured(approval_.message(), ui::colour::late);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float pad_width = approval_.needs_pin() ? 360 : 0;
  ImGui::BeginChild("##what", {avail.x - pad_width - (pad_width > 0 ? 12 : 0), avail.y - 90});
  const int live = line_.live_quantity();
  if (live > 1) {
    touch::heading("How many");
    for (int n = 1; n <= std::min(live, 8); ++n) {
      if (n > 1) ImGui::SameLine();
      if (touch::choice(std::to_string(n), {72, ui::touch_size()}, quantity_ == n, true,
                        "void.quantity." + std::to_string(n)))
        quantity_ = n;
    }
  }
  touch::heading("Why");
  const float w = touch::share(2);
  for (int i = 0; i < 6; ++i) {
    if (i % 2) ImGui::SameLine();
    if (touch::choice(kReasons[i], {w, ui::touch_size()}, !typing_ && reason_ == kReasons[i], true,
                      "void.reason." + std::to_string(i))) {
      reason_ = kReasons[i];
      typing_ = false;
    }
  }
  if (touch::choice("Other reason...", {w, ui::touch_size()}, typing_, true, "void.other"))
    typing_ = true;
  if (typing_) {
    other_.draw("void.text", {ImGui::GetContentRegionAvail().x, 300}, "why it is voided");
    reason_ = other_.text();
  }
  touch::drag_scroll();
  ImGui::EndChild();
  if (approval_.needs_pin()) {
    ImGui::SameLine();
    ImGui::BeginGroup();
    approval_.draw_pad("void.pin", {pad_width, 320});
    ImGui::EndGroup();
  }

  const bool ready = !reason_.empty() && (!approval_.needs_pin() || approval_.has_pin());
  if (touch::button("Cancel", {200, ui::touch_size()}, touch::kTile, true, "void.cancel"))
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
  touch::end_dialog();
}

}  // namespace brigade::terminal
