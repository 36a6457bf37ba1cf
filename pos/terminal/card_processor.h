// Card payments go through a processor: the reader and the bank behind it. The terminal
// only knows this interface, so a real processor (a payment terminal on the LAN, a
// processor's SDK) is added as one more class. A charge never blocks the screen: begin()
// starts it, poll() is asked each frame until there is an answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "brigade/domain/money.h"

namespace brigade::terminal {

struct CardCharge {
  Money amount;             // applied to the check
  Money tip;                // on top, for the server
  std::string description;  // "Table 12, seat 2"
};

struct CardResult {
  bool approved = false;
  std::string reference;  // the approval code, kept on the payment
  std::string message;    // what the reader said: "Approved", "Declined: insufficient funds"
};

class CardProcessor {
 public:
  virtual ~CardProcessor() = default;
  // "Simulated card reader", "Acme Pay (lane 3)".
  virtual std::string name() const = 0;
  // Starts a charge. Only one at a time: false when busy.
  virtual bool begin(const CardCharge& charge) = 0;
  virtual bool busy() const = 0;
  // The answer to the charge in progress, once (then the processor is free again).
  virtual std::optional<CardResult> poll() = 0;
};

// The built-in processor: approves, except the next card after decline_next was set, and
// any charge over the limit. Approval codes count up ("SIM-000001"), so every payment
// names a different one.
class SimulatedCardProcessor : public CardProcessor {
 public:
  std::string name() const override { return "Simulated card reader"; }
  bool begin(const CardCharge& charge) override;
  bool busy() const override { return pending_.has_value(); }
  std::optional<CardResult> poll() override;

  // The switch on the payment screen: the next card is declined, once.
  void set_decline_next(bool decline) { decline_next_ = decline; }
  bool decline_next() const { return decline_next_; }
  void set_limit(Money limit) { limit_ = limit; }

 private:
  std::optional<CardCharge> pending_;
  bool decline_next_ = false;
  Money limit_ = Money::cents(500'000);  // $5,000
  std::int64_t approvals_ = 0;
};

}  // namespace brigade::terminal
