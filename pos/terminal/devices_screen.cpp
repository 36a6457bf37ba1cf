#include "devices_screen.h"

#include "brigade/ui/theme.h"
#include "office_tabs.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr float kPanelWidth = 560;

std::string when(const Json& ms) {
  return ms.is_number_integer() ? date_time_text(ms.get<std::int64_t>()) : "";
}

std::string role_words(const std::string& role) {
  if (role == "kitchen") return "kitchen screen";
  if (role == "console") return "posctl";
  return role;
}

std::string stations_words(const Json& device) {
  std::string out;
  for (const auto& s : device.value("stations", Json::array()))
    if (s.is_string()) out += (out.empty() ? "" : ", ") + s.get<std::string>();
  return out;
}

std::string station_name(const Station& station) {
  return station.expo ? "Expo (the pass)" : station.name;
}

}  // namespace

void DevicesScreen::on_leave() {
  listed_ = false;
  selected_.clear();
  confirming_revoke_ = false;
  pairing_asked_ = false;
}

void DevicesScreen::draw_content(const TerminalView& view, Intents& out) {
  office_tabs(view, OfficeTab::devices, out);
  ImGui::Spacing();
  // Asked once per visit, and again whenever a device is paired or revoked.
  if (!listed_ || seen_changes_ != view.state.device_changes()) {
    listed_ = true;
    seen_changes_ = view.state.device_changes();
    out.push_back(ListDevices{});
  }
  const CommandRecord* list = view.controller.last("list_devices");
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##device-list", {avail.x - touch::px(kPanelWidth) - 12, avail.y}, false);
  touch::probe("devices.list");
  touch::heading("Paired devices");
  if (!list || list->pending())
    touch::dim("Asking the hub...");
  else if (list->state == CommandRecord::State::refused)
    touch::coloured(list->message, ui::colour::late);
  else
    draw_list(list_in(list->result, "devices"), list_in(list->result, "pairing"));
  touch::drag_scroll();
  ImGui::EndChild();

  ImGui::SameLine();
  ImGui::BeginChild("##device-panel", {touch::px(kPanelWidth), avail.y}, true);
  const Json* picked = nullptr;
  if (list && list->state == CommandRecord::State::done)
    for (const auto& d : list_in(list->result, "devices"))
      if (d.value("id", "") == selected_) picked = &d;
  if (picked)
    draw_device(view, *picked, out);
  else
    draw_pairing(view, out);
  ImGui::EndChild();
}

void DevicesScreen::draw_list(const Json& devices, const Json& pairing) {
  if (devices.empty()) touch::dim("No device is paired yet: pair the first one on the right.");
  const float w = ImGui::GetContentRegionAvail().x;
  for (const auto& d : devices) {
    const std::string id = d.value("id", "");
    const bool revoked = !d["revoked_at"].is_null();
    std::string detail = role_words(d.value("role", ""));
    if (std::string s = stations_words(d); !s.empty()) detail += ": " + s;
    detail += "   " + d.value("fingerprint", "");
    ImVec4 colour = id == selected_ ? ui::colour::accent
                    : revoked       ? ui::colour::disabled
                                    : touch::kTile;
    if (touch::tile("devices.device." + id, d.value("name", id), detail, {w, touch::px(84)}, colour,
                    true, revoked ? "REVOKED" : "")) {
      selected_ = id;
      confirming_revoke_ = false;
    }
  }
  if (!pairing.empty()) {
    touch::heading("Waiting for their device");
    for (const auto& p : pairing)
      touch::dim(p.value("name", "") + " (" + role_words(p.value("role", "")) +
                 "), code good until " + when(p["expires_at"]));
  }
}

void DevicesScreen::draw_device(const TerminalView& view, const Json& device, Intents& out) {
  const std::string id = device.value("id", "");
  const bool revoked = !device["revoked_at"].is_null();
  touch::big(device.value("name", id));
  touch::dim("id " + id + ", " + role_words(device.value("role", "")));
  if (std::string s = stations_words(device); !s.empty()) touch::dim("stations: " + s);
  touch::heading("Key fingerprint " + device.value("fingerprint", ""));
  touch::dim("paired " + when(device["paired_at"]) + " by " +
             view.state.staff_name(device.value("paired_by", "")));
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  if (revoked) {
    touch::coloured("Revoked " + when(device["revoked_at"]) +
                        ": it cannot connect. To use it again, pair it anew.",
                    ui::colour::late);
  } else if (!confirming_revoke_) {
    if (touch::button("Revoke", {w, h}, ui::colour::late, true, "devices.revoke"))
      confirming_revoke_ = true;
  } else {
    touch::coloured("It is cut off at once, and every terminal reconnects for a moment.",
                    ui::colour::warning);
    const float half = touch::share(2);
    if (touch::button("Revoke " + device.value("name", id), {half, h}, ui::colour::late, true,
                      "devices.revoke.confirm")) {
      out.push_back(RevokeDevice{id});
      confirming_revoke_ = false;
    }
    ImGui::SameLine();
    if (touch::button("Keep it", {half, h}, touch::kTile, true, "devices.revoke.cancel"))
      confirming_revoke_ = false;
  }
  if (const CommandRecord* r = view.controller.last("revoke_device");
      r && r->state == CommandRecord::State::refused)
    touch::coloured(r->message, ui::colour::late);
  ImGui::Spacing();
  if (touch::button("Pair a new device", {w, h}, touch::kTile, true, "devices.new")) {
    selected_.clear();
    confirming_revoke_ = false;
  }
}

void DevicesScreen::draw_pairing(const TerminalView& view, Intents& out) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  // The code the hub gave: what the person types on the new device.
  if (const CommandRecord* r = view.controller.last("start_pairing"); r && pairing_asked_) {
    if (r->pending()) {
      touch::dim("Asking the hub for a code...");
    } else if (r->state == CommandRecord::State::refused) {
      touch::coloured(r->message, ui::colour::late);
    } else {
      touch::heading("Pairing code for " + r->result.value("name", ""));
      ImGui::PushStyleColor(ImGuiCol_Text, ui::colour::warning);
      touch::big(r->result.value("code", ""));
      ImGui::PopStyleColor();
      touch::probe("devices.code");
      touch::dim("Good once, until " + when(r->result["expires_at"]) + ".");
      touch::dim("On the new device: start it with --key FILE --pair " +
                 r->result.value("code", "") + ".");
      touch::dim("It must show the hub fingerprint " + r->result.value("hub_fingerprint", "") +
                 ".");
      if (touch::button("Pair another", {w, h}, touch::kTile, true, "devices.another")) {
        pairing_asked_ = false;
        name_.clear();
        stations_.clear();
      }
      return;
    }
  }
  touch::heading("Pair a new device");
  name_.draw("devices.name", {w, touch::px(250)}, "what people call it: Grill screen");
  static const char* const kRoles[][2] = {
      {"terminal", "Terminal"}, {"kitchen", "Kitchen screen"}, {"console", "posctl"}};
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    if (touch::choice(kRoles[i][1], {touch::share(3 - i), h}, role_ == kRoles[i][0], true,
                      std::string("devices.role.") + kRoles[i][0]))
      role_ = kRoles[i][0];
  }
  if (role_ == "kitchen") {
    touch::dim("Its stations:");
    const int per_row = 3;
    int n = 0;
    for (const Station& s : view.state.menu().stations) {
      if (n++ % per_row != 0) ImGui::SameLine();
      const bool on = stations_.count(s.id) > 0;
      if (touch::choice(station_name(s), {touch::share(per_row - (n - 1) % per_row), h}, on, true,
                        "devices.station." + s.id)) {
        if (on)
          stations_.erase(s.id);
        else
          stations_.insert(s.id);
      }
    }
  }
  const bool ready = !name_.text().empty() && (role_ != "kitchen" || !stations_.empty());
  ImGui::Spacing();
  if (touch::button("Start pairing", {w, h}, ui::colour::accent, ready, "devices.start")) {
    std::vector<std::string> stations;
    if (role_ == "kitchen") stations.assign(stations_.begin(), stations_.end());
    out.push_back(StartPairing{name_.text(), role_, stations});
    pairing_asked_ = true;
  }
}

}  // namespace brigade::terminal
