// The people of the store, for a manager: everyone with their role, inactive people too;
// adding a new server (a name, a role and a PIN), renaming, a new role or PIN, and
// deactivating someone who has left (kept for the checks that name them). And the roles:
// what each may do, as a grid a manager changes while the store runs; the hub enforces it.
#pragma once

#include <cstdint>
#include <string>

#include "brigade/domain/staff.h"
#include "follower.h"
#include "intents.h"
#include "keypad.h"
#include "screen_base.h"
#include "text_entry.h"
#include "view.h"

namespace brigade::terminal {

class StaffScreen : public ScreenBase {
 public:
  StaffScreen() : ScreenBase("##staff") {}
  std::string title(const TerminalView&) const override { return "Staff"; }

  enum class Mode { people, roles };
  enum class Field { none, name, pin };
  // The person in the form: as listed, or new.
  struct Draft {
    std::string id;  // "" until a new person is saved
    std::string name;
    Role role = Role::server;
    bool active = true;
  };
  const Draft& draft() const { return draft_; }
  void show_roles() { mode_ = Mode::roles; }
  // Opens an active person in the form, as a tap on them does.
  void open(const TerminalState& state, const std::string& staff_id);

 protected:
  void draw_content(const TerminalView& view, Intents& out) override;
  void on_leave() override;

 private:
  void draw_people(const TerminalView& view, const Json& staff);
  void draw_form(const TerminalView& view, const Json& staff, Intents& out);
  void draw_roles(const TerminalView& view, Intents& out);
  void edit(Draft draft, bool fresh);

  Mode mode_ = Mode::people;
  bool listed_ = false;             // asked the hub for the list on this visit
  std::uint64_t seen_changes_ = 0;  // staff events when it was asked
  Draft draft_;
  bool editing_ = false, fresh_ = false;
  bool applied_ = false;  // the last save's answer is in the form
  Field field_ = Field::none;
  TextEntry name_{64, TextEntry::Capitals::words};
  Keypad pin_{Keypad::Kind::pin, 6};
  Follower saving_;
};

// "Server", "Kitchen": a role as the staff say it.
std::string role_title(Role role);

}  // namespace brigade::terminal
