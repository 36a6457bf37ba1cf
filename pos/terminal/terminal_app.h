// The terminal: which screen is showing, the bar across the top (who is logged in, the
// clock, the way back to the floor), the offline banner and the warnings, and where each
// intent goes: a change of screen, or the Controller. Screens are registered here, in one
// list, and drawn one at a time; each lives in its own file (ScreenBase).
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "audit_screen.h"
#include "brigade/ui/widgets.h"
#include "day_screen.h"
#include "devices_screen.h"
#include "floor_screen.h"
#include "inventory_screen.h"
#include "login_screen.h"
#include "menu_screen.h"
#include "order_screen.h"
#include "payment_screen.h"
#include "staff_screen.h"
#include "stock_screen.h"
#include "timesheet_screen.h"
#include "view.h"

namespace brigade::terminal {

enum class Screen {
  login,
  floor,
  order,
  payment,
  stock,
  devices,
  menu,
  inventory,
  staff,
  timesheet,
  audit,
  day
};

struct TerminalOptions {
  int idle_logout_s = 0;  // log out after this long without a touch; 0: never
};

// Steps the terminal takes by itself after start-up, through the same taps and intents
// a person makes: for screenshots and demos ("--pin 1111 --table 12 --item classic-burger").
struct StartUp {
  std::string pin;    // log in
  std::string table;  // tap this table: resume its check, or open it for `guests`
  int guests = 2;
  std::string item;                    // on the order screen, tap this item
  std::vector<std::string> modifiers;  // then these choices in its dialog
  // finish on "floor", "order", "payment", "stock", "devices", "menu", "inventory",
  // "staff", "roles", "timesheet", "audit" or "day"
  std::string screen;
  std::string split;  // on the payment screen: "seat", "even:3"
};

class TerminalApp {
 public:
  TerminalApp(TerminalState& state, Controller& controller, TerminalOptions options = {});

  // One frame, between ImGui::NewFrame() and ImGui::Render().
  void frame(EpochMs now);
  // Acts on one intent as if a screen had emitted it.
  void handle(const Intent& intent, EpochMs now);

  Screen screen() const { return screen_; }
  std::int64_t check_id() const { return check_id_; }
  void start_up(StartUp steps) {
    start_up_ = std::move(steps);
    start_up_step_ = 0;
    start_up_done_ = false;
  }
  // Synced with the hub and online, nothing waiting, start-up steps done, and the state quiet for a
  // moment (the events of the last command have come in): what a screenshot waits for.
  bool settled() const;

  LoginScreen& login() { return login_; }
  FloorScreen& floor() { return floor_; }
  OrderScreen& order() { return order_; }
  PaymentScreen& payment() { return payment_; }
  StockScreen& stock() { return stock_; }
  DevicesScreen& devices() { return devices_; }
  MenuScreen& menu_editor() { return menu_; }
  InventoryScreen& inventory() { return inventory_; }
  StaffScreen& staff() { return staff_; }
  TimesheetScreen& timesheet() { return timesheet_; }
  AuditScreen& audit() { return audit_; }
  DayScreen& day() { return day_; }

 private:
  void follow_controller(EpochMs now);
  // The screen showing, from the registry.
  ScreenBase& current() const;
  // A new screen: the old one's dialogs close, in the screens and in ImGui.
  void leave_screen_if_changed();
  void watch_idle(EpochMs now);
  void run_start_up(const TerminalView& view, Intents& out);
  void draw_top_bar(const TerminalView& view, Intents& out);
  void draw_warnings(const TerminalView& view, Intents& out);
  // One strip of `colour` across the screen, its text probed under `names`, with an OK
  // button (probed as `ok_name`); true when OK is tapped.
  static bool warning_strip(const std::string& text, const ImVec4& colour,
                            const std::vector<std::string>& names, const std::string& ok_name);

  TerminalState& state_;
  Controller& controller_;
  TerminalOptions options_;
  Screen screen_ = Screen::login;
  std::vector<std::string> low_seen_;  // the low ingredients when the strip was dismissed
  Screen drawn_ = Screen::login;       // the screen drawn last frame
  std::int64_t check_id_ = 0;
  EpochMs last_touch_ = 0;
  StartUp start_up_;
  int start_up_step_ = 0;
  bool start_up_done_ = true;
  std::uint64_t seen_version_ = 0;  // the state's version at the last frame
  EpochMs last_change_ = 0;         // when it last changed
  EpochMs last_frame_ = 0;

  LoginScreen login_;
  FloorScreen floor_;
  OrderScreen order_;
  PaymentScreen payment_;
  StockScreen stock_;
  DevicesScreen devices_;
  MenuScreen menu_;
  InventoryScreen inventory_;
  StaffScreen staff_;
  TimesheetScreen timesheet_;
  AuditScreen audit_;
  DayScreen day_;
  // Every screen, once: what is drawn, and whose dialogs close on leaving.
  const std::array<std::pair<Screen, ScreenBase*>, 12> screens_{{
      {Screen::login, &login_},
      {Screen::floor, &floor_},
      {Screen::order, &order_},
      {Screen::payment, &payment_},
      {Screen::stock, &stock_},
      {Screen::devices, &devices_},
      {Screen::menu, &menu_},
      {Screen::inventory, &inventory_},
      {Screen::staff, &staff_},
      {Screen::timesheet, &timesheet_},
      {Screen::audit, &audit_},
      {Screen::day, &day_},
  }};
};

}  // namespace brigade::terminal
