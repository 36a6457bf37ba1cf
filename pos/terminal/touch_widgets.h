// The terminal's own touch pieces on top of common/ui: tiles with wrapped names and a
// badge ("86", "3 left"), choice buttons that show which one is picked, coloured chips
// for a line's kitchen state, and the sizes that share a row fairly between buttons.
#pragma once

#include <imgui.h>

#include <string>

#include "brigade/ui/theme.h"
#include "brigade/ui/widgets.h"

namespace brigade::terminal::touch {

// A big button whose title wraps (item names are long), with a smaller detail line at
// the bottom and an optional badge in the top-right corner. Recorded by the probe as `id`.
// Disabled: greyed, never returns true.
bool tile(const std::string& id, const std::string& title, const std::string& detail, ImVec2 size,
          const ImVec4& colour, bool enabled = true, const std::string& badge = {},
          const ImVec4& badge_colour = ui::colour::late);

// A button that stays lit while it is the one picked (seat, course, split kind). Probed as
// `probe_name` when given.
bool choice(const std::string& label, ImVec2 size, bool selected, bool enabled = true,
            const std::string& probe_name = {});

// A choice whose label wraps onto two lines, centred (category names are long).
bool label_tile(const std::string& id, const std::string& label, ImVec2 size, bool selected);

// Records the last widget under `name` for tests and the system test's clicks, cut to
// the part of it that can be seen: a button scrolled out of its panel is not there to tap.
void probe(const std::string& name);

// A touch_button probed under a name.
bool button(const std::string& label, ImVec2 size, const ImVec4& colour, bool enabled,
            const std::string& probe_name);

// A small filled label, on the current line: "NEW", "sent", "held", "VOID".
void chip(const std::string& text, const ImVec4& colour);

// A dim label at the start of a row of buttons `height` tall, centred on them and
// `width` wide so that rows line up; the buttons follow on the same line.
void row_label(const std::string& text, float height, float width = 80);
void heading(const std::string& text);  // bold
void big(const std::string& text);      // totals, change due
void dim(const std::string& text);      // secondary words
void coloured(const std::string& text, const ImVec4& colour);

// A modal dialog over the screen, centred. Call every frame with whether it should be
// open: it opens and closes with `want_open`. When it returns true, draw the contents
// and call end_dialog().
bool begin_dialog(const char* id, bool want_open, ImVec2 size);
void end_dialog();

// Call at the end of a scrolling child: a finger dragged over it scrolls it, and the
// button the drag started on does not fire when the finger lifts.
void drag_scroll();

// Width of each of `count` buttons sharing `width` (the available width when 0).
float share(int count, float width = 0);

// A size in pixels at UI scale 1, at the scale in use (--scale).
inline float px(float at_scale_1) {
  return at_scale_1 * ui::touch_size() / 64.0f;
}

// The tile colour used for things to pick from (items, categories, tables).
inline const ImVec4 kTile{0.22f, 0.24f, 0.27f, 1.0f};

}  // namespace brigade::terminal::touch
