// A paired device: a terminal, a kitchen screen, a console (posctl) or a gateway, known to
// the hub by its CURVE public key. What a device may do comes from its role and, for a
// kitchen screen, its stations; staff permissions then apply on top (staff.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/clock.h"

namespace brigade {

enum class DeviceRole {
  terminal,  // front of house: staff log in and take orders
  kitchen,   // a kitchen screen: works the tickets of its stations (or all, at expo)
  console,   // posctl or the hub's own console: a terminal that may also manage devices
};
std::string_view to_string(DeviceRole role);
std::optional<DeviceRole> device_role_from_string(std::string_view text);

// The station name that means "every station": an expo screen.
inline constexpr std::string_view kExpoStation = "expo";

struct PairedDevice {
  std::string id;    // "kds-grill", made from the name at pairing, unique
  std::string name;  // what a manager calls it: "Grill screen"
  DeviceRole role = DeviceRole::terminal;
  std::vector<std::string> stations;  // kitchen: its stations; ["expo"] for expo
  std::string public_key;             // CURVE, Z85
  EpochMs paired_at = 0;
  std::string paired_by;   // staff id of the manager who started the pairing, or "console"
  EpochMs revoked_at = 0;  // 0 while it may connect

  bool revoked() const { return revoked_at != 0; }
  bool expo() const;
  // A kitchen device works a station's tickets if the station is one of its own, or if it
  // is an expo screen. Terminals and consoles work none by themselves (a logged-in cook or
  // manager may, by role).
  bool works_station(std::string_view station) const;

  bool operator==(const PairedDevice&) const = default;
};

// A device id from a name: lower-case letters, digits and dashes ("Grill screen" ->
// "grill-screen"); empty if nothing usable is left.
std::string device_id_from_name(std::string_view name);

}  // namespace brigade
