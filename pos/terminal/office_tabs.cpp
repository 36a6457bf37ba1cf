#include "office_tabs.h"

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {
struct Tab {
  OfficeTab tab;
  const char* label;
  const char* probe;
};
constexpr Tab kTabs[] = {{OfficeTab::staff, "Staff", "office.staff"},
                         {OfficeTab::timesheet, "Timesheet", "office.timesheet"},
                         {OfficeTab::audit, "Audit log", "office.audit"},
                         {OfficeTab::devices, "Devices", "office.devices"},
                         {OfficeTab::day, "Close day", "office.day"}};

Intent show(OfficeTab tab) {
  switch (tab) {
    case OfficeTab::staff:
      return ShowStaff{};
    case OfficeTab::audit:
      return ShowAudit{};
    case OfficeTab::day:
      return ShowDay{};
    case OfficeTab::devices:
      return ShowDevices{};
    case OfficeTab::timesheet:
      break;
  }
  return ShowTimesheet{};
}
}  // namespace

bool may_open(const Controller& controller, OfficeTab tab) {
  switch (tab) {
    case OfficeTab::staff:
      return controller.may(Permission::manage_staff);
    case OfficeTab::audit:
    case OfficeTab::day:
      return controller.may(Permission::run_reports);
    case OfficeTab::devices:
      return controller.may(Permission::manage_devices);
    case OfficeTab::timesheet:
      break;
  }
  return controller.logged_in();  // one's own hours
}

void office_tabs(const TerminalView& view, OfficeTab current, Intents& out) {
  int open = 0;
  for (const Tab& t : kTabs) open += may_open(view.controller, t.tab) ? 1 : 0;
  if (open < 2) return;  // one's own hours alone: no tabs to choose from
  // Five tabs leave room for a screen's own choices on the same line (staff: People, Roles).
  const ImVec2 size{touch::px(open >= 5 ? 150 : 190), ui::touch_size() * 0.75f};
  bool first = true;
  for (const Tab& t : kTabs) {
    if (!may_open(view.controller, t.tab)) continue;
    if (!first) ImGui::SameLine();
    first = false;
    if (touch::choice(t.label, size, t.tab == current, true, t.probe) && t.tab != current)
      out.push_back(show(t.tab));
  }
}

Intent office_entry(const Controller& controller) {
  for (const Tab& t : kTabs)
    if (may_open(controller, t.tab)) return show(t.tab);
  return ShowTimesheet{};
}

}  // namespace brigade::terminal
