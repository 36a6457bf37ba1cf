// CommandClient: the caller's threads only touch the outbox, the mailbox and the waiters;
// the DEALER lives on the network thread (see PirateChannel for the retries).
#include "brigade/net/command_client.h"

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "brigade/protocol/json_text.h"
#include "loop.h"
#include "mailbox.h"
#include "pirate_channel.h"
#include "wakeup.h"

namespace brigade::net {

using detail::Clock;

namespace {

struct Outgoing {
  std::string id;
  std::string json;
  bool cancel = false;
};

// A local error reply if this command must not go out, else empty.
std::optional<std::string> refuse(const Outgoing& command) {
  if (command.json.size() > protocol::kMaxCommandBytes)
    return detail::error_reply(command.id, protocol::code::message_too_large,
                               "The command is " + std::to_string(command.json.size()) +
                                   " bytes; the hub accepts at most 1 MiB.");
  // The hub answers unreadable commands with id "", which could never be matched: refuse
  // them here instead of retrying them forever.
  auto parsed = protocol::read_json(command.json).doc;
  auto id = parsed.is_object() ? parsed.find("id") : parsed.end();
  if (command.id.empty() || !parsed.is_object() || id == parsed.end() || !id->is_string() ||
      id->get<std::string>() != command.id)
    return detail::error_reply(
        command.id, protocol::code::bad_request,
        "The command is not a JSON object whose \"id\" is \"" + command.id + "\".");
  return std::nullopt;
}

}  // namespace

struct CommandClient::Shared {
  explicit Shared(ClientOptions options_in)
      : options(std::move(options_in)), mailbox(options.notify) {}

  void run();
  void deliver(std::vector<Reply> replies);

  const ClientOptions options;
  detail::Wakeup wakeup;
  detail::Mailbox<Reply> mailbox;
  std::atomic<bool> stopping{false};

  std::mutex mutex;  // guards everything below
  std::vector<Outgoing> outbox;
  std::map<std::string, std::optional<std::string>> waiters;  // call(): id -> reply
  // Ids whose call() gave up, until the network thread has cancelled them: a reply that
  // was already on its way is dropped rather than surfacing in take_replies().
  std::set<std::string> abandoned;
  std::condition_variable answered;
  ClientStatus status;
  std::optional<Clock::time_point> last_reply_at;

  std::thread thread;  // last: starts after everything above exists
};

CommandClient::CommandClient(ClientOptions options)
    : shared_(std::make_unique<Shared>(std::move(options))) {
  shared_->thread = std::thread([shared = shared_.get()] { shared->run(); });
}

CommandClient::~CommandClient() {
  shared_->stopping.store(true);
  shared_->wakeup.signal();
  shared_->thread.join();
}

void CommandClient::submit(std::string id, std::string json) {
  {
    std::lock_guard lock(shared_->mutex);
    shared_->outbox.push_back(Outgoing{std::move(id), std::move(json)});
  }
  shared_->wakeup.signal();
}

std::vector<Reply> CommandClient::take_replies() {
  return shared_->mailbox.take();
}

std::optional<std::string> CommandClient::call(std::string id, std::string json,
                                               Clock::time_point deadline) {
  std::unique_lock lock(shared_->mutex);
  // Registered before the command goes out, so the reply cannot slip past into the mailbox.
  if (!shared_->waiters.try_emplace(id).second) return std::nullopt;  // same id in another call
  shared_->outbox.push_back(Outgoing{id, std::move(json)});
  shared_->wakeup.signal();
  shared_->answered.wait_until(lock, deadline, [&] { return shared_->waiters[id].has_value(); });
  auto reply = std::move(shared_->waiters[id]);
  shared_->waiters.erase(id);
  if (!reply) {
    shared_->abandoned.insert(id);
    shared_->outbox.push_back(Outgoing{id, {}, /*cancel=*/true});
    shared_->wakeup.signal();
  }
  return reply;
}

ClientStatus CommandClient::status() const {
  std::lock_guard lock(shared_->mutex);
  ClientStatus status = shared_->status;
  if (shared_->last_reply_at)
    status.since_last_reply = std::chrono::duration_cast<std::chrono::milliseconds>(
        Clock::now() - *shared_->last_reply_at);
  return status;
}

// Replies for a waiting call() go to it; the rest to the mailbox.
void CommandClient::Shared::deliver(std::vector<Reply> replies) {
  if (replies.empty()) return;
  std::vector<Reply> queued;
  bool woke_caller = false;
  {
    std::lock_guard lock(mutex);
    for (auto& reply : replies) {
      auto waiter = waiters.find(reply.id);
      if (waiter != waiters.end()) {
        waiter->second = std::move(reply.json);
        woke_caller = true;
      } else if (!abandoned.contains(reply.id)) {
        queued.push_back(std::move(reply));
      }
    }
  }
  if (woke_caller) answered.notify_all();
  mailbox.post(std::move(queued));
}

void CommandClient::Shared::run() {
  zmq::context_t context(1);
  {
    detail::PirateChannel channel(context, options.endpoint, options.curve, options.retry);
    while (!stopping.load()) {
      auto now = Clock::now();
      auto wait = detail::kMaxPollWait;
      if (auto deadline = channel.next_deadline()) wait = detail::until(*deadline, now);
      std::vector<zmq::pollitem_t> items = {channel.poll_item(), detail::readable(wakeup.fd())};
      detail::poll_for(items, wait);
      now = Clock::now();

      if (items[1].revents & ZMQ_POLLIN) wakeup.drain();
      std::vector<Outgoing> commands;
      {
        std::lock_guard lock(mutex);
        commands.swap(outbox);
      }
      std::vector<Reply> replies;
      for (auto& command : commands) {
        if (command.cancel) {
          channel.cancel(command.id);
          std::lock_guard lock(mutex);
          abandoned.erase(command.id);
        } else if (auto refusal = refuse(command)) {
          replies.push_back(Reply{command.id, std::move(*refusal)});
        } else {
          channel.send(command.id, std::move(command.json), now);
        }
      }
      if (items[0].revents & ZMQ_POLLIN) {
        auto received = channel.receive(now);
        std::move(received.begin(), received.end(), std::back_inserter(replies));
      }
      auto given_up = channel.on_timer(now);
      std::move(given_up.begin(), given_up.end(), std::back_inserter(replies));
      {
        std::lock_guard lock(mutex);
        status.pending = channel.pending();
        status.reachable = channel.reachable();
        status.resends = channel.resends();
        status.reopens = channel.reopens();
        last_reply_at = channel.last_reply_at();
      }
      deliver(std::move(replies));
    }
  }  // the socket closes before the context
}

}  // namespace brigade::net
