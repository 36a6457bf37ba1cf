// The key options every program takes (docs/protocol.md section 10), on a CLI11 app. Only
// the programs include this: the client library itself does not depend on CLI11.
#pragma once

#include <CLI/CLI.hpp>

#include "brigade/client/device_keys.h"

namespace brigade::client {

inline void add_device_options(CLI::App& app, DeviceSetup& setup) {
  app.add_option("--key", setup.key_file,
                 "this device's key file (made on first use, mode 0600); without one the "
                 "device speaks plain text, which only a development hub accepts");
  app.add_option("--pair", setup.pair_code,
                 "pair with the hub first, with the code a manager got from "
                 "'posctl devices pair' (needs --key)");
  app.add_option("--pairing", setup.pairing_endpoint, "the hub's pairing endpoint")
      ->capture_default_str();
}

}  // namespace brigade::client
