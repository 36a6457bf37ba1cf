// What the service tests read back from the store: everything a command could change,
// as one JSON value to compare before and after, and a few small readers.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "brigade/protocol/codec.h"
#include "brigade/restaurant/menu_file.h"
#include "hub_fixture.h"

namespace brigade::testing {

// Ids are small in these tests: every check and ticket with an id up to this is read.
inline constexpr std::int64_t kMaxIdRead = 64;

inline Json ticket_state(const Ticket& t) {
  Json stations = Json::array();
  for (const auto& s : t.stations)
    stations.push_back({s.station_id, s.acknowledged_at, s.bumped_at, s.alerted});
  Json done = Json::array();
  for (const auto& [line, station] : t.items_done) done.push_back({line, station});
  return {{"id", t.id},
          {"check_id", t.check_id},
          {"status", to_string(t.status)},
          {"course", to_string(t.course)},
          {"addition", t.addition},
          {"rush", t.rush},
          {"created_at", t.created_at},
          {"fired_at", t.fired_at},
          {"served_at", t.served_at},
          {"line_ids", t.line_ids},
          {"stations", stations},
          {"items_done", done}};
}

// Every check (open or not), every ticket, stock, the event log's head and topic heads.
inline Json hub_state(ServiceHub& hub) {
  store::Store& s = hub.store();
  const Menu menu = s.load_menu();
  Json checks = Json::array();
  Json tickets = Json::array();
  for (std::int64_t id = 1; id <= kMaxIdRead; ++id) {
    if (auto c = s.load_check(id)) checks.push_back(protocol::to_json(c.value(), menu.tax_classes));
    if (auto t = s.load_ticket(id)) tickets.push_back(ticket_state(t.value()));
  }
  Json heads = Json::object();
  for (const auto& [topic, seq] : s.topic_heads()) heads[topic] = seq;
  return {{"seq", s.last_sequence()},
          {"heads", heads},
          {"checks", checks},
          {"tickets", tickets},
          {"stock", protocol::to_json(s.load_stock())}};
}

inline Json line_on(const Json& check, std::int64_t line_id) {
  for (const auto& l : check["lines"])
    if (l["id"] == line_id) return l;
  return nullptr;
}

inline Check check_in_store(ServiceHub& hub, std::int64_t check_id) {
  auto c = hub.store().load_check(check_id);
  EXPECT_TRUE(c.ok()) << "check " << check_id;
  return c.ok() ? c.value() : Check{};
}

// Portions of an item its counted ingredients still cover; nullopt when none is counted.
inline std::optional<int> remaining(ServiceHub& hub, const std::string& item_id) {
  const Menu menu = hub.store().load_menu();
  const MenuItem* item = menu.find_item(item_id);
  return item ? portions_left(*item, hub.store().load_inventory()) : std::nullopt;
}

// On hand of an ingredient; nullopt when it is not counted.
inline std::optional<std::int64_t> on_hand(ServiceHub& hub, const std::string& ingredient_id) {
  const Inventory inventory = hub.store().load_inventory();
  auto it = inventory.find(ingredient_id);
  return it == inventory.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

// The item as the restaurant file writes it, from the hub's menu now: what
// save_menu_entry takes.
inline Json item_entry(ServiceHub& hub, const std::string& id) {
  const Json menu = menu_json(hub.store().load_menu());
  for (const Json& item : menu["items"])
    if (item["id"] == id) return item;
  ADD_FAILURE() << "no item " << id;
  return Json::object();
}

inline bool eighty_sixed(ServiceHub& hub, const std::string& item_id) {
  Stock stock = hub.store().load_stock();
  auto it = stock.find(item_id);
  return it != stock.end() && it->second.eighty_sixed;
}

// The events a reply published, parsed: {seq, prev, topic, type, at, body}.
inline std::vector<Json> published(const std::vector<service::Publication>& publications) {
  std::vector<Json> out;
  for (const auto& p : publications) out.push_back(Json::parse(p.body));
  return out;
}

inline std::vector<std::string> types_published(const Reply& r) {
  std::vector<std::string> types;
  for (const auto& e : published(r.publications)) types.push_back(e["type"]);
  return types;
}

// Opens a dine-in check and returns its id (0 on failure, with the test failed).
inline std::int64_t open_table(Device& d, const std::string& table, int guests = 2) {
  Reply r = d.call("open_check", {{"channel", "dine_in"}, {"table_id", table}, {"guests", guests}});
  EXPECT_TRUE(r.ok()) << r.json.dump();
  return r.ok() ? r.result()["check_id"].get<std::int64_t>() : 0;
}

// Adds a line and returns its id (0 on failure, with the test failed).
inline std::int64_t add_item(Device& d, std::int64_t check, const std::string& item,
                             Json extra = Json::object()) {
  Json args{{"check_id", check}, {"item_id", item}};
  args.update(extra);
  Reply r = d.call("add_line", args);
  EXPECT_TRUE(r.ok()) << item << ": " << r.json.dump();
  return r.ok() ? r.result()["line_id"].get<std::int64_t>() : 0;
}

// Sends the check and returns the ticket ids.
inline std::vector<std::int64_t> send_check(Device& d, std::int64_t check,
                                            Json extra = Json::object()) {
  Json args{{"check_id", check}};
  args.update(extra);
  Reply r = d.call("send", args);
  EXPECT_TRUE(r.ok()) << r.json.dump();
  return r.ok() ? r.result()["ticket_ids"].get<std::vector<std::int64_t>>()
                : std::vector<std::int64_t>{};
}

}  // namespace brigade::testing
