// The 86 list: out, counted, back. Every terminal hears it at once on the menu topic.
#include <functional>

#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

// Reads the command, checks the permission and the item, and saves the level `change`
// makes.
template <class Command>
static Answer change_stock(OrderService::Impl& hub, Call& call, std::string_view event_type,
                           const std::function<void(StockLevel&, const Command&)>& change) {
  Command cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const std::string& item_id = cmd.item_id;
  if (auto r = hub.require(call, Permission::eighty_six, "86ing items")) return *r;
  const MenuItem* item = hub.menu.find_item(item_id);
  if (!item) return fail(Errc::unknown_item, "'" + item_id + "' is not on the menu");
  Stock stock = hub.store.load_stock();
  StockLevel level = stock.count(item_id) ? stock[item_id] : StockLevel{};
  const StockLevel before = level;
  change(level, cmd);
  if (auto s = hub.store.save_stock_level(item_id, level); !s) return s.error();
  if (auto s = hub.record(call, "stock." + std::string(Command::kind), "item " + item_id,
                          protocol::to_json(item_id, before), protocol::to_json(item_id, level));
      !s)
    return s.error();
  Json body{{"stock", protocol::to_json(item_id, level)},
            {"item_name", item->name},
            {"by", call.approved_by.empty() ? call.actor() : call.approved_by}};
  hub.emit(event_type, {std::string(topic::menu)}, body, call.now);
  return Json{{"stock", protocol::to_json(item_id, level)}};
}

Answer OrderService::Impl::eighty_six(Call& call) {
  return change_stock<protocol::EightySix>(
      *this, call, event::item_86, [](StockLevel& l, const auto&) { l.eighty_sixed = true; });
}

Answer OrderService::Impl::un_eighty_six(Call& call) {
  // Back on: an exhausted count no longer holds it off (the manager just said it is back).
  return change_stock<protocol::BackOn>(*this, call, event::item_available,
                                        [](StockLevel& l, const auto&) {
                                          l.eighty_sixed = false;
                                          if (l.remaining && *l.remaining <= 0) l.remaining.reset();
                                        });
}

Answer OrderService::Impl::set_stock(Call& call) {
  // "short rib: 12 left"; null stops counting.
  return change_stock<protocol::SetStock>(
      *this, call, event::stock_changed,
      [](StockLevel& l, const protocol::SetStock& cmd) { l.remaining = cmd.remaining; });
}

}  // namespace brigade::service
