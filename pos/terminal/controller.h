// Turns what a person asked for (intents) into hub commands, and what the hub answered
// into the terminal's state: who is logged in, which commands are still waiting (shown
// as pending), what was refused and why, and the card reader's progress. A command is
// sent once per intent; the link retries it under the same id, so nothing is entered
// twice when the connection comes back. No ImGui.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/domain/staff.h"
#include "brigade/protocol/commands.h"
#include "card_processor.h"
#include "hub_connection.h"
#include "intents.h"
#include "terminal_state.h"

namespace brigade::terminal {

// A hub command made from an intent: exactly what goes on the wire.
struct Command {
  explicit Command(std::string type_, Json args_ = Json::object())
      : type(std::move(type_)), args(std::move(args_)) {}
  // A typed command (protocol/commands.h): its kind and its args as the hub reads them.
  template <class Typed>
  static Command of(const Typed& command) {
    return Command(std::string(Typed::kind), protocol::to_json(command));
  }
  std::string type;
  Json args = Json::object();
  std::string approval_pin;
  std::int64_t check_id = 0;  // the check it changes, 0 if none
  std::string description;    // how the pending list names it
};
// The command for an intent; empty for navigation, logging in and out, the card reader
// and dismissing warnings, which the Controller handles itself.
std::optional<Command> command_for(const Intent& intent, const TerminalState& state);

struct CommandRecord {
  enum class State { pending, done, refused };
  std::string id;
  std::string type;
  std::int64_t check_id = 0;
  std::string description;
  Json args;
  State state = State::pending;
  std::string code;     // refused: the hub's error code
  std::string message;  // refused: the hub's sentence, shown as it is
  Json result;          // done: the reply's result
  EpochMs sent_at = 0;
  bool pending() const { return state == State::pending; }
};

// The card reader's progress on the charge the payment screen asked for.
struct CardStatus {
  enum class Stage { idle, waiting, approved, declined };
  Stage stage = Stage::idle;
  std::int64_t check_id = 0;
  int part = 0;
  Money amount;
  Money tip;
  std::string message;
  std::string reference;
};

// Something to tell the person once, on the message strip.
struct Notice {
  std::string text;
  EpochMs at = 0;
};

class Controller {
 public:
  Controller(HubConnection& hub, TerminalState& state, CardProcessor& cards);

  // Acts on a non-navigation intent.
  void handle(const Intent& intent, EpochMs now);
  // Applies what arrived: the feed into the state, answers into records, the card reader.
  void poll(EpochMs now);

  // The link to the hub, for the offline banner.
  bool online() const { return hub_.online(); }
  std::optional<std::chrono::milliseconds> since_contact() const { return hub_.since_contact(); }
  bool hub_in_development() const { return hub_.hub_in_development(); }

  bool logged_in() const { return staff_.has_value(); }
  const std::optional<StaffMember>& staff() const { return staff_; }
  const std::string& session() const { return session_; }
  // Whether the person logged in may do this without a manager's PIN.
  bool may(Permission permission) const;

  const CommandRecord* find(const std::string& id) const;
  // The latest command of a type (its dialog follows it to learn how it went).
  const CommandRecord* last(std::string_view type) const;
  // Commands still waiting for the hub, oldest first; of one check when check_id != 0.
  std::vector<const CommandRecord*> pending(std::int64_t check_id = 0) const;
  std::size_t pending_count() const;

  const CardStatus& card() const { return card_; }
  CardProcessor& card_processor() { return cards_; }
  const CardProcessor& card_processor() const { return cards_; }

  // Events for the terminal, each taken once.
  std::optional<std::int64_t> take_opened_check();  // open_check answered: show it
  std::optional<std::string> take_session_end();    // logged out (why, or "")
  std::optional<Notice> notice() const { return notice_; }
  void clear_notice() { notice_.reset(); }

 private:
  std::string send(const Command& command, EpochMs now, bool with_session = true);
  void answered(const Answer& answer, EpochMs now);
  void end_session(std::string why);
  void poll_card(EpochMs now);

  HubConnection& hub_;
  TerminalState& state_;
  CardProcessor& cards_;
  std::string session_;
  std::optional<StaffMember> staff_;
  std::deque<CommandRecord> records_;  // oldest first; pending ones are never dropped
  CardStatus card_;
  std::optional<std::int64_t> opened_check_;
  std::optional<std::string> session_end_;
  std::optional<Notice> notice_;
};

}  // namespace brigade::terminal
