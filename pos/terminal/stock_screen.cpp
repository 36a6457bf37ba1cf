#include "stock_screen.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
constexpr float kPanelWidth = 420;

std::string level_words(const StockLevel& level) {
  if (level.eighty_sixed) return "86'd";
  if (level.remaining)
    return *level.remaining <= 0 ? "none left (86)" : std::to_string(*level.remaining) + " left";
  return "on, not counted";
}
}  // namespace

void StockScreen::pick(const TerminalView& view, const std::string& item_id) {
  item_ = item_id;
  count_.clear();
  approval_.start(!view.controller.may(Permission::eighty_six));
}

void StockScreen::draw_content(const TerminalView& view, Intents& out) {
  const Menu& menu = view.state.menu();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##items", {avail.x - touch::px(kPanelWidth) - 12, avail.y}, false);
  touch::heading("86 list and counts");
  // What is off or counted right now, at a glance.
  std::string out_now, counted;
  for (const auto& [id, level] : view.state.stock()) {
    if (level.out())
      out_now += (out_now.empty() ? "" : ", ") + view.state.item_name(id);
    else if (level.remaining)
      counted += (counted.empty() ? "" : ", ") + view.state.item_name(id) + " " +
                 std::to_string(*level.remaining);
  }
  touch::coloured("86'd: " + (out_now.empty() ? std::string("nothing") : out_now),
                  ui::colour::late);
  touch::coloured("Counted: " + (counted.empty() ? std::string("nothing") : counted),
                  ui::colour::warning);

  if (category_.empty() && !menu.categories.empty()) category_ = menu.categories.front().id;
  const int per_row =
      std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / touch::px(150)));
  const float cat_w = touch::share(per_row);
  int i = 0;
  for (const Category& c : menu.categories) {
    if (i++ % per_row != 0) ImGui::SameLine();
    if (touch::label_tile("stock.category." + c.id, c.name, {cat_w, ui::touch_size()},
                          c.id == category_))
      category_ = c.id;
  }
  ImGui::Separator();
  const int columns =
      std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / touch::px(190)));
  const float w = touch::share(columns);
  int n = 0;
  for (const MenuItem& item : menu.items) {
    if (item.category_id != category_ || item.retired) continue;
    if (n++ % columns != 0) ImGui::SameLine();
    const StockLevel level = view.state.stock_of(item.id);
    std::string badge = level.out()       ? "86"
                        : level.remaining ? std::to_string(*level.remaining) + " left"
                                          : "";
    ImVec4 colour = item.id == item_ ? ui::colour::accent
                    : level.out()    ? ui::colour::disabled
                                     : touch::kTile;
    // The badge says what is off or counted; the rest are simply on.
    if (touch::tile("stock.item." + item.id, item.name, badge.empty() ? "on" : "",
                    {w, touch::px(96)}, colour, true, badge))
      pick(view, item.id);
  }
  touch::drag_scroll();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##item", {touch::px(kPanelWidth), avail.y}, true);
  draw_item(view, out);
  ImGui::EndChild();
}

void StockScreen::draw_item(const TerminalView& view, Intents& out) {
  if (item_.empty()) {
    touch::dim("Tap an item to 86 it, put it back on, or count what is left.");
    return;
  }
  approval_.follow(view.controller);
  const StockLevel level = view.state.stock_of(item_);
  touch::big(view.state.item_name(item_));
  touch::heading(level_words(level));
  if (!approval_.message().empty()) touch::coloured(approval_.message(), ui::colour::late);
  const float h = ui::touch_size();
  const float w = ImGui::GetContentRegionAvail().x;
  const bool can_send = !approval_.needs_pin() || approval_.has_pin();
  auto sending = [&](const char* type) { approval_.sending(view.controller, type); };
  if (!level.out()) {
    if (touch::button("86 it (out)", {w, h}, ui::colour::late, can_send, "stock.86")) {
      sending("eighty_six");
      out.push_back(EightySix{item_, approval_.pin()});
    }
  } else if (touch::button("Back on", {w, h}, ui::colour::ok, can_send, "stock.back")) {
    sending("un_eighty_six");
    out.push_back(BackOn{item_, approval_.pin()});
  }
  touch::heading("Portions left: " + count_.display());
  count_.draw("stock.count", {w, touch::px(250)}, nullptr, !approval_.needs_pin());
  const float half = touch::share(2);
  if (touch::button("Set count", {half, h}, ui::colour::accent, can_send && !count_.empty(),
                    "stock.set")) {
    sending("set_stock");
    out.push_back(SetCount{item_, count_.count(), approval_.pin()});
    count_.clear();
  }
  ImGui::SameLine();
  if (touch::button("Stop counting", {half, h}, touch::kTile,
                    can_send && level.remaining.has_value(), "stock.uncount")) {
    sending("set_stock");
    out.push_back(SetCount{item_, std::nullopt, approval_.pin()});
  }
  if (approval_.needs_pin()) approval_.draw_pad("stock.pin", {w, touch::px(250)});
}

}  // namespace brigade::terminal
