#include "audit_screen.h"

#include "brigade/ui/theme.h"
#include "office_tabs.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr float kPanelWidth = 560;
// The families a manager asks about, as list_audit's `action` filter.
const char* const kFamilies[][2] = {
    {"", "Everything"},   {"line", "Voids"},         {"check", "Discounts"},
    {"menu", "Menu"},     {"stock", "Stock"},        {"staff", "Staff"},
    {"clock", "Punches"}, {"override", "Approvals"}, {"device", "Devices"}};

std::string spaced(std::string words) {
  for (char& c : words)
    if (c == '_' || c == '.') c = ' ';
  return words;
}

}  // namespace

std::string action_words(const std::string& action) {
  // The stock commands by the kitchen's own words.
  if (action == "stock.eighty_six") return "86'd";
  if (action == "stock.un_eighty_six") return "Back on (un-86)";
  if (action == "stock.set_stock") return "Portions left set";
  const auto dot = action.find('.');
  std::string family = action.substr(0, dot);
  std::string rest = dot == std::string::npos ? "" : spaced(action.substr(dot + 1));
  std::string words = family == "override" || family == "menu" ? family + ": " + rest
                      : rest.empty()                           ? family
                                                               : family + " " + rest;
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') words[0] = words[0] - 'a' + 'A';
  return words;
}

void AuditScreen::draw_content(const TerminalView& view, Intents& out) {
  office_tabs(view, OfficeTab::audit, out);
  ImGui::Spacing();
  if (!asked_) {
    asked_ = true;
    protocol::ListAudit ask;
    // "Today" is from local midnight; 7 days, from midnight six days before.
    ask.since = add_days(local_midnight(view.now), 1 - days_);
    if (!family_.empty()) ask.action = family_;
    if (!staff_id_.empty()) ask.staff_id = staff_id_;
    if (after_id_ > 0) ask.after_id = after_id_;
    ask.limit = kPage;
    out.push_back(ReadAudit{ask});
  }
  draw_filters(view);
  const CommandRecord* page = view.controller.last("list_audit");
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##audit.entries", {avail.x - touch::px(kPanelWidth) - 12, avail.y}, false);
  touch::probe("audit.list");
  if (!page || page->pending())
    touch::dim("Asking the hub...");
  else if (page->state == CommandRecord::State::refused)
    touch::coloured(page->message, ui::colour::late);
  else
    draw_entries(view, list_in(page->result, "entries"), out);
  touch::drag_scroll();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##audit.entry", {touch::px(kPanelWidth), avail.y}, true);
  const Json* picked = nullptr;
  if (page && page->state == CommandRecord::State::done)
    for (const Json& e : list_in(page->result, "entries"))
      if (e.value("id", std::int64_t{0}) == picked_) picked = &e;
  if (picked)
    draw_entry(view, *picked);
  else
    draw_people(view);
  ImGui::EndChild();
}

void AuditScreen::draw_filters(const TerminalView& view) {
  const float h = ui::touch_size() * 0.7f;
  const float w = ImGui::GetContentRegionAvail().x;
  const int count = static_cast<int>(std::size(kFamilies));
  for (int i = 0; i < count; ++i) {
    if (i) ImGui::SameLine();
    const char* family = kFamilies[i][0];
    if (touch::choice(kFamilies[i][1], {touch::share(count, w), h}, family_ == family, true,
                      std::string("audit.family.") + (family[0] ? family : "all"))) {
      family_ = family;
      ask_again();
    }
  }
  const std::pair<int, const char*> periods[] = {{1, "Today"}, {7, "7 days"}, {30, "30 days"}};
  for (const auto& [days, label] : periods) {
    if (days != 1) ImGui::SameLine();
    if (touch::choice(label, {touch::px(130), h}, days_ == days, true,
                      "audit.days." + std::to_string(days))) {
      days_ = days;
      ask_again();
    }
  }
  ImGui::SameLine();
  touch::row_label("  by " + (staff_id_.empty() ? std::string("anyone (choose on the right)")
                                                : view.state.staff_name(staff_id_)),
                   h, touch::px(400));
  ImGui::Dummy({1, h});  // ends the row
}

void AuditScreen::draw_people(const TerminalView& view) {
  touch::dim("Tap an entry to see what it was before and after.");
  touch::heading("Whose actions");
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size() * 0.7f;
  const int per_row = 3;
  std::vector<std::pair<std::string, std::string>> people{{"", "Anyone"}};
  for (const StaffMember& m : view.state.staff()) people.emplace_back(m.id, m.name);
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (i % per_row) ImGui::SameLine();
    const auto& [id, name] = people[i];
    if (touch::choice(name, {touch::share(per_row, w), h}, staff_id_ == id, true,
                      "audit.staff." + (id.empty() ? std::string("all") : id))) {
      staff_id_ = id;
      ask_again();
    }
  }
}

void AuditScreen::draw_entries(const TerminalView& view, const Json& entries, Intents&) {
  const float w = ImGui::GetContentRegionAvail().x;
  // Paging at the top, in reach however long the page: a full page may be followed by
  // more, asked from its last entry on.
  const float h = ui::touch_size() * 0.7f;
  const bool full = static_cast<int>(entries.size()) == kPage;
  if (after_id_ > 0 || full) {
    if (touch::button("First page", {touch::share(2, w), h}, touch::kTile, after_id_ > 0,
                      "audit.first"))
      ask_again();
    ImGui::SameLine();
    if (touch::button("Next page", {touch::share(2, w), h}, touch::kTile, full, "audit.next")) {
      const std::int64_t last = entries.back().value("id", std::int64_t{0});
      ask_again();
      after_id_ = last;
    }
  }
  if (entries.empty())
    touch::dim(after_id_ > 0 ? "No more entries." : "Nothing recorded that matches.");
  for (const Json& e : entries) {
    const std::int64_t id = e.value("id", std::int64_t{0});
    std::string who = view.state.staff_name(e.value("staff_id", ""));
    if (const std::string by = e.value("approved_by", ""); !by.empty())
      who += ", approved by " + view.state.staff_name(by);
    std::string detail = e.value("subject", "") + "   " + who + " on " + e.value("device", "");
    if (const std::string why = e.value("reason", ""); !why.empty()) detail += ": " + why;
    if (touch::tile(
            "audit.entry." + std::to_string(id),
            clock_text(e.value("at", EpochMs{0})) + "   " + action_words(e.value("action", "")),
            detail, {w, touch::px(72)}, id == picked_ ? ui::colour::accent : touch::kTile))
      picked_ = id;
  }
}

void AuditScreen::draw_entry(const TerminalView& view, const Json& e) {
  if (touch::button("Close", {ImGui::GetContentRegionAvail().x, ui::touch_size() * 0.7f},
                    touch::kTile, true, "audit.close"))
    picked_ = 0;
  touch::big(action_words(e.value("action", "")));
  touch::heading(e.value("subject", ""));
  touch::dim(date_time_text(e.value("at", EpochMs{0}), true) + " on " + e.value("device", ""));
  touch::dim("by " + view.state.staff_name(e.value("staff_id", "")) +
             (e.value("approved_by", "").empty()
                  ? std::string()
                  : ", approved by " + view.state.staff_name(e.value("approved_by", ""))));
  if (const std::string why = e.value("reason", ""); !why.empty()) touch::dim("why: " + why);
  ImGui::BeginChild("##audit.before_after", ImGui::GetContentRegionAvail(), false);
  auto show = [](const char* label, const Json& j) {
    touch::heading(label);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(j.is_null() ? "(nothing)" : j.dump(2).c_str());
    ImGui::PopTextWrapPos();
  };
  show("Before", e.contains("before") ? e["before"] : Json());
  show("After", e.contains("after") ? e["after"] : Json());
  touch::drag_scroll();
  ImGui::EndChild();
}

}  // namespace brigade::terminal
