#include "keypad.h"

#include "brigade/ui/theme.h"
#include "brigade/ui/widgets.h"
#include "touch_widgets.h"

namespace brigade::terminal {

void Keypad::type(char digit) {
  if (digits_.size() >= max_digits_) return;
  // No leading zeros in amounts and counts (a count may be just "0").
  if (kind_ == Kind::money && digits_.empty() && digit == '0') return;
  if (kind_ == Kind::count && digits_ == "0") digits_.clear();
  digits_ += digit;
}

bool Keypad::draw(const char* name, ImVec2 size, const char* enter_label, bool keys) {
  ImGui::PushID(name);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 key{(size.x - 2 * gap) / 3, (size.y - 3 * gap) / 4};
  const std::string prefix = std::string(name) + ".";
  bool entered = false;
  static constexpr const char* kDigits = "123456789";
  // Digits large, as on a till.
  ImGui::PushFont(ui::fonts().big ? ui::fonts().big : ImGui::GetFont());
  for (int i = 0; i < 9; ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    char label[2] = {kDigits[i], 0};
    if (touch::button(label, key, touch::kTile, true, prefix + label)) type(kDigits[i]);
  }
  ImGui::PopFont();
  if (touch::button("Clear", key, ui::shade(touch::kTile, -0.05f), true, prefix + "clear"))
    digits_.clear();
  ImGui::SameLine();
  ImGui::PushFont(ui::fonts().big ? ui::fonts().big : ImGui::GetFont());
  if (touch::button("0", key, touch::kTile, true, prefix + "0")) type('0');
  ImGui::PopFont();
  ImGui::SameLine();
  if (enter_label) {
    if (touch::button(enter_label, key, ui::colour::accent, !digits_.empty(), prefix + "enter"))
      entered = true;
  } else if (touch::button("Back", key, ui::shade(touch::kTile, -0.05f), true, prefix + "back") &&
             !digits_.empty()) {
    digits_.pop_back();
  }
  if (keys) {
    for (int d = 0; d <= 9; ++d)
      if (ui::key_pressed(ui::key::digit_0 + d) || ui::key_pressed(ui::key::keypad_0 + d))
        type(static_cast<char>('0' + d));
    if (ui::key_pressed(ui::key::backspace) && !digits_.empty()) digits_.pop_back();
    if (enter_label && ui::key_pressed(ui::key::enter) && !digits_.empty()) entered = true;
  }
  ImGui::PopID();
  return entered;
}

void Keypad::set_money(Money m) {
  digits_ = m.in_cents() > 0 ? std::to_string(m.in_cents()) : std::string();
}

Money Keypad::money() const {
  return Money::cents(digits_.empty() ? 0 : std::stoll(digits_));
}

int Keypad::count() const {
  return digits_.empty() ? 0 : std::stoi(digits_);
}

std::string Keypad::display(const std::string& currency_symbol) const {
  switch (kind_) {
    case Kind::pin: {
      std::string dots;
      for (std::size_t i = 0; i < digits_.size(); ++i) dots += i ? " *" : "*";
      return dots;
    }
    case Kind::money: {
      CurrencyFormat f;
      f.symbol = currency_symbol;
      return format_money(money(), f);
    }
    case Kind::count:
      return digits_.empty() ? "0" : digits_;
  }
  return digits_;
}

}  // namespace brigade::terminal
