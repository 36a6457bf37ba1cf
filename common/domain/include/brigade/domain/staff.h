// Staff roles and what each role may do. The hub enforces these whatever a
// terminal shows; a manager's PIN on a command lends the manager's permissions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brigade {

enum class Role { server, bartender, host, manager, kitchen };
std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);

enum class Permission {
  take_orders,     // open checks, add/change/remove unsent lines, send, fire
  void_sent_line,  // void a line the kitchen has seen
  comp,            // give an item or a check away
  discount,        // take money off an item or a check
  take_payment,    // tenders, tips, close, split
  transfer_check,  // merge, move to another table or server
  eighty_six,      // 86 an item, set its count, un-86
  edit_menu,       // prices, items
  run_reports,     // X and Z reports
  manage_staff,    // staff and PINs
  work_tickets,    // bump, recall, rush, acknowledge
  manage_devices,  // pair terminals and screens, revoke them
  manage_stock,    // receive deliveries, count, record waste
  refund,          // give money back on a closed check
};
std::string_view to_string(Permission permission);
std::optional<Permission> permission_from_string(std::string_view text);
// Every permission, in the order above; every role, likewise.
const std::vector<Permission>& all_permissions();
const std::vector<Role>& all_roles();

// What each role may do out of the box: what a new store starts with.
bool role_allows(Role role, Permission permission);

// What each role may do in this store: data a manager changes while the store runs
// (set_permission), kept by the hub and enforced there.
class Permissions {
 public:
  static Permissions defaults();  // role_allows, for every role and permission
  bool allows(Role role, Permission permission) const {
    return grants_.count({role, permission}) > 0;
  }
  void set(Role role, Permission permission, bool allowed);
  std::vector<Permission> of(Role role) const;
  bool operator==(const Permissions&) const = default;

 private:
  std::set<std::pair<Role, Permission>> grants_;
};

struct StaffMember {
  std::string id;
  std::string name;
  Role role = Role::server;
  bool active = true;

  bool operator==(const StaffMember&) const = default;
};

// PINs are 4 to 6 digits; a restaurant may ask for 6 (`pin_digits`, the fewest digits a
// PIN may have: 4 or 6).
inline constexpr int kDefaultPinDigits = 4;
bool is_valid_pin_digits(int pin_digits);
bool is_valid_pin(std::string_view pin, int pin_digits = kDefaultPinDigits);

}  // namespace brigade
