// Time as Brigade counts it: milliseconds since 1970-01-01 UTC, the protocol's "at".
// Rules take the time as an argument (so tests choose it); only programs and adapters
// read the clock, and all of them through now_ms().
#pragma once

#include <cstdint>

namespace brigade {

using EpochMs = std::int64_t;

// The wall clock, now.
EpochMs now_ms();

}  // namespace brigade
