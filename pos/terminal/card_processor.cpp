#include "card_processor.h"

#include <cstdio>

namespace brigade::terminal {

bool SimulatedCardProcessor::begin(const CardCharge& charge) {
  if (pending_) return false;
  pending_ = charge;
  return true;
}

std::optional<CardResult> SimulatedCardProcessor::poll() {
  if (!pending_) return std::nullopt;
  CardCharge charge = *pending_;
  pending_.reset();
  CardResult result;
  if (decline_next_) {
    decline_next_ = false;
    result.message = "Declined by the bank: ask for another card or try again";
    return result;
  }
  if (charge.amount + charge.tip > limit_) {
    result.message = "Declined: over the card's limit";
    return result;
  }
  char code[32];  // room for any 64-bit count, so -Wformat-truncation stays quiet at -O2
  std::snprintf(code, sizeof code, "SIM-%06lld", static_cast<long long>(++approvals_));
  result.approved = true;
  result.reference = code;
  result.message = "Approved";
  return result;
}

}  // namespace brigade::terminal
