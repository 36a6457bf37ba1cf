// The board: every ticket one kitchen screen knows, fed by the event feed (a snapshot,
// then ticket.* events), and what the screen shows from them. A plain class: the views
// read it, the controller tells it what was sent, and tests drive it without ImGui.
//
// Each ticket keeps the seq of the last change applied to it, and the board remembers the
// seq of tickets that left: an event at or below that seq is old news and is ignored, so
// duplicated or out-of-order delivery can neither repeat a ticket nor bring one back.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "brigade/net/event_feed.h"
#include "kds/screen_config.h"
#include "kds/ticket.h"

namespace brigade::kds {

// A station as the menu configures it; the timer thresholds are per station.
struct StationSetup {
  std::string id;
  std::string name;
  bool expo = false;
  int warn_after_s = 300;  // defaults: 5 and 10 minutes
  int late_after_s = 600;
};

enum class Urgency { normal, warning, late };

// "6 Classic burger all day".
struct AllDayCount {
  std::string item;
  int count = 0;
};

// A ticket that left this screen by a bump here, for recall.
struct BumpedTicket {
  std::int64_t ticket_id = 0;
  std::string label;
  std::int64_t check_number = 0;
  EpochMs bumped_at = 0;  // hub clock
  int lines = 0;          // lines it had on this screen
};

// What the screen shows changed: one line in the log each (system tests read them).
struct Notice {
  enum class Kind { appeared, changed, left };
  Kind kind = Kind::appeared;
  std::int64_t ticket_id = 0;
  std::string text;
};

// The screen showed a ticket that its station has not acknowledged to the hub yet.
struct Acknowledgement {
  std::int64_t ticket_id = 0;
  std::string station;
};

class Board {
 public:
  static constexpr std::size_t kRecallDepth = 12;  // the last bumped, at least 10

  explicit Board(ScreenConfig config);

  // [SECTION] feeding
  void apply(const net::FeedItem& item);
  // The snapshot command's result: replaces every ticket (a screen that restarts).
  void apply_snapshot(const Json& result);
  // One ticket.* event; anything else only moves seq.
  void apply_event(std::int64_t seq, std::string_view type, const Json& body);

  bool loaded() const { return loaded_; }
  std::int64_t seq() const { return seq_; }
  const ScreenConfig& config() const { return config_; }

  // [SECTION] what the screen shows
  // Tickets on this screen, in the order to cook them: rush first, then arrival (at expo,
  // ready ones before the rest); held courses last.
  std::vector<const Ticket*> tickets() const;
  const Ticket* find(std::int64_t ticket_id) const;
  // The hub's state says this ticket belongs on this screen (bumps in flight aside).
  bool belongs_here(const Ticket& ticket) const;
  // The ticket's lines this screen cooks (expo: all of them).
  std::vector<const TicketLine*> lines_of(const Ticket& ticket) const;
  // Done here: every station of this screen the line goes to bumped it or the line.
  bool line_done(const Ticket& ticket, const TicketLine& line) const;
  bool held(const Ticket& ticket) const { return ticket.status == TicketStatus::held; }
  Urgency urgency(const Ticket& ticket, EpochMs now) const;
  const StationSetup& thresholds_for(const Ticket& ticket) const;
  std::vector<AllDayCount> all_day() const;
  // Newest first.
  const std::deque<BumpedTicket>& recently_bumped() const { return bumped_; }
  std::string station_name(std::string_view id) const;
  // This screen's stations that the restaurant's menu does not have (a typo in --station).
  std::vector<std::string> unknown_stations() const;
  const std::vector<StationSetup>& stations() const { return setups_; }

  // [SECTION] what this screen does
  // This screen's stations still cooking the ticket (a bump bumps each); expo: none.
  std::vector<std::string> stations_to_bump(const Ticket& ticket) const;
  // This screen's stations that bumped it (a recall brings it back at each).
  std::vector<std::string> stations_to_recall(std::int64_t ticket_id) const;
  // A bump (or serve) was sent: the ticket leaves the screen at once, and comes back only
  // if the hub refuses it, or the hub's bump leaves it here (another station of this screen
  // still cooking). Call once per command sent.
  void bump_sent(std::int64_t ticket_id);
  void bump_refused(std::int64_t ticket_id);
  bool bump_in_flight(std::int64_t ticket_id) const;
  // The screen drew the ticket this frame.
  void displayed(std::int64_t ticket_id);
  // Displayed, open and not yet acknowledged by this screen's station: each is returned once.
  std::vector<Acknowledgement> take_acknowledgements_due();
  std::vector<Notice> take_notices();

 private:
  void read_stations(const Json& menu);
  void upsert(Ticket ticket, const std::string& type);
  void forget(std::int64_t ticket_id, std::int64_t seq);
  void note_bumped(const Ticket& ticket);
  void notice(Notice::Kind kind, const Ticket& ticket, const std::string& why);
  bool bumped_here(const Ticket& ticket) const;
  bool mine(std::string_view station) const;

  ScreenConfig config_;
  std::vector<StationSetup> setups_;
  bool loaded_ = false;
  std::int64_t seq_ = 0;
  std::map<std::int64_t, Ticket> tickets_;
  std::map<std::int64_t, std::int64_t> last_seq_;  // every ticket seen, gone ones too
  std::int64_t snapshot_seq_ = 0;
  std::map<std::int64_t, int> bumps_in_flight_;  // ticket -> bump commands not yet seen back
  std::set<std::int64_t> displayed_;
  std::set<std::pair<std::int64_t, std::string>> acknowledged_;  // sent by this screen
  std::deque<BumpedTicket> bumped_;
  std::vector<Notice> notices_;
};

}  // namespace brigade::kds
