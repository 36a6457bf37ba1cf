#include "brigade/domain/report.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace brigade {

std::map<std::int64_t, Money> line_tax_shares(const CheckTotals& totals) {
  std::map<std::int64_t, Money> shares;
  for (const TaxLine& tax : totals.taxes) {
    std::vector<std::int64_t> ids, nets;
    for (const LinePrice& line : totals.lines)
      if (line.tax_class_id == tax.tax_class_id) {
        ids.push_back(line.line_id);
        nets.push_back(line.net.in_cents());
      }
    const std::vector<Money> parts = allocate(tax.tax, nets);
    for (std::size_t i = 0; i < ids.size(); ++i) shares[ids[i]] += parts[i];
  }
  return shares;
}

std::string hour_key(EpochMs at) {
  const int hour = local_time_of(at).minute / 60;
  return (hour < 10 ? "0" : "") + std::to_string(hour);
}

namespace {

bool is_inclusive(const CheckTotals& totals, const std::string& tax_class_id) {
  for (const TaxLine& tax : totals.taxes)
    if (tax.tax_class_id == tax_class_id) return tax.inclusive;
  return false;
}

class Tallies {
 public:
  void add(std::string_view figure, std::string key, std::int64_t count, Money amount) {
    list_.push_back(Tally{std::string(figure), std::move(key), count, amount});
  }
  std::vector<Tally> done() { return add_up(std::move(list_)); }

 private:
  std::vector<Tally> list_;
};

}  // namespace

std::vector<Tally> sale_tallies(const Check& check, const std::vector<TaxClass>& tax_classes,
                                const Menu& menu) {
  const CheckTotals totals = price_check(check, tax_classes);
  const std::map<std::int64_t, Money> tax_shares = line_tax_shares(totals);
  const std::string hour = hour_key(check.closed_at);
  const int guests = check.channel == Channel::dine_in ? check.guests : 0;
  Tallies t;

  Money included = Money::zero();
  std::int64_t sold = 0;
  for (const LinePrice& price : totals.lines) {
    const Line* line = check.find_line(price.line_id);
    if (!line) continue;
    const Money share = tax_shares.count(price.line_id) ? tax_shares.at(price.line_id) : Money{};
    const Money net = is_inclusive(totals, price.tax_class_id) ? price.net - share : price.net;
    if (is_inclusive(totals, price.tax_class_id)) included += share;
    const MenuItem* item = menu.find_item(line->item_id);
    t.add(tally::item, line->item_id, line->live_quantity(), net);
    t.add(tally::category, item ? item->category_id : std::string(), line->live_quantity(), net);
    sold += line->live_quantity();
  }
  const Money net_sales = totals.net - included;
  t.add(tally::checks, "", 1, totals.total);
  t.add(tally::gross, "", sold, totals.subtotal);
  std::int64_t discounts = 0, comps = 0;
  for (const Discount& d : check.discounts) ++(d.kind == DiscountKind::comp ? comps : discounts);
  t.add(tally::discounts, "", discounts, totals.discounts);
  t.add(tally::comps, "", comps, totals.comps);
  t.add(tally::included_tax, "", 0, included);
  for (const TaxLine& tax : totals.taxes) t.add(tally::tax, tax.tax_class_id, 0, tax.tax);
  t.add(tally::covers, "", guests, Money::zero());
  t.add(tally::hour, hour, 1, net_sales);
  t.add(tally::server, check.server_id, 1, net_sales);
  t.add(tally::server_covers, check.server_id, guests, Money::zero());
  for (const Payment& p : check.payments) {
    const std::string tender(to_string(p.tender));
    t.add(tally::tender, tender, 1, p.amount);
    t.add(tally::tender_tips, tender, p.tip.is_zero() ? 0 : 1, p.tip);
    t.add(tally::server_tips, check.server_id, p.tip.is_zero() ? 0 : 1, p.tip);
    if (!p.change.is_zero()) t.add(tally::change, tender, 1, p.change);
  }
  for (const Line& line : check.lines) {
    const int made = line.voided_made, not_made = line.voided_quantity - line.voided_made;
    if (made > 0) t.add(tally::voids_made, "", made, line.unit_total() * made);
    if (not_made > 0) t.add(tally::voids_not_made, "", not_made, line.unit_total() * not_made);
  }
  return t.done();
}

std::vector<Tally> add_up(std::vector<Tally> tallies) {
  std::map<std::pair<std::string, std::string>, Tally> sums;
  for (Tally& t : tallies) {
    auto [it, fresh] = sums.try_emplace({t.figure, t.key}, t);
    if (!fresh) {
      it->second.count += t.count;
      it->second.amount += t.amount;
    }
  }
  std::vector<Tally> added;
  added.reserve(sums.size());
  for (auto& [key, t] : sums) added.push_back(std::move(t));
  return added;
}

namespace {

struct Sums {
  std::map<std::string, std::map<std::string, Tally>, std::less<>> by_figure;

  const std::map<std::string, Tally>& of(std::string_view figure) const {
    static const std::map<std::string, Tally> none;
    auto it = by_figure.find(figure);
    return it == by_figure.end() ? none : it->second;
  }
  Tally total(std::string_view figure) const {
    Tally sum;
    for (const auto& [key, t] : of(figure)) {
      sum.count += t.count;
      sum.amount += t.amount;
    }
    return sum;
  }
  std::vector<ReportRow> rows(std::string_view figure, const ReportLabels& labels) const {
    std::vector<ReportRow> rows;
    for (const auto& [key, t] : of(figure)) {
      if (t.count == 0 && t.amount.is_zero()) continue;
      rows.push_back(ReportRow{key, labels ? labels(figure, key) : key, t.count, t.amount});
    }
    return rows;
  }
};

// Subtracts refunds (negative rows under the same keys) from a breakdown.
void take_away(std::vector<ReportRow>& rows, const std::vector<ReportRow>& refunds) {
  for (const ReportRow& refund : refunds) {
    auto it = std::find_if(rows.begin(), rows.end(),
                           [&](const ReportRow& r) { return r.key == refund.key; });
    if (it == rows.end()) {
      rows.push_back(ReportRow{refund.key, refund.label, -refund.count, -refund.amount});
    } else {
      it->count -= refund.count;
      it->amount -= refund.amount;
    }
  }
  std::sort(rows.begin(), rows.end(),
            [](const ReportRow& a, const ReportRow& b) { return a.key < b.key; });
}

Money per(Money total, std::int64_t count) {
  return count > 0 ? scale(total, 1, count, Rounding::half_up) : Money::zero();
}

}  // namespace

DayReport build_report(const std::vector<Tally>& tallies, const ReportLabels& labels) {
  Sums sums;
  for (const Tally& t : tallies) {
    Tally& sum = sums.by_figure[t.figure][t.key];
    sum.figure = t.figure;
    sum.key = t.key;
    sum.count += t.count;
    sum.amount += t.amount;
  }
  DayReport r;
  const Tally gross = sums.total(tally::gross), discounts = sums.total(tally::discounts),
              comps = sums.total(tally::comps), refunded = sums.total(tally::refund_net);
  r.gross_sales = gross.amount;
  r.items_sold = gross.count;
  r.discounts = discounts.amount;
  r.discount_count = discounts.count;
  r.comps = comps.amount;
  r.comp_count = comps.count;
  r.included_tax = sums.total(tally::included_tax).amount;
  r.refunds_net = refunded.amount;
  r.items_refunded = refunded.count;
  r.net_sales = r.gross_sales - r.discounts - r.comps - r.included_tax - r.refunds_net;

  r.tax_by_class = sums.rows(tally::tax, labels);
  take_away(r.tax_by_class, sums.rows(tally::refund_tax, labels));
  r.tax = sums.total(tally::tax).amount - sums.total(tally::refund_tax).amount;
  r.tips_by_server = sums.rows(tally::server_tips, labels);
  r.tips_by_tender = sums.rows(tally::tender_tips, labels);
  r.tips = sums.total(tally::tender_tips).amount;

  std::map<std::string, TenderRow> tenders;
  for (const auto& [key, t] : sums.of(tally::tender)) {
    tenders[key].payments = t.count;
    tenders[key].amount = t.amount;
  }
  for (const auto& [key, t] : sums.of(tally::tender_tips)) tenders[key].tips = t.amount;
  for (const auto& [key, t] : sums.of(tally::change)) tenders[key].change = t.amount;
  for (const auto& [key, t] : sums.of(tally::refunds)) {
    tenders[key].refunds = t.amount;
    r.refund_count += t.count;
  }
  for (auto& [key, row] : tenders) {
    row.tender = key;
    row.net = row.amount + row.tips - row.refunds;
    r.tendered += row.amount + row.tips;
    r.refunds += row.refunds;
    r.tenders.push_back(row);
  }
  r.tenders_net = r.tendered - r.refunds;

  const Tally made = sums.total(tally::voids_made), not_made = sums.total(tally::voids_not_made);
  r.voids_made = ReportRow{"made", "Made", made.count, made.amount};
  r.voids_not_made = ReportRow{"not_made", "Not made", not_made.count, not_made.amount};

  // Refunds are tallied as sales taken back, under the same items, hours and servers.
  const auto breakdown = [&](std::string_view figure) {
    std::vector<ReportRow> rows = sums.rows(figure, labels);
    take_away(rows, sums.rows(std::string("refund_") + std::string(figure), labels));
    return rows;
  };
  r.by_item = breakdown(tally::item);
  r.by_category = breakdown(tally::category);
  r.by_hour = breakdown(tally::hour);
  r.by_server = breakdown(tally::server);

  r.checks_closed = sums.total(tally::checks).count;
  r.covers = sums.total(tally::covers).count;
  r.average_check = per(r.net_sales, r.checks_closed);
  r.average_per_cover = per(r.net_sales, r.covers);
  return r;
}

namespace {

Status mismatch(const std::string& what, Money expected, Money got) {
  return fail(Errc::invalid_argument, what + ": " + format_money(got) + " where " +
                                          format_money(expected) + " was expected");
}

template <class Rows, class Amount>
Money sum_of(const Rows& rows, Amount amount) {
  Money sum;
  for (const auto& row : rows) sum += amount(row);
  return sum;
}

Money row_amount(const ReportRow& row) {
  return row.amount;
}

}  // namespace

Status check_report(const DayReport& r) {
  struct Identity {
    const char* what;
    Money expected, got;
  };
  const Identity identities[] = {
      {"net + tax + tips against tenders less refunds", r.tenders_net,
       r.net_sales + r.tax + r.tips},
      {"gross less reductions against net sales", r.net_sales,
       r.gross_sales - r.discounts - r.comps - r.included_tax - r.refunds_net},
      {"tax by class", r.tax, sum_of(r.tax_by_class, row_amount)},
      {"tips by server", r.tips, sum_of(r.tips_by_server, row_amount)},
      {"tips by tender", r.tips, sum_of(r.tips_by_tender, row_amount)},
      {"sales by item", r.net_sales, sum_of(r.by_item, row_amount)},
      {"sales by category", r.net_sales, sum_of(r.by_category, row_amount)},
      {"sales by hour", r.net_sales, sum_of(r.by_hour, row_amount)},
      {"sales by server", r.net_sales, sum_of(r.by_server, row_amount)},
      {"tenders taken", r.tendered,
       sum_of(r.tenders, [](const TenderRow& t) { return t.amount + t.tips; })},
      {"tenders' refunds", r.refunds,
       sum_of(r.tenders, [](const TenderRow& t) { return t.refunds; })},
      {"tenders' nets", r.tenders_net, sum_of(r.tenders, [](const TenderRow& t) { return t.net; })},
      {"tips in tenders", r.tips, sum_of(r.tenders, [](const TenderRow& t) { return t.tips; })},
  };
  for (const Identity& i : identities)
    if (i.expected != i.got) return mismatch(i.what, i.expected, i.got);
  for (const TenderRow& t : r.tenders)
    if (t.net != t.amount + t.tips - t.refunds)
      return mismatch("the net of " + t.tender, t.amount + t.tips - t.refunds, t.net);
  for (const DrawerRow& d : r.drawers) {
    if (d.expected != d.opening_float + d.cash_in - d.cash_out)
      return mismatch("the expected cash of " + d.name, d.opening_float + d.cash_in - d.cash_out,
                      d.expected);
    if (d.counted && d.over_short != d.counted_cash - d.expected)
      return mismatch("over/short of " + d.name, d.counted_cash - d.expected, d.over_short);
  }
  std::int64_t sold = 0;
  for (const ReportRow& row : r.by_item) sold += row.count;
  if (sold != r.items_sold - r.items_refunded)
    return fail(Errc::invalid_argument, "items by item: " + std::to_string(sold) + " where " +
                                            std::to_string(r.items_sold - r.items_refunded) +
                                            " were sold");
  return success();
}

}  // namespace brigade
