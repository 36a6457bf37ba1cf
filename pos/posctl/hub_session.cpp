#include "hub_session.h"

#include <fmt/core.h>

#include <chrono>

#include "brigade/net/command_id.h"
#include "brigade/protocol/codec.h"

namespace brigade::posctl {

namespace command = protocol::command;

void usage_error(std::string_view why) {
  fmt::print(stderr, "posctl: {}\n", why);
  throw Stop{kUsage};
}

namespace {
net::ClientOptions client_options(const Options& options) {
  net::ClientOptions c;
  c.endpoint = options.commands;
  c.curve = options.curve;
  return c;
}
}  // namespace

Hub::Hub(const Options& options) : options_(options), client_(client_options(options)) {}

Json Hub::call(std::string_view type, const Json& args, bool needs_login) {
  if (needs_login && session_.empty()) login();
  std::string id = net::make_command_id();
  std::string request = protocol::make_command(id, type, options_.device, session_, args,
                                               type == command::login ? "" : options_.approve);
  auto text = client_.call(id, request, std::chrono::seconds(options_.timeout_s));
  if (!text) {
    // A hub with keys gives an unpaired or revoked key no connection at all: silence.
    fmt::print(stderr, "posctl: the hub at {} did not answer within {} s{}\n", options_.commands,
               options_.timeout_s,
               options_.curve ? " (is it running? was this device's key revoked?)"
                              : " (is it running? a hub with keys answers only paired devices: "
                                "--key FILE, or --console on the hub's machine)");
    throw Stop{kUnreachable};
  }
  auto reply = protocol::decode_reply(*text);
  if (!reply) {
    fmt::print(stderr, "posctl: the hub sent something that is not JSON\n");
    throw Stop{kUnreachable};
  }
  if (!reply->ok && reply->error.problems.is_array() && !reply->error.problems.empty()) {
    // A menu refused: one problem a line, as a person fixes them.
    const Json& problems = reply->error.problems;
    fmt::print(stderr, "refused ({}): {} problem{}, nothing was changed:\n", reply->error.code,
               problems.size(), problems.size() == 1 ? "" : "s");
    for (const Json& p : problems) {
      std::string where = p.value("where", "");
      if (!p.value("id", "").empty()) where += " (" + p.value("id", "") + ")";
      if (!p.value("field", "").empty()) where += "." + p.value("field", "");
      fmt::print(stderr, "  {}: {}\n", where, p.value("why", ""));
    }
    throw Stop{kRefused};
  }
  if (!reply->ok) {
    fmt::print(stderr, "refused ({}): {}\n", reply->error.code, reply->error.message);
    throw Stop{reply->error.code == protocol::code::hub_unreachable ? kUnreachable : kRefused};
  }
  return std::move(reply->result);
}

void Hub::login() {
  if (options_.pin.empty()) usage_error("this needs a PIN: --pin 1234 (or BRIGADE_PIN)");
  Json r = call(protocol::Login{options_.pin}, false);
  session_ = r["session"];
  staff_ = r["staff"]["name"];
}

void Hub::logout() {
  if (session_.empty()) return;
  try {
    call(command::logout, Json::object(), false);
  } catch (const Stop&) {
  }
  session_.clear();
}

const CurrencyFormat& Hub::currency() {
  if (!currency_) {
    try {
      Json r = call(protocol::Snapshot{}, false);
      currency_ = protocol::read_currency(r.value("currency", Json::object()));
    } catch (const Stop&) {
      // The command itself was done: its output and exit code must not say otherwise.
      fmt::print(stderr, "posctl: the hub did not say its currency; amounts are shown as $\n");
      currency_ = CurrencyFormat{};
    }
  }
  return *currency_;
}

}  // namespace brigade::posctl
