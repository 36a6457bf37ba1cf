#include "hub_json.h"

namespace brigade::terminal {

namespace {

// Null or missing reads as the default: the hub writes null for "not set" (times, counts).
std::int64_t integer(const Json& j, const char* key, std::int64_t fallback = 0) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return fallback;
  return it->get<std::int64_t>();
}

std::string text(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

bool flag(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

Money cents(const Json& j, const char* key) {
  return Money::cents(integer(j, key));
}

std::vector<std::string> texts(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

const Json& array(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

TableShape shape_from(const std::string& name) {
  if (name == "round") return TableShape::round;
  if (name == "booth") return TableShape::booth;
  return TableShape::square;
}

Line read_line(const Json& j) {
  Line l;
  l.id = integer(j, "id");
  l.item_id = text(j, "item_id");
  l.name = text(j, "name");
  l.quantity = static_cast<int>(integer(j, "quantity", 1));
  l.voided_quantity = static_cast<int>(integer(j, "voided_quantity"));
  l.seat = static_cast<int>(integer(j, "seat"));
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

Menu read_menu(const Json& j) {
  Menu menu;
  for (const auto& c : array(j, "categories"))
    menu.categories.push_back({text(c, "id"), text(c, "name")});
  for (const auto& g : array(j, "modifier_groups")) {
    ModifierGroup group;
    group.id = text(g, "id");
    group.name = text(g, "name");
    group.min_select = static_cast<int>(integer(g, "min"));
    group.max_select = static_cast<int>(integer(g, "max", 1));
    for (const auto& m : array(g, "modifiers"))
      group.modifiers.push_back({text(m, "id"), text(m, "name"), cents(m, "price")});
    menu.modifier_groups.push_back(std::move(group));
  }
  for (const auto& i : array(j, "items")) {
    MenuItem item;
    item.id = text(i, "id");
    item.name = text(i, "name");
    item.category_id = text(i, "category");
    item.price = cents(i, "price");
    item.tax_class_id = text(i, "tax_class");
    item.station_ids = texts(i, "stations");
    item.course = course_from_string(text(i, "course")).value_or(Course::mains);
    item.track_stock = flag(i, "track_stock");
    item.modifier_group_ids = texts(i, "modifier_groups");
    menu.items.push_back(std::move(item));
  }
  for (const auto& t : array(j, "tax_classes"))
    menu.tax_classes.push_back(
        {text(t, "id"), text(t, "name"), integer(t, "rate_ppm"), flag(t, "inclusive")});
  for (const auto& s : array(j, "stations"))
    menu.stations.push_back({text(s, "id"), text(s, "name"), flag(s, "expo"),
                             static_cast<int>(integer(s, "warn_after_s", 300)),
                             static_cast<int>(integer(s, "late_after_s", 600))});
  return menu;
}

StockLevel read_stock_level(const Json& j, std::string& item_id) {
  item_id = text(j, "item_id");
  StockLevel level;
  level.eighty_sixed = flag(j, "eighty_sixed");
  if (auto it = j.find("remaining"); it != j.end() && it->is_number())
    level.remaining = it->get<int>();
  return level;
}

Floor read_floor(const Json& j) {
  Floor floor;
  for (const auto& r : array(j, "rooms")) floor.rooms.push_back({text(r, "id"), text(r, "name")});
  for (const auto& t : array(j, "tables")) {
    Table table;
    table.id = text(t, "id");
    table.room_id = text(t, "room");
    table.name = text(t, "name");
    table.seats = static_cast<int>(integer(t, "seats", 4));
    table.x = static_cast<int>(integer(t, "x"));
    table.y = static_cast<int>(integer(t, "y"));
    table.width = static_cast<int>(integer(t, "width", 1));
    table.height = static_cast<int>(integer(t, "height", 1));
    table.shape = shape_from(text(t, "shape"));
    floor.tables.push_back(std::move(table));
  }
  return floor;
}

StaffMember read_staff(const Json& j) {
  StaffMember s;
  s.id = text(j, "id");
  s.name = text(j, "name");
  s.role = role_from_string(text(j, "role")).value_or(Role::server);
  return s;
}

CurrencyFormat read_currency(const Json& j) {
  CurrencyFormat f;
  if (!j.is_object()) return f;
  f.symbol = text(j, "symbol");
  std::string point = text(j, "decimal_point");
  std::string thousands = text(j, "thousands_separator");
  if (!point.empty()) f.decimal_point = point[0];
  f.thousands_separator = thousands.empty() ? '\0' : thousands[0];
  return f;
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
  c.guests = static_cast<int>(integer(j, "guests"));
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
    payment.part = static_cast<int>(integer(p, "part"));
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
    c.split.parts = static_cast<int>(integer(*split, "parts"));
    if (auto a = split->find("assignments"); a != split->end() && a->is_object())
      for (const auto& [line_id, parts] : a->items()) {
        std::vector<int> ps;
        for (const auto& p : parts)
          if (p.is_number_integer()) ps.push_back(p.get<int>());
        c.split.assignments[std::stoll(line_id)] = std::move(ps);
      }
    for (const auto& p : array(*split, "part_totals")) {
      PartTotals part;
      part.part = static_cast<int>(integer(p, "part"));
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
    totals.paid = cents(*t, "paid");
    totals.tips = cents(*t, "tips");
    totals.balance = cents(*t, "balance");
  }
  return view;
}

}  // namespace brigade::terminal
