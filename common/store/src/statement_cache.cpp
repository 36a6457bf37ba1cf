#include "statement_cache.h"

#include <string>

namespace brigade::store {

StatementLease StatementCache::lease(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) it = statements_.emplace(std::string(sql), nullptr).first;
  auto& slot = it->second;
  // Prepared on first use, not at open: a store opened at an older schema version (an
  // upgrade test) has no tables for the newer statements yet.
  if (!slot) slot = std::make_unique<SQLite::Statement>(db_, std::string(sql));
  slot->tryReset();
  return StatementLease(*slot);
}

}  // namespace brigade::store
