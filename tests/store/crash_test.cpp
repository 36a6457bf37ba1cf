// Kill the writer mid-write and reopen: SQLite's WAL must bring back every committed
// check whole, with its lines and its event, and nothing of the transaction in flight.
// A child process writes; the parent kills it with SIGKILL and checks the file.
#include <SQLiteCpp/Database.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <set>

#include "store_test_support.h"

namespace brigade::store {
namespace {

using testing::TempDir;

// Child -> parent, one per message (16 bytes: written whole, below PIPE_BUF).
struct Report {
  std::int64_t kind;
  std::int64_t check_id;
};
constexpr std::int64_t kCommitted = 1;  // check_id and its event are committed
constexpr std::int64_t kMidway = 2;     // check_id is written but not committed; child waits

int lines_for(std::int64_t check_id) {
  return 2 + static_cast<int>(check_id % 4);
}

std::string event_body(std::int64_t check_id) {
  return R"({"check":)" + std::to_string(check_id) + "}";
}

// [SECTION] the child: no gtest here, and _exit at the end

Check crash_check(Store& store, std::int64_t id) {
  Check check;
  check.id = id;
  check.number = id;
  check.table_id = std::to_string(id % 20 + 1);
  check.guests = 2;
  check.server_id = "ana";
  check.opened_at = 1'700'000'000'000 + id;
  for (int i = 0; i < lines_for(id); ++i) {
    Line line;
    line.id = store.next_id("line");
    line.item_id = "burger";
    line.name = "Check " + std::to_string(id) + " line " + std::to_string(i);
    line.quantity = 1 + i;
    line.unit_price = Money::cents(1450);
    line.tax_class_id = "food";
    line.station_ids = {"grill"};
    line.modifiers = {{"temp", "temp-rare", "Rare", Money::zero()}};
    line.ordered_at = check.opened_at;
    check.lines.push_back(line);
  }
  return check;
}

bool send_report(int fd, std::int64_t kind, std::int64_t check_id) {
  const Report report{kind, check_id};
  return ::write(fd, &report, sizeof report) == static_cast<ssize_t>(sizeof report);
}

// Writes checks, one transaction each, until killed. With stop_after = K, transaction
// K+1 saves its check, writes a few MB more (so that SQLite spills uncommitted pages
// into the WAL), reports kMidway and waits to be killed.
[[noreturn]] void write_checks(const std::filesystem::path& path, int fd,
                               std::optional<int> stop_after) {
  auto opened = Store::open(path);
  if (!opened) ::_exit(10);
  Store& store = **opened;
  for (int n = 0;; ++n) {
    const bool midway = stop_after && n == *stop_after;
    std::int64_t id = 0;
    Status status = store.transaction([&](Store& s) -> Status {
      id = s.next_id("check");
      if (auto saved = s.save_check(crash_check(s, id)); !saved) return saved;
      if (midway) {
        const std::string filler = R"({"filler":")" + std::string(64 * 1024, 'x') + R"("})";
        for (int i = 0; i < 64; ++i) s.append_event("filler", filler, 0);
        send_report(fd, kMidway, id);
        for (;;) ::pause();
      }
      s.append_event("check.opened", event_body(id), 1'700'000'000'000 + id);
      return success();
    });
    if (!status) ::_exit(11);
    if (!send_report(fd, kCommitted, id)) ::_exit(12);
  }
}

// [SECTION] the parent

struct Writer {
  pid_t pid = -1;
  int fd = -1;  // read end
};

Writer start_writer(const std::filesystem::path& path, std::optional<int> stop_after) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    write_checks(path, fds[1], stop_after);
  }
  ::close(fds[1]);
  return Writer{pid, fds[0]};
}

// The next report, or nullopt at end of file or after timeout_ms without one.
std::optional<Report> next_report(int fd, int timeout_ms) {
  Report report{};
  auto* bytes = reinterpret_cast<char*>(&report);
  std::size_t got = 0;
  while (got < sizeof report) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return std::nullopt;
    const ssize_t n = ::read(fd, bytes + got, sizeof report - got);
    if (n <= 0) return std::nullopt;
    got += static_cast<std::size_t>(n);
  }
  return report;
}

void kill_and_reap(Writer& writer) {
  ::kill(writer.pid, SIGKILL);
  int status = 0;
  ASSERT_EQ(::waitpid(writer.pid, &status, 0), writer.pid);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer ended by itself: exit code " << WEXITSTATUS(status);
}

// Reopens the file and checks: integrity, every reported commit present, every check
// whole (all its lines, each with its modifier, and its event), events numbered 1..N.
// Returns the number of checks.
std::size_t expect_whole_store(const std::filesystem::path& path,
                               const std::set<std::int64_t>& committed) {
  auto opened = Store::open(path);
  EXPECT_TRUE(opened.ok()) << opened.error().message;
  if (!opened) return 0;
  Store& store = **opened;
  EXPECT_EQ(store.integrity_check(), "ok");

  const std::vector<Check> checks = store.load_open_checks();
  std::set<std::int64_t> stored;
  for (const Check& check : checks) {
    stored.insert(check.id);
    EXPECT_EQ(check.lines.size(), static_cast<std::size_t>(lines_for(check.id)))
        << "check " << check.id << " is partial";
    for (std::size_t i = 0; i < check.lines.size(); ++i) {
      EXPECT_EQ(check.lines[i].name,
                "Check " + std::to_string(check.id) + " line " + std::to_string(i));
      EXPECT_EQ(check.lines[i].modifiers.size(), 1u);
    }
  }
  for (std::int64_t id : committed) EXPECT_TRUE(stored.contains(id)) << "lost check " << id;

  const std::vector<Event> events = store.events_since(0, 1'000'000);
  EXPECT_EQ(events.size(), checks.size()) << "one event per check, no more";
  std::set<std::string> bodies;
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].sequence, static_cast<std::int64_t>(i + 1)) << "gap in the event log";
    EXPECT_EQ(events[i].type, "check.opened");
    bodies.insert(events[i].body);
  }
  for (std::int64_t id : stored)
    EXPECT_TRUE(bodies.contains(event_body(id))) << "check " << id << " has no event";

  // Nothing half-written is left behind rows-wise either.
  std::size_t lines = 0;
  for (const Check& check : checks) lines += check.lines.size();
  Status next = store.transaction([&](Store& s) {
    EXPECT_EQ(s.next_id("check"), static_cast<std::int64_t>(stored.size()) + 1)
        << "check ids were taken without a check";
    EXPECT_EQ(s.next_id("line"), static_cast<std::int64_t>(lines) + 1);
    return fail(Errc::invalid_argument, "look, don't touch");
  });
  EXPECT_FALSE(next);
  return checks.size();
}

TEST(StoreCrash, KillMidTransactionKeepsEveryCommitAndNothingOfTheRest) {
  TempDir dir;
  const auto path = dir.file("store.db");
  constexpr int kCommits = 5;
  Writer writer = start_writer(path, kCommits);
  ASSERT_GT(writer.pid, 0);

  std::set<std::int64_t> committed;
  std::int64_t midway = 0;
  while (auto report = next_report(writer.fd, 30'000)) {
    if (report->kind == kMidway) {
      midway = report->check_id;
      break;
    }
    committed.insert(report->check_id);
  }
  // Uncommitted pages went to the WAL: recovery has something to ignore.
  const auto wal_size = std::filesystem::file_size(dir.file("store.db-wal"));
  kill_and_reap(writer);
  ::close(writer.fd);
  ASSERT_EQ(committed.size(), static_cast<std::size_t>(kCommits));
  ASSERT_EQ(midway, kCommits + 1);
  EXPECT_GT(wal_size, 1'000'000u);

  EXPECT_EQ(expect_whole_store(path, committed), static_cast<std::size_t>(kCommits));
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store.ok());
    auto lost = (*store)->load_check(midway);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, Errc::not_found);
    EXPECT_EQ((*store)->last_sequence(), kCommits);
  }

  // Row by row, through a connection of its own: no line or modifier of the lost check.
  SQLite::Database db(path.string());
  std::int64_t lines = 0;
  for (std::int64_t id = 1; id <= kCommits; ++id) lines += lines_for(id);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM lines").getInt64(), lines);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM line_modifiers").getInt64(), lines);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM lines WHERE check_id = " + std::to_string(midway))
                .getInt64(),
            0);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM events WHERE type = 'filler'").getInt64(), 0);
}

TEST(StoreCrash, KillAtRandomTimesNeverLosesACommitOrLeavesAPartialCheck) {
  TempDir dir;
  const auto path = dir.file("store.db");
  std::mt19937 random(20'261'127);  // fixed: a failure can be replayed
  std::uniform_int_distribution<int> delay_ms(0, 120);
  std::set<std::int64_t> committed;
  std::size_t checks = 0;
  for (int round = 0; round < 10; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    Writer writer = start_writer(path, std::nullopt);
    ASSERT_GT(writer.pid, 0);
    const auto kill_at =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms(random));
    while (std::chrono::steady_clock::now() < kill_at) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          kill_at - std::chrono::steady_clock::now());
      auto report = next_report(writer.fd, static_cast<int>(left.count()) + 1);
      if (!report) break;
      committed.insert(report->check_id);
    }
    kill_and_reap(writer);
    // Reports written before the kill are still in the pipe.
    while (auto report = next_report(writer.fd, 0)) committed.insert(report->check_id);
    ::close(writer.fd);

    const std::size_t now_stored = expect_whole_store(path, committed);
    EXPECT_GE(now_stored, checks) << "checks disappeared";
    checks = now_stored;
  }
  EXPECT_GT(committed.size(), 0u) << "the writer never got going: the test proved little";
}

}  // namespace
}  // namespace brigade::store
