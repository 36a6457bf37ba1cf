// The back office's screens (staff, the timesheet, the audit log, the devices, closing the
// day) share one
// row of tabs under the top bar, each tab shown only to whoever may use it. Everyone has
// the timesheet: their own hours.
#pragma once

#include "intents.h"
#include "view.h"

namespace brigade::terminal {

enum class OfficeTab { day, staff, timesheet, audit, devices };

// Whether the person may open this part of the office.
bool may_open(const Controller& controller, OfficeTab tab);
// The row of tabs, `current` lit (nothing when only one may be opened); a tap emits the screen's
// Show intent. Probed as "office.staff", "office.timesheet", "office.audit", "office.devices",
// "office.day". A
// screen may put its own choices on the same line (SameLine).
void office_tabs(const TerminalView& view, OfficeTab current, Intents& out);
// Where the top bar's Office button goes: the first tab the person may open.
Intent office_entry(const Controller& controller);

}  // namespace brigade::terminal
