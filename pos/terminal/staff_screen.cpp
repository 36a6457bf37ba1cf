#include "staff_screen.h"

#include "brigade/ui/theme.h"
#include "menu_screen.h"  // id_from_name
#include "office_tabs.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr float kFormWidth = 560;

// What each permission lets a role do, in the words on the grid.
std::string permission_words(Permission p) {
  switch (p) {
    case Permission::take_orders:
      return "Take orders";
    case Permission::void_sent_line:
      return "Void sent items";
    case Permission::comp:
      return "Comp";
    case Permission::discount:
      return "Discount";
    case Permission::take_payment:
      return "Take payment";
    case Permission::transfer_check:
      return "Move, merge checks";
    case Permission::eighty_six:
      return "86 items, counts";
    case Permission::edit_menu:
      return "Edit the menu";
    case Permission::run_reports:
      return "Reports, audit, hours";
    case Permission::manage_staff:
      return "Staff, PINs, roles";
    case Permission::work_tickets:
      return "Work tickets";
    case Permission::manage_devices:
      return "Devices";
    case Permission::manage_stock:
      return "Inventory";
    case Permission::refund:
      return "Refunds";
  }
  return std::string(to_string(p));
}

StaffScreen::Draft draft_of(const Json& member) {
  StaffScreen::Draft d;
  d.id = member.value("id", "");
  d.name = member.value("name", "");
  d.role = role_from_string(member.value("role", "")).value_or(Role::server);
  d.active = member.value("active", true);
  return d;
}

}  // namespace

std::string role_title(Role role) {
  std::string words(to_string(role));
  if (!words.empty()) words[0] = static_cast<char>(words[0] - 'a' + 'A');
  return words;
}

void StaffScreen::open(const TerminalState& state, const std::string& staff_id) {
  for (const StaffMember& m : state.staff())
    if (m.id == staff_id) edit(Draft{m.id, m.name, m.role, true}, false);
}

void StaffScreen::on_leave() {
  listed_ = false;
  field_ = Field::none;
  saving_.stop();
}

void StaffScreen::edit(Draft draft, bool fresh) {
  draft_ = std::move(draft);
  editing_ = true;
  fresh_ = fresh;
  field_ = fresh ? Field::name : Field::none;
  name_.set_text(draft_.name);
  pin_.clear();
  saving_.stop();
}

void StaffScreen::draw_content(const TerminalView& view, Intents& out) {
  office_tabs(view, OfficeTab::staff, out);
  // Asked once per visit, and again whenever someone is saved or a role changes.
  if (!listed_ || seen_changes_ != view.state.staff_changes()) {
    listed_ = true;
    seen_changes_ = view.state.staff_changes();
    out.push_back(ListStaff{});
  }
  const float h = ui::touch_size() * 0.75f;
  ImGui::SameLine(0, touch::px(40));
  if (touch::choice("People", {touch::px(160), h}, mode_ == Mode::people, true,
                    "staff.mode.people"))
    mode_ = Mode::people;
  ImGui::SameLine();
  if (touch::choice("Roles", {touch::px(160), h}, mode_ == Mode::roles, true, "staff.mode.roles"))
    mode_ = Mode::roles;
  if (mode_ == Mode::roles) {
    draw_roles(view, out);
    return;
  }
  const CommandRecord* list = view.controller.last("list_staff");
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##staff.list", {avail.x - touch::px(kFormWidth) - 12, avail.y}, false);
  touch::probe("staff.list");
  if (!list || list->pending())
    touch::dim("Asking the hub...");
  else if (list->state == CommandRecord::State::refused)
    touch::coloured(list->message, ui::colour::late);
  else
    draw_people(view, list_in(list->result, "staff"));
  touch::drag_scroll();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##staff.form", {touch::px(kFormWidth), avail.y}, true);
  static const Json kNobody = Json::array();
  draw_form(
      view,
      list && list->state == CommandRecord::State::done ? list_in(list->result, "staff") : kNobody,
      out);
  ImGui::EndChild();
}

void StaffScreen::draw_people(const TerminalView&, const Json& staff) {
  const float width = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(1, static_cast<int>(width / touch::px(230)));
  const float w = touch::share(columns, width);
  const float h = touch::px(88);
  if (touch::tile("staff.new", "+ New person", "a name, a role and a PIN", {w, h},
                  ui::shade(ui::colour::accent, -0.25f)))
    edit(Draft{}, true);
  int n = 1;
  for (const Json& member : staff) {
    const Draft d = draft_of(member);
    if (n++ % columns != 0) ImGui::SameLine();
    const bool picked = editing_ && !fresh_ && d.id == draft_.id;
    const ImVec4 colour = picked      ? ui::colour::accent
                          : !d.active ? ui::colour::disabled
                                      : touch::kTile;
    if (touch::tile("staff.person." + d.id, d.name, role_title(d.role), {w, h}, colour, true,
                    d.active ? "" : "inactive"))
      edit(d, false);
  }
}

void StaffScreen::draw_form(const TerminalView& view, const Json& staff, Intents& out) {
  if (!editing_) {
    touch::dim("Tap someone to change their name, role or PIN, or + New person.");
    return;
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  if (field_ == Field::name) draft_.name = name_.text();
  const bool has_pin = pin_.digits().size() >= 4;
  const bool me = view.controller.staff() && view.controller.staff()->id == draft_.id;

  touch::big(fresh_ ? "New person" : draft_.name);
  if (!draft_.active)
    touch::coloured("Inactive: they cannot log in. A new PIN brings them back.", ui::colour::late);
  const CommandRecord* r = saving_.record(view.controller);
  if (r) {
    if (r->pending()) {
      touch::dim("Saving...");
    } else if (r->state == CommandRecord::State::refused) {
      touch::coloured("Not saved: " + r->message, ui::colour::late);
    } else {
      // Saved: the form is that person as the hub has them now (a new one is no longer new).
      if (!applied_) draft_ = draft_of(r->result["staff"]);
      applied_ = true;
      fresh_ = false;
      touch::coloured("Saved: " + draft_.name + " can log in" + (draft_.active ? "" : " no more"),
                      ui::colour::ok);
    }
  }
  const bool waiting = r && r->pending();
  auto send = [&](bool active) {
    protocol::SaveStaff save;
    save.id = draft_.id;
    if (fresh_) {
      std::vector<std::string> taken;
      for (const Json& m : staff) taken.push_back(m.value("id", ""));
      save.id = id_from_name(draft_.name, taken);
    }
    save.name = draft_.name;
    save.role = draft_.role;
    save.active = active;
    if (active && has_pin) save.pin = pin_.digits();
    saving_.start(view.controller, "save_staff");
    out.push_back(SaveStaffMember{save});
    applied_ = false;
    field_ = Field::none;
    pin_.clear();  // not kept on screen
  };
  // A new person, or someone coming back, needs a PIN to log in with.
  const bool ready =
      !waiting && !draft_.name.empty() && (draft_.active && !fresh_ ? true : has_pin);
  const float half = touch::share(2, width);
  if (touch::button(fresh_           ? "Add " + (draft_.name.empty() ? "them" : draft_.name)
                    : !draft_.active ? "Bring back"
                                     : "Save",
                    {draft_.active && !fresh_ ? half : width, h}, ui::colour::accent, ready,
                    "staff.save"))
    send(true);
  if (draft_.active && !fresh_) {
    ImGui::SameLine();
    if (touch::button("Has left", {half, h}, ui::shade(ui::colour::late, -0.15f), !me && !waiting,
                      "staff.deactivate"))
      send(false);
  }

  auto field_button = [&](const std::string& label, Field f, const char* probe) {
    if (touch::choice(label, {width, h * 0.8f}, field_ == f, true, probe)) {
      field_ = field_ == f ? Field::none : f;
      if (f == Field::name) name_.set_text(draft_.name);
    }
  };
  field_button("Name: " + (draft_.name.empty() ? std::string("-") : draft_.name), Field::name,
               "staff.field.name");
  touch::heading("Role");
  const auto& roles = all_roles();
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (i) ImGui::SameLine();
    if (touch::choice(
            role_title(roles[i]), {touch::share(static_cast<int>(roles.size()), width), h * 0.8f},
            draft_.role == roles[i], true, "staff.role." + std::string(to_string(roles[i]))))
      draft_.role = roles[i];
  }
  std::string pin_words = has_pin                    ? std::string(pin_.digits().size(), '*')
                          : fresh_ || !draft_.active ? std::string("needed, 4 to 6 digits")
                                                     : std::string("unchanged");
  field_button("PIN: " + pin_words, Field::pin, "staff.field.pin");
  ImGui::Spacing();
  if (field_ == Field::name) name_.draw("staff.keys", {width, touch::px(300)}, "their name");
  if (field_ == Field::pin) {
    touch::dim("The new PIN: they log in and clock in with it.");
    pin_.draw("staff.pin", {width, touch::px(260)});
  }
}

void StaffScreen::draw_roles(const TerminalView& view, Intents& out) {
  const Permissions& table = view.state.permissions();
  if (const CommandRecord* r = view.controller.last("set_permission");
      r && r->state == CommandRecord::State::refused)
    touch::coloured(r->message, ui::colour::late);
  else
    touch::dim(
        "What each role may do. Tap to allow or stop: the hub enforces it at once, on "
        "every terminal.");
  ImGui::BeginChild("##staff.roles", ImGui::GetContentRegionAvail(), false);
  const float width = ImGui::GetContentRegionAvail().x;
  const float label_w = touch::px(290);
  const auto& roles = all_roles();
  const float cell = (width - label_w) / static_cast<float>(roles.size()) - 8;
  const float h = touch::px(40);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {ImGui::GetStyle().ItemSpacing.x, 4});
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  touch::row_label("", h, label_w);
  for (Role role : roles) touch::row_label(role_title(role), h, cell + gap);
  ImGui::Dummy({1, h});  // ends the row of headings
  for (Permission p : all_permissions()) {
    touch::row_label(permission_words(p), h, label_w);
    bool first = true;
    for (Role role : roles) {
      if (!first) ImGui::SameLine();
      first = false;
      const bool allowed = table.allows(role, p);
      const std::string name =
          "roles." + std::string(to_string(role)) + "." + std::string(to_string(p));
      if (touch::choice((allowed ? "yes##" : "-##") + name, {cell, h}, allowed, true, name))
        out.push_back(SetRolePermission{protocol::SetPermission{role, p, !allowed}});
    }
  }
  ImGui::PopStyleVar();
  touch::drag_scroll();
  ImGui::EndChild();
}

}  // namespace brigade::terminal
