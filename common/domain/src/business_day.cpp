#include "brigade/domain/business_day.h"

namespace brigade {

Status check_close_day(const std::vector<std::string>& open_checks, bool carry_over) {
  if (open_checks.empty() || carry_over) return success();
  constexpr std::size_t kNamed = 5;
  std::string names;
  for (std::size_t i = 0; i < open_checks.size() && i < kNamed; ++i)
    names += (i ? ", " : "") + open_checks[i];
  if (open_checks.size() > kNamed)
    names += " and " + std::to_string(open_checks.size() - kNamed) + " more";
  const bool one = open_checks.size() == 1;
  return fail(Errc::checks_still_open,
              std::to_string(open_checks.size()) + (one ? " check is" : " checks are") +
                  " still open (" + names + "): close " + (one ? "it" : "them") + ", or carry " +
                  (one ? "it" : "them") + " over to the next day");
}

}  // namespace brigade
