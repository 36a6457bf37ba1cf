#include "open_check_dialog.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
std::string channel_words(Channel c) {
  switch (c) {
    case Channel::bar_tab:
      return "New tab";
    case Channel::takeout:
      return "New takeout order";
    case Channel::delivery:
      return "New delivery order";
    case Channel::online:
      return "New online order";
    case Channel::dine_in:
      return "New table";
  }
  return "";
}
}  // namespace

void OpenCheckDialog::ask_guests(const Table& table) {
  mode_ = Mode::guests;
  look("##open-guests", {760, 560});
  open_ = true;
  table_ = table;
  opening_.stop();
}

void OpenCheckDialog::ask_name(Channel channel) {
  mode_ = Mode::named;
  look("##open-named", {980, 740});
  open_ = true;
  channel_ = channel;
  name_.clear();
  phone_.clear();
  typing_phone_ = false;
  ready_in_minutes_ = 20;
  opening_.stop();
}

bool OpenCheckDialog::draw_outcome(const TerminalView& view) {
  if (!opening_.active()) return false;
  const CommandRecord* r = opening_.record(view.controller);
  if (!r || r->pending()) {
    touch::big("Opening...");
    touch::dim("Waiting for the hub. It opens as soon as the hub answers.");
  } else if (r->state == CommandRecord::State::done) {
    close();  // the terminal shows the new check
  } else {
    touch::coloured(r->message, ui::colour::late);
    if (touch::button("OK", {touch::px(200), ui::touch_size()}, ui::colour::accent, true,
                      "open.ok"))
      opening_.stop();
  }
  return true;
}

void OpenCheckDialog::draw_content(const TerminalView& view, Intents& out) {
  if (mode_ == Mode::guests)
    draw_guests(view, out);
  else
    draw_named(view, out);
}

void OpenCheckDialog::draw_guests(const TerminalView& view, Intents& out) {
  touch::big((table_.name.empty() ? "Table " + table_.id : table_.name) + ": how many guests?");
  if (draw_outcome(view)) return;
  const float size = touch::share(6);
  for (int n = 1; n <= 12; ++n) {
    if ((n - 1) % 6 != 0) ImGui::SameLine();
    // The table's own seat count stands out: most parties fill the table.
    if (touch::choice(std::to_string(n), {size, touch::px(96)}, n == table_.seats, true,
                      "guests." + std::to_string(n))) {
      CheckRequest r;
      r.channel = Channel::dine_in;
      r.table_id = table_.id;
      r.guests = n;
      opening_.start(view.controller, "open_check");
      out.push_back(OpenCheck{r});
    }
  }
  ImGui::Spacing();
  if (touch::button("Cancel", {touch::px(200), ui::touch_size()}, touch::kTile, true,
                    "guests.cancel"))
    close();
}

void OpenCheckDialog::draw_named(const TerminalView& view, Intents& out) {
  touch::big(channel_words(channel_));
  if (draw_outcome(view)) return;
  const bool pickup = channel_ != Channel::bar_tab;
  const float width = ImGui::GetContentRegionAvail().x;
  if (pickup) {
    if (touch::choice("Name: " + name_.text(), {touch::share(2), ui::touch_size()}, !typing_phone_,
                      true, "open.name"))
      typing_phone_ = false;
    ImGui::SameLine();
    if (touch::choice("Phone: " + phone_.text(), {touch::share(1), ui::touch_size()}, typing_phone_,
                      true, "open.phone"))
      typing_phone_ = true;
  }
  if (typing_phone_)
    phone_.draw("phone", {width, touch::px(330)}, "phone number", true);
  else
    name_.draw("name", {width, touch::px(330)}, pickup ? "customer name" : "name on the tab");

  if (pickup) {
    touch::dim("Ready in");
    static constexpr int kMinutes[] = {10, 15, 20, 30, 45, 60};
    for (int i = 0; i < 6; ++i) {
      if (i) ImGui::SameLine();
      const int m = kMinutes[i];
      if (touch::choice(std::to_string(m) + " min", {touch::share(6 - i), ui::touch_size()},
                        ready_in_minutes_ == m, true, "ready-in." + std::to_string(m)))
        ready_in_minutes_ = m;
    }
  }
  const bool needs_phone = channel_ == Channel::delivery;
  const bool can_open = !name_.text().empty() && (!needs_phone || !phone_.text().empty());
  ImGui::Spacing();
  if (touch::button("Cancel", {touch::px(200), ui::touch_size()}, touch::kTile, true,
                    "open.cancel"))
    close();
  ImGui::SameLine();
  std::string label = can_open ? "Open" : needs_phone ? "Name and phone first" : "Name first";
  if (touch::button(label + "##open", {touch::share(1), ui::touch_size()}, ui::colour::accent,
                    can_open, "open.confirm")) {
    CheckRequest r;
    r.channel = channel_;
    if (channel_ == Channel::bar_tab) {
      r.tab_name = name_.text();
    } else {
      r.customer_name = name_.text();
      r.customer_phone = phone_.text();
      r.promised_at = view.now + ready_in_minutes_ * 60'000LL;
    }
    opening_.start(view.controller, "open_check");
    out.push_back(OpenCheck{r});
  }
}

}  // namespace brigade::terminal
