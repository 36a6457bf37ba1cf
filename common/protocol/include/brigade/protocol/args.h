// Strict reading of a command's "args": every field checked for presence, type and
// range, unknown fields refused, and the first problem named with its field
// ("args.quantity must be an integer from 1 to 999"). Lengths are in characters; every
// range in a message is the one docs/protocol.md gives, never a C++ type's.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "brigade/domain/money.h"
#include "brigade/protocol/protocol.h"

namespace brigade::protocol {

class ArgReader {
 public:
  explicit ArgReader(const Json& args) : args_(args) {}
  ArgReader(Json&&) = delete;  // it keeps a reference: the args must outlive the reader

  // A text with no length of its own: a name checked against its choices afterwards.
  static constexpr std::size_t kAnyLength = std::numeric_limits<std::size_t>::max();

  // Required fields. On a problem they record it and return a harmless default.
  std::int64_t id(const char* name);  // an integer >= 1
  // max = INT64_MAX means no upper bound ("must be an integer of 0 or more").
  std::int64_t integer(const char* name, std::int64_t min, std::int64_t max);
  std::string text(const char* name, std::size_t max_length, bool allow_empty = false);
  bool boolean(const char* name);
  Money money(const char* name, std::int64_t min_cents, std::int64_t max_cents);  // integer cents
  // Cents whose lower bound is a rule of the restaurant (a payment above zero, a tip not
  // below it), judged by the domain with its own code.
  Money money_at_most(const char* name, std::int64_t max_cents);
  std::vector<std::int64_t> ids(const char* name, std::size_t max_count);
  std::vector<std::string> texts(const char* name, std::size_t max_count, std::size_t max_length);
  const Json& object(const char* name);

  // Optional fields: nullopt when absent (or null).
  std::optional<std::int64_t> optional_id(const char* name);
  std::optional<std::int64_t> optional_integer(const char* name, std::int64_t min,
                                               std::int64_t max);
  // An int whose range is a rule of the restaurant (a quantity, a seat), judged by the
  // domain with its own code: here any int is read, and a value of another type, or too
  // large for an int, is refused naming the documented range.
  std::optional<int> optional_ruled_int(const char* name, int documented_min, int documented_max);
  std::optional<std::string> optional_text(const char* name, std::size_t max_length,
                                           bool allow_empty = true);
  std::optional<bool> optional_boolean(const char* name);
  std::optional<Money> optional_money(const char* name, std::int64_t min_cents,
                                      std::int64_t max_cents);
  std::optional<Money> optional_money_at_most(const char* name, std::int64_t max_cents);
  std::optional<std::vector<std::string>> optional_texts(const char* name, std::size_t max_count,
                                                         std::size_t max_length);

  bool has(const char* name) const;
  // There at all, null included (has() takes null as absent).
  bool present(const char* name) const { return args_.contains(name); }

  // Refuses fields nobody read (typos such as "quantiy"). Call after reading all.
  void no_other_fields();

  // Records a problem found by the caller ("must be drinks, apps, mains or dessert").
  void invalid(const char* name, const std::string& what) { problem(name, what); }

  bool ok() const { return !problem_; }
  WireError error() const { return {std::string(code::bad_request), *problem_}; }

 private:
  const Json* find(const char* name);
  void problem(const char* name, const std::string& what);
  static std::string range(std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> read_integer(const char* name, std::int64_t min, std::int64_t max,
                                           const std::string& must);

  const Json& args_;
  std::set<std::string> read_;
  std::optional<std::string> problem_;
};

}  // namespace brigade::protocol
