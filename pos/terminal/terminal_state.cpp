#include "terminal_state.h"

#include <algorithm>

#include "brigade/protocol/events.h"
#include "brigade/protocol/json_text.h"

namespace brigade::terminal {

namespace {
Json parse(const std::string& text) {
  return protocol::read_json(text).doc;
}
}  // namespace

void TerminalState::apply(const net::FeedItem& item) {
  if (const auto* snapshot = std::get_if<net::SnapshotLoaded>(&item)) {
    Json j = parse(snapshot->json);
    if (j.is_object()) apply_snapshot(j);
    return;
  }
  const auto& event = std::get<net::EventItem>(item);
  Json body = parse(event.body);
  if (body.is_object()) apply_event(event.topic, event.type, event.at, body);
}

void TerminalState::read_stock(const Json& j) {
  stock_.clear();
  for (const auto& level : j.value("stock", Json::array())) {
    std::string id;
    StockLevel l = protocol::read_stock_level(level, id);
    stock_[id] = l;
  }
  inventory_.clear();
  for (const auto& level : j.value("inventory", Json::array()))
    if (level.is_object()) protocol::read_ingredient_level(level, inventory_);
}

std::vector<const Ingredient*> TerminalState::low_ingredients() const {
  std::vector<const Ingredient*> low;
  for (const Ingredient& i : menu_.ingredients)
    if (is_low(i, inventory_)) low.push_back(&i);
  return low;
}

std::optional<std::int64_t> TerminalState::on_hand(const std::string& ingredient_id) const {
  auto it = inventory_.find(ingredient_id);
  return it == inventory_.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

void TerminalState::apply_snapshot(const Json& j) {
  restaurant_ = j.value("restaurant", "");
  currency_ = protocol::read_currency(j.value("currency", Json::object()));
  menu_ = protocol::read_menu(j.value("menu", Json::object()));
  menu_version_ = j.value("menu_version", std::int64_t{0});
  if (auto p = j.find("permissions"); p != j.end() && p->is_object())
    permissions_ = protocol::read_permissions(*p);
  clock_in_required_ = j.value("clock_in_required", false);
  floor_ = protocol::read_floor(j.value("floor", Json::object()));
  read_stock(j);
  staff_.clear();
  for (const auto& s : j.value("staff", Json::array())) staff_.push_back(protocol::read_staff(s));
  // The snapshot holds every open check: one missing from it closed while we were away.
  std::map<std::int64_t, CheckView> before = std::move(open_);
  open_.clear();
  check_json_.clear();
  for (const auto& c : j.value("checks", Json::array())) put_check(c);
  for (auto& [id, view] : before)
    if (!open_.count(id)) finished_[id] = std::move(view);
  synced_ = true;
  changed();
}

void TerminalState::apply_event(const std::string& topic, const std::string& type, EpochMs at,
                                const Json& body) {
  if (topic == protocol::topic::check) {
    auto c = body.find("check");
    auto lines = body.find("lines");
    if (c != body.end() && c->is_object() && lines != body.end()) {
      // The check without its lines, and the lines that changed.
      auto known = check_json_.find(c->value("id", std::int64_t{0}));
      auto whole =
          protocol::apply_change(known == check_json_.end() ? nullptr : &known->second, *c, *lines);
      if (whole) {
        put_check(std::move(*whole));
      } else {
        ++changes_not_applied_;
        const std::int64_t id = c->value("id", std::int64_t{0});
        if (std::find(to_fetch_.begin(), to_fetch_.end(), id) == to_fetch_.end())
          to_fetch_.push_back(id);
      }
    }
  } else if (topic == protocol::topic::menu && type == protocol::event::menu_changed) {
    // A manager's edit: the whole menu as it is now. Open checks keep their own lines.
    if (auto m = body.find("menu"); m != body.end() && m->is_object()) {
      menu_ = protocol::read_menu(*m);
      menu_version_ = body.value("menu_version", menu_version_);
      read_stock(body);  // a recipe or an ingredient changed what the counts leave
    }
  } else if (topic == protocol::topic::menu && type == protocol::event::ingredient_changed) {
    if (auto i = body.find("ingredient"); i != body.end() && i->is_object())
      protocol::read_ingredient_level(*i, inventory_);
  } else if (topic == protocol::topic::menu) {
    if (auto s = body.find("stock"); s != body.end() && s->is_object()) {
      std::string id;
      StockLevel level = protocol::read_stock_level(*s, id);
      if (!id.empty()) stock_[id] = level;
    }
  } else if (topic == protocol::topic::staff && type == protocol::event::staff_changed) {
    // Someone added, renamed or gone: the list of who takes orders follows.
    if (auto s = body.find("staff"); s != body.end() && s->is_object()) {
      StaffMember member = protocol::read_staff(*s);
      const bool active = s->value("active", true);
      std::erase_if(staff_, [&](const StaffMember& m) { return m.id == member.id; });
      if (active) staff_.push_back(std::move(member));
    }
    ++staff_changes_;
  } else if (topic == protocol::topic::staff && type == protocol::event::permissions_changed) {
    if (auto p = body.find("permissions"); p != body.end() && p->is_object())
      permissions_ = protocol::read_permissions(*p);
    ++staff_changes_;
  } else if (topic == protocol::topic::staff &&
             (type == protocol::event::staff_clocked || type == protocol::event::punch_fixed)) {
    ++clock_changes_;
  } else if (topic == protocol::topic::staff && type == protocol::event::clock_rule_changed) {
    clock_in_required_ = body.value("required", clock_in_required_);
  } else if (topic == protocol::topic::staff &&
             (type == protocol::event::device_paired || type == protocol::event::device_revoked)) {
    ++device_changes_;  // the devices screen asks the hub for the list again
  } else if (topic == protocol::topic::alert && type == protocol::event::pin_locked_out) {
    PinLockout l;
    l.device = body.value("device", "");
    if (auto staff = body.find("staff"); staff != body.end() && staff->is_object())
      l.staff_name = staff->value("name", "");
    l.doing = body.value("doing", "");
    l.wrong_pins = body.value("wrong_pins", 0);
    l.until = body.value("until", EpochMs{0});
    l.at = at;
    lockouts_.push_back(std::move(l));
    if (lockouts_.size() > 3) lockouts_.erase(lockouts_.begin());  // a strip, not a log
  } else if (topic == protocol::topic::alert && type == protocol::event::station_not_acknowledged) {
    StationAlert a;
    a.ticket_id = body.value("ticket_id", std::int64_t{0});
    a.check_id = body.value("check_id", std::int64_t{0});
    a.label = body.value("label", "");
    a.station = body.value("station", "");
    a.waiting_ms = body.value("waiting_ms", std::int64_t{0});
    a.at = at;
    dismiss_alert(a.ticket_id, a.station);  // a repeat replaces the old one
    alerts_.push_back(std::move(a));
  }
  changed();
}

void TerminalState::learn_check(const Json& check) {
  const std::int64_t id = check.value("id", std::int64_t{0});
  if (open_.count(id) || finished_.count(id)) return;
  put_check(check);
  changed();
}

void TerminalState::replace_check(const Json& whole) {
  if (!whole.is_object()) return;
  put_check(whole);
  changed();
}

void TerminalState::put_check(Json whole) {
  CheckView view = protocol::read_check(whole);
  // Closed ones too: a takeout paid before it is cooked still has its lines served after.
  check_json_[view.check.id] = std::move(whole);
  put_check(std::move(view));
}

void TerminalState::put_check(CheckView view) {
  const std::int64_t id = view.check.id;
  if (view.check.is_open()) {
    finished_.erase(id);
    open_[id] = std::move(view);
  } else {
    open_.erase(id);
    finished_[id] = std::move(view);
    // Nothing more to warn about on a check that is paid and gone.
    std::erase_if(alerts_, [&](const StationAlert& a) { return a.check_id == id; });
  }
}

std::string TerminalState::money(Money m) const {
  return format_money(m, currency_);
}

StockLevel TerminalState::stock_of(const std::string& item_id) const {
  auto it = stock_.find(item_id);
  return it == stock_.end() ? StockLevel{} : it->second;
}

std::string TerminalState::item_name(const std::string& item_id) const {
  const MenuItem* item = menu_.find_item(item_id);
  return item ? item->name : item_id;
}

std::string TerminalState::station_name(const std::string& station_id) const {
  const Station* station = menu_.find_station(station_id);
  return station ? station->name : station_id;
}

std::string TerminalState::staff_name(const std::string& staff_id) const {
  for (const auto& s : staff_)
    if (s.id == staff_id) return s.name;
  return staff_id;
}

const CheckView* TerminalState::find_check(std::int64_t id) const {
  if (auto it = open_.find(id); it != open_.end()) return &it->second;
  if (auto it = finished_.find(id); it != finished_.end()) return &it->second;
  return nullptr;
}

std::vector<const CheckView*> TerminalState::checks_at_table(const std::string& table_id) const {
  std::vector<const CheckView*> out;
  for (const auto& [id, view] : open_)
    if (view.check.channel == Channel::dine_in && view.check.table_id == table_id)
      out.push_back(&view);
  return out;  // map order is id order: oldest first
}

std::vector<const CheckView*> TerminalState::named_orders() const {
  std::vector<const CheckView*> out;
  for (const auto& [id, view] : open_)
    if (view.check.channel != Channel::dine_in) out.push_back(&view);
  std::stable_sort(out.begin(), out.end(), [](const CheckView* a, const CheckView* b) {
    // No promised time sorts after every promised one.
    auto key = [](const CheckView* v) {
      return v->check.promised_at == 0 ? INT64_MAX : v->check.promised_at;
    };
    return key(a) < key(b);
  });
  return out;
}

void TerminalState::dismiss_alert(std::int64_t ticket_id, const std::string& station) {
  auto before = alerts_.size();
  std::erase_if(alerts_, [&](const StationAlert& a) {
    return a.ticket_id == ticket_id && a.station == station;
  });
  if (alerts_.size() != before) changed();
}

void TerminalState::forget_alerts_before(EpochMs at) {
  auto before = alerts_.size() + lockouts_.size();
  std::erase_if(alerts_, [&](const StationAlert& a) { return a.at < at; });
  std::erase_if(lockouts_, [&](const PinLockout& l) { return l.at < at; });
  if (alerts_.size() + lockouts_.size() != before) changed();
}

void TerminalState::dismiss_lockouts() {
  if (lockouts_.empty()) return;
  lockouts_.clear();
  changed();
}

}  // namespace brigade::terminal
