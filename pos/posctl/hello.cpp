#include <fmt/core.h>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "printing.h"

namespace brigade::posctl {

HelloCommand::HelloCommand(CommandLine cli) {
  auto* hello = cli.app.add_subcommand("hello", "check that the hub answers");
  hello->callback([cli] {
    cli.run = [cli](Hub& h) {
      print_result(cli.options.json, h.call(protocol::command::hello, Json::object(), false),
                   [](const Json& r) {
                     fmt::print("{}: {}, protocol {}, last event #{}\n",
                                r["hub"].get<std::string>(), r["restaurant"].get<std::string>(),
                                r["protocol"].get<int>(), r["seq"].get<long long>());
                   });
    };
  });
}

}  // namespace brigade::posctl
