// Hands items from a network thread to whoever reads them (Tracy's RunQueue idea): append
// under the lock, swap the whole vector out under the lock, notify outside it.
#pragma once

#include <functional>
#include <iterator>
#include <mutex>
#include <utility>
#include <vector>

namespace brigade::net::detail {

template <class T>
class Mailbox {
 public:
  explicit Mailbox(std::function<void()> notify) : notify_(std::move(notify)) {}

  void post(std::vector<T> items) {
    if (items.empty()) return;
    {
      std::lock_guard lock(mutex_);
      items_.insert(items_.end(), std::make_move_iterator(items.begin()),
                    std::make_move_iterator(items.end()));
    }
    poke();
  }

  // Calls the notifier alone (a status change with nothing queued).
  void poke() {
    if (notify_) notify_();
  }

  std::vector<T> take() {
    std::vector<T> out;
    std::lock_guard lock(mutex_);
    out.swap(items_);
    return out;
  }

 private:
  std::function<void()> notify_;
  std::mutex mutex_;
  std::vector<T> items_;
};

}  // namespace brigade::net::detail
