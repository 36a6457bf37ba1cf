// The hub's records (schema v3): event topics, command replies, sessions (v5: by a hash of
// their token) and tickets.
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "brigade/security/secrets.h"
#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

// [SECTION] event topics

std::int64_t Store::append_event(std::string_view type, std::string_view body_json, EpochMs at,
                                 const std::vector<std::string>& topics,
                                 std::vector<std::int64_t>* prevs) {
  std::int64_t sequence = append_event(type, body_json, at);
  if (prevs) prevs->clear();
  try {
    // The topic's head, then a plain INSERT (RETURNING would fill a temporary table).
    auto head =
        impl_->prepared("SELECT coalesce(max(sequence), 0) FROM event_topics WHERE topic = ?1");
    auto file =
        impl_->prepared("INSERT INTO event_topics (sequence, topic, prev) VALUES (?1, ?2, ?3)");
    for (const auto& topic : topics) {
      head->reset();
      bind_values(*head, std::string_view(topic));
      head->executeStep();
      const std::int64_t prev = head->getColumn(0).getInt64();
      head->reset();
      file->reset();
      bind_values(*file, sequence, std::string_view(topic), prev);
      file->exec();
      if (prevs) prevs->push_back(prev);
    }
  } catch (const SQLite::Exception& e) {
    throw storage_failure("filing event '" + std::string(type) + "' under its topics", e);
  }
  return sequence;
}

std::vector<TopicEvent> Store::events_since(std::int64_t after_sequence,
                                            const std::vector<std::string>& topics,
                                            int limit) const {
  std::vector<TopicEvent> out;
  if (limit <= 0 || topics.empty()) return out;
  auto since = impl_->prepared(R"sql(
    SELECT e.sequence, e.type, e.body, e.at, t.topic, t.prev
    FROM event_topics t JOIN events e ON e.sequence = t.sequence
    WHERE t.sequence > ?1 AND t.topic IN (SELECT value FROM json_each(?2))
    ORDER BY t.sequence, t.topic LIMIT ?3)sql");
  bind_values(*since, after_sequence, std::string_view(nlohmann::json(topics).dump()), limit);
  while (since->executeStep()) {
    TopicEvent e;
    e.event = Event{since->getColumn(0).getInt64(), since->getColumn(1).getString(),
                    since->getColumn(2).getString(), since->getColumn(3).getInt64()};
    e.topic = since->getColumn(4).getString();
    e.prev = since->getColumn(5).getInt64();
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<std::pair<std::string, std::int64_t>> Store::topic_heads() const {
  std::vector<std::pair<std::string, std::int64_t>> heads;
  // One index seek per topic (a skip scan over the (topic, sequence) key), never a scan
  // of the log: the heartbeat asks this twice a second, whatever the size of the day.
  auto query = impl_->prepared(R"sql(
    WITH RECURSIVE topics (topic) AS (
      SELECT min(topic) FROM event_topics
      UNION ALL
      SELECT (SELECT min(topic) FROM event_topics WHERE topic > topics.topic) FROM topics
      WHERE topics.topic IS NOT NULL)
    SELECT topic, (SELECT max(sequence) FROM event_topics e WHERE e.topic = topics.topic)
    FROM topics WHERE topic IS NOT NULL ORDER BY topic)sql");
  while (query->executeStep())
    heads.emplace_back(query->getColumn(0).getString(), query->getColumn(1).getInt64());
  return heads;
}

// [SECTION] command replies

std::optional<StoredReply> Store::find_reply(std::string_view command_id) const {
  auto query =
      impl_->prepared("SELECT request_hash, reply, at FROM command_replies WHERE command_id = ?1");
  bind_values(*query, command_id);
  if (!query->executeStep()) return std::nullopt;
  return StoredReply{query->getColumn(0).getString(), query->getColumn(1).getString(),
                     query->getColumn(2).getInt64(), query->getColumn(1).isNull()};
}

Status Store::save_reply(std::string_view command_id, std::string_view request_hash,
                         std::string_view reply, EpochMs at) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a reply"); !s) return s;
  try {
    auto save = impl_->prepared(R"sql(
      INSERT INTO command_replies (command_id, request_hash, reply, at) VALUES (?1, ?2, ?3, ?4))sql");
    execute(*save, command_id, request_hash, reply, static_cast<std::int64_t>(at));
  } catch (const SQLite::Exception& e) {
    return storage_error("keeping the reply to command '" + std::string(command_id) + "'", e);
  }
  return success();
}

Result<int> Store::expire_replies(EpochMs before, int at_most) {
  if (auto s = require_transaction(impl_->in_transaction, "expiring replies"); !s) return s.error();
  try {
    // The partial index holds only replies still kept: the oldest are found without a scan.
    auto expire = impl_->prepared(R"sql(
      UPDATE command_replies SET reply = NULL WHERE command_id IN (
        SELECT command_id FROM command_replies
        WHERE reply IS NOT NULL AND at < ?1 ORDER BY at LIMIT ?2))sql");
    execute(*expire, static_cast<std::int64_t>(before), at_most);
    return static_cast<int>(impl_->db.getChanges());
  } catch (const SQLite::Exception& e) {
    return storage_error("expiring kept replies", e);
  }
}

// [SECTION] sessions

std::string session_token_hash(std::string_view token) {
  // A token is 256 random bits: an unkeyed hash of it can't be turned back into it.
  return security::fingerprint(token);
}

namespace {

constexpr const char* kSessionColumns =
    "token_hash, staff_id, device, started_at, last_used_at, ended_at";

Session session_row(SQLite::Statement& row) {
  return Session{row.getColumn(0).getString(), row.getColumn(1).getString(),
                 row.getColumn(2).getString(), row.getColumn(3).getInt64(),
                 row.getColumn(4).getInt64(),  row.getColumn(5).getInt64()};
}

}  // namespace

Status Store::save_session(const Session& session) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a session"); !s) return s;
  try {
    auto save = impl_->prepared(R"sql(
      INSERT INTO sessions (token_hash, staff_id, device, started_at, last_used_at, ended_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6)
      ON CONFLICT (token_hash) DO UPDATE SET
        last_used_at = excluded.last_used_at, ended_at = excluded.ended_at)sql");
    execute(*save, std::string_view(session.token_hash), std::string_view(session.staff_id),
            std::string_view(session.device), static_cast<std::int64_t>(session.started_at),
            static_cast<std::int64_t>(session.last_used_at),
            static_cast<std::int64_t>(session.ended_at));
  } catch (const SQLite::Exception& e) {
    return storage_error("saving the session of '" + session.staff_id + "'", e);
  }
  return success();
}

std::optional<Session> Store::find_session(std::string_view token) const {
  if (token.empty()) return std::nullopt;
  auto query = impl_->prepared(std::string("SELECT ") + kSessionColumns +
                               " FROM sessions WHERE token_hash = ?1");
  bind_values(*query, session_token_hash(token));
  if (!query->executeStep()) return std::nullopt;
  return session_row(*query);
}

Result<std::vector<Session>> Store::end_sessions_of(std::string_view staff_id, EpochMs at) {
  if (auto s = require_transaction(impl_->in_transaction, "ending sessions"); !s) return s.error();
  try {
    auto end = impl_->prepared(std::string("UPDATE sessions SET ended_at = ?2 "
                                           "WHERE staff_id = ?1 AND ended_at = 0 RETURNING ") +
                               kSessionColumns);
    bind_values(*end, staff_id, static_cast<std::int64_t>(at));
    std::vector<Session> ended;
    while (end->executeStep()) ended.push_back(session_row(*end));
    return ended;
  } catch (const SQLite::Exception& e) {
    return storage_error("ending the sessions of '" + std::string(staff_id) + "'", e);
  }
}

// [SECTION] tickets

Status Store::save_ticket(const Ticket& ticket) {
  if (auto s = require_transaction(impl_->in_transaction, "saving a ticket"); !s) return s;
  const std::string what = "saving ticket " + std::to_string(ticket.id);
  try {
    auto save = impl_->prepared(R"sql(
      INSERT INTO tickets (id, check_id, status, course, addition, rush, created_at, fired_at,
                           served_at)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
      ON CONFLICT (id) DO UPDATE SET
        status = excluded.status, course = excluded.course, addition = excluded.addition,
        rush = excluded.rush, fired_at = excluded.fired_at, served_at = excluded.served_at)sql");
    execute(*save, ticket.id, ticket.check_id, to_string(ticket.status), to_string(ticket.course),
            ticket.addition, ticket.rush, static_cast<std::int64_t>(ticket.created_at),
            static_cast<std::int64_t>(ticket.fired_at),
            static_cast<std::int64_t>(ticket.served_at));

    // The ticket's rows below are its own: rewritten whole each time.
    for (const char* sql : {"DELETE FROM ticket_lines WHERE ticket_id = ?1",
                            "DELETE FROM ticket_stations WHERE ticket_id = ?1",
                            "DELETE FROM ticket_items_done WHERE ticket_id = ?1"}) {
      auto clear = impl_->prepared(sql);
      execute(*clear, ticket.id);
    }
    auto line = impl_->prepared(
        "INSERT INTO ticket_lines (ticket_id, position, line_id) VALUES (?1, ?2, ?3)");
    int position = 0;
    for (auto line_id : ticket.line_ids) execute(*line, ticket.id, position++, line_id);
    auto station = impl_->prepared(R"sql(
      INSERT INTO ticket_stations (ticket_id, position, station_id, acknowledged_at, bumped_at,
                                   alerted)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql");
    position = 0;
    for (const auto& s : ticket.stations)
      execute(*station, ticket.id, position++, std::string_view(s.station_id),
              static_cast<std::int64_t>(s.acknowledged_at), static_cast<std::int64_t>(s.bumped_at),
              s.alerted);
    auto done = impl_->prepared(
        "INSERT INTO ticket_items_done (ticket_id, line_id, station_id) VALUES (?1, ?2, ?3)");
    for (const auto& [line_id, station_id] : ticket.items_done)
      execute(*done, ticket.id, line_id, std::string_view(station_id));
  } catch (const SQLite::Exception& e) {
    return storage_error(what, e);
  }
  return success();
}

namespace {

// Reads the ticket rows of one query (id, check_id, status, course, addition, rush,
// created_at, fired_at, served_at), then each ticket's lines, stations and done items.
std::vector<Ticket> read_tickets(StatementCache& cache, SQLite::Statement& query) {
  std::vector<Ticket> tickets;
  while (query.executeStep()) {
    Ticket t;
    t.id = query.getColumn(0).getInt64();
    t.check_id = query.getColumn(1).getInt64();
    std::string status = query.getColumn(2).getString();
    t.status = parse_stored(ticket_status_from_string(status), "ticket status", status);
    std::string course = query.getColumn(3).getString();
    t.course = parse_stored(course_from_string(course), "course", course);
    t.addition = query.getColumn(4).getInt() != 0;
    t.rush = query.getColumn(5).getInt() != 0;
    t.created_at = query.getColumn(6).getInt64();
    t.fired_at = query.getColumn(7).getInt64();
    t.served_at = query.getColumn(8).getInt64();
    tickets.push_back(std::move(t));
  }
  query.reset();
  for (Ticket& t : tickets) {
    auto lines =
        cache.lease("SELECT line_id FROM ticket_lines WHERE ticket_id = ?1 ORDER BY position");
    bind_values(*lines, t.id);
    while (lines->executeStep()) t.line_ids.push_back(lines->getColumn(0).getInt64());
    auto stations = cache.lease(R"sql(
      SELECT station_id, acknowledged_at, bumped_at, alerted FROM ticket_stations
      WHERE ticket_id = ?1 ORDER BY position)sql");
    bind_values(*stations, t.id);
    while (stations->executeStep())
      t.stations.push_back({stations->getColumn(0).getString(), stations->getColumn(1).getInt64(),
                            stations->getColumn(2).getInt64(),
                            stations->getColumn(3).getInt() != 0});
    auto done =
        cache.lease("SELECT line_id, station_id FROM ticket_items_done WHERE ticket_id = ?1");
    bind_values(*done, t.id);
    while (done->executeStep())
      t.items_done.emplace(done->getColumn(0).getInt64(), done->getColumn(1).getString());
  }
  return tickets;
}

constexpr const char* kTicketColumns =
    "SELECT id, check_id, status, course, addition, rush, created_at, fired_at, served_at "
    "FROM tickets ";

}  // namespace

Result<Ticket> Store::load_ticket(std::int64_t ticket_id) const {
  try {
    auto query = impl_->prepared(std::string(kTicketColumns) + "WHERE id = ?1");
    bind_values(*query, ticket_id);
    auto tickets = read_tickets(impl_->statements, *query);
    if (tickets.empty())
      return fail(Errc::not_found, "there is no ticket " + std::to_string(ticket_id));
    return std::move(tickets.front());
  } catch (const std::exception& e) {
    return storage_error("loading ticket " + std::to_string(ticket_id), e);
  }
}

std::vector<Ticket> Store::load_open_tickets() const {
  auto query = impl_->prepared(std::string(kTicketColumns) +
                               "WHERE status IN ('held', 'open', 'ready') ORDER BY id");
  return read_tickets(impl_->statements, *query);
}

std::vector<Ticket> Store::load_tickets_waiting_for_acknowledgement(EpochMs fired_by) const {
  // A correlated EXISTS on the stations' key: no temporary index, and only the few tickets
  // found are read whole.
  auto query = impl_->prepared(std::string(kTicketColumns) + R"sql(
    WHERE status = 'open' AND fired_at <= ?1 AND EXISTS (
      SELECT 1 FROM ticket_stations s
      WHERE s.ticket_id = tickets.id AND s.acknowledged_at = 0 AND s.alerted = 0)
    ORDER BY id)sql");
  bind_values(*query, static_cast<std::int64_t>(fired_by));
  return read_tickets(impl_->statements, *query);
}

std::vector<Ticket> Store::load_tickets_of_check(std::int64_t check_id) const {
  auto query = impl_->prepared(std::string(kTicketColumns) + "WHERE check_id = ?1 ORDER BY id");
  bind_values(*query, check_id);
  return read_tickets(impl_->statements, *query);
}

std::vector<Ticket> Store::load_tickets_with_line(std::int64_t line_id) const {
  auto query = impl_->prepared(
      std::string(kTicketColumns) +
      "WHERE id IN (SELECT ticket_id FROM ticket_lines WHERE line_id = ?1) ORDER BY id");
  bind_values(*query, line_id);
  return read_tickets(impl_->statements, *query);
}

std::optional<std::int64_t> Store::check_of_line(std::int64_t line_id) const {
  auto query = impl_->prepared("SELECT check_id FROM lines WHERE id = ?1");
  bind_values(*query, line_id);
  if (!query->executeStep()) return std::nullopt;
  return query->getColumn(0).getInt64();
}

}  // namespace brigade::store
