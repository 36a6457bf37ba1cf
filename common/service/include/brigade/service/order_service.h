// The hub's brain: takes one command, checks who sent it and what they may do, applies
// the rules in one store transaction that also holds the events and the reply, and
// returns the reply and the events to publish. No sockets: the hub's transport calls
// it, and tests call it directly.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/protocol/events.h"
#include "brigade/store/store.h"

namespace brigade::service {

// One message for the PUB socket: [topic][seq][body].
using protocol::Publication;

struct Outcome {
  std::string reply;
  std::vector<Publication> publications;  // only after a commit
  // A device was revoked: the transport must drop every connection so that each passes the
  // key check again.
  bool reconnect_everyone = false;
};

struct ServiceOptions {
  // A ticket a station's screen has not acknowledged this long after it reached the
  // kitchen raises station.not_acknowledged.
  std::int64_t ack_timeout_ms = 5000;
  // Wrong PINs (docs/protocol.md, "Wrong PINs"): after pin_free_tries wrong PINs in a row,
  // a device (logins and approvals) or a staff member (approval PINs) waits
  // pin_first_wait_ms before its next PIN is checked, twice as long after each further
  // wrong PIN, up to pin_longest_wait_ms. Each lock raises pin.locked_out on topic alert.
  int pin_free_tries = 5;
  std::int64_t pin_first_wait_ms = 2000;
  std::int64_t pin_longest_wait_ms = 5 * 60 * 1000;
  // A session not used for this long ends: the terminal asks for a PIN again. Two hours
  // outlast the lull between lunch and dinner on a terminal in use, not a night.
  std::int64_t session_idle_ms = 2 * 60 * 60 * 1000;
  // The hub's CURVE public key (docs/protocol.md section 10): commands then act under the
  // paired device whose key the transport authenticated, and a client holding this key's
  // pair is the hub's own console. Empty: development mode, where the sockets are plain
  // text, the envelope's `device` is taken at its word and any device may work any station.
  std::string hub_public_key;
  // How long a pairing code may be used.
  std::int64_t pairing_code_ttl_ms = 10 * 60 * 1000;

  // Who did what, for the operator's log: "sam (server) @pos-1: void_line ok".
  std::function<void(const std::string&)> audit;
  // Where each write command's line goes instead of `audit`, when set: a busy hub logs
  // them at debug level and a summary of the counts at info (commands_counted()).
  std::function<void(const std::string&)> command_log;
  // How long the whole reply to a kept command is kept for a retry (docs/protocol.md,
  // "Exactly once"). Longer than any client goes on retrying one command; after it, a
  // retry gets reply_expired and the command is still never done twice.
  std::int64_t reply_kept_ms = 24 * 60 * 60 * 1000;
};

// Write commands handled since start, by outcome.
struct CommandCounts {
  std::uint64_t ok = 0;
  std::uint64_t refused = 0;
  std::uint64_t failed = 0;  // the store could not save them
};

class OrderService {
 public:
  OrderService(store::Store& store, ServiceOptions options = {});
  ~OrderService();
  OrderService(const OrderService&) = delete;
  OrderService& operator=(const OrderService&) = delete;

  // Handles one command frame from `peer`. Never throws; every failure is an error reply.
  Outcome handle(std::string_view request, const protocol::Peer& peer, EpochMs now);

  // Group commit: handles commands that arrived together, in order, each judged alone (a
  // refused one changes nothing and does not touch its neighbours) but all written to the
  // disk in one commit. The outcomes are in the same order and are only to be sent once
  // this returns: their changes are on the disk by then. If the commit fails, every
  // outcome is a storage_error with no events, and nothing of the batch is kept.
  struct Incoming {
    std::string_view request;
    protocol::Peer peer;
  };
  std::vector<Outcome> handle_batch(const std::vector<Incoming>& commands, EpochMs now);

  // Whether a client with this CURVE public key may connect: a paired device that is not
  // revoked, or the hub's own console. Asked by the transport at each connection.
  bool admits(const std::string& public_key) const;
  bool development_mode() const;

  // Time-driven work (tickets no station acknowledged in time). Call a few times a second.
  std::vector<Publication> tick(EpochMs now);

  // {"type":"heartbeat","seq":…,"at":…,"heads":{…}} on topic "hub".
  Publication heartbeat(EpochMs now) const;

  std::int64_t last_sequence() const;
  const CommandCounts& commands_counted() const;

  struct Impl;  // defined in src/service; named here so its parts can share helpers

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace brigade::service
