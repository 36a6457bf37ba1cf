#include "brigade/protocol/codec.h"

namespace brigade::protocol {

namespace {
Json cents(Money m) {
  return m.in_cents();
}

Json optional_time(EpochMs t) {
  return t == 0 ? Json(nullptr) : Json(t);
}
}  // namespace

Json to_json(const Menu& menu) {
  Json categories = Json::array();
  for (const auto& c : menu.categories) categories.push_back({{"id", c.id}, {"name", c.name}});
  Json groups = Json::array();
  for (const auto& g : menu.modifier_groups) {
    Json modifiers = Json::array();
    for (const auto& m : g.modifiers)
      modifiers.push_back({{"id", m.id}, {"name", m.name}, {"price", cents(m.price)}});
    groups.push_back({{"id", g.id},
                      {"name", g.name},
                      {"min", g.min_select},
                      {"max", g.max_select},
                      {"forced", g.forced()},
                      {"modifiers", modifiers}});
  }
  Json items = Json::array();
  for (const auto& i : menu.items)
    items.push_back({{"id", i.id},
                     {"name", i.name},
                     {"category", i.category_id},
                     {"price", cents(i.price)},
                     {"tax_class", i.tax_class_id},
                     {"stations", i.station_ids},
                     {"course", to_string(i.course)},
                     {"track_stock", i.track_stock},
                     {"modifier_groups", i.modifier_group_ids}});
  Json taxes = Json::array();
  for (const auto& t : menu.tax_classes)
    taxes.push_back(
        {{"id", t.id}, {"name", t.name}, {"rate_ppm", t.rate_ppm}, {"inclusive", t.inclusive}});
  Json stations = Json::array();
  for (const auto& s : menu.stations)
    stations.push_back({{"id", s.id},
                        {"name", s.name},
                        {"expo", s.expo},
                        {"warn_after_s", s.warn_after_s},
                        {"late_after_s", s.late_after_s}});
  return {{"categories", categories},
          {"items", items},
          {"modifier_groups", groups},
          {"tax_classes", taxes},
          {"stations", stations}};
}

Json to_json(const std::string& item_id, const StockLevel& level) {
  return {{"item_id", item_id},
          {"eighty_sixed", level.eighty_sixed},
          {"remaining", level.remaining ? Json(*level.remaining) : Json(nullptr)},
          {"out", level.out()}};
}

Json to_json(const Stock& stock) {
  Json out = Json::array();
  for (const auto& [item_id, level] : stock) out.push_back(to_json(item_id, level));
  return out;
}

Json to_json(const Floor& floor) {
  Json rooms = Json::array();
  for (const auto& r : floor.rooms) rooms.push_back({{"id", r.id}, {"name", r.name}});
  Json tables = Json::array();
  for (const auto& t : floor.tables)
    tables.push_back({{"id", t.id},
                      {"room", t.room_id},
                      {"name", t.name},
                      {"seats", t.seats},
                      {"x", t.x},
                      {"y", t.y},
                      {"width", t.width},
                      {"height", t.height},
                      {"shape", to_string(t.shape)}});
  return {{"rooms", rooms}, {"tables", tables}};
}

Json to_json(const StaffMember& staff) {
  return {{"id", staff.id}, {"name", staff.name}, {"role", to_string(staff.role)}};
}

Json to_json(const Line& line) {
  Json modifiers = Json::array();
  for (const auto& m : line.modifiers)
    modifiers.push_back({{"group", m.group_id},
                         {"id", m.modifier_id},
                         {"name", m.name},
                         {"price", cents(m.price)}});
  return {{"id", line.id},
          {"item_id", line.item_id},
          {"name", line.name},
          {"quantity", line.quantity},
          {"voided_quantity", line.voided_quantity},
          {"seat", line.seat},
          {"course", to_string(line.course)},
          {"unit_price", cents(line.unit_price)},
          {"unit_total", cents(line.unit_total())},
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

Json to_json(const Check& check, const std::vector<TaxClass>& tax_classes) {
  CheckTotals totals = price_check(check, tax_classes);
  Json lines = Json::array();
  for (const auto& l : check.lines) {
    Json j = to_json(l);
    for (const auto& p : totals.lines)
      if (p.line_id == l.id) {
        j["gross"] = cents(p.gross);
        j["discount"] = cents(p.discount);
        j["comp"] = cents(p.comp);
        j["net"] = cents(p.net);
      }
    lines.push_back(std::move(j));
  }
  Json discounts = Json::array();
  for (const auto& d : check.discounts)
    discounts.push_back({{"id", d.id},
                         {"line_id", d.line_id ? Json(*d.line_id) : Json(nullptr)},
                         {"kind", to_string(d.kind)},
                         {"amount", cents(d.amount)},
                         {"percent_bp", d.basis_points},
                         {"reason", d.reason},
                         {"approved_by", d.approved_by},
                         {"at", d.at}});
  Json payments = Json::array();
  for (const auto& p : check.payments)
    payments.push_back({{"id", p.id},
                        {"part", p.part},
                        {"tender", to_string(p.tender)},
                        {"amount", cents(p.amount)},
                        {"tendered", cents(p.tendered)},
                        {"change", cents(p.change)},
                        {"tip", cents(p.tip)},
                        {"reference", p.reference},
                        {"taken_by", p.taken_by},
                        {"at", p.at}});
  Json taxes = Json::array();
  for (const auto& t : totals.taxes)
    taxes.push_back({{"tax_class", t.tax_class_id},
                     {"taxable", cents(t.taxable)},
                     {"tax", cents(t.tax)},
                     {"inclusive", t.inclusive}});
  Json split = {{"kind", to_string(check.split.kind)}, {"parts", check.split.parts}};
  if (check.split.kind != SplitKind::none) {
    Json assignments = Json::object();
    for (const auto& [line_id, parts] : check.split.assignments)
      assignments[std::to_string(line_id)] = parts;
    split["assignments"] = assignments;
    Json parts = Json::array();
    if (auto priced = price_split(check, tax_classes); priced.ok())
      for (const auto& p : priced.value())
        parts.push_back({{"part", p.part},
                         {"label", p.label},
                         {"line_ids", p.line_ids},
                         {"net", cents(p.net)},
                         {"tax", cents(p.tax)},
                         {"total", cents(p.total)},
                         {"paid", cents(p.paid)},
                         {"balance", cents(p.balance)}});
    split["part_totals"] = parts;
  }
  return {{"id", check.id},
          {"number", check.number},
          {"label", check.label()},
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
           {{"subtotal", cents(totals.subtotal)},
            {"discounts", cents(totals.discounts)},
            {"comps", cents(totals.comps)},
            {"net", cents(totals.net)},
            {"taxes", taxes},
            {"tax", cents(totals.tax)},
            {"total", cents(totals.total)},
            {"paid", cents(totals.paid)},
            {"tips", cents(totals.tips)},
            {"balance", cents(totals.balance)}}}};
}

Json to_json(const Ticket& ticket, const TicketContext& context) {
  const Check& check = context.check;
  Json lines = Json::array();
  for (auto line_id : ticket.line_ids) {
    const Line* line = context.find_line(line_id);
    if (!line) continue;
    Json modifiers = Json::array();
    for (const auto& m : line->modifiers) modifiers.push_back(m.name);
    Json done = Json::array();
    for (const auto& [id, station] : ticket.items_done)
      if (id == line_id) done.push_back(station);
    lines.push_back({{"line_id", line->id},
                     {"name", line->name},
                     {"quantity", line->quantity},
                     {"voided_quantity", line->voided_quantity},
                     {"seat", line->seat},
                     {"course", to_string(line->course)},
                     {"modifiers", modifiers},
                     {"note", line->note},
                     {"stations", line->station_ids},
                     {"state", to_string(line->state)},
                     {"void_reason", line->void_reason},
                     {"done_at", done}});
  }
  Json stations = Json::array();
  for (const auto& s : ticket.stations)
    stations.push_back({{"station", s.station_id},
                        {"acknowledged_at", optional_time(s.acknowledged_at)},
                        {"bumped_at", optional_time(s.bumped_at)}});
  return {{"id", ticket.id},
          {"check_id", ticket.check_id},
          {"check_number", check.number},
          {"label", check.label()},
          {"channel", to_string(check.channel)},
          {"server", context.server_name},
          {"guests", check.guests},
          {"promised_at", optional_time(check.promised_at)},
          {"status", to_string(ticket.status)},
          {"course", to_string(ticket.course)},
          {"addition", ticket.addition},
          {"rush", ticket.rush},
          {"created_at", ticket.created_at},
          {"fired_at", optional_time(ticket.fired_at)},
          {"served_at", optional_time(ticket.served_at)},
          {"stations", stations},
          {"lines", lines}};
}

}  // namespace brigade::protocol
