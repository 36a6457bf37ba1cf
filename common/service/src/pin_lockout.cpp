#include "pin_lockout.h"

#include <algorithm>

namespace brigade::service {

namespace {
constexpr std::size_t kMostRecords = 10'000;
}

std::int64_t PinLockout::wait_ms(const std::string& who, EpochMs now) const {
  auto it = records_.find(who);
  if (it == records_.end()) return 0;
  return std::max<std::int64_t>(0, it->second.locked_until - now);
}

std::int64_t PinLockout::wrong(const std::string& who, EpochMs now) {
  if (records_.size() >= kMostRecords) forget_idle(now);
  Record& record = records_[who];
  ++record.wrong;
  if (record.wrong < rules_.free_tries) return 0;
  std::int64_t wait = rules_.first_wait_ms;
  for (int i = rules_.free_tries; i < record.wrong && wait < rules_.longest_wait_ms; ++i) wait *= 2;
  wait = std::min(wait, rules_.longest_wait_ms);
  record.locked_until = now + wait;
  return wait;
}

int PinLockout::wrong_in_a_row(const std::string& who) const {
  auto it = records_.find(who);
  return it == records_.end() ? 0 : it->second.wrong;
}

void PinLockout::forget_idle(EpochMs now) {
  // Those still waiting are kept: forgetting them would lift their lock.
  std::erase_if(records_, [&](const auto& entry) {
    return entry.second.locked_until + rules_.longest_wait_ms < now;
  });
}

}  // namespace brigade::service
