// The left panel of the payment screen: the check's lines by seat, then subtotal,
// discounts, comps, tax, total, the payments taken (tips, change given) and what is due.
#pragma once

#include "view.h"

namespace brigade::terminal {

void draw_payment_summary(const TerminalView& view, const CheckView& check);

}  // namespace brigade::terminal
