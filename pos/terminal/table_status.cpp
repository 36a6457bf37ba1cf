#include "table_status.h"

namespace brigade::terminal {

TableStatus table_status(const TerminalState& state, const std::string& table_id) {
  TableStatus status;
  auto views = state.checks_at_table(table_id);
  status.open_checks = static_cast<int>(views.size());
  if (views.empty()) return status;
  status.check = views.front();
  std::vector<const Check*> checks;
  for (const CheckView* v : views) checks.push_back(&v->check);
  status.state = table_state(checks);
  return status;
}

}  // namespace brigade::terminal
