#include "brigade/domain/clock.h"

#include <chrono>

namespace brigade {

EpochMs now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace brigade
