// brigade-rush: a Friday-night rush against a real pos-server, with the machine's limits
// measured in the same run. It starts pos-server on a fresh store on disk, pairs N
// terminals and M kitchen screens with it the way a store does (the console starts each
// pairing, each device proves its code), and has the terminals place orders (open a tab,
// 3-8 items with their modifiers, send) while the screens follow their stations'
// tickets, acknowledge them as kds does, bump them after a cooking time and serve them at
// expo. For every ticket it measures send -> applied on each of its screens, and checks
// at the end that every ticket reached every screen of its stations exactly once.
//
//   brigade-rush [--rate R] [--seconds S] [--terminals N] [--screens M] ...
//
// --rate R offers R terminal write commands per second in total (open loop: each
// command has a due time, and a late one is measured from it, so queueing shows);
// without --rate every terminal sends as fast as the hub answers (saturation). Prints a
// table, then one JSON line. Figures, not a test: docs/benchmarks.md records runs.
#include <fcntl.h>
#include <fmt/core.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>
#include <zmq.hpp>

#include "brigade/client/pairing.h"
#include "brigade/domain/menu.h"
#include "brigade/net/command_client.h"
#include "brigade/net/command_id.h"
#include "brigade/net/event_feed.h"
#include "brigade/protocol/codec.h"
#include "brigade/protocol/json_text.h"
#include "brigade/protocol/protocol.h"
#include "brigade/security/curve.h"
#include "brigade/store/store.h"

extern char** environ;

namespace {

using namespace brigade;
using Clock = std::chrono::steady_clock;
using protocol::Json;
namespace fs = std::filesystem;

struct Options {
  std::string hub;  // the pos-server binary
  std::string dir;  // where the store goes (on disk); a fresh folder under it
  double rate = 0;  // terminal write commands per second in total; 0: saturation
  int seconds = 20;
  int terminals = 20;
  int screens = 8;
  int cook_s = 8;  // a station bumps a ticket this long after it showed
  bool development = false;
  bool keep = false;
  int preload = 0;     // closed checks in the store before the rush
  int long_tab = 400;  // lines on the one long tab measured after the rush
};

double ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

[[noreturn]] void die(const std::string& why) {
  fmt::print(stderr, "brigade-rush: {}\n", why);
  std::exit(1);
}

// --- The hub, as a process of its own ----------------------------------------------

class HubProcess {
 public:
  HubProcess(const Options& o, const fs::path& dir) : log_(dir / "hub.log") {
    std::vector<std::string> args = {o.hub,
                                     "--db",
                                     (dir / "store.db").string(),
                                     "--commands",
                                     "tcp://127.0.0.1:*",
                                     "--events",
                                     "tcp://127.0.0.1:*",
                                     "--pairing",
                                     "tcp://127.0.0.1:*"};
    if (o.development) args.push_back("--development");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    if (posix_spawn(&pid_, o.hub.c_str(), &actions, nullptr, argv.data(), environ) != 0)
      die("cannot start " + o.hub);
    posix_spawn_file_actions_destroy(&actions);
    for (int i = 0; i < 200 && command_.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::ifstream in(log_);
      for (std::string line; std::getline(in, line);) {
        auto at = line.find("listening: commands on ");
        if (at == std::string::npos) continue;
        std::istringstream words(line.substr(at + 23));
        std::string w;
        words >> command_ >> w >> w >> events_ >> w >> w >> pairing_;
        for (auto* s : {&command_, &events_})
          if (!s->empty() && s->back() == ',') s->pop_back();
      }
    }
    if (command_.empty()) die("the hub did not start: see " + log_.string());
    keys_dir_ = dir / "store.db.keys";
  }
  ~HubProcess() { stop(); }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
  }

  // CPU time (user + system) the hub has used, in ms.
  double cpu_ms() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto close = text.rfind(')');
    std::istringstream fields(text.substr(close + 2));
    std::string f;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; fields >> f; ++i) {
      if (i == 14) utime = std::stoull(f);
      if (i == 15) {
        stime = std::stoull(f);
        break;
      }
    }
    return 1000.0 * static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
  }
  // The most memory it has held (VmHWM), in MiB.
  double peak_rss_mb() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
    for (std::string line; std::getline(in, line);)
      if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0;
  }

  const std::string& command_endpoint() const { return command_; }
  const std::string& event_endpoint() const { return events_; }
  const std::string& pairing_endpoint() const { return pairing_; }
  const fs::path& keys_dir() const { return keys_dir_; }

 private:
  fs::path log_;
  pid_t pid_ = 0;
  std::string command_, events_, pairing_;
  fs::path keys_dir_;
};

// --- One blocking conversation (set-up, the terminals) --------------------------------

class Conversation {
 public:
  Conversation(const std::string& endpoint, std::optional<net::ClientCurve> curve,
               std::string device)
      : device_(std::move(device)) {
    net::ClientOptions o;
    o.endpoint = endpoint;
    o.curve = std::move(curve);
    client_ = std::make_unique<net::CommandClient>(o);
  }
  Json call(std::string_view type, const Json& args) {
    std::string id = net::make_command_id();
    auto text = client_->call(id, protocol::make_command(id, type, device_, session_, args),
                              std::chrono::seconds(60));
    if (!text) die("the hub did not answer " + std::string(type));
    Json reply = protocol::read_json(*text).doc;
    return reply;
  }
  void login(const std::string& pin) {
    Json r = call("login", {{"pin", pin}});
    if (!r.value("ok", false)) die("login refused: " + r.dump());
    session_ = r["result"]["session"];
  }

 private:
  std::string device_;
  std::string session_;
  std::unique_ptr<net::CommandClient> client_;
};

// --- What a terminal orders -------------------------------------------------------

struct Orderable {
  std::string item_id;
  std::vector<std::string> forced;            // the first choices of its forced groups
  std::vector<std::string> optional_choices;  // one of these, sometimes
};

std::vector<Orderable> orderables(const Menu& menu) {
  std::vector<Orderable> out;
  for (const MenuItem& item : menu.items) {
    if (item.station_ids.empty() || !item.recipe.empty()) continue;
    Orderable o{item.id, {}, {}};
    for (const auto& group_id : item.modifier_group_ids) {
      const ModifierGroup* g = menu.find_group(group_id);
      if (!g) continue;
      for (int i = 0; i < g->min_select && i < static_cast<int>(g->modifiers.size()); ++i)
        o.forced.push_back(g->modifiers[static_cast<std::size_t>(i)].id);
      if (!g->forced() && !g->modifiers.empty()) o.optional_choices.push_back(g->modifiers[0].id);
    }
    out.push_back(std::move(o));
  }
  return out;
}

// --- Shared record of the run -----------------------------------------------------

struct Record {
  std::mutex mutex;
  std::map<std::int64_t, Clock::time_point> sent;          // ticket -> send due
  std::map<std::int64_t, std::set<std::string>> stations;  // ticket -> its stations
  std::map<std::pair<std::int64_t, std::string>, Clock::time_point> shown;  // (ticket, screen)
  std::uint64_t duplicated = 0;
  std::vector<double> reply_ms;  // terminal write command -> reply, from its due time
  std::uint64_t orders = 0, terminal_commands = 0, kitchen_commands = 0, refused = 0;
  std::uint64_t closed = 0;  // checks paid and closed
};

// --- A kitchen screen --------------------------------------------------------------

class Screen {
 public:
  Screen(std::string name, std::string station, bool expo, const HubProcess& hub,
         std::optional<net::ClientCurve> curve, Record& record, int cook_s)
      : name_(std::move(name)),
        station_(std::move(station)),
        expo_(expo),
        record_(record),
        cook_(std::chrono::seconds(cook_s)) {
    net::FeedOptions f;
    f.command_endpoint = hub.command_endpoint();
    f.event_endpoint = hub.event_endpoint();
    f.device = name_;
    f.topics = {expo ? "ticket." : "ticket." + station_};
    f.curve = curve;
    f.receive_hwm = 100'000;
    f.notify = [this] {
      std::lock_guard lock(wake_mutex_);
      woken_ = true;
      wake_.notify_one();
    };
    feed_ = std::make_unique<net::EventFeed>(f);
    net::ClientOptions c;
    c.endpoint = hub.command_endpoint();
    c.curve = curve;
    client_ = std::make_unique<net::CommandClient>(c);
    thread_ = std::thread([this] { run(); });
  }
  ~Screen() {
    stop_ = true;
    wake_.notify_one();
    thread_.join();
  }
  bool loaded() const { return loaded_; }
  const std::string& name() const { return name_; }
  const std::string& station() const { return station_; }
  bool expo() const { return expo_; }

 private:
  void run() {
    while (!stop_) {
      {
        std::unique_lock lock(wake_mutex_);
        wake_.wait_for(lock, std::chrono::milliseconds(50), [this] { return woken_ || stop_; });
        woken_ = false;
      }
      for (auto& item : feed_->take()) {
        if (std::holds_alternative<net::SnapshotLoaded>(item)) {
          loaded_ = true;
          continue;
        }
        const auto& e = std::get<net::EventItem>(item);
        // A whole ticket (created, fired, changed, recalled) or a kitchen tap's progress.
        Json body = protocol::read_json(e.body).doc;
        Json ticket = body.contains("ticket") ? body["ticket"] : body["progress"];
        if (!ticket.is_object()) continue;
        std::int64_t id = ticket.value("id", std::int64_t{0});
        if (e.type == "ticket.created") shown(id, ticket);
        if (expo_ && ticket.value("status", "") == "ready" && served_.insert(id).second)
          send("serve", {{"ticket_id", id}});
      }
      const auto now = Clock::now();
      while (!bumps_.empty() && bumps_.begin()->first <= now) {
        send("bump", {{"ticket_id", bumps_.begin()->second}, {"station", station_}});
        bumps_.erase(bumps_.begin());
      }
      for (auto& reply : client_->take_replies())
        if (!protocol::read_json(reply.json).doc.value("ok", false)) {
          std::lock_guard lock(record_.mutex);
          ++record_.refused;
        }
    }
  }

  void shown(std::int64_t id, const Json& ticket) {
    const auto now = Clock::now();
    {
      std::lock_guard lock(record_.mutex);
      auto& stations = record_.stations[id];
      for (const auto& s : ticket.value("stations", Json::array()))
        stations.insert(s.value("station", ""));
      auto [it, first] = record_.shown.emplace(std::make_pair(id, name_), now);
      if (!first) ++record_.duplicated;
    }
    // As kds does: acknowledge what is on screen, then the cook works it.
    if (!expo_ && ticket.value("status", "") == "open") {
      send("ack_ticket", {{"ticket_id", id}, {"station", station_}});
      bumps_.emplace(now + cook_, id);
    }
  }

  void send(std::string_view type, const Json& args) {
    std::string id = net::make_command_id();
    client_->submit(id, protocol::make_command(id, type, name_, "", args));
    std::lock_guard lock(record_.mutex);
    ++record_.kitchen_commands;
  }

  std::string name_, station_;
  bool expo_;
  Record& record_;
  std::chrono::seconds cook_;
  std::unique_ptr<net::EventFeed> feed_;
  std::unique_ptr<net::CommandClient> client_;
  std::multimap<Clock::time_point, std::int64_t> bumps_;
  std::set<std::int64_t> served_;
  std::atomic<bool> loaded_{false}, stop_{false};
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  std::thread thread_;
};

// --- A terminal --------------------------------------------------------------------

void terminal(int index, const Options& o, const HubProcess& hub,
              std::optional<net::ClientCurve> curve, const std::vector<Orderable>& menu,
              Record& record, Clock::time_point start, Clock::time_point end) {
  static const char* const kPins[] = {"1111", "2222", "3333", "4444", "5555"};
  const std::string name = fmt::format("rush-pos-{}", index + 1);
  Conversation pos(hub.command_endpoint(), std::move(curve), name);
  pos.login(kPins[index % 5]);
  std::mt19937 random(static_cast<unsigned>(1234 + index));
  // Open loop: each command is due at its own time, Poisson arrivals at this terminal's
  // share of the rate; a late command is measured from when it was due.
  std::exponential_distribution<double> gap(o.rate > 0 ? o.rate / o.terminals : 1.0);
  auto due = start;
  auto next_due = [&] {
    if (o.rate > 0)
      due +=
          std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(gap(random)));
    else
      due = Clock::now();
    if (due > Clock::now()) std::this_thread::sleep_until(due);
    return due;
  };
  auto write = [&](std::string_view type, const Json& args) {
    auto at = next_due();
    Json r = pos.call(type, args);
    double ms = ms_between(at, Clock::now());
    std::lock_guard lock(record.mutex);
    ++record.terminal_commands;
    record.reply_ms.push_back(ms);
    if (!r.value("ok", false)) ++record.refused;
    return std::make_pair(r, at);
  };
  for (int n = 0; Clock::now() < end; ++n) {
    auto [opened, a] =
        write("open_check", {{"channel", "bar_tab"}, {"tab_name", fmt::format("{} #{}", name, n)}});
    if (!opened.value("ok", false)) continue;
    std::int64_t check = opened["result"]["check_id"];
    int items = std::uniform_int_distribution<int>(3, 8)(random);
    for (int i = 0; i < items; ++i) {
      const Orderable& pick =
          menu[std::uniform_int_distribution<std::size_t>(0, menu.size() - 1)(random)];
      std::vector<std::string> modifiers = pick.forced;
      if (!pick.optional_choices.empty() && random() % 3 == 0)
        modifiers.push_back(pick.optional_choices[random() % pick.optional_choices.size()]);
      Json args = {{"check_id", check}, {"item_id", pick.item_id}, {"seat", 1 + i % 4}};
      if (!modifiers.empty()) args["modifiers"] = modifiers;
      write("add_line", args);
    }
    auto [sent, sent_due] = write("send", {{"check_id", check}});
    if (!sent.value("ok", false)) continue;
    {
      std::lock_guard lock(record.mutex);
      ++record.orders;
      for (const auto& t : sent["result"]["ticket_ids"])
        record.sent[t.get<std::int64_t>()] = sent_due;
    }
    // The guest pays cash and the check is closed: the day's record grows by one check.
    const Json due = sent["result"]["check"]["totals"]["balance"];
    if (!write("pay", {{"check_id", check}, {"tender", "cash"}, {"amount", due}})
             .first.value("ok", false))
      continue;
    if (!write("close_check", {{"check_id", check}}).first.value("ok", false)) continue;
    std::lock_guard lock(record.mutex);
    ++record.closed;
  }
}

// --- The limits ---------------------------------------------------------------------

// Single-row transactions per second on this disk, with the hub's durability (WAL, FULL).
double commit_limit(const fs::path& dir, double seconds) {
  sqlite3* db = nullptr;
  if (sqlite3_open((dir / "limit.db").c_str(), &db) != SQLITE_OK) die("cannot open limit.db");
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
               "CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT);",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES (?)", -1, &insert, nullptr);
  const std::string body(200, 'x');
  auto start = Clock::now();
  std::uint64_t n = 0;
  while (ms_between(start, Clock::now()) < seconds * 1000) {
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_bind_text(insert, 1, body.c_str(), static_cast<int>(body.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    ++n;
  }
  double rate = static_cast<double>(n) / (ms_between(start, Clock::now()) / 1000);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return rate;
}

// Median round trip of a 1 KB message, DEALER -> ROUTER -> DEALER, on loopback.
double round_trip_limit(int trips) {
  zmq::context_t context;
  zmq::socket_t router(context, zmq::socket_type::router);
  router.bind("tcp://127.0.0.1:*");
  std::string endpoint = router.get(zmq::sockopt::last_endpoint);
  std::thread echo([&] {
    for (int i = 0; i < trips; ++i) {
      zmq::message_t who, body;
      (void)router.recv(who);
      (void)router.recv(body);
      router.send(who, zmq::send_flags::sndmore);
      router.send(body, zmq::send_flags::none);
    }
  });
  zmq::socket_t dealer(context, zmq::socket_type::dealer);
  dealer.connect(endpoint);
  const std::string payload(1024, 'k');
  std::vector<double> ms;
  for (int i = 0; i < trips; ++i) {
    auto t0 = Clock::now();
    dealer.send(zmq::buffer(payload), zmq::send_flags::none);
    zmq::message_t back;
    (void)dealer.recv(back);
    ms.push_back(ms_between(t0, Clock::now()));
  }
  echo.join();
  return percentile(ms, 0.5);
}

// --- A long-running store (--preload) ------------------------------------------------

// A day at the hub, placed through its commands by the console's manager: `orders` tabs,
// each with 3-8 items, sent, acknowledged and bumped by every station, served, paid and
// closed. Returns the checks closed.
int place_a_day(Conversation& manager, const std::vector<Orderable>& menu, int orders) {
  std::mt19937 random(42);
  auto ok = [](const Json& r) { return r.value("ok", false); };
  int closed = 0;
  for (int n = 0; n < orders; ++n) {
    Json opened = manager.call("open_check",
                               {{"channel", "bar_tab"}, {"tab_name", fmt::format("Day #{}", n)}});
    if (!ok(opened)) die("open_check: " + opened.dump());
    const std::int64_t check = opened["result"]["check_id"];
    int items = std::uniform_int_distribution<int>(3, 8)(random);
    for (int i = 0; i < items; ++i) {
      const Orderable& pick = menu[random() % menu.size()];
      Json args = {{"check_id", check}, {"item_id", pick.item_id}, {"seat", 1 + i % 4}};
      if (!pick.forced.empty()) args["modifiers"] = pick.forced;
      manager.call("add_line", args);
    }
    Json sent = manager.call("send", {{"check_id", check}});
    if (!ok(sent)) die("send: " + sent.dump());
    Json tickets = manager.call("get_check", {{"check_id", check}})["result"]["tickets"];
    for (const auto& t : tickets) {
      for (const auto& st : t["stations"]) {
        manager.call("ack_ticket", {{"ticket_id", t["id"]}, {"station", st["station"]}});
        manager.call("bump", {{"ticket_id", t["id"]}, {"station", st["station"]}});
      }
      manager.call("serve", {{"ticket_id", t["id"]}});  // refused if the last bump served it
    }
    const Json due = sent["result"]["check"]["totals"]["balance"];
    if (!ok(manager.call("pay", {{"check_id", check}, {"tender", "cash"}, {"amount", due}})) ||
        !ok(manager.call("close_check", {{"check_id", check}})))
      die("could not close a check of the day");
    ++closed;
  }
  return closed;
}

// Makes the store as long-running as asked by copying the day placed above `copies` times
// over, as SQL on the stopped hub's file: every row of its closed checks, their lines,
// payments and tickets, its check and ticket events (numbered on, each topic's chain
// carried on), and its kept command ids (their replies long expired). Ids move by the
// day's largest; the counters then follow the largest ids. A benchmark's history, not a
// restaurant's: the copies repeat the day's names and times.
void copy_the_day(const fs::path& file, int copies) {
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) die("cannot open " + file.string());
  auto exec = [&](const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK)
      die("preload: " + std::string(error ? error : "?") + " in: " + sql.substr(0, 200));
  };
  auto number = [&](const std::string& sql) {
    sqlite3_stmt* q = nullptr;
    std::int64_t n = 0;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
      n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
  };
  exec("PRAGMA synchronous=OFF");
  const std::int64_t C = number("SELECT max(id) FROM checks");
  const std::int64_t N = number("SELECT max(number) FROM checks");
  const std::int64_t L = number("SELECT max(id) FROM lines");
  const std::int64_t P = number("SELECT max(id) FROM payments");
  const std::int64_t T = number("SELECT max(id) FROM tickets");
  const std::int64_t S = number("SELECT max(sequence) FROM events");
  // The day's check and ticket events, renumbered 1..M; and each topic's last of them.
  exec(R"sql(
    CREATE TEMP TABLE day_events AS
      SELECT sequence AS old, row_number() OVER (ORDER BY sequence) AS n FROM events
      WHERE sequence IN (SELECT sequence FROM event_topics
                         WHERE topic = 'check' OR topic LIKE 'ticket.%');
    CREATE UNIQUE INDEX day_events_old ON day_events (old);
    CREATE TEMP TABLE day_replies AS SELECT command_id, request_hash, at FROM command_replies;
    CREATE TEMP TABLE day_heads AS
      SELECT t.topic AS topic, max(d.n) AS n, max(t.sequence) AS old
      FROM event_topics t JOIN day_events d ON d.old = t.sequence GROUP BY t.topic;)sql");
  const std::int64_t M = number("SELECT count(*) FROM temp.day_events");
  for (int k = 1; k <= copies; ++k) {
    const std::string c = std::to_string(C * k), l = std::to_string(L * k),
                      p = std::to_string(P * k), t = std::to_string(T * k),
                      n = std::to_string(N * k), key = std::to_string(k);
    const std::int64_t base = S + (k - 1) * M;  // the copy's events follow the last one
    const std::string b = std::to_string(base);
    // A topic's first event in this copy follows its last one in the copy before.
    const std::string before = k == 1 ? "h.old" : "h.n + " + std::to_string(S + (k - 2) * M);
    exec("BEGIN");
    exec("INSERT INTO checks SELECT id + " + c + ", number + " + n +
         ", channel, table_id, tab_name, customer_name, customer_phone, promised_at, guests, "
         "server_id, status, opened_at, closed_at, merged_into + " +
         c + ", split_kind, split_parts FROM checks WHERE id <= " + std::to_string(C));
    exec("INSERT INTO lines SELECT id + " + l + ", check_id + " + c +
         ", position, item_id, name, quantity, voided_quantity, seat, course, unit_price_cents, "
         "tax_class_id, station_ids, note, state, void_reason, voided_by, ordered_at, sent_at "
         "FROM lines WHERE id <= " +
         std::to_string(L));
    exec("INSERT INTO line_modifiers SELECT line_id + " + l +
         ", position, group_id, modifier_id, name, price_cents FROM line_modifiers WHERE line_id "
         "<= " +
         std::to_string(L));
    exec("INSERT INTO payments SELECT id + " + p + ", check_id + " + c +
         ", position, part, tender, amount_cents, tendered_cents, change_cents, tip_cents, "
         "reference, taken_by, at FROM payments WHERE id <= " +
         std::to_string(P));
    exec("INSERT INTO tickets SELECT id + " + t + ", check_id + " + c +
         ", status, course, addition, rush, created_at, fired_at, served_at FROM tickets WHERE id "
         "<= " +
         std::to_string(T));
    exec("INSERT INTO ticket_lines SELECT ticket_id + " + t + ", position, line_id + " + l +
         " FROM ticket_lines WHERE ticket_id <= " + std::to_string(T));
    exec("INSERT INTO ticket_stations SELECT ticket_id + " + t +
         ", position, station_id, acknowledged_at, bumped_at, alerted FROM ticket_stations "
         "WHERE ticket_id <= " +
         std::to_string(T));
    exec("INSERT INTO events SELECT " + b +
         " + d.n, e.type, e.body, e.at FROM events e "
         "JOIN temp.day_events d ON d.old = e.sequence ORDER BY d.n");
    exec("INSERT INTO event_topics SELECT " + b +
         " + d.n, t.topic, CASE "
         "WHEN t.prev IN (SELECT old FROM temp.day_events) THEN " +
         b +
         " + (SELECT n FROM temp.day_events WHERE old = t.prev) "
         "ELSE (SELECT " +
         before +
         " FROM temp.day_heads h WHERE h.topic = t.topic) END "
         "FROM event_topics t JOIN temp.day_events d ON d.old = t.sequence "
         "WHERE t.topic = 'check' OR t.topic LIKE 'ticket.%'");
    exec("INSERT INTO command_replies SELECT command_id || '~" + key +
         "', request_hash, NULL, at FROM temp.day_replies");
    exec("COMMIT");
  }
  exec(R"sql(
    UPDATE counters SET next_value = (SELECT max(id) + 1 FROM checks) WHERE name = 'check';
    UPDATE counters SET next_value = (SELECT max(number) + 1 FROM checks)
      WHERE name = 'check_number';
    UPDATE counters SET next_value = (SELECT max(id) + 1 FROM lines) WHERE name = 'line';
    UPDATE counters SET next_value = (SELECT max(id) + 1 FROM payments) WHERE name = 'payment';
    UPDATE counters SET next_value = (SELECT max(id) + 1 FROM tickets) WHERE name = 'ticket';
    PRAGMA wal_checkpoint(TRUNCATE);)sql");
  sqlite3_close(db);
}

// --- The store's size ------------------------------------------------------------------

// Bytes in pages that hold something (free pages are reused before the file grows), and
// the same by table and index (SQLite's dbstat), biggest first.
struct StoreSize {
  std::int64_t used = 0;
  std::vector<std::pair<std::string, std::int64_t>> by_table;
};

StoreSize store_size(const fs::path& file) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    die("cannot open " + file.string());
  auto number = [&](const char* sql) {
    sqlite3_stmt* q = nullptr;
    std::int64_t n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
  };
  StoreSize size;
  size.used =
      (number("PRAGMA page_count") - number("PRAGMA freelist_count")) * number("PRAGMA page_size");
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC",
                         -1, &q, nullptr) == SQLITE_OK)
    while (sqlite3_step(q) == SQLITE_ROW)
      size.by_table.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)),
                                 sqlite3_column_int64(q, 1));
  sqlite3_finalize(q);
  sqlite3_close(db);
  return size;
}

// What the hub does to replies older than its --keep-replies, done to all of them now,
// with the store's own code: the size of the day once no retry can come any more.
void expire_every_reply(const fs::path& file, const fs::path& keys_dir) {
  auto pin_key = store::load_or_create_pin_key(store::pin_key_path(keys_dir));
  if (!pin_key) die("the store's pin.key: " + pin_key.error().message);
  store::OpenOptions options;
  options.pin_key = *pin_key;
  auto opened = store::Store::open(file, options);
  if (!opened) die("cannot open the store: " + opened.error().message);
  auto& st = **opened;
  for (int expired = 1; expired > 0;) {
    Status done = st.transaction([&](store::Store& s) -> Status {
      auto n = s.expire_replies(std::numeric_limits<EpochMs>::max(), 10'000);
      if (!n) return n.error();
      expired = *n;
      return success();
    });
    if (!done) die("expiring replies: " + done.error().message);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  o.hub = (fs::path(argv[0]).parent_path() / "pos-server").string();
  o.dir = fs::temp_directory_path().string();
  CLI::App app{"brigade-rush: a dinner rush against a real pos-server, with the machine's limits"};
  app.add_option("--rate", o.rate,
                 "terminal write commands per second in total, open loop (0: as fast as the "
                 "hub answers)")
      ->capture_default_str();
  app.add_option("--seconds", o.seconds, "how long the terminals order")->capture_default_str();
  app.add_option("--terminals", o.terminals, "terminals placing orders")
      ->check(CLI::Range(1, 200))
      ->capture_default_str();
  app.add_option("--screens", o.screens, "kitchen screens: one per station, the rest at expo")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--cook", o.cook_s, "seconds a station takes to bump a ticket")
      ->capture_default_str();
  app.add_option("--hub", o.hub, "the pos-server to run")->capture_default_str();
  app.add_option("--dir", o.dir, "where the store is made (a disk, not tmpfs, to be honest)")
      ->capture_default_str();
  app.add_flag("--development", o.development, "run the hub without CURVE (to compare)");
  app.add_flag("--keep", o.keep, "keep the store and the hub's log afterwards");
  app.add_option("--preload", o.preload,
                 "closed checks (with their events, tickets and kept command ids) in the store "
                 "before the rush: a long-running store")
      ->check(CLI::Range(0, 10'000'000))
      ->capture_default_str();
  app.add_option("--long-tab", o.long_tab,
                 "lines added one by one to one tab after the rush, timed at 10 and at this many")
      ->check(CLI::Range(10, 5000))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  fs::path dir = fs::path(o.dir) / fmt::format("brigade-rush.{}", ::getpid());
  fs::create_directories(dir);
  const fs::path store_file = dir / "store.db";
  std::optional<net::ClientCurve> console;  // the hub's own keys: it pairs every device
  std::int64_t preloaded = 0;
  {
    // A first start makes and seeds the store and its keys (and places the day that
    // --preload copies): the store the rush starts from.
    HubProcess first(o, dir);
    if (!o.development) {
      auto keys = security::load_or_create_keypair(first.keys_dir() / "hub.curve");
      if (!keys) die(keys.error().message);
      console = net::ClientCurve{keys->public_key, keys->public_key, keys->secret_key};
    }
    if (o.preload > 0) {
      const auto t0 = Clock::now();
      Conversation day(first.command_endpoint(), console, "rush-console");
      day.login("1234");
      auto dishes =
          orderables(protocol::read_menu(day.call("get_menu", Json::object())["result"]["menu"]));
      const int orders = std::min(o.preload, 200);
      preloaded = place_a_day(day, dishes, orders);
      first.stop();
      const int copies = (o.preload + orders - 1) / orders - 1;
      copy_the_day(store_file, copies);
      // A store that old has long dropped the text of the day's replies.
      expire_every_reply(store_file, first.keys_dir());
      preloaded *= copies + 1;
      fmt::print(stderr, "preloaded {} closed checks in {:.0f} s\n", preloaded,
                 ms_between(t0, Clock::now()) / 1000);
    }
  }
  const StoreSize size_before = store_size(store_file);
  HubProcess hub(o, dir);

  Conversation manager(hub.command_endpoint(), console, "rush-console");
  manager.login("1234");
  auto pair = [&](const std::string& name, const std::string& role,
                  const std::vector<std::string>& stations) -> std::optional<net::ClientCurve> {
    if (o.development) return std::nullopt;
    Json args = {{"name", name}, {"role", role}};
    if (!stations.empty()) args["stations"] = stations;
    Json started = manager.call("start_pairing", args);
    if (!started.value("ok", false)) die("start_pairing: " + started.dump());
    auto own = security::make_curve_keypair();
    auto paired = client::pair_with_hub(hub.pairing_endpoint(), started["result"]["code"], own);
    if (!paired) die("pair: " + paired.error().message);
    return net::ClientCurve{paired->hub_public_key, own.public_key, own.secret_key};
  };

  Menu menu = protocol::read_menu(manager.call("get_menu", Json::object())["result"]["menu"]);
  auto dishes = orderables(menu);
  std::vector<std::string> stations;
  for (const Station& s : menu.stations)
    if (!s.expo) stations.push_back(s.id);

  // The screens: one per station, the rest at expo.
  struct Seat {
    std::string name, station;
    bool expo;
  };
  std::vector<Seat> kitchen;
  for (int i = 0; i < o.screens; ++i) {
    bool expo = i >= static_cast<int>(stations.size());
    std::string station = expo ? "expo" : stations[static_cast<std::size_t>(i)];
    kitchen.push_back(
        {expo ? fmt::format("Rush expo {}", i + 1 - stations.size()) : "Rush " + station, station,
         expo});
  }
  Record record;
  std::vector<std::unique_ptr<Screen>> screens;
  for (const auto& k : kitchen)
    screens.push_back(std::make_unique<Screen>(
        k.name, k.station, k.expo, hub, pair(k.name, "kitchen", {k.station}), record, o.cook_s));
  std::vector<std::optional<net::ClientCurve>> terminal_keys;
  for (int i = 0; i < o.terminals; ++i)
    terminal_keys.push_back(pair(fmt::format("Rush terminal {}", i + 1), "terminal", {}));
  for (const auto& s : screens)
    while (!s->loaded()) std::this_thread::sleep_for(std::chrono::milliseconds(10));

  const double cpu_before = hub.cpu_ms();
  const auto start = Clock::now() + std::chrono::milliseconds(200);
  const auto end = start + std::chrono::seconds(o.seconds);
  std::vector<std::thread> terminals;
  for (int i = 0; i < o.terminals; ++i)
    terminals.emplace_back(terminal, i, std::cref(o), std::cref(hub), terminal_keys[i],
                           std::cref(dishes), std::ref(record), start, end);
  for (auto& t : terminals) t.join();
  const double elapsed_s = ms_between(start, Clock::now()) / 1000;
  // Stragglers: every ticket sent should be on its screens within moments.
  for (int i = 0; i < 100; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::lock_guard lock(record.mutex);
    std::size_t want = 0;
    for (const auto& [id, _] : record.sent) want += record.stations.count(id) ? 1 : 0;
    if (want == record.sent.size()) break;
  }
  const double hub_cpu_ms = hub.cpu_ms() - cpu_before;
  const double peak_rss = hub.peak_rss_mb();
  screens.clear();

  // Every ticket on every screen of its stations (and every expo), exactly once.
  std::vector<double> to_screens;
  std::uint64_t lost = 0, deliveries = 0;
  {
    std::lock_guard lock(record.mutex);
    for (const auto& [id, sent_at] : record.sent) {
      std::vector<std::string> expected;
      for (const auto& k : kitchen)
        if (k.expo || record.stations[id].count(k.station)) expected.push_back(k.name);
      double slowest = 0;
      bool complete = true;
      for (const auto& name : expected) {
        auto it = record.shown.find({id, name});
        if (it == record.shown.end()) {
          ++lost;
          complete = false;
          continue;
        }
        ++deliveries;
        slowest = std::max(slowest, ms_between(sent_at, it->second));
      }
      if (complete) to_screens.push_back(slowest);
    }
  }
  hub.stop();

  const StoreSize size_after = store_size(store_file);
  expire_every_reply(store_file, hub.keys_dir());
  const StoreSize size_expired = store_size(store_file);
  auto per_closed = [&](const StoreSize& s) {
    return record.closed
               ? static_cast<double>(s.used - size_before.used) / static_cast<double>(record.closed)
               : 0.0;
  };

  // Growth: the idle hub (its heartbeat and ticket watch), a terminal's snapshot, and
  // add_line on a long tab, on the store as the rush left it.
  double idle_percent = 0, snapshot_ms = 0, add_line_ms_10 = 0, add_line_ms_long = 0;
  {
    HubProcess later(o, dir);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const double cpu0 = later.cpu_ms();
    const auto t0 = Clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(5));
    idle_percent = 100 * (later.cpu_ms() - cpu0) / ms_between(t0, Clock::now());
    Conversation tab(later.command_endpoint(), terminal_keys[0], "rush-pos-1");
    tab.login("1111");
    auto timed = [&](std::string_view type, const Json& args) {
      const auto t = Clock::now();
      Json r = tab.call(type, args);
      if (!r.value("ok", false)) die(std::string(type) + ": " + r.dump());
      return std::make_pair(ms_between(t, Clock::now()), r);
    };
    std::vector<double> snapshots, adds;
    for (int i = 0; i < 20; ++i)
      snapshots.push_back(
          timed("snapshot", {{"topics", {"check", "menu", "alert", "staff"}}}).first);
    snapshot_ms = percentile(snapshots, 0.5);
    const std::int64_t check =
        timed("open_check", {{"channel", "bar_tab"}, {"tab_name", "The long tab"}})
            .second["result"]["check_id"];
    for (int i = 0; i < o.long_tab; ++i) {
      const Orderable& pick = dishes[static_cast<std::size_t>(i) % dishes.size()];
      Json args = {{"check_id", check}, {"item_id", pick.item_id}, {"seat", 1 + i % 4}};
      if (!pick.forced.empty()) args["modifiers"] = pick.forced;
      adds.push_back(timed("add_line", args).first);
    }
    add_line_ms_10 = percentile({adds.begin(), adds.begin() + 10}, 0.5);
    add_line_ms_long = percentile({adds.end() - 10, adds.end()}, 0.5);
  }

  const double limit_commits = commit_limit(dir, 2.0);
  const double limit_rtt = round_trip_limit(2000);
  const std::uint64_t writes = record.terminal_commands + record.kitchen_commands;
  const double commands_per_s = static_cast<double>(writes) / elapsed_s;

  fmt::print("brigade-rush: {} terminals, {} screens, {}, {} s, store in {}{}\n", o.terminals,
             o.screens,
             o.rate > 0 ? fmt::format("offered {} terminal writes/s (open loop)", o.rate)
                        : std::string("saturation (closed loop)"),
             o.seconds, dir.string(), o.development ? ", DEVELOPMENT hub (no CURVE)" : "");
  fmt::print("{:<34} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
             "n");
  auto row = [](const char* what, const std::vector<double>& v) {
    fmt::print("{:<34} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f} {:>9}\n", what, percentile(v, 0.5),
               percentile(v, 0.99), percentile(v, 0.999),
               v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()), v.size());
  };
  row("send -> ticket on all its screens", to_screens);
  row("terminal write -> reply", record.reply_ms);
  fmt::print(
      "orders {} ({:.1f}/s); write commands {} ({:.1f}/s: terminals {}, kitchen {}); "
      "refused {}\n",
      record.orders, static_cast<double>(record.orders) / elapsed_s, writes, commands_per_s,
      record.terminal_commands, record.kitchen_commands, record.refused);
  fmt::print("tickets {}, deliveries {}, lost {}, duplicated {}\n", record.sent.size(), deliveries,
             lost, record.duplicated);
  fmt::print(
      "store: {} checks closed; {:.0f} bytes per closed check with the replies kept, {:.0f} "
      "once they expire ({:.1f} -> {:.1f} MiB used); the biggest:",
      record.closed, per_closed(size_after), per_closed(size_expired),
      static_cast<double>(size_before.used) / (1 << 20),
      static_cast<double>(size_after.used) / (1 << 20));
  for (std::size_t i = 0; i < size_after.by_table.size() && i < 6; ++i)
    fmt::print(" {} {:.1f} MiB", size_after.by_table[i].first,
               static_cast<double>(size_after.by_table[i].second) / (1 << 20));
  fmt::print("\n");
  fmt::print(
      "growth{}: idle hub {:.2f} % of a core; a terminal's snapshot p50 {:.2f} ms; add_line "
      "p50 {:.2f} ms on a tab of up to 10 lines, {:.2f} ms at {} lines\n",
      preloaded ? fmt::format(" (after {} preloaded closed checks)", preloaded) : std::string(),
      idle_percent, snapshot_ms, add_line_ms_10, add_line_ms_long, o.long_tab);
  fmt::print("hub: {:.3f} ms CPU per write command ({:.0f} % of a core), peak RSS {:.1f} MiB\n",
             writes ? hub_cpu_ms / static_cast<double>(writes) : 0.0,
             100 * hub_cpu_ms / (elapsed_s * 1000), peak_rss);
  fmt::print(
      "limits, same disk and loopback: {:.0f} single-row commits/s (the hub: {:.2f}x); "
      "1 KB round trip p50 {:.3f} ms (send -> screens p50: {:.1f}x)\n",
      limit_commits, commands_per_s / limit_commits, limit_rtt,
      percentile(to_screens, 0.5) / limit_rtt);
  Json summary = {
      {"terminals", o.terminals},
      {"screens", o.screens},
      {"rate", o.rate},
      {"seconds", o.seconds},
      {"orders", record.orders},
      {"orders_per_s", static_cast<double>(record.orders) / elapsed_s},
      {"commands_per_s", commands_per_s},
      {"p50_ms", percentile(to_screens, 0.5)},
      {"p99_ms", percentile(to_screens, 0.99)},
      {"p999_ms", percentile(to_screens, 0.999)},
      {"max_ms",
       to_screens.empty() ? 0.0 : *std::max_element(to_screens.begin(), to_screens.end())},
      {"lost", lost},
      {"duplicated", record.duplicated},
      {"refused", record.refused},
      {"limit_commits_per_s", limit_commits},
      {"limit_rtt_ms", limit_rtt},
      {"hub_cpu_ms_per_command", writes ? hub_cpu_ms / static_cast<double>(writes) : 0.0},
      {"hub_peak_rss_mb", peak_rss},
      {"closed_checks", record.closed},
      {"preloaded_closed_checks", preloaded},
      {"idle_hub_cpu_percent", idle_percent},
      {"snapshot_ms", snapshot_ms},
      {"add_line_ms_10_lines", add_line_ms_10},
      {"add_line_ms_long_tab", add_line_ms_long},
      {"long_tab_lines", o.long_tab},
      {"store_bytes_per_closed_check", per_closed(size_after)},
      {"store_bytes_per_closed_check_replies_expired", per_closed(size_expired)}};
  fmt::print("{}\n", summary.dump());
  if (!o.keep) fs::remove_all(dir);
  return lost == 0 && record.duplicated == 0 ? 0 : 1;
}
