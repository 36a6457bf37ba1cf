#include "menu_screen.h"

#include <algorithm>
#include <cctype>

#include "brigade/restaurant/menu_file.h"
#include "brigade/ui/theme.h"
#include "inventory_screen.h"
#include "touch_widgets.h"

namespace brigade::terminal {

namespace {

constexpr float kFormWidth = 560;
// Allergens a kitchen is asked about most; an item may carry others from a menu file.
const std::vector<std::string> kAllergens{"gluten",    "dairy",   "egg", "fish",  "shellfish",
                                          "tree-nuts", "peanuts", "soy", "sesame"};

template <class T>
void toggle(std::vector<T>& list, const T& value) {
  auto it = std::find(list.begin(), list.end(), value);
  if (it == list.end())
    list.push_back(value);
  else
    list.erase(it);
}

template <class T>
bool has(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A row of choice tiles, wrapping; returns the index tapped, or -1.
int tiles(const std::string& probe, const std::vector<std::string>& ids,
          const std::vector<std::string>& labels, const std::function<bool(int)>& selected,
          float width) {
  const int per_row = std::max(1, static_cast<int>(width / touch::px(165)));
  const float w = touch::share(per_row, width);
  int tapped = -1;
  for (int i = 0; i < static_cast<int>(ids.size()); ++i) {
    if (i % per_row != 0) ImGui::SameLine();
    if (touch::label_tile(probe + "." + ids[i], labels[i], {w, touch::px(56)}, selected(i)))
      tapped = i;
  }
  return tapped;
}

// What one unit takes: a tile per ingredient of the menu (tap: in or out of the recipe),
// and for each one in, how much, with - and +. Probed "<probe>.<id>", "<probe>.less.<id>",
// "<probe>.more.<id>".
void edit_recipe(const std::string& probe, Recipe& recipe, const Menu& menu, float width) {
  if (menu.ingredients.empty()) {
    touch::dim("No ingredients yet: add them under Ingredients.");
    return;
  }
  std::vector<std::string> ids, labels;
  for (const Ingredient& i : menu.ingredients) ids.push_back(i.id), labels.push_back(i.name);
  auto part_of = [&](const std::string& id) {
    return std::find_if(recipe.begin(), recipe.end(),
                        [&](const RecipePart& p) { return p.ingredient_id == id; });
  };
  if (int t = tiles(
          probe, ids, labels, [&](int i) { return part_of(ids[i]) != recipe.end(); }, width);
      t >= 0) {
    if (auto it = part_of(ids[t]); it != recipe.end())
      recipe.erase(it);
    else
      recipe.push_back({ids[t], 1});
  }
  const float h = ui::touch_size() * 0.8f;
  for (RecipePart& part : recipe) {
    const Ingredient* ingredient = menu.find_ingredient(part.ingredient_id);
    if (!ingredient) continue;
    touch::row_label(ingredient->name + ": " + amount_text(*ingredient, part.quantity), h,
                     width - 2 * (h + ImGui::GetStyle().ItemSpacing.x));
    ImGui::SameLine();
    if (touch::button("-##" + part.ingredient_id, {h, h}, touch::kTile, part.quantity > 1,
                      probe + ".less." + part.ingredient_id))
      --part.quantity;
    ImGui::SameLine();
    if (touch::button("+##" + part.ingredient_id, {h, h}, touch::kTile,
                      part.quantity < kMaxRecipeQuantity, probe + ".more." + part.ingredient_id))
      ++part.quantity;
  }
}

// Units a kitchen counts in; an ingredient may carry another from a menu file.
const std::vector<std::string> kUnits{"each", "portion", "slice", "rasher", "g", "ml", "oz"};

}  // namespace

std::string id_from_name(const std::string& name, const std::vector<std::string>& taken) {
  std::string id;
  for (unsigned char c : name) {
    if (std::isalnum(c))
      id += static_cast<char>(std::tolower(c));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 56) id.resize(56);
  if (id.empty()) id = "new";
  std::string unique = id;
  for (int n = 2; has(taken, unique); ++n) unique = id + "-" + std::to_string(n);
  return unique;
}

void MenuScreen::open(const Menu& menu, const std::string& id) {
  if (const MenuItem* item = menu.find_item(id)) {
    mode_ = Mode::items;
    category_ = item->category_id;
    edit_item(*item, false);
  } else if (const ModifierGroup* group = menu.find_group(id)) {
    mode_ = Mode::groups;
    edit_group(*group, false);
  } else if (const Ingredient* ingredient = menu.find_ingredient(id)) {
    mode_ = Mode::ingredients;
    edit_ingredient(*ingredient, false);
  } else {
    for (const Category& c : menu.categories)
      if (c.id == id) {
        mode_ = Mode::categories;
        edit_category(c, false);
      }
  }
}

void MenuScreen::edit_item(const MenuItem& item, bool fresh) {
  item_ = item;
  editing_item_ = true;
  new_item_ = fresh;
  field_ = fresh ? Field::name : Field::none;
  text_.set_text(fresh ? std::string() : item.name);
  price_.set_money(item.price);
  saving_.stop();
}

void MenuScreen::edit_ingredient(const Ingredient& ingredient, bool fresh) {
  ingredient_ = ingredient;
  editing_ingredient_ = true;
  new_ingredient_ = fresh;
  field_ = fresh ? Field::name : Field::none;
  text_.set_text(fresh ? std::string() : ingredient.name);
  low_at_.clear();
  saving_.stop();
}

void MenuScreen::edit_category(const Category& category, bool fresh) {
  category_draft_ = category;
  editing_category_ = true;
  new_category_ = fresh;
  field_ = fresh ? Field::name : Field::none;
  text_.set_text(fresh ? std::string() : category.name);
  saving_.stop();
}

void MenuScreen::edit_group(const ModifierGroup& group, bool fresh) {
  group_ = group;
  editing_group_ = true;
  new_group_ = fresh;
  choice_ = -1;
  field_ = fresh ? Field::name : Field::none;
  text_.set_text(fresh ? std::string() : group.name);
  saving_.stop();
}

void MenuScreen::save(const TerminalView& view, Intents& out, const std::string& kind, Json entry,
                      const std::string& what) {
  saving_.start(view.controller, "save_menu_entry");
  out.push_back(SaveMenuEntry{kind, std::move(entry), "Saving " + what});
}

void MenuScreen::draw_content(const TerminalView& view, Intents& out) {
  const float h = ui::touch_size();
  if (touch::choice("Items", {touch::px(150), h * 0.8f}, mode_ == Mode::items, true,
                    "menu.mode.items"))
    mode_ = Mode::items;
  ImGui::SameLine();
  if (touch::choice("Modifier groups", {touch::px(220), h * 0.8f}, mode_ == Mode::groups, true,
                    "menu.mode.groups"))
    mode_ = Mode::groups;
  ImGui::SameLine();
  if (touch::choice("Ingredients", {touch::px(170), h * 0.8f}, mode_ == Mode::ingredients, true,
                    "menu.mode.ingredients"))
    mode_ = Mode::ingredients;
  ImGui::SameLine();
  if (touch::choice("Categories", {touch::px(170), h * 0.8f}, mode_ == Mode::categories, true,
                    "menu.mode.categories"))
    mode_ = Mode::categories;
  ImGui::SameLine();
  touch::dim("  menu version " + std::to_string(view.state.menu_version()) +
             ": every screen follows each save at once");

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##menu.list", {avail.x - touch::px(kFormWidth) - 12, avail.y}, false);
  if (mode_ == Mode::items)
    draw_item_list(view);
  else if (mode_ == Mode::groups)
    draw_group_list(view);
  else if (mode_ == Mode::categories)
    draw_category_list(view);
  else
    draw_ingredient_list(view);
  touch::drag_scroll();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##menu.form", {touch::px(kFormWidth), avail.y}, true);
  if (mode_ == Mode::items)
    draw_item_form(view, out);
  else if (mode_ == Mode::groups)
    draw_group_form(view, out);
  else if (mode_ == Mode::categories)
    draw_category_form(view, out);
  else
    draw_ingredient_form(view, out);
  ImGui::EndChild();
}

// [SECTION] items

void MenuScreen::draw_item_list(const TerminalView& view) {
  const Menu& menu = view.state.menu();
  if (category_.empty() && !menu.categories.empty()) category_ = menu.categories.front().id;
  const float width = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>(width / touch::px(150)));
  const float cat_w = touch::share(per_row, width);
  int i = 0;
  for (const Category& c : menu.categories) {
    if (i++ % per_row != 0) ImGui::SameLine();
    if (touch::label_tile("menu.category." + c.id, c.name, {cat_w, ui::touch_size()},
                          c.id == category_))
      category_ = c.id;
  }
  ImGui::Separator();
  const int columns = std::max(1, static_cast<int>(width / touch::px(190)));
  const float w = touch::share(columns, width);
  if (touch::tile("menu.new_item", "+ New item", "in this category", {w, touch::px(96)},
                  ui::shade(ui::colour::accent, -0.25f))) {
    MenuItem fresh;
    fresh.category_id = category_;
    // A new item starts like the others of its category: same course, tax and routing.
    for (const MenuItem& other : menu.items)
      if (other.category_id == category_) {
        fresh.course = other.course;
        fresh.tax_class_id = other.tax_class_id;
        fresh.station_ids = other.station_ids;
        break;
      }
    if (fresh.tax_class_id.empty() && !menu.tax_classes.empty())
      fresh.tax_class_id = menu.tax_classes.front().id;
    edit_item(fresh, true);
  }
  int n = 1;
  for (const MenuItem& item : menu.items) {
    if (item.category_id != category_) continue;
    if (n++ % columns != 0) ImGui::SameLine();
    const bool picked = editing_item_ && !new_item_ && item.id == item_.id;
    const ImVec4 colour = picked         ? ui::colour::accent
                          : item.retired ? ui::colour::disabled
                                         : touch::kTile;
    if (touch::tile("menu.item." + item.id, item.name, view.state.money(item.price),
                    {w, touch::px(96)}, colour, true, item.retired ? "retired" : ""))
      edit_item(item, false);
  }
}

void MenuScreen::draw_entry(const TerminalView& view, float width) {
  switch (field_) {
    case Field::name:
    case Field::description:
    case Field::choice_name:
      text_.draw("menu.keys", {width, touch::px(300)},
                 field_ == Field::description ? "what the server should know" : "name");
      break;
    case Field::low_at:
      ImGui::TextUnformatted(
          ("Low at: " +
           (low_at_.empty() ? std::string("-") : low_at_.display() + " " + ingredient_.unit))
              .c_str());
      low_at_.draw("menu.low_at", {width, touch::px(260)});
      break;
    case Field::price:
    case Field::choice_price:
      ImGui::TextUnformatted((price_.empty()
                                  ? std::string("Type the new price")
                                  : "New price: " + price_.display(view.state.currency().symbol))
                                 .c_str());
      price_.draw("menu.price", {width, touch::px(260)});
      break;
    case Field::none:
      break;
  }
}

void MenuScreen::draw_status(const TerminalView& view) {
  const CommandRecord* r = saving_.record(view.controller);
  if (!r) return;
  if (r->pending())
    touch::dim("Saving...");
  else if (r->state == CommandRecord::State::refused)
    touch::coloured("Not saved: " + r->message, ui::colour::late);
  else
    touch::coloured("Saved: every screen has it (menu version " +
                        std::to_string(r->result.value("menu_version", std::int64_t{0})) + ")",
                    ui::colour::ok);
}

void MenuScreen::draw_item_form(const TerminalView& view, Intents& out) {
  if (!editing_item_) {
    touch::dim("Tap an item to change it, or + New item to add one.");
    return;
  }
  const Menu& menu = view.state.menu();
  float width = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  // What the keyboard typed goes where it was aimed.
  if (field_ == Field::name) item_.name = text_.text();
  if (field_ == Field::description) item_.description = text_.text();
  // A price is typed whole, as on a till: until a digit is typed, the old one stands.
  if (field_ == Field::price && !price_.empty()) item_.price = price_.money();

  touch::big(new_item_ ? "New item" : item_.name);
  if (item_.retired) touch::coloured("Retired: no longer sold", ui::colour::late);
  draw_status(view);
  {
    // Save stays in reach however far the fields below are scrolled.
    const float half = touch::share(2, width);
    const CommandRecord* pending = saving_.record(view.controller);
    if (touch::button(new_item_ ? "Add to the menu" : "Save", {half, h}, ui::colour::accent,
                      !item_.name.empty() && !(pending && pending->pending()), "menu.item.save")) {
      MenuItem entry = item_;
      if (new_item_) {
        std::vector<std::string> taken;
        for (const MenuItem& other : menu.items) taken.push_back(other.id);
        entry.id = id_from_name(entry.name, taken);
        item_.id = entry.id;
        new_item_ = false;  // saved again later, it is this item changed
      }
      field_ = Field::none;
      save(view, out, "item", entry_json(entry), entry.name);
    }
    if (!new_item_) {
      ImGui::SameLine();
      if (touch::button(item_.retired ? "Back on the menu" : "Retire", {half, h},
                        item_.retired ? ui::colour::ok : ui::shade(ui::colour::late, -0.15f), true,
                        "menu.item.retire")) {
        item_.retired = !item_.retired;
        save(view, out, "item", entry_json(item_), item_.name);
      }
    }
  }
  if (!new_item_) draw_move(view, out, "item", item_.id, width);
  const float entry_h = field_ == Field::none    ? 0
                        : field_ == Field::price ? touch::px(300)
                                                 : touch::px(340);
  ImGui::BeginChild("##menu.fields", {width, ImGui::GetContentRegionAvail().y - entry_h}, false);
  const float form_width = width;
  width = ImGui::GetContentRegionAvail().x;  // the fields', less their scrollbar

  auto field_button = [&](const std::string& label, Field f, const std::string& value,
                          const char* probe) {
    if (touch::choice(label + ": " + (value.empty() ? "-" : value), {width, h * 0.8f}, field_ == f,
                      true, probe)) {
      field_ = field_ == f ? Field::none : f;
      if (f == Field::name) text_.set_text(item_.name);
      if (f == Field::description) text_.set_text(item_.description);
      if (f == Field::price) price_.clear();
    }
  };
  field_button("Name", Field::name, item_.name, "menu.field.name");
  field_button("Price", Field::price, view.state.money(item_.price), "menu.field.price");
  field_button("Description", Field::description, item_.description, "menu.field.description");

  std::vector<std::string> ids, labels;
  auto reset = [&] {
    ids.clear();
    labels.clear();
  };

  touch::heading("Category");
  reset();
  for (const Category& c : menu.categories) ids.push_back(c.id), labels.push_back(c.name);
  if (int t = tiles(
          "menu.item.category", ids, labels, [&](int i) { return ids[i] == item_.category_id; },
          width);
      t >= 0)
    item_.category_id = ids[t];

  touch::heading("Course");
  reset();
  for (Course c : {Course::drinks, Course::apps, Course::mains, Course::dessert})
    ids.push_back(std::string(to_string(c))), labels.push_back(std::string(to_string(c)));
  if (int t = tiles(
          "menu.item.course", ids, labels, [&](int i) { return ids[i] == to_string(item_.course); },
          width);
      t >= 0)
    item_.course = *course_from_string(ids[t]);

  touch::heading("Made at");
  reset();
  for (const Station& s : menu.stations)
    if (!s.expo) ids.push_back(s.id), labels.push_back(s.name);
  if (int t = tiles(
          "menu.item.station", ids, labels, [&](int i) { return has(item_.station_ids, ids[i]); },
          width);
      t >= 0)
    toggle(item_.station_ids, ids[t]);

  touch::heading("Tax");
  reset();
  for (const TaxClass& t : menu.tax_classes) ids.push_back(t.id), labels.push_back(t.name);
  if (int t = tiles(
          "menu.item.tax", ids, labels, [&](int i) { return ids[i] == item_.tax_class_id; }, width);
      t >= 0)
    item_.tax_class_id = ids[t];

  touch::heading("Modifier groups, asked in the order tapped");
  reset();
  for (const ModifierGroup& g : menu.modifier_groups)
    ids.push_back(g.id), labels.push_back(g.name + (g.forced() ? " *" : ""));
  if (int t = tiles(
          "menu.item.group", ids, labels,
          [&](int i) { return has(item_.modifier_group_ids, ids[i]); }, width);
      t >= 0)
    toggle(item_.modifier_group_ids, ids[t]);

  touch::heading("Recipe: what one takes from stock");
  edit_recipe("menu.item.recipe", item_.recipe, menu, width);

  touch::heading("Allergens");
  reset();
  std::vector<std::string> allergens = kAllergens;
  for (const auto& a : item_.allergens)
    if (!has(allergens, a)) allergens.push_back(a);
  ids = allergens;
  labels = allergens;
  if (int t = tiles(
          "menu.item.allergen", ids, labels, [&](int i) { return has(item_.allergens, ids[i]); },
          width);
      t >= 0)
    toggle(item_.allergens, ids[t]);

  if (!menu.day_parts.empty()) {
    touch::heading("Sold only at (none: always)");
    reset();
    for (const DayPart& p : menu.day_parts)
      ids.push_back(p.id), labels.push_back(p.name + " " + p.describe());
    if (int t = tiles(
            "menu.item.day_part", ids, labels,
            [&](int i) { return has(item_.day_part_ids, ids[i]); }, width);
        t >= 0)
      toggle(item_.day_part_ids, ids[t]);
  }

  touch::drag_scroll();
  ImGui::EndChild();
  touch::probe("menu.form");  // the fields' panel, for a finger (or a test) to scroll
  draw_entry(view, form_width);
}

// [SECTION] modifier groups

void MenuScreen::draw_group_list(const TerminalView& view) {
  const Menu& menu = view.state.menu();
  const float width = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(1, static_cast<int>(width / touch::px(220)));
  const float w = touch::share(columns, width);
  if (touch::tile("menu.new_group", "+ New group", "choices for items", {w, touch::px(96)},
                  ui::shade(ui::colour::accent, -0.25f)))
    edit_group(ModifierGroup{}, true);
  int n = 1;
  for (const ModifierGroup& g : menu.modifier_groups) {
    if (n++ % columns != 0) ImGui::SameLine();
    const bool picked = editing_group_ && !new_group_ && g.id == group_.id;
    std::string detail = g.forced() ? "required" : "optional";
    detail += ", " + std::to_string(g.modifiers.size()) + " choices";
    if (touch::tile("menu.group." + g.id, g.name, detail, {w, touch::px(96)},
                    picked ? ui::colour::accent : touch::kTile))
      edit_group(g, false);
  }
}

void MenuScreen::draw_group_form(const TerminalView& view, Intents& out) {
  if (!editing_group_) {
    touch::dim("Tap a group to change it, or + New group to add one.");
    return;
  }
  const Menu& menu = view.state.menu();
  float width = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  const bool choosing = choice_ >= 0 && choice_ < static_cast<int>(group_.modifiers.size());
  if (field_ == Field::name) group_.name = text_.text();
  if (field_ == Field::choice_name && choosing) group_.modifiers[choice_].name = text_.text();
  if (field_ == Field::choice_price && choosing && !price_.empty())
    group_.modifiers[choice_].price = price_.money();

  touch::big(new_group_ ? "New modifier group" : group_.name);
  draw_status(view);
  if (touch::button(new_group_ ? "Add the group" : "Save", {width, h}, ui::colour::accent,
                    !group_.name.empty() && !group_.modifiers.empty(), "menu.group.save")) {
    ModifierGroup entry = group_;
    // Ids from names: the group's, and each choice's under it (unique across the menu).
    std::vector<std::string> taken;
    for (const ModifierGroup& g : menu.modifier_groups)
      if (g.id != group_.id) {
        taken.push_back(g.id);
        for (const Modifier& m : g.modifiers) taken.push_back(m.id);
      }
    if (new_group_) entry.id = id_from_name(entry.name, taken);
    for (Modifier& m : entry.modifiers) {
      if (!m.id.empty()) continue;
      std::vector<std::string> here = taken;
      for (const Modifier& other : entry.modifiers) here.push_back(other.id);
      m.id = id_from_name(entry.id + " " + m.name, here);
    }
    group_ = entry;
    new_group_ = false;
    field_ = Field::none;
    choice_ = -1;
    save(view, out, "modifier_group", entry_json(entry), entry.name);
  }
  const float entry_h = field_ == Field::none           ? 0
                        : field_ == Field::choice_price ? touch::px(300)
                                                        : touch::px(340);
  ImGui::BeginChild("##menu.fields", {width, ImGui::GetContentRegionAvail().y - entry_h}, false);
  const float form_width = width;
  width = ImGui::GetContentRegionAvail().x;  // the fields', less their scrollbar
  if (touch::choice("Name: " + (group_.name.empty() ? std::string("-") : group_.name),
                    {width, h * 0.8f}, field_ == Field::name, true, "menu.field.name")) {
    field_ = field_ == Field::name ? Field::none : Field::name;
    text_.set_text(group_.name);
  }

  // How many choices: at least (0 = optional, 1 or more = required) and at most.
  auto stepper = [&](const char* label, int& value, int lowest, const std::string& probe) {
    touch::row_label(std::string(label) + " " + std::to_string(value), h * 0.8f, 280);
    ImGui::SameLine();
    if (touch::button("-", {h, h * 0.8f}, touch::kTile, value > lowest, probe + ".less")) --value;
    ImGui::SameLine();
    if (touch::button("+", {h, h * 0.8f}, touch::kTile, value < 20, probe + ".more")) ++value;
  };
  stepper("Must choose at least", group_.min_select, 0, "menu.group.min");
  stepper("May choose at most", group_.max_select, 1, "menu.group.max");
  group_.max_select = std::max(group_.max_select, std::max(1, group_.min_select));
  touch::dim(group_.forced() ? "Required: the server must answer before the item is added"
                             : "Optional");

  touch::heading("Choices");
  for (int i = 0; i < static_cast<int>(group_.modifiers.size()); ++i) {
    const Modifier& m = group_.modifiers[i];
    const std::string label =
        (m.name.empty() ? std::string("(no name)") : m.name) +
        (m.price.is_zero() ? std::string() : "  +" + view.state.money(m.price));
    if (touch::choice(label, {width, h * 0.8f}, i == choice_, true,
                      "menu.choice." + std::to_string(i))) {
      choice_ = i == choice_ ? -1 : i;
      field_ = choice_ >= 0 ? Field::choice_name : Field::none;
      if (choice_ >= 0) text_.set_text(m.name);
    }
    if (i == choice_) {
      const float third = touch::share(3, width);
      if (touch::choice("Name", {third, h * 0.8f}, field_ == Field::choice_name, true,
                        "menu.choice.field.name")) {
        field_ = Field::choice_name;
        text_.set_text(group_.modifiers[i].name);
      }
      ImGui::SameLine();
      if (touch::choice("Price", {third, h * 0.8f}, field_ == Field::choice_price, true,
                        "menu.choice.field.price")) {
        field_ = Field::choice_price;
        price_.clear();
      }
      ImGui::SameLine();
      if (touch::button("Remove", {third, h * 0.8f}, ui::shade(ui::colour::late, -0.15f), true,
                        "menu.choice.remove")) {
        group_.modifiers.erase(group_.modifiers.begin() + i);
        choice_ = -1;
        field_ = Field::none;
        break;
      }
      touch::dim("What this choice takes from stock, per item:");
      edit_recipe("menu.choice.recipe", group_.modifiers[i].recipe, menu, width);
    }
  }
  if (touch::button("+ Add a choice", {width, h * 0.8f}, touch::kTile, true, "menu.choice.add")) {
    group_.modifiers.push_back(Modifier{});
    choice_ = static_cast<int>(group_.modifiers.size()) - 1;
    field_ = Field::choice_name;
    text_.clear();
    price_.clear();
  }

  touch::drag_scroll();
  ImGui::EndChild();
  touch::probe("menu.form");  // the fields' panel, for a finger (or a test) to scroll
  draw_entry(view, form_width);
}

// [SECTION] ingredients

void MenuScreen::draw_ingredient_list(const TerminalView& view) {
  const Menu& menu = view.state.menu();
  const float width = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(1, static_cast<int>(width / touch::px(220)));
  const float w = touch::share(columns, width);
  if (touch::tile("menu.new_ingredient", "+ New ingredient", "for recipes", {w, touch::px(96)},
                  ui::shade(ui::colour::accent, -0.25f)))
    edit_ingredient(Ingredient{}, true);
  int n = 1;
  for (const Ingredient& i : menu.ingredients) {
    if (n++ % columns != 0) ImGui::SameLine();
    const bool picked = editing_ingredient_ && !new_ingredient_ && i.id == ingredient_.id;
    const std::string detail =
        "in " + i.unit + (i.low_at > 0 ? ", low at " + std::to_string(i.low_at) : "");
    if (touch::tile("menu.ingredient." + i.id, i.name, detail, {w, touch::px(96)},
                    picked ? ui::colour::accent : touch::kTile))
      edit_ingredient(i, false);
  }
}

void MenuScreen::draw_ingredient_form(const TerminalView& view, Intents& out) {
  if (!editing_ingredient_) {
    touch::dim(
        "Tap an ingredient to change it, or + New ingredient to add one. What is on "
        "hand is counted on the Inventory screen.");
    return;
  }
  const Menu& menu = view.state.menu();
  float width = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  if (field_ == Field::name) ingredient_.name = text_.text();
  if (field_ == Field::low_at && !low_at_.empty()) ingredient_.low_at = low_at_.count();

  touch::big(new_ingredient_ ? "New ingredient" : ingredient_.name);
  draw_status(view);
  if (touch::button(new_ingredient_ ? "Add the ingredient" : "Save", {width, h}, ui::colour::accent,
                    !ingredient_.name.empty(), "menu.ingredient.save")) {
    if (new_ingredient_) {
      std::vector<std::string> taken;
      for (const Ingredient& other : menu.ingredients) taken.push_back(other.id);
      ingredient_.id = id_from_name(ingredient_.name, taken);
      new_ingredient_ = false;
    }
    field_ = Field::none;
    save(view, out, "ingredient", entry_json(ingredient_), ingredient_.name);
  }
  const float entry_h = field_ == Field::none     ? 0
                        : field_ == Field::low_at ? touch::px(300)
                                                  : touch::px(340);
  ImGui::BeginChild("##menu.fields", {width, ImGui::GetContentRegionAvail().y - entry_h}, false);
  const float form_width = width;
  width = ImGui::GetContentRegionAvail().x;
  if (touch::choice("Name: " + (ingredient_.name.empty() ? std::string("-") : ingredient_.name),
                    {width, h * 0.8f}, field_ == Field::name, true, "menu.field.name")) {
    field_ = field_ == Field::name ? Field::none : Field::name;
    text_.set_text(ingredient_.name);
  }
  if (touch::choice("Low-stock warning at: " + (ingredient_.low_at > 0
                                                    ? amount_text(ingredient_, ingredient_.low_at)
                                                    : std::string("never")),
                    {width, h * 0.8f}, field_ == Field::low_at, true, "menu.field.low_at")) {
    field_ = field_ == Field::low_at ? Field::none : Field::low_at;
    low_at_.clear();
  }
  touch::heading("Counted in");
  std::vector<std::string> units = kUnits;
  if (!has(units, ingredient_.unit)) units.push_back(ingredient_.unit);
  if (int t = tiles(
          "menu.ingredient.unit", units, units, [&](int i) { return units[i] == ingredient_.unit; },
          width);
      t >= 0)
    ingredient_.unit = units[t];
  const std::string uses = ingredient_.id.empty() ? std::string() : used_by(menu, ingredient_.id);
  touch::dim(uses.empty() ? "No recipe takes it yet: give items a recipe under Items."
                          : "In " + uses);
  touch::drag_scroll();
  ImGui::EndChild();
  touch::probe("menu.form");
  draw_entry(view, form_width);
}

// [SECTION] categories and the order of things

void MenuScreen::draw_move(const TerminalView& view, Intents& out, const std::string& kind,
                           const std::string& id, float width) {
  const Menu& menu = view.state.menu();
  std::vector<std::string> ids;
  std::vector<bool> alike;  // in the same category (items); every category is alike
  std::string category;
  if (kind == "item") {
    if (const MenuItem* item = menu.find_item(id)) category = item->category_id;
    for (const MenuItem& i : menu.items) {
      ids.push_back(i.id);
      alike.push_back(i.category_id == category);
    }
  } else {
    for (const Category& c : menu.categories) {
      ids.push_back(c.id);
      alike.push_back(true);
    }
  }
  const auto at = std::find(ids.begin(), ids.end(), id) - ids.begin();
  if (at == static_cast<long>(ids.size())) return;
  // The nearest alike entry before or after: the one to swap with; -1 if none.
  auto neighbour = [&](int step) {
    for (long k = at + step; k >= 0 && k < static_cast<long>(ids.size()); k += step)
      if (alike[k]) return k;
    return -1L;
  };
  const float half = touch::share(2, width);
  const float h = ui::touch_size() * 0.7f;
  const char* labels[] = {"Move earlier", "Move later"};
  const char* probes[] = {"menu.move.earlier", "menu.move.later"};
  for (int i = 0; i < 2; ++i) {
    if (i) ImGui::SameLine();
    const long other = neighbour(i == 0 ? -1 : 1);
    if (touch::button(labels[i], {half, h}, touch::kTile, other >= 0, probes[i])) {
      std::vector<std::string> order = ids;
      std::swap(order[at], order[other]);
      saving_.start(view.controller, "reorder_menu");
      out.push_back(
          ReorderMenuEntries{protocol::ReorderMenu{kind, order},
                             "Moving " + (kind == "item" ? view.state.item_name(id) : id)});
    }
  }
}

void MenuScreen::draw_category_list(const TerminalView& view) {
  const Menu& menu = view.state.menu();
  const float width = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(1, static_cast<int>(width / touch::px(220)));
  const float w = touch::share(columns, width);
  if (touch::tile("menu.new_category", "+ New category", "a section of the menu",
                  {w, touch::px(96)}, ui::shade(ui::colour::accent, -0.25f)))
    edit_category(Category{}, true);
  int n = 1;
  for (const Category& c : menu.categories) {
    if (n++ % columns != 0) ImGui::SameLine();
    int items = 0;
    for (const MenuItem& i : menu.items) items += i.category_id == c.id && !i.retired ? 1 : 0;
    std::string detail = std::to_string(items) + (items == 1 ? " item" : " items");
    if (!c.day_part_ids.empty()) detail += ", at set times";
    const bool picked = editing_category_ && !new_category_ && c.id == category_draft_.id;
    if (touch::tile("menu.category_entry." + c.id, c.name, detail, {w, touch::px(96)},
                    picked ? ui::colour::accent : touch::kTile))
      edit_category(c, false);
  }
}

void MenuScreen::draw_category_form(const TerminalView& view, Intents& out) {
  if (!editing_category_) {
    touch::dim(
        "Tap a category to rename it, move it or limit it to times of day, or + New "
        "category. Its items are on the Items tab.");
    return;
  }
  const Menu& menu = view.state.menu();
  const float width = ImGui::GetContentRegionAvail().x;
  const float h = ui::touch_size();
  if (field_ == Field::name) category_draft_.name = text_.text();
  touch::big(new_category_ ? "New category" : category_draft_.name);
  draw_status(view);
  if (touch::button(new_category_ ? "Add the category" : "Save", {width, h}, ui::colour::accent,
                    !category_draft_.name.empty(), "menu.category.save")) {
    if (new_category_) {
      std::vector<std::string> taken;
      for (const Category& other : menu.categories) taken.push_back(other.id);
      category_draft_.id = id_from_name(category_draft_.name, taken);
      new_category_ = false;
    }
    field_ = Field::none;
    save(view, out, "category", entry_json(category_draft_), category_draft_.name);
  }
  if (!new_category_) draw_move(view, out, "category", category_draft_.id, width);
  if (touch::choice(
          "Name: " + (category_draft_.name.empty() ? std::string("-") : category_draft_.name),
          {width, h * 0.8f}, field_ == Field::name, true, "menu.field.name")) {
    field_ = field_ == Field::name ? Field::none : Field::name;
    text_.set_text(category_draft_.name);
  }
  if (menu.day_parts.empty()) {
    touch::dim(
        "Sold at all times. Day parts (brunch, happy hour) come with the menu file: "
        "posctl menu import.");
  } else {
    touch::heading("Sold only at (none: always)");
    std::vector<std::string> ids, labels;
    for (const DayPart& p : menu.day_parts)
      ids.push_back(p.id), labels.push_back(p.name + " " + p.describe());
    if (int t = tiles(
            "menu.category.day_part", ids, labels,
            [&](int i) { return has(category_draft_.day_part_ids, ids[i]); }, width);
        t >= 0)
      toggle(category_draft_.day_part_ids, ids[t]);
  }
  draw_entry(view, width);
}

}  // namespace brigade::terminal
