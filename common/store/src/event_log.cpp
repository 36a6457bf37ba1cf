// The append-only event log: numbered with no gaps, written only inside a transaction so
// that an event commits together with the state it describes (and vanishes with it on
// a rollback, giving its number back).
#include "brigade/store/store.h"
#include "store_impl.h"

namespace brigade::store {

std::int64_t Store::append_event(std::string_view type, std::string_view body_json, EpochMs at) {
  if (!impl_->in_transaction)
    throw std::logic_error("Store::append_event must run inside Store::transaction");
  try {
    // The number is the last one plus one, taken under the transaction's write lock; a
    // trigger refuses any other number, whoever writes. (Read first, then a plain INSERT:
    // INSERT ... RETURNING would fill a temporary table on every event.)
    const std::int64_t sequence = last_sequence() + 1;
    auto append =
        impl_->prepared("INSERT INTO events (sequence, type, body, at) VALUES (?1, ?2, ?3, ?4)");
    append->bind(1, sequence);
    append->bind(2, std::string(type));
    append->bind(3, std::string(body_json));
    append->bind(4, static_cast<std::int64_t>(at));
    append->exec();
    return sequence;
  } catch (const SQLite::Exception& e) {
    throw storage_failure("appending event '" + std::string(type) + "'", e);
  }
}

std::vector<Event> Store::events_since(std::int64_t after_sequence, int limit) const {
  std::vector<Event> events;
  if (limit <= 0) return events;
  auto since = impl_->prepared(R"sql(
    SELECT sequence, type, body, at FROM events WHERE sequence > ?1
    ORDER BY sequence LIMIT ?2)sql");
  since->bind(1, static_cast<std::int64_t>(after_sequence));
  since->bind(2, limit);
  while (since->executeStep()) {
    events.push_back(Event{since->getColumn(0).getInt64(), since->getColumn(1).getString(),
                           since->getColumn(2).getString(), since->getColumn(3).getInt64()});
  }
  return events;
}

std::int64_t Store::last_sequence() const {
  auto last = impl_->prepared("SELECT coalesce(max(sequence), 0) FROM events");
  last->executeStep();
  return last->getColumn(0).getInt64();
}

}  // namespace brigade::store
