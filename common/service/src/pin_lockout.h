// Wrong PINs in a row, per device (logins) and per staff member (approval PINs). After a
// few free tries every further wrong PIN makes the next one wait twice as long, so that
// guessing 10,000 PINs takes weeks instead of seconds. Kept in memory: a hub restart
// forgets the counts (and any wait).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "brigade/domain/clock.h"

namespace brigade::service {

struct LockoutRules {
  int free_tries = 5;                 // wrong PINs in a row before the first wait
  std::int64_t first_wait_ms = 2000;  // doubles with each wrong PIN after that
  std::int64_t longest_wait_ms = 300'000;
};

class PinLockout {
 public:
  explicit PinLockout(LockoutRules rules) : rules_(rules) {}

  // How long `who` must still wait before a PIN of theirs is checked; 0: not locked.
  std::int64_t wait_ms(const std::string& who, EpochMs now) const;
  // Counts a wrong PIN. Returns the wait it starts (0: none yet).
  std::int64_t wrong(const std::string& who, EpochMs now);
  // A right PIN: the count starts again.
  void right(const std::string& who) { records_.erase(who); }
  int wrong_in_a_row(const std::string& who) const;

 private:
  struct Record {
    int wrong = 0;
    EpochMs locked_until = 0;
  };
  // Many devices trying a few PINs each must not grow the map for ever.
  void forget_idle(EpochMs now);

  LockoutRules rules_;
  std::map<std::string, Record> records_;
};

}  // namespace brigade::service
