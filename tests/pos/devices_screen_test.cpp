#include "devices_screen.h"

#include <gtest/gtest.h>

#include "brigade/security/curve.h"
#include "brigade/security/pairing.h"
#include "terminal_rig.h"

using namespace brigade;
using namespace brigade::terminal;
using brigade::testing::kManagerPin;
using brigade::testing::kServerPin;
using brigade::testing::TerminalRig;

namespace {

const security::CurveKeyPair& hub_keys() {
  static const security::CurveKeyPair keys = security::make_curve_keypair();
  return keys;
}

// The new device presents the code on the pairing socket, as client::pair_with_hub does.
brigade::testing::Reply pair_device(TerminalRig& t, const std::string& code,
                                    const security::CurveKeyPair& own) {
  brigade::testing::Device unpaired(t.hub.hub(), "unpaired", protocol::Peer{"", true});
  brigade::testing::Reply r =
      unpaired.call("pair", {{"public_key", own.public_key},
                             {"proof", security::device_pairing_proof(code, own.public_key)}});
  t.hub.published(r);
  t.frame();
  t.frame();  // the screen sees the device.paired event and asks for the list again
  return r;
}

const Json* listed(const TerminalRig& t, const std::string& id) {
  const CommandRecord* list = t.controller.last("list_devices");
  if (!list || list->state != CommandRecord::State::done) return nullptr;
  for (const auto& d : list->result["devices"])
    if (d["id"] == id) return &d;
  return nullptr;
}

}  // namespace

TEST(DevicesScreen, TheManagerPairsTheGrillScreenAndRevokesItLater) {
  TerminalRig t(TerminalRig::KeyedHub{hub_keys().public_key});
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("office.devices");
  ASSERT_EQ(t.app.screen(), Screen::devices);
  EXPECT_FALSE(t.shows("devices.device.grill-screen"));

  // A kitchen screen needs a name and its stations before the hub is asked.
  t.tap("devices.name.field");
  t.type("Grill screen");
  t.tap("devices.role.kitchen");
  t.tap("devices.start");  // no station yet: not offered
  EXPECT_EQ(t.controller.last("start_pairing"), nullptr);
  t.tap("devices.station.grill");
  t.tap("devices.start");
  const CommandRecord* started = t.controller.last("start_pairing");
  ASSERT_NE(started, nullptr);
  ASSERT_EQ(started->state, CommandRecord::State::done) << started->message;
  EXPECT_EQ(started->result["name"], "Grill screen");
  EXPECT_EQ(started->result["stations"], Json::array({"grill"}));
  EXPECT_TRUE(t.shows("devices.code"));  // the code, large, for the new device

  // The screen types it in: it is paired, and every manager screen lists it at once.
  auto grill = security::make_curve_keypair();
  auto paired = pair_device(t, started->result["code"], grill);
  ASSERT_TRUE(paired.ok()) << paired.json.dump();
  ASSERT_NE(listed(t, "grill-screen"), nullptr);
  EXPECT_EQ((*listed(t, "grill-screen"))["fingerprint"],
            security::key_fingerprint(grill.public_key));
  ASSERT_TRUE(t.shows("devices.device.grill-screen"));

  // Stolen from the line: revoked, after a second tap to be sure.
  t.tap("devices.device.grill-screen");
  t.tap("devices.revoke");
  EXPECT_EQ(t.controller.last("revoke_device"), nullptr);
  t.tap("devices.revoke.confirm");
  const CommandRecord* revoked = t.controller.last("revoke_device");
  ASSERT_NE(revoked, nullptr);
  EXPECT_EQ(revoked->state, CommandRecord::State::done) << revoked->message;
  t.frame();
  ASSERT_NE(listed(t, "grill-screen"), nullptr);
  EXPECT_FALSE((*listed(t, "grill-screen"))["revoked_at"].is_null());
  EXPECT_FALSE(t.hub.hub().service().admits(grill.public_key));
  EXPECT_FALSE(t.shows("devices.revoke"));  // nothing more to revoke
}

TEST(DevicesScreen, OnlyAManagerSeesDevices) {
  TerminalRig t(TerminalRig::KeyedHub{hub_keys().public_key});
  t.log_in(kServerPin);
  t.tap("nav.office");  // "My hours": the server's own timesheet, and nothing else
  EXPECT_EQ(t.app.screen(), Screen::timesheet);
  EXPECT_FALSE(t.shows("office.devices"));
  t.app.handle(ShowDevices{}, t.now);  // even asked for directly
  EXPECT_NE(t.app.screen(), Screen::devices);
}

TEST(DevicesScreen, ADevelopmentHubSaysThereIsNothingToPair) {
  TerminalRig t;  // no keys
  t.log_in(kManagerPin);
  t.tap("nav.office");
  t.tap("office.devices");
  t.tap("devices.name.field");
  t.type("Bar terminal");
  t.tap("devices.start");
  const CommandRecord* started = t.controller.last("start_pairing");
  ASSERT_NE(started, nullptr);
  EXPECT_EQ(started->state, CommandRecord::State::refused);
  EXPECT_NE(started->message.find("development mode"), std::string::npos);
  EXPECT_FALSE(t.shows("devices.code"));
  EXPECT_FALSE(t.controller.notice().has_value());  // said on the screen, not the strip
}
