#include "payment_screen.h"

#include <algorithm>

#include "payment_summary.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr float kSummaryWidth = 390;
constexpr float kSplitWidth = 420;
}  // namespace

PaymentScreen::PaymentScreen() : ScreenBase("##payment") {
  has_dialogs({&by_item_, &change_, &card_, &receipt_});
}

std::string PaymentScreen::title(const TerminalView& view) const {
  const CheckView* check = view.state.find_check(view.check_id);
  return "Pay " + (check ? check->label : std::string());
}

void PaymentScreen::start(const CheckView& check) {
  check_id_ = check.check.id;
  part_ = check.parts.empty() ? 0 : check.parts.front().part;
  parts_seen_empty_ = check.parts.empty();
  close_dialogs();
  tender_.reset();
}

Money PaymentScreen::due(const CheckView& check) const {
  if (part_ == 0) return check.totals.balance;
  for (const PartTotals& p : check.parts)
    if (p.part == part_) return p.balance;
  return check.totals.balance;
}

void PaymentScreen::draw_content(const TerminalView& view, Intents& out) {
  const CheckView* check = view.state.find_check(view.check_id);
  if (!check) {
    hold_dialogs();
    touch::big("Loading the check...");
    return;
  }
  if (check_id_ != view.check_id) start(*check);
  // A split just made: the first part is the one to pay.
  if (check->parts.empty() != parts_seen_empty_) {
    parts_seen_empty_ = check->parts.empty();
    part_ = parts_seen_empty_ ? 0 : check->parts.front().part;
  }
  if (part_ != 0 && std::none_of(check->parts.begin(), check->parts.end(),
                                 [&](const PartTotals& p) { return p.part == part_; }))
    part_ = check->parts.empty() ? 0 : check->parts.front().part;
  // Closed here or on another terminal: the receipt is what is left to do.
  if (!check->check.is_open()) receipt_.open(check_id_);
  tender_.follow_close(view.controller, check_id_);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##summary", {touch::px(kSummaryWidth), avail.y}, true);
  draw_payment_summary(view, *check);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##split", {touch::px(kSplitWidth), avail.y}, true);
  split_.draw(view, *check, part_, out);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##tender", {0, avail.y}, true, ImGuiWindowFlags_NoScrollbar);
  tender_.draw(view, *check, part_, due(*check), out);
  ImGui::EndChild();
}

}  // namespace brigade::terminal
