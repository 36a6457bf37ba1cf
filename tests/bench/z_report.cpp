// brigade-zbench: how long the X and Z reports of a big day take on the hub
// (docs/benchmarks.md). A store on disk is seeded with the sample restaurant; the first
// check is placed through the hub's own commands (it opens day 1); then --checks closed
// checks (1 to 6 lines of items without forced choices, some discounts, comps and voids,
// cash with change or card with a tip, 1 to 8 guests, over twelve hours) are written as
// the hub writes a close: the check, its day, its tallies, in transactions of 1,000. Then
// the hub's OrderService answers x_report (--repeat times, median) and close_day (once:
// the Z report made, checked and kept), each timed from request bytes to reply bytes.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <vector>

#include "brigade/domain/pricing.h"
#include "brigade/domain/report.h"
#include "brigade/protocol/protocol.h"
#include "brigade/restaurant/restaurant_file.h"
#include "brigade/service/order_service.h"
#include "brigade/store/store.h"

using namespace brigade;
using protocol::Json;

namespace {

struct Timed {
  Json reply;
  double ms = 0;
};

class Office {
 public:
  Office(service::OrderService& hub, EpochMs& now) : hub_(hub), now_(now) {}
  Timed call(std::string_view type, const Json& args = Json::object()) {
    const std::string request = protocol::make_command("zbench-" + std::to_string(++counter_), type,
                                                       "zbench", session_, args, "");
    const auto start = std::chrono::steady_clock::now();
    auto outcome = hub_.handle(request, {}, now_);
    const auto end = std::chrono::steady_clock::now();
    Timed t{Json::parse(outcome.reply),
            std::chrono::duration<double, std::milli>(end - start).count()};
    if (!t.reply.value("ok", false)) {
      fmt::print(stderr, "zbench: {} refused: {}\n", type, t.reply.dump());
      std::exit(1);
    }
    if (type == "login") session_ = t.reply["result"]["session"];
    return t;
  }

 private:
  service::OrderService& hub_;
  EpochMs& now_;
  std::string session_;
  int counter_ = 0;
};

// The items a check may hold here: on the menu, without a forced choice.
std::vector<const MenuItem*> plain_items(const Menu& menu) {
  std::vector<const MenuItem*> items;
  for (const MenuItem& item : menu.items) {
    bool forced = false;
    for (const std::string& id : item.modifier_group_ids)
      if (const ModifierGroup* g = menu.find_group(id); g && g->min_select > 0) forced = true;
    if (!forced && !item.retired) items.push_back(&item);
  }
  return items;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"brigade-zbench: the X and Z reports of a big day on the hub"};
  std::int64_t checks = 100'000;
  int repeat = 5;
  std::string dir = "/var/tmp";
  std::string restaurant_path = BRIGADE_ASSETS_DIR "/restaurant.json";
  app.add_option("--checks", checks, "closed checks in the day (100000)");
  app.add_option("--repeat", repeat, "x_report runs; the median is reported (5)");
  app.add_option("--dir", dir, "where the store file goes (a disk: /tmp may be memory)");
  app.add_option("--restaurant", restaurant_path, "the restaurant file to seed");
  CLI11_PARSE(app, argc, argv);

  const std::filesystem::path work =
      std::filesystem::path(dir) / ("brigade-zbench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(work);
  const std::filesystem::path db = work / "store.db";
  store::OpenOptions options;
  auto key = store::load_or_create_pin_key(store::pin_key_path((work / "keys").string()));
  if (!key) return fmt::print(stderr, "zbench: {}\n", key.error().message), 1;
  options.pin_key = key.value();
  auto opened = store::Store::open(db, options);
  if (!opened) return fmt::print(stderr, "zbench: {}\n", opened.error().message), 1;
  store::Store& store = *opened.value();
  auto restaurant = load_restaurant_file(restaurant_path);
  if (!restaurant) return fmt::print(stderr, "zbench: {}\n", restaurant.error().message), 1;
  if (auto s = store.transaction([&](store::Store& s) { return s.seed(restaurant.value()); }); !s)
    return fmt::print(stderr, "zbench: {}\n", s.error().message), 1;

  EpochMs now = 1'795'000'000'000;
  service::OrderService hub(store, {});
  Office office(hub, now);
  office.call("login", {{"pin", "1234"}});
  // The first check through the hub's commands: it opens day 1.
  const Json opened_check =
      office.call("open_check", {{"channel", "dine_in"}, {"table_id", "12"}, {"guests", 2}})
          .reply["result"];
  const std::int64_t first = opened_check["check_id"];
  office.call("add_line", {{"check_id", first}, {"item_id", "beer-ipa"}});
  office.call("send", {{"check_id", first}});
  const std::int64_t due =
      office.call("get_check", {{"check_id", first}}).reply["result"]["check"]["totals"]["total"];
  office.call("pay", {{"check_id", first}, {"tender", "card"}, {"amount", due}, {"tip", 200}});
  office.call("close_check", {{"check_id", first}});
  const std::int64_t day = store.day_of_check(first);

  const Menu menu = store.load_menu();
  const std::vector<const MenuItem*> items = plain_items(menu);
  const char* servers[] = {"sam", "priya", "jess", "tom"};
  std::mt19937 random(12);
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const auto fill_start = std::chrono::steady_clock::now();
  for (std::int64_t done = 0; done < checks;) {
    auto batch = store.transaction([&](store::Store& s) -> Status {
      for (int n = 0; n < 1000 && done < checks; ++n, ++done) {
        const std::int64_t id = s.next_id("check");
        CheckRequest request{Channel::dine_in, "12", "", "", "", 0, pick(1, 8)};
        Check check = open_check(id, s.next_id("check_number"), request, servers[pick(0, 3)],
                                 now - 12 * 3'600'000 + pick(0, 12 * 3'600));
        for (int l = pick(1, 6); l > 0; --l) {
          const MenuItem& item = *items[pick(0, static_cast<int>(items.size()) - 1)];
          LineRequest asked;
          asked.item_id = item.id;
          asked.quantity = pick(1, 3);
          asked.seat = pick(0, 4);
          auto line = build_line(menu, {}, asked);
          if (!line) continue;
          line->id = s.next_id("line");
          if (auto a = add_line(check, std::move(line.value())); !a) return a;
        }
        if (auto sent = send_lines(check, {}, check.opened_at); !sent) return sent.error();
        if (pick(1, 20) == 1)
          if (auto v = void_line(check, check.lines[0].id, 1, "sent back", "dana", pick(0, 1)); !v)
            return v;
        if (pick(1, 10) == 1) {
          Discount d;
          d.id = s.next_id("discount");
          d.kind = pick(1, 3) == 1 ? DiscountKind::comp : DiscountKind::percent;
          d.basis_points = 1000;
          d.reason = "regular";
          d.approved_by = "dana";
          if (auto a = add_discount(check, d); !a) return a;
        }
        const Money total = price_check(check, menu.tax_classes).total;
        if (!total.is_zero()) {
          const bool cash = pick(0, 1) == 0;
          PaymentRequest pay{cash ? Tender::cash : Tender::card,
                             cash ? total + Money::cents(pick(0, 2000)) : total,
                             cash ? Money{} : Money::cents(pick(0, 3000)), 0, ""};
          auto paid = take_payment(check, menu.tax_classes, pay, s.next_id("payment"),
                                   check.server_id, check.opened_at + 3'600'000);
          if (!paid) return paid.error();
        }
        if (auto c = close_check(check, menu.tax_classes, check.opened_at + 3'600'000); !c)
          return c;
        if (auto w = s.save_check(check); !w) return w;
        if (auto d = s.set_day_of_check(check.id, day); !d) return d;
        if (auto t = s.add_tallies(day, sale_tallies(check, menu.tax_classes, menu)); !t) return t;
        if (auto m = s.mark_tallied(check.id); !m) return m;
      }
      return success();
    });
    if (!batch) return fmt::print(stderr, "zbench: {}\n", batch.error().message), 1;
  }
  const double fill_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - fill_start).count();

  std::vector<double> x_ms;
  Json x;
  for (int i = 0; i < std::max(1, repeat); ++i) {
    Timed t = office.call("x_report");
    x_ms.push_back(t.ms);
    x = t.reply["result"]["report"];
  }
  std::sort(x_ms.begin(), x_ms.end());
  const Timed z = office.call("close_day");
  const Json& report = z.reply["result"]["report"];
  const std::int64_t tallies = static_cast<std::int64_t>(store.load_tallies(day).size());
  std::uintmax_t bytes = std::filesystem::file_size(db);
  if (std::filesystem::exists(db.string() + "-wal"))
    bytes += std::filesystem::file_size(db.string() + "-wal");

  fmt::print("closed checks in day {}      {}\n", day,
             report["checks"]["closed"].get<std::int64_t>());
  fmt::print("net sales                  {:.2f}\n",
             report["sales"]["net"].get<std::int64_t>() / 100.0);
  fmt::print("reconciles                 {}\n", report["reconciles"].get<bool>());
  fmt::print("tally rows                 {}\n", tallies);
  fmt::print("store                      {:.1f} MB (filled in {:.1f} s)\n", bytes / 1e6, fill_s);
  fmt::print("x_report median of {}       {:.2f} ms (min {:.2f}, max {:.2f})\n", x_ms.size(),
             x_ms[x_ms.size() / 2], x_ms.front(), x_ms.back());
  fmt::print("close_day with the Z       {:.2f} ms\n", z.ms);
  fmt::print(
      "{{\"checks\":{},\"tally_rows\":{},\"x_report_ms\":{:.2f},\"close_day_ms\":{:.2f},"
      "\"reconciles\":{},\"store_mb\":{:.1f}}}\n",
      report["checks"]["closed"].get<std::int64_t>(), tallies, x_ms[x_ms.size() / 2], z.ms,
      report["reconciles"].get<bool>(), bytes / 1e6);
  std::filesystem::remove_all(work);
  return report["reconciles"].get<bool>() && x["sales"]["net"] == report["sales"]["net"] ? 0 : 1;
}
