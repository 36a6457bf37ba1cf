// What every test shares: a folder of its own, the wall clock as the protocol's "at", and
// a bounded wait on a positive signal (tests never assert on speed, and never sleep to
// prove something happened).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>

namespace brigade::testing {

// A fresh folder under the system's temp directory, removed with everything in it.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "brigade");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Milliseconds since 1970 by the wall clock.
std::int64_t now_ms();

// Polls `condition` until it holds or `cap` passes; the cap is generous because the
// machines are shared and noisy. Returns whether it held.
template <class Condition>
bool wait_until(Condition condition, std::chrono::milliseconds cap = std::chrono::seconds(30)) {
  auto give_up = std::chrono::steady_clock::now() + cap;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace brigade::testing
