// Wakes a network thread from zmq::poll without touching its sockets from another thread:
// an eventfd that zmq::poll watches next to the sockets.
#pragma once

namespace brigade::net::detail {

class Wakeup {
 public:
  Wakeup();
  ~Wakeup();
  Wakeup(const Wakeup&) = delete;
  Wakeup& operator=(const Wakeup&) = delete;

  void signal();                  // any thread
  void drain();                   // the network thread, after poll reported it readable
  int fd() const { return fd_; }  // -1 if no eventfd could be made

 private:
  int fd_ = -1;
};

}  // namespace brigade::net::detail
