#include "brigade/protocol/commands.h"

#include <algorithm>

namespace brigade::protocol {

namespace {
// A station id as the menu has it.
constexpr std::size_t kStationLength = 64;
constexpr std::size_t kDeviceNameLength = 64;
constexpr std::int64_t kMaxCents = 10'000'000'00;  // $10M: no single amount is larger
constexpr EpochMs kMaxTime = 32'503'680'000'000;   // year 3000
constexpr std::size_t kMaxWireNote = 2000;         // the domain then allows 500 characters
constexpr std::size_t kMaxTopics = 64;
constexpr std::int64_t kMaxPortions = 100'000;
constexpr std::int64_t kMaxOnHand = 1'000'000'000;  // a billion grams is a thousand tonnes
constexpr std::size_t kMaxLinesMoved = 200;

template <class T>
void put(Json& j, const char* name, const std::optional<T>& value) {
  if (value) j[name] = *value;
}

std::optional<int> small(const std::optional<std::int64_t>& v) {
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

// A course name; a bad one is recorded as a problem.
std::optional<Course> read_course(ArgReader& args, const char* name) {
  auto text = args.optional_text(name, ArgReader::kAnyLength);
  if (!text) return std::nullopt;
  auto course = course_from_string(*text);
  if (!course) args.invalid(name, "must be drinks, apps, mains or dessert");
  return course;
}

}  // namespace

// [SECTION] sessions and reads

Json to_json(const Login& c) {
  return {{"pin", c.pin}};
}
Json to_json(const Snapshot& c) {
  return {{"topics", c.topics}};
}
Json to_json(const EventsSince& c) {
  Json j{{"after", c.after}, {"topics", c.topics}};
  put(j, "limit", c.limit);
  return j;
}
Json to_json(const GetCheck& c) {
  return {{"check_id", c.check_id}};
}

void read(ArgReader& args, Login& c) {
  c.pin = args.text("pin", 16);
  args.no_other_fields();
}
void read(ArgReader& args, Snapshot& c) {
  c.topics = args.texts("topics", kMaxTopics, 64);
  args.no_other_fields();
}
void read(ArgReader& args, EventsSince& c) {
  c.after = args.integer("after", 0, INT64_MAX);
  c.topics = args.texts("topics", kMaxTopics, 64);
  c.limit = small(args.optional_integer("limit", 1, 1000));
  args.no_other_fields();
}
void read(ArgReader& args, GetCheck& c) {
  c.check_id = args.id("check_id");
  args.no_other_fields();
}

// [SECTION] front of house

Json to_json(const OpenCheck& c) {
  Json j{{"channel", to_string(c.channel)}};
  put(j, "table_id", c.table_id);
  put(j, "tab_name", c.tab_name);
  put(j, "customer_name", c.customer_name);
  put(j, "customer_phone", c.customer_phone);
  put(j, "promised_at", c.promised_at);
  put(j, "guests", c.guests);
  return j;
}

Json to_json(const AddLine& c) {
  Json j{{"check_id", c.check_id}, {"item_id", c.item_id}};
  put(j, "quantity", c.quantity);
  put(j, "seat", c.seat);
  if (c.course) j["course"] = to_string(*c.course);
  put(j, "modifiers", c.modifiers);
  put(j, "note", c.note);
  return j;
}

Json to_json(const Send& c) {
  Json j{{"check_id", c.check_id}};
  if (c.hold) {
    Json hold = Json::array();
    for (Course course : *c.hold) hold.push_back(to_string(course));
    j["hold"] = hold;
  }
  return j;
}

Json to_json(const Fire& c) {
  return {{"check_id", c.check_id}, {"course", to_string(c.course)}};
}

Json to_json(const VoidLine& c) {
  Json j{{"check_id", c.check_id}, {"line_id", c.line_id}, {"reason", c.reason}};
  put(j, "quantity", c.quantity);
  put(j, "made", c.made);
  return j;
}

Json to_json(const Pay& c) {
  Json j{
      {"check_id", c.check_id}, {"tender", to_string(c.tender)}, {"amount", c.amount.in_cents()}};
  if (c.tip) j["tip"] = c.tip->in_cents();
  put(j, "part", c.part);
  put(j, "reference", c.reference);
  return j;
}

Json to_json(const CloseCheck& c) {
  return {{"check_id", c.check_id}};
}

// The order of the reads is the order in which problems are named; names of things
// (channel, course, tender) are checked once every field is known to be there.
void read(ArgReader& args, OpenCheck& c) {
  auto channel = args.text("channel", ArgReader::kAnyLength, true);
  c.table_id = args.optional_text("table_id", 32);
  c.tab_name = args.optional_text("tab_name", 64);
  c.customer_name = args.optional_text("customer_name", 64);
  c.customer_phone = args.optional_text("customer_phone", 32);
  c.promised_at = args.optional_integer("promised_at", 0, kMaxTime);
  c.guests = small(args.optional_integer("guests", 0, 99));
  args.no_other_fields();
  if (!args.ok()) return;
  if (auto ch = channel_from_string(channel))
    c.channel = *ch;
  else
    args.invalid("channel", "must be dine_in, bar_tab, takeout, delivery or online");
}

void read(ArgReader& args, AddLine& c) {
  c.check_id = args.id("check_id");
  c.item_id = args.text("item_id", 64);
  c.quantity = args.optional_ruled_int("quantity", 1, kMaxLineQuantity);
  c.seat = args.optional_ruled_int("seat", 0, kMaxSeat);
  c.course = read_course(args, "course");
  c.modifiers = args.optional_texts("modifiers", 32, 64);
  c.note = args.optional_text("note", kMaxWireNote);
  args.no_other_fields();
}

void read(ArgReader& args, Send& c) {
  c.check_id = args.id("check_id");
  auto hold = args.optional_texts("hold", 4, ArgReader::kAnyLength);
  args.no_other_fields();
  if (!args.ok() || !hold) return;
  c.hold.emplace();
  for (const auto& name : *hold) {
    auto course = course_from_string(name);
    if (!course) return args.invalid("hold", "must list courses: drinks, apps, mains, dessert");
    c.hold->push_back(*course);
  }
}

void read(ArgReader& args, Fire& c) {
  c.check_id = args.id("check_id");
  auto course = args.text("course", ArgReader::kAnyLength, true);
  args.no_other_fields();
  if (!args.ok()) return;
  if (auto k = course_from_string(course))
    c.course = *k;
  else
    args.invalid("course", "must be drinks, apps, mains or dessert");
}

void read(ArgReader& args, VoidLine& c) {
  c.check_id = args.id("check_id");
  c.line_id = args.id("line_id");
  c.quantity = args.optional_ruled_int("quantity", 1, kMaxLineQuantity);
  c.reason = args.text("reason", 200, true);
  c.made = args.optional_boolean("made");
  args.no_other_fields();
}

void read(ArgReader& args, Pay& c) {
  c.check_id = args.id("check_id");
  auto tender = args.text("tender", ArgReader::kAnyLength, true);
  c.amount = args.money_at_most("amount", kMaxCents);
  c.tip = args.optional_money_at_most("tip", kMaxCents);
  c.part = small(args.optional_integer("part", 0, kMaxSplitParts));
  c.reference = args.optional_text("reference", 64);
  args.no_other_fields();
  if (!args.ok()) return;
  if (auto t = tender_from_string(tender))
    c.tender = *t;
  else
    args.invalid("tender", "must be cash, card, gift_card or house_account");
}

void read(ArgReader& args, CloseCheck& c) {
  c.check_id = args.id("check_id");
  args.no_other_fields();
}

Json to_json(const ChangeLine& c) {
  Json j{{"check_id", c.check_id}, {"line_id", c.line_id}};
  put(j, "quantity", c.quantity);
  put(j, "seat", c.seat);
  if (c.course) j["course"] = to_string(*c.course);
  put(j, "note", c.note);
  return j;
}
void read(ArgReader& args, ChangeLine& c) {
  c.check_id = args.id("check_id");
  c.line_id = args.id("line_id");
  c.quantity = args.optional_ruled_int("quantity", 1, kMaxLineQuantity);
  c.seat = args.optional_ruled_int("seat", 0, kMaxSeat);
  c.course = read_course(args, "course");
  c.note = args.optional_text("note", kMaxWireNote);
  args.no_other_fields();
}

Json to_json(const RemoveLine& c) {
  return {{"check_id", c.check_id}, {"line_id", c.line_id}};
}
void read(ArgReader& args, RemoveLine& c) {
  c.check_id = args.id("check_id");
  c.line_id = args.id("line_id");
  args.no_other_fields();
}

Json to_json(const GiveDiscount& c) {
  Json j{{"check_id", c.check_id}, {"kind", to_string(c.discount)}, {"reason", c.reason}};
  put(j, "line_id", c.line_id);
  if (c.amount) j["amount"] = c.amount->in_cents();
  put(j, "percent_bp", c.percent_bp);
  return j;
}
void read(ArgReader& args, GiveDiscount& c) {
  c.check_id = args.id("check_id");
  c.line_id = args.optional_id("line_id");
  auto kind = args.text("kind", ArgReader::kAnyLength, true);
  c.amount = args.optional_money("amount", 1, kMaxCents);
  c.percent_bp = args.optional_integer("percent_bp", 1, kBasisPointsPerWhole);
  c.reason = args.text("reason", 200, true);
  args.no_other_fields();
  if (!args.ok()) return;
  auto k = discount_kind_from_string(kind);
  if (!k) return args.invalid("kind", "must be amount, percent or comp");
  c.discount = *k;
  if (c.discount == DiscountKind::amount && !c.amount)
    return args.invalid("amount", "is needed for an amount discount");
  if (c.discount == DiscountKind::percent && !c.percent_bp)
    return args.invalid("percent_bp", "is needed for a percent discount (1000 = 10%)");
}

Json to_json(const AddTip& c) {
  return {{"check_id", c.check_id}, {"payment_id", c.payment_id}, {"tip", c.tip.in_cents()}};
}
void read(ArgReader& args, AddTip& c) {
  c.check_id = args.id("check_id");
  c.payment_id = args.id("payment_id");
  c.tip = args.money_at_most("tip", kMaxCents);
  args.no_other_fields();
}

Json to_json(const SplitCheck& c) {
  Json j{{"check_id", c.check_id}, {"kind", to_string(c.split)}};
  put(j, "parts", c.parts);
  if (c.assignments) {
    Json assignments = Json::object();
    for (const auto& [line_id, parts] : *c.assignments)
      assignments[std::to_string(line_id)] = parts;
    j["assignments"] = assignments;
  }
  return j;
}
void read(ArgReader& args, SplitCheck& c) {
  c.check_id = args.id("check_id");
  auto kind = args.text("kind", ArgReader::kAnyLength, true);
  c.parts = small(args.optional_integer("parts", 0, kMaxSplitParts));
  const bool has_assignments = args.has("assignments");
  Json assignments = has_assignments ? args.object("assignments") : Json::object();
  args.no_other_fields();
  if (!args.ok()) return;
  auto k = split_kind_from_string(kind);
  if (!k) return args.invalid("kind", "must be none, by_seat, by_item or even");
  c.split = *k;
  if (!has_assignments) return;
  static constexpr const char* kShape = "must map line ids to lists of parts";
  c.assignments.emplace();
  for (const auto& [key, value] : assignments.items()) {
    std::int64_t line_id = 0;
    try {
      line_id = std::stoll(key);
    } catch (const std::exception&) {
      return args.invalid("assignments", kShape);
    }
    if (!value.is_array() || value.size() > kMaxSplitParts)
      return args.invalid("assignments", kShape);
    std::vector<int> line_parts;
    for (const auto& p : value) {
      if (!p.is_number_integer()) return args.invalid("assignments", kShape);
      line_parts.push_back(
          static_cast<int>(std::clamp<std::int64_t>(p.get<std::int64_t>(), -1, 1000)));
    }
    (*c.assignments)[line_id] = std::move(line_parts);
  }
}

Json to_json(const MoveLines& c) {
  return {
      {"from_check_id", c.from_check_id}, {"to_check_id", c.to_check_id}, {"line_ids", c.line_ids}};
}
void read(ArgReader& args, MoveLines& c) {
  c.from_check_id = args.id("from_check_id");
  c.to_check_id = args.id("to_check_id");
  c.line_ids = args.ids("line_ids", kMaxLinesMoved);
  args.no_other_fields();
}

Json to_json(const MergeChecks& c) {
  return {{"into_check_id", c.into_check_id}, {"from_check_id", c.from_check_id}};
}
void read(ArgReader& args, MergeChecks& c) {
  c.into_check_id = args.id("into_check_id");
  c.from_check_id = args.id("from_check_id");
  args.no_other_fields();
}

Json to_json(const TransferCheck& c) {
  Json j{{"check_id", c.check_id}};
  put(j, "table_id", c.table_id);
  put(j, "server_id", c.server_id);
  return j;
}
void read(ArgReader& args, TransferCheck& c) {
  c.check_id = args.id("check_id");
  c.table_id = args.optional_text("table_id", 32, false);
  c.server_id = args.optional_text("server_id", 64, false);
  args.no_other_fields();
  if (args.ok() && !c.table_id && !c.server_id)
    args.invalid("table_id", "or args.server_id is needed");
}

// [SECTION] the 86 list

Json to_json(const EightySix& c) {
  return {{"item_id", c.item_id}};
}
Json to_json(const BackOn& c) {
  return {{"item_id", c.item_id}};
}
Json to_json(const SetStock& c) {
  return {{"item_id", c.item_id}, {"remaining", c.remaining ? Json(*c.remaining) : Json(nullptr)}};
}
void read(ArgReader& args, EightySix& c) {
  c.item_id = args.text("item_id", 64);
  args.no_other_fields();
}
void read(ArgReader& args, BackOn& c) {
  c.item_id = args.text("item_id", 64);
  args.no_other_fields();
}
void read(ArgReader& args, SetStock& c) {
  // "remaining" must be there, as a count or as null: a forgotten count must not silently
  // stop counting.
  c.remaining = small(args.optional_integer("remaining", 0, kMaxPortions));
  if (!args.present("remaining") && args.ok())
    args.invalid("remaining", "is missing (a count, or null to stop counting)");
  c.item_id = args.text("item_id", 64);
  args.no_other_fields();
}

Json to_json(const ReceiveStock& c) {
  Json j{{"ingredient_id", c.ingredient_id}, {"quantity", c.quantity}};
  put(j, "note", c.note);
  return j;
}
Json to_json(const CountStock& c) {
  Json j{{"ingredient_id", c.ingredient_id},
         {"on_hand", c.on_hand ? Json(*c.on_hand) : Json(nullptr)}};
  put(j, "note", c.note);
  return j;
}
Json to_json(const WasteStock& c) {
  return {{"ingredient_id", c.ingredient_id}, {"quantity", c.quantity}, {"reason", c.reason}};
}
void read(ArgReader& args, ReceiveStock& c) {
  c.ingredient_id = args.text("ingredient_id", 64);
  c.quantity = args.integer("quantity", 1, kMaxOnHand);
  c.note = args.optional_text("note", 200);
  args.no_other_fields();
}
void read(ArgReader& args, CountStock& c) {
  // Like set_stock: a forgotten count must not silently stop counting.
  c.on_hand = args.optional_integer("on_hand", 0, kMaxOnHand);
  if (!args.present("on_hand") && args.ok())
    args.invalid("on_hand", "is missing (a count, or null to stop counting)");
  c.ingredient_id = args.text("ingredient_id", 64);
  c.note = args.optional_text("note", 200);
  args.no_other_fields();
}
void read(ArgReader& args, WasteStock& c) {
  c.ingredient_id = args.text("ingredient_id", 64);
  c.quantity = args.integer("quantity", 1, kMaxOnHand);
  c.reason = args.text("reason", 200);
  args.no_other_fields();
}

// [SECTION] the back office

namespace {
constexpr std::size_t kMaxMenuEntries = 5000;  // ids in one reorder: far above any menu

void read_menu_kind(ArgReader& args, std::string& kind) {
  kind = args.text("kind", ArgReader::kAnyLength);
  if (!args.ok()) return;
  for (std::string_view k : kMenuKinds)
    if (k == kind) return;
  args.invalid(
      "kind", "must be tax_class, station, day_part, ingredient, category, modifier_group or item");
}
}  // namespace

std::string menu_list_of(std::string_view kind) {
  if (kind == "tax_class") return "tax_classes";
  if (kind == "category") return "categories";
  return std::string(kind) + "s";
}

Json to_json(const SaveStaff& c) {
  Json j{{"id", c.id}, {"name", c.name}, {"role", to_string(c.role)}, {"active", c.active}};
  if (!c.pin.empty()) j["pin"] = c.pin;
  return j;
}
Json to_json(const ChangePin& c) {
  Json j{{"staff_id", c.staff_id}, {"pin", c.pin}};
  if (!c.current_pin.empty()) j["current_pin"] = c.current_pin;
  return j;
}
void read(ArgReader& args, SaveStaff& c) {
  c.id = args.text("id", 64);
  c.name = args.text("name", 64);
  const std::string role = args.text("role", ArgReader::kAnyLength);
  c.active = args.optional_boolean("active").value_or(true);
  c.pin = args.optional_text("pin", 6, false).value_or("");
  args.no_other_fields();
  if (!args.ok()) return;
  if (auto r = role_from_string(role))
    c.role = *r;
  else
    args.invalid("role", "must be server, bartender, host, manager or kitchen");
}
void read(ArgReader& args, ChangePin& c) {
  c.staff_id = args.text("staff_id", 64);
  c.pin = args.text("pin", 6);
  c.current_pin = args.optional_text("current_pin", 6, false).value_or("");
  args.no_other_fields();
}

namespace {
constexpr std::int64_t kLatestTime = 253'402'300'799'000;  // 9999-12-31: any real time

std::optional<PunchKind> read_punch_kind(ArgReader& args, const char* name, bool required) {
  std::optional<std::string> text =
      required ? std::optional<std::string>(args.text(name, ArgReader::kAnyLength))
               : args.optional_text(name, ArgReader::kAnyLength, false);
  if (!text || !args.ok()) return std::nullopt;
  if (auto k = punch_kind_from_string(*text)) return k;
  args.invalid(name, "must be in, out, break_start or break_end");
  return std::nullopt;
}
}  // namespace

Json to_json(const Clock& c) {
  return {{"pin", c.pin}, {"action", to_string(c.action)}};
}
Json to_json(const FixPunch& c) {
  Json j{{"staff_id", c.staff_id}, {"reason", c.reason}};
  put(j, "punch_id", c.punch_id);
  if (c.punch) j["kind"] = to_string(*c.punch);
  put(j, "at", c.at);
  if (c.remove) j["remove"] = true;
  return j;
}
Json to_json(const GetTimesheet& c) {
  Json j{{"since", c.since}, {"until", c.until}};
  put(j, "staff_id", c.staff_id);
  return j;
}
Json to_json(const SetClockRule& c) {
  return {{"required", c.required}};
}
void read(ArgReader& args, Clock& c) {
  c.pin = args.text("pin", 16);  // as login: a wrong PIN is wrong_pin, and counts
  c.action = read_punch_kind(args, "action", true).value_or(PunchKind::in);
  args.no_other_fields();
}
void read(ArgReader& args, FixPunch& c) {
  c.staff_id = args.text("staff_id", 64);
  c.punch_id = args.optional_id("punch_id");
  c.punch = read_punch_kind(args, "kind", false);
  c.at = args.optional_integer("at", 0, kLatestTime);
  c.remove = args.optional_boolean("remove").value_or(false);
  c.reason = args.text("reason", 200);
  args.no_other_fields();
  if (!args.ok()) return;
  if (c.remove && !c.punch_id)
    return args.invalid("punch_id", "is missing (which punch to remove)");
  if (!c.remove && !c.at) return args.invalid("at", "is missing (when the punch should be)");
  if (!c.punch_id && !c.punch) return args.invalid("kind", "is missing (a punch to add needs one)");
}
void read(ArgReader& args, GetTimesheet& c) {
  c.staff_id = args.optional_text("staff_id", 64, false);
  c.since = args.integer("since", 0, kLatestTime);
  c.until = args.integer("until", 0, kLatestTime);
  args.no_other_fields();
  if (args.ok() && c.until <= c.since) args.invalid("until", "must be after since");
}
void read(ArgReader& args, SetClockRule& c) {
  c.required = args.boolean("required");
  args.no_other_fields();
}

Json to_json(const OpenDay&) {
  return Json::object();
}
Json to_json(const CloseDay& c) {
  return c.carry_over ? Json{{"carry_over", true}} : Json::object();
}
void read(ArgReader& args, OpenDay&) {
  args.no_other_fields();
}
Json to_json(const DayStatus&) {
  return Json::object();
}
void read(ArgReader& args, DayStatus&) {
  args.no_other_fields();
}
void read(ArgReader& args, CloseDay& c) {
  c.carry_over = args.optional_boolean("carry_over").value_or(false);
  args.no_other_fields();
}

namespace {
Json with_day(std::optional<std::int64_t> day) {
  return day ? Json{{"day", *day}} : Json::object();
}
}  // namespace

Json to_json(const XReport& c) {
  return with_day(c.day);
}
Json to_json(const ZReport& c) {
  return with_day(c.day);
}
void read(ArgReader& args, XReport& c) {
  c.day = args.optional_id("day");
  args.no_other_fields();
}
void read(ArgReader& args, ZReport& c) {
  c.day = args.optional_id("day");
  args.no_other_fields();
}

Json to_json(const OpenDrawer& c) {
  Json j{{"float", c.opening_float.in_cents()}};
  if (c.name) j["name"] = *c.name;
  return j;
}
void read(ArgReader& args, OpenDrawer& c) {
  c.opening_float = args.money_at_most("float", kMaxDrawerCents);
  c.name = args.optional_text("name", 40);
  args.no_other_fields();
}

Json to_json(const DrawerCash& c) {
  Json j{{"kind", to_string(c.move)}};
  if (!c.amount.is_zero()) j["amount"] = c.amount.in_cents();
  if (!c.reason.empty()) j["reason"] = c.reason;
  if (c.staff_id) j["staff_id"] = *c.staff_id;
  return j;
}
void read(ArgReader& args, DrawerCash& c) {
  const std::string kind = args.text("kind", ArgReader::kAnyLength, true);
  c.amount = args.optional_money_at_most("amount", kMaxDrawerCents).value_or(Money{});
  c.reason = args.optional_text("reason", 200).value_or("");
  c.staff_id = args.optional_text("staff_id", 64);
  args.no_other_fields();
  if (!args.ok()) return;
  const auto move = drawer_move_kind_from_string(kind);
  if (!move || *move == DrawerMoveKind::cash_sale || *move == DrawerMoveKind::cash_refund)
    return args.invalid("kind", "must be paid_in, paid_out, tip_payout or no_sale");
  c.move = *move;
}

Json to_json(const CountDrawer& c) {
  Json counts = Json::object();
  for (const auto& [cents, pieces] : c.denominations) counts[std::to_string(cents)] = pieces;
  return {{"drawer_id", c.drawer_id}, {"denominations", counts}};
}
void read(ArgReader& args, CountDrawer& c) {
  c.drawer_id = args.id("drawer_id");
  const Json counts = args.has("denominations") ? args.object("denominations") : Json();
  args.no_other_fields();
  if (!args.ok()) return;
  static constexpr const char* kShape =
      "must map denominations in cents (\"2000\" for $20) to how many pieces, 0 or more";
  if (!counts.is_object() || counts.size() > 50) return args.invalid("denominations", kShape);
  for (const auto& [key, value] : counts.items()) {
    std::int64_t cents = 0;
    try {
      std::size_t used = 0;
      cents = std::stoll(key, &used);
      if (used != key.size()) return args.invalid("denominations", kShape);
    } catch (const std::exception&) {
      return args.invalid("denominations", kShape);
    }
    if (!value.is_number_integer()) return args.invalid("denominations", kShape);
    c.denominations[cents] = value.get<std::int64_t>();
  }
}

Json to_json(const ListDrawers& c) {
  return with_day(c.day);
}
void read(ArgReader& args, ListDrawers& c) {
  c.day = args.optional_id("day");
  args.no_other_fields();
}

Json to_json(const RefundCheck& c) {
  Json j{{"check_id", c.check_id}, {"reason", c.reason}};
  if (c.lines) {
    Json lines = Json::object();
    for (const auto& [id, quantity] : *c.lines) lines[std::to_string(id)] = quantity;
    j["lines"] = lines;
  }
  if (c.reference) j["reference"] = *c.reference;
  return j;
}
void read(ArgReader& args, RefundCheck& c) {
  c.check_id = args.id("check_id");
  c.reason = args.text("reason", 200, true);
  c.reference = args.optional_text("reference", 64);
  const bool has_lines = args.has("lines");
  Json lines = has_lines ? args.object("lines") : Json::object();
  args.no_other_fields();
  if (!args.ok() || !has_lines) return;
  static constexpr const char* kShape = "must map line ids to quantities of 1 to 999";
  if (lines.empty() || lines.size() > 500) return args.invalid("lines", kShape);
  c.lines.emplace();
  for (const auto& [key, value] : lines.items()) {
    std::int64_t line_id = 0;
    try {
      std::size_t used = 0;
      line_id = std::stoll(key, &used);
      if (used != key.size() || line_id < 1) return args.invalid("lines", kShape);
    } catch (const std::exception&) {
      return args.invalid("lines", kShape);
    }
    if (!value.is_number_integer()) return args.invalid("lines", kShape);
    const std::int64_t quantity = value.get<std::int64_t>();
    if (quantity < 1 || quantity > kMaxLineQuantity) return args.invalid("lines", kShape);
    (*c.lines)[line_id] = static_cast<int>(quantity);
  }
}

Json to_json(const SetPermission& c) {
  return {
      {"role", to_string(c.role)}, {"permission", to_string(c.permission)}, {"allowed", c.allowed}};
}
void read(ArgReader& args, SetPermission& c) {
  const std::string role = args.text("role", ArgReader::kAnyLength);
  const std::string permission = args.text("permission", ArgReader::kAnyLength);
  c.allowed = args.boolean("allowed");
  args.no_other_fields();
  if (!args.ok()) return;
  if (auto r = role_from_string(role))
    c.role = *r;
  else
    return args.invalid("role", "must be server, bartender, host, manager or kitchen");
  if (auto p = permission_from_string(permission))
    c.permission = *p;
  else
    return args.invalid("permission",
                        "must be take_orders, void_sent_line, comp, discount, take_payment, "
                        "transfer_check, eighty_six, edit_menu, run_reports, manage_staff, "
                        "work_tickets, manage_devices, manage_stock or refund");
}

Json to_json(const SaveMenuEntry& c) {
  return {{"kind", c.entry_kind}, {"entry", c.entry}};
}
Json to_json(const RemoveMenuEntry& c) {
  return {{"kind", c.entry_kind}, {"id", c.id}};
}
Json to_json(const ReorderMenu& c) {
  return {{"kind", c.entry_kind}, {"ids", c.ids}};
}
Json to_json(const ImportMenu& c) {
  return {{"menu", c.menu}};
}
Json to_json(const ListAudit& c) {
  Json j = Json::object();
  if (c.since) j["since"] = *c.since;
  if (c.until) j["until"] = *c.until;
  if (c.after_id) j["after_id"] = *c.after_id;
  if (c.action) j["action"] = *c.action;
  if (c.staff_id) j["staff_id"] = *c.staff_id;
  if (c.limit) j["limit"] = *c.limit;
  return j;
}
void read(ArgReader& args, SaveMenuEntry& c) {
  read_menu_kind(args, c.entry_kind);
  c.entry = args.object("entry");
  args.no_other_fields();
}
void read(ArgReader& args, RemoveMenuEntry& c) {
  read_menu_kind(args, c.entry_kind);
  c.id = args.text("id", 64);
  args.no_other_fields();
}
void read(ArgReader& args, ReorderMenu& c) {
  read_menu_kind(args, c.entry_kind);
  c.ids = args.texts("ids", kMaxMenuEntries, 64);
  args.no_other_fields();
}
void read(ArgReader& args, ImportMenu& c) {
  c.menu = args.object("menu");
  args.no_other_fields();
}
void read(ArgReader& args, ListAudit& c) {
  c.since = args.optional_integer("since", 0, INT64_MAX);
  c.until = args.optional_integer("until", 0, INT64_MAX);
  c.after_id = args.optional_integer("after_id", 0, INT64_MAX);
  c.action = args.optional_text("action", 64);
  c.staff_id = args.optional_text("staff_id", 64);
  c.limit = small(args.optional_integer("limit", 1, 1000));
  args.no_other_fields();
}

// [SECTION] kitchen

Json to_json(const AckTicket& c) {
  return {{"ticket_id", c.ticket_id}, {"station", c.station}};
}
Json to_json(const Bump& c) {
  return {{"ticket_id", c.ticket_id}, {"station", c.station}};
}
Json to_json(const Serve& c) {
  return {{"ticket_id", c.ticket_id}};
}
Json to_json(const Recall& c) {
  Json j{{"ticket_id", c.ticket_id}};
  if (c.station) j["station"] = *c.station;
  return j;
}
Json to_json(const ItemBump& c) {
  return {
      {"ticket_id", c.ticket_id}, {"line_id", c.line_id}, {"station", c.station}, {"done", c.done}};
}
Json to_json(const Rush& c) {
  return {{"ticket_id", c.ticket_id}, {"rush", c.rush}};
}

// The order of the reads is the order in which problems are named.
void read(ArgReader& args, AckTicket& c) {
  c.station = args.text("station", kStationLength);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Bump& c) {
  c.station = args.text("station", kStationLength);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Serve& c) {
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Recall& c) {
  c.station = args.optional_text("station", kStationLength, false);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, ItemBump& c) {
  c.line_id = args.id("line_id");
  c.station = args.text("station", kStationLength);
  c.done = args.optional_boolean("done").value_or(true);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}
void read(ArgReader& args, Rush& c) {
  c.rush = args.optional_boolean("rush").value_or(true);
  c.ticket_id = args.id("ticket_id");
  args.no_other_fields();
}

// [SECTION] devices

Json to_json(const StartPairing& c) {
  Json j{{"name", c.name}, {"role", c.role}};
  if (!c.stations.empty()) j["stations"] = c.stations;
  return j;
}
Json to_json(const Pair& c) {
  return {{"public_key", c.public_key}, {"proof", c.proof}};
}
Json to_json(const RevokeDevice& c) {
  return {{"device_id", c.device_id}};
}

void read(ArgReader& args, StartPairing& c) {
  c.name = args.text("name", kDeviceNameLength);
  c.role = args.text("role", 16);
  c.stations =
      args.optional_texts("stations", 32, kStationLength).value_or(std::vector<std::string>{});
  args.no_other_fields();
}
void read(ArgReader& args, Pair& c) {
  c.public_key = args.text("public_key", 40);
  c.proof = args.text("proof", 64);
  args.no_other_fields();
}
void read(ArgReader& args, RevokeDevice& c) {
  c.device_id = args.text("device_id", 64);
  args.no_other_fields();
}

}  // namespace brigade::protocol
