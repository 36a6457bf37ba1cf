#include "brigade/ui/widgets.h"

#include <gtest/gtest.h>

#include "brigade/ui/headless.h"
#include "brigade/ui/theme.h"

using namespace brigade::ui;
using namespace std::chrono_literals;

TEST(ConnectionBanner, SaysPlainlyWhenOfflineAndForHowLong) {
  EXPECT_EQ(connection_text({false, 12'400ms, 0}),
            "OFFLINE: no contact with the hub for 12 s. Nothing is lost: it is sent when the hub "
            "is back.");
  EXPECT_EQ(connection_text({false, 3s, 2}),
            "OFFLINE: no contact with the hub for 3 s. 2 waiting to be sent. Nothing is lost: it "
            "is sent when the hub is back.");
  EXPECT_EQ(connection_text({true, 200ms, 1}), "Sending 1...");
  EXPECT_EQ(connection_text({true, 200ms, 0}), "");
}

TEST(ConnectionBanner, NeverKeepsQuietAboutADevelopmentHub) {
  const std::string warning =
      "DEVELOPMENT MODE: the hub is not encrypted and any device on the network may use it.";
  EXPECT_EQ(connection_text({true, 200ms, 0, true}), warning);
  EXPECT_EQ(connection_text({true, 200ms, 2, true}), warning + " Sending 2...");
  // Offline says offline first: that is what the person must act on.
  EXPECT_EQ(connection_text({false, 3s, 0, true}).rfind("OFFLINE: ", 0), 0u);
}

TEST(ConnectionBanner, IsDrawnOnlyWhenThereIsSomethingToSay) {
  Headless ui;
  Connection c{true, 100ms, 0};
  auto draw = [&] {
    ImGui::Begin("screen");
    connection_banner(c);
    ImGui::End();
  };
  ui.frame(draw);
  EXPECT_FALSE(ui.drawn("connection-banner"));
  c.online = false;
  ui.frame(draw);
  EXPECT_TRUE(ui.drawn("connection-banner"));
}

TEST(TouchButton, FiresOnTapOnlyWhenEnabled) {
  Headless ui;
  bool enabled = true;
  int presses = 0;
  auto draw = [&] {
    ImGui::Begin("screen");
    if (touch_button("Send", {200, touch_size()}, colour::accent, enabled)) ++presses;
    probe("send");
    ImGui::End();
  };
  ASSERT_TRUE(ui.tap("send", draw));
  EXPECT_EQ(presses, 1);
  enabled = false;
  ASSERT_TRUE(ui.tap("send", draw));
  EXPECT_EQ(presses, 1);
}

TEST(Keys, APressIsSeenOnceAsItHappens) {
  Headless ui;
  int bumps = 0;
  auto draw = [&] {
    ImGui::Begin("screen");
    if (key_pressed(key::digit_0 + 3)) ++bumps;
    ImGui::End();
  };
  ui.frame(draw);
  ui.press(key::digit_0 + 3, draw);
  ui.frame(draw);
  EXPECT_EQ(bumps, 1);
}

TEST(Clocks, ShowMinutesAndSecondsThenHours) {
  EXPECT_EQ(elapsed_text(0, 0), "0:00");
  EXPECT_EQ(elapsed_text(1000, 66'000), "1:05");
  EXPECT_EQ(elapsed_text(0, 3'723'000), "1:02:03");
  EXPECT_EQ(elapsed_text(5000, 0), "0:00");  // a clock never shows negative time
}
