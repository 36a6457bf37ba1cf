// Secret files: created once with owner-only permissions (0600), refused when anyone else
// may read them. The hub keeps its keys here, beside the store and never inside it, so a
// copy of the store file alone gives away no PIN and no key.
#pragma once

#include <filesystem>
#include <string>

#include "brigade/domain/result.h"

namespace brigade::security {

// Reads a secret file. Refuses one that the group or others may read or write, naming the
// file and the fix.
Result<std::string> read_secret_file(const std::filesystem::path& path);

// Writes a new secret file with mode 0600 (its folder is made 0700 if missing). Refuses to
// overwrite one that exists: a key once made is never replaced by accident.
Status create_secret_file(const std::filesystem::path& path, std::string_view contents);

// Replaces a secret file's contents at once (a new 0600 file renamed over the old one), so
// a crash midway leaves the old file or the new one, never half of either.
Status replace_secret_file(const std::filesystem::path& path, std::string_view contents);

// Reads the file, or makes it from `make()` on first use.
template <class Make>
Result<std::string> load_or_create_secret_file(const std::filesystem::path& path, Make make) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (auto made = create_secret_file(path, make()); !made) return made.error();
  }
  return read_secret_file(path);
}

}  // namespace brigade::security
