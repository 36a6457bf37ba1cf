#include "brigade/security/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace brigade::security {

namespace fs = std::filesystem;

namespace {

std::string os_error() {
  return std::strerror(errno);
}

}  // namespace

Result<std::string> read_secret_file(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0)
    return fail(Errc::not_found, "cannot read the key file " + path.string() + ": " + os_error());
  if (info.st_mode & (S_IRWXG | S_IRWXO))
    return fail(Errc::forbidden, "the key file " + path.string() +
                                     " may be read by others than its owner: run chmod 600 " +
                                     path.string());
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof())
    return fail(Errc::storage_error, "cannot read the key file " + path.string());
  return text.str();
}

Status create_secret_file(const fs::path& path, std::string_view contents) {
  std::error_code ec;
  if (path.has_parent_path() && !fs::exists(path.parent_path(), ec)) {
    fs::create_directories(path.parent_path(), ec);
    if (ec)
      return fail(Errc::storage_error,
                  "cannot make the folder " + path.parent_path().string() + ": " + ec.message());
    fs::permissions(path.parent_path(), fs::perms::owner_all, ec);
  }
  // O_EXCL: never replace a key that exists (two hubs starting at once, a wrong path).
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail(Errc::storage_error,
                "cannot make the key file " + path.string() + ": " + os_error());
  std::size_t written = 0;
  while (written < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  bool ok = written == contents.size() && ::fsync(fd) == 0;
  std::string why = ok ? "" : os_error();
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());  // a half-written key is worse than none
    return fail(Errc::storage_error, "cannot write the key file " + path.string() + ": " + why);
  }
  return success();
}

Status replace_secret_file(const fs::path& path, std::string_view contents) {
  fs::path next = path;
  next += ".new";
  std::error_code ec;
  fs::remove(next, ec);  // left by a crash during an earlier replace
  if (auto made = create_secret_file(next, contents); !made) return made;
  if (::rename(next.c_str(), path.c_str()) != 0) {
    std::string why = os_error();
    ::unlink(next.c_str());
    return fail(Errc::storage_error, "cannot replace the key file " + path.string() + ": " + why);
  }
  return success();
}

}  // namespace brigade::security
