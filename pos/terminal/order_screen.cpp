// [SECTION] index
//   selectors     a new check, tapping an item
//   check panel   lines by seat and course, line actions, totals, send/hold/fire/pay
//   menu panel    seat, course, quantity, categories, items
#include "order_screen.h"

#include <algorithm>
#include <map>

#include "brigade/ui/theme.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr float kCheckWidth = 480;
constexpr Course kCourses[] = {Course::drinks, Course::apps, Course::mains, Course::dessert};

// One row of the check: a band in the state's colour, the words, the price and a chip.
struct Row {
  std::string title;
  std::string price;
  std::vector<std::pair<std::string, ImVec4>> details;  // modifiers, note, void reason
  std::string state;
  ImVec4 colour;
  bool unsent = false;
  bool struck = false;
  bool selected = false;
};

// Two lines at least: the name and price, then the modifiers and notes with the state
// chip on the right, so that a long name is never cut by the chip.
bool draw_row(const std::string& id, const Row& row) {
  ImGui::PushID(id.c_str());
  const float width = ImGui::GetContentRegionAvail().x;
  const float line = ImGui::GetTextLineHeight();
  const std::size_t below = std::max<std::size_t>(1, row.details.size());
  const float height = 12 + line * static_cast<float>(1 + below) + 4 * static_cast<float>(below);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton("##row", {width, height});
  touch::probe(id);
  const ImVec2 end = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // Unsent lines sit on their own tint so that nobody mistakes them for sent ones.
  ImVec4 bg = row.selected ? ui::shade(ui::colour::accent, -0.15f)
              : row.unsent ? ImVec4(0.14f, 0.26f, 0.28f, 1.0f)
                           : ui::shade(ui::colour::panel, 0.03f);
  draw->AddRectFilled(at, end, ui::to_u32(bg), 4);
  draw->AddRectFilled(at, {at.x + 8, end.y}, ui::to_u32(row.colour), 4);

  const float left = at.x + 18;
  const float right = end.x - 8;
  const ImU32 text = ui::to_u32(row.struck ? ui::colour::text_dim : ui::colour::text);
  ImFont* bold = ui::fonts().bold ? ui::fonts().bold : ImGui::GetFont();
  const float price_x = right - ImGui::CalcTextSize(row.price.c_str()).x;
  draw->AddText({price_x, at.y + 6}, text, row.price.c_str());
  draw->PushClipRect({left, at.y}, {price_x - 8, end.y}, true);
  draw->AddText(bold, bold->FontSize, {left, at.y + 6}, text, row.title.c_str());
  if (row.struck) {
    float w = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, row.title.c_str()).x;
    float y = at.y + 6 + line / 2;
    draw->AddLine({left, y}, {left + w, y}, ui::to_u32(ui::colour::late), 2.5f);
  }
  draw->PopClipRect();

  float y = at.y + 8 + line;
  const float chip_x = right - ImGui::CalcTextSize(row.state.c_str()).x - 14;
  if (!row.state.empty()) {
    draw->AddRectFilled({chip_x, y}, {right, y + line + 2}, ui::to_u32(row.colour), 4);
    draw->AddText({chip_x + 7, y + 1}, ui::to_u32(ui::colour::text), row.state.c_str());
  }
  for (const auto& [words, colour] : row.details) {
    draw->PushClipRect({left, y}, {chip_x - 8, end.y}, true);
    draw->AddText({left + 12, y + 1}, ui::to_u32(colour), words.c_str());
    draw->PopClipRect();
    y += line + 4;
  }
  ImGui::PopID();
  return pressed;
}

std::string modifier_words(const Line& l) {
  std::string out;
  for (const auto& m : l.modifiers) out += (out.empty() ? "" : ", ") + m.name;
  return out;
}

// The courses with something new to send: unsent lines, and lines still on their way to
// the hub (taken while offline), which the send will follow in order.
std::set<Course> unsent_courses(const TerminalView& view, const CheckView& check) {
  std::set<Course> unsent;
  for (const Line& l : check.check.lines)
    if (l.state == LineState::new_) unsent.insert(l.course);
  for (const CommandRecord* r : view.controller.pending(check.check.id)) {
    if (r->type != "add_line") continue;
    if (auto course = course_from_string(r->args.value("course", ""))) {
      unsent.insert(*course);
    } else if (const MenuItem* item = view.state.menu().find_item(r->args.value("item_id", ""))) {
      unsent.insert(item->course);
    }
  }
  return unsent;
}

}  // namespace

// [SECTION] selectors

void OrderScreen::start(const CheckView& view) {
  check_id_ = view.check.id;
  seat_ = view.check.channel == Channel::dine_in ? 1 : 0;
  course_.reset();
  quantity_ = 1;
  selected_ = 0;
  hold_.clear();
  note_.close();
  modifiers_.close();
  newest_seen_ = 0;
}

void OrderScreen::tap_item(const TerminalView& view, std::int64_t check_id,
                           const std::string& item_id, Intents& out) {
  const MenuItem* item = view.state.menu().find_item(item_id);
  if (!item || view.state.stock_of(item_id).out()) return;  // 86'd: nothing to sell
  if (!item->modifier_group_ids.empty()) {
    modifiers_.open(check_id, *item, seat_, course_, quantity_);
  } else {
    LineRequest line;
    line.item_id = item_id;
    line.quantity = quantity_;
    line.seat = seat_;
    line.course = course_;
    out.push_back(AddLine{check_id, line, item->name});
  }
  quantity_ = 1;
}

OrderScreen::OrderScreen() : ScreenBase("##order") {
  has_dialogs({&modifiers_, &void_, &discount_, &actions_, &note_});
}

std::string OrderScreen::title(const TerminalView& view) const {
  const CheckView* check = view.state.find_check(view.check_id);
  return check ? check->label : "Order";
}

void OrderScreen::draw_content(const TerminalView& view, Intents& out) {
  const std::int64_t check_id = view.check_id;
  const CheckView* check = view.state.find_check(check_id);
  if (!check) {
    hold_dialogs();
    touch::big("Loading the check...");
    if (touch::button("Back to the floor", {touch::px(300), ui::touch_size()}, touch::kTile, true,
                      "floor"))
      out.push_back(ShowFloor{});
    return;
  }
  if (check_id_ != check_id) start(*check);
  if (selected_ && !check->check.find_line(selected_)) selected_ = 0;
  if (!check->check.is_open()) {
    hold_dialogs();
    touch::big(check->label + " is " + std::string(to_string(check->check.status)) + ".");
    if (touch::button("Back to the floor", {touch::px(300), ui::touch_size()}, touch::kTile, true,
                      "floor"))
      out.push_back(ShowFloor{});
    return;
  }

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##check", {touch::px(kCheckWidth), avail.y}, true,
                    ImGuiWindowFlags_NoScrollbar);
  draw_check(view, *check, out);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##menu", {0, avail.y}, false, ImGuiWindowFlags_NoScrollbar);
  draw_menu(view, *check, out);
  ImGui::EndChild();
}

// [SECTION] check panel

void OrderScreen::draw_check(const TerminalView& view, const CheckView& check, Intents& out) {
  const Check& c = check.check;
  touch::big(check.label);
  std::string about = "check " + std::to_string(c.number);
  if (c.channel == Channel::dine_in) about += " \xC2\xB7 " + std::to_string(c.guests) + " guests";
  about += " \xC2\xB7 " + view.state.staff_name(c.server_id) + " \xC2\xB7 open " +
           ui::elapsed_text(c.opened_at, view.now);
  if (c.promised_at) about += " \xC2\xB7 promised " + clock_text(c.promised_at);
  touch::dim(about);

  // The lines take what the line actions, totals and buttons leave.
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float h = ui::touch_size();
  float bottom = ImGui::GetTextLineHeightWithSpacing() * 2 + spacing * 2 + 2;  // the totals
  if (!check.totals.discounts.is_zero() || !check.totals.comps.is_zero())
    bottom += ImGui::GetTextLineHeightWithSpacing();
  if (selected_) bottom += h + spacing;
  if (unsent_courses(view, check).size() > 1) bottom += h * 0.8f + spacing;
  bottom += h + spacing + h * 0.85f + spacing;
  ImGui::BeginChild("##lines", {0, std::max(120.0f, ImGui::GetContentRegionAvail().y - bottom)});
  draw_lines(view, check);
  touch::drag_scroll();
  ImGui::EndChild();
  touch::probe("lines");
  draw_line_actions(view, check, out);
  draw_totals(view, check);
  draw_send(view, check, out);
}

void OrderScreen::draw_lines(const TerminalView& view, const CheckView& check) {
  const Check& c = check.check;
  // Seats in order, the table's shared lines first; in each seat, courses in order.
  std::map<int, std::vector<const Line*>> seats;
  for (const Line& l : c.lines) seats[l.seat].push_back(&l);
  std::map<int, std::vector<const CommandRecord*>> waiting;
  for (const CommandRecord* r : view.controller.pending(c.id))
    if (r->type == protocol::command::add_line) waiting[r->args.value("seat", 0)].push_back(r);
  for (const auto& [seat, rs] : waiting) seats[seat];  // a seat with only pending lines

  if (seats.empty()) touch::dim("Nothing ordered yet. Pick a seat, then tap items.");
  std::int64_t newest = 0;
  for (const Line& l : c.lines) newest = std::max(newest, l.id);
  auto price_of = [&](const Line& l) { return check.totals.net_of(l); };
  for (auto& [seat, lines] : seats) {
    std::stable_sort(lines.begin(), lines.end(), [](const Line* a, const Line* b) {
      return static_cast<int>(a->course) < static_cast<int>(b->course);
    });
    touch::heading(seat_title(seat));
    std::optional<Course> course;
    for (const Line* l : lines) {
      if (course != l->course) {
        course = l->course;
        touch::dim(course_title(*course));
      }
      Row row;
      row.title = std::to_string(l->live_quantity() > 0 ? l->live_quantity() : l->quantity) +
                  " x " + l->name;
      row.price = view.state.money(price_of(*l));
      row.state = line_state_words(l->state);
      row.colour = line_state_colour(l->state);
      row.unsent = l->state == LineState::new_;
      row.struck = l->state == LineState::voided;
      row.selected = l->id == selected_;
      if (std::string m = modifier_words(*l); !m.empty())
        row.details.push_back({m, ui::colour::text_dim});
      if (!l->note.empty()) row.details.push_back({"Note: " + l->note, ui::colour::warning});
      if (l->voided_quantity > 0)
        row.details.push_back(
            {std::to_string(l->voided_quantity) + " voided: " + l->void_reason, ui::colour::late});
      if (draw_row("line." + std::to_string(l->id), row))
        selected_ = selected_ == l->id ? 0 : l->id;
      // A line just added comes into view, wherever its seat is in the list.
      if (l->id == newest && newest > newest_seen_) {
        ImGui::SetScrollHereY(0.5f);
        newest_seen_ = newest;
      }
    }
    for (const CommandRecord* r : waiting[seat]) {
      Row row;
      row.title = r->description;
      row.state = "sending...";
      row.colour = ui::colour::warning;
      row.unsent = true;
      draw_row("pending." + r->id, row);
    }
  }
}

void OrderScreen::draw_line_actions(const TerminalView& view, const CheckView& check,
                                    Intents& out) {
  const Line* line = selected_ ? check.check.find_line(selected_) : nullptr;
  const float h = ui::touch_size();
  if (!line) return;
  const std::int64_t check_id = check.check.id;
  if (line->state == LineState::new_ || line->state == LineState::held) {
    // Not with the kitchen yet: changes are free.
    // - and + are small; the words share what is left.
    const float q = h * 0.9f;
    const float w = touch::share(3, ImGui::GetContentRegionAvail().x - 2 * (q + 10));
    if (touch::button("-", {q, h}, touch::kTile, line->quantity > 1, "line.less"))
      out.push_back(ChangeLine{check_id, line->id, LineChange{line->quantity - 1, {}, {}, {}}});
    ImGui::SameLine();
    if (touch::button("+", {q, h}, touch::kTile, true, "line.more"))
      out.push_back(ChangeLine{check_id, line->id, LineChange{line->quantity + 1, {}, {}, {}}});
    ImGui::SameLine();
    if (touch::button("Seat " + std::to_string(seat_) + "##seat", {w, h}, touch::kTile,
                      seat_ != line->seat, "line.seat"))
      out.push_back(ChangeLine{check_id, line->id, LineChange{{}, seat_, {}, {}}});
    ImGui::SameLine();
    if (touch::button("Note", {w, h}, touch::kTile, true, "line.note")) {
      note_.open(check_id, *line);
    }
    ImGui::SameLine();
    if (touch::button("Delete", {w, h}, ui::colour::late, true, "line.remove")) {
      out.push_back(RemoveLine{check_id, line->id});
      selected_ = 0;
    }
  } else if (line->state != LineState::voided) {
    // With the kitchen: a void (with a reason) or money off.
    const float w = touch::share(2);
    if (touch::button("Void...", {w, h}, ui::colour::late, true, "line.void"))
      void_.open(check_id, *line, !view.controller.may(Permission::void_sent_line));
    ImGui::SameLine();
    if (touch::button("Comp / discount...", {w, h}, touch::kTile, true, "line.discount"))
      discount_.open(view, check_id, *line);
  } else {
    touch::button(line->name + " was voided##voided", {ImGui::GetContentRegionAvail().x, h},
                  ui::colour::panel, false, "line.voided");
  }
}

void OrderScreen::draw_totals(const TerminalView& view, const CheckView& check) {
  const CheckTotals& t = check.totals;
  const TerminalState& s = view.state;
  ImGui::Separator();
  std::string sums = "Subtotal " + s.money(t.subtotal) + "   Tax " + s.money(t.tax);
  touch::dim(sums);
  if (!t.discounts.is_zero() || !t.comps.is_zero()) {
    std::string off;
    if (!t.discounts.is_zero()) off += "Discounts -" + s.money(t.discounts);
    if (!t.comps.is_zero())
      off += std::string(off.empty() ? "" : "   ") + "Comps -" + s.money(t.comps);
    touch::coloured(off, ui::colour::warning);
  }
  const bool paid_some = !t.paid.is_zero();
  std::string name = paid_some ? "Balance due" : "Total";
  std::string value = s.money(paid_some ? t.balance : t.total);
  ImGui::PushFont(ui::fonts().bold);
  ImGui::TextUnformatted(name.c_str());
  ImGui::SameLine(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                  ImGui::CalcTextSize(value.c_str()).x - ImGui::GetStyle().ItemSpacing.x);
  ImGui::TextUnformatted(value.c_str());
  ImGui::PopFont();
}

void OrderScreen::draw_send(const TerminalView& view, const CheckView& check, Intents& out) {
  const Check& c = check.check;
  const std::int64_t id = c.id;
  const std::set<Course> unsent = unsent_courses(view, check);
  std::set<Course> held;
  for (const Line& l : c.lines)
    if (l.state == LineState::held) held.insert(l.course);
  std::erase_if(hold_, [&](Course k) { return !unsent.count(k); });
  const float h = ui::touch_size();
  bool sending = false;
  for (const CommandRecord* r : view.controller.pending(id))
    if (r->type == protocol::command::send || r->type == protocol::command::fire) sending = true;

  // Hold: only courses that have something new, never the first one (it goes now).
  if (unsent.size() > 1) {
    touch::row_label("Hold", h * 0.8f, 70);
    bool first = true;
    for (Course k : kCourses) {
      if (!unsent.count(k) || k == *unsent.begin()) continue;
      if (!first) ImGui::SameLine();
      first = false;
      if (touch::choice(course_title(k), {touch::px(110), h * 0.8f}, hold_.count(k) > 0, true,
                        "hold." + std::string(to_string(k)))) {
        if (hold_.count(k))
          hold_.erase(k);
        else
          hold_.insert(k);
      }
    }
  }

  std::string send_label = unsent.empty() ? "Nothing new to send" : "Send";
  if (!hold_.empty()) {
    send_label += ", hold";
    for (Course k : hold_) send_label += " " + std::string(to_string(k));
  }
  if (sending) send_label = "Sending...";
  const float w = touch::share(2);
  if (touch::button(send_label + "##send", {w, h}, ui::colour::ok, !unsent.empty() && !sending,
                    "send")) {
    out.push_back(SendOrder{id, hold_});
    hold_.clear();
    selected_ = 0;
  }
  ImGui::SameLine();
  if (touch::button("Pay", {w, h}, ui::colour::accent, true, "pay")) out.push_back(ShowPayment{id});

  const int fires = static_cast<int>(held.size());
  const float f = touch::share(fires + 2);
  for (Course k : held) {
    if (touch::button("Fire " + std::string(to_string(k)), {f, h * 0.85f}, ui::colour::held,
                      !sending, "fire." + std::string(to_string(k))))
      out.push_back(FireCourse{id, k});
    ImGui::SameLine();
  }
  if (touch::button("Discount##check", {f, h * 0.85f}, touch::kTile, true, "check.discount"))
    discount_.open(view, id, std::nullopt);
  ImGui::SameLine();
  if (touch::button("Move / merge", {f, h * 0.85f}, touch::kTile, true, "check.actions"))
    actions_.open(c);
}

// [SECTION] menu panel

void OrderScreen::draw_menu(const TerminalView& view, const CheckView& check, Intents& out) {
  const Check& c = check.check;
  const Menu& menu = view.state.menu();
  const float h = ui::touch_size();

  // Seats: the table's (shared), one per guest, and one more for a late arrival.
  int seats = std::max(c.guests, seat_);
  for (const Line& l : c.lines) seats = std::max(seats, l.seat);
  seats = std::min(seats, kMaxSeat);
  touch::row_label("Seat", h);
  const float qty_block = 3 * h + 2 * ImGui::GetStyle().ItemSpacing.x + 24;
  const float seat_w = std::min(
      touch::px(72), touch::share(seats + 3, ImGui::GetContentRegionAvail().x - qty_block));
  if (touch::choice("Table", {seat_w * 1.3f, h}, seat_ == 0, true, "seat.0")) seat_ = 0;
  for (int s = 1; s <= seats; ++s) {
    ImGui::SameLine();
    if (touch::choice(std::to_string(s), {seat_w, h}, seat_ == s, true,
                      "seat." + std::to_string(s)))
      seat_ = s;
  }
  ImGui::SameLine();
  if (touch::button("+##seat", {seat_w, h}, touch::kTile, seats < kMaxSeat, "seat.add"))
    seat_ = seats + 1;
  // How many of the next item, at the end of the seat row.
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - qty_block + 24);
  if (touch::button("-##qty", {h, h}, touch::kTile, quantity_ > 1, "quantity.less")) --quantity_;
  ImGui::SameLine();
  touch::button("x" + std::to_string(quantity_) + "##qty", {h, h}, ui::colour::panel, true,
                "quantity");
  ImGui::SameLine();
  if (touch::button("+##qty", {h, h}, touch::kTile, quantity_ < kMaxLineQuantity, "quantity.more"))
    ++quantity_;

  // Course for the next item, or each item's own.
  touch::row_label("Course", h);
  const float course_w = touch::share(5);
  if (touch::label_tile("course.auto", "As menu", {course_w, h}, !course_)) course_.reset();
  for (Course k : kCourses) {
    ImGui::SameLine();
    if (touch::label_tile("course." + std::string(to_string(k)), course_title(k), {course_w, h},
                          course_ == k))
      course_ = k;
  }

  // Only what can be sold now: not retired, inside its day parts (the hub refuses the rest).
  const LocalTime local = local_time_of(view.now);
  auto on_sale = [&](const MenuItem& item) { return check_on_sale(menu, item, local).ok(); };
  std::vector<const Category*> categories;
  for (const Category& cat : menu.categories)
    if (std::any_of(menu.items.begin(), menu.items.end(), [&](const MenuItem& item) {
          return item.category_id == cat.id && on_sale(item);
        }))
      categories.push_back(&cat);
  if (!categories.empty() &&
      std::none_of(categories.begin(), categories.end(),
                   [&](const Category* cat) { return cat->id == category_; }))
    category_ = categories.front()->id;

  // Categories wrap over as many rows as they need; long names over two lines.
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>(avail / touch::px(150)));
  const float cat_w = touch::share(per_row, avail);
  int i = 0;
  for (const Category* category : categories) {
    const Category& cat = *category;
    if (i++ % per_row != 0) ImGui::SameLine();
    if (touch::label_tile("category." + cat.id, cat.name, {cat_w, h}, cat.id == category_))
      category_ = cat.id;
  }
  ImGui::Separator();

  ImGui::BeginChild("##items");
  const float items_w = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(1, static_cast<int>(items_w / touch::px(190)));
  const float item_w = touch::share(columns, items_w);
  int n = 0;
  for (const MenuItem& item : menu.items) {
    if (item.category_id != category_ || !on_sale(item)) continue;
    if (n++ % columns != 0) ImGui::SameLine();
    const StockLevel level = view.state.stock_of(item.id);
    std::string badge;
    ImVec4 badge_colour = ui::colour::late;
    if (level.out()) {
      badge = "86";
    } else if (level.remaining) {
      badge = std::to_string(*level.remaining) + " left";
      badge_colour =
          *level.remaining <= 3 ? ui::colour::late : ui::shade(ui::colour::warning, -0.15f);
    }
    std::string detail = view.state.money(price_at(menu, item, local));
    if (!item.modifier_group_ids.empty()) detail += "  ...";
    if (touch::tile("item." + item.id, item.name, detail, {item_w, touch::px(100)}, touch::kTile,
                    !level.out(), badge, badge_colour))
      tap_item(view, c.id, item.id, out);
  }
  touch::drag_scroll();
  ImGui::EndChild();
}

}  // namespace brigade::terminal
