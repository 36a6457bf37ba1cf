// A save writes only the rows of a check that changed (Store::save_check), and commands
// that arrive together are committed together (OrderService::handle_batch). The file must
// be exactly the one that one command at a time, each saving every row, leaves: two hubs,
// one as shipped and one with OpenOptions::full_saves, take the same commands (the fuzz
// seeds, then random shifts, in random batches for the first) and must give the same
// replies, the same events and the same check tables, row for row.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <random>

#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "hub_fixture.h"

using namespace brigade;
using namespace brigade::testing;

namespace {

class Twin {
 public:
  explicit Twin(bool full_saves) {
    const auto db = dir_.file("store.db");
    store::OpenOptions options = hub_store_options(db);
    options.full_saves = full_saves;
    options.synchronous_full = false;
    auto opened = store::Store::open(db, options);
    if (!opened) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
    auto restaurant = load_restaurant_file(sample_restaurant_path());
    auto seeded = store_->transaction([&](store::Store& s) { return s.seed(restaurant.value()); });
    if (!seeded) throw std::runtime_error(seeded.error().message);
    service_ = std::make_unique<service::OrderService>(*store_);
    // Everyone logs in first, so that their login events come in the same order whether
    // the commands then arrive in batches or one by one.
    for (const char* pin : {"1234", "1111", "7777"}) session(pin);
  }

  // One command frame with "$M", "$S", "$K" standing for the manager's, the server's and
  // the cook's session on pos-1. Login replies carry random tokens: they come back as "".
  std::string send(std::string request) {
    tick();
    return send_batch({std::move(request)}).front();
  }
  void tick() { now_ += 1'500; }

  // Commands that arrived together: one batch, one commit. Each reply comes back with the
  // events it published (their bodies and sequence numbers). The clock does not move.
  std::vector<std::string> send_batch(std::vector<std::string> requests) {
    std::vector<service::OrderService::Incoming> incoming;
    for (auto& request : requests) {
      for (auto [mark, pin] : {std::pair{"$M", "1234"}, {"$S", "1111"}, {"$K", "7777"}})
        for (auto at = request.find(mark); at != std::string::npos; at = request.find(mark))
          request.replace(at, 2, session(pin));
      incoming.push_back({request, {}});
    }
    auto outcomes = requests.size() == 1
                        ? std::vector<service::Outcome>{service_->handle(requests[0], {}, now_)}
                        : service_->handle_batch(incoming, now_);
    std::vector<std::string> replies;
    for (const auto& outcome : outcomes) {
      follow(outcome);
      Json reply = Json::parse(outcome.reply);
      if (reply.contains("result") && reply["result"].is_object()) reply["result"].erase("session");
      std::string text = reply.dump();
      for (const auto& p : outcome.publications) text += "\n" + p.topic + " " + p.body;
      replies.push_back(std::move(text));
    }
    return replies;
  }

  // Every row of the check tables, in order.
  std::string check_tables() const {
    SQLite::Database db(dir_.file("store.db").string(), SQLite::OPEN_READONLY);
    std::string out;
    for (const char* table :
         {"checks", "lines", "line_modifiers", "discounts", "payments", "split_assignments"}) {
      SQLite::Statement rows(db, std::string("SELECT * FROM ") + table + " ORDER BY 1, 2");
      out += std::string("== ") + table + "\n";
      while (rows.executeStep()) {
        for (int c = 0; c < rows.getColumnCount(); ++c)
          out += rows.getColumn(c).getString() + (rows.getColumn(c).isNull() ? "<null>" : "") + "|";
        out += "\n";
      }
    }
    return out;
  }

  // Every check as a terminal following topic `check` holds it, from the events alone
  // (each carries only the lines that changed), against the hub's own get_check: "" when
  // all agree, else the first that does not.
  std::string events_disagree() {
    if (changes_not_applied_ > 0)
      return std::to_string(changes_not_applied_) + " change(s) named a line never seen";
    for (const auto& [id, mirrored] : mirror_) {
      auto outcome =
          service_->handle(protocol::make_command("mirror-" + std::to_string(++reads_), "get_check",
                                                  "pos-1", session("1234"), {{"check_id", id}}),
                           {}, now_);
      Json hub = Json::parse(outcome.reply)["result"]["check"];
      if (hub != mirrored)
        return "check " + std::to_string(id) + "\nfrom events: " + mirrored.dump() +
               "\nthe hub's:   " + hub.dump();
    }
    return "";
  }

 private:
  void follow(const service::Outcome& outcome) {
    for (const auto& p : outcome.publications) {
      if (p.topic != "check") continue;
      Json body = Json::parse(p.body)["body"];
      const std::int64_t id = body["check"]["id"];
      auto known = mirror_.find(id);
      auto whole = protocol::apply_change(known == mirror_.end() ? nullptr : &known->second,
                                          body["check"], body["lines"]);
      if (whole)
        mirror_[id] = std::move(*whole);
      else
        ++changes_not_applied_;
    }
  }

  std::string session(const char* pin) {
    auto [it, added] = sessions_.try_emplace(pin);
    if (added) {
      auto outcome = service_->handle(
          protocol::make_command(std::string("login-") + pin, "login", "pos-1", "", {{"pin", pin}}),
          {}, now_);
      it->second = Json::parse(outcome.reply)["result"].value("session", "");
    }
    return it->second;
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<service::OrderService> service_;
  std::map<std::string, std::string> sessions_;
  std::map<std::int64_t, Json> mirror_;
  int changes_not_applied_ = 0, reads_ = 0;
  EpochMs now_ = 1'795'000'000'000;
};

// Sends the same frame to both and expects the same reply.
void both(Twin& shipped, Twin& full, const std::string& request) {
  std::string a = shipped.send(request), b = full.send(request);
  ASSERT_EQ(a, b) << request;
}

template <class Command>
std::string frame(int n, const Command& command, const char* session = "$S") {
  return protocol::make_command("c-" + std::to_string(n), Command::kind, "pos-1", session,
                                protocol::to_json(command));
}

}  // namespace

TEST(IncrementalSave, TheFuzzSeedsLeaveTheSameFileAsSavingEveryRow) {
  const auto corpus =
      std::filesystem::path(BRIGADE_ASSETS_DIR) / ".." / "tests" / "fuzz" / "corpus";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    Twin shipped(false), full(true);
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) both(shipped, full, line);
    EXPECT_EQ(shipped.check_tables(), full.check_tables()) << entry.path().filename();
    EXPECT_EQ(shipped.events_disagree(), "") << entry.path().filename();
    ++files;
  }
  EXPECT_GT(files, 30);
}

TEST(IncrementalSave, RandomShiftsInBatchesLeaveTheSameFileAsOneByOneSavingEveryRow) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kItems = {
      {"beer-ipa", {}},
      {"fries", {}},
      {"calamari", {}},
      {"oysters", {}},
      {"lemonade", {}},
      {"wine-pinot-noir", {}},
      {"short-rib", {}},
      {"classic-burger", {"temp-medium"}},
      {"classic-burger", {"temp-medium-rare", "add-bacon"}}};
  for (unsigned seed = 1; seed <= 12; ++seed) {
    std::mt19937 random(seed);
    auto pick = [&](int low, int high) {
      return std::uniform_int_distribution<int>(low, high)(random);
    };
    Twin shipped(false), full(true);
    // Ids start at 1 in each store: checks 1..6, lines 1..~40.
    int checks = 0;
    std::vector<std::string> batch;
    for (int n = 0; n < 120; ++n) {
      const std::int64_t check = pick(1, std::max(1, checks));
      const std::int64_t line = pick(1, 40);
      std::string request;
      switch (pick(0, 13)) {
        case 0:
          if (checks < 6) {
            protocol::OpenCheck open{Channel::bar_tab};
            open.tab_name = "Tab " + std::to_string(++checks);
            request = frame(n, open);
          }
          break;
        case 1:
        case 2:
        case 3: {
          const auto& [item, modifiers] = kItems[static_cast<std::size_t>(pick(0, 8))];
          protocol::AddLine add{check, item};
          add.quantity = pick(1, 3);
          add.seat = pick(0, 4);
          if (!modifiers.empty()) add.modifiers = modifiers;
          request = frame(n, add);
          break;
        }
        case 4: {
          protocol::ChangeLine change{check, line};
          change.quantity = pick(1, 4);
          if (pick(0, 1)) change.seat = pick(0, 4);
          request = frame(n, change);
          break;
        }
        case 5:
          request = frame(n, protocol::RemoveLine{check, line});
          break;
        case 6:
          request = frame(n, protocol::Send{check});
          break;
        case 7:
          request = frame(n, protocol::VoidLine{check, line, std::nullopt, "sent back"}, "$M");
          break;
        case 8: {
          protocol::GiveDiscount discount{check};
          if (pick(0, 1)) discount.line_id = line;
          // Percent, amount (shared out over the lines by their prices) or comp.
          discount.discount = std::array{DiscountKind::percent, DiscountKind::amount,
                                         DiscountKind::comp}[static_cast<std::size_t>(pick(0, 2))];
          if (discount.discount == DiscountKind::percent) discount.percent_bp = 1000 * pick(1, 5);
          if (discount.discount == DiscountKind::amount)
            discount.amount = Money::cents(pick(50, 900));
          discount.reason = "regular";
          request = frame(n, discount, "$M");
          break;
        }
        case 9:
          request = frame(n, protocol::MoveLines{check,
                                                 pick(1, std::max(1, checks)),
                                                 {line, static_cast<std::int64_t>(pick(1, 40))}});
          break;
        case 10:
          request = frame(n, protocol::MergeChecks{check, pick(1, std::max(1, checks))});
          break;
        case 11: {
          protocol::SplitCheck split{check, pick(0, 1) ? SplitKind::even : SplitKind::by_seat};
          if (split.split == SplitKind::even) split.parts = pick(2, 3);
          request = frame(n, split);
          break;
        }
        case 12: {
          protocol::Pay pay{check, Tender::cash, Money::cents(100 * pick(1, 60))};
          request = frame(n, pay);
          break;
        }
        case 13:
          request = frame(n, protocol::CloseCheck{check});
          break;
      }
      if (request.empty()) continue;
      // The shipped hub takes them in batches of 1 to 5, as they would arrive together;
      // the reference one at a time.
      batch.push_back(request);
      if (static_cast<int>(batch.size()) >= pick(1, 5)) {
        shipped.tick();
        full.tick();  // the same clock for the batch and its commands one by one
        auto replies = shipped.send_batch(batch);
        for (std::size_t i = 0; i < batch.size(); ++i)
          ASSERT_EQ(replies[i], full.send_batch({batch[i]}).front()) << batch[i];
        batch.clear();
        ASSERT_EQ(shipped.events_disagree(), "") << "seed " << seed << " command " << n;
      }
    }
    ASSERT_EQ(shipped.check_tables(), full.check_tables()) << "seed " << seed;
  }
}
