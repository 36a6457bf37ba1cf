#include "terminal_app.h"

#include <imgui_internal.h>

#include <algorithm>

#include "brigade/ui/theme.h"
#include "office_tabs.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr EpochMs kNoticeShownMs = 10'000;
constexpr EpochMs kAlertKeptMs = 15 * 60'000;

bool touched() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0) return true;
  for (bool down : io.MouseDown)
    if (down) return true;
  if (!io.InputQueueCharacters.empty()) return true;
  for (bool down : io.KeysDown)
    if (down) return true;
  return false;
}

}  // namespace

TerminalApp::TerminalApp(TerminalState& state, Controller& controller, TerminalOptions options)
    : state_(state), controller_(controller), options_(options) {}

bool TerminalApp::settled() const {
  // Online too: the snapshot's reply can come before the first heartbeat, and a picture
  // of a terminal just started would say OFFLINE.
  return state_.synced() && controller_.online() && controller_.pending_count() == 0 &&
         start_up_done_ && last_frame_ - last_change_ >= 300;
}

void TerminalApp::handle(const Intent& intent, EpochMs now) {
  std::visit(
      Overloaded{
          [&](const ShowFloor&) { screen_ = Screen::floor; },
          [&](const ShowCheck& i) {
            floor_.close_dialogs();  // the person has gone to the check
            screen_ = Screen::order;
            check_id_ = i.check_id;
          },
          [&](const ShowPayment& i) {
            screen_ = Screen::payment;
            check_id_ = i.check_id;
          },
          [&](const ShowStock&) { screen_ = Screen::stock; },
          [&](const ShowDevices&) {
            if (controller_.may(Permission::manage_devices)) screen_ = Screen::devices;
          },
          [&](const ShowMenuEditor&) {
            if (controller_.may(Permission::edit_menu)) screen_ = Screen::menu;
          },
          [&](const ShowInventory&) {
            if (controller_.may(Permission::manage_stock)) screen_ = Screen::inventory;
          },
          [&](const ShowStaff&) {
            if (may_open(controller_, OfficeTab::staff)) screen_ = Screen::staff;
          },
          [&](const ShowTimesheet&) {
            if (may_open(controller_, OfficeTab::timesheet)) screen_ = Screen::timesheet;
          },
          [&](const ShowAudit&) {
            if (may_open(controller_, OfficeTab::audit)) screen_ = Screen::audit;
          },
          [&](const ShowDay&) {
            if (may_open(controller_, OfficeTab::day)) screen_ = Screen::day;
          },
          [&](const DeclineNextCard& i) {
            if (auto* sim = dynamic_cast<SimulatedCardProcessor*>(&controller_.card_processor()))
              sim->set_decline_next(i.decline);
          },
          [&](const auto&) { controller_.handle(intent, now); },
      },
      intent);
}

void TerminalApp::follow_controller(EpochMs now) {
  controller_.poll(now);
  if (auto opened = controller_.take_opened_check()) handle(ShowCheck{*opened}, now);
  if (auto why = controller_.take_session_end()) {
    screen_ = Screen::login;
    login_.set_message(*why);
  }
  if (!controller_.logged_in()) screen_ = Screen::login;
  if (controller_.logged_in() && screen_ == Screen::login) screen_ = Screen::floor;
  if (auto n = controller_.notice(); n && now - n->at > kNoticeShownMs) controller_.clear_notice();
  state_.forget_alerts_before(now - kAlertKeptMs);
}

ScreenBase& TerminalApp::current() const {
  for (const auto& [screen, shown] : screens_)
    if (screen == screen_) return *shown;
  return *screens_.front().second;  // every Screen is registered
}

void TerminalApp::leave_screen_if_changed() {
  if (screen_ == drawn_) return;
  drawn_ = screen_;
  // A screen that is not drawn keeps nothing open.
  for (const auto& [screen, left] : screens_) left->close_dialogs();
  // A modal left open by a screen no longer drawn would still hold the input.
  if (!GImGui->OpenPopupStack.empty()) ImGui::ClosePopupToLevel(0, false);
}

void TerminalApp::watch_idle(EpochMs now) {
  if (touched() || last_touch_ == 0) last_touch_ = now;
  if (options_.idle_logout_s <= 0 || !controller_.logged_in()) return;
  if (now - last_touch_ >= options_.idle_logout_s * 1000LL) {
    handle(LogOut{true}, now);
    screen_ = Screen::login;
    last_touch_ = now;
  }
}

void TerminalApp::frame(EpochMs now) {
  follow_controller(now);
  watch_idle(now);
  if (state_.version() != seen_version_) {
    seen_version_ = state_.version();
    last_change_ = now;
  }
  last_frame_ = now;
  if (auto why = controller_.take_session_end()) login_.set_message(*why);

  leave_screen_if_changed();
  TerminalView view{state_, controller_, now, check_id_};
  Intents out;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##terminal", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (screen_ != Screen::login) draw_top_bar(view, out);
  ui::connection_banner({controller_.online(), controller_.since_contact(),
                         controller_.pending_count(), controller_.hub_in_development()});
  draw_warnings(view, out);
  current().draw(view, out);
  ImGui::End();
  run_start_up(view, out);
  for (const Intent& intent : out) handle(intent, now);
}

void TerminalApp::draw_top_bar(const TerminalView& view, Intents& out) {
  const float h = ui::touch_size();
  const std::string where = current().title(view);
  // Where the person is, who is logged in and the time; the ways out on the right.
  const auto& staff = controller_.staff();
  const std::string who =
      (staff ? staff->name + " (" + std::string(to_string(staff->role)) + ")   " : std::string()) +
      clock_text(view.now);
  // The menu and the inventory only for those who may change them; the office (staff,
  // timesheet, audit log, devices) for managers, and "My hours" for everyone else.
  const bool menu = controller_.may(Permission::edit_menu);
  const bool counts = controller_.may(Permission::manage_stock);
  const bool office = may_open(controller_, OfficeTab::staff) ||
                      may_open(controller_, OfficeTab::audit) ||
                      may_open(controller_, OfficeTab::devices);
  const int count = 4 + (menu ? 1 : 0) + (counts ? 1 : 0);
  // A manager sees six ways out: narrower, so the title and who is there still fit.
  const ImVec2 nav{touch::px(count >= 6 ? 128 : 150), h * 0.85f};
  const float buttons = count * nav.x + (count - 1) * ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetWindowContentRegionMax().x - buttons;
  const float top = ImGui::GetCursorPosY();
  touch::big(where);
  ImGui::SameLine();
  const float title_end = ImGui::GetCursorPosX();
  // Who (with the role, if it fits) and the time beside the title.
  std::string shown = who;
  for (const std::string& shorter :
       {staff ? staff->name + "   " + clock_text(view.now) : who, clock_text(view.now)})
    if (title_end + ImGui::CalcTextSize(shown.c_str()).x + 20 >= right) shown = shorter;
  ImGui::SameLine(right - ImGui::CalcTextSize(shown.c_str()).x - 20);
  ImGui::SetCursorPosY(top + (nav.y - ImGui::GetTextLineHeight()) / 2);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::SameLine(right);
  ImGui::SetCursorPosY(top);
  auto go = [&](const char* label, Screen screen, const char* name, Intent intent) {
    if (touch::choice(label, nav, screen_ == screen, true, name)) out.push_back(std::move(intent));
    ImGui::SameLine();
  };
  go("Floor", Screen::floor, "nav.floor", ShowFloor{});
  go("86 list", Screen::stock, "nav.stock", ShowStock{});
  if (menu) go("Menu", Screen::menu, "nav.menu", ShowMenuEditor{});
  if (counts) go("Inventory", Screen::inventory, "nav.inventory", ShowInventory{});
  const bool in_office = screen_ == Screen::staff || screen_ == Screen::timesheet ||
                         screen_ == Screen::audit || screen_ == Screen::devices ||
                         screen_ == Screen::day;
  if (touch::choice(office ? "Office" : "My hours", nav, in_office, true, "nav.office"))
    out.push_back(office_entry(controller_));
  ImGui::SameLine();
  if (touch::button("Log out", nav, ui::shade(ui::colour::late, -0.15f), true, "nav.logout"))
    out.push_back(LogOut{});
}

void TerminalApp::draw_warnings(const TerminalView& view, Intents& out) {
  // The kitchen has not seen a ticket: say so plainly, one line per check (newest
  // first, at most two), naming every station that has not seen it.
  std::vector<std::vector<const StationAlert*>> checks;
  for (auto it = view.state.alerts().rbegin(); it != view.state.alerts().rend(); ++it) {
    auto same = std::find_if(checks.begin(), checks.end(),
                             [&](const auto& group) { return group[0]->label == it->label; });
    if (same != checks.end())
      same->push_back(&*it);
    else if (checks.size() < 2)
      checks.push_back({&*it});
  }
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const auto& group = checks[i];
    std::string stations;
    std::int64_t waiting = 0;
    for (std::size_t k = 0; k < group.size(); ++k) {
      stations += (k == 0                  ? ""
                   : k + 1 == group.size() ? " and "
                                           : ", ") +
                  view.state.station_name(group[k]->station);
      waiting = std::max(waiting, group[k]->waiting_ms);
    }
    std::string text = stations + (group.size() > 1 ? " have" : " has") + " not seen " +
                       group[0]->label + "'s ticket after " + ui::elapsed_text(0, waiting) +
                       ". Tell the kitchen.";
    ImGui::PushID(static_cast<int>(i));
    std::vector<std::string> names;
    for (const StationAlert* a : group)
      names.push_back("alert." + std::to_string(a->ticket_id) + "." + a->station);
    if (warning_strip(text, ui::colour::warning, names,
                      "alert.ok." + std::to_string(group[0]->ticket_id) + "." + group[0]->station))
      for (const StationAlert* a : group) out.push_back(DismissAlert{a->ticket_id, a->station});
    ImGui::PopID();
  }
  // Someone is trying PINs: the manager hears of it on every terminal.
  if (view.controller.may(Permission::manage_staff) && !view.state.lockouts().empty()) {
    const PinLockout& l = view.state.lockouts().back();
    std::string text = std::to_string(l.wrong_pins) + " wrong PINs in a row " +
                       (l.doing == "approval" ? "approving as " + l.staff_name + " " : "") + "on " +
                       l.device + ": locked until " + clock_text(l.until) + ".";
    if (view.state.lockouts().size() > 1)
      text += " (" + std::to_string(view.state.lockouts().size() - 1) + " more)";
    if (warning_strip(text, ui::colour::warning, {"alert.pin"}, "alert.pin.ok"))
      out.push_back(DismissLockouts{});
  }
  // Low stock: every terminal says so (a server can stop offering it), until dismissed; a
  // further ingredient running low brings it back.
  std::string low_text;
  bool new_low = false;
  for (const Ingredient* i : view.state.low_ingredients()) {
    low_text += (low_text.empty() ? "Low stock: " : ", ") + i->name + " " +
                amount_text(*i, view.state.on_hand(i->id).value_or(0));
    if (std::find(low_seen_.begin(), low_seen_.end(), i->id) == low_seen_.end()) new_low = true;
  }
  if (new_low &&
      warning_strip(low_text + ".", ui::colour::warning, {"alert.low"}, "alert.low.ok")) {
    low_seen_.clear();
    for (const Ingredient* i : view.state.low_ingredients()) low_seen_.push_back(i->id);
  }
  if (auto notice = controller_.notice()) {
    if (warning_strip(notice->text, ui::shade(ui::colour::late, -0.1f), {"notice"}, "notice.ok"))
      controller_.clear_notice();
  }
}

bool TerminalApp::warning_strip(const std::string& text, const ImVec4& colour,
                                const std::vector<std::string>& names, const std::string& ok_name) {
  ImVec2 at = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size() * 0.8f;
  ImGui::GetWindowDrawList()->AddRectFilled(at, {at.x + w, at.y + h}, ui::to_u32(colour), 4);
  ImGui::SetCursorScreenPos({at.x + 12, at.y + (h - ImGui::GetTextLineHeight()) / 2});
  // Black on amber reads best; white on red.
  const bool amber = colour.x == ui::colour::warning.x && colour.y == ui::colour::warning.y;
  ImGui::PushStyleColor(ImGuiCol_Text, amber ? ImVec4(0, 0, 0, 1) : ui::colour::text);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  for (const auto& name : names) touch::probe(name);
  ImGui::SetCursorScreenPos({at.x + w - touch::px(130), at.y});
  return touch::button("OK##" + ok_name, {touch::px(130), h}, ui::shade(colour, -0.25f), true,
                       ok_name);
}

void TerminalApp::run_start_up(const TerminalView& view, Intents& out) {
  if (start_up_done_) return;
  if (!state_.synced() || controller_.pending_count() > 0) return;
  const StartUp& s = start_up_;
  switch (start_up_step_) {
    case 0:  // log in
      if (!s.pin.empty() && !controller_.logged_in()) out.push_back(LogIn{s.pin});
      start_up_step_ = 1;
      return;
    case 1:  // the table
      if (!controller_.logged_in()) {
        start_up_done_ = true;  // the PIN was refused: the login screen says why
        return;
      }
      if (!s.table.empty()) {
        if (state_.checks_at_table(s.table).empty()) {
          CheckRequest r;
          r.table_id = s.table;
          r.guests = s.guests;
          out.push_back(OpenCheck{r});
        } else {
          floor_.tap_table(view, s.table, out);
        }
      }
      start_up_step_ = 2;
      return;
    case 2:                                                      // an item, and its choices
      if (!s.table.empty() && screen_ != Screen::order) return;  // waiting for the check
      if (!s.item.empty() && screen_ == Screen::order) {
        order_.tap_item(view, check_id_, s.item, out);
        for (const auto& m : s.modifiers) order_.choose_modifier(state_.menu(), m);
      }
      start_up_step_ = 3;
      return;
    case 3:  // where to finish
      if (s.screen == "payment" && check_id_) out.push_back(ShowPayment{check_id_});
      if (s.screen == "floor") out.push_back(ShowFloor{});
      if (s.screen == "stock") out.push_back(ShowStock{});
      if (s.screen == "inventory") {
        out.push_back(ShowInventory{});
        if (!s.item.empty()) inventory_.pick(view, s.item);  // an ingredient
      }
      if (s.screen == "devices") out.push_back(ShowDevices{});
      if (s.screen == "staff" || s.screen == "roles") out.push_back(ShowStaff{});
      if (s.screen == "roles") staff_.show_roles();
      if (s.screen == "staff" && !s.item.empty()) staff_.open(state_, s.item);  // a person
      if (s.screen == "timesheet") out.push_back(ShowTimesheet{});
      if (s.screen == "timesheet" && !s.item.empty()) timesheet_.pick(s.item, view.now);
      if (s.screen == "audit") out.push_back(ShowAudit{});
      if (s.screen == "day") out.push_back(ShowDay{});
      if (s.screen == "day" && s.item == "drawers") day_.show_drawers();
      if (s.screen == "menu") {
        out.push_back(ShowMenuEditor{});
        if (!s.item.empty()) menu_.open(state_.menu(), s.item);  // an item or a group
      }
      start_up_step_ = 4;
      return;
    default:
      if (!s.split.empty() && check_id_) {
        SplitPlan plan;
        if (s.split == "seat") {
          plan.kind = SplitKind::by_seat;
        } else if (s.split.rfind("even:", 0) == 0) {
          plan.kind = SplitKind::even;
          plan.parts = std::atoi(s.split.c_str() + 5);
        }
        if (plan.kind != SplitKind::none) out.push_back(SplitCheck{check_id_, plan});
      }
      start_up_done_ = true;
      return;
  }
}

}  // namespace brigade::terminal
