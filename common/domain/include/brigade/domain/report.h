// The day's money: the X report (any time, changes nothing) and the Z report (closes the
// day). A closed check, or a refund, is turned once into tallies: sums under a figure and
// a key ("item", "classic-burger": 12 sold, $180.00). The hub adds each day's tallies up
// as it goes, so a report of a 100,000-check day reads a few hundred sums, and the report
// is built from those sums alone. Every figure reconciles to the cent (check_report).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/check.h"
#include "brigade/domain/clock.h"
#include "brigade/domain/menu.h"
#include "brigade/domain/money.h"
#include "brigade/domain/pricing.h"
#include "brigade/domain/result.h"

namespace brigade {

struct Tally {
  std::string figure;  // one of the names in namespace tally
  std::string key;     // item id, tender, hour "17", staff id... "" for a plain sum
  std::int64_t count = 0;
  Money amount;

  bool operator==(const Tally&) const = default;
};

// The figures tallies are kept under. Sales amounts are net of tax unless named otherwise.
namespace tally {
inline constexpr std::string_view checks = "checks";                // closed checks; their totals
inline constexpr std::string_view gross = "gross";                  // items sold; before reductions
inline constexpr std::string_view discounts = "discounts";          // how many; how much
inline constexpr std::string_view comps = "comps";                  // how many; how much
inline constexpr std::string_view included_tax = "included_tax";    // tax inside prices
inline constexpr std::string_view tax = "tax";                      // key tax class: tax collected
inline constexpr std::string_view covers = "covers";                // guests at closed checks
inline constexpr std::string_view item = "item";                    // key item: sold; net
inline constexpr std::string_view category = "category";            // key category: sold; net
inline constexpr std::string_view hour = "hour";                    // key "00".."23": checks; net
inline constexpr std::string_view server = "server";                // key staff: checks; net
inline constexpr std::string_view server_covers = "server_covers";  // key staff: guests
inline constexpr std::string_view tender = "tender";                // key tender: payments; applied
inline constexpr std::string_view tender_tips = "tender_tips";      // key tender: tips
inline constexpr std::string_view server_tips = "server_tips";      // key staff: tips
inline constexpr std::string_view change = "change";                // key tender: change given
inline constexpr std::string_view voids_made = "voids_made";        // items; their price
inline constexpr std::string_view voids_not_made = "voids_not_made";
inline constexpr std::string_view refunds = "refunds";        // key tender: refunds; paid back
inline constexpr std::string_view refund_net = "refund_net";  // items; net of tax
inline constexpr std::string_view refund_tax = "refund_tax";  // key tax class
// Sales taken back, under the keys of item, category, hour and server.
inline constexpr std::string_view refund_item = "refund_item";
inline constexpr std::string_view refund_category = "refund_category";
inline constexpr std::string_view refund_hour = "refund_hour";
inline constexpr std::string_view refund_server = "refund_server";
}  // namespace tally

// A line's share of its check's tax: each class's tax spread over the class's lines in
// proportion to their nets (no cent made or lost). Keyed by line id.
std::map<std::int64_t, Money> line_tax_shares(const CheckTotals& totals);

// "17": the hub's local hour at `at`, the key of sales by hour.
std::string hour_key(EpochMs at);

// What a closed check adds to its day. Items and categories from `menu` (a line whose
// item has left the menu is under its item id and category ""); the hour is the hub's
// local hour at the close.
std::vector<Tally> sale_tallies(const Check& check, const std::vector<TaxClass>& tax_classes,
                                const Menu& menu);

// Adds tallies with the same figure and key together; the order is figure, then key.
std::vector<Tally> add_up(std::vector<Tally> tallies);

// One row of a breakdown: "Classic burger", 12 sold, $180.00.
struct ReportRow {
  std::string key;
  std::string label;
  std::int64_t count = 0;
  Money amount;

  bool operator==(const ReportRow&) const = default;
};

struct TenderRow {
  std::string tender;  // "cash", "card", ...
  std::int64_t payments = 0;
  Money amount;  // applied to checks
  Money tips;
  Money change;   // cash handed back (not part of amount)
  Money refunds;  // paid back
  Money net;      // amount + tips - refunds: what the tender holds at the end of the day

  bool operator==(const TenderRow&) const = default;
};

// A cash drawer at the end of the day (or so far): its float, the cash in and out, what
// should be there, and the count once made.
struct DrawerRow {
  std::int64_t drawer_id = 0;
  std::string name;
  Money opening_float;
  Money cash_in;   // cash sales with their tips, paid-ins
  Money cash_out;  // cash refunds, paid-outs, tips paid out
  std::int64_t no_sales = 0;
  Money expected;  // float + in - out
  bool counted = false;
  Money counted_cash;
  Money over_short;  // counted - expected: over when above zero, short below

  bool operator==(const DrawerRow&) const = default;
};

struct LabourRow {
  std::string staff_id;
  std::string name;
  std::int64_t worked_ms = 0;

  bool operator==(const LabourRow&) const = default;
};

struct DayReport {
  std::int64_t day = 0;
  std::int64_t z_number = 0;  // 0: an X report
  EpochMs opened_at = 0;
  EpochMs as_of = 0;  // when the figures were read; the Z: when the day closed

  // Gross - discounts - comps - tax included in prices - refunds (net of tax) = net sales.
  Money gross_sales;
  std::int64_t items_sold = 0;
  Money discounts;
  std::int64_t discount_count = 0;
  Money comps;
  std::int64_t comp_count = 0;
  Money included_tax;
  Money refunds_net;
  std::int64_t items_refunded = 0;
  Money net_sales;

  Money tax;  // collected less refunded, by class below
  std::vector<ReportRow> tax_by_class;
  Money tips;
  std::vector<ReportRow> tips_by_server;
  std::vector<ReportRow> tips_by_tender;

  std::vector<TenderRow> tenders;
  Money tendered;  // every tender's amount + tips
  Money refunds;   // every tender's refunds (net of tax + tax)
  std::int64_t refund_count = 0;
  Money tenders_net;  // tendered - refunds

  ReportRow voids_made;  // count: items; amount: their price
  ReportRow voids_not_made;

  std::vector<ReportRow> by_item;      // count: sold; amount: net sales
  std::vector<ReportRow> by_category;  // count: sold
  std::vector<ReportRow> by_hour;      // key "17"; count: checks closed
  std::vector<ReportRow> by_server;    // count: checks closed

  std::int64_t checks_closed = 0;
  std::int64_t covers = 0;
  Money average_check;      // net sales / checks closed, half up
  Money average_per_cover;  // net sales / covers, half up
  std::int64_t open_checks = 0;
  Money open_amount;  // what the open checks come to

  std::vector<LabourRow> labour;
  std::int64_t labour_ms = 0;

  std::vector<DrawerRow> drawers;  // filled in by the caller, like labour

  bool operator==(const DayReport&) const = default;
};

// Names for keys: (figure, key) -> "Classic burger", "Sam", "Card". Unnamed keys show as
// they are.
using ReportLabels = std::function<std::string(std::string_view figure, std::string_view key)>;

// The report of a day's tallies (added up or not). Open checks and labour are the
// caller's to fill in: they are not money taken.
DayReport build_report(const std::vector<Tally>& tallies, const ReportLabels& labels = {});

// Every identity of the report, to the cent: net + tax + tips = tendered - refunds; gross -
// discounts - comps - included tax - refunds = net; each tender's net; and every breakdown
// (tax, tips by server and by tender, items, categories, hours, servers, tenders) sums to its
// total; each drawer's expected cash and over/short. The first that fails is the error.
Status check_report(const DayReport& report);

}  // namespace brigade
