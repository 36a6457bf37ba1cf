// The 86 list: out, counted, back. Every terminal hears it at once on the menu topic.
#include <functional>

#include "brigade/protocol/codec.h"
#include "service_impl.h"

namespace brigade::service {

namespace {
constexpr std::int64_t kMaxPortions = 100'000;
}

// Reads item_id, checks the permission and the item, and saves the level `change` makes.
static Answer change_stock(OrderService::Impl& hub, Call& call, std::string_view event_type,
                           const std::function<void(StockLevel&)>& change) {
  auto& a = call.args;
  auto item_id = a.text("item_id", 64);
  a.no_other_fields();
  if (!a.ok()) return refusal(a.error());
  if (auto r = hub.require(call, Permission::eighty_six, "86ing items")) return *r;
  const MenuItem* item = hub.menu.find_item(item_id);
  if (!item) return fail(Errc::unknown_item, "'" + item_id + "' is not on the menu");
  Stock stock = hub.store.load_stock();
  StockLevel level = stock.count(item_id) ? stock[item_id] : StockLevel{};
  change(level);
  if (auto s = hub.store.save_stock_level(item_id, level); !s) return s.error();
  Json body{{"stock", protocol::to_json(item_id, level)},
            {"item_name", item->name},
            {"by", call.approved_by.empty() ? call.actor() : call.approved_by}};
  hub.emit(event_type, {std::string(topic::menu)}, body, call.now);
  return Json{{"stock", protocol::to_json(item_id, level)}};
}

Answer OrderService::Impl::eighty_six(Call& call) {
  return change_stock(*this, call, event::item_86, [](StockLevel& l) { l.eighty_sixed = true; });
}

Answer OrderService::Impl::un_eighty_six(Call& call) {
  // Back on: an exhausted count no longer holds it off (the manager just said it is back).
  return change_stock(*this, call, event::item_available, [](StockLevel& l) {
    l.eighty_sixed = false;
    if (l.remaining && *l.remaining <= 0) l.remaining.reset();
  });
}

Answer OrderService::Impl::set_stock(Call& call) {
  // "short rib: 12 left"; null stops counting.
  auto remaining = call.args.optional_integer("remaining", 0, kMaxPortions);
  bool given = call.envelope.args.contains("remaining");
  if (!given && call.args.ok())
    call.args.invalid("remaining", "is missing (a count, or null to stop counting)");
  return change_stock(*this, call, event::stock_changed, [&](StockLevel& l) {
    if (remaining)
      l.remaining = static_cast<int>(*remaining);
    else
      l.remaining.reset();
  });
}

}  // namespace brigade::service
