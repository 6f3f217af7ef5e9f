#include "rung/web/http/connections.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rung::web {

ConnectionGate::ConnectionGate(ConnectionLimits limits) : m_limits(limits) {}

std::size_t ConnectionGate::allowance(std::size_t limit) const {
  return std::max(k_busy_allowance, limit / 8);
}

bool ConnectionGate::over(std::size_t count, std::size_t limit, std::size_t extra) const {
  return limit != 0 && count >= limit + extra;
}

bool ConnectionGate::may_open(std::string_view address) {
  std::lock_guard lock(m_mutex);
  if (over(m_all.open, m_limits.max_connections, allowance(m_limits.max_connections))) {
    m_refused_total.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  Count& from = m_by_address[std::string(address)];
  if (over(from.open, m_limits.max_per_address, allowance(m_limits.max_per_address))) {
    if (from.open == 0) {
      m_by_address.erase(std::string(address));
    }
    m_refused_address.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  ++from.open;
  ++m_all.open;
  return true;
}

Admission ConnectionGate::opened(std::string_view address) {
  std::lock_guard lock(m_mutex);
  const auto found = m_by_address.find(std::string(address));
  if (found == m_by_address.end() || over(m_all.served, m_limits.max_connections, 0) ||
      over(found->second.served, m_limits.max_per_address, 0)) {
    m_busy.fetch_add(1, std::memory_order_relaxed);
    return Admission::busy;
  }
  ++found->second.served;
  ++m_all.served;
  return Admission::serve;
}

void ConnectionGate::closed(std::string_view address, Admission admission) {
  std::lock_guard lock(m_mutex);
  const auto found = m_by_address.find(std::string(address));
  if (found == m_by_address.end() || found->second.open == 0) {
    return;
  }
  --found->second.open;
  --m_all.open;
  if (admission == Admission::serve && found->second.served > 0) {
    --found->second.served;
    --m_all.served;
  }
  if (found->second.open == 0) {
    m_by_address.erase(found);
  }
}

std::size_t ConnectionGate::open() const {
  std::lock_guard lock(m_mutex);
  return m_all.open;
}

std::size_t ConnectionGate::open_from(std::string_view address) const {
  std::lock_guard lock(m_mutex);
  const auto found = m_by_address.find(std::string(address));
  return found == m_by_address.end() ? 0 : found->second.open;
}

std::string ConnectionGate::prometheus_text() const {
  return fmt::format(
      "# HELP rung_connections_open Client connections open now.\n"
      "# TYPE rung_connections_open gauge\n"
      "rung_connections_open {}\n"
      "# HELP rung_connections_refused_total Connections closed at accept: far past a limit.\n"
      "# TYPE rung_connections_refused_total counter\n"
      "rung_connections_refused_total{{limit=\"total\"}} {}\n"
      "rung_connections_refused_total{{limit=\"address\"}} {}\n"
      "# HELP rung_connections_busy_total Connections past a limit, answered 503 and closed.\n"
      "# TYPE rung_connections_busy_total counter\n"
      "rung_connections_busy_total {}\n"
      "# HELP rung_http_busy_answers_total Requests answered 503 for their connection's limit.\n"
      "# TYPE rung_http_busy_answers_total counter\n"
      "rung_http_busy_answers_total {}\n"
      "# HELP rung_connections_closed_at_request_limit_total Connections closed after their "
      "last allowed request.\n"
      "# TYPE rung_connections_closed_at_request_limit_total counter\n"
      "rung_connections_closed_at_request_limit_total {}\n",
      open(), m_refused_total.load(), m_refused_address.load(), m_busy.load(),
      m_busy_answers.load(), m_request_limit_closes.load());
}

}  // namespace rung::web
