#include "brigade/protocol/commands.h"

namespace brigade::protocol {

namespace {
// A station id as the menu has it.
constexpr std::size_t kStationLength = 64;
constexpr std::int64_t kMaxCents = 10'000'000'00;  // $10M: no single amount is larger
constexpr EpochMs kMaxTime = 32'503'680'000'000;   // year 3000
constexpr std::size_t kMaxNoteBytes = 2000;        // the domain then allows 500 characters

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
  auto text = args.optional_text(name, 16);
  if (!text) return std::nullopt;
  auto course = course_from_string(*text);
  if (!course) args.invalid(name, "must be drinks, apps, mains or dessert");
  return course;
}

}  // namespace

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
  auto channel = args.text("channel", 16);
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
  c.quantity = small(args.optional_integer("quantity", INT32_MIN, INT32_MAX));
  c.seat = small(args.optional_integer("seat", INT32_MIN, INT32_MAX));
  c.course = read_course(args, "course");
  c.modifiers = args.optional_texts("modifiers", 32, 64);
  c.note = args.optional_text("note", kMaxNoteBytes);
  args.no_other_fields();
}

void read(ArgReader& args, Send& c) {
  c.check_id = args.id("check_id");
  auto hold = args.optional_texts("hold", 4, 16);
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
  auto course = args.text("course", 16);
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
  c.quantity = small(args.optional_integer("quantity", INT32_MIN, INT32_MAX));
  c.reason = args.text("reason", 200, true);
  args.no_other_fields();
}

void read(ArgReader& args, Pay& c) {
  c.check_id = args.id("check_id");
  auto tender = args.text("tender", 16);
  c.amount = args.money("amount", INT64_MIN / 2, kMaxCents);
  c.tip = args.optional_money("tip", INT64_MIN / 2, kMaxCents);
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

}  // namespace brigade::protocol
