// Cash drawers: one per terminal, opened with a float by a manager (or by itself, with no
// float, when the terminal first takes cash), filled by cash payments and their tips,
// emptied by cash refunds, paid-outs and tips paid out; a no-sale is kept too. A manager
// counts it by denomination at the close; the day's close shuts any drawer left uncounted.
#include "brigade/domain/drawer.h"
#include "brigade/domain/report_text.h"
#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

// What a person calls the terminal's drawer: its device's name, else its id.
std::string drawer_name(const Call& call) {
  return call.device.name.empty() ? call.device_id() : call.device.name;
}

}  // namespace

DrawerRow OrderService::Impl::drawer_row(const Drawer& drawer) const {
  DrawerRow row;
  row.drawer_id = drawer.id;
  row.name = drawer.name;
  row.opening_float = drawer.opening_float;
  for (const auto& [kind, total] : store.drawer_totals(drawer.id)) {
    const Money effect = cash_effect(DrawerMove{0, 0, kind, total.second, {}, {}, 0, {}, 0});
    (effect.is_negative() ? row.cash_out : row.cash_in) += effect.is_negative() ? -effect : effect;
    if (kind == DrawerMoveKind::no_sale) row.no_sales = total.first;
  }
  row.expected = row.opening_float + row.cash_in - row.cash_out;
  row.counted = drawer.is_counted();
  row.counted_cash = drawer.counted;
  if (row.counted) row.over_short = drawer.counted - row.expected;
  return row;
}

std::vector<DrawerRow> OrderService::Impl::drawer_rows(std::int64_t day) const {
  std::vector<DrawerRow> rows;
  for (const Drawer& d : store.load_drawers(day)) rows.push_back(drawer_row(d));
  return rows;
}

Result<Drawer> OrderService::Impl::drawer_here(const Call& call) {
  if (auto open = store.open_drawer_of(call.device_id())) return *open;
  // The terminal takes cash before anyone opened its drawer: it opens with no float.
  auto day = day_for_new_check(call);
  if (!day) return day.error();
  Drawer drawer;
  drawer.day = day->id;
  drawer.device_id = call.device_id();
  drawer.name = drawer_name(call);
  drawer.opened_by = call.approved_by.empty() ? call.actor() : call.approved_by;
  drawer.opened_at = call.now;
  auto id = store.save_drawer(drawer);
  if (!id) return id.error();
  drawer.id = id.value();
  emit(event::drawer_opened, {std::string(topic::day)},
       {{"drawer", protocol::to_json(drawer, drawer_row(drawer))}, {"automatically", true}},
       call.now);
  return drawer;
}

Status OrderService::Impl::cash_in_drawer(const Call& call, DrawerMoveKind kind, Money amount,
                                          std::int64_t check_id) {
  if (amount.is_zero()) return success();
  auto drawer = drawer_here(call);
  if (!drawer) return drawer.error();
  DrawerMove move{0, drawer->id, kind, amount, {}, {}, check_id, call.actor(), call.now};
  auto id = store.add_drawer_move(move);
  return id ? success() : Status(id.error());
}

Status OrderService::Impl::close_drawers_of(std::int64_t day, EpochMs now) {
  for (Drawer d : store.load_drawers(day))
    if (d.is_open()) {
      d.closed_at = now;  // shut without a count: the Z says so
      if (auto s = store.save_drawer(d); !s) return s.error();
    }
  return success();
}

Answer OrderService::Impl::open_drawer(Call& call) {
  protocol::OpenDrawer cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "opening a cash drawer")) return *r;
  if (auto s = check_float(cmd.opening_float); !s) return s.error();
  if (auto open = store.open_drawer_of(call.device_id()))
    return fail(Errc::drawer_already_open, open->name + "'s drawer is open since " +
                                               std::to_string(open->opened_at) +
                                               ": count it before opening another");
  auto day = day_for_new_check(call);
  if (!day) return day.error();
  Drawer drawer;
  drawer.day = day->id;
  drawer.device_id = call.device_id();
  drawer.name = cmd.name && !cmd.name->empty() ? *cmd.name : drawer_name(call);
  drawer.opening_float = cmd.opening_float;
  drawer.opened_by = call.approved_by.empty() ? call.actor() : call.approved_by;
  drawer.opened_at = call.now;
  auto id = store.save_drawer(drawer);
  if (!id) return id.error();
  drawer.id = id.value();
  const Json json = protocol::to_json(drawer, drawer_row(drawer));
  if (auto s = record(call, "drawer.opened", "drawer " + std::to_string(drawer.id), Json(), json);
      !s)
    return s.error();
  emit(event::drawer_opened, {std::string(topic::day)},
       {{"drawer", json}, {"automatically", false}}, call.now);
  return Json{{"drawer", json}};
}

Answer OrderService::Impl::drawer_cash(Call& call) {
  protocol::DrawerCash cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  // A no-sale is the terminal's own business; money in or out by hand needs a manager.
  if (cmd.move == DrawerMoveKind::no_sale) {
    if (auto r = require(call, Permission::take_payment, "opening the drawer")) return *r;
  } else if (auto r = require(call, Permission::run_reports, "cash in or out of the drawer")) {
    return *r;
  }
  DrawerMove move{0,          0,
                  cmd.move,   cmd.amount,
                  cmd.reason, cmd.staff_id.value_or(""),
                  0,          call.approved_by.empty() ? call.actor() : call.approved_by,
                  call.now};
  if (auto s = check_move(move); !s) return s.error();
  if (move.kind == DrawerMoveKind::tip_payout && !staff_member(move.staff_id))
    return fail(Errc::not_found, "nobody on the staff has the id '" + move.staff_id + "'");
  auto drawer = drawer_here(call);
  if (!drawer) return drawer.error();
  move.drawer_id = drawer->id;
  auto id = store.add_drawer_move(move);
  if (!id) return id.error();
  const Json row = protocol::to_json(*drawer, drawer_row(*drawer));
  move.id = id.value();
  const Json json = protocol::to_json(move);
  if (auto s = record(call, "drawer." + std::string(to_string(move.kind)),
                      "drawer " + std::to_string(drawer->id), Json(), json, move.reason);
      !s)
    return s.error();
  emit(event::drawer_cash, {std::string(topic::day)}, {{"move", json}, {"drawer", row}}, call.now);
  return Json{{"move", json}, {"drawer", row}};
}

Answer OrderService::Impl::count_drawer(Call& call) {
  protocol::CountDrawer cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "counting a drawer")) return *r;
  auto drawer = store.find_drawer(cmd.drawer_id);
  if (!drawer) return fail(Errc::not_found, "no drawer with id " + std::to_string(cmd.drawer_id));
  if (!drawer->is_open())
    return fail(Errc::drawer_counted, drawer->name + "'s drawer was closed already" +
                                          (drawer->is_counted() ? " (counted)" : ""));
  auto counted = count_total(cmd.denominations);
  if (!counted) return counted.error();
  const Json before = protocol::to_json(*drawer, drawer_row(*drawer));
  drawer->denominations = cmd.denominations;
  std::erase_if(drawer->denominations, [](const auto& d) { return d.second == 0; });
  drawer->counted = counted.value();
  drawer->counted_by = call.approved_by.empty() ? call.actor() : call.approved_by;
  drawer->counted_at = call.now;
  drawer->closed_at = call.now;
  if (auto s = store.save_drawer(*drawer); !s) return s.error();
  const Json json = protocol::to_json(*drawer, drawer_row(*drawer));
  if (auto s = record(call, "drawer.counted", "drawer " + std::to_string(drawer->id), before, json);
      !s)
    return s.error();
  emit(event::drawer_counted, {std::string(topic::day)}, {{"drawer", json}}, call.now);
  return Json{{"drawer", json}};
}

Answer OrderService::Impl::list_drawers(Call& call) {
  protocol::ListDrawers cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "reading the drawers")) return *r;
  std::int64_t day = cmd.day.value_or(0);
  if (day == 0) {
    if (auto open = store.open_day()) day = open->id;
  }
  Json drawers = Json::array();
  for (const Drawer& d : store.load_drawers(day))
    drawers.push_back(protocol::to_json(d, drawer_row(d)));
  return Json{{"day", day == 0 ? Json(nullptr) : Json(day)}, {"drawers", drawers}};
}

}  // namespace brigade::service
