#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/web/http/connections.hpp"

namespace rung::web {

class App;

struct ServerOptions {
  std::string host = "127.0.0.1";  // address to listen on (IPv4 or IPv6 literal, or a name)
  std::uint16_t port = 8080;       // TCP port
  std::size_t threads = 0;         // worker threads; 0 = one per core
  // Threads that run requests which write (POST, PUT, PATCH, DELETE) so that a worker never
  // waits for the store: as many writes as this can share one commit.
  std::size_t blocking_threads = 32;
  bool access_log = true;                           // one line per request on the log stream
  std::chrono::milliseconds shutdown_grace{10000};  // how long in-flight requests may take to
                                                    // finish after SIGTERM / SIGINT
  // How long a request may take before its connection is closed without an answer. `rung
  // serve` makes it longer than the store's busy timeout, so that a save waiting for another
  // process's write (a big import) is answered rather than cut off.
  std::chrono::milliseconds request_timeout{10000};
  // Called on SIGHUP, on a thread that answers no request (reloading a ladder takes a moment);
  // returns the line to log ("rung serve: SIGHUP: ..."). None: SIGHUP is logged and ignored.
  std::function<std::string()> on_reload;
};

// Raises the process's open-files limit (RLIMIT_NOFILE) toward what `limits.max_connections`
// needs, as far as the hard limit allows, and lowers max_connections to fit when it cannot
// (each connection is a file descriptor; k_spare_files are kept for the database and logs).
// Returns a note for the operator when it lowered the limit.
inline constexpr std::size_t k_spare_files = 128;
std::optional<std::string> fit_open_files(ConnectionLimits& limits);

// "127.0.0.1:8080" or "[::1]:8080" -> host and port. Error "serve.bad-listen" otherwise.
Result<std::pair<std::string, std::uint16_t>> parse_listen(std::string_view text);

// Serves `app` over HTTP until the process gets SIGTERM or SIGINT, then stops accepting, lets
// requests in flight finish (up to shutdown_grace) and returns. Calls `on_listening` once the
// socket listens. Access log lines and shutdown notes go to `log` (buffered, flushed at least
// once a second; never the query string's secrets, see url.hpp redact_query).
// Error "serve.listen" when the address cannot be bound.
Result<void> serve(App& app, const ServerOptions& options,
                   const std::function<void()>& on_listening, std::ostream& log);

}  // namespace rung::web
