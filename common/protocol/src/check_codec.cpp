// A check with its lines, discounts, payments, split and the hub's totals: written by the
// hub (every check event, get_check, snapshot), read back by terminals, which show the
// hub's totals and never price on their own.
#include <map>
#include <set>

#include "brigade/protocol/codec.h"
#include "reading.h"

namespace brigade::protocol {

using namespace reading;

namespace {

Json cents_json(Money m) {
  return m.in_cents();
}

Line read_line(const Json& j) {
  Line l;
  l.id = integer(j, "id");
  l.item_id = text(j, "item_id");
  l.name = text(j, "name");
  l.quantity = small(j, "quantity", 1);
  l.voided_quantity = small(j, "voided_quantity");
  l.seat = small(j, "seat");
  l.course = course_from_string(text(j, "course")).value_or(Course::mains);
  l.unit_price = cents(j, "unit_price");
  l.tax_class_id = text(j, "tax_class");
  l.station_ids = texts(j, "stations");
  for (const auto& m : array(j, "modifiers"))
    l.modifiers.push_back({text(m, "group"), text(m, "id"), text(m, "name"), cents(m, "price")});
  l.note = text(j, "note");
  l.state = line_state_from_string(text(j, "state")).value_or(LineState::new_);
  l.void_reason = text(j, "void_reason");
  l.voided_by = text(j, "voided_by");
  l.ordered_at = integer(j, "ordered_at");
  l.sent_at = integer(j, "sent_at");
  return l;
}

}  // namespace

Json to_json(const Line& line) {
  Json modifiers = Json::array();
  for (const auto& m : line.modifiers)
    modifiers.push_back({{"group", m.group_id},
                         {"id", m.modifier_id},
                         {"name", m.name},
                         {"price", cents_json(m.price)}});
  return {{"id", line.id},
          {"item_id", line.item_id},
          {"name", line.name},
          {"quantity", line.quantity},
          {"voided_quantity", line.voided_quantity},
          {"seat", line.seat},
          {"course", to_string(line.course)},
          {"unit_price", cents_json(line.unit_price)},
          {"unit_total", cents_json(line.unit_total())},
          {"tax_class", line.tax_class_id},
          {"stations", line.station_ids},
          {"modifiers", modifiers},
          {"note", line.note},
          {"state", to_string(line.state)},
          {"void_reason", line.void_reason},
          {"voided_by", line.voided_by},
          {"ordered_at", optional_time(line.ordered_at)},
          {"sent_at", optional_time(line.sent_at)}};
}

CheckView view_of(const Check& check, const std::vector<TaxClass>& tax_classes) {
  CheckView view{check, check.label(), price_check(check, tax_classes), {}};
  if (check.split.kind != SplitKind::none)
    if (auto parts = price_split(check, tax_classes); parts.ok()) view.parts = parts.value();
  return view;
}

Json to_json(const Check& check, const std::vector<TaxClass>& tax_classes) {
  return to_json(view_of(check, tax_classes));
}

namespace {

// The check's JSON with the lines `wanted` picks (all, without it).
Json check_json(const CheckView& view, const std::set<std::int64_t>* wanted) {
  const Check& check = view.check;
  const CheckTotals& totals = view.totals;
  Json lines = Json::array();
  for (const auto& l : check.lines) {
    if (wanted && !wanted->count(l.id)) continue;
    Json j = to_json(l);
    for (const auto& p : totals.lines)
      if (p.line_id == l.id) {
        j["gross"] = cents_json(p.gross);
        j["discount"] = cents_json(p.discount);
        j["comp"] = cents_json(p.comp);
        j["net"] = cents_json(p.net);
      }
    lines.push_back(std::move(j));
  }
  Json discounts = Json::array();
  for (const auto& d : check.discounts)
    discounts.push_back({{"id", d.id},
                         {"line_id", d.line_id ? Json(*d.line_id) : Json(nullptr)},
                         {"kind", to_string(d.kind)},
                         {"amount", cents_json(d.amount)},
                         {"percent_bp", d.basis_points},
                         {"reason", d.reason},
                         {"approved_by", d.approved_by},
                         {"at", d.at}});
  Json payments = Json::array();
  for (const auto& p : check.payments)
    payments.push_back({{"id", p.id},
                        {"part", p.part},
                        {"tender", to_string(p.tender)},
                        {"amount", cents_json(p.amount)},
                        {"tendered", cents_json(p.tendered)},
                        {"change", cents_json(p.change)},
                        {"tip", cents_json(p.tip)},
                        {"reference", p.reference},
                        {"taken_by", p.taken_by},
                        {"at", p.at}});
  Json taxes = Json::array();
  for (const auto& t : totals.taxes)
    taxes.push_back({{"tax_class", t.tax_class_id},
                     {"taxable", cents_json(t.taxable)},
                     {"tax", cents_json(t.tax)},
                     {"inclusive", t.inclusive}});
  Json split = {{"kind", to_string(check.split.kind)}, {"parts", check.split.parts}};
  if (check.split.kind != SplitKind::none) {
    Json assignments = Json::object();
    for (const auto& [line_id, parts] : check.split.assignments)
      assignments[std::to_string(line_id)] = parts;
    split["assignments"] = assignments;
    Json parts = Json::array();
    for (const auto& p : view.parts)
      parts.push_back({{"part", p.part},
                       {"label", p.label},
                       {"line_ids", p.line_ids},
                       {"net", cents_json(p.net)},
                       {"tax", cents_json(p.tax)},
                       {"total", cents_json(p.total)},
                       {"paid", cents_json(p.paid)},
                       {"balance", cents_json(p.balance)}});
    split["part_totals"] = parts;
  }
  return {{"id", check.id},
          {"number", check.number},
          {"label", view.label},
          {"channel", to_string(check.channel)},
          {"table_id", check.table_id},
          {"tab_name", check.tab_name},
          {"customer_name", check.customer_name},
          {"customer_phone", check.customer_phone},
          {"promised_at", optional_time(check.promised_at)},
          {"guests", check.guests},
          {"server_id", check.server_id},
          {"status", to_string(check.status)},
          {"opened_at", check.opened_at},
          {"closed_at", optional_time(check.closed_at)},
          {"merged_into", check.merged_into == 0 ? Json(nullptr) : Json(check.merged_into)},
          {"lines", lines},
          {"discounts", discounts},
          {"payments", payments},
          {"split", split},
          {"totals",
           {{"subtotal", cents_json(totals.subtotal)},
            {"discounts", cents_json(totals.discounts)},
            {"comps", cents_json(totals.comps)},
            {"net", cents_json(totals.net)},
            {"taxes", taxes},
            {"tax", cents_json(totals.tax)},
            {"total", cents_json(totals.total)},
            {"paid", cents_json(totals.paid)},
            {"tips", cents_json(totals.tips)},
            {"balance", cents_json(totals.balance)}}}};
}

}  // namespace

Json to_json(const CheckView& view) {
  return check_json(view, nullptr);
}

CheckChange change_of(const CheckView& view, const std::set<std::int64_t>& changed) {
  CheckChange c;
  c.check = check_json(view, &changed);
  c.lines = std::move(c.check["lines"]);
  c.check.erase("lines");
  Json ids = Json::array();
  for (const auto& l : view.check.lines) ids.push_back(l.id);
  c.check["line_ids"] = std::move(ids);
  return c;
}

std::optional<Json> apply_change(const Json* before, const Json& check, const Json& lines) {
  if (!check.is_object() || !lines.is_array()) return std::nullopt;
  auto ids = check.find("line_ids");
  if (ids == check.end() || !ids->is_array()) return std::nullopt;
  std::map<std::int64_t, const Json*> known;
  if (before && before->is_object())
    if (auto old = before->find("lines"); old != before->end() && old->is_array())
      for (const auto& l : *old) known[l.value("id", std::int64_t{0})] = &l;
  for (const auto& l : lines) known[l.value("id", std::int64_t{0})] = &l;
  Json whole = check;
  whole.erase("line_ids");
  Json ordered = Json::array();
  for (const auto& id : *ids) {
    auto it = id.is_number_integer() ? known.find(id.get<std::int64_t>()) : known.end();
    if (it == known.end()) return std::nullopt;  // a line this copy never had
    ordered.push_back(*it->second);
  }
  whole["lines"] = std::move(ordered);
  return whole;
}

CheckView read_check(const Json& j) {
  CheckView view;
  Check& c = view.check;
  c.id = integer(j, "id");
  c.number = integer(j, "number");
  c.channel = channel_from_string(text(j, "channel")).value_or(Channel::dine_in);
  c.table_id = text(j, "table_id");
  c.tab_name = text(j, "tab_name");
  c.customer_name = text(j, "customer_name");
  c.customer_phone = text(j, "customer_phone");
  c.promised_at = integer(j, "promised_at");
  c.guests = small(j, "guests");
  c.server_id = text(j, "server_id");
  c.status = check_status_from_string(text(j, "status")).value_or(CheckStatus::open);
  c.opened_at = integer(j, "opened_at");
  c.closed_at = integer(j, "closed_at");
  c.merged_into = integer(j, "merged_into");
  view.label = text(j, "label");
  if (view.label.empty()) view.label = c.label();

  for (const auto& l : array(j, "lines")) {
    c.lines.push_back(read_line(l));
    if (l.contains("net"))
      view.totals.lines.push_back({integer(l, "id"), cents(l, "gross"), cents(l, "discount"),
                                   cents(l, "comp"), cents(l, "net"), text(l, "tax_class")});
  }
  for (const auto& d : array(j, "discounts")) {
    Discount discount;
    discount.id = integer(d, "id");
    if (auto line = integer(d, "line_id"); line != 0) discount.line_id = line;
    discount.kind = discount_kind_from_string(text(d, "kind")).value_or(DiscountKind::amount);
    discount.amount = cents(d, "amount");
    discount.basis_points = integer(d, "percent_bp");
    discount.reason = text(d, "reason");
    discount.approved_by = text(d, "approved_by");
    discount.at = integer(d, "at");
    c.discounts.push_back(std::move(discount));
  }
  for (const auto& p : array(j, "payments")) {
    Payment payment;
    payment.id = integer(p, "id");
    payment.part = small(p, "part");
    payment.tender = tender_from_string(text(p, "tender")).value_or(Tender::cash);
    payment.amount = cents(p, "amount");
    payment.tendered = cents(p, "tendered");
    payment.change = cents(p, "change");
    payment.tip = cents(p, "tip");
    payment.reference = text(p, "reference");
    payment.taken_by = text(p, "taken_by");
    payment.at = integer(p, "at");
    c.payments.push_back(std::move(payment));
  }
  if (auto split = j.find("split"); split != j.end() && split->is_object()) {
    c.split.kind = split_kind_from_string(text(*split, "kind")).value_or(SplitKind::none);
    c.split.parts = small(*split, "parts");
    if (auto a = split->find("assignments"); a != split->end() && a->is_object())
      for (const auto& [line_id, parts] : a->items()) {
        std::vector<int> ps;
        if (parts.is_array())
          for (const auto& p : parts)
            if (p.is_number_integer()) ps.push_back(p.get<int>());
        // Keys are line ids; one that is not a number is skipped, not fatal.
        std::int64_t id = 0;
        try {
          id = std::stoll(line_id);
        } catch (const std::exception&) {
          continue;
        }
        c.split.assignments[id] = std::move(ps);
      }
    for (const auto& p : array(*split, "part_totals")) {
      PartTotals part;
      part.part = small(p, "part");
      part.label = text(p, "label");
      for (const auto& id : array(p, "line_ids"))
        if (id.is_number_integer()) part.line_ids.push_back(id.get<std::int64_t>());
      part.net = cents(p, "net");
      part.tax = cents(p, "tax");
      part.total = cents(p, "total");
      part.paid = cents(p, "paid");
      part.balance = cents(p, "balance");
      view.parts.push_back(std::move(part));
    }
  }
  if (auto t = j.find("totals"); t != j.end() && t->is_object()) {
    CheckTotals& totals = view.totals;
    totals.subtotal = cents(*t, "subtotal");
    totals.discounts = cents(*t, "discounts");
    totals.comps = cents(*t, "comps");
    totals.net = cents(*t, "net");
    for (const auto& x : array(*t, "taxes"))
      totals.taxes.push_back(
          {text(x, "tax_class"), cents(x, "taxable"), cents(x, "tax"), flag(x, "inclusive")});
    totals.tax = cents(*t, "tax");
    totals.total = cents(*t, "total");
    // Not on the wire: the total is the net plus the tax added on top.
    totals.exclusive_tax = totals.total - totals.net;
    totals.paid = cents(*t, "paid");
    totals.tips = cents(*t, "tips");
    totals.balance = cents(*t, "balance");
  }
  return view;
}

}  // namespace brigade::protocol
