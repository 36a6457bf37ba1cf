// What the store tests share: a fresh temp folder per test, a small restaurant, a check
// with every field set, and printers that turn domain values into text so that a
// round-trip compares every field and a failure shows which one.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "brigade/domain/restaurant.h"
#include "brigade/store/store.h"
#include "test_support.h"

namespace brigade::store::testing {

// A folder of its own for each test, removed afterwards.
using brigade::testing::TempDir;

// The PIN key file's key that open_store gives a store when the test names none.
inline const std::string kTestPinKey =
    "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

inline std::unique_ptr<Store> open_store(const std::filesystem::path& path,
                                         OpenOptions options = {}) {
  if (options.pin_key.empty()) options.pin_key = kTestPinKey;
  auto store = Store::open(path, options);
  if (!store) ADD_FAILURE() << "open " << path << ": " << store.error().message;
  return store ? std::move(store).value() : nullptr;
}

// Whose PIN this is; a store that can't check PINs fails the test.
inline std::optional<StaffMember> owner_of(const Store& store, std::string_view pin) {
  auto found = store.staff_by_pin(pin);
  if (!found) {
    ADD_FAILURE() << found.error().message;
    return std::nullopt;
  }
  return found.value();
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A bistro: two stations and an expo, two tax classes, a forced temperature group and an
// optional add-ons group, a tracked dessert, two rooms, four staff (one inactive).
// The lists name the fields menus had from the start; later ones (day parts, retired, ...)
// keep their defaults.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
inline Restaurant sample_restaurant() {
  Restaurant r;
  r.name = "Chez Brigade";
  r.currency = CurrencyFormat{"€", ',', '.'};
  Menu& m = r.menu;
  m.stations = {{"grill", "Grill", false, 300, 600},
                {"bar", "Bar", false, 120, 240},
                {"expo", "Expo", true, 400, 800}};
  m.tax_classes = {{"food", "Food", 88'750, false}, {"drink", "Drinks", 200'000, true}};
  m.categories = {{"mains", "Mains"}, {"drinks", "Drinks"}, {"desserts", "Desserts"}};
  m.modifier_groups = {
      {"temp",
       "Temperature",
       1,
       1,
       {{"temp-rare", "Rare", Money::zero()}, {"temp-medium", "Medium", Money::zero()}}},
      {"addons",
       "Add-ons",
       0,
       3,
       {{"add-bacon", "Bacon", Money::cents(250)}, {"add-cheese", "Cheese", Money::cents(150)}}},
  };
  m.items = {
      {"burger",
       "Burger",
       "mains",
       Money::cents(1450),
       "food",
       {"grill", "expo"},
       Course::mains,
       {},
       {"temp", "addons"}},
      {"steak",
       "Steak",
       "mains",
       Money::cents(3200),
       "food",
       {"grill"},
       Course::mains,
       {},
       {"temp"}},
      {"lager", "Lager", "drinks", Money::cents(700), "drink", {"bar"}, Course::drinks, {}, {}},
      {"tart",
       "Lemon tart",
       "desserts",
       Money::cents(900),
       "food",
       {"grill"},
       Course::dessert,
       {{"tart", 1}},
       {}},
  };
  m.ingredients = {{"tart", "Lemon tart", "portion", 0}};
  r.floor.rooms = {{"main", "Dining room"}, {"patio", "Patio"}};
  r.floor.tables = {{"1", "main", "Table 1", 2, 0, 0, 1, 1, TableShape::square},
                    {"2", "main", "Table 2", 4, 2, 0, 2, 1, TableShape::round},
                    {"P1", "patio", "Patio 1", 6, 0, 3, 2, 2, TableShape::booth}};
  r.staff = {{{"ana", "Ana", Role::server, true}, "1234"},
             {{"ben", "Ben", Role::bartender, true}, "567890"},
             {{"cleo", "Cleo", Role::manager, true}, "2468"},
             {{"dev", "Dev", Role::server, false}, "9999"}};
  r.stock = {{"steak", {true, std::nullopt}}};
  r.inventory = {{"tart", 6}};
  return r;
}
#pragma GCC diagnostic pop

// [SECTION] printers: every field, in order

inline std::string describe(const Line& l) {
  std::ostringstream o;
  o << "line " << l.id << " item=" << l.item_id << " name=" << l.name << " qty=" << l.quantity
    << " voided=" << l.voided_quantity << " seat=" << l.seat << " course=" << to_string(l.course)
    << " price=" << l.unit_price.in_cents() << " tax=" << l.tax_class_id << " stations=[";
  for (const auto& s : l.station_ids) o << s << ";";
  o << "] mods=[";
  for (const auto& m : l.modifiers)
    o << m.group_id << "/" << m.modifier_id << "/" << m.name << "/" << m.price.in_cents() << ";";
  o << "] note=" << l.note << " state=" << to_string(l.state) << " void_reason=" << l.void_reason
    << " voided_by=" << l.voided_by << " ordered=" << l.ordered_at << " sent=" << l.sent_at;
  return o.str();
}

inline std::string describe(const Check& c) {
  std::ostringstream o;
  o << "check " << c.id << " #" << c.number << " channel=" << to_string(c.channel)
    << " table=" << c.table_id << " tab=" << c.tab_name << " customer=" << c.customer_name
    << " phone=" << c.customer_phone << " promised=" << c.promised_at << " guests=" << c.guests
    << " server=" << c.server_id << " status=" << to_string(c.status) << " opened=" << c.opened_at
    << " closed=" << c.closed_at << " merged_into=" << c.merged_into << "\n";
  for (const auto& l : c.lines) o << "  " << describe(l) << "\n";
  for (const auto& d : c.discounts)
    o << "  discount " << d.id << " line=" << (d.line_id ? std::to_string(*d.line_id) : "-")
      << " kind=" << to_string(d.kind) << " amount=" << d.amount.in_cents()
      << " bp=" << d.basis_points << " reason=" << d.reason << " by=" << d.approved_by
      << " at=" << d.at << "\n";
  for (const auto& p : c.payments)
    o << "  payment " << p.id << " part=" << p.part << " tender=" << to_string(p.tender)
      << " amount=" << p.amount.in_cents() << " tendered=" << p.tendered.in_cents()
      << " change=" << p.change.in_cents() << " tip=" << p.tip.in_cents() << " ref=" << p.reference
      << " by=" << p.taken_by << " at=" << p.at << "\n";
  o << "  split " << to_string(c.split.kind) << " parts=" << c.split.parts;
  for (const auto& [line, parts] : c.split.assignments) {
    o << " " << line << "->";
    for (int p : parts) o << p << ",";
  }
  return o.str();
}

inline std::string describe(const Menu& m) {
  std::ostringstream o;
  for (const auto& s : m.stations)
    o << "station " << s.id << " " << s.name << " " << s.expo << " " << s.warn_after_s << " "
      << s.late_after_s << "\n";
  for (const auto& t : m.tax_classes)
    o << "tax " << t.id << " " << t.name << " " << t.rate_ppm << " " << t.inclusive << "\n";
  for (const auto& c : m.categories) o << "category " << c.id << " " << c.name << "\n";
  for (const auto& g : m.modifier_groups) {
    o << "group " << g.id << " " << g.name << " " << g.min_select << ".." << g.max_select << ":";
    for (const auto& mod : g.modifiers)
      o << " " << mod.id << "/" << mod.name << "/" << mod.price.in_cents();
    o << "\n";
  }
  for (const auto& i : m.items) {
    o << "item " << i.id << " " << i.name << " " << i.category_id << " " << i.price.in_cents()
      << " " << i.tax_class_id << " " << to_string(i.course) << " recipe:";
    for (const auto& p : i.recipe) o << " " << p.ingredient_id << "x" << p.quantity;
    o << " stations:";
    for (const auto& s : i.station_ids) o << " " << s;
    o << " groups:";
    for (const auto& g : i.modifier_group_ids) o << " " << g;
    o << "\n";
  }
  return o.str();
}

inline std::string describe(const Floor& f) {
  std::ostringstream o;
  for (const auto& r : f.rooms) o << "room " << r.id << " " << r.name << "\n";
  for (const auto& t : f.tables)
    o << "table " << t.id << " " << t.room_id << " " << t.name << " " << t.seats << " " << t.x
      << "," << t.y << " " << t.width << "x" << t.height << " " << to_string(t.shape) << "\n";
  return o.str();
}

inline std::string describe(const std::vector<StaffMember>& staff) {
  std::ostringstream o;
  for (const auto& s : staff)
    o << s.id << " " << s.name << " " << to_string(s.role) << " " << s.active << "\n";
  return o.str();
}

inline std::string describe(const Stock& stock) {
  std::ostringstream o;
  for (const auto& [id, level] : stock)
    o << id << " 86=" << level.eighty_sixed
      << " left=" << (level.remaining ? std::to_string(*level.remaining) : "-") << "\n";
  return o.str();
}

// [SECTION] a check with every field set

inline Line sample_line(std::int64_t id, int seat) {
  Line l;
  l.id = id;
  l.item_id = "burger";
  l.name = "Burger";
  l.quantity = 3;
  l.voided_quantity = 1;
  l.seat = seat;
  l.course = Course::mains;
  l.unit_price = Money::cents(1450);
  l.tax_class_id = "food";
  l.station_ids = {"grill", "expo"};
  l.modifiers = {{"temp", "temp-rare", "Rare", Money::zero()},
                 {"addons", "add-bacon", "Bacon", Money::cents(250)},
                 {"addons", "add-cheese", "Cheese", Money::cents(150)}};
  l.note = "no onion, allergy: sesame";
  l.state = LineState::sent;
  l.void_reason = "sent twice";
  l.voided_by = "cleo";
  l.ordered_at = 1'700'000'000'000 + id;
  l.sent_at = 1'700'000'060'000 + id;
  return l;
}

// Check `id` with lines first_line, first_line+1, first_line+2 and ids for its discounts
// and payments taken from id * 10.
inline Check sample_check(std::int64_t id, std::int64_t first_line) {
  Check c;
  c.id = id;
  c.number = 1000 + id;
  c.channel = Channel::delivery;
  c.table_id = "12";
  c.tab_name = "Dana";
  c.customer_name = "Lee";
  c.customer_phone = "+1 555 0100";
  c.promised_at = 1'700'000'900'000;
  c.guests = 4;
  c.server_id = "ana";
  c.status = CheckStatus::open;
  c.opened_at = 1'699'999'990'000;
  c.closed_at = 0;
  c.lines = {sample_line(first_line, 1), sample_line(first_line + 1, 2),
             sample_line(first_line + 2, 0)};
  c.lines[1].state = LineState::new_;
  c.lines[1].voided_quantity = 0;
  c.lines[1].course = Course::drinks;
  c.lines[1].modifiers.clear();
  c.lines[2].quantity = 1;
  c.lines[2].state = LineState::voided;
  c.lines[2].station_ids = {};
  c.discounts = {
      {id * 10 + 1, first_line, DiscountKind::percent, Money::zero(), 1500, "birthday", "cleo", 5},
      {id * 10 + 2, std::nullopt, DiscountKind::amount, Money::cents(500), 0, "late", "cleo", 6},
      {id * 10 + 3, first_line + 1, DiscountKind::comp, Money::zero(), 0, "cold", "cleo", 7}};
  c.payments = {{id * 10 + 1, 1, Tender::cash, Money::cents(2000), Money::cents(5000),
                 Money::cents(3000), Money::cents(300), "", "ana", 8},
                {id * 10 + 2, 2, Tender::card, Money::cents(1500), Money::cents(1500),
                 Money::zero(), Money::cents(200), "AUTH 991", "ana", 9}};
  c.split.kind = SplitKind::by_item;
  c.split.parts = 2;
  c.split.assignments = {{first_line, {2, 1}}, {first_line + 1, {1}}};
  return c;
}

// Runs work in a transaction and expects it to commit.
inline void commit(Store& store, const Work& work) {
  Status status = store.transaction(work);
  ASSERT_TRUE(status.ok()) << status.error().message;
}

}  // namespace brigade::store::testing
