// posctl's one conversation with the hub: the global options, a login when a command needs
// one, a logout at the end, and how a refusal or silence ends the program.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "brigade/domain/money.h"
#include "brigade/net/command_client.h"
#include "brigade/protocol/commands.h"
#include "brigade/protocol/protocol.h"

namespace brigade::posctl {

using protocol::Json;

enum Exit { kOk = 0, kRefused = 1, kUsage = 2, kUnreachable = 3 };

struct Options {
  std::string commands = "tcp://127.0.0.1:5555";
  std::string events = "tcp://127.0.0.1:5556";
  std::string device = "posctl";
  std::string pin;
  std::string approve;  // a manager's PIN for one command
  int timeout_s = 10;
  bool json = false;
  // The keys posctl connects with (section 10); none: plain text, for a development hub.
  std::optional<net::ClientCurve> curve;
};

// A refusal or an unreachable hub ends the program with its exit code; whoever throws it
// has already said why on stderr.
struct Stop {
  int code;
};

// Prints "posctl: <why>" on stderr and stops with kUsage.
[[noreturn]] void usage_error(std::string_view why);

// A name a person typed (a course, a channel, a tender...) as the domain's value; a name it
// does not know stops with kUsage, naming the option and what it may be.
template <class Parse>
auto named(Parse parse, const std::string& text, std::string_view option, std::string_view may_be) {
  auto value = parse(text);
  if (!value)
    usage_error(std::string(option) + " must be " + std::string(may_be) + ", not '" + text + "'");
  return *value;
}

class Hub {
 public:
  explicit Hub(const Options& options);

  // Sends one command and waits for its reply; refusals print and stop.
  Json call(std::string_view type, const Json& args, bool needs_login = true);
  // A typed command (protocol/commands.h): its kind and its args as the hub reads them.
  template <class Command>
  Json call(const Command& command, bool needs_login = true) {
    return call(Command::kind, protocol::to_json(command), needs_login);
  }

  void login();
  void logout();  // never throws: a script's session is closed if the hub still answers

  // The restaurant's currency format. hello does not carry it, so it is asked for (a
  // snapshot of no topics) the first time money is printed, never for --json or for a
  // command that prints no money. If the hub does not say, amounts show as "$1,234.56".
  const CurrencyFormat& currency();

 private:
  const Options& options_;
  net::CommandClient client_;
  std::string session_;
  std::string staff_;
  std::optional<CurrencyFormat> currency_;
};

}  // namespace brigade::posctl
