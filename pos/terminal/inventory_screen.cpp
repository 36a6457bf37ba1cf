#include "inventory_screen.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr float kPanelWidth = 440;
// Why stock is thrown away, in the kitchen's words: one tap each.
const char* const kWasteReasons[] = {"Dropped", "Burnt", "Spoiled", "Expired", "Sent back"};

bool takes(const Recipe& recipe, const std::string& ingredient_id) {
  for (const RecipePart& p : recipe)
    if (p.ingredient_id == ingredient_id) return true;
  return false;
}
}  // namespace

std::string used_by(const Menu& menu, const std::string& ingredient_id) {
  std::string names;
  auto add = [&](const std::string& name) { names += (names.empty() ? "" : ", ") + name; };
  for (const MenuItem& item : menu.items)
    if (!item.retired && takes(item.recipe, ingredient_id)) add(item.name);
  for (const ModifierGroup& group : menu.modifier_groups)
    for (const Modifier& m : group.modifiers)
      if (takes(m.recipe, ingredient_id)) add(m.name + " (" + group.name + ")");
  return names;
}

void InventoryScreen::pick(const TerminalView& view, const std::string& ingredient_id) {
  ingredient_ = ingredient_id;
  amount_.clear();
  reason_.clear();
  approval_.start(!view.controller.may(Permission::manage_stock));
}

void InventoryScreen::draw_content(const TerminalView& view, Intents& out) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##ingredients", {avail.x - touch::px(kPanelWidth) - 12, avail.y}, false);
  draw_list(view);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##ingredient", {touch::px(kPanelWidth), avail.y}, true);
  draw_panel(view, out);
  ImGui::EndChild();
}

void InventoryScreen::draw_list(const TerminalView& view) {
  const Menu& menu = view.state.menu();
  touch::heading("On hand, by ingredient");
  if (menu.ingredients.empty()) {
    touch::dim("No ingredients yet: add them in the menu editor, with a recipe on each item.");
    return;
  }
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = touch::px(72);
  for (const Ingredient& ingredient : menu.ingredients) {
    const auto on_hand = view.state.on_hand(ingredient.id);
    const bool low = is_low(ingredient, view.state.inventory());
    std::string count = on_hand ? amount_text(ingredient, *on_hand) : "not counted";
    std::string detail = ingredient.low_at > 0
                             ? "low at " + amount_text(ingredient, ingredient.low_at)
                             : std::string("no low-stock mark");
    std::string badge = !on_hand ? "" : *on_hand <= 0 ? "OUT" : low ? "LOW" : "";
    ImVec4 colour = ingredient.id == ingredient_ ? ui::colour::accent
                    : on_hand && *on_hand <= 0   ? ui::shade(ui::colour::late, -0.2f)
                    : low                        ? ui::shade(ui::colour::warning, -0.35f)
                                                 : touch::kTile;
    if (touch::tile("inventory.ingredient." + ingredient.id, ingredient.name + "   " + count,
                    detail, {w, h}, colour, true, badge))
      pick(view, ingredient.id);
  }
  touch::drag_scroll();
}

void InventoryScreen::draw_panel(const TerminalView& view, Intents& out) {
  const Ingredient* ingredient = view.state.menu().find_ingredient(ingredient_);
  if (!ingredient) {
    touch::dim("Tap an ingredient to receive a delivery, count it or record waste.");
    return;
  }
  if (approval_.follow(view.controller) == Approval::Stage::done) amount_.clear();
  const auto on_hand = view.state.on_hand(ingredient->id);
  touch::big(ingredient->name);
  touch::heading(on_hand ? amount_text(*ingredient, *on_hand) + " on hand" : "Not counted yet");
  const std::string uses = used_by(view.state.menu(), ingredient->id);
  touch::dim(uses.empty() ? "No recipe takes it." : "In " + uses);
  if (!approval_.message().empty()) touch::coloured(approval_.message(), ui::colour::late);

  const float h = ui::touch_size();
  const float third = touch::share(3);
  auto action_choice = [&](const char* label, Action a, const char* name) {
    if (touch::choice(label, {third, h}, action_ == a, true, name)) {
      action_ = a;
      amount_.clear();
    }
  };
  action_choice("Receive", Action::receive, "inventory.receive");
  ImGui::SameLine();
  action_choice("Count", Action::count, "inventory.count");
  ImGui::SameLine();
  action_choice("Waste", Action::waste, "inventory.waste");

  const char* what = action_ == Action::receive ? "Delivered: "
                     : action_ == Action::count ? "Counted: "
                                                : "Thrown away: ";
  touch::heading(what + amount_.display() + " " + ingredient->unit);
  const float w = ImGui::GetContentRegionAvail().x;
  amount_.draw("inventory.amount", {w, touch::px(230)}, nullptr, !approval_.needs_pin());
  if (action_ == Action::waste) {
    const float fifth = touch::share(5);
    int i = 0;
    for (const char* reason : kWasteReasons) {
      if (i++ > 0) ImGui::SameLine();
      if (touch::choice(reason, {fifth, h * 0.8f}, reason_ == reason, true,
                        "inventory.reason." + std::to_string(i)))
        reason_ = reason;
    }
  }
  const bool can_send = !approval_.needs_pin() || approval_.has_pin();
  const std::int64_t amount = amount_.count();
  const std::string unit = " " + ingredient->unit;
  switch (action_) {
    case Action::receive:
      if (touch::button("Receive " + std::to_string(amount) + unit, {w, h}, ui::colour::ok,
                        can_send && amount > 0, "inventory.send")) {
        approval_.sending(view.controller, "receive_stock");
        out.push_back(ReceiveStock{ingredient->id, amount, approval_.pin()});
      }
      break;
    case Action::count: {
      const float half = touch::share(2);
      if (touch::button("Set to " + amount_.display() + unit, {half, h}, ui::colour::accent,
                        can_send && !amount_.empty(), "inventory.send")) {
        approval_.sending(view.controller, "count_stock");
        out.push_back(CountStock{ingredient->id, amount, approval_.pin()});
      }
      ImGui::SameLine();
      if (touch::button("Stop counting", {half, h}, touch::kTile, can_send && on_hand.has_value(),
                        "inventory.uncount")) {
        approval_.sending(view.controller, "count_stock");
        out.push_back(CountStock{ingredient->id, std::nullopt, approval_.pin()});
      }
      break;
    }
    case Action::waste:
      if (touch::button("Waste " + std::to_string(amount) + unit, {w, h}, ui::colour::late,
                        can_send && amount > 0 && !reason_.empty(), "inventory.send")) {
        approval_.sending(view.controller, "waste_stock");
        out.push_back(WasteStock{ingredient->id, amount, reason_, approval_.pin()});
      }
      break;
  }
  if (approval_.needs_pin()) approval_.draw_pad("inventory.pin", {w, touch::px(230)});
}

}  // namespace brigade::terminal
