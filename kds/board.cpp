#include "kds/board.h"

#include <algorithm>
#include <tuple>
#include <variant>

#include "brigade/protocol/events.h"
#include "brigade/protocol/json_text.h"

namespace brigade::kds {

namespace {

const StationSetup kDefaultSetup{};

template <typename T>
T number(const Json& j, const char* name, T fallback) {
  auto it = j.find(name);
  return it != j.end() && it->is_number() ? it->get<T>() : fallback;
}

// Why a ticket that was on screen is not any more, in the kitchen's words.
std::string why_it_left(const Ticket& ticket, bool bumped_here, const ScreenConfig& config) {
  if (ticket.status == TicketStatus::served) return "served";
  if (bumped_here) {
    std::string at;
    for (const auto& s : config.stations)
      if (const auto* p = ticket.station(s); p && p->bumped_at != 0)
        at += (at.empty() ? "" : ", ") + s;
    return "bumped at " + at;
  }
  if (ticket.status == TicketStatus::held) return "on hold";
  return "no longer for this screen";
}

}  // namespace

Board::Board(ScreenConfig config) : config_(std::move(config)) {}

// [SECTION] feeding

void Board::apply(const net::FeedItem& item) {
  if (const auto* snapshot = std::get_if<net::SnapshotLoaded>(&item)) {
    apply_snapshot(protocol::read_json(snapshot->json).doc);
  } else if (const auto* event = std::get_if<net::EventItem>(&item)) {
    apply_event(event->seq, event->type, protocol::read_json(event->body).doc);
  }
}

void Board::read_stations(const Json& menu) {
  auto stations = menu.find("stations");
  if (stations == menu.end() || !stations->is_array()) return;
  setups_.clear();
  for (const auto& s : *stations) {
    if (!s.is_object()) continue;
    StationSetup setup;
    setup.id = s.value("id", "");
    setup.name = s.value("name", setup.id);
    setup.expo = s.value("expo", false);
    setup.warn_after_s = number<int>(s, "warn_after_s", kDefaultSetup.warn_after_s);
    setup.late_after_s = number<int>(s, "late_after_s", kDefaultSetup.late_after_s);
    setups_.push_back(std::move(setup));
  }
}

void Board::apply_snapshot(const Json& result) {
  if (!result.is_object()) return;
  if (auto menu = result.find("menu"); menu != result.end() && menu->is_object())
    read_stations(*menu);
  const std::int64_t snapshot_seq = number<std::int64_t>(result, "seq", 0);

  std::map<std::int64_t, Ticket> fresh;
  if (auto list = result.find("tickets"); list != result.end() && list->is_array())
    for (const auto& j : *list)
      if (auto ticket = ticket_from_json(j); ticket && ticket->status != TicketStatus::served) {
        ticket->seq = snapshot_seq;
        fresh.emplace(ticket->id, std::move(*ticket));
      }

  // What the screen showed before against what it shows now, for the log.
  for (const auto& [id, old] : tickets_) {
    auto now = fresh.find(id);
    bool was = belongs_here(old);
    bool is = now != fresh.end() && belongs_here(now->second);
    if (was && !is) notice(Notice::Kind::left, old, "not open at the hub any more");
    if (was && is && describe(old, lines_of(old)) != describe(now->second, lines_of(now->second)))
      notice(Notice::Kind::changed, now->second, "");
  }
  for (const auto& [id, ticket] : fresh)
    if (belongs_here(ticket)) {
      auto old = tickets_.find(id);
      if (old == tickets_.end() || !belongs_here(old->second))
        notice(Notice::Kind::appeared, ticket, "");
    }

  // The recall list: still-open tickets bumped here; at expo, served ones stay served.
  std::erase_if(bumped_, [&](const BumpedTicket& b) {
    auto it = fresh.find(b.ticket_id);
    return config_.expo ? it != fresh.end() : it == fresh.end() || !bumped_here(it->second);
  });
  if (!config_.expo) {
    for (const auto& [id, ticket] : fresh) {
      bool listed = std::any_of(bumped_.begin(), bumped_.end(),
                                [&](const BumpedTicket& b) { return b.ticket_id == id; });
      if (bumped_here(ticket) && !listed) note_bumped(ticket);
    }
    std::stable_sort(
        bumped_.begin(), bumped_.end(),
        [](const BumpedTicket& a, const BumpedTicket& b) { return a.bumped_at > b.bumped_at; });
    while (bumped_.size() > kRecallDepth) bumped_.pop_back();
  }

  for (auto& [id, seq] : last_seq_) seq = std::max(seq, snapshot_seq);
  for (const auto& [id, ticket] : fresh) last_seq_[id] = snapshot_seq;
  std::erase_if(bumps_in_flight_, [&](const auto& b) { return !fresh.count(b.first); });
  tickets_ = std::move(fresh);
  seq_ = std::max(seq_, snapshot_seq);
  snapshot_seq_ = snapshot_seq;
  loaded_ = true;
}

void Board::apply_event(std::int64_t seq, std::string_view type, const Json& body) {
  if (seq <= snapshot_seq_) return;  // inside the snapshot already
  seq_ = std::max(seq_, seq);
  if (type == protocol::event::menu_changed && body.is_object()) {
    // A station renamed or its timers changed: the board follows without a restart.
    if (auto menu = body.find("menu"); menu != body.end() && menu->is_object())
      read_stations(*menu);
    return;
  }
  if (!type.starts_with(protocol::topic::tickets) || !body.is_object()) return;
  std::optional<Ticket> ticket;
  if (auto j = body.find("ticket"); j != body.end()) {
    ticket = ticket_from_json(*j);
  } else if (auto p = body.find("progress"); p != body.end()) {
    // A kitchen tap: only what it changed, applied to the ticket this screen has. A
    // ticket it does not have is not its own (or already gone): nothing to show.
    auto progress = protocol::read_progress(*p);
    if (!progress) return;
    auto known = tickets_.find(progress->id);
    if (known == tickets_.end()) {
      last_seq_[progress->id] = std::max(last_seq_[progress->id], seq);
      return;
    }
    ticket = known->second;
    protocol::apply(*ticket, *progress);
  }
  if (!ticket) return;
  auto& last = last_seq_[ticket->id];
  if (seq <= last) return;  // a duplicate, or older than what the ticket shows
  last = seq;
  ticket->seq = seq;
  upsert(std::move(*ticket), std::string(type));
}

void Board::upsert(Ticket ticket, const std::string& type) {
  auto old = tickets_.find(ticket.id);
  const bool was = old != tickets_.end() && belongs_here(old->second);
  const bool is = belongs_here(ticket);
  if (type == protocol::event::ticket_bumped || type == protocol::event::ticket_served ||
      type == protocol::event::ticket_recalled)
    if (auto it = bumps_in_flight_.find(ticket.id);
        it != bumps_in_flight_.end() && --it->second <= 0)
      bumps_in_flight_.erase(it);

  if (!was && is)
    notice(Notice::Kind::appeared, ticket,
           type == protocol::event::ticket_recalled ? "recalled"
           : type == protocol::event::ticket_fired  ? "fired"
                                                    : "");
  else if (was && is && type != protocol::event::ticket_acknowledged)
    notice(Notice::Kind::changed, ticket, type.substr(type.find('.') + 1));
  else if (was && !is)
    notice(Notice::Kind::left, ticket, why_it_left(ticket, bumped_here(ticket), config_));

  auto listed = [&](const BumpedTicket& b) { return b.ticket_id == ticket.id; };
  if (is || (!config_.expo && ticket.status == TicketStatus::served))
    std::erase_if(bumped_, listed);  // back on screen, or gone from the kitchen
  else if (was && bumped_here(ticket))
    note_bumped(ticket);

  if (ticket.status == TicketStatus::served)
    forget(ticket.id, ticket.seq);
  else
    tickets_[ticket.id] = std::move(ticket);
}

void Board::forget(std::int64_t ticket_id, std::int64_t seq) {
  tickets_.erase(ticket_id);
  last_seq_[ticket_id] = std::max(last_seq_[ticket_id], seq);
  bumps_in_flight_.erase(ticket_id);
}

void Board::note_bumped(const Ticket& ticket) {
  std::erase_if(bumped_, [&](const BumpedTicket& b) { return b.ticket_id == ticket.id; });
  EpochMs at = ticket.served_at;
  if (!config_.expo)
    for (const auto& s : config_.stations)
      if (const auto* p = ticket.station(s)) at = std::max(at, p->bumped_at);
  bumped_.push_front({ticket.id, ticket.label, ticket.check_number, at,
                      static_cast<int>(lines_of(ticket).size())});
  while (bumped_.size() > kRecallDepth) bumped_.pop_back();
}

void Board::notice(Notice::Kind kind, const Ticket& ticket, const std::string& why) {
  std::string text = "ticket " + std::to_string(ticket.id);
  switch (kind) {
    case Notice::Kind::appeared:
      text += " appears" + (why.empty() ? "" : " (" + why + ")") + ": " +
              describe(ticket, lines_of(ticket));
      break;
    case Notice::Kind::changed:
      text += " changes" + (why.empty() ? "" : " (" + why + ")") + ": " +
              describe(ticket, lines_of(ticket));
      break;
    case Notice::Kind::left:
      text += " leaves: " + ticket.label + " #" + std::to_string(ticket.check_number) + " " + why;
      break;
  }
  notices_.push_back({kind, ticket.id, std::move(text)});
}

// [SECTION] what the screen shows

bool Board::mine(std::string_view station) const {
  return std::find(config_.stations.begin(), config_.stations.end(), station) !=
         config_.stations.end();
}

bool Board::belongs_here(const Ticket& ticket) const {
  if (ticket.status == TicketStatus::served) return false;
  if (ticket.status == TicketStatus::held) {
    if (!config_.show_held) return false;
    if (config_.expo) return true;
    return std::any_of(ticket.stations.begin(), ticket.stations.end(),
                       [&](const StationProgress& s) { return mine(s.station); });
  }
  if (config_.expo) return true;  // open or ready: expo sends it
  return ticket.status == TicketStatus::open &&
         std::any_of(ticket.stations.begin(), ticket.stations.end(),
                     [&](const StationProgress& s) { return mine(s.station) && !s.bumped_at; });
}

bool Board::bumped_here(const Ticket& ticket) const {
  if (config_.expo) return ticket.status == TicketStatus::served;
  if (ticket.status == TicketStatus::served || ticket.status == TicketStatus::held) return false;
  bool any = false;
  for (const auto& s : ticket.stations) {
    if (!mine(s.station)) continue;
    if (s.bumped_at == 0) return false;
    any = true;
  }
  return any;
}

std::vector<const Ticket*> Board::tickets() const {
  std::vector<const Ticket*> out;
  for (const auto& [id, ticket] : tickets_)
    if (belongs_here(ticket) && !bump_in_flight(id)) out.push_back(&ticket);
  // Rush first, then the order they reached the kitchen; held courses wait at the end. At
  // expo, ready tickets come right after rush ones: their plates are waiting at the pass.
  const bool expo = config_.expo;
  std::stable_sort(out.begin(), out.end(), [expo](const Ticket* a, const Ticket* b) {
    auto key = [expo](const Ticket* t) {
      return std::make_tuple(t->status == TicketStatus::held, !t->rush,
                             !(expo && t->status == TicketStatus::ready), t->arrived_at(), t->id);
    };
    return key(a) < key(b);
  });
  return out;
}

const Ticket* Board::find(std::int64_t ticket_id) const {
  auto it = tickets_.find(ticket_id);
  return it == tickets_.end() ? nullptr : &it->second;
}

std::vector<const TicketLine*> Board::lines_of(const Ticket& ticket) const {
  std::vector<const TicketLine*> out;
  for (const auto& line : ticket.lines)
    if (config_.expo || std::any_of(line.stations.begin(), line.stations.end(),
                                    [&](const std::string& s) { return mine(s); }))
      out.push_back(&line);
  return out;
}

bool Board::line_done(const Ticket& ticket, const TicketLine& line) const {
  bool any = false;
  for (const auto& s : line.stations) {
    if (!config_.expo && !mine(s)) continue;
    const StationProgress* progress = ticket.station(s);
    if (!progress) continue;  // not a cooking station (expo)
    if (progress->bumped_at == 0 && !line.done_at_station(s)) return false;
    any = true;
  }
  return any;
}

const StationSetup& Board::thresholds_for(const Ticket& ticket) const {
  const StationSetup* best = nullptr;
  for (const auto& setup : setups_) {
    bool counts = config_.expo ? setup.expo : mine(setup.id) && ticket.station(setup.id);
    if (counts && (!best || setup.warn_after_s < best->warn_after_s)) best = &setup;
  }
  return best ? *best : kDefaultSetup;
}

Urgency Board::urgency(const Ticket& ticket, EpochMs now) const {
  const StationSetup& setup = thresholds_for(ticket);
  const std::int64_t elapsed_s = (now - ticket.arrived_at()) / 1000;
  if (elapsed_s >= setup.late_after_s) return Urgency::late;
  if (elapsed_s >= setup.warn_after_s) return Urgency::warning;
  return Urgency::normal;
}

std::vector<AllDayCount> Board::all_day() const {
  std::map<std::string, int> counts;
  for (const Ticket* ticket : tickets()) {
    if (held(*ticket)) continue;
    for (const TicketLine* line : lines_of(*ticket))
      if (!line->voided() && !line_done(*ticket, *line))
        counts[line->name] += line->live_quantity();
  }
  std::vector<AllDayCount> out;
  for (auto& [item, count] : counts)
    if (count > 0) out.push_back({item, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const AllDayCount& a, const AllDayCount& b) { return a.count > b.count; });
  return out;
}

std::vector<std::string> Board::unknown_stations() const {
  std::vector<std::string> out;
  for (const auto& s : config_.stations)
    if (std::none_of(setups_.begin(), setups_.end(),
                     [&](const StationSetup& setup) { return setup.id == s && !setup.expo; }))
      out.push_back(s);
  return out;
}

std::string Board::station_name(std::string_view id) const {
  for (const auto& s : setups_)
    if (s.id == id) return s.name;
  return std::string(id);
}

// [SECTION] what this screen does

std::vector<std::string> Board::stations_to_bump(const Ticket& ticket) const {
  std::vector<std::string> out;
  if (config_.expo) return out;
  for (const auto& s : ticket.stations)
    if (mine(s.station) && s.bumped_at == 0) out.push_back(s.station);
  return out;
}

std::vector<std::string> Board::stations_to_recall(std::int64_t ticket_id) const {
  std::vector<std::string> out;
  const Ticket* ticket = find(ticket_id);
  if (!ticket || config_.expo) return out;
  for (const auto& s : ticket->stations)
    if (mine(s.station) && s.bumped_at != 0) out.push_back(s.station);
  return out;
}

void Board::bump_sent(std::int64_t ticket_id) {
  if (find(ticket_id)) ++bumps_in_flight_[ticket_id];
}

void Board::bump_refused(std::int64_t ticket_id) {
  bumps_in_flight_.erase(ticket_id);
}

bool Board::bump_in_flight(std::int64_t ticket_id) const {
  return bumps_in_flight_.count(ticket_id) > 0;
}

void Board::displayed(std::int64_t ticket_id) {
  displayed_.insert(ticket_id);
}

std::vector<Acknowledgement> Board::take_acknowledgements_due() {
  std::vector<Acknowledgement> due;
  for (auto id : displayed_) {
    const Ticket* ticket = find(id);
    if (!ticket || ticket->status != TicketStatus::open) continue;
    for (const auto& s : ticket->stations)
      if (mine(s.station) && s.acknowledged_at == 0 && acknowledged_.insert({id, s.station}).second)
        due.push_back({id, s.station});
  }
  // Tickets that are gone need no more remembering.
  std::erase_if(displayed_, [&](std::int64_t id) { return !find(id); });
  return due;
}

std::vector<Notice> Board::take_notices() {
  return std::exchange(notices_, {});
}

}  // namespace brigade::kds
