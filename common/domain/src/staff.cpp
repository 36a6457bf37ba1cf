#include "brigade/domain/staff.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace brigade {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 5> kRoleNames{{
    {Role::server, "server"},
    {Role::bartender, "bartender"},
    {Role::host, "host"},
    {Role::manager, "manager"},
    {Role::kitchen, "kitchen"},
}};
}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [r, name] : kRoleNames)
    if (r == role) return name;
  return "unknown";
}

std::optional<Role> role_from_string(std::string_view text) {
  for (const auto& [r, name] : kRoleNames)
    if (name == text) return r;
  return std::nullopt;
}

std::string_view to_string(Permission permission) {
  switch (permission) {
    case Permission::take_orders:
      return "take_orders";
    case Permission::void_sent_line:
      return "void_sent_line";
    case Permission::comp:
      return "comp";
    case Permission::discount:
      return "discount";
    case Permission::take_payment:
      return "take_payment";
    case Permission::transfer_check:
      return "transfer_check";
    case Permission::eighty_six:
      return "eighty_six";
    case Permission::edit_menu:
      return "edit_menu";
    case Permission::run_reports:
      return "run_reports";
    case Permission::manage_staff:
      return "manage_staff";
    case Permission::work_tickets:
      return "work_tickets";
    case Permission::manage_devices:
      return "manage_devices";
    case Permission::manage_stock:
      return "manage_stock";
    case Permission::refund:
      return "refund";
  }
  return "unknown";
}

std::optional<Permission> permission_from_string(std::string_view text) {
  for (Permission p : all_permissions())
    if (to_string(p) == text) return p;
  return std::nullopt;
}

const std::vector<Permission>& all_permissions() {
  using P = Permission;
  static const std::vector<Permission> all{
      P::take_orders,    P::void_sent_line, P::comp,         P::discount,    P::take_payment,
      P::transfer_check, P::eighty_six,     P::edit_menu,    P::run_reports, P::manage_staff,
      P::work_tickets,   P::manage_devices, P::manage_stock, P::refund};
  return all;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> all{Role::server, Role::bartender, Role::host, Role::manager,
                                     Role::kitchen};
  return all;
}

Permissions Permissions::defaults() {
  Permissions permissions;
  for (Role role : all_roles())
    for (Permission p : all_permissions())
      if (role_allows(role, p)) permissions.set(role, p, true);
  return permissions;
}

void Permissions::set(Role role, Permission permission, bool allowed) {
  if (allowed)
    grants_.insert({role, permission});
  else
    grants_.erase({role, permission});
}

std::vector<Permission> Permissions::of(Role role) const {
  std::vector<Permission> out;
  for (Permission p : all_permissions())
    if (allows(role, p)) out.push_back(p);
  return out;
}

bool role_allows(Role role, Permission permission) {
  using P = Permission;
  switch (role) {
    case Role::manager:
      return true;
    case Role::server:
    case Role::bartender:
      // Front of house sells and takes money; giving money away needs a manager.
      return permission == P::take_orders || permission == P::take_payment ||
             permission == P::transfer_check;
    case Role::host:
      // Takeout and phone orders at the desk, and their payment.
      return permission == P::take_orders || permission == P::take_payment;
    case Role::kitchen:
      // The line runs out of things: cooks may 86, but never touch money.
      return permission == P::work_tickets || permission == P::eighty_six;
  }
  return false;
}

bool is_valid_pin_digits(int pin_digits) {
  return pin_digits == 4 || pin_digits == 6;
}

bool is_valid_pin(std::string_view pin, int pin_digits) {
  return pin.size() >= static_cast<std::size_t>(pin_digits) && pin.size() <= 6 &&
         std::all_of(pin.begin(), pin.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace brigade
