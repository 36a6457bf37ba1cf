#include "brigade/protocol/args.h"

#include <climits>

#include "brigade/domain/text.h"

namespace brigade::protocol {

namespace {
const Json kEmptyObject = Json::object();
}

const Json* ArgReader::find(const char* name) {
  read_.insert(name);
  auto it = args_.find(name);
  if (it == args_.end() || it->is_null()) return nullptr;
  return &*it;
}

bool ArgReader::has(const char* name) const {
  auto it = args_.find(name);
  return it != args_.end() && !it->is_null();
}

void ArgReader::problem(const char* name, const std::string& what) {
  if (!problem_) problem_ = std::string("args.") + name + " " + what;
}

std::int64_t ArgReader::integer(const char* name, std::int64_t min, std::int64_t max) {
  auto v = optional_integer(name, min, max);
  if (!v && !problem_) problem(name, "is missing");
  return v.value_or(min);
}

// The range as docs/protocol.md gives it: a bound at the end of int64 is no bound a
// person chose, so it is not shown.
std::string ArgReader::range(std::int64_t min, std::int64_t max) {
  if (max == INT64_MAX) return "must be an integer of " + std::to_string(min) + " or more";
  return "must be an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

std::optional<std::int64_t> ArgReader::read_integer(const char* name, std::int64_t min,
                                                    std::int64_t max, const std::string& must) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_number_integer() || (v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX)) {
    problem(name, must);
    return std::nullopt;
  }
  std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max) {
    problem(name, must);
    return std::nullopt;
  }
  return n;
}

std::optional<std::int64_t> ArgReader::optional_integer(const char* name, std::int64_t min,
                                                        std::int64_t max) {
  return read_integer(name, min, max, range(min, max));
}

std::optional<int> ArgReader::optional_ruled_int(const char* name, int documented_min,
                                                 int documented_max) {
  auto v = read_integer(name, INT_MIN, INT_MAX, range(documented_min, documented_max));
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

static constexpr const char* kMustBeAnId = "must be an id (an integer from 1)";

std::int64_t ArgReader::id(const char* name) {
  auto v = optional_id(name);
  if (!v && !problem_) problem(name, "is missing");
  return v.value_or(1);
}

std::optional<std::int64_t> ArgReader::optional_id(const char* name) {
  return read_integer(name, 1, INT64_MAX, kMustBeAnId);
}

std::string ArgReader::text(const char* name, std::size_t max_length, bool allow_empty) {
  auto v = optional_text(name, max_length, allow_empty);
  if (!v && !problem_) problem(name, "is missing");
  return v.value_or("");
}

std::optional<std::string> ArgReader::optional_text(const char* name, std::size_t max_length,
                                                    bool allow_empty) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    problem(name, "must be a string");
    return std::nullopt;
  }
  std::string s = v->get<std::string>();
  if (characters(s) > max_length) {
    problem(name, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  if (s.empty() && !allow_empty) {
    problem(name, "must not be empty");
    return std::nullopt;
  }
  return s;
}

bool ArgReader::boolean(const char* name) {
  auto v = optional_boolean(name);
  if (!v && !problem_) problem(name, "is missing");
  return v.value_or(false);
}

std::optional<bool> ArgReader::optional_boolean(const char* name) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    problem(name, "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

Money ArgReader::money(const char* name, std::int64_t min_cents, std::int64_t max_cents) {
  auto v = optional_money(name, min_cents, max_cents);
  if (!v && !problem_) problem(name, "is missing");
  return v.value_or(Money::zero());
}

std::optional<Money> ArgReader::optional_money(const char* name, std::int64_t min_cents,
                                               std::int64_t max_cents) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  // Money travels as integer cents: 1579 is $15.79. A float is refused, never rounded.
  if (!v->is_number_integer()) {
    problem(name, "must be a whole number of cents");
    return std::nullopt;
  }
  auto n = optional_integer(name, min_cents, max_cents);
  if (!n) return std::nullopt;
  return Money::cents(*n);
}

Money ArgReader::money_at_most(const char* name, std::int64_t max_cents) {
  auto v = optional_money_at_most(name, max_cents);
  if (!v && !problem_) problem(name, "is missing");
  return v.value_or(Money::zero());
}

std::optional<Money> ArgReader::optional_money_at_most(const char* name, std::int64_t max_cents) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    problem(name, "must be a whole number of cents");
    return std::nullopt;
  }
  const std::string must = "must be at most " + std::to_string(max_cents) + " cents";
  // The lower bound is the domain's: any amount far below zero is refused there as below
  // zero, so it is pinned where money arithmetic stays safe.
  if (!v->is_number_unsigned() && v->get<std::int64_t>() < -max_cents)
    return Money::cents(-max_cents);
  auto n = read_integer(name, -max_cents, max_cents, must);
  if (!n) return std::nullopt;
  return Money::cents(*n);
}

std::vector<std::int64_t> ArgReader::ids(const char* name, std::size_t max_count) {
  const Json* v = find(name);
  std::vector<std::int64_t> out;
  if (!v) {
    problem(name, "is missing");
    return out;
  }
  if (!v->is_array() || v->empty() || v->size() > max_count) {
    problem(name, "must be a list of 1 to " + std::to_string(max_count) + " ids");
    return out;
  }
  for (const Json& e : *v) {
    if (!e.is_number_integer() || e.get<std::int64_t>() < 1) {
      problem(name, "must hold only ids (integers from 1)");
      return {};
    }
    out.push_back(e.get<std::int64_t>());
  }
  return out;
}

std::vector<std::string> ArgReader::texts(const char* name, std::size_t max_count,
                                          std::size_t max_length) {
  auto v = optional_texts(name, max_count, max_length);
  if (!v && !problem_) problem(name, "is missing");
  return v.value_or(std::vector<std::string>{});
}

std::optional<std::vector<std::string>> ArgReader::optional_texts(const char* name,
                                                                  std::size_t max_count,
                                                                  std::size_t max_length) {
  const Json* v = find(name);
  if (!v) return std::nullopt;
  if (!v->is_array() || v->size() > max_count) {
    problem(name, "must be a list of at most " + std::to_string(max_count) + " strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const Json& e : *v) {
    if (!e.is_string() || characters(e.get_ref<const std::string&>()) > max_length) {
      problem(name, max_length == kAnyLength ? std::string("must hold only strings")
                                             : "must hold only strings of at most " +
                                                   std::to_string(max_length) + " characters");
      return std::nullopt;
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

const Json& ArgReader::object(const char* name) {
  const Json* v = find(name);
  if (!v) {
    problem(name, "is missing");
    return kEmptyObject;
  }
  if (!v->is_object()) {
    problem(name, "must be an object");
    return kEmptyObject;
  }
  return *v;
}

void ArgReader::no_other_fields() {
  for (const auto& [key, value] : args_.items())
    if (!read_.count(key)) {
      if (!problem_) problem_ = "args." + key + " is not a field of this command";
      return;
    }
}

}  // namespace brigade::protocol
