// [SECTION] index
//   command table       which commands exist, who may send them, whether they write
//   handle              parse, deduplicate, authenticate, run in one transaction, reply
//   events              emit inside the transaction, publish after commit
//   permissions         roles, and a manager's PIN lending permission to one command
#include <algorithm>
#include <array>
#include <utility>

#include "brigade/security/secrets.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

// [SECTION] command table

// Every command comes from a paired device (or the hub's console); on top of that:
enum class Access {
  open,     // no session: handshake, log in, reads a screen needs before anyone logs in
  kitchen,  // a kitchen screen for its own stations, or a cook or manager logged in
  session,  // a staff member logged in on this terminal or console
  pairing,  // a device not paired yet, on the pairing socket (nothing else is answered there)
};

struct CommandSpec {
  std::string_view type;
  Answer (OrderService::Impl::*handler)(Call&);
  Access access;
  bool writes;  // writes keep their reply by id (exactly once); reads are answered afresh
};

using I = OrderService::Impl;
constexpr std::array kCommands{
    CommandSpec{"hello", &I::hello, Access::open, false},
    CommandSpec{"login", &I::login, Access::open, true},
    CommandSpec{"logout", &I::logout, Access::session, true},
    CommandSpec{"get_menu", &I::get_menu, Access::open, false},
    CommandSpec{"snapshot", &I::snapshot, Access::open, false},
    CommandSpec{"events_since", &I::events_since, Access::open, false},
    CommandSpec{"list_checks", &I::list_checks, Access::session, false},
    CommandSpec{"get_check", &I::get_check, Access::session, false},
    CommandSpec{"open_check", &I::open_check, Access::session, true},
    CommandSpec{"add_line", &I::add_line, Access::session, true},
    CommandSpec{"change_line", &I::change_line, Access::session, true},
    CommandSpec{"remove_line", &I::remove_line, Access::session, true},
    CommandSpec{"send", &I::send, Access::session, true},
    CommandSpec{"fire", &I::fire, Access::session, true},
    CommandSpec{"void_line", &I::void_line, Access::session, true},
    CommandSpec{"discount", &I::discount, Access::session, true},
    CommandSpec{"pay", &I::pay, Access::session, true},
    CommandSpec{"add_tip", &I::add_tip, Access::session, true},
    CommandSpec{"split", &I::split, Access::session, true},
    CommandSpec{"close_check", &I::close_check, Access::session, true},
    CommandSpec{"move_lines", &I::move_lines, Access::session, true},
    CommandSpec{"merge", &I::merge, Access::session, true},
    CommandSpec{"transfer", &I::transfer, Access::session, true},
    CommandSpec{"eighty_six", &I::eighty_six, Access::session, true},
    CommandSpec{"set_stock", &I::set_stock, Access::session, true},
    CommandSpec{"un_eighty_six", &I::un_eighty_six, Access::session, true},
    CommandSpec{"receive_stock", &I::receive_stock, Access::session, true},
    CommandSpec{"count_stock", &I::count_stock, Access::session, true},
    CommandSpec{"waste_stock", &I::waste_stock, Access::session, true},
    CommandSpec{"save_menu_entry", &I::save_menu_entry, Access::session, true},
    CommandSpec{"remove_menu_entry", &I::remove_menu_entry, Access::session, true},
    CommandSpec{"reorder_menu", &I::reorder_menu, Access::session, true},
    CommandSpec{"import_menu", &I::import_menu, Access::session, true},
    CommandSpec{"list_audit", &I::list_audit, Access::session, false},
    CommandSpec{"set_permission", &I::set_permission, Access::session, true},
    CommandSpec{"save_staff", &I::save_staff, Access::session, true},
    CommandSpec{"change_pin", &I::change_pin, Access::session, true},
    CommandSpec{"list_staff", &I::list_staff, Access::session, false},
    CommandSpec{"clock", &I::clock, Access::open, true},
    CommandSpec{"fix_punch", &I::fix_punch, Access::session, true},
    CommandSpec{"timesheet", &I::timesheet, Access::session, false},
    CommandSpec{"set_clock_rule", &I::set_clock_rule, Access::session, true},
    CommandSpec{"open_day", &I::open_day, Access::session, true},
    CommandSpec{"close_day", &I::close_day, Access::session, true},
    CommandSpec{"day_status", &I::day_status, Access::session, false},
    CommandSpec{"x_report", &I::x_report, Access::session, false},
    CommandSpec{"z_report", &I::z_report, Access::session, false},
    CommandSpec{"refund", &I::refund, Access::session, true},
    CommandSpec{"open_drawer", &I::open_drawer, Access::session, true},
    CommandSpec{"drawer_cash", &I::drawer_cash, Access::session, true},
    CommandSpec{"count_drawer", &I::count_drawer, Access::session, true},
    CommandSpec{"list_drawers", &I::list_drawers, Access::session, false},
    CommandSpec{"ack_ticket", &I::ack_ticket, Access::kitchen, true},
    CommandSpec{"bump", &I::bump, Access::kitchen, true},
    CommandSpec{"serve", &I::serve, Access::kitchen, true},
    CommandSpec{"recall", &I::recall, Access::kitchen, true},
    CommandSpec{"item_bump", &I::item_bump, Access::kitchen, true},
    CommandSpec{"rush", &I::rush, Access::kitchen, true},
    // Not kept: the reply holds the code, and a retry simply makes a new one.
    CommandSpec{"start_pairing", &I::start_pairing, Access::session, false},
    CommandSpec{"pair", &I::pair, Access::pairing, true},
    CommandSpec{"list_devices", &I::list_devices, Access::session, false},
    CommandSpec{"revoke_device", &I::revoke_device, Access::session, true},
};

const CommandSpec* find_command(std::string_view type) {
  for (const auto& spec : kCommands)
    if (spec.type == type) return &spec;
  return nullptr;
}

// A fingerprint of the command (BLAKE2b, 128 bits): stable across builds and machines, as
// std::hash is not. It tells a retry from a different command that reuses an id by mistake.
std::string request_hash(const protocol::Envelope& e, const PairedDevice& sender) {
  Json canonical{{"type", e.type},
                 {"device", sender.id},
                 {"session", e.session},
                 {"approval_pin", e.approval_pin},
                 {"args", e.args}};
  return security::fingerprint(canonical.dump());
}

// A login's reply holds a session token: kept, it would sit in the file in clear, and a
// retried login would bring back a token that logout had ended. Logins are answered afresh.
bool keeps_reply(const CommandSpec& spec) {
  return spec.writes && spec.type != protocol::command::login;
}

}  // namespace

OrderService::Impl::Impl(store::Store& s, ServiceOptions o)
    : store(s),
      options(std::move(o)),
      menu(s.load_menu()),
      floor(s.load_floor()),
      permissions(s.load_permissions()),
      lockout({options.pin_free_tries, options.pin_first_wait_ms, options.pin_longest_wait_ms}) {}

// [SECTION] handle

Outcome OrderService::Impl::handle(std::string_view request, const protocol::Peer& peer,
                                   EpochMs now) {
  auto parsed = protocol::parse_envelope(request);
  if (!parsed.ok) return {protocol::reply_error(parsed.envelope.id, parsed.error), {}};
  const protocol::Envelope& envelope = parsed.envelope;
  const std::string& id = envelope.id;
  auto refuse = [&](const Refusal& r) {
    return Outcome{protocol::reply_error(id, {r.code, r.message, r.problems}), {}};
  };

  const CommandSpec* spec = find_command(envelope.type);
  if (!spec)
    return refuse({std::string(protocol::code::unknown_command),
                   "'" + envelope.type + "' is not a command this hub knows"});

  try {
    auto device = sender(envelope, peer);
    if (!device) return refuse(refusal(device.error()));
    if (peer.pairing && spec->access != Access::pairing)
      return refuse(refusal(fail(Errc::forbidden,
                                 "only 'pair' is answered on the pairing socket: pair this "
                                 "device first, then send commands on the command socket")));
    if (!peer.pairing && spec->access == Access::pairing)
      return refuse(refusal(
          fail(Errc::forbidden, "'" + envelope.type + "' is answered on the pairing socket only")));
    const std::string hash = request_hash(envelope, *device);
    // A kept reply owns its id: the same command again gets it back, anything else under
    // that id (another body, another type, a read too) is id_reused.
    if (auto stored = store.find_reply(id)) {
      if (keeps_reply(*spec) && stored->request_hash == hash) {
        if (!stored->expired) return {stored->reply, {}};
        // Done long ago: its reply is gone, but it is still not done a second time.
        return refuse({std::string(protocol::code::reply_expired),
                       "command '" + id + "' was done " +
                           std::to_string((now - stored->at) / 60'000) +
                           " minutes ago and is not done again; its reply is no longer kept: "
                           "refresh to see where things stand"});
      }
      return refuse({std::string(protocol::code::id_reused),
                     "command id '" + id +
                         "' was already used for a different command: make a new id for each "
                         "command"});
    }

    Call call{envelope, protocol::ArgReader(envelope.args), now, std::nullopt, {},
              *device,  options.hub_public_key.empty()};
    // Staff log in on terminals; a kitchen screen works its stations by itself.
    const bool kitchen_screen = !call.development && call.device.role == DeviceRole::kitchen;
    if (kitchen_screen &&
        (spec->access == Access::session || spec->type == protocol::command::login))
      return refuse(refusal(fail(Errc::forbidden, "a kitchen screen cannot send '" + envelope.type +
                                                      "': it works the tickets of its stations")));
    // Open commands ignore a session: a terminal whose session ended must still be able
    // to log in again, read the menu and catch up. Kitchen commands from a terminal need a
    // cook or a manager logged in on it (in development mode, only when a session is sent).
    const bool needs_session =
        spec->access == Access::session || (spec->access == Access::kitchen && !kitchen_screen &&
                                            !(call.development && envelope.session.empty()));
    if (needs_session) {
      // A session works only on the device it was opened on.
      std::optional<StaffMember> staff = session_staff(envelope.session, call.device_id(), now);
      if (!staff)
        return refuse(
            refusal(fail(Errc::not_logged_in, "you are not logged in: log in with your PIN")));
      call.staff = std::move(staff);
    }
    if (spec->access == Access::kitchen && call.staff &&
        !permissions.allows(call.staff->role, Permission::work_tickets))
      return refuse(refusal(fail(Errc::forbidden,
                                 "your role may not work tickets (work_tickets: kitchen staff and "
                                 "managers, unless the store says otherwise)")));

    auto audit = [&](std::string_view outcome) {
      ++(outcome == "ok"                  ? counts.ok
         : outcome.starts_with("refused") ? counts.refused
                                          : counts.failed);
      const auto& log = options.command_log ? options.command_log : options.audit;
      if (!log) return;
      std::string who =
          call.staff ? call.staff->name + " (" + std::string(to_string(call.staff->role)) + ")"
                     : std::string(to_string(call.device.role));
      // On the pairing socket the sender is no device yet.
      std::string where = call.device_id().empty() ? " (unpaired)" : " @" + call.device_id();
      std::string line = who + where + ": " + envelope.type + " " + std::string(outcome);
      if (!call.approved_by.empty()) line += " [approved by " + call.approved_by + "]";
      log(line);
    };

    if (!spec->writes) {
      Answer answer = (this->*spec->handler)(call);
      if (!answer.ok()) return refuse(answer.refused());
      return {protocol::reply_ok(id, answer.result()), {}};
    }
    reconnect_everyone = false;

    pending.clear();
    before_change.clear();
    menu_before_command.reset();
    permissions_before_command.reset();
    std::optional<Answer> answer;
    std::string reply;
    Status committed = store.transaction([&](store::Store& s) -> Status {
      answer = (this->*spec->handler)(call);
      if (!answer->ok()) return fail(Errc::invalid_argument, "refused");  // roll everything back
      // A manager's PIN lent its permission: the override itself is on the record.
      if (!call.approved_by.empty()) {
        // The args as sent, but never a PIN (a new staff PIN, a current one).
        Json args = call.envelope.args;
        if (args.is_object())
          for (auto it = args.begin(); it != args.end();)
            it = it.key().find("pin") != std::string::npos ? args.erase(it) : std::next(it);
        if (auto r = record(call, "override." + envelope.type, call.actor(), nullptr, args); !r)
          return r;
      }
      reply = protocol::reply_ok(id, answer->result());
      return keeps_reply(*spec) ? s.save_reply(id, hash, reply, now) : success();
    });
    if (answer && answer->ok() && committed.ok()) {
      std::vector<PendingEvent> events = std::move(pending);
      pending.clear();
      audit("ok");
      return {std::move(reply), publications_of(events), std::exchange(reconnect_everyone, false)};
    }
    pending.clear();
    // Nothing of the command was kept: nor is its change to the cached menu or permissions.
    if (menu_before_command) menu = *std::exchange(menu_before_command, std::nullopt);
    if (permissions_before_command)
      permissions = *std::exchange(permissions_before_command, std::nullopt);
    if (answer && !answer->ok()) {
      // A refusal changes nothing and is not kept: a retry is judged afresh, and since
      // nothing was applied the first time, it is still applied at most once.
      audit("refused: " + answer->refused().code);
      return refuse(answer->refused());
    }
    // The store failed (disk full, I/O error): nothing was written, the sender may retry.
    audit("failed: " + committed.error().message);
    return refuse({"storage_error", "the hub could not save this (" + committed.error().message +
                                        "); nothing was changed: try again"});
  } catch (const std::exception& e) {
    pending.clear();
    if (menu_before_command) menu = *std::exchange(menu_before_command, std::nullopt);
    if (permissions_before_command)
      permissions = *std::exchange(permissions_before_command, std::nullopt);
    return refuse(
        {std::string(protocol::code::internal_error),
         std::string("the hub failed on this command (") + e.what() + "); nothing was changed"});
  }
}

// [SECTION] events

Json OrderService::Impl::emit(std::string_view type, std::vector<std::string> topics, Json body,
                              EpochMs now) {
  PendingEvent event;
  event.type = std::string(type);
  event.at = now;
  event.topics = std::move(topics);
  event.body = body.dump();
  event.seq = store.append_event(event.type, event.body, now, event.topics, &event.prevs);
  pending.push_back(std::move(event));
  return body;
}

std::vector<Publication> OrderService::Impl::publications_of(
    const std::vector<PendingEvent>& events) const {
  std::vector<Publication> out;
  for (const auto& e : events)
    for (std::size_t i = 0; i < e.topics.size(); ++i) {
      protocol::EventMessage message{
          e.seq, i < e.prevs.size() ? e.prevs[i] : 0, e.topics[i], e.type, e.at, nullptr};
      out.push_back({e.topics[i], e.seq, protocol::encode_with_body(message, e.body)});
    }
  return out;
}

// [SECTION] permissions

std::optional<StaffMember> OrderService::Impl::staff_member(std::string_view staff_id) const {
  return store.find_staff(staff_id);
}

std::optional<Refusal> OrderService::Impl::require(Call& call, Permission permission,
                                                   std::string_view doing) {
  if (call.staff && permissions.allows(call.staff->role, permission)) return std::nullopt;
  const std::string& pin = call.envelope.approval_pin;
  if (pin.empty())
    return refusal(fail(Errc::forbidden,
                        std::string(doing) + " needs a manager: enter a manager's PIN to approve"));
  if (auto locked = pin_locked(call, PinUse::approval)) return locked;
  auto found = store.staff_by_pin(pin);
  if (!found) return refusal(found.error());
  const std::optional<StaffMember>& approver = found.value();
  // Only a manager approves (docs/protocol.md, approval_pin): a cook may 86 from the line,
  // but a cook's PIN does not lend a server the right to. Every PIN that does not approve
  // gets the same words, so that the answer tells nobody whose PIN it was.
  if (!approver || approver->role != Role::manager ||
      !permissions.allows(approver->role, permission)) {
    pin_wrong(call, PinUse::approval);
    return refusal(fail(Errc::wrong_pin, "not a valid manager PIN"));
  }
  pin_right(call, PinUse::approval);
  call.approved_by = approver->id;
  return std::nullopt;
}

// [SECTION] devices

Result<PairedDevice> OrderService::Impl::sender(const protocol::Envelope& envelope,
                                                const protocol::Peer& peer) const {
  if (peer.pairing) return PairedDevice{};  // not paired yet: only `pair` gets further
  if (options.hub_public_key.empty()) {
    // Development mode: nobody was authenticated, so the device is what it says it is.
    PairedDevice d;
    d.id = d.name = envelope.device;
    d.role = DeviceRole::console;
    return d;
  }
  if (!peer.public_key.empty() && peer.public_key == options.hub_public_key) {
    PairedDevice console;
    console.id = "console";
    console.name = "hub console";
    console.role = DeviceRole::console;
    console.public_key = peer.public_key;
    console.paired_by = "console";
    return console;
  }
  auto device = store.find_device_by_key(peer.public_key);
  if (!device || device->revoked())
    return fail(Errc::not_paired,
                "this device is not paired with the hub (or was revoked): pair it again");
  return *device;
}

bool OrderService::Impl::admits(const std::string& public_key) const {
  if (!options.hub_public_key.empty() && public_key == options.hub_public_key) return true;
  auto device = store.find_device_by_key(public_key);
  return device && !device->revoked();
}

// [SECTION] public face

OrderService::OrderService(store::Store& store, ServiceOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(options))) {}
OrderService::~OrderService() = default;

Outcome OrderService::handle(std::string_view request, const protocol::Peer& peer, EpochMs now) {
  Outcome outcome = impl_->handle(request, peer, now);
  impl_->publish_lockout_alerts(outcome, now);
  return outcome;
}

std::vector<Outcome> OrderService::handle_batch(const std::vector<Incoming>& commands,
                                                EpochMs now) {
  std::vector<Outcome> outcomes;
  outcomes.reserve(commands.size());
  const CommandCounts before = impl_->counts;
  Status committed = impl_->store.batch([&](store::Store&) -> Status {
    for (const auto& c : commands) outcomes.push_back(handle(c.request, c.peer, now));
    return success();
  });
  if (committed) return outcomes;
  // Nothing reached the disk: every command is answered as not done, to be sent again.
  // A menu edit among them changed the cached menu: read back the one the store kept.
  try {
    impl_->menu = impl_->store.load_menu();
    impl_->permissions = impl_->store.load_permissions();
  } catch (const std::exception&) {
  }
  impl_->counts = before;
  impl_->counts.failed += commands.size();
  for (std::size_t i = 0; i < commands.size(); ++i) {
    auto envelope = protocol::parse_envelope(commands[i].request);
    const std::string id = envelope.envelope.id;  // set only when it is a valid id
    Outcome failed;
    failed.reply = protocol::reply_error(
        id, {"storage_error", "the hub could not save this (" + committed.error().message +
                                  "); nothing was changed: try again"});
    if (i < outcomes.size())
      outcomes[i] = std::move(failed);
    else
      outcomes.push_back(std::move(failed));
  }
  if (impl_->options.audit)
    impl_->options.audit("a batch of " + std::to_string(commands.size()) +
                         " commands was not saved: " + committed.error().message);
  return outcomes;
}

bool OrderService::admits(const std::string& public_key) const {
  try {
    return impl_->admits(public_key);
  } catch (const std::exception&) {
    return false;  // a store that cannot answer admits nobody
  }
}

bool OrderService::development_mode() const {
  return impl_->options.hub_public_key.empty();
}

std::vector<Publication> OrderService::tick(EpochMs now) {
  return impl_->tick(now);
}

Publication OrderService::heartbeat(EpochMs now) const {
  protocol::Heartbeat beat{impl_->store.last_sequence(), now, {}, development_mode()};
  for (const auto& [topic, seq] : impl_->store.topic_heads()) beat.heads[topic] = seq;
  return {std::string(protocol::topic::hub), beat.seq, protocol::encode(beat)};
}

std::int64_t OrderService::last_sequence() const {
  return impl_->store.last_sequence();
}

const CommandCounts& OrderService::commands_counted() const {
  return impl_->counts;
}

}  // namespace brigade::service
