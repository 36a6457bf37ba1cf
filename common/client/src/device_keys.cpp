#include "brigade/client/device_keys.h"

#include <sstream>

#include "brigade/security/key_file.h"

namespace brigade::client {

namespace fs = std::filesystem;

Result<DeviceKeys> load_device_keys(const fs::path& file) {
  auto own = security::load_or_create_keypair(file);
  if (!own) return own.error();
  auto text = security::read_secret_file(file);
  if (!text) return text.error();
  DeviceKeys keys;
  keys.own = *own;
  std::istringstream in(*text);
  std::string word, value;
  while (in >> word >> value) {
    if (word == "hub") keys.hub_public_key = value;
    if (word == "device") keys.device_id = value;
    if (word == "role") keys.role = value;
    if (word == "station") keys.stations.push_back(value);
  }
  if (keys.paired() && !security::valid_curve_key(keys.hub_public_key))
    return fail(Errc::invalid_argument,
                "the key file " + file.string() + " holds a hub key that is not a CURVE key");
  return keys;
}

Status remember_pairing(const fs::path& file, DeviceKeys& keys, const Paired& paired) {
  std::string text = "public " + keys.own.public_key + "\nsecret " + keys.own.secret_key +
                     "\nhub " + paired.hub_public_key + "\ndevice " + paired.device_id + "\nrole " +
                     paired.role + "\n";
  for (const auto& station : paired.stations) text += "station " + station + "\n";
  if (auto saved = security::replace_secret_file(file, text); !saved) return saved;
  keys.hub_public_key = paired.hub_public_key;
  keys.device_id = paired.device_id;
  keys.role = paired.role;
  keys.stations = paired.stations;
  return success();
}

Result<DeviceKeys> console_keys(const fs::path& hub_keys_folder) {
  fs::path file = hub_keys_folder / "hub.curve";
  std::error_code ec;
  // Never make a hub key here: a wrong folder would give a console no hub knows.
  if (!fs::exists(file, ec))
    return fail(Errc::not_found, "no hub key in " + hub_keys_folder.string() +
                                     ": give the hub's keys folder (pos-server --keys)");
  auto own = security::load_or_create_keypair(file);
  if (!own) return own.error();
  return DeviceKeys{*own, own->public_key, "console", "console", {}};
}

Result<std::optional<DeviceKeys>> set_up_device(
    const DeviceSetup& setup, const std::function<void(const std::string&)>& say) {
  if (!setup.console.empty()) {
    if (!setup.key_file.empty() || !setup.pair_code.empty())
      return fail(Errc::invalid_argument, "the console uses the hub's keys: no --key or --pair");
    auto keys = console_keys(setup.console);
    if (!keys) return keys.error();
    return std::optional<DeviceKeys>(*keys);
  }
  if (setup.key_file.empty()) {
    if (!setup.pair_code.empty())
      return fail(Errc::invalid_argument, "pairing needs a key file to keep the keys: --key FILE");
    return std::optional<DeviceKeys>();
  }
  auto loaded = load_device_keys(setup.key_file);
  if (!loaded) return loaded.error();
  DeviceKeys keys = *loaded;
  if (!setup.pair_code.empty()) {
    if (keys.paired()) {
      // A hub pairs a key once, and a revoked key never again: pairing anew is a new pair,
      // written over the old only once the hub has taken it.
      keys = DeviceKeys{security::make_curve_keypair(), "", "", "", {}};
    }
    say("pairing this device, key fingerprint " + keys.fingerprint());
    auto paired = pair_with_hub(setup.pairing_endpoint, setup.pair_code, keys.own);
    if (!paired) return paired.error();
    if (auto saved = remember_pairing(setup.key_file, keys, *paired); !saved) return saved.error();
    say("paired as '" + paired->device_id + "' (" + paired->role + "); the hub's fingerprint is " +
        security::key_fingerprint(paired->hub_public_key));
  } else if (!keys.paired()) {
    return fail(Errc::not_paired,
                "this device is not paired yet (key fingerprint " + keys.fingerprint() +
                    "): ask a manager for a pairing code (posctl devices pair) and start it "
                    "with --pair CODE");
  }
  return std::optional<DeviceKeys>(keys);
}

}  // namespace brigade::client
