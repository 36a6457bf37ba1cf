#include "check_actions_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void CheckActionsDialog::open(const Check& check) {
  open_ = true;
  check_id_ = check.id;
  table_id_ = check.table_id;
  dine_in_ = check.channel == Channel::dine_in;
  merging_ = !dine_in_;
}

void CheckActionsDialog::draw(const TerminalView& view, Intents& out) {
  if (!touch::begin_dialog("##actions", open_, {touch::px(1100), touch::px(700)})) return;
  const float h = ui::touch_size();
  const float w = touch::share(3);
  if (touch::choice("Move to another table", {w, h}, !merging_, dine_in_, "actions.move"))
    merging_ = false;
  ImGui::SameLine();
  if (touch::choice("Merge another check in", {w, h}, merging_, true, "actions.merge"))
    merging_ = true;
  ImGui::SameLine();
  if (touch::button("Close", {w, h}, touch::kTile, true, "actions.close")) open_ = false;

  ImGui::BeginChild("##choices");
  const float tile_w = touch::share(6);
  int n = 0;
  if (!merging_) {
    touch::dim("Free tables: tap one to move this check there.");
    for (const Room& room : view.state.floor().rooms) {
      touch::heading(room.name);
      n = 0;
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
  } else {
    touch::dim("Open checks: tap one to bring all its lines onto this check.");
    const float merge_w = touch::share(4);
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
  touch::drag_scroll();
  ImGui::EndChild();
  touch::end_dialog();
}

}  // namespace brigade::terminal
