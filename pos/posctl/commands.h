// posctl's subcommands, one group per file: a group holds the arguments its subcommands
// read and adds those subcommands to the app; the one that is parsed sets `run`, which
// main() calls with the hub. Groups live as long as main(): their callbacks point at them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "hub_session.h"

namespace CLI {
class App;
}

namespace brigade::posctl {

using Run = std::function<void(Hub&)>;

// What every group is given.
struct CommandLine {
  CLI::App& app;
  const Options& options;
  Run& run;
};

// hello: is the hub there, and which restaurant is it (hello.cpp).
class HelloCommand {
 public:
  explicit HelloCommand(CommandLine cli);
};

// tail: what is happening, event by event, until Ctrl-C (tail.cpp).
class TailCommand {
 public:
  explicit TailCommand(CommandLine cli);
  TailCommand(const TailCommand&) = delete;
  TailCommand& operator=(const TailCommand&) = delete;

 private:
  std::vector<std::string> topics_;
};

// menu [export|import], 86, un86, stock, inventory [receive|count|waste]: what can be sold
// and what it is made of (menu.cpp).
class MenuCommands {
 public:
  explicit MenuCommands(CommandLine cli);
  MenuCommands(const MenuCommands&) = delete;
  MenuCommands& operator=(const MenuCommands&) = delete;

 private:
  void add_inventory(CommandLine cli);

  std::string category_;
  std::string item_;
  std::string count_;
  std::string file_;
  std::string ingredient_, note_, reason_;
  std::int64_t quantity_ = 0;
};

// staff list|save|deactivate, pin, roles [grant|revoke ROLE PERMISSION], clock, timesheet,
// punch, clock-rule: who works here, and when
// and what each role may do (staff.cpp).
class StaffCommands {
 public:
  explicit StaffCommands(CommandLine cli);
  StaffCommands(const StaffCommands&) = delete;
  StaffCommands& operator=(const StaffCommands&) = delete;

 private:
  void add_time_clock(CommandLine cli);

  std::string role_, permission_;
  std::string id_, name_, new_pin_, current_pin_;
  std::string action_, since_, until_, at_, kind_, reason_, rule_;
  std::int64_t punch_id_ = 0;
  bool remove_ = false;
};

// audit: who did what, from the audit log, as text or CSV (audit.cpp).
class AuditCommands {
 public:
  explicit AuditCommands(CommandLine cli);
  AuditCommands(const AuditCommands&) = delete;
  AuditCommands& operator=(const AuditCommands&) = delete;

 private:
  std::string since_, until_, action_, staff_;
  bool csv_ = false;
};

// day [open|close], report x|z, refund: the business day and its money (day.cpp).
class DayCommands {
 public:
  explicit DayCommands(CommandLine cli);
  DayCommands(const DayCommands&) = delete;
  DayCommands& operator=(const DayCommands&) = delete;

 private:
  void add_reports(CommandLine cli);
  bool carry_over_ = false;
  std::int64_t day_ = 0;
  bool csv_ = false;
  std::int64_t check_id_ = 0;
  std::vector<std::string> lines_;
  std::string reason_, reference_;
};

// open, add, send, order, fire: taking an order to the kitchen (orders.cpp).
class OrderCommands {
 public:
  explicit OrderCommands(CommandLine cli);
  OrderCommands(const OrderCommands&) = delete;
  OrderCommands& operator=(const OrderCommands&) = delete;

 private:
  void add_open_options(CLI::App* command);
  protocol::OpenCheck open_command() const;                 // a table, a tab or a pickup
  std::optional<std::vector<Course>> held_courses() const;  // --hold, read as courses

  std::string table_, tab_, customer_, phone_, channel_;
  int guests_ = 0;
  std::int64_t check_id_ = 0;
  std::string item_;
  int quantity_ = 1, seat_ = 0;
  std::string course_, note_;
  std::vector<std::string> modifiers_;
  std::vector<std::string> hold_;
  std::vector<std::string> items_;
};

// checks, show, void, discount, pay, split, close: the check after the order (checks.cpp).
class CheckCommands {
 public:
  explicit CheckCommands(CommandLine cli);
  CheckCommands(const CheckCommands&) = delete;
  CheckCommands& operator=(const CheckCommands&) = delete;

 private:
  std::int64_t check_id_ = 0;
  std::int64_t line_id_ = 0;
  std::string reason_;
  int void_quantity_ = 0;
  std::string amount_, tip_, percent_, tender_, reference_;
  bool comp_ = false;
  int part_ = 0;
  std::string split_kind_;
  int parts_ = 0;
};

// tickets, bump, serve, rush: the kitchen's side (kitchen.cpp).
class KitchenCommands {
 public:
  explicit KitchenCommands(CommandLine cli);
  KitchenCommands(const KitchenCommands&) = delete;
  KitchenCommands& operator=(const KitchenCommands&) = delete;

 private:
  // A command's kind and args, made from the options once they are parsed.
  using TypedCommand = std::pair<std::string_view, Json>;
  template <class Command>
  static TypedCommand typed(const Command& command) {
    return {Command::kind, protocol::to_json(command)};
  }
  void add_ticket_command(CommandLine cli, const char* name, const char* help, bool with_station,
                          std::function<TypedCommand()> make);

  std::vector<std::string> stations_;
  std::int64_t ticket_id_ = 0;
  std::string station_;
};

// devices pair, list, revoke: which devices may talk to the hub (devices.cpp).
class DeviceCommands {
 public:
  explicit DeviceCommands(CommandLine cli);
  DeviceCommands(const DeviceCommands&) = delete;
  DeviceCommands& operator=(const DeviceCommands&) = delete;

 private:
  std::string name_, role_, device_id_;
  std::vector<std::string> stations_;
};

}  // namespace brigade::posctl
