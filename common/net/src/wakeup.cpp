#include "wakeup.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>

namespace brigade::net::detail {

// Fails only when the process is out of descriptors; the loops then notice work at their
// next poll timeout (at most 100 ms) instead of at once.
Wakeup::Wakeup() : fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

Wakeup::~Wakeup() {
  if (fd_ >= 0) close(fd_);
}

void Wakeup::signal() {
  if (fd_ < 0) return;
  const std::uint64_t one = 1;
  // A full counter (EAGAIN) still wakes the reader, so the result does not matter.
  [[maybe_unused]] auto written = write(fd_, &one, sizeof one);
}

void Wakeup::drain() {
  if (fd_ < 0) return;
  std::uint64_t count = 0;
  [[maybe_unused]] auto read_bytes = read(fd_, &count, sizeof count);
}

}  // namespace brigade::net::detail
