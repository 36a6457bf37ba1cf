#include "brigade/domain/staff.h"

#include <gtest/gtest.h>

using namespace brigade;

TEST(Roles, RoundTripThroughTheirNames) {
  for (Role r : {Role::server, Role::bartender, Role::host, Role::manager, Role::kitchen})
    EXPECT_EQ(role_from_string(to_string(r)), r);
  EXPECT_FALSE(role_from_string("owner").has_value());
}

TEST(Permissions, AManagerMayDoEverything) {
  for (int p = 0; p <= static_cast<int>(Permission::work_tickets); ++p)
    EXPECT_TRUE(role_allows(Role::manager, static_cast<Permission>(p)))
        << to_string(static_cast<Permission>(p));
}

TEST(Permissions, AServerSellsButCannotGiveMoneyAway) {
  EXPECT_TRUE(role_allows(Role::server, Permission::take_orders));
  EXPECT_TRUE(role_allows(Role::server, Permission::take_payment));
  EXPECT_FALSE(role_allows(Role::server, Permission::void_sent_line));
  EXPECT_FALSE(role_allows(Role::server, Permission::comp));
  EXPECT_FALSE(role_allows(Role::server, Permission::discount));
  EXPECT_FALSE(role_allows(Role::server, Permission::edit_menu));
  EXPECT_FALSE(role_allows(Role::server, Permission::run_reports));
  EXPECT_FALSE(role_allows(Role::bartender, Permission::comp));
}

TEST(Permissions, KitchenStaffWorkTicketsAndNeverTouchMoney) {
  EXPECT_TRUE(role_allows(Role::kitchen, Permission::work_tickets));
  EXPECT_TRUE(role_allows(Role::kitchen, Permission::eighty_six));
  EXPECT_FALSE(role_allows(Role::kitchen, Permission::take_payment));
  EXPECT_FALSE(role_allows(Role::kitchen, Permission::take_orders));
  EXPECT_FALSE(role_allows(Role::kitchen, Permission::discount));
}

TEST(Pins, AreFourToSixDigits) {
  EXPECT_TRUE(is_valid_pin("1234"));
  EXPECT_TRUE(is_valid_pin("123456"));
  EXPECT_FALSE(is_valid_pin("123"));
  EXPECT_FALSE(is_valid_pin("1234567"));
  EXPECT_FALSE(is_valid_pin("12a4"));
  EXPECT_FALSE(is_valid_pin(""));
  EXPECT_FALSE(is_valid_pin("12 34"));
}
