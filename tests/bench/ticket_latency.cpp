// Benchmark: how long from a terminal's "send" to the ticket on a kitchen screen, over
// real ZeroMQ sockets on 127.0.0.1 with the real service and a real SQLite file
// (synchronous=FULL). Prints figures; asserts nothing (machines are shared and noisy).
//   ticket_latency [orders=300]
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "brigade/net/command_client.h"
#include "brigade/net/command_id.h"
#include "brigade/net/event_feed.h"
#include "brigade/net/hub_server.h"
#include "brigade/protocol/protocol.h"
#include "brigade/restaurant/restaurant_file.h"
#include "brigade/service/order_service.h"
#include "brigade/store/store.h"
#include "test_support.h"

using namespace brigade;
using Clock = std::chrono::steady_clock;
using protocol::Json;

namespace {

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

void report(const char* what, const std::vector<double>& ms) {
  std::printf("%-34s n=%-5zu p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms\n", what,
              ms.size(), percentile(ms, 0.50), percentile(ms, 0.95), percentile(ms, 0.99),
              *std::max_element(ms.begin(), ms.end()));
}

}  // namespace

int main(int argc, char** argv) {
  const int orders = argc > 1 ? std::atoi(argv[1]) : 300;
  testing::TempDir dir("brigade-bench");
  store::OpenOptions store_options;
  store_options.pin_key = std::string(64, '5');  // a bench needs no secret
  auto opened = store::Store::open(dir.file("store.db"), store_options);
  if (!opened) return std::fprintf(stderr, "%s\n", opened.error().message.c_str()), 1;
  auto store = std::move(opened).value();
  auto restaurant =
      load_restaurant_file(std::filesystem::path(BRIGADE_ASSETS_DIR) / "restaurant.json");
  if (!restaurant) return std::fprintf(stderr, "%s\n", restaurant.error().message.c_str()), 1;
  (void)store->transaction([&](store::Store& s) { return s.seed(*restaurant); });
  service::OrderService service(*store);

  net::HubOptions options;
  options.command_endpoint = "tcp://127.0.0.1:*";
  options.event_endpoint = "tcp://127.0.0.1:*";
  options.heartbeat = [&] {
    auto p = service.heartbeat(testing::now_ms());
    return net::Publication{p.topic, p.seq, p.body};
  };
  net::HubServer hub(options, [&](std::string_view request, const protocol::Peer& peer) {
    auto o = service.handle(request, peer, testing::now_ms());
    net::HandledCommand h{std::move(o.reply), {}};
    for (auto& p : o.publications) h.publications.push_back({p.topic, p.seq, p.body});
    return h;
  });
  if (auto e = hub.bind(); !e.empty()) return std::fprintf(stderr, "%s\n", e.c_str()), 1;
  std::thread hub_thread([&] { hub.run(); });

  // The grill screen: woken by the feed's notifier, so the wait is not a polling interval.
  std::mutex mutex;
  std::condition_variable arrived;
  net::FeedOptions feed_options;
  feed_options.command_endpoint = hub.command_endpoint();
  feed_options.event_endpoint = hub.event_endpoint();
  feed_options.device = "kds-bench";
  feed_options.topics = {"ticket.grill"};
  feed_options.notify = [&] { arrived.notify_all(); };
  net::EventFeed grill(feed_options);
  net::ClientOptions pos_options;
  pos_options.endpoint = hub.command_endpoint();
  net::CommandClient pos(pos_options);

  auto call = [&](const std::string& type, const Json& args, const std::string& session) {
    std::string id = net::make_command_id();
    auto reply = pos.call(id, protocol::make_command(id, type, "pos-bench", session, args),
                          std::chrono::seconds(30));
    return reply ? Json::parse(*reply) : Json();
  };
  std::string session = call("login", {{"pin", "1111"}}, "")["result"]["session"];

  // Wait for the screen's snapshot.
  for (bool loaded = false; !loaded;) {
    for (auto& item : grill.take())
      loaded = loaded || std::holds_alternative<net::SnapshotLoaded>(item);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  std::vector<double> send_to_screen, send_reply, add_reply;
  for (int i = 0; i < orders; ++i) {
    Json check =
        call("open_check", {{"channel", "bar_tab"}, {"tab_name", "Bench " + std::to_string(i)}},
             session);
    std::int64_t id = check["result"]["check_id"];
    auto t0 = Clock::now();
    call("add_line",
         {{"check_id", id}, {"item_id", "classic-burger"}, {"modifiers", {"temp-medium"}}},
         session);
    add_reply.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());

    auto sent_at = Clock::now();
    std::string send_id = net::make_command_id();
    pos.submit(send_id,
               protocol::make_command(send_id, "send", "pos-bench", session, {{"check_id", id}}));
    bool on_screen = false, replied = false;
    while (!on_screen || !replied) {
      for (auto& item : grill.take())
        if (auto* e = std::get_if<net::EventItem>(&item);
            e && e->type == "ticket.created" && !on_screen) {
          on_screen = true;
          send_to_screen.push_back(
              std::chrono::duration<double, std::milli>(Clock::now() - sent_at).count());
        }
      for (auto& r : pos.take_replies())
        if (r.id == send_id) {
          replied = true;
          send_reply.push_back(
              std::chrono::duration<double, std::milli>(Clock::now() - sent_at).count());
        }
      if (!on_screen || !replied) {
        std::unique_lock lock(mutex);
        arrived.wait_for(lock, std::chrono::milliseconds(1));
      }
    }
  }

  std::printf(
      "Brigade ticket latency, %d orders, real sockets on 127.0.0.1, SQLite synchronous=FULL\n",
      orders);
  report("add_line: command -> reply", add_reply);
  report("send: command -> reply", send_reply);
  report("send: command -> ticket on screen", send_to_screen);
  hub.stop();
  hub_thread.join();
  return 0;
}
