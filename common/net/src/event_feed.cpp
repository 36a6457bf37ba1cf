// EventFeed: the Clone pattern of docs/protocol.md section 3 on a network thread.
//
// [SECTION] Wire parsing      - events and heartbeats from JSON
// [SECTION] FeedLoop          - the state of the network thread: last[topic], held events,
//                               catch-ups in flight, the delivered set
// [SECTION] EventFeed         - the caller's side: mailbox and status
//
// Per topic t the loop keeps last[t]. A live event with prev == last[t] is applied; one
// with a larger prev means events were lost, so it is held and events_since fetches what
// is missing; held events are then applied in order. While a catch-up for t is in flight
// every live event of t is held. One event may come on several topics with one seq: it is
// delivered the first time only (the delivered set), yet advances last[] of each topic.
#include "brigade/net/event_feed.h"

#include <atomic>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <zmq_addon.hpp>

#include "brigade/net/command_id.h"
#include "brigade/protocol/commands.h"
#include "brigade/protocol/events.h"
#include "brigade/protocol/json_text.h"
#include "loop.h"
#include "mailbox.h"
#include "pirate_channel.h"
#include "wakeup.h"

namespace brigade::net {

using detail::Clock;
using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------
// [SECTION] Wire parsing
// ---------------------------------------------------------------------------------------

constexpr std::size_t kMaxHeldEvents = 100000;     // per topic; beyond it catch-up pages fetch
constexpr std::size_t kMaxDeliveredSet = 1000000;  // a bound even if heartbeats never prune
constexpr int kMessagesPerBatch = 1000;
constexpr std::chrono::milliseconds kSnapshotRetryAfter{1000};

struct Event {
  std::int64_t seq = 0;
  std::int64_t prev = 0;
  std::string topic;
  std::string type;
  std::int64_t at = 0;
  std::string body;
};

// A protocol event with its body kept as text: the feed hands bodies on, it does not read
// them.
std::optional<Event> parse_event(const json& object, const std::string& topic_fallback) {
  auto message = protocol::decode_event(object, topic_fallback);
  if (!message) return std::nullopt;
  return Event{message->seq,
               message->prev,
               std::move(message->topic),
               std::move(message->type),
               message->at,
               message->body.dump(-1, ' ', false, json::error_handler_t::replace)};
}

// The member `name` if it is there with the wanted type, else nullptr.
const json* member(const json& object, const char* name, json::value_t type) {
  auto it = object.find(name);
  return it != object.end() && it->type() == type ? &*it : nullptr;
}

// The "result" of an ok reply, or empty.
std::optional<json> reply_result(const std::string& text) {
  auto reply = protocol::decode_reply(text);
  if (!reply || !reply->ok || !reply->result.is_object()) return std::nullopt;
  return std::move(reply->result);
}

// ---------------------------------------------------------------------------------------
// [SECTION] FeedLoop
// ---------------------------------------------------------------------------------------

class FeedLoop {
 public:
  FeedLoop(const FeedOptions& options, zmq::context_t& context);

  // One pass: wait for input or a timer, handle it. `woken` is set when the wakeup fired.
  void step(int wakeup_fd, bool& woken);

  std::vector<FeedItem> take_output() { return std::exchange(output_, {}); }
  // True once after online turned to offline or back (the notifier should run).
  bool take_online_changed() { return std::exchange(online_changed_, false); }
  FeedStatus counters() const { return counters_; }
  std::optional<Clock::time_point> last_heartbeat() const { return last_heartbeat_; }

 private:
  struct Topic {
    std::int64_t last = 0;
    std::string catch_up_id;             // events_since in flight, if any
    bool catch_up_applied = false;       // the current catch-up (all its pages) got something
    std::map<std::int64_t, Event> held;  // live events waiting for the catch-up
  };

  void read_events(Clock::time_point now);
  void on_heartbeat(const json& heartbeat, Clock::time_point now);
  void on_reply(const Reply& reply, Clock::time_point now);
  void on_snapshot(const std::string& text, Clock::time_point now);
  void on_events_since(const std::string& topic, const std::string& text, Clock::time_point now);
  void offer(Event event, Clock::time_point now);
  void apply(Topic& topic, const Event& event);
  void drain_held(const std::string& name, Clock::time_point now);
  void request_snapshot(Clock::time_point now);
  void catch_up(const std::string& name, Clock::time_point now, bool next_page = false);
  bool follows(const std::string& topic) const;
  template <class Command>
  std::string command(const std::string& id, const Command& command) const;

  const FeedOptions& options_;
  zmq::socket_t subscriber_;
  detail::PirateChannel channel_;

  std::string snapshot_id_;  // in flight
  std::optional<Clock::time_point> snapshot_retry_at_;
  bool snapshot_loaded_ = false;
  std::vector<Event> early_;  // live events that came before the snapshot

  std::map<std::string, Topic> topics_;
  std::map<std::string, std::string> catch_up_topic_;  // events_since id -> topic
  std::set<std::int64_t> delivered_;                   // seqs that may still come again

  std::optional<Clock::time_point> last_heartbeat_;
  bool online_ = false;
  bool online_changed_ = false;
  std::vector<FeedItem> output_;
  FeedStatus counters_;
};

FeedLoop::FeedLoop(const FeedOptions& options, zmq::context_t& context)
    : options_(options), channel_(context, options.command_endpoint, options.curve, options.retry) {
  try {
    zmq::socket_t subscriber(context, zmq::socket_type::sub);
    subscriber.set(zmq::sockopt::linger, 0);
    subscriber.set(zmq::sockopt::rcvhwm, options_.receive_hwm);
    detail::apply_curve(subscriber, options_.curve);
    // The heartbeat first, then the topics, and only then the snapshot (Clone pattern):
    // whatever happens after the snapshot is then either in it or on its way to us.
    subscriber.set(zmq::sockopt::subscribe, std::string(protocol::topic::hub));
    for (const auto& topic : options_.topics) subscriber.set(zmq::sockopt::subscribe, topic);
    subscriber.connect(options_.event_endpoint);
    subscriber_ = std::move(subscriber);
  } catch (const zmq::error_t&) {
    // A bad endpoint: the feed stays offline, which status() shows.
    subscriber_ = zmq::socket_t();
  }
  request_snapshot(Clock::now());
}

template <class Command>
std::string FeedLoop::command(const std::string& id, const Command& command) const {
  return protocol::make_command(id, Command::kind, options_.device, {}, protocol::to_json(command));
}

void FeedLoop::request_snapshot(Clock::time_point now) {
  snapshot_retry_at_.reset();
  snapshot_id_ = make_command_id();
  channel_.send(snapshot_id_, command(snapshot_id_, protocol::Snapshot{options_.topics}), now);
}

void FeedLoop::catch_up(const std::string& name, Clock::time_point now, bool next_page) {
  Topic& topic = topics_[name];
  if (!next_page) topic.catch_up_applied = false;
  topic.catch_up_id = make_command_id();
  catch_up_topic_[topic.catch_up_id] = name;
  protocol::EventsSince since{topic.last, {name}, options_.catch_up_page};
  channel_.send(topic.catch_up_id, command(topic.catch_up_id, since), now);
}

bool FeedLoop::follows(const std::string& topic) const {
  for (const auto& prefix : options_.topics)
    if (topic.starts_with(prefix)) return true;
  return false;
}

void FeedLoop::step(int wakeup_fd, bool& woken) {
  auto now = Clock::now();
  auto wake_at = now + detail::kMaxPollWait;
  if (auto deadline = channel_.next_deadline()) wake_at = std::min(wake_at, *deadline);
  if (snapshot_retry_at_) wake_at = std::min(wake_at, *snapshot_retry_at_);
  if (online_ && last_heartbeat_)
    wake_at =
        std::min(wake_at, *last_heartbeat_ + std::chrono::milliseconds{options_.offline_after_ms});

  std::vector<zmq::pollitem_t> items = {detail::readable(subscriber_), channel_.poll_item(),
                                        detail::readable(wakeup_fd)};
  detail::poll_for(items, detail::until(wake_at, now));
  now = Clock::now();
  woken = items[2].revents & ZMQ_POLLIN;

  if (items[0].revents & ZMQ_POLLIN) read_events(now);
  std::vector<Reply> replies;
  if (items[1].revents & ZMQ_POLLIN) replies = channel_.receive(now);
  auto given_up = channel_.on_timer(now);
  std::move(given_up.begin(), given_up.end(), std::back_inserter(replies));
  for (const auto& reply : replies) on_reply(reply, now);

  if (snapshot_retry_at_ && now >= *snapshot_retry_at_) request_snapshot(now);
  bool was_online = online_;
  online_ = last_heartbeat_ &&
            now - *last_heartbeat_ < std::chrono::milliseconds{options_.offline_after_ms};
  if (was_online != online_) online_changed_ = true;
}

void FeedLoop::read_events(Clock::time_point now) {
  std::vector<zmq::message_t> frames;
  for (int i = 0; i < kMessagesPerBatch && detail::receive_waiting(subscriber_, frames); ++i) {
    if (frames.size() != 3) continue;  // not the protocol's [topic][seq][body]
    std::string topic = frames[0].to_string();
    // Strict: a message nested too deep would otherwise overflow the stack when copied.
    auto body = protocol::read_json(frames[2].to_string_view()).doc;
    if (topic == protocol::topic::hub) {
      on_heartbeat(body, now);
      continue;
    }
    auto event = parse_event(body, topic);
    if (!event) continue;
    ++counters_.live_events;
    offer(std::move(*event), now);
  }
}

// Any message on "hub" shows the hub alive; its heads show a missed tail.
void FeedLoop::on_heartbeat(const json& message, Clock::time_point now) {
  last_heartbeat_ = now;
  auto heartbeat = protocol::decode_heartbeat(message);
  if (!heartbeat) return;
  counters_.hub_development = heartbeat->development;
  if (!snapshot_loaded_) return;
  for (const auto& [name, head] : heartbeat->heads) {
    if (!follows(name)) continue;
    Topic& topic = topics_[name];
    if (head > topic.last && topic.catch_up_id.empty()) {
      ++counters_.gaps_detected;
      catch_up(name, now);
    }
  }

  // A seq can come again only on a topic that has not applied it yet. A topic that is at its
  // head has applied everything up to the heartbeat's seq, so the delivered set needs
  // nothing at or below the smallest such floor.
  auto newest = heartbeat->seq;
  auto floor = newest;
  for (const auto& [name, topic] : topics_) {
    auto it = heartbeat->heads.find(name);
    auto head = it == heartbeat->heads.end() ? 0 : it->second;
    bool at_head = topic.catch_up_id.empty() && topic.held.empty() && topic.last >= head;
    floor = std::min(floor, at_head ? std::max(newest, topic.last) : topic.last);
  }
  delivered_.erase(delivered_.begin(), delivered_.upper_bound(floor));
}

void FeedLoop::on_reply(const Reply& reply, Clock::time_point now) {
  if (reply.id == snapshot_id_) {
    snapshot_id_.clear();
    on_snapshot(reply.json, now);
    return;
  }
  auto it = catch_up_topic_.find(reply.id);
  if (it == catch_up_topic_.end()) return;
  std::string name = it->second;
  catch_up_topic_.erase(it);
  if (topics_[name].catch_up_id == reply.id) on_events_since(name, reply.json, now);
}

void FeedLoop::on_snapshot(const std::string& text, Clock::time_point now) {
  auto result = reply_result(text);
  const json* heads = result ? member(*result, "heads", json::value_t::object) : nullptr;
  if (!heads) {
    // Refused or unreadable (the hub may be starting up): ask again a little later.
    snapshot_retry_at_ = now + kSnapshotRetryAfter;
    return;
  }
  for (const auto& [name, head] : heads->items()) {
    // Only followed topics: one that never advances here would hold back the pruning of the
    // delivered set.
    if (!head.is_number_integer() || !follows(name)) continue;
    topics_[name].last = head.get<std::int64_t>();
    counters_.last_seq = std::max(counters_.last_seq, head.get<std::int64_t>());
  }
  output_.push_back(SnapshotLoaded{result->dump(-1, ' ', false, json::error_handler_t::replace)});
  snapshot_loaded_ = true;
  ++counters_.snapshots_loaded;
  counters_.snapshot_loaded = true;

  // What came while the snapshot was on its way: older events are inside it.
  auto early = std::exchange(early_, {});
  std::stable_sort(early.begin(), early.end(),
                   [](const Event& a, const Event& b) { return a.seq < b.seq; });
  for (auto& event : early) offer(std::move(event), now);
}

void FeedLoop::on_events_since(const std::string& name, const std::string& text,
                               Clock::time_point now) {
  Topic& topic = topics_[name];
  topic.catch_up_id.clear();
  auto result = reply_result(text);
  const json* events = result ? member(*result, "events", json::value_t::array) : nullptr;
  // Refused or unreadable: the next heartbeat or live event of this topic tries again.
  if (!events) return;

  bool applied = false;
  for (const auto& item : *events) {
    auto event = parse_event(item, name);
    if (!event || event->topic != name || event->seq <= topic.last) continue;
    apply(topic, *event);
    ++counters_.caught_up_events;
    applied = true;
  }
  topic.catch_up_applied = topic.catch_up_applied || applied;
  auto more = result->find("more");
  if (applied && more != result->end() && *more == true) {
    catch_up(name, now, /*next_page=*/true);  // after the new last
    return;
  }
  ++counters_.catch_ups_done;
  drain_held(name, now);
}

void FeedLoop::offer(Event event, Clock::time_point now) {
  if (!snapshot_loaded_) {
    if (early_.size() < kMaxHeldEvents) early_.push_back(std::move(event));
    return;
  }
  Topic& topic = topics_[event.topic];
  if (event.seq <= topic.last) return;  // applied already, or inside the snapshot
  if (!topic.catch_up_id.empty()) {
    if (topic.held.size() < kMaxHeldEvents) topic.held.emplace(event.seq, std::move(event));
    return;
  }
  if (event.prev == topic.last) {
    apply(topic, event);
    return;
  }
  // Something between last and this one was lost on the way.
  ++counters_.gaps_detected;
  std::string name = event.topic;
  topic.held.emplace(event.seq, std::move(event));
  catch_up(name, now);
}

void FeedLoop::apply(Topic& topic, const Event& event) {
  topic.last = event.seq;
  counters_.last_seq = std::max(counters_.last_seq, event.seq);
  if (!delivered_.insert(event.seq).second) return;  // came first on another topic
  if (delivered_.size() > kMaxDeliveredSet) delivered_.erase(delivered_.begin());
  output_.push_back(EventItem{event.seq, event.topic, event.type, event.at, event.body});
  ++counters_.events_delivered;
}

void FeedLoop::drain_held(const std::string& name, Clock::time_point now) {
  Topic& topic = topics_[name];
  while (!topic.held.empty()) {
    auto first = topic.held.begin();
    if (first->first <= topic.last) {
      topic.held.erase(first);
    } else if (first->second.prev == topic.last) {
      apply(topic, first->second);
      topic.held.erase(first);
    } else {
      // Asking again at once after a catch-up that found nothing could go on forever (a
      // reply that raced ahead of a commit, or a hub that cannot fill the gap): the next
      // heartbeat, whose heads show the gap, asks instead.
      if (!topic.catch_up_applied) return;
      ++counters_.gaps_detected;
      catch_up(name, now);
      return;
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] EventFeed
// ---------------------------------------------------------------------------------------

struct EventFeed::Shared {
  explicit Shared(FeedOptions options_in)
      : options(std::move(options_in)), mailbox(options.notify) {}

  void run();

  const FeedOptions options;
  detail::Wakeup wakeup;
  detail::Mailbox<FeedItem> mailbox;
  std::atomic<bool> stopping{false};

  mutable std::mutex mutex;  // guards the two below
  FeedStatus status;
  std::optional<Clock::time_point> last_heartbeat;

  std::thread thread;  // last: starts after everything above exists
};

EventFeed::EventFeed(FeedOptions options) : shared_(std::make_unique<Shared>(std::move(options))) {
  shared_->thread = std::thread([shared = shared_.get()] { shared->run(); });
}

EventFeed::~EventFeed() {
  shared_->stopping.store(true);
  shared_->wakeup.signal();
  shared_->thread.join();
}

std::vector<FeedItem> EventFeed::take() {
  return shared_->mailbox.take();
}

FeedStatus EventFeed::status() const {
  std::lock_guard lock(shared_->mutex);
  FeedStatus status = shared_->status;
  // Worked out now rather than by the loop, so it is right even between its passes.
  status.online = false;
  if (shared_->last_heartbeat) {
    auto since = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() -
                                                                       *shared_->last_heartbeat);
    status.since_heartbeat = since;
    status.online = since.count() < shared_->options.offline_after_ms;
  }
  return status;
}

void EventFeed::Shared::run() {
  zmq::context_t context(1);
  {
    FeedLoop loop(options, context);
    while (!stopping.load()) {
      bool woken = false;
      loop.step(wakeup.fd(), woken);
      if (woken) wakeup.drain();
      // What was delivered goes into the mailbox before the status counts it, so a caller
      // that sees status().last_seq reach a seq can always take() that event.
      auto items = loop.take_output();
      const bool delivered = !items.empty();
      if (delivered) mailbox.post(std::move(items));
      {
        std::lock_guard lock(mutex);
        status = loop.counters();
        last_heartbeat = loop.last_heartbeat();
      }
      // Wake the caller again once the status shows what changed (and for a change of
      // online alone).
      if (loop.take_online_changed() || delivered) mailbox.poke();
    }
  }  // the sockets close before the context
}

}  // namespace brigade::net
