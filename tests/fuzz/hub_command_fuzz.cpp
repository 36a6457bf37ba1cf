// libFuzzer target over the hub's whole command path: envelope, session, arguments,
// permissions, rules, one store transaction, reply and events (OrderService::handle).
//
// One input is a short shift at a fresh hub: a store seeded with the sample restaurant
// (assets/restaurant.json). The input is command frames, one a line; in each line "$M",
// "$S" and "$K" stand for the session token of the manager (PIN 1234), the server (1111)
// and the cook (7777) on the line's device (a session is bound to its device), logged in
// there on first use, so a sequence such as open_check -> add_line -> send -> bump reaches
// the kitchen. Ids of checks, lines and tickets start at 1 on every input, so seeds can
// name them.
//
// After every command it checks what the protocol promises (docs/protocol.md): handle
// never throws, the reply is a JSON object with protocol 1, a string id and a boolean ok,
// a refusal has a code and a message, every check in a reply adds up to the cent (totals,
// payments, split parts), every event body is JSON and sequences only grow.
// At the end of the shift every kept command that succeeded is sent again byte for byte
// and must get the same reply and no events (exactly once), and SQLite's integrity_check
// must say "ok". A broken promise aborts, and libFuzzer keeps the input.
//
// Run by hand: README.md, "Tests".
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/protocol/protocol.h"
#include "brigade/restaurant/restaurant_file.h"
#include "brigade/service/order_service.h"
#include "brigade/store/store.h"

namespace {

using brigade::EpochMs;
using brigade::protocol::Json;

constexpr EpochMs kShiftStart = 1'795'000'000'000;  // a Friday evening
constexpr EpochMs kStep = 1'500;  // between commands: a few steps pass the 5 s ack alert
constexpr std::size_t kMaxCommands = 64;
// Any 64 hex digits: a real hub keeps its own in <db>.keys/pin.key.
constexpr const char* kPinKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
// Commands arrive as in development mode (no CURVE key, on the command socket): the
// envelope's device names the sender.
const brigade::protocol::Peer kDevelopmentPeer{};

[[noreturn]] void broken(std::string_view what, std::string_view request = {},
                         std::string_view reply = {}) {
  std::fprintf(stderr, "\nhub_command_fuzz: %.*s\n  request: %.*s\n  reply:   %.*s\n",
               static_cast<int>(what.size()), what.data(), static_cast<int>(request.size()),
               request.data(), static_cast<int>(reply.size()), reply.data());
  std::abort();
}

// Seeding takes most of a fresh store's cost (~60 ms under ASan, more than a whole shift
// of commands), so the sample restaurant is seeded once into a template file and every
// shift starts from a copy of it: the same bytes each time, so an input replays exactly.
class StoreTemplate {
  static constexpr std::string_view kFolderPrefix = "brigade-fuzz-";

 public:
  StoreTemplate() {
    // /dev/shm is memory on Linux: the shifts' commits never wait for a disk.
    std::filesystem::path base = std::filesystem::is_directory("/dev/shm")
                                     ? std::filesystem::path("/dev/shm")
                                     : std::filesystem::temp_directory_path();
    remove_folders_of_finished_runs(base);
    dir_ = base / (std::string(kFolderPrefix) + std::to_string(static_cast<long>(getpid())));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto restaurant = brigade::load_restaurant_file(BRIGADE_ASSETS_DIR "/restaurant.json");
    if (!restaurant) broken("the sample restaurant did not load: " + restaurant.error().message);
    brigade::store::OpenOptions options;
    options.pin_key = kPinKey;
    auto store = brigade::store::Store::open(dir_ / "template.db", options);
    if (!store) broken("the template store did not open: " + store.error().message);
    auto seeded = store.value()->transaction(
        [&](brigade::store::Store& s) { return s.seed(restaurant.value()); });
    if (!seeded) broken("the template store was not seeded: " + seeded.error().message);
  }
  ~StoreTemplate() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // libFuzzer often ends with _Exit, which skips the destructor: each run sweeps up the
  // folders of runs whose process is gone, so /dev/shm does not fill up.
  static void remove_folders_of_finished_runs(const std::filesystem::path& base) {
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(base, ignored)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(kFolderPrefix, 0) != 0) continue;
      const long pid = std::strtol(name.c_str() + kFolderPrefix.size(), nullptr, 10);
      if (pid > 0 && kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH)
        std::filesystem::remove_all(entry.path(), ignored);
    }
  }

  std::unique_ptr<brigade::store::Store> fresh_copy() const {
    const auto shift = dir_ / "shift.db";
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(shift.string() + suffix);
    std::filesystem::copy_file(dir_ / "template.db", shift,
                               std::filesystem::copy_options::overwrite_existing);
    brigade::store::OpenOptions options;
    options.synchronous_full = false;  // nothing here has to survive a power cut
    options.pin_key = kPinKey;
    auto store = brigade::store::Store::open(shift, options);
    if (!store) broken("a copy of the template store did not open: " + store.error().message);
    return std::move(store).value();
  }

 private:
  std::filesystem::path dir_;
};

const StoreTemplate& store_template() {
  static const StoreTemplate instance;
  return instance;
}

// BRIGADE_FUZZ_VERBOSE=1 prints every command and its reply: for writing seeds, and for
// reading what a crashing input did.
bool verbose() {
  static const bool on = std::getenv("BRIGADE_FUZZ_VERBOSE") != nullptr;
  return on;
}

// Commands whose reply is kept by id (docs/protocol.md section 4, "kept"); the others are
// answered afresh: reads, login, and a pairing code.
bool is_kept(std::string_view type) {
  for (std::string_view read : {"hello", "login", "get_menu", "snapshot", "events_since",
                                "list_checks", "get_check", "start_pairing", "list_devices"})
    if (type == read) return false;
  return true;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// The money promises of a check in a reply (docs/protocol.md section 7, "totals" and
// "split"): the figures add up exactly, and no discount takes a check below zero.
std::string money_problem(const Json& check) {
  const Json& t = check.at("totals");
  auto cents = [](const Json& j, const char* key) { return j.at(key).get<std::int64_t>(); };
  if (cents(t, "net") != cents(t, "subtotal") - cents(t, "discounts") - cents(t, "comps"))
    return "net is not subtotal - discounts - comps";
  if (cents(t, "net") < 0) return "net is below zero";
  if (cents(t, "balance") != cents(t, "total") - cents(t, "paid"))
    return "balance is not total - paid";
  std::int64_t tax = 0, exclusive = 0, paid = 0, tips = 0;
  for (const Json& line : t.at("taxes")) {
    tax += cents(line, "tax");
    if (!line.at("inclusive").get<bool>()) exclusive += cents(line, "tax");
  }
  if (tax != cents(t, "tax")) return "tax is not the sum of the taxes";
  if (cents(t, "total") != cents(t, "net") + exclusive) return "total is not net + exclusive tax";
  for (const Json& payment : check.at("payments")) {
    paid += cents(payment, "amount");
    tips += cents(payment, "tip");
  }
  if (paid != cents(t, "paid")) return "paid is not the sum of the payments";
  if (tips != cents(t, "tips")) return "tips is not the sum of the payments' tips";
  const Json& split = check.at("split");
  if (auto parts = split.find("part_totals"); parts != split.end() && !parts->empty()) {
    std::int64_t net = 0, part_tax = 0, total = 0;
    for (const Json& part : *parts) {
      net += cents(part, "net");
      part_tax += cents(part, "tax");
      total += cents(part, "total");
      if (cents(part, "balance") != cents(part, "total") - cents(part, "paid"))
        return "a part's balance is not its total - paid";
    }
    if (net != cents(t, "net") || part_tax != cents(t, "tax") || total != cents(t, "total"))
      return "the parts do not add up to the check";
  }
  return "";
}

struct Shift {
  std::unique_ptr<brigade::store::Store> store;
  std::unique_ptr<brigade::service::OrderService> service;
  EpochMs now = kShiftStart;
  std::int64_t last_seq = 0;
  std::map<std::string, std::string> sessions;  // PIN + device -> session token
  int logins = 0;

  struct Sent {
    std::string request;
    std::string reply;
  };
  std::vector<Sent> kept;  // kept commands that succeeded, for the exactly-once check

  Shift() {
    store = store_template().fresh_copy();
    service = std::make_unique<brigade::service::OrderService>(*store);
  }

  // The session of a PIN on a device, logging in on first use. A device the hub refuses
  // (empty, too long) gets no session: the line is then sent with an empty one.
  std::string session(const char* pin, const std::string& device) {
    auto [it, added] = sessions.try_emplace(pin + std::string("@") + device);
    if (!added) return it->second;
    std::string request = brigade::protocol::make_command("fuzz-login-" + std::to_string(++logins),
                                                          "login", device, "", Json{{"pin", pin}});
    Json reply = Json::parse(send(request));
    if (reply.value("ok", false)) it->second = reply["result"]["session"].get<std::string>();
    return it->second;
  }

  // The device a line names ("device":"…"), read as text: the line may be no JSON at all.
  static std::string device_of(std::string_view line) {
    constexpr std::string_view kField = "\"device\":\"";
    std::size_t at = line.find(kField);
    if (at == std::string_view::npos) return "pos-1";
    at += kField.size();
    return std::string(line.substr(at, line.find('"', at) - at));
  }

  void fill_in_sessions(std::string& request) {
    static constexpr std::pair<std::string_view, const char*> kPlaceholders[] = {
        {"$M", "1234"}, {"$S", "1111"}, {"$K", "7777"}};
    for (const auto& [placeholder, pin] : kPlaceholders)
      if (request.find(placeholder) != std::string::npos)
        replace_all(request, placeholder, session(pin, device_of(request)));
  }

  void check_publications(const std::vector<brigade::service::Publication>& publications,
                          std::string_view request) {
    for (const auto& p : publications) {
      if (p.topic.empty()) broken("an event without a topic", request, p.body);
      if (p.seq < last_seq) broken("an event sequence went backwards", request, p.body);
      last_seq = p.seq;
      if (!Json::accept(p.body)) broken("an event body is not JSON", request, p.body);
    }
  }

  // Every check a reply carries: "check", "from" and "to", or a list of "checks".
  void check_checks(const Json& result, std::string_view request, std::string_view reply) {
    if (!result.is_object()) return;
    auto check_one = [&](const Json& check) {
      std::string problem;
      try {
        problem = money_problem(check);
      } catch (const std::exception& e) {
        problem = std::string("a check of the wrong shape (") + e.what() + ")";
      }
      if (!problem.empty())
        broken("check " + check.value("id", Json()).dump() + ": " + problem, request, reply);
    };
    for (const char* key : {"check", "from", "to"})
      if (auto it = result.find(key); it != result.end() && it->is_object()) check_one(*it);
    if (auto it = result.find("checks"); it != result.end() && it->is_array())
      for (const Json& check : *it) check_one(check);
  }

  // Sends one frame and checks the promises every reply keeps; returns the reply.
  std::string send(std::string_view request) {
    now += kStep;
    brigade::service::Outcome outcome;
    try {
      outcome = service->handle(request, kDevelopmentPeer, now);
    } catch (const std::exception& e) {
      broken(std::string("handle threw: ") + e.what(), request, "");
    } catch (...) {
      broken("handle threw something that is not a std::exception", request, "");
    }
    Json reply = Json::parse(outcome.reply, nullptr, false);
    if (!reply.is_object()) broken("the reply is not a JSON object", request, outcome.reply);
    auto protocol = reply.find("protocol");
    if (protocol == reply.end() || *protocol != 1)
      broken("the reply's protocol is not 1", request, outcome.reply);
    auto id = reply.find("id");
    if (id == reply.end() || !id->is_string())
      broken("the reply has no id", request, outcome.reply);
    auto ok = reply.find("ok");
    if (ok == reply.end() || !ok->is_boolean())
      broken("the reply has no boolean ok", request, outcome.reply);
    if (ok->get<bool>()) {
      if (!reply.contains("result")) broken("an ok reply without a result", request, outcome.reply);
      check_checks(reply["result"], request, outcome.reply);
    } else {
      const Json& error = reply.value("error", Json());
      if (!error.is_object() || !error.value("code", Json()).is_string() ||
          error.value("message", std::string()).empty())
        broken("a refusal without a code and a message", request, outcome.reply);
      if (!outcome.publications.empty())
        broken("a refused command published events", request, outcome.reply);
    }
    check_publications(outcome.publications, request);
    check_publications(service->tick(now), request);
    if (verbose())
      std::fprintf(stderr, "> %.*s\n< %s\n", static_cast<int>(request.size()), request.data(),
                   outcome.reply.c_str());
    return outcome.reply;
  }

  void run(std::string_view input) {
    std::size_t commands = 0;
    while (!input.empty() && commands < kMaxCommands) {
      std::size_t end = input.find('\n');
      std::string request(input.substr(0, end));
      input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
      if (request.empty()) continue;
      ++commands;
      fill_in_sessions(request);
      std::string reply = send(request);
      auto envelope = brigade::protocol::parse_envelope(request);
      if (envelope.ok && is_kept(envelope.envelope.type) && Json::parse(reply).value("ok", false))
        kept.push_back({std::move(request), std::move(reply)});
    }
    for (const auto& sent : kept) {
      now += kStep;
      auto again = service->handle(sent.request, kDevelopmentPeer, now);
      if (again.reply != sent.reply)
        broken("a retry of a kept command got another reply (first: " + sent.reply + ")",
               sent.request, again.reply);
      if (!again.publications.empty())
        broken("a retry of a kept command published events again", sent.request, again.reply);
    }
    std::string integrity = store->integrity_check();
    if (integrity != "ok") broken("the store's integrity check failed: " + integrity);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Shift shift;
  shift.run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
