#include "brigade/domain/device.h"

#include <algorithm>
#include <cctype>

namespace brigade {

std::string_view to_string(DeviceRole role) {
  switch (role) {
    case DeviceRole::terminal:
      return "terminal";
    case DeviceRole::kitchen:
      return "kitchen";
    case DeviceRole::console:
      return "console";
  }
  return "terminal";
}

std::optional<DeviceRole> device_role_from_string(std::string_view text) {
  for (DeviceRole role : {DeviceRole::terminal, DeviceRole::kitchen, DeviceRole::console})
    if (to_string(role) == text) return role;
  return std::nullopt;
}

bool PairedDevice::expo() const {
  return role == DeviceRole::kitchen &&
         std::find(stations.begin(), stations.end(), kExpoStation) != stations.end();
}

bool PairedDevice::works_station(std::string_view station) const {
  if (role != DeviceRole::kitchen || revoked()) return false;
  return expo() || std::find(stations.begin(), stations.end(), station) != stations.end();
}

std::string device_id_from_name(std::string_view name) {
  std::string id;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 128) {
      id += static_cast<char>(std::tolower(u));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 48) id.resize(48);
  return id;
}

}  // namespace brigade
