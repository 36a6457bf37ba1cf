// Staff: who works here (added, changed, made inactive) and their PINs. PINs are never
// kept, logged or echoed: the store keeps a keyed hash, the audit log only that one changed.
#include <algorithm>
#include <cctype>

#include "brigade/protocol/codec.h"
#include "brigade/protocol/commands.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

Json member_json(const StaffMember& member) {
  Json j = protocol::to_json(member);
  j["active"] = member.active;
  return j;
}

bool plain_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

Answer OrderService::Impl::save_staff(Call& call) {
  protocol::SaveStaff cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_staff, "changing staff")) return *r;
  if (!plain_id(cmd.id))
    return fail(Errc::invalid_argument,
                "'" + cmd.id + "' is not a valid id (up to 64 letters, digits, '-', '_' or '.')");
  const std::optional<StaffMember> before = store.find_staff(cmd.id);
  if (!cmd.active && !cmd.pin.empty())
    return fail(Errc::invalid_argument, "someone inactive has no PIN: leave the PIN out");
  if (cmd.active && cmd.pin.empty() && (!before || !before->active))
    return fail(Errc::invalid_argument, cmd.name + " needs a PIN to log in with");
  // Nobody takes away their own way back in (nor approves it): another manager must.
  const bool self = (call.staff && call.staff->id == cmd.id) || call.approved_by == cmd.id;
  if (self && (!cmd.active || !permissions.allows(cmd.role, Permission::manage_staff)))
    return fail(Errc::invalid_argument,
                "you cannot make yourself inactive or take away your own staff rights: ask "
                "another manager");
  StaffMember member{cmd.id, cmd.name, cmd.role, cmd.active};
  if (before && *before == member && cmd.pin.empty())  // nothing to do: nothing recorded
    return Json{{"staff", member_json(member)}};
  if (auto s = store.save_staff(member); !s) return s.error();
  if (!cmd.pin.empty())
    if (auto s = store.set_pin(member.id, cmd.pin); !s) return s.error();
  // Made inactive, given another role or another PIN: whatever they were logged in as ends.
  if (before && !(call.staff && call.staff->id == member.id) &&
      (before->active != member.active || before->role != member.role || !cmd.pin.empty()))
    if (auto s = end_sessions_of(member.id, call.now); !s) return s.error();
  const std::string action = !before                            ? "staff.added"
                             : before->active && !member.active ? "staff.deactivated"
                             : !before->active && member.active ? "staff.reactivated"
                                                                : "staff.changed";
  if (auto s = record(call, action, "staff " + member.id, before ? member_json(*before) : Json(),
                      member_json(member));
      !s)
    return s.error();
  if (!cmd.pin.empty() && before)
    if (auto s = record(call, "staff.pin_changed", "staff " + member.id, nullptr, nullptr); !s)
      return s.error();
  emit(event::staff_changed, {std::string(topic::staff)},
       {{"staff", member_json(member)}, {"by", call.actor()}}, call.now);
  return Json{{"staff", member_json(member)}};
}

Answer OrderService::Impl::change_pin(Call& call) {
  protocol::ChangePin cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  const bool own = call.staff && call.staff->id == cmd.staff_id;
  if (own && !cmd.current_pin.empty()) {
    // The holder proves it is them: a terminal left logged in is not enough.
    if (auto locked = pin_locked(call, PinUse::approval)) return *locked;
    auto holder = store.staff_by_pin(cmd.current_pin);
    if (!holder) return holder.error();
    if (!holder.value() || holder.value()->id != cmd.staff_id) {
      pin_wrong(call, PinUse::approval);
      return fail(Errc::wrong_pin, "that is not your current PIN");
    }
    pin_right(call, PinUse::approval);
  } else if (auto r = require(call, Permission::manage_staff,
                              own ? "changing your PIN without your current one"
                                  : "changing someone else's PIN")) {
    return *r;
  }
  const std::optional<StaffMember> member = store.find_staff(cmd.staff_id);
  if (!member) return fail(Errc::not_found, "no staff member '" + cmd.staff_id + "'");
  if (!member->active)
    return fail(Errc::invalid_argument,
                member->name + " is inactive: make them active with a new PIN instead");
  if (auto s = store.set_pin(cmd.staff_id, cmd.pin); !s) return s.error();
  // Someone else's PIN changed: their sessions end, so the old PIN's holder is out.
  if (!own)
    if (auto s = end_sessions_of(cmd.staff_id, call.now); !s) return s.error();
  if (auto s = record(call, "staff.pin_changed", "staff " + cmd.staff_id, nullptr, nullptr); !s)
    return s.error();
  return Json{{"staff", member_json(*member)}};
}

Answer OrderService::Impl::list_staff(Call& call) {
  call.args.no_other_fields();
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_staff, "listing staff")) return *r;
  Json list = Json::array();
  for (const StaffMember& s : store.load_staff()) list.push_back(member_json(s));
  return Json{{"staff", list}};
}

}  // namespace brigade::service
