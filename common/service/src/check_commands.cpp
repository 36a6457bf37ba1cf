// The front of house: opening checks, lines, send/hold/fire, voids, discounts,
// payments, splits, moves. Each handler loads the check fresh inside the command's
// transaction, so two terminals working one check never overwrite each other.
#include <algorithm>
#include <map>

#include "brigade/domain/pricing.h"
#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

// [SECTION] shared helpers

Json OrderService::Impl::check_json(const Check& check) const {
  return protocol::to_json(check, menu.tax_classes);
}

Json OrderService::Impl::ticket_json(const Ticket& ticket) const {
  std::map<std::int64_t, Check> checks;
  auto check_by_id = [&](std::int64_t id) -> const Check* {
    auto it = checks.find(id);
    if (it == checks.end()) {
      auto loaded = store.load_check(id);
      if (!loaded) return nullptr;
      it = checks.emplace(id, std::move(loaded.value())).first;
    }
    return &it->second;
  };
  const Check* check = check_by_id(ticket.check_id);
  static const Check kNoCheck;
  auto server = check ? store.find_staff(check->server_id) : std::nullopt;
  protocol::TicketContext context{check ? *check : kNoCheck,
                                  server ? std::string_view(server->name) : std::string_view(),
                                  [&](std::int64_t line_id) -> const Line* {
                                    if (const Line* l = check ? check->find_line(line_id) : nullptr)
                                      return l;
                                    // Moved to another check since it was sent: the kitchen still
                                    // cooks it.
                                    auto other = store.check_of_line(line_id);
                                    if (!other) return nullptr;
                                    const Check* c = check_by_id(*other);
                                    return c ? c->find_line(line_id) : nullptr;
                                  }};
  Json j = protocol::to_json(ticket, context);
  if (server) j["server"] = server->name;
  return j;
}

Json OrderService::Impl::emit_check(std::string_view type, const Check& check, EpochMs now,
                                    Json extra) {
  protocol::CheckView view = protocol::view_of(check, menu.tax_classes);
  auto change = protocol::change_of(view, changed_lines(check, view.totals));
  Json body{{"check", std::move(change.check)}, {"lines", std::move(change.lines)}};
  body.update(extra);
  emit(type, {std::string(topic::check)}, std::move(body), now);
  before_change.insert_or_assign(check.id, check);  // a second event diffs from this one
  return protocol::to_json(view);
}

// The lines whose JSON a change of `check` alters: new, changed, or priced differently
// (a check discount shares out over every line) since the check was loaded for it.
std::set<std::int64_t> OrderService::Impl::changed_lines(const Check& check,
                                                         const CheckTotals& totals) const {
  std::set<std::int64_t> changed;
  auto before = before_change.find(check.id);
  if (before == before_change.end()) {
    for (const auto& l : check.lines) changed.insert(l.id);
    return changed;
  }
  std::map<std::int64_t, const Line*> was;
  for (const auto& l : before->second.lines) was[l.id] = &l;
  std::map<std::int64_t, const LinePrice*> priced, priced_before;
  for (const auto& p : totals.lines) priced[p.line_id] = &p;
  const CheckTotals totals_before = price_check(before->second, menu.tax_classes);
  for (const auto& p : totals_before.lines) priced_before[p.line_id] = &p;
  auto same_price = [&](std::int64_t id) {
    auto a = priced.find(id);
    auto b = priced_before.find(id);
    if (a == priced.end() || b == priced_before.end())
      return a == priced.end() && b == priced_before.end();
    return *a->second == *b->second;
  };
  for (const auto& l : check.lines) {
    auto it = was.find(l.id);
    if (it == was.end() || !(*it->second == l) || !same_price(l.id)) changed.insert(l.id);
  }
  return changed;
}

std::vector<std::string> OrderService::Impl::ticket_topics(const Ticket& ticket) const {
  std::vector<std::string> topics;
  for (const auto& s : ticket.stations) topics.push_back(topic::station(s.station_id));
  return topics;
}

void OrderService::Impl::emit_ticket(std::string_view type, const Ticket& ticket, EpochMs now) {
  emit(type, ticket_topics(ticket), {{"ticket", ticket_json(ticket)}}, now);
}

Result<Check> OrderService::Impl::open_check_for_change(std::int64_t check_id) {
  auto check = store.load_check(check_id);
  if (!check) return check.error();
  before_change.insert_or_assign(check_id, check.value());  // its event says what changed
  if (!check->is_open())
    return fail(Errc::check_closed, "check " + std::to_string(check->number) + " is " +
                                        std::string(to_string(check->status)) +
                                        ": it can't change");
  return check;
}

// [SECTION] opening checks and lines

Answer OrderService::Impl::open_check(Call& call) {
  protocol::OpenCheck cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  CheckRequest request;
  request.channel = cmd.channel;
  request.table_id = cmd.table_id.value_or("");
  request.tab_name = cmd.tab_name.value_or("");
  request.customer_name = cmd.customer_name.value_or("");
  request.customer_phone = cmd.customer_phone.value_or("");
  request.promised_at = cmd.promised_at.value_or(0);
  request.guests = cmd.guests.value_or(0);
  if (auto r = require(call, Permission::take_orders, "taking orders")) return *r;
  if (auto r = require_clocked_in(call)) return *r;
  if (auto s = validate_check_request(request); !s) return s.error();
  if (request.channel == Channel::dine_in && !floor.find_table(request.table_id))
    return fail(Errc::not_found, "there is no table '" + request.table_id + "' on the floor plan");

  auto day = day_for_new_check(call);  // the first check of the day opens it
  if (!day) return day.error();
  std::int64_t id = store.next_id("check");
  std::int64_t number = store.next_id("check_number");
  Check check = brigade::open_check(id, number, request, call.staff->id, call.now);
  if (auto s = store.save_check(check); !s) return s.error();
  if (auto s = store.set_day_of_check(id, day->id); !s) return s.error();
  return Json{{"check_id", id}, {"check", emit_check(event::check_opened, check, call.now)}};
}

Answer OrderService::Impl::add_line(Call& call) {
  protocol::AddLine cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  LineRequest request;
  request.item_id = cmd.item_id;
  request.quantity = cmd.quantity.value_or(1);
  request.seat = cmd.seat.value_or(0);
  request.course = cmd.course;
  request.modifier_ids = cmd.modifiers.value_or(std::vector<std::string>{});
  request.note = cmd.note.value_or("");
  if (auto r = require(call, Permission::take_orders, "taking orders")) return *r;

  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  // The 86 flags here; counts are by ingredient, taken below (the refusal names it).
  auto line = build_line(menu, store.load_stock(), request, local_time_of(call.now));
  if (!line) return line.error();
  line->id = store.next_id("line");
  line->ordered_at = call.now;
  const std::int64_t line_id = line->id;
  if (auto s = take_for_line(line_id, *menu.find_item(request.item_id), request.modifier_ids,
                             request.quantity, call.now);
      !s)
    return s.error();
  if (auto s = brigade::add_line(check.value(), std::move(line.value())); !s) return s.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  return Json{
      {"check_id", check_id},
      {"line_id", line_id},
      {"check", emit_check(event::line_added, check.value(), call.now, {{"line_id", line_id}})}};
}

Answer OrderService::Impl::change_line(Call& call) {
  protocol::ChangeLine cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id, line_id = cmd.line_id;
  LineChange change{cmd.quantity, cmd.seat, cmd.course, cmd.note};
  if (auto r = require(call, Permission::take_orders, "changing lines")) return *r;

  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  const Line* before = check->find_line(line_id);
  const int old_quantity = before ? before->quantity : 0;
  const std::string item_id = before ? before->item_id : "";
  std::vector<std::string> modifier_ids;
  if (before)
    for (const auto& m : before->modifiers) modifier_ids.push_back(m.modifier_id);
  // More of an item needs it on (not 86'd by hand) and its ingredients to cover the more.
  if (change.quantity && *change.quantity > old_quantity && before && !with_kitchen(before->state))
    if (const MenuItem* item = menu.find_item(item_id))
      if (auto s = check_available(store.load_stock(), *item, *change.quantity - old_quantity); !s)
        return s.error();
  if (auto s = brigade::change_line(check.value(), line_id, change); !s) return s.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  // Raised: take the more, by the recipe as it is now. Lowered: give back the part taken.
  if (change.quantity && *change.quantity > old_quantity) {
    if (const MenuItem* item = menu.find_item(item_id))
      if (auto s = take_for_line(line_id, *item, modifier_ids, *change.quantity - old_quantity,
                                 call.now);
          !s)
        return s.error();
  } else if (change.quantity && *change.quantity < old_quantity) {
    if (auto s = release_from_line(line_id, old_quantity - *change.quantity, old_quantity, true,
                                   call.now);
        !s)
      return s.error();
  }
  return Json{
      {"check", emit_check(event::line_changed, check.value(), call.now, {{"line_id", line_id}})}};
}

Answer OrderService::Impl::remove_line(Call& call) {
  protocol::RemoveLine cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id, line_id = cmd.line_id;
  if (auto r = require(call, Permission::take_orders, "removing lines")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  auto removed = brigade::remove_line(check.value(), line_id);
  if (!removed) return removed.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  if (auto s = release_from_line(line_id, removed->quantity, removed->quantity, true, call.now); !s)
    return s.error();
  return Json{
      {"check", emit_check(event::line_removed, check.value(), call.now, {{"line_id", line_id}})}};
}

// [SECTION] send, hold, fire

Answer OrderService::Impl::send(Call& call) {
  protocol::Send cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  std::set<Course> hold;
  if (cmd.hold) hold.insert(cmd.hold->begin(), cmd.hold->end());
  if (auto r = require(call, Permission::take_orders, "sending orders")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  bool sent_before = !store.load_tickets_of_check(check_id).empty();
  // Routing is the kitchen's, as the menu has it now: an item rerouted since a line was
  // added goes to its new station. Price and name stay as they were when ordered.
  for (Line& line : check->lines)
    if (line.state == LineState::new_)
      if (const MenuItem* item = menu.find_item(line.item_id)) line.station_ids = item->station_ids;
  auto sent = send_lines(check.value(), hold, call.now);
  if (!sent) return sent.error();

  std::size_t ticket_count = (sent->sent.empty() ? 0 : 1);
  std::set<Course> held_courses;
  for (auto id : sent->held) held_courses.insert(check->find_line(id)->course);
  ticket_count += held_courses.size();
  std::vector<std::int64_t> ticket_ids;
  for (std::size_t i = 0; i < ticket_count; ++i) ticket_ids.push_back(store.next_id("ticket"));
  auto tickets =
      tickets_for_send(check.value(), sent.value(), menu, sent_before, ticket_ids, call.now);

  if (auto s = store.save_check(check.value()); !s) return s.error();
  for (const auto& t : tickets)
    if (auto s = store.save_ticket(t); !s) return s.error();
  Json sent_check =
      emit_check(event::check_sent, check.value(), call.now,
                 {{"sent", sent->sent}, {"held", sent->held}, {"ticket_ids", ticket_ids}});
  for (const auto& t : tickets) emit_ticket(event::ticket_created, t, call.now);
  return Json{{"check", std::move(sent_check)}, {"ticket_ids", ticket_ids}};
}

Answer OrderService::Impl::fire(Call& call) {
  protocol::Fire cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  const std::optional<Course> course = cmd.course;
  const std::string course_name(to_string(cmd.course));
  if (auto r = require(call, Permission::take_orders, "firing courses")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  auto fired = fire_course(check.value(), *course, call.now);
  if (!fired) return fired.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  std::vector<Ticket> tickets;
  for (auto& t : store.load_tickets_of_check(check_id)) {
    if (t.status != TicketStatus::held || t.course != *course) continue;
    if (auto s = fire_ticket(t, call.now); !s) return s.error();
    if (auto s = store.save_ticket(t); !s) return s.error();
    tickets.push_back(std::move(t));
  }
  Json fired_check = emit_check(event::course_fired, check.value(), call.now,
                                {{"course", course_name}, {"fired", fired.value()}});
  Json ids = Json::array();
  for (const auto& t : tickets) {
    emit_ticket(event::ticket_fired, t, call.now);
    ids.push_back(t.id);
  }
  return Json{{"check", std::move(fired_check)}, {"ticket_ids", ids}};
}

// [SECTION] voids, comps, discounts

Answer OrderService::Impl::void_line(Call& call) {
  protocol::VoidLine cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id, line_id = cmd.line_id;
  const std::string& reason = cmd.reason;
  if (auto r = require(call, Permission::void_sent_line, "voiding a sent line")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  std::string by = call.approved_by.empty() ? call.actor() : call.approved_by;
  auto line_record = [&]() -> Json {
    const Line* line = check->find_line(line_id);
    if (!line) return nullptr;
    return {{"name", line->name},
            {"quantity", line->quantity},
            {"voided_quantity", line->voided_quantity},
            {"state", to_string(line->state)},
            {"unit_total", line->unit_total().in_cents()}};
  };
  const Json before_void = line_record();
  const Line* voiding = check->find_line(line_id);
  const int live = voiding ? voiding->live_quantity() : 0;
  const bool made = cmd.made.value_or(true);
  if (auto s = brigade::void_line(check.value(), line_id, cmd.quantity, reason, by, made); !s)
    return s.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  // Not made: what the voided part took goes back to stock. Made: it was used.
  if (auto s = release_from_line(line_id, cmd.quantity.value_or(live), live, !made, call.now); !s)
    return s.error();
  Json after_void = line_record();
  after_void["made"] = made;
  if (auto s = record(call, "line.voided",
                      "check " + std::to_string(check_id) + " line " + std::to_string(line_id),
                      before_void, after_void, reason);
      !s)
    return s.error();
  Json voided = emit_check(event::line_voided, check.value(), call.now,
                           {{"line_id", line_id}, {"reason", reason}, {"by", by}, {"made", made}});
  // The kitchen sees the void on the ticket it already has.
  for (const auto& t : store.load_tickets_with_line(line_id))
    if (t.status != TicketStatus::served) emit_ticket(event::ticket_changed, t, call.now);
  return Json{{"check", std::move(voided)}};
}

Answer OrderService::Impl::discount(Call& call) {
  protocol::GiveDiscount cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  const auto& line_id = cmd.line_id;
  const std::optional<DiscountKind> kind = cmd.discount;
  const auto& amount = cmd.amount;
  const auto& percent = cmd.percent_bp;
  const std::string& reason = cmd.reason;
  bool comp = *kind == DiscountKind::comp;
  if (auto r = require(call, comp ? Permission::comp : Permission::discount,
                       comp ? "a comp" : "a discount"))
    return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  Discount d;
  d.id = store.next_id("discount");
  d.line_id = line_id;
  d.kind = *kind;
  d.amount = amount.value_or(Money::zero());
  d.basis_points = percent.value_or(0);
  d.reason = reason;
  d.approved_by = call.approved_by.empty() ? call.actor() : call.approved_by;
  d.at = call.now;
  if (auto s = add_discount(check.value(), d); !s) return s.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  Json given{{"kind", to_string(d.kind)}, {"discount_id", d.id}};
  if (d.kind == DiscountKind::amount) given["amount"] = d.amount.in_cents();
  if (d.kind == DiscountKind::percent) given["percent_bp"] = d.basis_points;
  if (auto s = record(call, comp ? "check.comp" : "check.discount",
                      "check " + std::to_string(check_id) +
                          (line_id ? " line " + std::to_string(*line_id) : std::string()),
                      nullptr, given, reason);
      !s)
    return s.error();
  return Json{{"discount_id", d.id},
              {"check",
               emit_check(comp ? event::comp_added : event::discount_added, check.value(), call.now,
                          {{"discount_id", d.id}, {"reason", reason}, {"by", d.approved_by}})}};
}

// [SECTION] paying

Answer OrderService::Impl::pay(Call& call) {
  protocol::Pay cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  PaymentRequest request;
  request.tender = cmd.tender;
  request.amount = cmd.amount;
  request.tip = cmd.tip.value_or(Money::zero());
  request.part = cmd.part.value_or(0);
  request.reference = cmd.reference.value_or("");
  if (auto r = require(call, Permission::take_payment, "taking payments")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  auto payment = take_payment(check.value(), menu.tax_classes, request, store.next_id("payment"),
                              call.actor(), call.now);
  if (!payment) return payment.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  // Cash goes into this terminal's drawer: what it paid and its tip (the change never did).
  if (payment->tender == Tender::cash)
    if (auto s = cash_in_drawer(call, DrawerMoveKind::cash_sale, payment->amount + payment->tip,
                                check_id);
        !s)
      return s.error();
  return Json{{"payment_id", payment->id},
              {"amount", payment->amount.in_cents()},
              {"change", payment->change.in_cents()},
              {"check", emit_check(event::payment_taken, check.value(), call.now,
                                   {{"payment_id", payment->id}})}};
}

Answer OrderService::Impl::add_tip(Call& call) {
  protocol::AddTip cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id, payment_id = cmd.payment_id;
  const Money tip = cmd.tip;
  if (auto r = require(call, Permission::take_payment, "adding tips")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  Money before;
  for (const Payment& p : check->payments)
    if (p.id == payment_id) before = p.tip;
  if (auto s = brigade::add_tip(check.value(), payment_id, tip); !s) return s.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  // A cash tip changed afterwards changes what the drawer holds by the difference.
  for (const Payment& p : check->payments)
    if (p.id == payment_id && p.tender == Tender::cash && p.tip != before)
      if (auto s = cash_in_drawer(
              call, p.tip > before ? DrawerMoveKind::cash_sale : DrawerMoveKind::cash_refund,
              p.tip > before ? p.tip - before : before - p.tip, check_id);
          !s)
        return s.error();
  return Json{{"check", emit_check(event::tip_added, check.value(), call.now,
                                   {{"payment_id", payment_id}})}};
}

Answer OrderService::Impl::split(Call& call) {
  protocol::SplitCheck cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  SplitPlan plan;
  plan.kind = cmd.split;
  plan.parts = cmd.parts.value_or(0);
  if (cmd.assignments) plan.assignments = std::move(*cmd.assignments);
  if (auto r = require(call, Permission::take_payment, "splitting checks")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  if (auto s = set_split(check.value(), plan); !s) return s.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  return Json{{"check", emit_check(event::check_split, check.value(), call.now)}};
}

Answer OrderService::Impl::close_check(Call& call) {
  protocol::CloseCheck cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  if (auto r = require(call, Permission::take_payment, "closing checks")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  if (auto s = brigade::close_check(check.value(), menu.tax_classes, call.now); !s)
    return s.error();
  if (auto s = store.save_check(check.value()); !s) return s.error();
  if (auto s = tally_check(check.value()); !s) return s.error();
  return Json{{"check", emit_check(event::check_closed, check.value(), call.now)}};
}

// [SECTION] moving lines and checks

Answer OrderService::Impl::move_lines(Call& call) {
  protocol::MoveLines cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t from_id = cmd.from_check_id, to_id = cmd.to_check_id;
  const std::vector<std::int64_t>& line_ids = cmd.line_ids;
  if (auto r = require(call, Permission::transfer_check, "moving lines")) return *r;
  auto from = open_check_for_change(from_id);
  if (!from) return from.error();
  auto to = open_check_for_change(to_id);
  if (!to) return to.error();
  if (auto s = brigade::move_lines(from.value(), to.value(), line_ids); !s) return s.error();
  if (auto s = store.save_check(to.value()); !s) return s.error();
  if (auto s = store.save_check(from.value()); !s) return s.error();
  Json moved_from = emit_check(event::lines_moved_out, from.value(), call.now,
                               {{"line_ids", line_ids}, {"to_check_id", to_id}});
  return Json{{"from", std::move(moved_from)},
              {"to", emit_check(event::lines_moved_in, to.value(), call.now,
                                {{"line_ids", line_ids}, {"from_check_id", from_id}})}};
}

Answer OrderService::Impl::merge(Call& call) {
  protocol::MergeChecks cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t into_id = cmd.into_check_id, from_id = cmd.from_check_id;
  if (auto r = require(call, Permission::transfer_check, "merging checks")) return *r;
  auto into = open_check_for_change(into_id);
  if (!into) return into.error();
  auto from = open_check_for_change(from_id);
  if (!from) return from.error();
  if (auto s = merge_checks(into.value(), from.value(), call.now); !s) return s.error();
  if (auto s = store.save_check(into.value()); !s) return s.error();
  if (auto s = store.save_check(from.value()); !s) return s.error();
  emit_check(event::check_merged, from.value(), call.now, {{"into_check_id", into_id}});
  return Json{{"check", emit_check(event::lines_moved_in, into.value(), call.now,
                                   {{"from_check_id", from_id}})}};
}

Answer OrderService::Impl::transfer(Call& call) {
  protocol::TransferCheck cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::int64_t check_id = cmd.check_id;
  const auto& table_id = cmd.table_id;
  const auto& server_id = cmd.server_id;
  if (auto r = require(call, Permission::transfer_check, "transferring checks")) return *r;
  auto check = open_check_for_change(check_id);
  if (!check) return check.error();
  if (table_id)
    if (auto s = move_to_table(check.value(), floor, *table_id); !s) return s.error();
  if (server_id) {
    auto server = store.find_staff(*server_id);
    if (auto s =
            give_to_server(check.value(), *server_id, server ? &*server : nullptr, permissions);
        !s)
      return s.error();
  }
  if (auto s = store.save_check(check.value()); !s) return s.error();
  return Json{{"check", emit_check(event::check_transferred, check.value(), call.now)}};
}

}  // namespace brigade::service
