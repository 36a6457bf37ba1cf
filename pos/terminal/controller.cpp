#include "controller.h"

#include <algorithm>
#include <set>

namespace brigade::terminal {

namespace {

constexpr std::size_t kKeptRecords = 200;

std::string seat_words(int seat) {
  return seat == 0 ? "table" : "seat " + std::to_string(seat);
}

std::string line_name(const TerminalState& state, std::int64_t check_id, std::int64_t line_id) {
  if (const CheckView* view = state.find_check(check_id))
    if (const Line* line = view->check.find_line(line_id)) return line->name;
  return "line " + std::to_string(line_id);
}

std::string label_of(const TerminalState& state, std::int64_t check_id) {
  const CheckView* view = state.find_check(check_id);
  return view ? view->label : "check " + std::to_string(check_id);
}

std::string ingredient_name(const TerminalState& state, const std::string& ingredient_id) {
  const Ingredient* ingredient = state.menu().find_ingredient(ingredient_id);
  return ingredient ? ingredient->name : ingredient_id;
}

}  // namespace

std::optional<Command> command_for(const Intent& intent, const TerminalState& state) {
  return std::visit(
      Overloaded{
          [&](const OpenCheck& i) -> std::optional<Command> {
            const CheckRequest& r = i.request;
            protocol::OpenCheck open{r.channel};
            std::string description;
            if (r.channel == Channel::dine_in) {
              open.table_id = r.table_id;
              open.guests = r.guests;
              description = "Opening table " + r.table_id;
            } else if (r.channel == Channel::bar_tab) {
              open.tab_name = r.tab_name;
              description = "Opening a tab for " + r.tab_name;
            } else {
              open.customer_name = r.customer_name;
              if (!r.customer_phone.empty()) open.customer_phone = r.customer_phone;
              if (r.promised_at != 0) open.promised_at = r.promised_at;
              description = "Opening an order for " + r.customer_name;
            }
            Command c = Command::of(open);
            c.description = description;
            return c;
          },
          [&](const AddLine& i) -> std::optional<Command> {
            const LineRequest& l = i.line;
            protocol::AddLine add{i.check_id, l.item_id, l.quantity, l.seat, l.course};
            if (!l.modifier_ids.empty()) add.modifiers = l.modifier_ids;
            if (!l.note.empty()) add.note = l.note;
            Command c = Command::of(add);
            c.check_id = i.check_id;
            std::string what = i.description.empty() ? state.item_name(l.item_id) : i.description;
            c.description = std::to_string(l.quantity) + " x " + what + ", " + seat_words(l.seat);
            return c;
          },
          [&](const ChangeLine& i) -> std::optional<Command> {
            Command c =
                Command::of(protocol::ChangeLine{i.check_id, i.line_id, i.change.quantity,
                                                 i.change.seat, i.change.course, i.change.note});
            c.check_id = i.check_id;
            c.description = "Changing " + line_name(state, i.check_id, i.line_id);
            return c;
          },
          [&](const RemoveLine& i) -> std::optional<Command> {
            Command c = Command::of(protocol::RemoveLine{i.check_id, i.line_id});
            c.check_id = i.check_id;
            c.description = "Removing " + line_name(state, i.check_id, i.line_id);
            return c;
          },
          [&](const SendOrder& i) -> std::optional<Command> {
            protocol::Send send{i.check_id};
            if (!i.hold.empty()) send.hold.emplace(i.hold.begin(), i.hold.end());
            Command c = Command::of(send);
            c.check_id = i.check_id;
            c.description = "Sending " + label_of(state, i.check_id) + " to the kitchen";
            return c;
          },
          [&](const FireCourse& i) -> std::optional<Command> {
            Command c = Command::of(protocol::Fire{i.check_id, i.course});
            c.check_id = i.check_id;
            c.description = "Firing " + std::string(to_string(i.course));
            return c;
          },
          [&](const VoidLine& i) -> std::optional<Command> {
            Command c =
                Command::of(protocol::VoidLine{i.check_id, i.line_id, i.quantity, i.reason});
            c.approval_pin = i.approval_pin;
            c.check_id = i.check_id;
            c.description = "Voiding " + line_name(state, i.check_id, i.line_id);
            return c;
          },
          [&](const AddDiscount& i) -> std::optional<Command> {
            protocol::GiveDiscount discount{i.check_id, i.line_id, i.kind};
            discount.reason = i.reason;
            if (i.kind == DiscountKind::amount) discount.amount = i.amount;
            if (i.kind == DiscountKind::percent) discount.percent_bp = i.percent_bp;
            Command c = Command::of(discount);
            c.approval_pin = i.approval_pin;
            c.check_id = i.check_id;
            c.description =
                std::string(i.kind == DiscountKind::comp ? "Comp on " : "Discount on ") +
                (i.line_id ? line_name(state, i.check_id, *i.line_id)
                           : label_of(state, i.check_id));
            return c;
          },
          [&](const MoveToTable& i) -> std::optional<Command> {
            Command c = Command::of(protocol::TransferCheck{i.check_id, i.table_id});
            c.check_id = i.check_id;
            c.description = "Moving " + label_of(state, i.check_id) + " to table " + i.table_id;
            return c;
          },
          [&](const MoveLines& i) -> std::optional<Command> {
            Command c =
                Command::of(protocol::MoveLines{i.from_check_id, i.to_check_id, i.line_ids});
            c.check_id = i.from_check_id;
            c.description = "Moving " + std::to_string(i.line_ids.size()) + " line(s) to " +
                            label_of(state, i.to_check_id);
            return c;
          },
          [&](const GiveToServer& i) -> std::optional<Command> {
            Command c = Command::of(protocol::TransferCheck{i.check_id, std::nullopt, i.server_id});
            c.check_id = i.check_id;
            c.description =
                "Giving " + label_of(state, i.check_id) + " to " + state.staff_name(i.server_id);
            return c;
          },
          [&](const MergeChecks& i) -> std::optional<Command> {
            Command c = Command::of(protocol::MergeChecks{i.into_check_id, i.from_check_id});
            c.check_id = i.into_check_id;
            c.description = "Merging " + label_of(state, i.from_check_id) + " into " +
                            label_of(state, i.into_check_id);
            return c;
          },
          [&](const SplitCheck& i) -> std::optional<Command> {
            protocol::SplitCheck split{i.check_id, i.plan.kind};
            if (i.plan.kind == SplitKind::even || i.plan.kind == SplitKind::by_item)
              split.parts = i.plan.parts;
            if (i.plan.kind == SplitKind::by_item) split.assignments = i.plan.assignments;
            Command c = Command::of(split);
            c.check_id = i.check_id;
            c.description = "Splitting " + label_of(state, i.check_id);
            return c;
          },
          [&](const TakeCash& i) -> std::optional<Command> {
            protocol::Pay pay{i.check_id, Tender::cash, i.handed};
            if (i.part != 0) pay.part = i.part;
            Command c = Command::of(pay);
            c.check_id = i.check_id;
            c.description = "Cash " + state.money(i.handed);
            return c;
          },
          [&](const AddTip& i) -> std::optional<Command> {
            Command c = Command::of(protocol::AddTip{i.check_id, i.payment_id, i.tip});
            c.check_id = i.check_id;
            c.description = "Tip " + state.money(i.tip);
            return c;
          },
          [&](const CloseCheck& i) -> std::optional<Command> {
            Command c = Command::of(protocol::CloseCheck{i.check_id});
            c.check_id = i.check_id;
            c.description = "Closing " + label_of(state, i.check_id);
            return c;
          },
          [&](const EightySix& i) -> std::optional<Command> {
            Command c = Command::of(protocol::EightySix{i.item_id});
            c.approval_pin = i.approval_pin;
            c.description = "86 " + state.item_name(i.item_id);
            return c;
          },
          [&](const BackOn& i) -> std::optional<Command> {
            Command c = Command::of(protocol::BackOn{i.item_id});
            c.approval_pin = i.approval_pin;
            c.description = state.item_name(i.item_id) + " back on";
            return c;
          },
          [&](const SetCount& i) -> std::optional<Command> {
            Command c = Command::of(protocol::SetStock{i.item_id, i.remaining});
            c.approval_pin = i.approval_pin;
            c.description = state.item_name(i.item_id) + ": " +
                            (i.remaining ? std::to_string(*i.remaining) + " left" : "not counted");
            return c;
          },
          [&](const ReceiveStock& i) -> std::optional<Command> {
            Command c = Command::of(protocol::ReceiveStock{i.ingredient_id, i.quantity});
            c.approval_pin = i.approval_pin;
            c.description = "Receiving " + std::to_string(i.quantity) + " " +
                            ingredient_name(state, i.ingredient_id);
            return c;
          },
          [&](const CountStock& i) -> std::optional<Command> {
            Command c = Command::of(protocol::CountStock{i.ingredient_id, i.on_hand});
            c.approval_pin = i.approval_pin;
            c.description = ingredient_name(state, i.ingredient_id) + ": " +
                            (i.on_hand ? "counted " + std::to_string(*i.on_hand) : "not counted");
            return c;
          },
          [&](const WasteStock& i) -> std::optional<Command> {
            Command c = Command::of(protocol::WasteStock{i.ingredient_id, i.quantity, i.reason});
            c.approval_pin = i.approval_pin;
            c.description = "Wasting " + std::to_string(i.quantity) + " " +
                            ingredient_name(state, i.ingredient_id) + " (" + i.reason + ")";
            return c;
          },
          [&](const SaveMenuEntry& i) -> std::optional<Command> {
            Command c = Command::of(protocol::SaveMenuEntry{i.kind, i.entry});
            c.description = i.description;
            return c;
          },
          [&](const ListDevices&) -> std::optional<Command> {
            Command c(std::string(protocol::command::list_devices));
            c.description = "Listing the devices";
            return c;
          },
          [&](const StartPairing& i) -> std::optional<Command> {
            Command c = Command::of(protocol::StartPairing{i.name, i.role, i.stations});
            c.description = "Pairing " + i.name;
            return c;
          },
          [&](const RevokeDevice& i) -> std::optional<Command> {
            Command c = Command::of(protocol::RevokeDevice{i.device_id});
            c.description = "Revoking " + i.device_id;
            return c;
          },
          [&](const ListStaff&) -> std::optional<Command> {
            Command c(std::string(protocol::command::list_staff));
            c.description = "Listing the staff";
            return c;
          },
          [&](const SaveStaffMember& i) -> std::optional<Command> {
            Command c = Command::of(i.staff);
            c.description = "Saving " + i.staff.name;
            return c;
          },
          [&](const ChangeStaffPin& i) -> std::optional<Command> {
            Command c = Command::of(i.change);
            c.description = "Changing " + state.staff_name(i.change.staff_id) + "'s PIN";
            return c;
          },
          [&](const SetRolePermission& i) -> std::optional<Command> {
            Command c = Command::of(i.change);
            c.description = std::string(i.change.allowed ? "Letting " : "Stopping ") +
                            std::string(to_string(i.change.role)) + ": " +
                            std::string(to_string(i.change.permission));
            return c;
          },
          [&](const ReadTimesheet& i) -> std::optional<Command> {
            Command c = Command::of(i.ask);
            c.description = "Reading the timesheet";
            return c;
          },
          [&](const FixStaffPunch& i) -> std::optional<Command> {
            Command c = Command::of(i.fix);
            c.description = "Fixing " + state.staff_name(i.fix.staff_id) + "'s punch";
            return c;
          },
          [&](const ChangeClockRule& i) -> std::optional<Command> {
            Command c = Command::of(protocol::SetClockRule{i.required});
            c.description = i.required ? "Requiring a clock-in" : "No clock-in needed";
            return c;
          },
          [&](const ReadAudit& i) -> std::optional<Command> {
            Command c = Command::of(i.ask);
            c.description = "Reading the audit log";
            return c;
          },
          [&](const ReadDayReport&) -> std::optional<Command> {
            Command c = Command::of(protocol::XReport{});
            c.description = "Reading the X report";
            return c;
          },
          [&](const ListDayDrawers&) -> std::optional<Command> {
            Command c = Command::of(protocol::ListDrawers{});
            c.description = "Reading the drawers";
            return c;
          },
          [&](const CountTheDrawer& i) -> std::optional<Command> {
            Command c = Command::of(i.count);
            c.description = "Counting " + i.name;
            return c;
          },
          [&](const CloseTheDay& i) -> std::optional<Command> {
            Command c = Command::of(protocol::CloseDay{i.carry_over});
            c.description = "Closing the day";
            return c;
          },
          [&](const ReorderMenuEntries& i) -> std::optional<Command> {
            Command c = Command::of(i.order);
            c.description = i.description;
            return c;
          },
          [&](const auto&) -> std::optional<Command> { return std::nullopt; },
      },
      intent);
}

Controller::Controller(HubConnection& hub, TerminalState& state, CardProcessor& cards)
    : hub_(hub), state_(state), cards_(cards) {}

bool Controller::may(Permission permission) const {
  // The store's own table, as the hub last said; the hub decides either way.
  return staff_ && state_.permissions().allows(staff_->role, permission);
}

std::string Controller::send(const Command& command, EpochMs now, bool with_session) {
  CommandRecord record;
  record.id = hub_.send(command.type, command.args, with_session ? session_ : std::string(),
                        command.approval_pin);
  record.type = command.type;
  record.check_id = command.check_id;
  record.description = command.description;
  record.args = command.args;
  record.sent_at = now;
  records_.push_back(std::move(record));
  // Forget answered commands beyond the window; waiting ones always stay.
  while (records_.size() > kKeptRecords && !records_.front().pending()) records_.pop_front();
  return records_.back().id;
}

void Controller::handle(const Intent& intent, EpochMs now) {
  if (const auto* login = std::get_if<LogIn>(&intent)) {
    Command c = Command::of(protocol::Login{login->pin});
    c.description = "Checking the PIN";
    send(c, now, false);
    return;
  }
  if (const auto* punch = std::get_if<ClockPunch>(&intent)) {
    // The time clock answers a PIN alone: no session needed, none started.
    Command c = Command::of(protocol::Clock{punch->pin, punch->kind});
    c.description = "Punching the clock";
    send(c, now, false);
    return;
  }
  if (const auto* logout = std::get_if<LogOut>(&intent)) {
    if (!logged_in()) return;
    Command c{std::string(protocol::command::logout)};
    c.description = "Logging out";
    send(c, now);
    end_session(logout->idle ? "Logged out: the terminal was idle." : "");
    return;
  }
  if (const auto* charge = std::get_if<ChargeCard>(&intent)) {
    if (!cards_.begin({charge->amount, charge->tip, label_of(state_, charge->check_id)})) {
      notice_ = Notice{"The card reader is still busy with the last card.", now};
      return;
    }
    card_ = CardStatus{CardStatus::Stage::waiting,
                       charge->check_id,
                       charge->part,
                       charge->amount,
                       charge->tip,
                       "Waiting for the card...",
                       ""};
    return;
  }
  if (const auto* dismiss = std::get_if<DismissAlert>(&intent)) {
    state_.dismiss_alert(dismiss->ticket_id, dismiss->station);
    return;
  }
  if (std::holds_alternative<DismissLockouts>(intent)) {
    state_.dismiss_lockouts();
    return;
  }
  if (auto command = command_for(intent, state_)) send(*command, now);
}

void Controller::poll(EpochMs now) {
  for (auto& item : hub_.feed()) state_.apply(item);
  // A change this terminal could not apply (its copy missed a line): the whole check,
  // once someone is logged in to ask for it.
  if (logged_in())
    for (std::int64_t id : state_.take_checks_to_fetch()) {
      Command c("get_check", {{"check_id", id}});
      c.check_id = id;
      c.description = "Refreshing the check";
      send(c, now);
    }
  for (const auto& answer : hub_.answers()) answered(answer, now);
  poll_card(now);
}

void Controller::poll_card(EpochMs now) {
  auto result = cards_.poll();
  if (!result) return;
  card_.message = result->message;
  card_.reference = result->reference;
  if (!result->approved) {
    card_.stage = CardStatus::Stage::declined;
    return;
  }
  card_.stage = CardStatus::Stage::approved;
  // The bank said yes: the hub records it. The link retries until the hub has it, and
  // the same id means it is recorded once however often it is retried.
  protocol::Pay pay{card_.check_id, Tender::card, card_.amount};
  pay.reference = card_.reference;
  if (!card_.tip.is_zero()) pay.tip = card_.tip;
  if (card_.part != 0) pay.part = card_.part;
  Command c = Command::of(pay);
  c.check_id = card_.check_id;
  c.description = "Card " + state_.money(card_.amount) + " (" + card_.reference + ")";
  send(c, now);
}

void Controller::answered(const Answer& answer, EpochMs now) {
  auto it = std::find_if(records_.begin(), records_.end(),
                         [&](const CommandRecord& r) { return r.id == answer.id; });
  if (it == records_.end()) return;
  CommandRecord& record = *it;
  if (answer.ok) {
    record.state = CommandRecord::State::done;
    record.result = answer.result;
    if (record.type == protocol::command::login) {
      session_ = answer.result.value("session", "");
      staff_ = protocol::read_staff(answer.result.value("staff", Json::object()));
    } else if (record.type == protocol::command::get_check) {
      if (auto c = answer.result.find("check"); c != answer.result.end()) state_.replace_check(*c);
    } else if (record.type == protocol::command::open_check) {
      if (auto c = answer.result.find("check"); c != answer.result.end()) state_.learn_check(*c);
      opened_check_ = answer.result.value("check_id", std::int64_t{0});
    }
    return;
  }
  if (answer.code == protocol::code::reply_expired) {
    // Done long ago (this retry came too late for its reply): not a refusal. The event
    // feed has already brought what it changed.
    record.state = CommandRecord::State::done;
    notice_ = Notice{record.description + ": " + answer.message, now};
    return;
  }
  record.state = CommandRecord::State::refused;
  record.code = answer.code;
  record.message = answer.message;
  if (answer.code == protocol::code::not_logged_in && record.type != protocol::command::logout) {
    end_session("Your session ended: log in again with your PIN.");
    return;
  }
  // The login screen and the approval dialogs say these where the person is looking.
  static const std::set<std::string, std::less<>> kShownInPlace{
      "login",         "logout",    "void_line",    "discount",      "eighty_six",
      "un_eighty_six", "set_stock", "list_devices", "start_pairing", "revoke_device"};
  if (!kShownInPlace.count(record.type))
    notice_ = Notice{record.description + ": " + answer.message, now};
}

void Controller::end_session(std::string why) {
  session_.clear();
  staff_.reset();
  session_end_ = std::move(why);
  card_ = CardStatus{};
}

const CommandRecord* Controller::find(const std::string& id) const {
  for (const auto& r : records_)
    if (r.id == id) return &r;
  return nullptr;
}

const CommandRecord* Controller::last(std::string_view type) const {
  for (auto it = records_.rbegin(); it != records_.rend(); ++it)
    if (it->type == type) return &*it;
  return nullptr;
}

std::vector<const CommandRecord*> Controller::pending(std::int64_t check_id) const {
  std::vector<const CommandRecord*> out;
  for (const auto& r : records_)
    if (r.pending() && (check_id == 0 || r.check_id == check_id)) out.push_back(&r);
  return out;
}

std::size_t Controller::pending_count() const {
  return static_cast<std::size_t>(
      std::count_if(records_.begin(), records_.end(), [](const auto& r) { return r.pending(); }));
}

std::optional<std::int64_t> Controller::take_opened_check() {
  auto out = opened_check_;
  opened_check_.reset();
  return out;
}

std::optional<std::string> Controller::take_session_end() {
  auto out = session_end_;
  session_end_.reset();
  return out;
}

}  // namespace brigade::terminal
