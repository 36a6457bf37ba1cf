#include "brigade/domain/report_text.h"

#include <algorithm>
#include <string>
#include <vector>

#include "brigade/domain/menu.h"
#include "brigade/domain/text.h"
#include "brigade/domain/time_clock.h"

namespace brigade {

std::string local_date_time(EpochMs at) {
  const int minute = local_time_of(at).minute;
  const auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  return local_date(at) + " " + two(minute / 60) + ":" + two(minute % 60);
}

std::string tender_words(Tender tender) {
  switch (tender) {
    case Tender::cash:
      return "Cash";
    case Tender::card:
      return "Card";
    case Tender::gift_card:
      return "Gift card";
    case Tender::house_account:
      return "House account";
  }
  return std::string(to_string(tender));
}

std::string tender_words(std::string_view tender) {
  const auto known = tender_from_string(tender);
  return known ? tender_words(*known) : std::string(tender);
}

namespace {

std::string plural(std::int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string hours_text(std::int64_t ms) {
  const std::int64_t minutes = ms / 60'000;
  const std::string mm = std::to_string(minutes % 60);
  return std::to_string(minutes / 60) + ":" + (mm.size() < 2 ? "0" : "") + mm;
}

class Page {
 public:
  Page(const CurrencyFormat& currency, int width) : currency_(currency), width_(width) {}

  void heading(const std::string& text) {
    if (!lines_.empty()) lines_.emplace_back();
    lines_.push_back(text);
  }
  void row(const std::string& label, const std::string& value) {
    const std::size_t room = static_cast<std::size_t>(std::max(1, width_)) - characters(value) - 1;
    std::string left = characters(label) > room ? first_characters(label, room) : label;
    const std::size_t gap =
        static_cast<std::size_t>(std::max(1, width_)) - characters(left) - characters(value);
    lines_.push_back(left + std::string(std::max<std::size_t>(1, gap), ' ') + value);
  }
  void money(const std::string& label, Money amount) {
    row(label, format_money(amount, currency_));
  }
  // "Classic burger  x12   $180.00"
  void counted(const std::string& label, std::int64_t count, Money amount) {
    row(label, "x" + std::to_string(count) + "  " + format_money(amount, currency_));
  }
  void rows(const std::vector<ReportRow>& rows, bool with_count) {
    for (const ReportRow& r : rows)
      with_count ? counted(r.label, r.count, r.amount) : money(r.label, r.amount);
  }
  void text(const std::string& line) { lines_.push_back(line); }
  std::vector<std::string> done() { return std::move(lines_); }

 private:
  const CurrencyFormat& currency_;
  int width_;
  std::vector<std::string> lines_;
};

}  // namespace

std::vector<std::string> report_text(const DayReport& r, const CurrencyFormat& currency,
                                     int width) {
  Page page(currency, width);
  page.text(r.z_number > 0 ? "Z REPORT " + std::to_string(r.z_number) : "X REPORT");
  page.text("Day " + std::to_string(r.day) + ", opened " + local_date_time(r.opened_at));
  page.text((r.z_number > 0 ? "Closed " : "As of ") + local_date_time(r.as_of));

  page.heading("SALES");
  page.money("Gross sales, " + plural(r.items_sold, "item", "items"), r.gross_sales);
  page.money("Discounts (" + std::to_string(r.discount_count) + ")", -r.discounts);
  page.money("Comps (" + std::to_string(r.comp_count) + ")", -r.comps);
  if (!r.included_tax.is_zero()) page.money("Tax in prices", -r.included_tax);
  page.money("Refunds, " + plural(r.items_refunded, "item", "items"), -r.refunds_net);
  page.money("Net sales", r.net_sales);

  page.heading("TAX");
  page.rows(r.tax_by_class, false);
  page.money("Total tax", r.tax);

  page.heading("TIPS");
  page.rows(r.tips_by_server, false);
  page.money("Total tips", r.tips);

  page.heading("TENDERS");
  for (const TenderRow& t : r.tenders) {
    page.counted(tender_words(t.tender), t.payments, t.amount);
    if (!t.tips.is_zero()) page.money("  tips", t.tips);
    if (!t.change.is_zero()) page.money("  change given", t.change);
    if (!t.refunds.is_zero()) page.money("  refunds", -t.refunds);
    page.money("  net", t.net);
  }
  page.money("Taken, with tips", r.tendered);
  page.money("Refunded (" + std::to_string(r.refund_count) + ")", -r.refunds);
  page.money("Net of refunds", r.tenders_net);

  if (!r.drawers.empty()) page.heading("CASH DRAWERS");
  for (const DrawerRow& d : r.drawers) {
    page.text(d.name);
    page.money("  float", d.opening_float);
    page.money("  cash in", d.cash_in);
    page.money("  cash out", -d.cash_out);
    if (d.no_sales > 0) page.row("  no-sales", std::to_string(d.no_sales));
    page.money("  expected", d.expected);
    if (d.counted) {
      page.money("  counted", d.counted_cash);
      page.money(d.over_short.is_negative() ? "  SHORT" : "  over", d.over_short);
    } else {
      page.row("  counted", r.z_number > 0 ? "NOT COUNTED" : "not yet");
    }
  }

  page.heading("VOIDS");
  page.counted("Made (waste)", r.voids_made.count, r.voids_made.amount);
  page.counted("Not made", r.voids_not_made.count, r.voids_not_made.amount);

  page.heading("CHECKS");
  page.row("Closed", std::to_string(r.checks_closed));
  page.row("Covers", std::to_string(r.covers));
  page.money("Average check", r.average_check);
  page.money("Average per cover", r.average_per_cover);
  if (r.z_number == 0) page.counted("Still open", r.open_checks, r.open_amount);

  page.heading("BY CATEGORY");
  page.rows(r.by_category, true);
  page.heading("BY ITEM");
  page.rows(r.by_item, true);
  page.heading("BY HOUR");
  page.rows(r.by_hour, true);
  page.heading("BY SERVER");
  page.rows(r.by_server, true);

  page.heading("LABOUR");
  for (const LabourRow& l : r.labour) page.row(l.name, hours_text(l.worked_ms));
  page.row("Total hours", hours_text(r.labour_ms));
  return page.done();
}

namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string decimal(Money m) {
  return format_money(m, CurrencyFormat{"", '.', std::nullopt});
}

class Sheet {
 public:
  void row(const std::string& section, const std::string& key, const std::string& label,
           std::optional<std::int64_t> count, std::optional<Money> amount) {
    text_ += csv_field(section) + "," + csv_field(key) + "," + csv_field(label) + "," +
             (count ? std::to_string(*count) : "") + "," + (amount ? decimal(*amount) : "") + "\n";
  }
  void rows(const std::string& section, const std::vector<ReportRow>& rows) {
    for (const ReportRow& r : rows) row(section, r.key, r.label, r.count, r.amount);
  }
  std::string text_ = "section,key,label,count,amount\n";
};

}  // namespace

std::string report_csv(const DayReport& r) {
  Sheet s;
  s.row("report", r.z_number > 0 ? "z" : "x", r.z_number > 0 ? "Z report" : "X report",
        r.z_number > 0 ? std::optional<std::int64_t>(r.z_number) : std::nullopt, std::nullopt);
  s.row("report", "day", "Business day", r.day, std::nullopt);
  s.row("report", "opened_at", local_date_time(r.opened_at), std::nullopt, std::nullopt);
  s.row("report", "as_of", local_date_time(r.as_of), std::nullopt, std::nullopt);
  s.row("sales", "gross", "Gross sales", r.items_sold, r.gross_sales);
  s.row("sales", "discounts", "Discounts", r.discount_count, r.discounts);
  s.row("sales", "comps", "Comps", r.comp_count, r.comps);
  s.row("sales", "included_tax", "Tax in prices", std::nullopt, r.included_tax);
  s.row("sales", "refunds", "Refunds (net of tax)", r.items_refunded, r.refunds_net);
  s.row("sales", "net", "Net sales", std::nullopt, r.net_sales);
  s.rows("tax", r.tax_by_class);
  s.row("tax", "", "Total tax", std::nullopt, r.tax);
  s.rows("tips_by_server", r.tips_by_server);
  s.rows("tips_by_tender", r.tips_by_tender);
  s.row("tips", "", "Total tips", std::nullopt, r.tips);
  for (const TenderRow& t : r.tenders) {
    s.row("tender", t.tender, "amount", t.payments, t.amount);
    s.row("tender", t.tender, "tips", std::nullopt, t.tips);
    s.row("tender", t.tender, "change", std::nullopt, t.change);
    s.row("tender", t.tender, "refunds", std::nullopt, t.refunds);
    s.row("tender", t.tender, "net", std::nullopt, t.net);
  }
  s.row("tenders", "tendered", "Taken, with tips", std::nullopt, r.tendered);
  s.row("tenders", "refunds", "Refunded", r.refund_count, r.refunds);
  s.row("tenders", "net", "Net of refunds", std::nullopt, r.tenders_net);
  for (const DrawerRow& d : r.drawers) {
    const std::string id = std::to_string(d.drawer_id);
    s.row("drawer", id, d.name + ": float", std::nullopt, d.opening_float);
    s.row("drawer", id, d.name + ": cash in", std::nullopt, d.cash_in);
    s.row("drawer", id, d.name + ": cash out", std::nullopt, d.cash_out);
    s.row("drawer", id, d.name + ": no-sales", d.no_sales, std::nullopt);
    s.row("drawer", id, d.name + ": expected", std::nullopt, d.expected);
    if (d.counted) {
      s.row("drawer", id, d.name + ": counted", std::nullopt, d.counted_cash);
      s.row("drawer", id, d.name + ": over/short", std::nullopt, d.over_short);
    }
  }
  s.row("voids", "made", "Made", r.voids_made.count, r.voids_made.amount);
  s.row("voids", "not_made", "Not made", r.voids_not_made.count, r.voids_not_made.amount);
  s.row("checks", "closed", "Closed", r.checks_closed, std::nullopt);
  s.row("checks", "covers", "Covers", r.covers, std::nullopt);
  s.row("checks", "average_check", "Average check", std::nullopt, r.average_check);
  s.row("checks", "average_per_cover", "Average per cover", std::nullopt, r.average_per_cover);
  s.row("checks", "open", "Still open", r.open_checks, r.open_amount);
  s.rows("category", r.by_category);
  s.rows("item", r.by_item);
  s.rows("hour", r.by_hour);
  s.rows("server", r.by_server);
  for (const LabourRow& l : r.labour)
    s.row("labour", l.staff_id, l.name, l.worked_ms / 60'000, std::nullopt);
  s.row("labour", "", "Total minutes", r.labour_ms / 60'000, std::nullopt);
  return s.text_;
}

}  // namespace brigade
