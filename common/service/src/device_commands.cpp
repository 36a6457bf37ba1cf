// Paired devices (docs/protocol.md section 10): a manager starts a pairing and gets a
// one-time code; the new device proves it knows the code on the pairing socket; a manager
// lists and revokes devices. The hub only ever admits the keys recorded here.
#include <algorithm>

#include "brigade/protocol/commands.h"
#include "brigade/security/curve.h"
#include "brigade/security/pairing.h"
#include "brigade/security/secrets.h"
#include "service_impl.h"

namespace brigade::service {

namespace {

// Wrong proofs on the pairing socket before every code in progress is cancelled: a code has
// 50 bits, so guessing is hopeless anyway, but a flood of tries is worth a manager's look.
constexpr int kMaxWrongPairingProofs = 20;

Json device_json(const PairedDevice& d) {
  return Json{{"id", d.id},
              {"name", d.name},
              {"role", to_string(d.role)},
              {"stations", d.stations},
              {"fingerprint", security::key_fingerprint(d.public_key)},
              {"paired_at", d.paired_at},
              {"paired_by", d.paired_by},
              {"revoked_at", d.revoked_at == 0 ? Json(nullptr) : Json(d.revoked_at)}};
}

}  // namespace

Answer OrderService::Impl::start_pairing(Call& call) {
  protocol::StartPairing cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_devices, "pairing a device")) return *r;
  if (options.hub_public_key.empty())
    return fail(Errc::forbidden,
                "this hub runs in development mode (no CURVE keys): there is nothing to pair");
  auto role = device_role_from_string(cmd.role);
  if (!role) return fail(Errc::invalid_argument, "role must be terminal, kitchen or console");
  if (device_id_from_name(cmd.name).empty())
    return fail(Errc::invalid_argument, "a device's name needs at least one letter or digit");
  if (*role == DeviceRole::kitchen) {
    if (cmd.stations.empty())
      return fail(Errc::invalid_argument,
                  "a kitchen screen needs its stations (or \"expo\" for the pass)");
    for (auto& s : cmd.stations) {
      const Station* station = menu.find_station(s);
      if (s != kExpoStation && !station)
        return fail(Errc::not_found, "'" + s + "' is not a station of this kitchen");
      if (station && station->expo) s = std::string(kExpoStation);  // the pass sees every station
    }
  } else if (!cmd.stations.empty()) {
    return fail(Errc::invalid_argument, "only a kitchen screen has stations");
  }

  // One pairing per name: asking again (a retry, a mistyped code) replaces the old code.
  std::erase_if(pairings, [&](const PendingPairing& p) {
    return p.name == cmd.name || p.expires_at <= call.now;
  });
  PendingPairing pairing{security::make_pairing_code(),
                         cmd.name,
                         *role,
                         cmd.stations,
                         !call.approved_by.empty() ? call.approved_by
                         : call.staff              ? call.staff->id
                                                   : call.device_id(),
                         call.now + options.pairing_code_ttl_ms};
  if (pairings.empty()) wrong_pairing_proofs = 0;
  pairings.push_back(pairing);
  if (options.audit)
    options.audit("pairing started for '" + cmd.name + "' (" + cmd.role + ") by " +
                  pairing.started_by);
  return Json{{"code", pairing.code},
              {"name", pairing.name},
              {"role", cmd.role},
              {"stations", pairing.stations},
              {"expires_at", pairing.expires_at},
              {"hub_fingerprint", security::key_fingerprint(options.hub_public_key)}};
}

Answer OrderService::Impl::pair(Call& call) {
  protocol::Pair cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (!security::valid_curve_key(cmd.public_key))
    return fail(Errc::invalid_argument,
                "public_key must be a CURVE public key (40 characters of Z85)");
  std::erase_if(pairings, [&](const PendingPairing& p) { return p.expires_at <= call.now; });
  auto match = std::find_if(pairings.begin(), pairings.end(), [&](const PendingPairing& p) {
    return security::same_secret(security::device_pairing_proof(p.code, cmd.public_key), cmd.proof);
  });
  if (match == pairings.end()) {
    // Counted only while a code could be guessed: stray tries between pairings do not
    // cancel the next one.
    if (!pairings.empty() && ++wrong_pairing_proofs >= kMaxWrongPairingProofs) {
      pairings.clear();
      wrong_pairing_proofs = 0;
      if (options.audit)
        options.audit("every pairing in progress was cancelled after " +
                      std::to_string(kMaxWrongPairingProofs) + " wrong codes");
    }
    return fail(Errc::wrong_pairing_code,
                "that pairing code is wrong or has expired: ask a manager for a new one");
  }
  PendingPairing pairing = *match;
  pairings.erase(match);  // one use, right or wrong afterwards
  wrong_pairing_proofs = 0;
  if (cmd.public_key == options.hub_public_key)
    return fail(Errc::invalid_argument, "that is the hub's own key");
  if (auto known = store.find_device_by_key(cmd.public_key))
    return fail(Errc::invalid_argument, "this key is already paired as '" + known->name +
                                            "': make a new key pair for a new device");

  PairedDevice device;
  device.name = pairing.name;
  device.role = pairing.role;
  device.stations = pairing.stations;
  device.public_key = cmd.public_key;
  device.paired_at = call.now;
  device.paired_by = pairing.started_by;
  // A unique id from the name: "grill-screen", then "grill-screen-2" for a second one.
  std::string base = device_id_from_name(pairing.name);
  device.id = base;
  for (int n = 2; store.find_device(device.id) || device.id == "console"; ++n)
    device.id = base + "-" + std::to_string(n);
  if (auto s = store.save_device(device); !s) return s.error();
  // The manager who started the pairing let it in; the device itself sent this command.
  store::AuditEntry paired;
  paired.at = call.now;
  paired.action = "device.paired";
  paired.staff_id = pairing.started_by;
  paired.device = device.id;
  paired.subject = "device " + device.id;
  paired.after = device_json(device).dump();
  if (auto s = store.append_audit(paired); !s) return s.error();
  emit(event::device_paired, {std::string(topic::staff)}, {{"device", device_json(device)}},
       call.now);
  return Json{{"device", device_json(device)},
              {"hub_public_key", options.hub_public_key},
              {"hub_proof",
               security::hub_pairing_proof(pairing.code, cmd.public_key, options.hub_public_key)}};
}

Answer OrderService::Impl::list_devices(Call& call) {
  call.args.no_other_fields();
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_devices, "listing devices")) return *r;
  Json devices = Json::array();
  for (const auto& d : store.load_devices()) devices.push_back(device_json(d));
  Json waiting = Json::array();
  for (const auto& p : pairings)
    if (p.expires_at > call.now)
      waiting.push_back(
          {{"name", p.name}, {"role", to_string(p.role)}, {"expires_at", p.expires_at}});
  return Json{{"devices", devices}, {"pairing", waiting}};
}

Answer OrderService::Impl::revoke_device(Call& call) {
  protocol::RevokeDevice cmd;
  protocol::read(call.args, cmd);
  if (!call.args.ok()) return refusal(call.args.error());
  if (auto r = require(call, Permission::manage_devices, "revoking a device")) return *r;
  auto device = store.find_device(cmd.device_id);
  if (!device) return fail(Errc::not_found, "no device '" + cmd.device_id + "' is paired");
  if (device->id == call.device_id())
    return fail(Errc::invalid_argument,
                "this is the device you are using: revoke it from another terminal");
  if (!device->revoked()) {
    device->revoked_at = call.now;
    if (auto s = store.save_device(*device); !s) return s.error();
    if (auto s =
            record(call, "device.revoked", "device " + device->id, nullptr, device_json(*device));
        !s)
      return s.error();
    emit(event::device_revoked, {std::string(topic::staff)}, {{"device", device_json(*device)}},
         call.now);
    reconnect_everyone = true;  // its open connections go now, not at its next reconnect
  }
  return Json{{"device", device_json(*device)}};
}

}  // namespace brigade::service
