#include "dialog_base.h"

#include <cstring>

#include "touch_widgets.h"

namespace brigade::terminal {

void DialogBase::draw(const TerminalView& view, Intents& out) {
  if (drawn_id_ && std::strcmp(drawn_id_, id_) != 0)
    touch::begin_dialog(drawn_id_, false, {touch::px(size_.x), touch::px(size_.y)});  // closes it
  drawn_id_ = id_;
  if (!touch::begin_dialog(id_, open_, {touch::px(size_.x), touch::px(size_.y)})) return;
  draw_content(view, out);
  touch::end_dialog();
}

}  // namespace brigade::terminal
