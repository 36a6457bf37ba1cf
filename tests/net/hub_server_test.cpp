// HubServer over real sockets: endpoints, replies to bad input, heartbeat, tick, stop.
#include "brigade/net/hub_server.h"

#include "event_log_hub.h"

namespace brigade::net::testing {
namespace {

json parse_reply(const std::vector<std::string>& frames) {
  EXPECT_EQ(frames.size(), 1u);
  return frames.empty() ? json() : json::parse(frames.back(), nullptr, false);
}

TEST(HubServer, ReportsTheEndpointsTheOsChose) {
  EventLog log;
  TestHub hub(log);
  ASSERT_EQ(hub.bind_error(), "");
  EXPECT_TRUE(hub.command_endpoint().starts_with("tcp://127.0.0.1:"));
  EXPECT_TRUE(hub.event_endpoint().starts_with("tcp://127.0.0.1:"));
  EXPECT_EQ(hub.command_endpoint().find('*'), std::string::npos);
  EXPECT_NE(hub.command_endpoint(), hub.event_endpoint());
}

TEST(HubServer, BindOnAPortInUseSaysWhichEndpoint) {
  EventLog log;
  TestHub first(log);
  ASSERT_EQ(first.bind_error(), "");
  HubOptions options;
  options.command_endpoint = first.command_endpoint();
  options.event_endpoint = "tcp://127.0.0.1:*";
  HubServer second(options, [](std::string_view, const Peer&) { return HandledCommand{}; });
  EXPECT_EQ(second.bind(), first.command_endpoint() + ": Address already in use");
  EXPECT_FALSE(second.run());  // not bound: returns at once
}

TEST(HubServer, AnswersACommandOnTheSameConnection) {
  EventLog log;
  TestHub hub(log);
  RawDealer dealer(hub.command_endpoint());
  dealer.send({command("c-1", "echo", {{"x", 1}})});
  auto reply = parse_reply(dealer.receive());
  EXPECT_EQ(reply["id"], "c-1");
  EXPECT_EQ(reply["result"]["echo"]["x"], 1);
}

TEST(HubServer, OversizedFrameGetsMessageTooLargeAndTheHubKeepsServing) {
  EventLog log;
  TestHub hub(log);
  RawDealer dealer(hub.command_endpoint());
  dealer.send({std::string(10 * 1024 * 1024, '{')});
  auto refused = parse_reply(dealer.receive());
  EXPECT_EQ(refused["id"], "");
  EXPECT_EQ(refused["ok"], false);
  EXPECT_EQ(refused["error"]["code"], "message_too_large");
  EXPECT_EQ(refused["error"]["message"],
            "The command is 10485760 bytes; the hub accepts at most 1048576 bytes.");
  EXPECT_EQ(hub.server().oversized_commands(), 1u);

  dealer.send({command("after", "echo")});
  EXPECT_EQ(parse_reply(dealer.receive())["id"], "after");
}

TEST(HubServer, MalformedMultiFrameRequestStillGetsAReply) {
  EventLog log;
  TestHub hub(log);
  RawDealer dealer(hub.command_endpoint());
  // The handler sees the frames joined: here not JSON, so it refuses with id "".
  dealer.send({command("m-1", "echo"), "junk", "more junk"});
  auto reply = parse_reply(dealer.receive());
  EXPECT_EQ(reply["id"], "");
  EXPECT_EQ(reply["error"]["code"], "bad_request");

  dealer.send({""});  // an empty body
  EXPECT_EQ(parse_reply(dealer.receive())["error"]["code"], "bad_request");
  EXPECT_EQ(hub.server().commands_handled(), 2u);
}

TEST(HubServer, HandlerExceptionBecomesInternalErrorAndTheHubKeepsServing) {
  HubOptions options;
  options.command_endpoint = options.event_endpoint = "tcp://127.0.0.1:*";
  int calls = 0;
  HubServer hub(options, [&calls](std::string_view body, const Peer&) -> HandledCommand {
    if (++calls == 1) throw std::runtime_error("boom");
    return {std::string(body), {}};
  });
  ASSERT_EQ(hub.bind(), "");
  std::thread serving([&] { hub.run(); });
  RawDealer dealer(hub.command_endpoint());
  dealer.send({"first"});
  auto reply = parse_reply(dealer.receive());
  EXPECT_EQ(reply["error"]["code"], "internal_error");
  EXPECT_EQ(reply["error"]["message"], "The hub could not handle this command.");
  dealer.send({"second"});
  EXPECT_EQ(dealer.receive(), std::vector<std::string>{"second"});
  hub.stop();
  serving.join();
}

// The reply reaches the sender and the command's events go out as [topic][seq][body].
TEST(HubServer, PublishesTheHandlersEventsAsThreeFrames) {
  EventLog log;
  TestHub hub(log);
  zmq::context_t context;
  zmq::socket_t subscriber(context, zmq::socket_type::sub);
  subscriber.set(zmq::sockopt::linger, 0);
  subscriber.set(zmq::sockopt::subscribe, "");
  subscriber.connect(hub.event_endpoint());

  auto next = [&subscriber] {
    std::vector<zmq::message_t> frames;
    std::vector<std::string> texts;
    if (zmq::recv_multipart(subscriber, std::back_inserter(frames)))
      for (auto& frame : frames) texts.push_back(frame.to_string());
    return texts;
  };
  subscriber.set(zmq::sockopt::rcvtimeo, 20000);
  // A heartbeat shows the subscription is in place (no slow-joiner loss after it).
  auto heartbeat = next();
  ASSERT_EQ(heartbeat.size(), 3u);
  EXPECT_EQ(heartbeat[0], "hub");
  EXPECT_EQ(json::parse(heartbeat[2])["type"], "heartbeat");

  auto reply = call(hub.command_endpoint(), "append", {{"topics", {"check", "ticket.grill"}}});
  EXPECT_EQ(reply["result"]["last"], 1);
  std::vector<std::vector<std::string>> events;
  while (events.size() < 2) {
    auto frames = next();
    ASSERT_EQ(frames.size(), 3u);
    if (frames[0] != "hub") events.push_back(frames);
  }
  EXPECT_EQ(events[0][0], "check");
  EXPECT_EQ(events[1][0], "ticket.grill");
  EXPECT_EQ(events[0][1], "1");
  EXPECT_EQ(json::parse(events[1][2])["prev"], 0);
}

TEST(HubServer, TickPublicationsGoOutOnTheHubThread) {
  EventLog log;
  HubOptions options;
  options.tick_ms = 20;
  std::atomic<int> ticks = 0;
  options.tick = [&ticks] {
    ++ticks;
    return std::vector<Publication>{{"alert", 7, R"({"type":"station.not_acknowledged"})"}};
  };
  TestHub hub(log, options);
  zmq::context_t context;
  zmq::socket_t subscriber(context, zmq::socket_type::sub);
  subscriber.set(zmq::sockopt::linger, 0);
  subscriber.set(zmq::sockopt::rcvtimeo, 20000);
  subscriber.set(zmq::sockopt::subscribe, "alert");
  subscriber.connect(hub.event_endpoint());
  std::vector<zmq::message_t> frames;
  ASSERT_TRUE(zmq::recv_multipart(subscriber, std::back_inserter(frames)));
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[1].to_string(), "7");
  EXPECT_GE(ticks.load(), 1);
}

TEST(HubServer, StopFromAnotherThreadEndsRun) {
  HubOptions options;
  options.command_endpoint = options.event_endpoint = "tcp://127.0.0.1:*";
  HubServer hub(options, [](std::string_view, const Peer&) { return HandledCommand{"{}", {}}; });
  ASSERT_EQ(hub.bind(), "");
  std::atomic<bool> returned = false;
  std::thread serving([&] {
    EXPECT_TRUE(hub.run());
    returned = true;
  });
  std::this_thread::sleep_for(50ms);
  hub.stop();
  EXPECT_TRUE(wait_until([&] { return returned.load(); }));
  serving.join();
}

}  // namespace
}  // namespace brigade::net::testing
