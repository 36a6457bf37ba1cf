#include "discount_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr const char* kReasons[] = {"Birthday",        "Service recovery", "Staff meal",
                                    "Manager's guest", "Wrong order",      "Regular guest"};
constexpr std::int64_t kPercents[] = {1000, 1500, 2000, 2500, 5000};

Permission permission_for(DiscountKind kind) {
  return kind == DiscountKind::comp ? Permission::comp : Permission::discount;
}
}  // namespace

void DiscountDialog::open(const TerminalView& view, std::int64_t check_id,
                          std::optional<Line> line) {
  open_ = true;
  check_id_ = check_id;
  line_ = std::move(line);
  whole_check_ = !line_;
  reason_.clear();
  amount_.clear();
  percent_bp_ = 1000;
  kind_ = line_ ? DiscountKind::comp : DiscountKind::percent;
  approval_.start(!view.controller.may(permission_for(kind_)));
}

void DiscountDialog::pick_kind(const TerminalView& view, DiscountKind kind) {
  kind_ = kind;
  if (!view.controller.may(permission_for(kind))) approval_.require_pin();
}

void DiscountDialog::draw_content(const TerminalView& view, Intents& out) {
  if (approval_.waiting_or_done(view.controller, "Taking it off...", open_)) {
    return;
  }
  touch::big("Comp or discount");
  if (!approval_.message().empty()) touch::coloured(approval_.message(), ui::colour::late);

  const float h = ui::touch_size();
  // On what, and what kind.
  if (line_) {
    const float w = touch::share(2);
    if (touch::choice("This line: " + line_->name, {w, h}, !whole_check_, true, "discount.line"))
      whole_check_ = false;
    ImGui::SameLine();
    if (touch::choice("Whole check", {w, h}, whole_check_, true, "discount.check"))
      whole_check_ = true;
  }
  const float k = touch::share(3);
  if (touch::choice("Comp (free)", {k, h}, kind_ == DiscountKind::comp, true, "discount.comp"))
    pick_kind(view, DiscountKind::comp);
  ImGui::SameLine();
  if (touch::choice("Percent off", {k, h}, kind_ == DiscountKind::percent, true,
                    "discount.percent"))
    pick_kind(view, DiscountKind::percent);
  ImGui::SameLine();
  if (touch::choice("Amount off", {k, h}, kind_ == DiscountKind::amount, true, "discount.amount"))
    pick_kind(view, DiscountKind::amount);

  // Three columns: how much, why, and the manager's PIN when one is needed.
  const float column = (ImGui::GetContentRegionAvail().x - 2 * 16) / 3;
  ImGui::BeginGroup();
  touch::heading("How much");
  if (kind_ == DiscountKind::comp) {
    touch::dim(whole_check_ || !line_ ? "The whole check, free." : "The whole line, free.");
  } else if (kind_ == DiscountKind::percent) {
    const float p = touch::share(2, column);
    for (int i = 0; i < 5; ++i) {
      if (i % 2) ImGui::SameLine();
      std::string label = std::to_string(kPercents[i] / 100) + "%";
      if (touch::choice(label, {p, h}, percent_bp_ == kPercents[i], true,
                        "discount.bp." + std::to_string(kPercents[i])))
        percent_bp_ = kPercents[i];
    }
  } else {
    touch::big(amount_.display(view.state.currency().symbol));
    amount_.draw("discount.pad", {column, touch::px(280)}, nullptr, !approval_.needs_pin());
  }
  ImGui::EndGroup();
  ImGui::SameLine(0, 16);
  ImGui::BeginGroup();
  touch::heading("Why");
  for (int i = 0; i < 6; ++i)
    if (touch::choice(kReasons[i], {column, h * 0.85f}, reason_ == kReasons[i], true,
                      "discount.reason." + std::to_string(i)))
      reason_ = kReasons[i];
  ImGui::EndGroup();
  if (approval_.needs_pin()) {
    ImGui::SameLine(0, 16);
    ImGui::BeginGroup();
    approval_.draw_pad("discount.pin", {column, touch::px(320)});
    ImGui::EndGroup();
  }
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - h - ImGui::GetStyle().WindowPadding.y);

  const bool amount_ok = kind_ != DiscountKind::amount || !amount_.money().is_zero();
  const bool ready =
      !reason_.empty() && amount_ok && (!approval_.needs_pin() || approval_.has_pin());
  if (touch::button("Cancel", {touch::px(200), ui::touch_size()}, touch::kTile, true,
                    "discount.cancel"))
    open_ = false;
  ImGui::SameLine();
  std::string label = !amount_ok                    ? "Type the amount"
                      : reason_.empty()             ? "Choose a reason"
                      : !ready                      ? "Manager's PIN first"
                      : kind_ == DiscountKind::comp ? "Comp it"
                                                    : "Take it off";
  if (touch::button(label + "##apply", {ImGui::GetContentRegionAvail().x, ui::touch_size()},
                    ui::colour::accent, ready, "discount.confirm")) {
    AddDiscount d;
    d.check_id = check_id_;
    if (line_ && !whole_check_) d.line_id = line_->id;
    d.kind = kind_;
    d.amount = amount_.money();
    d.percent_bp = percent_bp_;
    d.reason = reason_;
    d.approval_pin = approval_.pin();
    approval_.sending(view.controller, "discount");
    out.push_back(d);
  }
}

}  // namespace brigade::terminal
