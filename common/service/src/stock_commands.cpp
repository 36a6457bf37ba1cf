// The 86 list and the inventory: out by hand, counts by ingredient, deliveries, counts and
// waste. Every terminal hears each change at once on the menu topic.
#include <algorithm>
#include <functional>

#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

// [SECTION] shared with the check commands

Stock OrderService::Impl::stock_now() const {
  return stock_levels(menu, store.load_stock(), store.load_inventory());
}

Status OrderService::Impl::commit_inventory(const Inventory& before, const Inventory& after,
                                            EpochMs now, const Json& why) {
  bool changed = false;
  for (const Ingredient& ingredient : menu.ingredients) {
    auto was = before.find(ingredient.id);
    auto is = after.find(ingredient.id);
    const bool same = (was == before.end()) == (is == after.end()) &&
                      (was == before.end() || was->second == is->second);
    if (same) continue;
    changed = true;
    std::optional<std::int64_t> on_hand;
    if (is != after.end()) on_hand = is->second;
    if (auto s = store.save_on_hand(ingredient.id, on_hand); !s) return s;
    Json body = why;
    body["ingredient"] = protocol::to_json(ingredient, after);
    emit(event::ingredient_changed, {std::string(topic::menu)}, std::move(body), now);
  }
  if (!changed) return success();
  const Stock flags = store.load_stock();
  for (const auto& [item_id, level] :
       changed_levels(stock_levels(menu, flags, before), stock_levels(menu, flags, after)))
    emit(event::stock_changed, {std::string(topic::menu)},
         {{"stock", protocol::to_json(item_id, level)}}, now);
  return success();
}

Status OrderService::Impl::take_for_line(std::int64_t line_id, const MenuItem& item,
                                         const std::vector<std::string>& modifier_ids, int quantity,
                                         EpochMs now) {
  // Most lines (fries, a beer) take nothing counted: no reads or writes for them.
  const Needs needs = needs_of(menu, item, modifier_ids, quantity);
  if (quantity <= 0 || needs.empty()) return success();
  Inventory inventory = store.load_inventory();
  const Inventory was = inventory;
  if (auto s = check_covers(menu, inventory, item, needs); !s) return s;
  Needs taken = store.load_line_stock(line_id);
  add_needs(taken, take_stock(inventory, needs));
  if (auto s = store.save_line_stock(line_id, taken); !s) return s;
  return commit_inventory(was, inventory, now, {{"reason", "sale"}});
}

Status OrderService::Impl::release_from_line(std::int64_t line_id, int share, int of, bool to_stock,
                                             EpochMs now) {
  Needs taken = store.load_line_stock(line_id);
  if (taken.empty()) return success();
  const Needs released = share >= of ? taken : share_of(taken, share, of);
  for (const auto& [ingredient_id, amount] : released)
    if ((taken[ingredient_id] -= amount) <= 0) taken.erase(ingredient_id);
  if (auto s = store.save_line_stock(line_id, taken); !s) return s;
  if (!to_stock) return success();  // made: what it took was used
  Inventory inventory = store.load_inventory();
  const Inventory was = inventory;
  give_back(inventory, released);
  return commit_inventory(was, inventory, now, {{"reason", "return"}});
}

namespace {

const char* kStockWhy = "changing stock";
constexpr std::int64_t kMaxOnHand = 1'000'000'000;  // as a count or the restaurant file takes

// The level an item shows after a change by hand, with the event that says so.
Answer announce_item(OrderService::Impl& hub, Call& call, const MenuItem& item,
                     std::string_view event_type, const StockLevel& before, const char* action) {
  const Stock now = hub.stock_now();
  auto it = now.find(item.id);
  const StockLevel level = it == now.end() ? StockLevel{} : it->second;
  if (auto s = hub.record(call, action, "item " + item.id, protocol::to_json(item.id, before),
                          protocol::to_json(item.id, level));
      !s)
    return s.error();
  Json body{{"stock", protocol::to_json(item.id, level)},
            {"item_name", item.name},
            {"by", call.approved_by.empty() ? call.actor() : call.approved_by}};
  hub.emit(event_type, {std::string(topic::menu)}, body, call.now);
  return Json{{"stock", protocol::to_json(item.id, level)}};
}

StockLevel level_of(const Stock& stock, const std::string& item_id) {
  auto it = stock.find(item_id);
  return it == stock.end() ? StockLevel{} : it->second;
}

// An item counted in portions of its own: one ingredient, one of it per unit.
const RecipePart* portion_count(const MenuItem& item) {
  return item.recipe.size() == 1 && item.recipe[0].quantity == 1 ? &item.recipe[0] : nullptr;
}

// Whether any other item, or any modifier, takes the ingredient.
bool shared(const Menu& menu, const std::string& ingredient_id, const MenuItem& item) {
  auto takes = [&](const Recipe& recipe) {
    return std::any_of(recipe.begin(), recipe.end(),
                       [&](const RecipePart& p) { return p.ingredient_id == ingredient_id; });
  };
  for (const MenuItem& other : menu.items)
    if (other.id != item.id && takes(other.recipe)) return true;
  for (const ModifierGroup& group : menu.modifier_groups)
    for (const Modifier& m : group.modifiers)
      if (takes(m.recipe)) return true;
  return false;
}

// Reads a command about an item, checks the permission and finds the item: a refusal, or
// nothing and `item` set.
template <class Command>
std::optional<Answer> read_item_command(OrderService::Impl& hub, Call& call, Command& cmd,
                                        const MenuItem*& item) {
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return Answer(refusal(call.args.error()));
  if (auto r = hub.require(call, Permission::eighty_six, "86ing items")) return Answer(*r);
  item = hub.menu.find_item(cmd.item_id);
  if (!item) return Answer(fail(Errc::unknown_item, "'" + cmd.item_id + "' is not on the menu"));
  return std::nullopt;
}

// Sets (or, with nullopt, stops) one ingredient's count as a count would.
Status set_count(OrderService::Impl& hub, const std::string& ingredient_id,
                 std::optional<std::int64_t> on_hand, EpochMs now) {
  Inventory inventory = hub.store.load_inventory();
  const Inventory was = inventory;
  if (on_hand)
    inventory[ingredient_id] = *on_hand;
  else
    inventory.erase(ingredient_id);
  return hub.commit_inventory(was, inventory, now, {{"reason", "count"}});
}

}  // namespace

// [SECTION] the 86 list

Answer OrderService::Impl::eighty_six(Call& call) {
  protocol::EightySix cmd;
  const MenuItem* item = nullptr;
  if (auto refused = read_item_command(*this, call, cmd, item)) return *refused;
  const StockLevel before = level_of(stock_now(), item->id);
  if (auto s = store.save_stock_level(item->id, StockLevel{true, std::nullopt}); !s)
    return s.error();
  return announce_item(*this, call, *item, event::item_86, before, "stock.eighty_six");
}

Answer OrderService::Impl::un_eighty_six(Call& call) {
  protocol::BackOn cmd;
  const MenuItem* item = nullptr;
  if (auto refused = read_item_command(*this, call, cmd, item)) return *refused;
  const StockLevel before = level_of(stock_now(), item->id);
  if (auto s = store.save_stock_level(item->id, StockLevel{}); !s) return s.error();
  // Back on: an exhausted portion count of its own no longer holds it off (the manager just
  // said it is back). An ingredient it shares with other items keeps its count: the item
  // stays out until that ingredient is received or counted.
  const RecipePart* own = portion_count(*item);
  if (own && !shared(menu, own->ingredient_id, *item)) {
    const Inventory inventory = store.load_inventory();
    if (auto c = inventory.find(own->ingredient_id); c != inventory.end() && c->second <= 0)
      if (auto s = set_count(*this, own->ingredient_id, std::nullopt, call.now); !s)
        return s.error();
  }
  return announce_item(*this, call, *item, event::item_available, before, "stock.un_eighty_six");
}

Answer OrderService::Impl::set_stock(Call& call) {
  // "short rib: 12 left"; null stops counting. For an item counted in portions of its own.
  protocol::SetStock cmd;
  const MenuItem* item = nullptr;
  if (auto refused = read_item_command(*this, call, cmd, item)) return *refused;
  const RecipePart* own = portion_count(*item);
  if (!own)
    return fail(Errc::invalid_argument,
                item->name + (item->recipe.empty()
                                  ? " has no recipe: give it one to count it"
                                  : " is counted by its ingredients: count them (count_stock)"));
  const StockLevel before = level_of(stock_now(), item->id);
  if (auto s = set_count(*this, own->ingredient_id, cmd.remaining, call.now); !s) return s.error();
  return announce_item(*this, call, *item, event::stock_changed, before, "stock.set_stock");
}

// [SECTION] deliveries, counts and waste, by ingredient

namespace {

// Reads the command, checks the permission and the ingredient, applies `change` to the
// counts, records it in the audit log and tells every terminal.
template <class Command>
Answer change_inventory(OrderService::Impl& hub, Call& call, const char* action,
                        const std::function<Status(std::optional<std::int64_t>&, const Command&,
                                                   const Ingredient&)>& change,
                        const std::function<std::string(const Command&)>& reason_of) {
  Command cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = hub.require(call, Permission::manage_stock, kStockWhy)) return *r;
  const Ingredient* ingredient = hub.menu.find_ingredient(cmd.ingredient_id);
  if (!ingredient) return fail(Errc::not_found, "'" + cmd.ingredient_id + "' is not an ingredient");
  Inventory inventory = hub.store.load_inventory();
  const Inventory was = inventory;
  std::optional<std::int64_t> on_hand;
  if (auto c = inventory.find(ingredient->id); c != inventory.end()) on_hand = c->second;
  const std::optional<std::int64_t> before = on_hand;
  if (auto s = change(on_hand, cmd, *ingredient); !s) return s.error();
  if (on_hand)
    inventory[ingredient->id] = *on_hand;
  else
    inventory.erase(ingredient->id);
  const std::string by = call.approved_by.empty() ? call.actor() : call.approved_by;
  const std::string reason = reason_of(cmd);
  Json why{{"reason", std::string(Command::kind)}, {"by", by}};
  if (!reason.empty()) why["note"] = reason;
  if (auto s = hub.commit_inventory(was, inventory, call.now, why); !s) return s.error();
  auto counted = [](std::optional<std::int64_t> n) { return n ? Json(*n) : Json(nullptr); };
  Json after{{"on_hand", counted(on_hand)}};
  if constexpr (std::is_same_v<Command, protocol::CountStock>) {
    // What the count found against what the books said: negative is missing stock.
    if (before && on_hand) after["variance"] = *on_hand - *before;
  } else {
    after["quantity"] = cmd.quantity;
  }
  if (auto s = hub.record(call, action, "ingredient " + ingredient->id,
                          Json{{"on_hand", counted(before)}}, after, reason);
      !s)
    return s.error();
  Json result{{"ingredient", protocol::to_json(*ingredient, inventory)}};
  if (after.contains("variance")) result["variance"] = after["variance"];
  return result;
}

}  // namespace

Answer OrderService::Impl::receive_stock(Call& call) {
  return change_inventory<protocol::ReceiveStock>(
      *this, call, "stock.received",
      [](std::optional<std::int64_t>& on_hand, const protocol::ReceiveStock& cmd,
         const Ingredient&) -> Status {
        // Not counted yet: the first delivery starts the count.
        if (on_hand.value_or(0) > kMaxOnHand - cmd.quantity)
          return fail(Errc::invalid_quantity,
                      "that would make more than " + std::to_string(kMaxOnHand) + " on hand");
        on_hand = on_hand.value_or(0) + cmd.quantity;
        return success();
      },
      [](const protocol::ReceiveStock& cmd) { return cmd.note.value_or(""); });
}

Answer OrderService::Impl::count_stock(Call& call) {
  return change_inventory<protocol::CountStock>(
      *this, call, "stock.counted",
      [](std::optional<std::int64_t>& on_hand, const protocol::CountStock& cmd, const Ingredient&) {
        on_hand = cmd.on_hand;
        return success();
      },
      [](const protocol::CountStock& cmd) { return cmd.note.value_or(""); });
}

Answer OrderService::Impl::waste_stock(Call& call) {
  return change_inventory<protocol::WasteStock>(
      *this, call, "stock.wasted",
      [](std::optional<std::int64_t>& on_hand, const protocol::WasteStock& cmd,
         const Ingredient& ingredient) -> Status {
        // More wasted than the books hold means the books are wrong: a count says so.
        if (on_hand && cmd.quantity > *on_hand)
          return fail(Errc::not_enough_stock, "only " + amount_text(ingredient, *on_hand) + " of " +
                                                  ingredient.name + " on hand: count it instead");
        if (on_hand) *on_hand -= cmd.quantity;
        return success();
      },
      [](const protocol::WasteStock& cmd) { return cmd.reason; });
}

}  // namespace brigade::service
