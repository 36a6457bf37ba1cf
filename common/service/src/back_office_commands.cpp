// The manager's back office: menu edits while the store runs, and the audit log.
//
// Every menu edit works on the menu as the restaurant file writes it: the edit changes that
// document, and the restaurant file's own reader checks the result whole. So an edit is
// held to exactly the rules of the file, and a refusal lists every problem with the entry,
// its id and the field. What changed, entry by entry, goes to the audit log.
#include <algorithm>
#include <set>
#include <utility>

#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "brigade/restaurant/menu_file.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

// An entry's id; "" when it has none or one that is not text (the menu's reader says so).
std::string id_of(const Json& entry) {
  if (!entry.is_object()) return {};
  auto id = entry.find("id");
  return id != entry.end() && id->is_string() ? id->get<std::string>() : std::string();
}

// The entry of `list` with this id, or nullptr.
const Json* entry_with_id(const Json& list, std::string_view id) {
  for (const Json& entry : list)
    if (id_of(entry) == id) return &entry;
  return nullptr;
}

Json problems_json(const std::vector<MenuProblem>& problems) {
  Json list = Json::array();
  for (const MenuProblem& p : problems)
    list.push_back({{"where", p.where}, {"id", p.id}, {"field", p.field}, {"why", p.why}});
  return list;
}

Refusal menu_refusal(const std::vector<MenuProblem>& problems) {
  std::string message = problems.size() == 1 ? "the menu was not changed: "
                                             : "the menu was not changed (" +
                                                   std::to_string(problems.size()) + " problems): ";
  for (std::size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i].text();
  return {std::string(to_string(Errc::invalid_menu)), message, problems_json(problems)};
}

std::vector<std::string> ids_of(const Json& list) {
  std::vector<std::string> ids;
  for (const Json& entry : list) ids.push_back(id_of(entry));
  return ids;
}

}  // namespace

// One entry per added, changed, retired or removed entry; one per kind whose order changed.
Status OrderService::Impl::audit_menu_change(const Call& call, const Json& before,
                                             const Json& after) {
  for (std::string_view kind : protocol::kMenuKinds) {
    const std::string list = protocol::menu_list_of(kind);
    const Json& old_list = before.value(list, Json::array());
    const Json& new_list = after.value(list, Json::array());
    for (const Json& entry : new_list) {
      const std::string id = id_of(entry);
      const Json* old_entry = entry_with_id(old_list, id);
      if (old_entry && *old_entry == entry) continue;
      std::string what = !old_entry ? "added" : "changed";
      if (kind == "item" && old_entry &&
          old_entry->value("retired", false) != entry.value("retired", false))
        what = entry.value("retired", false) ? "retired" : "back_on_menu";
      if (auto s = record(call, "menu." + std::string(kind) + "." + what,
                          std::string(kind) + " " + id, old_entry ? *old_entry : Json(), entry);
          !s)
        return s;
    }
    for (const Json& entry : old_list) {
      const std::string id = id_of(entry);
      if (!entry_with_id(new_list, id))
        if (auto s = record(call, "menu." + std::string(kind) + ".removed",
                            std::string(kind) + " " + id, entry, Json());
            !s)
          return s;
    }
    // Order alone: the same ids in another order.
    std::vector<std::string> old_ids = ids_of(old_list), new_ids = ids_of(new_list);
    std::vector<std::string> old_kept, new_kept;
    for (const auto& id : old_ids)
      if (std::find(new_ids.begin(), new_ids.end(), id) != new_ids.end()) old_kept.push_back(id);
    for (const auto& id : new_ids)
      if (std::find(old_ids.begin(), old_ids.end(), id) != old_ids.end()) new_kept.push_back(id);
    if (old_kept != new_kept)
      if (auto s = record(call, "menu." + std::string(kind) + ".reordered", list, Json(old_kept),
                          Json(new_kept));
          !s)
        return s;
  }
  return success();
}

Answer OrderService::Impl::change_menu(Call& call, Json document, std::string_view action) {
  MenuReading reading = read_menu_json(document);
  if (!reading.ok()) return menu_refusal(reading.problems);
  if (reading.menu == menu)  // nothing to do: no new version, no event
    return Json{{"menu_version", store.menu_version()}, {"changed", false}};
  const Json before = menu_json(menu);
  if (auto s = store.save_menu(reading.menu); !s) return s.error();
  // The cache changes now, but the transaction may still be undone after this (a later
  // write, the commit): handle() puts the old menu back then.
  menu_before_command = std::exchange(menu, std::move(reading.menu));
  if (auto s = audit_menu_change(call, before, menu_json(menu)); !s) return s.error();
  const std::int64_t version = store.menu_version();
  // A recipe or an ingredient changed what each item's counts leave: the levels go along.
  emit(event::menu_changed, {std::string(topic::menu)},
       {{"menu_version", version},
        {"menu", protocol::to_json(menu)},
        {"stock", protocol::to_json(stock_now())},
        {"inventory", protocol::inventory_json(menu, store.load_inventory())},
        {"action", action},
        {"by", call.actor()}},
       call.now);
  return Json{{"menu_version", version}, {"changed", true}};
}

Answer OrderService::Impl::save_menu_entry(Call& call) {
  protocol::SaveMenuEntry cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::edit_menu, "editing the menu")) return *r;
  Json document = menu_json(menu);
  Json& list = document[protocol::menu_list_of(cmd.entry_kind)];
  if (!list.is_array()) list = Json::array();
  const std::string id = id_of(cmd.entry);
  bool replaced = false;
  for (Json& entry : list)
    if (id_of(entry) == id && !id.empty()) {
      entry = cmd.entry;
      replaced = true;
    }
  if (!replaced) list.push_back(cmd.entry);
  return change_menu(call, std::move(document), "saved " + cmd.entry_kind + " " + id);
}

Answer OrderService::Impl::remove_menu_entry(Call& call) {
  protocol::RemoveMenuEntry cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::edit_menu, "editing the menu")) return *r;
  Json document = menu_json(menu);
  Json& list = document[protocol::menu_list_of(cmd.entry_kind)];
  auto it =
      std::find_if(list.begin(), list.end(), [&](const Json& e) { return id_of(e) == cmd.id; });
  if (it == list.end())
    return fail(Errc::not_found, "the menu has no " + cmd.entry_kind + " '" + cmd.id + "'");
  // Old checks and reports still name an item and its category: it is retired, not removed.
  if (cmd.entry_kind == "item")
    (*it)["retired"] = true;
  else
    list.erase(it);
  return change_menu(
      call, std::move(document),
      (cmd.entry_kind == "item" ? "retired item " : "removed " + cmd.entry_kind + " ") + cmd.id);
}

Answer OrderService::Impl::reorder_menu(Call& call) {
  protocol::ReorderMenu cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::edit_menu, "editing the menu")) return *r;
  Json document = menu_json(menu);
  Json& list = document[protocol::menu_list_of(cmd.entry_kind)];
  std::vector<std::string> have = ids_of(list), asked = cmd.ids;
  std::sort(have.begin(), have.end());
  std::sort(asked.begin(), asked.end());
  if (have != asked)
    return fail(Errc::invalid_argument, "a new order must list every " + cmd.entry_kind +
                                            " of the menu once (" + std::to_string(have.size()) +
                                            " of them), and nothing else");
  Json ordered = Json::array();
  for (const auto& id : cmd.ids) ordered.push_back(*entry_with_id(list, id));
  list = std::move(ordered);
  return change_menu(call, std::move(document),
                     "reordered " + protocol::menu_list_of(cmd.entry_kind));
}

Answer OrderService::Impl::import_menu(Call& call) {
  protocol::ImportMenu cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::edit_menu, "importing the menu")) return *r;
  Json document = cmd.menu;
  // An item the file leaves out may be on old checks: it stays, retired, as it was.
  if (document.is_object() && document.contains("items") && document["items"].is_array()) {
    const Json current = menu_json(menu);
    const Json no_ingredients = Json::array();
    const Json& ingredients =
        document.contains("ingredients") ? document["ingredients"] : no_ingredients;
    for (const Json& item : current["items"]) {
      if (entry_with_id(document["items"], id_of(item))) continue;
      Json kept = item;
      kept["retired"] = true;
      // A retired item sells nothing: its recipe keeps only what the file still has.
      if (kept.contains("recipe")) {
        Json recipe = Json::array();
        for (const Json& part : kept["recipe"])
          if (ingredients.is_array() && entry_with_id(ingredients, part.value("ingredient", "")))
            recipe.push_back(part);
        kept["recipe"] = recipe;
        if (recipe.empty()) kept.erase("recipe");
      }
      document["items"].push_back(std::move(kept));
    }
  }
  return change_menu(call, std::move(document), "imported the menu");
}

// [SECTION] who may do what

Answer OrderService::Impl::set_permission(Call& call) {
  protocol::SetPermission cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_staff, "changing what a role may do")) return *r;
  // Someone must always be able to give permissions back.
  if (cmd.role == Role::manager && cmd.permission == Permission::manage_staff && !cmd.allowed)
    return fail(Errc::invalid_argument,
                "managers always keep manage_staff: without it nobody could give a permission "
                "back");
  if (permissions.allows(cmd.role, cmd.permission) == cmd.allowed)
    return Json{{"changed", false}, {"permissions", protocol::to_json(permissions)}};
  Json before = Json::array();
  for (Permission p : permissions.of(cmd.role)) before.push_back(to_string(p));
  if (auto s = store.save_permission(cmd.role, cmd.permission, cmd.allowed); !s) return s.error();
  Permissions changed = permissions;
  changed.set(cmd.role, cmd.permission, cmd.allowed);
  Json after = Json::array();
  for (Permission p : changed.of(cmd.role)) after.push_back(to_string(p));
  if (auto s = record(call, cmd.allowed ? "staff.permission.granted" : "staff.permission.revoked",
                      "role " + std::string(to_string(cmd.role)) + ": " +
                          std::string(to_string(cmd.permission)),
                      before, after);
      !s)
    return s.error();
  // Kept in memory only once nothing after this can undo the command (the reply's save
  // is last): a refused or failed command leaves the table as it was.
  permissions_before_command = std::exchange(permissions, std::move(changed));
  emit(event::permissions_changed, {std::string(topic::staff)},
       {{"permissions", protocol::to_json(permissions)},
        {"role", to_string(cmd.role)},
        {"permission", to_string(cmd.permission)},
        {"allowed", cmd.allowed},
        {"by", call.actor()}},
       call.now);
  return Json{{"changed", true}, {"permissions", protocol::to_json(permissions)}};
}

// [SECTION] the audit log

Status OrderService::Impl::record(const Call& call, std::string action, std::string subject,
                                  const Json& before, const Json& after, std::string reason) {
  store::AuditEntry entry;
  entry.at = call.now;
  entry.action = std::move(action);
  entry.staff_id = call.staff ? call.staff->id : std::string();
  entry.approved_by = call.approved_by;
  entry.device = call.device_id();
  entry.subject = std::move(subject);
  entry.reason = std::move(reason);
  entry.before = before.is_null() ? std::string() : before.dump();
  entry.after = after.is_null() ? std::string() : after.dump();
  return store.append_audit(entry);
}

Answer OrderService::Impl::list_audit(Call& call) {
  protocol::ListAudit cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::run_reports, "reading the audit log")) return *r;
  store::AuditFilter filter;
  filter.since = cmd.since.value_or(0);
  filter.until = cmd.until.value_or(INT64_MAX);
  filter.after_id = cmd.after_id.value_or(0);
  filter.action = cmd.action.value_or("");
  filter.staff_id = cmd.staff_id.value_or("");
  filter.limit = cmd.limit.value_or(200);
  Json entries = Json::array();
  for (const store::AuditEntry& e : store.load_audit(filter)) {
    auto parsed = [](const std::string& text) { return text.empty() ? Json() : Json::parse(text); };
    entries.push_back({{"id", e.id},
                       {"at", e.at},
                       {"action", e.action},
                       {"staff_id", e.staff_id},
                       {"approved_by", e.approved_by},
                       {"device", e.device},
                       {"subject", e.subject},
                       {"reason", e.reason},
                       {"before", parsed(e.before)},
                       {"after", parsed(e.after)}});
  }
  return Json{{"entries", entries}};
}

}  // namespace brigade::service
