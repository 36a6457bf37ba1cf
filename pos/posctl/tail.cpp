#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

#include "brigade/net/event_feed.h"
#include "brigade/protocol/events.h"
#include "brigade/protocol/json_text.h"
#include "commands.h"
#include "printing.h"

namespace brigade::posctl {

namespace {

volatile std::sig_atomic_t g_stop_tail = 0;
extern "C" void stop_tail(int) {
  g_stop_tail = 1;
}

// One line per event: "#42     check          line.added                 Table 12".
void print_event(const net::EventItem& e) {
  Json body = protocol::read_json(e.body).doc;
  std::string what;
  if (body.contains("check")) what = body["check"].value("label", "");
  if (body.contains("ticket"))
    what = fmt::format("ticket {} {} {}", body["ticket"].value("id", 0),
                       body["ticket"].value("label", ""), body["ticket"].value("status", ""));
  if (body.contains("progress"))
    what = fmt::format("ticket {} {}", body["progress"].value("id", 0),
                       body["progress"].value("status", ""));
  if (body.contains("stock"))
    what = body["stock"].value("item_id", "") + (body["stock"].value("out", false) ? " OUT" : "");
  if (body.contains("station"))
    what = "station " + body.value("station", "") + " " + body.value("label", "");
  fmt::print("#{:<6} {:<14} {:<26} {}\n", e.seq, e.topic, e.type, what);
  std::fflush(stdout);
}

}  // namespace

TailCommand::TailCommand(CommandLine cli) {
  auto* tail = cli.app.add_subcommand("tail", "print events as they happen (Ctrl-C stops)");
  tail->add_option("--topic", topics_, "topics to follow (repeat; default: all)")
      ->allow_extra_args(false);
  tail->callback([this, cli] {
    cli.run = [this, cli](Hub&) {
      namespace topic = protocol::topic;
      net::FeedOptions f;
      f.command_endpoint = cli.options.commands;
      f.event_endpoint = cli.options.events;
      f.device = cli.options.device;
      f.curve = cli.options.curve;
      f.topics =
          topics_.empty()
              ? std::vector<std::string>{std::string(topic::check), std::string(topic::menu),
                                         std::string(topic::tickets), std::string(topic::alert),
                                         std::string(topic::staff)}
              : topics_;
      net::EventFeed feed(f);
      std::signal(SIGINT, stop_tail);
      std::signal(SIGTERM, stop_tail);
      bool was_online = true;
      while (!g_stop_tail) {
        for (auto& item : feed.take()) {
          if (auto* e = std::get_if<net::EventItem>(&item))
            print_event(*e);
          else
            fmt::print("-- snapshot loaded\n");
        }
        bool online = feed.status().online;
        if (online != was_online && feed.status().snapshot_loaded)
          fmt::print("{}",
                     online ? "-- hub back online\n" : "-- OFFLINE: no heartbeat from the hub\n");
        was_online = online;
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    };
  });
}

}  // namespace brigade::posctl
