#include "dialog_base.h"

#include "touch_widgets.h"

namespace brigade::terminal {

void DialogBase::draw(const TerminalView& view, Intents& out) {
  if (!touch::begin_dialog(id_, open_, {touch::px(size_.x), touch::px(size_.y)})) return;
  draw_content(view, out);
  touch::end_dialog();
}

}  // namespace brigade::terminal
