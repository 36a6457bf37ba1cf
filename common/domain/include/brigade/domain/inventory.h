// Inventory by ingredient: what is on hand, what a line takes, and what that leaves each
// item. Stock is taken when a line is added, so two terminals (and the online channel)
// can never sell the last patty twice; it comes back when an unsent line is removed or a
// sent one is voided as not made. Plain values, no I/O: the hub keeps the counts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/menu.h"
#include "brigade/domain/result.h"

namespace brigade {

// On hand of each counted ingredient, in its unit. An ingredient missing here is not
// counted (nobody has received or counted it yet): it never runs out.
using Inventory = std::map<std::string, std::int64_t, std::less<>>;
// Ingredient -> amount: what a line needs, or what it took.
using Needs = std::map<std::string, std::int64_t, std::less<>>;

// What `quantity` units of the item with the chosen modifiers take. A modifier the item's
// groups do not offer takes nothing (build_line refuses it anyway).
Needs needs_of(const Menu& menu, const MenuItem& item, const std::vector<std::string>& chosen,
               int quantity);
// Whether the counted ingredients cover `needs` (of a line of `item`). The error names the
// first that falls short and by how much: item_86 when it cannot cover one of the item
// itself, else not_enough_stock.
Status check_covers(const Menu& menu, const Inventory& inventory, const MenuItem& item,
                    const Needs& needs);
// Takes the counted part of `needs` (after check_covers) and returns what it took: what a
// line gives back later. Never leaves a count below zero.
Needs take_stock(Inventory& inventory, const Needs& needs);
// Gives back what a line took, to ingredients still counted.
void give_back(Inventory& inventory, const Needs& taken);
// The part of what `whole` units took that belongs to `part` of them (a void of 2 of 5).
Needs share_of(const Needs& taken, int part, int whole);
// Adds b to a (sums of what lines took).
void add_needs(Needs& a, const Needs& b);

// Portions of the item, without modifiers, its counted ingredients still cover; nothing
// when none of them is counted.
std::optional<int> portions_left(const MenuItem& item, const Inventory& inventory);
// Every item's level as terminals see it: the 86 flags (`flags`, as the store keeps them)
// with the portions counted ingredients leave. Items neither 86'd nor limited are absent.
Stock stock_levels(const Menu& menu, const Stock& flags, const Inventory& inventory);
// The items whose level differs between two results of stock_levels, with their new level
// (absent in `after`: an unlimited level).
Stock changed_levels(const Stock& before, const Stock& after);

// At or below its low-stock mark (counted ingredients with a mark only).
bool is_low(const Ingredient& ingredient, const Inventory& inventory);
// "12 each", "1 portion", "3 rashers", "450 g": an amount in the ingredient's unit (a unit
// that is a word takes an s when there is not exactly one).
std::string amount_text(const Ingredient& ingredient, std::int64_t amount);

}  // namespace brigade
