// pos-server, the real binary, as a child process of the test on free ports.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zmq.hpp>

#include "live_hub.h"

namespace brigade::testing {

// pos-server as a child process, its log in a file.
class HubProcess {
 public:
  HubProcess(const std::filesystem::path& db, const std::filesystem::path& log,
             std::string commands, std::string events)
      : log_(log) {
    pid_ = ::fork();
    if (pid_ == 0) {
      std::string out = log.string();
      FILE* f = std::freopen(out.c_str(), "a", stdout);
      (void)f;
      ::dup2(::fileno(stdout), 2);
      ::execl(BRIGADE_POS_SERVER, BRIGADE_POS_SERVER, "--db", db.c_str(), "--commands",
              commands.c_str(), "--events", events.c_str(), "--log-level", "warn", "--development",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  ~HubProcess() { kill(SIGKILL); }

  void kill(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    exit_status_ = status;
    pid_ = -1;
  }
  int exit_status() const { return exit_status_; }
  // Not exited or killed (a crash is reaped, its status kept in exit_status()).
  bool running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == 0) return true;
    exit_status_ = status;
    pid_ = -1;
    return false;
  }

 private:
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int exit_status_ = 0;
};

// Two free ports on 127.0.0.1, found by binding to port 0 and reading what the OS chose.
inline std::pair<std::string, std::string> free_endpoints() {
  zmq::context_t context;
  zmq::socket_t a(context, zmq::socket_type::pub), b(context, zmq::socket_type::pub);
  a.bind("tcp://127.0.0.1:*");
  b.bind("tcp://127.0.0.1:*");
  return {a.get(zmq::sockopt::last_endpoint), b.get(zmq::sockopt::last_endpoint)};
}

}  // namespace brigade::testing
