// The back office's Staff screen headless, against a real hub in the same process: a
// manager adds a new server who then logs in with the PIN given; a PIN someone holds is
// refused; someone who has left is deactivated and logs in no more; and what a role may
// do changes from the grid, in the hub's table at once.
#include "staff_screen.h"

#include <gtest/gtest.h>

#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {

void type_pin(TerminalRig& t, const std::string& digits) {
  for (char d : digits) t.tap(std::string("staff.pin.") + d);
}

const Json* listed(const TerminalRig& t, const std::string& id) {
  const CommandRecord* list = t.controller.last("list_staff");
  if (!list || list->state != CommandRecord::State::done) return nullptr;
  for (const auto& m : list->result["staff"])
    if (m["id"] == id) return &m;
  return nullptr;
}

void add_person(TerminalRig& t, const std::string& name, const std::string& role,
                const std::string& pin) {
  t.tap("staff.new");
  t.tap("staff.keys.field");
  t.type(name);
  t.tap("staff.role." + role);
  t.tap("staff.field.pin");
  type_pin(t, pin);
  t.tap("staff.save");
  t.frame();  // the list is asked again on staff.changed
}

TEST(StaffScreen, TheManagerAddsANewServerWhoLogsInWithTheirPin) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.office");
  ASSERT_EQ(t.app.screen(), Screen::staff);
  ASSERT_TRUE(t.shows("staff.person.sam"));
  EXPECT_TRUE(t.shows("staff.person.alex"));  // inactive people are listed too

  // Without a PIN there is nothing to save: a new person needs one to log in with.
  t.tap("staff.new");
  t.tap("staff.keys.field");
  t.type("Maria Lopez");
  t.tap("staff.save");
  EXPECT_EQ(t.controller.last("save_staff"), nullptr);
  t.tap("staff.field.pin");
  type_pin(t, "1111");  // Sam's
  t.tap("staff.save");
  const CommandRecord* taken = t.controller.last("save_staff");
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(taken->state, CommandRecord::State::refused);
  EXPECT_EQ(taken->message, "that PIN is taken: choose another");
  EXPECT_EQ(listed(t, "maria-lopez"), nullptr);  // nothing added

  add_person(t, "Maria Lopez", "server", "5678");
  const CommandRecord* saved = t.controller.last("save_staff");
  ASSERT_EQ(saved->state, CommandRecord::State::done) << saved->message;
  ASSERT_NE(listed(t, "maria-lopez"), nullptr);  // the list follows at once
  EXPECT_EQ((*listed(t, "maria-lopez"))["role"], "server");
  EXPECT_TRUE(t.shows("staff.person.maria-lopez"));
  EXPECT_EQ(t.state.staff_name("maria-lopez"), "Maria Lopez");  // every terminal knows her

  // She logs in with the PIN the manager gave her, and takes orders.
  t.tap("nav.logout");
  t.log_in("5678");
  ASSERT_TRUE(t.controller.logged_in());
  EXPECT_EQ(t.controller.staff()->name, "Maria Lopez");
  EXPECT_EQ(t.controller.staff()->role, Role::server);
}

TEST(StaffScreen, SomeoneWhoHasLeftLogsInNoMore) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("staff.person.priya");
  t.tap("staff.deactivate");
  t.frame();
  const CommandRecord* saved = t.controller.last("save_staff");
  ASSERT_NE(saved, nullptr);
  ASSERT_EQ(saved->state, CommandRecord::State::done) << saved->message;
  ASSERT_NE(listed(t, "priya"), nullptr);
  EXPECT_EQ((*listed(t, "priya"))["active"], false);
  EXPECT_EQ(t.app.staff().draft().active, false);

  // Her PIN opens nothing now.
  t.tap("nav.logout");
  t.log_in("2222");
  EXPECT_FALSE(t.controller.logged_in());

  // A manager brings her back: a new PIN is needed.
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("staff.person.priya");
  t.tap("staff.save");
  EXPECT_EQ(t.controller.last("save_staff"), saved);  // no PIN: not offered
  t.tap("staff.field.pin");
  type_pin(t, "2468");
  t.tap("staff.save");
  ASSERT_EQ(t.controller.last("save_staff")->state, CommandRecord::State::done);
  t.frame();
  ASSERT_NE(listed(t, "priya"), nullptr);
  EXPECT_EQ((*listed(t, "priya"))["active"], true);
}

TEST(StaffScreen, AManagerCannotDeactivateThemselves) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("staff.person.dana");
  t.tap("staff.deactivate");  // greyed: the hub would refuse it too
  EXPECT_EQ(t.controller.last("save_staff"), nullptr);
}

TEST(StaffScreen, TheRolesGridChangesWhatARoleMayDoAtOnce) {
  TerminalRig t;
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("staff.mode.roles");
  ASSERT_FALSE(t.state.permissions().allows(Role::server, Permission::run_reports));
  EXPECT_FALSE(t.hub.other(kServerPin, "list_audit", Json::object()).ok());
  t.tap("roles.server.run_reports");
  const CommandRecord* r = t.controller.last("set_permission");
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->state, CommandRecord::State::done) << r->message;
  // The terminal's table is the hub's, from its permissions.changed, and the hub judges
  // by it from the next command, without a restart.
  EXPECT_TRUE(t.state.permissions().allows(Role::server, Permission::run_reports));
  EXPECT_TRUE(t.hub.other(kServerPin, "list_audit", Json::object()).ok());
  t.tap("roles.server.run_reports");
  EXPECT_FALSE(t.state.permissions().allows(Role::server, Permission::run_reports));
  EXPECT_FALSE(t.hub.other(kServerPin, "list_audit", Json::object()).ok());

  // The last manager's staff rights cannot be taken away: the hub says why.
  t.tap("roles.manager.manage_staff");
  const CommandRecord* refused = t.controller.last("set_permission");
  EXPECT_EQ(refused->state, CommandRecord::State::refused);
  EXPECT_TRUE(t.state.permissions().allows(Role::manager, Permission::manage_staff));
}

TEST(StaffScreen, AServerHasOnlyTheirOwnHours) {
  TerminalRig t;
  t.log_in(kServerPin);
  t.tap("nav.office");
  EXPECT_EQ(t.app.screen(), Screen::timesheet);
  EXPECT_FALSE(t.shows("office.staff"));
  t.app.handle(ShowStaff{}, t.now);  // even asked for directly
  EXPECT_EQ(t.app.screen(), Screen::timesheet);
  t.app.handle(ShowAudit{}, t.now);
  EXPECT_EQ(t.app.screen(), Screen::timesheet);
}

}  // namespace
