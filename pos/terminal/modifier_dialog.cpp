#include "modifier_dialog.h"

#include <algorithm>

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void ModifierDialog::open(std::int64_t check_id, const MenuItem& item, int seat,
                          std::optional<Course> course, int quantity) {
  open_ = true;
  check_id_ = check_id;
  item_ = item;
  seat_ = seat;
  course_ = course;
  quantity_ = quantity;
  chosen_.clear();
  note_.clear();
}

int ModifierDialog::picked_in(const ModifierGroup& group) const {
  return chosen_in(group, chosen_);
}

void ModifierDialog::choose(const Menu& menu, const std::string& modifier_id) {
  const ModifierGroup* group = menu.group_offering(item_, modifier_id);
  if (!group) return;
  auto it = std::find(chosen_.begin(), chosen_.end(), modifier_id);
  if (it != chosen_.end()) {
    chosen_.erase(it);
    return;
  }
  if (group->max_select == 1) {
    // One answer: a new tap replaces the old one, as a person expects.
    std::erase_if(chosen_, [&](const std::string& id) { return group->find(id) != nullptr; });
  } else if (picked_in(*group) >= group->max_select) {
    return;
  }
  chosen_.push_back(modifier_id);
}

std::vector<std::string> ModifierDialog::missing(const Menu& menu) const {
  std::vector<std::string> out;
  for (const ModifierGroup* g : unanswered_groups(menu, item_, chosen_)) out.push_back(g->name);
  return out;
}

Money ModifierDialog::unit_price(const Menu& menu) const {
  return price_with(menu, item_, chosen_);
}

void ModifierDialog::draw_group(const TerminalView& view, const ModifierGroup& group) {
  const int picked = picked_in(group);
  touch::heading(group.name);
  ImGui::SameLine();
  std::string rule;
  if (group.forced())
    rule = group.min_select == group.max_select
               ? "required: choose " + std::to_string(group.min_select)
               : "required: choose " + std::to_string(group.min_select) + " to " +
                     std::to_string(group.max_select);
  else
    rule =
        group.max_select == 1 ? "optional" : "optional, up to " + std::to_string(group.max_select);
  const bool unanswered = picked < group.min_select;
  touch::chip(rule, unanswered       ? ui::colour::late
                    : group.forced() ? ui::shade(ui::colour::ok, -0.1f)
                                     : ui::colour::panel);
  const float w = touch::share(4);
  int i = 0;
  for (const Modifier& m : group.modifiers) {
    if (i++ % 4 != 0) ImGui::SameLine();
    const bool on = std::find(chosen_.begin(), chosen_.end(), m.id) != chosen_.end();
    const bool full = !on && group.max_select > 1 && picked >= group.max_select;
    std::string price = m.price.is_zero() ? "" : "+" + view.state.money(m.price);
    if (touch::tile("modifier." + m.id, m.name, price, {w, touch::px(92)},
                    on ? ui::colour::accent : touch::kTile, !full))
      choose(view.state.menu(), m.id);
  }
  ImGui::Spacing();
}

void ModifierDialog::draw_content(const TerminalView& view, Intents& out) {
  const Menu& menu = view.state.menu();
  touch::big(item_.name);
  ImGui::SameLine();
  touch::dim(view.state.money(item_.price) + "  \xC2\xB7  " + seat_title(seat_) + "  \xC2\xB7  " +
             course_title(course_.value_or(item_.course)));

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float right = touch::px(440);
  ImGui::BeginChild("##groups", {avail.x - right - ImGui::GetStyle().ItemSpacing.x, avail.y});
  for (const auto& group_id : item_.modifier_group_ids)
    if (const ModifierGroup* g = menu.find_group(group_id)) draw_group(view, *g);
  touch::drag_scroll();
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginGroup();
  const float q = (right - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  if (touch::button("-", {q, ui::touch_size()}, touch::kTile, quantity_ > 1, "modifier.less"))
    --quantity_;
  ImGui::SameLine();
  touch::button("Qty " + std::to_string(quantity_) + "##qty", {q, ui::touch_size()},
                ui::colour::panel, true, "modifier.quantity");
  ImGui::SameLine();
  if (touch::button("+", {q, ui::touch_size()}, touch::kTile, quantity_ < kMaxLineQuantity,
                    "modifier.more"))
    ++quantity_;
  note_.draw("modifier", right, touch::px(400));

  const auto still_missing = missing(menu);
  const Money total = unit_price(menu) * quantity_;
  touch::big(std::to_string(quantity_) + " x " + view.state.money(unit_price(menu)) + " = " +
             view.state.money(total));
  if (!still_missing.empty()) {
    std::string names;
    for (const auto& n : still_missing) names += (names.empty() ? "" : ", ") + n;
    touch::coloured("Choose " + names + " first", ui::colour::late);
  }
  const float half = (right - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (touch::button("Cancel", {half, ui::touch_size() * 1.2f}, touch::kTile, true,
                    "modifier.cancel"))
    open_ = false;
  ImGui::SameLine();
  if (touch::button("Add", {half, ui::touch_size() * 1.2f}, ui::colour::accent,
                    still_missing.empty(), "modifier.add")) {
    LineRequest line;
    line.item_id = item_.id;
    line.quantity = quantity_;
    line.seat = seat_;
    line.course = course_;
    line.modifier_ids = chosen_;
    line.note = note_.text();
    std::string description = item_.name;
    for (const auto& id : chosen_)
      if (const ModifierGroup* g = menu.group_offering(item_, id))
        if (const Modifier* m = g->find(id)) description += ", " + m->name;
    out.push_back(AddLine{check_id_, line, description});
    open_ = false;
  }
  ImGui::EndGroup();
}

}  // namespace brigade::terminal
