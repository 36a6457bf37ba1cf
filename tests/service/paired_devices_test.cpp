// Issue 9's findings on who may send what, with a hub that has CURVE keys: the device a
// command acts under is the one whose key the transport authenticated (protocol::Peer),
// kitchen screens act only for their own stations, and kitchen commands from a terminal
// need a cook or manager logged in on it. (The sockets themselves: tests/hub/curve_test.)
#include <gtest/gtest.h>

#include "brigade/security/curve.h"
#include "hub_fixture.h"
#include "hub_state.h"

using namespace brigade;
using namespace brigade::testing;

namespace {

using Caller = brigade::testing::Device;  // a device sending commands; Device is the record

struct Keys {
  security::CurveKeyPair hub = security::make_curve_keypair();
  security::CurveKeyPair terminal = security::make_curve_keypair();
  security::CurveKeyPair grill = security::make_curve_keypair();
  security::CurveKeyPair expo = security::make_curve_keypair();
  security::CurveKeyPair revoked = security::make_curve_keypair();
  security::CurveKeyPair stranger = security::make_curve_keypair();
};

service::ServiceOptions secure(const Keys& keys) {
  service::ServiceOptions options;
  options.hub_public_key = keys.hub.public_key;
  return options;
}

protocol::Peer peer(const security::CurveKeyPair& keys) {
  return {keys.public_key, false};
}

class PairedDevices : public ::testing::Test {
 protected:
  void SetUp() override {
    auto paired = [&](std::string id, DeviceRole role, std::vector<std::string> stations,
                      const security::CurveKeyPair& k, EpochMs revoked_at = 0) {
      brigade::PairedDevice d;
      d.id = d.name = std::move(id);
      d.role = role;
      d.stations = std::move(stations);
      d.public_key = k.public_key;
      d.paired_at = hub.now;
      d.paired_by = "dana";
      d.revoked_at = revoked_at;
      return d;
    };
    auto saved = hub.store().transaction([&](store::Store& s) -> Status {
      for (const auto& d : {paired("pos-1", DeviceRole::terminal, {}, keys.terminal),
                            paired("kds-grill", DeviceRole::kitchen, {"grill"}, keys.grill),
                            paired("kds-expo", DeviceRole::kitchen, {"expo"}, keys.expo),
                            paired("old-tablet", DeviceRole::terminal, {}, keys.revoked, hub.now)})
        if (auto r = s.save_device(d); !r) return r;
      return success();
    });
    ASSERT_TRUE(saved.ok());
    ASSERT_TRUE(floor.login(kServerPin).ok());
    check = open_table(floor, "12");
    add_item(floor, check, "classic-burger", {{"modifiers", {"temp-medium"}}});
    add_item(floor, check, "fries");
    ticket = send_check(floor, check).at(0);
  }

  Keys keys;
  ServiceHub hub{secure(keys)};
  Caller floor{hub, "pos-1", peer(keys.terminal)};
  Caller grill{hub, "kds-grill", peer(keys.grill)};
  Caller expo{hub, "kds-expo", peer(keys.expo)};
  std::int64_t check = 0;
  std::int64_t ticket = 0;
};

Json kitchen_args(const std::string& command, std::int64_t ticket, const std::string& station) {
  if (command == "serve") return {{"ticket_id", ticket}};
  if (command == "rush") return {{"ticket_id", ticket}};
  if (command == "recall") return {{"ticket_id", ticket}, {"station", station}};
  if (command == "item_bump") return {{"ticket_id", ticket}, {"line_id", 1}, {"station", station}};
  return {{"ticket_id", ticket}, {"station", station}};
}

}  // namespace

TEST_F(PairedDevices, TheEnvelopesDeviceFieldNamesNobody) {
  // A terminal that writes "kds-grill" in `device` is still pos-1: the audit and the
  // session checks go by its key.
  Caller liar{hub, "kds-grill", peer(keys.terminal)};
  Reply r = liar.call("bump", kitchen_args("bump", ticket, "grill"));
  EXPECT_EQ(r.code(), "not_logged_in");
  EXPECT_EQ(r.message(), "you are not logged in: log in with your PIN");
}

TEST_F(PairedDevices, AnUnpairedOrRevokedKeyGetsNothingNotEvenAHello) {
  for (const auto* k : {&keys.stranger, &keys.revoked}) {
    Caller d{hub, "pos-7", peer(*k)};
    for (const char* type : {"hello", "get_menu", "snapshot", "login"}) {
      Json args = Json::object();
      if (std::string(type) == "snapshot") args = {{"topics", {"check"}}};
      if (std::string(type) == "login") args = {{"pin", kManagerPin}};
      Reply r = d.call(type, args);
      EXPECT_EQ(r.code(), "not_paired") << type;
      EXPECT_EQ(r.message(),
                "this device is not paired with the hub (or was revoked): pair it again");
      EXPECT_FALSE(r.json.dump().find("Table") != std::string::npos);
    }
  }
  EXPECT_FALSE(hub.service().admits(keys.stranger.public_key));
  EXPECT_FALSE(hub.service().admits(keys.revoked.public_key));
  EXPECT_TRUE(hub.service().admits(keys.grill.public_key));
  EXPECT_TRUE(hub.service().admits(keys.hub.public_key));  // the hub's own console
}

TEST_F(PairedDevices, EveryKitchenCommandFromATerminalNeedsACookOrManagerLoggedIn) {
  Caller bare{hub, "pos-1-bare", peer(keys.terminal)};  // same terminal, nobody logged in
  for (const char* type : {"ack_ticket", "bump", "item_bump", "serve", "recall", "rush"}) {
    SCOPED_TRACE(type);
    Reply none = bare.call(type, kitchen_args(type, ticket, "grill"));
    EXPECT_EQ(none.code(), "not_logged_in");
    // The server's own session: refused, as it was before (and no longer bypassed by
    // leaving the session out).
    Reply server = floor.call(type, kitchen_args(type, ticket, "grill"));
    EXPECT_EQ(server.code(), "forbidden");
    EXPECT_EQ(server.message(),
              "your role may not work tickets (work_tickets: kitchen staff and managers, unless "
              "the store says otherwise)");
  }
  Caller manager{hub, "pos-1-manager", peer(keys.terminal)};
  ASSERT_TRUE(manager.login(kManagerPin).ok());
  EXPECT_TRUE(manager.call("ack_ticket", kitchen_args("ack_ticket", ticket, "grill")).ok());
}

TEST_F(PairedDevices, AKitchenScreenWorksItsOwnStationsOnly) {
  EXPECT_TRUE(grill.call("ack_ticket", kitchen_args("ack_ticket", ticket, "grill")).ok());
  for (const char* type : {"ack_ticket", "bump", "item_bump"}) {
    Reply r = grill.call(type, kitchen_args(type, ticket, "fryer"));
    EXPECT_EQ(r.code(), "forbidden") << type;
    EXPECT_EQ(r.message(), "this screen works grill: it cannot act for 'fryer'");
  }
  // Serving and recalling from the pass are expo's.
  Reply serve = grill.call("serve", kitchen_args("serve", ticket, ""));
  EXPECT_EQ(serve.code(), "forbidden");
  EXPECT_EQ(serve.message(), "this screen works grill: it cannot act for 'expo'");
  EXPECT_EQ(grill.call("recall", {{"ticket_id", ticket}}).code(), "forbidden");
  // A kitchen screen does not log in or touch checks, whatever it sends.
  EXPECT_EQ(grill.call("login", {{"pin", kManagerPin}}).code(), "forbidden");
  EXPECT_EQ(grill.call("get_check", {{"check_id", check}}).code(), "forbidden");
  // Its own station, and the pass for everything.
  EXPECT_TRUE(grill.call("bump", kitchen_args("bump", ticket, "grill")).ok());
  EXPECT_TRUE(expo.call("bump", kitchen_args("bump", ticket, "fryer")).ok());
  EXPECT_TRUE(expo.call("serve", kitchen_args("serve", ticket, "")).ok());
  // Reads need a paired device, and any paired device has them.
  EXPECT_TRUE(grill.call("snapshot", {{"topics", {"ticket.grill"}}}).ok());
}

TEST_F(PairedDevices, ASessionWorksOnlyOnTheDeviceThatOpenedIt) {
  ASSERT_FALSE(floor.session().empty());
  Reply r = hub.raw(
      protocol::make_command("c-1", "list_checks", "pos-1", floor.session(), Json::object()),
      peer(keys.hub));
  EXPECT_EQ(r.code(), "not_logged_in");
  EXPECT_TRUE(floor.call("list_checks").ok());
}

TEST_F(PairedDevices, PairingIsAManagersAndEachCodeWorksOnce) {
  Caller console{hub, "posctl", peer(keys.hub)};
  ASSERT_TRUE(console.login(kServerPin).ok());
  Reply refused = console.call(
      "start_pairing", {{"name", "Fryer screen"}, {"role", "kitchen"}, {"stations", {"fryer"}}});
  EXPECT_EQ(refused.code(), "forbidden");
  EXPECT_EQ(refused.message(),
            "pairing a device needs a manager: enter a manager's PIN to approve");
  // With a manager logged in, a code; a stranger's wrong guess and a second use fail.
  Caller manager{hub, "posctl-2", peer(keys.hub)};
  ASSERT_TRUE(manager.login(kManagerPin).ok());
  Reply started = manager.call(
      "start_pairing", {{"name", "Fryer screen"}, {"role", "kitchen"}, {"stations", {"fryer"}}});
  ASSERT_TRUE(started.ok()) << started.json.dump();
  std::string code = started.result()["code"];
  EXPECT_EQ(code.size(), 11u);
  EXPECT_EQ(started.result()["hub_fingerprint"], security::key_fingerprint(keys.hub.public_key));
  // Nothing is kept: the code is not in the file.
  EXPECT_FALSE(hub.store().find_reply(manager.last_id()).has_value());
}
