#include "brigade/domain/pricing.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace brigade {

Money Line::unit_total() const {
  Money total = unit_price;
  for (const SelectedModifier& modifier : modifiers) total += modifier.price;
  return total;
}

namespace {

// A line is priced unless nothing of it is left to serve.
bool is_priced(const Line& line) {
  return line.state != LineState::voided && line.live_quantity() > 0;
}

Money left_on(const LinePrice& line) {
  return line.gross - line.discount - line.comp;
}

// Reductions are never negative, whatever was stored.
Money reduction_asked(const Discount& discount, Money base) {
  switch (discount.kind) {
    case DiscountKind::comp:
      return base;
    case DiscountKind::percent:
      return max(Money::zero(), percent_of(base, discount.basis_points, Rounding::half_up));
    case DiscountKind::amount:
      return max(Money::zero(), discount.amount);
  }
  return Money::zero();
}

// What a reduction takes: what it asks for, but never more than is left nor below zero.
Money taken_from(const Discount& discount, Money base, Money left) {
  return max(Money::zero(), min(reduction_asked(discount, base), left));
}

void reduce(LinePrice& line, const Discount& discount, Money amount) {
  (discount.kind == DiscountKind::comp ? line.comp : line.discount) += amount;
}

void apply_line_discounts(const Check& check, std::vector<LinePrice>& lines) {
  std::map<std::int64_t, LinePrice*> by_id;
  for (LinePrice& line : lines) by_id.emplace(line.line_id, &line);

  // Comps first: a comped line has nothing left for a discount to take.
  for (const bool comps : {true, false}) {
    for (const Discount& discount : check.discounts) {
      if (!discount.line_id || (discount.kind == DiscountKind::comp) != comps) continue;
      const auto found = by_id.find(*discount.line_id);
      if (found == by_id.end()) continue;  // names a voided or foreign line
      LinePrice& line = *found->second;
      reduce(line, discount, taken_from(discount, line.gross, left_on(line)));
    }
  }
}

void apply_check_discounts(const Check& check, std::vector<LinePrice>& lines) {
  for (const bool comps : {true, false}) {
    for (const Discount& discount : check.discounts) {
      if (discount.line_id || (discount.kind == DiscountKind::comp) != comps) continue;
      std::vector<std::int64_t> remaining;
      Money left = Money::zero();
      for (const LinePrice& line : lines) {
        remaining.push_back(left_on(line).in_cents());
        left += left_on(line);
      }
      const Money taken = taken_from(discount, left, left);
      // Shares in proportion to what is left never exceed it, so no net goes negative.
      const std::vector<Money> shares = allocate(taken, remaining);
      for (std::size_t i = 0; i < lines.size(); ++i) reduce(lines[i], discount, shares[i]);
    }
  }
}

Money tax_on(Money taxable, const TaxClass& tax_class) {
  const std::int64_t base =
      tax_class.inclusive ? kPartsPerMillion + tax_class.rate_ppm : kPartsPerMillion;
  return scale(taxable, tax_class.rate_ppm, base, Rounding::half_up);
}

// The classes the lines use, in tax_classes order; unknown ids follow as zero-rate
// classes in the order the lines first name them.
std::vector<TaxClass> classes_in_use(const std::vector<LinePrice>& lines,
                                     const std::vector<TaxClass>& tax_classes) {
  std::set<std::string> used;
  for (const LinePrice& line : lines) used.insert(line.tax_class_id);
  std::vector<TaxClass> in_use;
  for (const TaxClass& tax_class : tax_classes) {
    if (used.erase(tax_class.id) > 0) in_use.push_back(tax_class);
  }
  for (const LinePrice& line : lines) {
    if (used.erase(line.tax_class_id) == 0) continue;
    TaxClass untaxed;  // rate 0: an unknown class must not invent a tax
    untaxed.id = line.tax_class_id;
    in_use.push_back(std::move(untaxed));
  }
  return in_use;
}

std::vector<Money> part_sums(const std::vector<std::vector<Money>>& shares, std::size_t parts) {
  std::vector<Money> sums(parts);
  for (const std::vector<Money>& line_shares : shares) {
    for (std::size_t p = 0; p < parts; ++p) sums[p] += line_shares[p];
  }
  return sums;
}

}  // namespace

CheckTotals price_check(const Check& check, const std::vector<TaxClass>& tax_classes) {
  CheckTotals totals;
  for (const Line& line : check.lines) {
    if (!is_priced(line)) continue;
    LinePrice price;
    price.line_id = line.id;
    price.gross = line.gross();
    price.tax_class_id = line.tax_class_id;
    totals.lines.push_back(std::move(price));
  }
  apply_line_discounts(check, totals.lines);
  apply_check_discounts(check, totals.lines);

  for (LinePrice& line : totals.lines) {
    line.net = left_on(line);
    totals.subtotal += line.gross;
    totals.discounts += line.discount;
    totals.comps += line.comp;
    totals.net += line.net;
  }

  // Tax is rounded once per class over the class's total, not per line.
  for (const TaxClass& tax_class : classes_in_use(totals.lines, tax_classes)) {
    TaxLine tax;
    tax.tax_class_id = tax_class.id;
    tax.inclusive = tax_class.inclusive;
    for (const LinePrice& line : totals.lines) {
      if (line.tax_class_id == tax_class.id) tax.taxable += line.net;
    }
    tax.tax = tax_on(tax.taxable, tax_class);
    totals.tax += tax.tax;
    if (!tax.inclusive) totals.exclusive_tax += tax.tax;
    totals.taxes.push_back(std::move(tax));
  }
  totals.total = totals.net + totals.exclusive_tax;

  for (const Payment& payment : check.payments) {
    totals.paid += payment.amount;
    totals.tips += payment.tip;
  }
  totals.balance = totals.total - totals.paid;
  return totals;
}

namespace {

Error invalid_split(std::string message) {
  return fail(Errc::invalid_split, std::move(message));
}

Status check_part_count(int parts) {
  if (parts < 1 || parts > kMaxSplitParts) {
    return invalid_split("a split needs 1 to " + std::to_string(kMaxSplitParts) + " parts, not " +
                         std::to_string(parts));
  }
  return success();
}

std::vector<PartTotals> empty_parts(int count, const std::vector<std::string>& labels) {
  std::vector<PartTotals> parts(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    parts[i].part = i + 1;
    parts[i].label = labels[i];
  }
  return parts;
}

std::vector<std::string> part_labels(int count) {
  std::vector<std::string> labels;
  for (int i = 1; i <= count; ++i) {
    labels.push_back("Part " + std::to_string(i) + " of " + std::to_string(count));
  }
  return labels;
}

void settle_payments(const Check& check, std::vector<PartTotals>& parts) {
  for (PartTotals& part : parts) {
    for (const Payment& payment : check.payments) {
      if (payment.part == part.part) part.paid += payment.amount;
    }
    part.balance = part.total - part.paid;
  }
}

// Even split: the total and each class's tax are divided evenly, so that what each
// guest pays differs by at most a cent.
std::vector<PartTotals> split_evenly(const CheckTotals& totals, int count) {
  std::vector<PartTotals> parts = empty_parts(count, part_labels(count));
  const std::vector<Money> part_totals = allocate_evenly(totals.total, count);
  std::vector<Money> exclusive(static_cast<std::size_t>(count));
  for (const TaxLine& tax : totals.taxes) {
    const std::vector<Money> shares = allocate_evenly(tax.tax, count);
    for (std::size_t p = 0; p < parts.size(); ++p) {
      parts[p].tax += shares[p];
      if (!tax.inclusive) exclusive[p] += shares[p];
    }
  }
  for (std::size_t p = 0; p < parts.size(); ++p) {
    parts[p].total = part_totals[p];
    parts[p].net = part_totals[p] - exclusive[p];  // inclusive tax stays inside the net
    for (const LinePrice& line : totals.lines) parts[p].line_ids.push_back(line.line_id);
  }
  return parts;
}

// Lines divided among parts: each line's net goes to its parts (evenly when shared),
// and each class's tax follows the parts' nets in that class.
std::vector<PartTotals> split_by_lines(const CheckTotals& totals,
                                       const std::vector<std::vector<int>>& parts_of_line,
                                       const std::vector<std::string>& labels) {
  const int count = static_cast<int>(labels.size());
  std::vector<PartTotals> parts = empty_parts(count, labels);
  const std::size_t n = parts.size();

  // shares[line][part]: the part's piece of the line's net.
  std::vector<std::vector<Money>> shares(totals.lines.size(), std::vector<Money>(n));
  for (std::size_t l = 0; l < totals.lines.size(); ++l) {
    const std::vector<int>& line_parts = parts_of_line[l];
    const std::vector<Money> pieces =
        allocate_evenly(totals.lines[l].net, static_cast<int>(line_parts.size()));
    for (std::size_t k = 0; k < line_parts.size(); ++k) {
      const auto p = static_cast<std::size_t>(line_parts[k] - 1);
      shares[l][p] = pieces[k];
      parts[p].line_ids.push_back(totals.lines[l].line_id);
    }
  }
  const std::vector<Money> nets = part_sums(shares, n);

  std::vector<Money> exclusive(n);
  for (const TaxLine& tax : totals.taxes) {
    std::vector<std::int64_t> class_nets(n, 0);
    for (std::size_t l = 0; l < totals.lines.size(); ++l) {
      if (totals.lines[l].tax_class_id != tax.tax_class_id) continue;
      for (std::size_t p = 0; p < n; ++p) class_nets[p] += shares[l][p].in_cents();
    }
    const std::vector<Money> tax_shares = allocate(tax.tax, class_nets);
    for (std::size_t p = 0; p < n; ++p) {
      parts[p].tax += tax_shares[p];
      if (!tax.inclusive) exclusive[p] += tax_shares[p];
    }
  }
  for (std::size_t p = 0; p < n; ++p) {
    parts[p].net = nets[p];
    parts[p].total = nets[p] + exclusive[p];
  }
  return parts;
}

Result<std::vector<PartTotals>> split_by_seat(const Check& check, const CheckTotals& totals) {
  std::map<std::int64_t, int> seat_of;
  for (const Line& line : check.lines) seat_of.emplace(line.id, line.seat);
  std::set<int> seats;
  for (const LinePrice& line : totals.lines) {
    if (seat_of[line.line_id] >= 1) seats.insert(seat_of[line.line_id]);
  }
  if (seats.empty()) {
    return invalid_split("no line is on a seat, so the check cannot be split by seat");
  }

  std::map<int, int> part_of_seat;
  std::vector<std::string> labels;
  std::vector<int> every_part;
  for (const int seat : seats) {
    labels.push_back("Seat " + std::to_string(seat));
    every_part.push_back(static_cast<int>(labels.size()));
    part_of_seat[seat] = every_part.back();
  }
  std::vector<std::vector<int>> parts_of_line;
  for (const LinePrice& line : totals.lines) {
    const int seat = seat_of[line.line_id];
    // Table lines (seat 0) are shared by everyone at it.
    parts_of_line.push_back(seat >= 1 ? std::vector<int>{part_of_seat[seat]} : every_part);
  }
  return split_by_lines(totals, parts_of_line, labels);
}

Result<std::vector<PartTotals>> split_by_item(const SplitPlan& plan, const CheckTotals& totals) {
  if (Status count_ok = check_part_count(plan.parts); !count_ok) return count_ok.error();
  std::vector<std::vector<int>> parts_of_line;
  for (const LinePrice& line : totals.lines) {
    const std::string name = "line " + std::to_string(line.line_id);
    const auto found = plan.assignments.find(line.line_id);
    if (found == plan.assignments.end() || found->second.empty()) {
      return invalid_split(name + " is not assigned to any part");
    }
    // The same part named twice is still one share.
    const std::set<int> named(found->second.begin(), found->second.end());
    for (const int part : named) {
      if (part < 1 || part > plan.parts) {
        return invalid_split(name + " is assigned to part " + std::to_string(part) +
                             ", but the split has parts 1 to " + std::to_string(plan.parts));
      }
    }
    parts_of_line.emplace_back(named.begin(), named.end());
  }
  return split_by_lines(totals, parts_of_line, part_labels(plan.parts));
}

}  // namespace

Result<std::vector<PartTotals>> price_split(const Check& check,
                                            const std::vector<TaxClass>& tax_classes) {
  const CheckTotals totals = price_check(check, tax_classes);
  Result<std::vector<PartTotals>> parts = invalid_split("the check has no split");
  switch (check.split.kind) {
    case SplitKind::none:
      return parts;
    case SplitKind::even:
      if (Status count_ok = check_part_count(check.split.parts); !count_ok) {
        return count_ok.error();
      }
      parts = split_evenly(totals, check.split.parts);
      break;
    case SplitKind::by_seat:
      parts = split_by_seat(check, totals);
      break;
    case SplitKind::by_item:
      parts = split_by_item(check.split, totals);
      break;
  }
  if (parts) settle_payments(check, parts.value());
  return parts;
}

Money CheckTotals::net_of(const Line& line) const {
  for (const auto& p : lines)
    if (p.line_id == line.id) return p.net;
  return line.gross();
}

Money CheckTotals::gross_of(const Line& line) const {
  for (const auto& p : lines)
    if (p.line_id == line.id) return p.gross;
  return line.gross();
}

Money modifier_charge(const Line& line, const SelectedModifier& modifier) {
  return modifier.price * line.live_quantity();
}

Money suggested_tip(Money amount, Money owed, std::int64_t basis_points) {
  return percent_of(std::min(amount, owed), basis_points);
}

}  // namespace brigade
