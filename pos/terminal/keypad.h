// The on-screen number pad: PINs (shown as dots), money (cents shifted in from the
// right, as on every till: 1 2 5 0 reads $12.50) and counts. A keyboard's digits,
// Backspace and Enter work too when the pad has the keys.
#pragma once

#include <imgui.h>

#include <string>

#include "brigade/domain/money.h"

namespace brigade::terminal {

class Keypad {
 public:
  enum class Kind { pin, money, count };
  explicit Keypad(Kind kind, std::size_t max_digits = 6) : kind_(kind), max_digits_(max_digits) {}

  // Draws twelve keys filling `size`: 1-9, then Clear 0 and either Enter (when
  // `enter_label` is given) or Back. Keys are probed as "<name>.0".."<name>.9",
  // "<name>.clear", "<name>.back" and "<name>.enter". `keys`: the physical keyboard
  // types here too. Returns true when Enter was tapped or pressed.
  bool draw(const char* name, ImVec2 size, const char* enter_label = nullptr, bool keys = true);

  const std::string& digits() const { return digits_; }
  bool empty() const { return digits_.empty(); }
  void clear() { digits_.clear(); }
  void set_digits(std::string digits) { digits_ = std::move(digits); }
  void set_money(Money m);

  Money money() const;  // Kind::money
  int count() const;    // Kind::count, 0 when empty
  // What the display above the pad shows: dots, $12.50 (symbol given), or the count.
  std::string display(const std::string& currency_symbol = "$") const;

 private:
  void type(char digit);
  Kind kind_;
  std::size_t max_digits_;
  std::string digits_;
};

}  // namespace brigade::terminal
