// A device's keys (docs/protocol.md section 10) and how a program starts with them. Each
// terminal, kitchen screen and posctl keeps its own key file (--key FILE, mode 0600):
//   public <Z85>   its CURVE key pair, made on first use; the secret never leaves the file
//   secret <Z85>
//   hub <Z85>      the hub's public key, written once pairing has proven it
//   device <id>    the id the hub gave the device
//   role <role>    what it was paired as, and a kitchen screen's stations:
//   station <id>   one line each ("expo" for the pass)
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "brigade/client/pairing.h"
#include "brigade/domain/result.h"
#include "brigade/net/command_client.h"
#include "brigade/security/curve.h"

namespace brigade::client {

struct DeviceKeys {
  security::CurveKeyPair own;
  std::string hub_public_key;         // empty until paired
  std::string device_id;              // empty until paired; "console" for the hub's own keys
  std::string role;                   // terminal, kitchen or console, once paired
  std::vector<std::string> stations;  // a kitchen screen's, as the hub recorded them

  bool paired() const { return !hub_public_key.empty(); }
  std::string fingerprint() const { return security::key_fingerprint(own.public_key); }
  net::ClientCurve curve() const { return {hub_public_key, own.public_key, own.secret_key}; }
};

// Reads the key file, making the device's key pair if the file does not exist yet.
Result<DeviceKeys> load_device_keys(const std::filesystem::path& file);
// Writes the pairing's hub key and device id into the key file (and into `keys`).
Status remember_pairing(const std::filesystem::path& file, DeviceKeys& keys, const Paired& paired);
// The console's keys: the hub's own pair, from the hub's keys folder (section 10).
Result<DeviceKeys> console_keys(const std::filesystem::path& hub_keys_folder);

// The network options every program takes: --key, --pair, --pairing (and posctl's --console).
struct DeviceSetup {
  std::string key_file;   // empty: no keys, plain text (a development hub only)
  std::string console;    // the hub's keys folder: connect as the console
  std::string pair_code;  // pair with this code before connecting
  std::string pairing_endpoint = "tcp://127.0.0.1:5557";
};

// The keys to connect with, pairing first when a code is given; none for plain text.
// Refuses a key file that is not paired yet when there is no code, saying how to pair.
// `say` hears what a person should read: the fingerprint, the device it was paired as.
Result<std::optional<DeviceKeys>> set_up_device(const DeviceSetup& setup,
                                                const std::function<void(const std::string&)>& say);

inline std::optional<net::ClientCurve> curve_of(const std::optional<DeviceKeys>& keys) {
  if (!keys) return std::nullopt;
  return keys->curve();
}

}  // namespace brigade::client
