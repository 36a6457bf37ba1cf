#include "check_actions_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void CheckActionsDialog::open(const Check& check) {
  open_ = true;
  check_id_ = check.id;
  table_id_ = check.table_id;
  dine_in_ = check.channel == Channel::dine_in;
  page_ = dine_in_ ? Page::table : Page::merge;
  moving_.clear();
}

void CheckActionsDialog::draw_content(const TerminalView& view, Intents& out) {
  const float h = ui::touch_size();
  const float w = touch::share(5);
  if (touch::label_tile("actions.move", "Another table", {w, h}, page_ == Page::table) && dine_in_)
    page_ = Page::table;
  ImGui::SameLine();
  if (touch::label_tile("actions.merge", "Merge a check in", {w, h}, page_ == Page::merge))
    page_ = Page::merge;
  ImGui::SameLine();
  if (touch::label_tile("actions.lines", "Move lines out", {w, h}, page_ == Page::lines))
    page_ = Page::lines;
  ImGui::SameLine();
  if (touch::label_tile("actions.server", "Another server", {w, h}, page_ == Page::server))
    page_ = Page::server;
  ImGui::SameLine();
  if (touch::button("Close", {w, h}, touch::kTile, true, "actions.close")) open_ = false;

  ImGui::BeginChild("##choices");
  switch (page_) {
    case Page::table:
      draw_tables(view, out);
      break;
    case Page::merge:
      draw_merge(view, out);
      break;
    case Page::lines:
      draw_lines(view, out);
      break;
    case Page::server:
      draw_servers(view, out);
      break;
  }
  touch::drag_scroll();
  ImGui::EndChild();
}

void CheckActionsDialog::draw_tables(const TerminalView& view, Intents& out) {
  touch::dim("Free tables: tap one to move this check there.");
  const float tile_w = touch::share(6);
  for (const Room& room : view.state.floor().rooms) {
    touch::heading(room.name);
    int n = 0;
    for (const Table& t : view.state.floor().tables) {
      if (t.room_id != room.id || t.id == table_id_) continue;
      if (!view.state.checks_at_table(t.id).empty()) continue;
      if (n++ % 6 != 0) ImGui::SameLine();
      if (touch::tile("move." + t.id, t.id, std::to_string(t.seats) + " seats",
                      {tile_w, touch::px(80)}, touch::kTile)) {
        out.push_back(MoveToTable{check_id_, t.id});
        open_ = false;
      }
    }
  }
}

void CheckActionsDialog::draw_merge(const TerminalView& view, Intents& out) {
  touch::dim("Open checks: tap one to bring all its lines onto this check.");
  const float merge_w = touch::share(4);
  int n = 0;
  for (const auto& [id, other] : view.state.open_checks()) {
    if (id == check_id_) continue;
    if (n++ % 4 != 0) ImGui::SameLine();
    if (touch::tile("merge." + std::to_string(id), other.label,
                    view.state.money(other.totals.total), {merge_w, touch::px(90)}, touch::kTile,
                    other.check.payments.empty())) {
      out.push_back(MergeChecks{check_id_, id});
      open_ = false;
    }
  }
}

void CheckActionsDialog::draw_lines(const TerminalView& view, Intents& out) {
  const CheckView* check = view.state.find_check(check_id_);
  if (!check) return;
  touch::dim("Tap the lines to move, then the check they go to.");
  const float line_w = touch::share(3);
  int n = 0;
  for (const Line& l : check->check.lines) {
    if (l.live_quantity() <= 0) continue;
    if (n++ % 3 != 0) ImGui::SameLine();
    const bool picked = moving_.count(l.id) > 0;
    if (touch::tile("move-line." + std::to_string(l.id),
                    std::to_string(l.live_quantity()) + " " + l.name, seat_title(l.seat),
                    {line_w, touch::px(80)}, picked ? ui::colour::accent : touch::kTile)) {
      if (picked)
        moving_.erase(l.id);
      else
        moving_.insert(l.id);
    }
  }
  touch::heading("To");
  const float to_w = touch::share(4);
  n = 0;
  for (const auto& [id, other] : view.state.open_checks()) {
    if (id == check_id_) continue;
    if (n++ % 4 != 0) ImGui::SameLine();
    if (touch::tile("move-to." + std::to_string(id), other.label,
                    view.state.money(other.totals.total), {to_w, touch::px(80)}, touch::kTile,
                    !moving_.empty() && check->check.payments.empty())) {
      out.push_back(MoveLines{check_id_, id, {moving_.begin(), moving_.end()}});
      open_ = false;
    }
  }
  if (!check->check.payments.empty())
    touch::coloured("This check has taken payments: its lines stay.", ui::colour::warning);
}

void CheckActionsDialog::draw_servers(const TerminalView& view, Intents& out) {
  const CheckView* check = view.state.find_check(check_id_);
  if (!check) return;
  touch::dim("Tap who takes this check over.");
  const float w = touch::share(3);
  int n = 0;
  for (const StaffMember& s : view.state.staff()) {
    if (!view.state.permissions().allows(s.role, Permission::take_orders) ||
        s.id == check->check.server_id)
      continue;
    if (n++ % 3 != 0) ImGui::SameLine();
    if (touch::tile("server." + s.id, s.name, std::string(to_string(s.role)), {w, touch::px(80)},
                    touch::kTile)) {
      out.push_back(GiveToServer{check_id_, s.id});
      open_ = false;
    }
  }
}

}  // namespace brigade::terminal
