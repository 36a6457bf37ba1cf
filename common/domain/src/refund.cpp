#include "brigade/domain/refund.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "brigade/domain/pricing.h"

namespace brigade {

namespace {

struct Refunded {
  int quantity = 0;
  Money net, tax;
};

// What a line was sold for, as the refund sees it: quantity, net of tax, tax.
struct Sold {
  const Line* line = nullptr;
  std::string tax_class_id;
  int quantity = 0;
  Money net, tax;
};

std::map<std::int64_t, Sold> sold_lines(const Check& check, const CheckTotals& totals) {
  const std::map<std::int64_t, Money> shares = line_tax_shares(totals);
  std::map<std::int64_t, Sold> sold;
  for (const LinePrice& price : totals.lines) {
    const Line* line = check.find_line(price.line_id);
    if (!line) continue;
    bool inclusive = false;
    for (const TaxLine& tax : totals.taxes)
      if (tax.tax_class_id == price.tax_class_id) inclusive = tax.inclusive;
    const Money tax = shares.count(price.line_id) ? shares.at(price.line_id) : Money{};
    sold[price.line_id] = Sold{line, price.tax_class_id, line->live_quantity(),
                               inclusive ? price.net - tax : price.net, tax};
  }
  return sold;
}

}  // namespace

Result<Refund> price_refund(const Check& check, const std::vector<TaxClass>& tax_classes,
                            const std::vector<RefundAsk>& asked, const std::vector<Refund>& earlier,
                            std::string reason) {
  const std::string which = "check " + std::to_string(check.number);
  if (check.status != CheckStatus::closed)
    return fail(Errc::check_not_closed,
                which + " is " + std::string(to_string(check.status)) +
                    ": only a closed check is refunded (void or discount an open one)");
  if (auto s = require_reason(reason, "a refund"); !s) return s.error();
  const CheckTotals totals = price_check(check, tax_classes);
  const std::map<std::int64_t, Sold> sold = sold_lines(check, totals);

  std::map<std::int64_t, Refunded> before;
  std::map<std::int64_t, Money> paid_back;  // by payment
  for (const Refund& r : earlier) {
    for (const RefundedLine& l : r.lines) {
      Refunded& b = before[l.line_id];
      b.quantity += l.quantity;
      b.net += l.net;
      b.tax += l.tax;
    }
    for (const RefundTender& t : r.tenders) paid_back[t.payment_id] += t.amount;
  }

  // A line asked twice is asked once for both.
  std::vector<RefundAsk> wanted;
  for (const RefundAsk& ask : asked) {
    auto same = std::find_if(wanted.begin(), wanted.end(),
                             [&](const RefundAsk& w) { return w.line_id == ask.line_id; });
    if (same == wanted.end())
      wanted.push_back(ask);
    else
      same->quantity += ask.quantity;
  }
  if (wanted.empty())
    for (const auto& [id, s] : sold)
      if (s.quantity > before[id].quantity)
        wanted.push_back({id, s.quantity - before[id].quantity});
  if (wanted.empty())
    return fail(Errc::nothing_to_refund, "everything on " + which + " was refunded already");

  Refund refund;
  refund.check_id = check.id;
  refund.check_number = check.number;
  refund.server_id = check.server_id;
  refund.reason = std::move(reason);
  for (const RefundAsk& ask : wanted) {
    auto it = sold.find(ask.line_id);
    if (it == sold.end())
      return fail(Errc::line_not_found, "line " + std::to_string(ask.line_id) + " of " + which +
                                            " was not sold: nothing of it to refund");
    const Sold& s = it->second;
    const Refunded& b = before[ask.line_id];
    const int left = s.quantity - b.quantity;
    if (left == 0)
      return fail(Errc::nothing_to_refund, s.line->name + " on " + which + " was refunded already");
    if (ask.quantity < 1 || ask.quantity > left)
      return fail(Errc::invalid_quantity, "can refund 1 to " + std::to_string(left) + " of " +
                                              s.line->name + ", not " +
                                              std::to_string(ask.quantity));
    RefundedLine line{ask.line_id, s.line->item_id, s.line->name, s.tax_class_id, ask.quantity, {},
                      {}};
    // Priced on the running count (what k of n are worth, less what went before), so
    // refunds one by one come to the sale exactly and never past it.
    const int upto = b.quantity + ask.quantity;
    line.net = scale(s.net, upto, s.quantity) - b.net;
    line.tax = scale(s.tax, upto, s.quantity) - b.tax;
    refund.amount += line.net + line.tax;
    refund.lines.push_back(std::move(line));
  }

  // Lines that were given away (comped, free) have nothing to give back; a part of a
  // paid line may still round to nothing, and is taken back all the same.
  Money worth;
  for (const RefundedLine& line : refund.lines) {
    const Sold& s = sold.at(line.line_id);
    worth += s.net + s.tax;
  }
  if (worth.is_zero())
    return fail(Errc::nothing_to_refund,
                "nothing was paid for what was asked on " + which + " (comped or free)");
  std::vector<std::int64_t> left_to_give;
  Money can_give;
  for (const Payment& p : check.payments) {
    const Money left = max(Money::zero(), p.amount - paid_back[p.id]);
    left_to_give.push_back(left.in_cents());
    can_give += left;
  }
  if (refund.amount > can_give || refund.amount.is_negative())
    return fail(Errc::nothing_to_refund, which + " has " + format_money(can_give) +
                                             " left to give back, not " +
                                             format_money(refund.amount));
  const std::vector<Money> parts = allocate(refund.amount, left_to_give);
  for (std::size_t i = 0; i < check.payments.size(); ++i)
    if (!parts[i].is_zero())
      refund.tenders.push_back(
          RefundTender{check.payments[i].id, check.payments[i].tender, parts[i], {}});
  return refund;
}

std::vector<Tally> refund_tallies(const Refund& refund, const Menu& menu) {
  const std::string hour = hour_key(refund.at);
  std::vector<Tally> t;
  Money net;
  std::int64_t items = 0;
  for (const RefundedLine& line : refund.lines) {
    const MenuItem* item = menu.find_item(line.item_id);
    t.push_back({std::string(tally::refund_item), line.item_id, line.quantity, line.net});
    t.push_back({std::string(tally::refund_category), item ? item->category_id : std::string(),
                 line.quantity, line.net});
    t.push_back({std::string(tally::refund_tax), line.tax_class_id, 0, line.tax});
    net += line.net;
    items += line.quantity;
  }
  t.push_back({std::string(tally::refund_net), "", items, net});
  t.push_back({std::string(tally::refund_hour), hour, 0, net});
  t.push_back({std::string(tally::refund_server), refund.server_id, 0, net});
  for (const RefundTender& tender : refund.tenders)
    t.push_back(
        {std::string(tally::refunds), std::string(to_string(tender.tender)), 1, tender.amount});
  return add_up(std::move(t));
}

}  // namespace brigade
