// posctl: the hub from a shell, for operators and scripts. Places orders, 86's items,
// shows open checks and tickets, tails events. Exit codes: 0 done, 1 the hub refused,
// 2 bad usage, 3 the hub did not answer.
//
// One file per group of subcommands (commands.h); this one builds the command line.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "brigade/client/device_options.h"
#include "commands.h"

int main(int argc, char** argv) {
  using namespace brigade::posctl;
  Options o;
  if (const char* pin = std::getenv("BRIGADE_PIN")) o.pin = pin;
  CLI::App app{"posctl: drive a Brigade hub from the shell"};
  app.require_subcommand(1);
  app.add_option("--commands", o.commands, "hub command endpoint")->capture_default_str();
  app.add_option("--events", o.events, "hub event endpoint")->capture_default_str();
  app.add_option("--device", o.device,
                 "device id sent with each command (a paired posctl is known by its pairing)")
      ->capture_default_str();
  app.add_option("--pin", o.pin, "staff PIN to log in with (or env BRIGADE_PIN)");
  app.add_option("--approve", o.approve, "a manager's PIN approving this command");
  app.add_option("--timeout", o.timeout_s, "seconds to wait for the hub")->capture_default_str();
  app.add_flag("--json", o.json, "print the hub's JSON result instead of text");
  // Which keys to connect with (docs/protocol.md section 10); none: a development hub.
  brigade::client::DeviceSetup keys;
  brigade::client::add_device_options(app, keys);
  app.add_option("--console", keys.console,
                 "on the hub's machine: connect with the hub's own keys from this folder "
                 "(pos-server --keys); how a new store pairs its first device")
      ->excludes("--key");

  // Each subcommand fills `run`; it is called once the line is parsed.
  Run run;
  CommandLine cli{app, o, run};
  // In this order in --help: from the hub and the menu, through the order and the check, to
  // the kitchen and the event log.
  HelloCommand hello(cli);
  MenuCommands menu(cli);
  AuditCommands audit(cli);
  StaffCommands staff(cli);
  DayCommands day(cli);
  OrderCommands orders(cli);
  CheckCommands checks(cli);
  KitchenCommands kitchen(cli);
  TailCommand tail(cli);
  DeviceCommands devices(cli);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  auto device = brigade::client::set_up_device(
      keys, [](const std::string& line) { fmt::print(stderr, "posctl: {}\n", line); });
  if (!device) {
    fmt::print(stderr, "posctl: {}\n", device.error().message);
    bool no_answer = device.error().code == brigade::Errc::not_found && !keys.pair_code.empty();
    return no_answer                                                ? kUnreachable
           : device.error().code == brigade::Errc::invalid_argument ? kUsage
                                                                    : kRefused;
  }
  o.curve = brigade::client::curve_of(*device);
  Hub hub(o);
  int code = kOk;
  try {
    run(hub);
  } catch (const Stop& stop) {
    code = stop.code;
  }
  if (code != kUnreachable) hub.logout();  // a session is not left open behind a script
  return code;
}
