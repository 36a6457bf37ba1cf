// The guest's receipt: what was ordered, what came off, tax, total, each tender with its
// tip or change. Shown on screen (and printable later: the lines are plain text pairs).
#pragma once

#include <string>
#include <vector>

#include "terminal_state.h"

namespace brigade::terminal {

struct ReceiptLine {
  std::string left;
  std::string right;  // an amount, right-aligned; may be empty
  bool bold = false;
};

std::vector<ReceiptLine> receipt_lines(const CheckView& check, const TerminalState& state);

}  // namespace brigade::terminal
