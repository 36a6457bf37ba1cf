// posctl's text for people: checks and tickets as lines of a terminal. Scripts read
// some of these lines (tests/system/posctl_flow.sh): keep their words and layout.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "brigade/domain/money.h"
#include "brigade/protocol/protocol.h"

namespace brigade::posctl {

using protocol::Json;

// Cents as the hub sent them, in the restaurant's format: "$1,234.56".
std::string money(const Json& cents, const CurrencyFormat& currency);

// --json prints the hub's result as it came; otherwise `text` prints it for people.
void print_result(bool json, const Json& result, const std::function<void(const Json&)>& text);

void print_check(const Json& check, const CurrencyFormat& currency);
void print_ticket(const Json& ticket);
// A kitchen command's reply: the ticket's status and stations (docs/protocol.md).
void print_progress(const Json& progress);

// "2026-12-01" or "2026-12-01T18:30" in the hub machine's local time (posctl runs there
// or beside it), or milliseconds since 1970 as the hub counts them; a usage error names
// `option` otherwise.
std::int64_t read_time(const std::string& text, const char* option);
// "2026-12-01 18:30:05", local.
std::string local_text(std::int64_t ms);

}  // namespace brigade::posctl
