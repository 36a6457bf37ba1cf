// The day's figures and refunds on the wire. Money is in cents, as everywhere.
#include "brigade/protocol/codec.h"
#include "reading.h"

namespace brigade::protocol {

using namespace reading;

namespace {

Json row_json(const ReportRow& r) {
  return {{"key", r.key}, {"label", r.label}, {"count", r.count}, {"amount", r.amount.in_cents()}};
}

Json rows_json(const std::vector<ReportRow>& rows) {
  Json out = Json::array();
  for (const ReportRow& r : rows) out.push_back(row_json(r));
  return out;
}

ReportRow read_row(const Json& j) {
  return ReportRow{text(j, "key"), text(j, "label"), integer(j, "count"), cents(j, "amount")};
}

std::vector<ReportRow> read_rows(const Json& j, const char* key) {
  std::vector<ReportRow> rows;
  for (const Json& r : array(j, key))
    if (r.is_object()) rows.push_back(read_row(r));
  return rows;
}

const Json& object_in(const Json& j, const char* key) {
  static const Json kEmpty = Json::object();
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? *it : kEmpty;
}

}  // namespace

Json to_json(const DayReport& r) {
  Json tenders = Json::array();
  for (const TenderRow& t : r.tenders)
    tenders.push_back({{"tender", t.tender},
                       {"payments", t.payments},
                       {"amount", t.amount.in_cents()},
                       {"tips", t.tips.in_cents()},
                       {"change", t.change.in_cents()},
                       {"refunds", t.refunds.in_cents()},
                       {"net", t.net.in_cents()}});
  Json labour = Json::array();
  for (const LabourRow& l : r.labour)
    labour.push_back({{"staff_id", l.staff_id}, {"name", l.name}, {"worked_ms", l.worked_ms}});
  Json drawers = Json::array();
  for (const DrawerRow& d : r.drawers)
    drawers.push_back({{"drawer_id", d.drawer_id},
                       {"name", d.name},
                       {"float", d.opening_float.in_cents()},
                       {"cash_in", d.cash_in.in_cents()},
                       {"cash_out", d.cash_out.in_cents()},
                       {"no_sales", d.no_sales},
                       {"expected", d.expected.in_cents()},
                       {"counted", d.counted ? Json(d.counted_cash.in_cents()) : Json(nullptr)},
                       {"over_short", d.counted ? Json(d.over_short.in_cents()) : Json(nullptr)}});
  return {{"day", r.day},
          {"drawers", drawers},
          {"z_number", r.z_number == 0 ? Json(nullptr) : Json(r.z_number)},
          {"opened_at", r.opened_at},
          {"as_of", r.as_of},
          {"sales",
           {{"gross", r.gross_sales.in_cents()},
            {"items_sold", r.items_sold},
            {"discounts", r.discounts.in_cents()},
            {"discount_count", r.discount_count},
            {"comps", r.comps.in_cents()},
            {"comp_count", r.comp_count},
            {"included_tax", r.included_tax.in_cents()},
            {"refunds", r.refunds_net.in_cents()},
            {"items_refunded", r.items_refunded},
            {"net", r.net_sales.in_cents()}}},
          {"tax", r.tax.in_cents()},
          {"tax_by_class", rows_json(r.tax_by_class)},
          {"tips", r.tips.in_cents()},
          {"tips_by_server", rows_json(r.tips_by_server)},
          {"tips_by_tender", rows_json(r.tips_by_tender)},
          {"tenders", tenders},
          {"tendered", r.tendered.in_cents()},
          {"refunds", r.refunds.in_cents()},
          {"refund_count", r.refund_count},
          {"tenders_net", r.tenders_net.in_cents()},
          {"voids", {{"made", row_json(r.voids_made)}, {"not_made", row_json(r.voids_not_made)}}},
          {"by_item", rows_json(r.by_item)},
          {"by_category", rows_json(r.by_category)},
          {"by_hour", rows_json(r.by_hour)},
          {"by_server", rows_json(r.by_server)},
          {"checks",
           {{"closed", r.checks_closed},
            {"covers", r.covers},
            {"average_check", r.average_check.in_cents()},
            {"average_per_cover", r.average_per_cover.in_cents()},
            {"open", r.open_checks},
            {"open_amount", r.open_amount.in_cents()}}},
          {"labour", labour},
          {"labour_ms", r.labour_ms}};
}

DayReport read_report(const Json& j) {
  DayReport r;
  if (!j.is_object()) return r;
  r.day = integer(j, "day");
  r.z_number = integer(j, "z_number");
  r.opened_at = integer(j, "opened_at");
  r.as_of = integer(j, "as_of");
  const Json& sales = object_in(j, "sales");
  r.gross_sales = cents(sales, "gross");
  r.items_sold = integer(sales, "items_sold");
  r.discounts = cents(sales, "discounts");
  r.discount_count = integer(sales, "discount_count");
  r.comps = cents(sales, "comps");
  r.comp_count = integer(sales, "comp_count");
  r.included_tax = cents(sales, "included_tax");
  r.refunds_net = cents(sales, "refunds");
  r.items_refunded = integer(sales, "items_refunded");
  r.net_sales = cents(sales, "net");
  r.tax = cents(j, "tax");
  r.tax_by_class = read_rows(j, "tax_by_class");
  r.tips = cents(j, "tips");
  r.tips_by_server = read_rows(j, "tips_by_server");
  r.tips_by_tender = read_rows(j, "tips_by_tender");
  for (const Json& t : array(j, "tenders"))
    if (t.is_object())
      r.tenders.push_back(TenderRow{text(t, "tender"), integer(t, "payments"), cents(t, "amount"),
                                    cents(t, "tips"), cents(t, "change"), cents(t, "refunds"),
                                    cents(t, "net")});
  r.tendered = cents(j, "tendered");
  r.refunds = cents(j, "refunds");
  r.refund_count = integer(j, "refund_count");
  r.tenders_net = cents(j, "tenders_net");
  const Json& voids = object_in(j, "voids");
  r.voids_made = read_row(object_in(voids, "made"));
  r.voids_not_made = read_row(object_in(voids, "not_made"));
  r.by_item = read_rows(j, "by_item");
  r.by_category = read_rows(j, "by_category");
  r.by_hour = read_rows(j, "by_hour");
  r.by_server = read_rows(j, "by_server");
  const Json& checks = object_in(j, "checks");
  r.checks_closed = integer(checks, "closed");
  r.covers = integer(checks, "covers");
  r.average_check = cents(checks, "average_check");
  r.average_per_cover = cents(checks, "average_per_cover");
  r.open_checks = integer(checks, "open");
  r.open_amount = cents(checks, "open_amount");
  for (const Json& l : array(j, "labour"))
    if (l.is_object())
      r.labour.push_back(LabourRow{text(l, "staff_id"), text(l, "name"), integer(l, "worked_ms")});
  r.labour_ms = integer(j, "labour_ms");
  for (const Json& d : array(j, "drawers")) {
    if (!d.is_object()) continue;
    DrawerRow row;
    row.drawer_id = integer(d, "drawer_id");
    row.name = text(d, "name");
    row.opening_float = cents(d, "float");
    row.cash_in = cents(d, "cash_in");
    row.cash_out = cents(d, "cash_out");
    row.no_sales = integer(d, "no_sales");
    row.expected = cents(d, "expected");
    row.counted = d.contains("counted") && d["counted"].is_number_integer();
    row.counted_cash = cents(d, "counted");
    row.over_short = cents(d, "over_short");
    r.drawers.push_back(std::move(row));
  }
  return r;
}

Json to_json(const Refund& refund) {
  Json lines = Json::array();
  for (const RefundedLine& l : refund.lines)
    lines.push_back({{"line_id", l.line_id},
                     {"item_id", l.item_id},
                     {"name", l.name},
                     {"tax_class_id", l.tax_class_id},
                     {"quantity", l.quantity},
                     {"net", l.net.in_cents()},
                     {"tax", l.tax.in_cents()}});
  Json tenders = Json::array();
  for (const RefundTender& t : refund.tenders)
    tenders.push_back({{"payment_id", t.payment_id},
                       {"tender", to_string(t.tender)},
                       {"amount", t.amount.in_cents()},
                       {"reference", t.reference}});
  return {{"id", refund.id},
          {"check_id", refund.check_id},
          {"check_number", refund.check_number},
          {"server_id", refund.server_id},
          {"day", refund.day},
          {"amount", refund.amount.in_cents()},
          {"reason", refund.reason},
          {"approved_by", refund.approved_by},
          {"by", refund.by},
          {"at", refund.at},
          {"lines", lines},
          {"tenders", tenders}};
}

Json to_json(const Drawer& d, const DrawerRow& row) {
  Json counts = Json::object();
  for (const auto& [cents, pieces] : d.denominations) counts[std::to_string(cents)] = pieces;
  const auto when_counted = [&](Json value) { return d.is_counted() ? value : Json(nullptr); };
  return {{"id", d.id},
          {"day", d.day},
          {"device_id", d.device_id},
          {"name", d.name},
          {"float", d.opening_float.in_cents()},
          {"opened_by", d.opened_by},
          {"opened_at", d.opened_at},
          {"cash_in", row.cash_in.in_cents()},
          {"cash_out", row.cash_out.in_cents()},
          {"no_sales", row.no_sales},
          {"expected", row.expected.in_cents()},
          {"counted", when_counted(d.counted.in_cents())},
          {"over_short", when_counted(row.over_short.in_cents())},
          {"denominations", counts},
          {"counted_by", when_counted(d.counted_by)},
          {"counted_at", when_counted(d.counted_at)},
          {"closed_at", d.is_open() ? Json(nullptr) : Json(d.closed_at)}};
}

Json to_json(const DrawerMove& move) {
  return {{"id", move.id},
          {"drawer_id", move.drawer_id},
          {"kind", to_string(move.kind)},
          {"amount", move.amount.in_cents()},
          {"reason", move.reason},
          {"staff_id", move.staff_id},
          {"by", move.by},
          {"at", move.at}};
}

}  // namespace brigade::protocol
