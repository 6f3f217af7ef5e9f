#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

// How many connections rung serve keeps open, in all and per client address, so that one
// greedy client cannot take every file descriptor and keep others from being served.
namespace rung::web {

struct ConnectionLimits {
  std::size_t max_connections = 4096;              // open at once, from all clients (0: no limit)
  std::size_t max_per_address = 128;               // open at once from one address (0: no limit)
  std::size_t max_requests_per_connection = 1000;  // then the connection closes after answering
};

// What happens to a connection.
enum class Admission {
  serve,   // within the limits
  busy,    // past a limit, within the allowance: each request gets 503 + Retry-After, then close
  refuse,  // far past a limit: closed at once, before a request is read
};

// Counts open connections per address and decides what each new one gets. Past a limit a
// connection is still accepted for a small allowance (k_busy_allowance, at least) so that the
// client reads a clear 503 instead of a reset; past the allowance too it is refused at accept,
// which costs a file descriptor only for an instant. Thread-safe (a mutex, taken twice per
// connection, never per request). Also keeps the counters /metrics shows.
class ConnectionGate {
 public:
  static constexpr std::size_t k_busy_allowance = 16;

  explicit ConnectionGate(ConnectionLimits limits = {});

  const ConnectionLimits& limits() const { return m_limits; }

  // At accept, before the connection exists: false when it is to be refused at once (counted
  // as refused); true counts it as open. Every true is paired with one closed().
  bool may_open(std::string_view address);
  // When a connection that may_open let in has started: whether it is served (within the
  // limits) or answered busy.
  Admission opened(std::string_view address);
  // When a connection that may_open let in has closed; `admission` is what opened() said
  // (Admission::refuse when opened() was never reached).
  void closed(std::string_view address, Admission admission);

  // A request answered 503 because its connection was over a limit; a connection closed after
  // max_requests_per_connection requests.
  void count_busy_answer() { m_busy_answers.fetch_add(1, std::memory_order_relaxed); }
  void count_request_limit_close() {
    m_request_limit_closes.fetch_add(1, std::memory_order_relaxed);
  }

  std::size_t open() const;
  std::size_t open_from(std::string_view address) const;

  // rung_connections_open, rung_connections_refused_total{limit}, rung_connections_busy_total,
  // rung_http_busy_answers_total, rung_connections_closed_at_request_limit_total (Prometheus).
  std::string prometheus_text() const;

 private:
  std::size_t allowance(std::size_t limit) const;
  bool over(std::size_t count, std::size_t limit, std::size_t extra) const;

  ConnectionLimits m_limits;
  mutable std::mutex m_mutex;
  struct Count {
    std::size_t open = 0;    // let in by may_open, not yet closed
    std::size_t served = 0;  // of those, served (not answered busy)
  };
  std::unordered_map<std::string, Count> m_by_address;  // addresses with open connections
  Count m_all;
  std::atomic<std::uint64_t> m_refused_total{0};    // refused: all connections at the limit
  std::atomic<std::uint64_t> m_refused_address{0};  // refused: this address at its limit
  std::atomic<std::uint64_t> m_busy{0};             // connections answered busy
  std::atomic<std::uint64_t> m_busy_answers{0};
  std::atomic<std::uint64_t> m_request_limit_closes{0};
};

}  // namespace rung::web
