// Wrong PINs and sessions: the lock-out that makes guessing PINs slow, its alert, and
// sessions that end when idle, at logout and at clock-out.
#include <algorithm>

#include "brigade/protocol/codec.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

// A session's last use is written at most this often, so that reads don't write.
constexpr std::int64_t kSessionTouchMs = 60'000;

// Who a wrong PIN counts against: the device always; for an approval, the sender too.
struct PinCounter {
  std::string key;   // in the lock-out's map
  std::string kind;  // "device" or "staff", for the alert
  std::string id;
};

std::vector<PinCounter> counters_of(const Call& call, OrderService::Impl::PinUse use) {
  std::vector<PinCounter> out{{"device " + call.device_id(), "device", call.device_id()}};
  if (use == OrderService::Impl::PinUse::approval && call.staff)
    out.push_back({"staff " + call.staff->id, "staff", call.staff->id});
  return out;
}

std::string seconds_text(std::int64_t ms) {
  const std::int64_t s = std::max<std::int64_t>(1, (ms + 999) / 1000);
  return std::to_string(s) + " s";
}

}  // namespace

std::optional<Refusal> OrderService::Impl::pin_locked(const Call& call, PinUse use) const {
  std::int64_t wait = 0;
  for (const auto& counter : counters_of(call, use))
    wait = std::max(wait, lockout.wait_ms(counter.key, call.now));
  if (wait == 0) return std::nullopt;
  // The PIN is not even looked at: a right one is refused too, or waiting would not slow a
  // search down.
  return refusal(
      fail(Errc::locked_out, "too many wrong PINs: wait " + seconds_text(wait) + " and try again"));
}

void OrderService::Impl::pin_wrong(const Call& call, PinUse use) {
  for (const auto& counter : counters_of(call, use)) {
    const std::int64_t wait = lockout.wrong(counter.key, call.now);
    if (wait == 0) continue;
    Json body{{"locked", counter.kind},
              {"device", call.device_id()},
              {"wrong_pins", lockout.wrong_in_a_row(counter.key)},
              {"doing", use == PinUse::login ? "login" : "approval"},
              {"wait_ms", wait},
              {"until", call.now + wait}};
    if (call.staff) body["staff"] = protocol::to_json(*call.staff);
    lockout_alerts.push_back(std::move(body));
    if (options.audit)
      options.audit(counter.kind + " '" + counter.id +
                    "': " + std::to_string(lockout.wrong_in_a_row(counter.key)) +
                    " wrong PINs in a row, no PIN checked for " + seconds_text(wait));
  }
}

void OrderService::Impl::pin_right(const Call& call, PinUse use) {
  for (const auto& counter : counters_of(call, use)) lockout.right(counter.key);
}

void OrderService::Impl::publish_lockout_alerts(Outcome& outcome, EpochMs now) {
  if (lockout_alerts.empty()) return;
  std::vector<Json> alerts = std::move(lockout_alerts);
  lockout_alerts.clear();
  try {
    pending.clear();
    Status committed = store.transaction([&](store::Store&) -> Status {
      for (auto& body : alerts)
        emit(event::pin_locked_out, {std::string(topic::alert)}, std::move(body), now);
      return success();
    });
    if (committed) {
      auto published = publications_of(pending);
      outcome.publications.insert(outcome.publications.end(), published.begin(), published.end());
    } else if (options.audit) {
      options.audit("could not record a PIN lock-out: " + committed.error().message);
    }
  } catch (const std::exception& e) {
    if (options.audit) options.audit(std::string("could not record a PIN lock-out: ") + e.what());
  }
  pending.clear();
}

std::optional<StaffMember> OrderService::Impl::session_staff(std::string_view token,
                                                             std::string_view device_id,
                                                             EpochMs now) {
  auto session = store.find_session(token);
  if (!session || session->ended_at != 0 || session->device != device_id) return std::nullopt;
  // Idle too long: refused from now on, since a refusal does not count as a use.
  if (now - session->last_used_at >= options.session_idle_ms) return std::nullopt;
  auto staff = staff_member(session->staff_id);
  if (!staff || !staff->active) return std::nullopt;
  if (now - session->last_used_at >= kSessionTouchMs) {
    session->last_used_at = now;
    // Outside the command's transaction: a refused command still counts as a use. A
    // failure here costs only an earlier time-out.
    (void)store.transaction([&](store::Store& s) { return s.save_session(*session); });
  }
  return staff;
}

Status OrderService::Impl::end_sessions_of(const std::string& staff_id, EpochMs now) {
  auto ended = store.end_sessions_of(staff_id, now);
  if (!ended) return ended.error();
  auto staff = staff_member(staff_id);
  if (!staff) return success();
  for (const auto& session : *ended)
    emit(event::staff_logged_out, {std::string(topic::staff)},
         {{"staff", protocol::to_json(*staff)}, {"device", session.device}}, now);
  return success();
}

OrderService::Impl::PadResult OrderService::Impl::staff_at_pad(const Call& call,
                                                               const std::string& pin) {
  if (auto locked = pin_locked(call, PinUse::login)) return {std::nullopt, *locked};
  auto found = store.staff_by_pin(pin);
  if (!found) return {std::nullopt, refusal(found.error())};
  if (!found.value()) {
    pin_wrong(call, PinUse::login);
    return {std::nullopt, refusal(fail(Errc::wrong_pin, "that PIN belongs to nobody: try again"))};
  }
  pin_right(call, PinUse::login);
  return {*found.value(), std::nullopt};
}

}  // namespace brigade::service
