// Checks built by hand for the pricing and split tests, and a seeded generator of
// random checks for the property tests. No menu: lines are priced directly.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/pricing.h"

namespace brigade::pricing_testing {

inline Money cents(std::int64_t c) {
  return Money::cents(c);
}

inline TaxClass exclusive_tax(std::string id, std::int64_t rate_ppm) {
  return TaxClass{id, id, rate_ppm, false};
}
inline TaxClass inclusive_tax(std::string id, std::int64_t rate_ppm) {
  return TaxClass{id, id, rate_ppm, true};
}

// A line with the kitchen, priced at `unit_price` cents a unit.
inline Line priced_line(std::int64_t id, std::int64_t unit_price, int quantity = 1,
                        std::string tax_class_id = "food", int seat = 0) {
  Line line;
  line.id = id;
  line.item_id = "item-" + std::to_string(id);
  line.name = "Item " + std::to_string(id);
  line.quantity = quantity;
  line.seat = seat;
  line.unit_price = Money::cents(unit_price);
  line.tax_class_id = std::move(tax_class_id);
  line.state = LineState::sent;
  return line;
}

inline Check check_with(std::vector<Line> lines, std::vector<Discount> discounts = {}) {
  Check check;
  check.id = 1;
  check.lines = std::move(lines);
  check.discounts = std::move(discounts);
  return check;
}

inline SelectedModifier modifier(std::string id, std::int64_t price) {
  return SelectedModifier{"add-ons", id, id, Money::cents(price)};
}

inline Discount amount_off(std::int64_t amount, std::optional<std::int64_t> line_id = {}) {
  Discount discount;
  discount.line_id = line_id;
  discount.kind = DiscountKind::amount;
  discount.amount = Money::cents(amount);
  discount.reason = "regular";
  return discount;
}

inline Discount percent_off(std::int64_t basis_points, std::optional<std::int64_t> line_id = {}) {
  Discount discount;
  discount.line_id = line_id;
  discount.kind = DiscountKind::percent;
  discount.basis_points = basis_points;
  discount.reason = "happy hour";
  return discount;
}

inline Discount comp(std::optional<std::int64_t> line_id = {}) {
  Discount discount;
  discount.line_id = line_id;
  discount.kind = DiscountKind::comp;
  discount.reason = "sent back";
  return discount;
}

inline Payment payment(std::int64_t amount, int part = 0, std::int64_t tip = 0) {
  Payment paid;
  paid.part = part;
  paid.tender = Tender::card;
  paid.amount = Money::cents(amount);
  paid.tendered = paid.amount;
  paid.tip = Money::cents(tip);
  return paid;
}

// The worked example used by pricing and split tests: a party of two sharing wine.
//   line 1: burger 14.50 + bacon 1.50, x2, food, seat 1   = 32.00
//   line 2: fries 5.00, food, seat 2                      =  5.00
//   line 3: wine 9.45, x3, wine (VAT inside), table       = 28.35
// with 10% off the check. Food is taxed 8.875% on top; wine carries 20% inside.
inline std::vector<TaxClass> example_tax_classes() {
  return {exclusive_tax("food", 88'750), inclusive_tax("wine", 200'000)};
}
inline Check example_check() {
  Check check;
  check.id = 1;
  check.number = 1042;
  Line burger = priced_line(1, 1450, 2, "food", 1);
  burger.modifiers.push_back(modifier("bacon", 150));
  check.lines = {burger, priced_line(2, 500, 1, "food", 2), priced_line(3, 945, 3, "wine", 0)};
  check.discounts = {percent_off(1000)};
  return check;
}

inline Money sum(const std::vector<Money>& amounts) {
  Money total;
  for (const Money amount : amounts) total += amount;
  return total;
}

// Random checks for property tests: lines with modifiers, voids, seats and tax classes
// (some unknown), line and check discounts of every kind, payments on parts.
class RandomChecks {
 public:
  explicit RandomChecks(std::uint32_t seed) : random_(seed) {}

  int number(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  std::int64_t amount(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }
  bool chance(int percent) { return number(1, 100) <= percent; }

  std::vector<TaxClass> tax_classes() {
    std::vector<TaxClass> classes;
    const int count = number(1, 3);
    for (int i = 0; i < count; ++i) {
      const std::string id = "class-" + std::to_string(i);
      const std::int64_t rate = chance(10) ? 0 : amount(1, 250'000);
      classes.push_back(chance(40) ? inclusive_tax(id, rate) : exclusive_tax(id, rate));
    }
    return classes;
  }

  Check check(const std::vector<TaxClass>& classes) {
    Check check;
    check.id = 7;
    const int lines = number(0, 9);
    for (int i = 1; i <= lines; ++i) {
      const std::string tax_class_id =
          chance(5) ? "unknown" : classes[number(0, static_cast<int>(classes.size()) - 1)].id;
      Line line = priced_line(i * 10, amount(0, 5000), number(1, 6), tax_class_id, number(0, 4));
      for (int m = number(0, 3); m > 0; --m) {
        line.modifiers.push_back(modifier("mod-" + std::to_string(m), amount(0, 400)));
      }
      if (chance(20)) line.voided_quantity = number(0, line.quantity);
      if (line.voided_quantity == line.quantity) line.state = LineState::voided;
      check.lines.push_back(line);
    }
    for (int d = number(0, 4); d > 0; --d) check.discounts.push_back(discount(lines));
    for (int p = number(0, 3); p > 0; --p) {
      check.payments.push_back(payment(amount(1, 20'000), number(0, 4), amount(0, 500)));
    }
    return check;
  }

  // A split for the check: even, by seat or by item, sometimes an invalid one.
  SplitPlan split(const Check& check) {
    SplitPlan plan;
    switch (number(0, 2)) {
      case 0:
        plan.kind = SplitKind::even;
        plan.parts = number(1, 7);
        break;
      case 1:
        plan.kind = SplitKind::by_seat;
        break;
      default:
        plan.kind = SplitKind::by_item;
        plan.parts = number(1, 5);
        for (const Line& line : check.lines) {
          std::vector<int>& parts = plan.assignments[line.id];
          for (int k = number(1, 3); k > 0; --k) parts.push_back(number(1, plan.parts));
        }
        break;
    }
    return plan;
  }

 private:
  Discount discount(int lines) {
    // Line ids are 10, 20, ...; one past the end names a line that is not there.
    const std::optional<std::int64_t> line_id =
        chance(50) ? std::optional<std::int64_t>(number(1, lines + 1) * 10) : std::nullopt;
    // Comps are rarer than discounts, as in service; a check comp leaves nothing to check.
    const int kind = number(0, 6);
    if (kind < 3) return amount_off(amount(0, 4000), line_id);
    if (kind < 6) return percent_off(amount(0, 10'000), line_id);
    return comp(line_id);
  }

  std::mt19937 random_;
};

}  // namespace brigade::pricing_testing
