// A refund: money paid back on a closed check, whole or by line, to the tenders that paid
// it. It belongs to the day it is made in (the check's own day may be closed), and is
// priced from what the guest paid for each line: its net after discounts and comps and its
// share of the tax. Tips stay with the server. Plain values and rules, no I/O.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/clock.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/money.h"
#include "brigade/domain/report.h"
#include "brigade/domain/result.h"

namespace brigade {

// Of a line: how many to refund.
struct RefundAsk {
  std::int64_t line_id = 0;
  int quantity = 0;

  bool operator==(const RefundAsk&) const = default;
};

struct RefundedLine {
  std::int64_t line_id = 0;
  std::string item_id;
  std::string name;
  std::string tax_class_id;
  int quantity = 0;
  Money net;  // net of tax
  Money tax;

  bool operator==(const RefundedLine&) const = default;
};

// What one tender pays back.
struct RefundTender {
  std::int64_t payment_id = 0;
  Tender tender = Tender::cash;
  Money amount;
  std::string reference;  // the card reader's approval of the refund

  bool operator==(const RefundTender&) const = default;
};

struct Refund {
  std::int64_t id = 0;
  std::int64_t check_id = 0;
  std::int64_t check_number = 0;
  std::string server_id;  // the check's: refunds come off that server's sales
  std::int64_t day = 0;   // the business day it was made in
  std::vector<RefundedLine> lines;
  std::vector<RefundTender> tenders;
  Money amount;  // sum of the lines' net + tax = sum of the tenders
  std::string reason;
  std::string approved_by;  // the manager who allowed it
  std::string by;           // who asked for it
  EpochMs at = 0;

  bool operator==(const Refund&) const = default;
};

// Prices a refund of a closed check: the lines asked (all that is left of every line when
// `asked` is empty) less what `earlier` refunds of it took, spread over its payments in
// proportion to what each has left to give back. Refused: an open check, a line not on
// it or fully voided, a quantity of 0 or more than is left, nothing left to refund, no
// reason.
Result<Refund> price_refund(const Check& check, const std::vector<TaxClass>& tax_classes,
                            const std::vector<RefundAsk>& asked, const std::vector<Refund>& earlier,
                            std::string reason);

// What a refund takes off the day it is made in: sales under the same items, categories
// and server, the hour it was made, tax by class, and money out of each tender.
std::vector<Tally> refund_tallies(const Refund& refund, const Menu& menu);

}  // namespace brigade
