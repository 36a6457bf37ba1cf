// What every dialog shares: a centred modal of a fixed size, opened by a flag the dialog
// keeps. draw() owns the popup's Begin/End and closes it when the flag goes down; a
// dialog draws only its content. The screen that owns a dialog registers it
// (ScreenBase::has_dialogs), draws it after its own content and closes it when the
// person leaves the screen.
#pragma once

#include <imgui.h>

#include "intents.h"
#include "view.h"

namespace brigade::terminal {

class DialogBase {
 public:
  // id: the popup's ImGui id ("##void"); size: in touch pixels (touch::px).
  DialogBase(const char* id, ImVec2 size) : id_(id), size_(size) {}
  virtual ~DialogBase() = default;

  // The modal, if open: between ImGui::NewFrame() and ImGui::Render(), in the window of
  // the screen that owns it.
  void draw(const TerminalView& view, Intents& out);
  bool is_open() const { return open_; }
  // Nothing it had open comes back later.
  void close() {
    open_ = false;
    on_close();
  }

 protected:
  virtual void draw_content(const TerminalView& view, Intents& out) = 0;
  virtual void on_close() {}
  // A dialog that is several modals in turn (OpenCheckDialog) picks which before it opens;
  // the modal under the old id closes.
  void look(const char* id, ImVec2 size) {
    id_ = id;
    size_ = size;
  }

  bool open_ = false;

 private:
  const char* id_;
  ImVec2 size_;
  const char* drawn_id_ = nullptr;  // the id drawn last, while look() changes it
};

}  // namespace brigade::terminal
