// What a check costs: per-line gross, discounts and comps, tax per class, total,
// paid and balance; and the parts of a split. Pure arithmetic on integer cents.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/money.h"

namespace brigade {

struct LinePrice {
  std::int64_t line_id = 0;
  Money gross;     // live quantity x (unit price + modifiers)
  Money discount;  // line discounts plus its share of check discounts
  Money comp;      // line comps plus its share of a check comp
  Money net;       // gross - discount - comp, never below zero
  std::string tax_class_id;

  bool operator==(const LinePrice&) const = default;
};

struct TaxLine {
  std::string tax_class_id;
  Money taxable;  // sum of the class's line nets
  Money tax;      // rounded once per class, half up
  bool inclusive = false;

  bool operator==(const TaxLine&) const = default;
};

struct CheckTotals {
  std::vector<LinePrice> lines;  // one per line that is not fully voided, in check order
  Money subtotal;                // sum of gross
  Money discounts;               // sum of discounts
  Money comps;                   // sum of comps
  Money net;                     // subtotal - discounts - comps
  std::vector<TaxLine> taxes;    // one per tax class present, in tax_classes order
  Money tax;                     // all tax, inclusive and exclusive
  Money exclusive_tax;           // tax added on top of net
  Money total;                   // net + exclusive tax: what the guest owes
  Money paid;                    // sum of payment amounts
  Money tips;                    // sum of tips (not part of total)
  Money balance;                 // total - paid

  // What the guest paid in all, with tips: the receipt's last line.
  Money total_with_tips() const { return total + tips; }
  // The price of `line` in these totals: its net (after discounts and comps) and its gross
  // (before). A line the totals do not price (all of it voided, or not yet known to the
  // hub) shows its own gross, so a person always sees what the line is worth.
  Money net_of(const Line& line) const;
  Money gross_of(const Line& line) const;

  bool operator==(const CheckTotals&) const = default;
};

// Order of work: line comps, then line discounts (capped at what is left of the line),
// then check comps/discounts on what remains, spread over lines in proportion to their
// net (largest remainder, so no cent is made or lost); then tax per class on the nets:
// exclusive tax = round(taxable x rate), inclusive tax = round(taxable x rate / (1 + rate)).
CheckTotals price_check(const Check& check, const std::vector<TaxClass>& tax_classes);

struct PartTotals {
  int part = 0;                        // 1-based
  std::string label;                   // "Seat 2", "Part 3 of 4"
  std::vector<std::int64_t> line_ids;  // lines (wholly or partly) in this part
  Money net;
  Money tax;
  Money total;
  Money paid;     // payments naming this part
  Money balance;  // total - paid

  bool operator==(const PartTotals&) const = default;
};

// The parts of the check's split. The parts' nets, taxes and totals always sum exactly
// to the check's. by_seat: one part per seat in use, seat-0 (table) lines shared evenly;
// by_item: per the plan's assignments; even: the total in n parts that differ by at most
// one cent. Errors: no split set, a by_item plan that misses a line or names a part
// outside 1..parts, a by_seat split of a check with no seats.
Result<std::vector<PartTotals>> price_split(const Check& check,
                                            const std::vector<TaxClass>& tax_classes);

// A modifier's charge on its line: its price per unit times the live quantity.
Money modifier_charge(const Line& line, const SelectedModifier& modifier);

// A tip of `basis_points` (1800 = 18%) on what a payment covers: the amount tendered, but
// never more than is owed (a guest paying $100 cash on a $40 check tips on $40).
Money suggested_tip(Money amount, Money owed, std::int64_t basis_points);

}  // namespace brigade
