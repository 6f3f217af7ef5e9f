// The only translation unit that includes RESTinio and asio: it turns RESTinio's requests into
// web::Request, hands them to App::handle and writes the web::Response back.
#include "rung/web/server.hpp"

#include <atomic>
#include <charconv>
#include <csignal>
#include <thread>
#include <unordered_map>
#include <vector>

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>
#include <fmt/format.h>
#include <restinio/all.hpp>
#include <sys/resource.h>

#include "rung/web/app.hpp"
#include "rung/web/http/access_log.hpp"

namespace rung::web {

namespace {

// Requests from the moment a handler sees them until their response is written, and servers
// that have stopped accepting: shutdown waits for both.
struct Counters {
  std::atomic<int> in_flight{0};
  std::atomic<std::size_t> closed{0};
};

// The remote address is always filled in: sign-in throttling counts failures per address, so
// an empty one would put every client in one bucket.
Request to_request(const restinio::request_handle_t& raw) {
  Request out;
  const auto& header = raw->header();
  out.method_name = std::string(header.method().c_str());
  out.method = parse_method(out.method_name);
  out.target = std::string(header.request_target());
  header.for_each_field([&out](const restinio::http_header_field_t& field) {
    out.headers.add(std::string(field.name()), std::string(field.value()));
  });
  out.body = std::string(raw->body());
  const auto endpoint = raw->remote_endpoint();
  out.remote = fmt::format("{}:{}", endpoint.address().to_string(), endpoint.port());
  return out;
}

// What a worker knows of each of its connections. Every connection lives on one worker's
// thread (accepted, read, answered and closed there), so each worker keeps its own table and
// no request takes a lock.
struct ConnectionState {
  Admission admission = Admission::serve;
  std::size_t requests = 0;
};
thread_local std::unordered_map<restinio::connection_id_t, ConnectionState> t_connections;

std::string address_of(const restinio::endpoint_t& endpoint) {
  return endpoint.address().to_string();
}

// RESTinio's ip blocker: asked at accept, before a connection exists.
class IpGate {
 public:
  explicit IpGate(ConnectionGate& gate) : m_gate(gate) {}
  restinio::ip_blocker::inspection_result_t inspect(
      const restinio::ip_blocker::incoming_info_t& info) noexcept {
    try {
      return m_gate.may_open(address_of(info.remote_endpoint())) ? restinio::ip_blocker::allow()
                                                                 : restinio::ip_blocker::deny();
    } catch (...) {
      return restinio::ip_blocker::deny();
    }
  }

 private:
  ConnectionGate& m_gate;
};

// RESTinio's connection state listener: counts connections in and out of the gate.
class ConnectionListener {
 public:
  explicit ConnectionListener(ConnectionGate& gate) : m_gate(gate) {}
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept {
    try {
      const std::string address = address_of(notice.remote_endpoint());
      if (restinio::holds_alternative<restinio::connection_state::accepted_t>(notice.cause())) {
        t_connections[notice.connection_id()] = ConnectionState{m_gate.opened(address), 0};
      } else if (restinio::holds_alternative<restinio::connection_state::closed_t>(
                     notice.cause())) {
        const auto found = t_connections.find(notice.connection_id());
        m_gate.closed(address,
                      found == t_connections.end() ? Admission::refuse : found->second.admission);
        if (found != t_connections.end()) {
          t_connections.erase(found);
        }
      }
    } catch (...) {
      // Out of memory for the table: the connection is served without its limits.
    }
  }

 private:
  ConnectionGate& m_gate;
};

// Writes the answer to `raw` (on the thread of the connection's worker), logs it and counts the
// request out when the answer is sent.
void respond(const restinio::request_handle_t& raw, const Request& request, Response response,
             bool last, std::chrono::steady_clock::time_point start, AccessLog* log,
             Counters& counters) {
  if (log != nullptr) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    log->write(access_log_line(request, response, elapsed.count()));
  }
  auto builder = raw->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      std::string(reason_phrase(response.status))});
  for (auto& [name, value] : response.headers.fields()) {
    builder.append_header(std::string(name), std::string(value));
  }
  if (response.shared_body) {
    builder.set_body(std::const_pointer_cast<std::string>(response.shared_body));
  } else {
    builder.set_body(std::move(response.body));
  }
  if (last) {
    builder.connection_close();
  }
  builder.done([&counters](const asio::error_code&) { counters.in_flight.fetch_sub(1); });
}

// Reads are answered on the worker that read the request, as nginx does. A request that writes
// may wait for the store (a commit, a sync of the log), so it runs on the blocking pool and its
// answer is handed back to its worker: the worker goes on serving its other connections, and
// the writes of many requests share one commit (store/sqlite/group_commit.hpp).
bool may_wait_for_store(Method method) {
  return method != Method::get && method != Method::head && method != Method::options;
}

class Handler {
 public:
  Handler(App& app, AccessLog* log, Counters& counters, asio::io_context& worker,
          asio::thread_pool& blocking)
      : m_app(&app), m_log(log), m_counters(&counters), m_worker(&worker), m_blocking(&blocking) {}

  restinio::request_handling_status_t operator()(const restinio::request_handle_t& raw) const {
    m_counters->in_flight.fetch_add(1);
    const auto start = std::chrono::steady_clock::now();
    Request request = to_request(raw);
    const auto found = t_connections.find(raw->connection_id());
    if (found != t_connections.end() && found->second.admission != Admission::serve) {
      respond(raw, request, m_app->busy(request), true, start, m_log, *m_counters);
      return restinio::request_accepted();
    }
    bool last = false;  // close the connection after this answer
    const std::size_t limit = m_app->connections().limits().max_requests_per_connection;
    if (found != t_connections.end() && limit != 0 && ++found->second.requests >= limit) {
      m_app->connections().count_request_limit_close();
      last = true;
    }
    if (!may_wait_for_store(request.method)) {
      respond(raw, request, m_app->handle(request), last, start, m_log, *m_counters);
      return restinio::request_accepted();
    }
    asio::post(*m_blocking, [app = m_app, log = m_log, counters = m_counters, worker = m_worker,
                             raw, request = std::move(request), last, start]() mutable {
      Response response = app->handle(request);
      asio::post(*worker, [log, counters, raw, request = std::move(request),
                           response = std::move(response), last, start]() mutable {
        respond(raw, request, std::move(response), last, start, log, *counters);
      });
    });
    return restinio::request_accepted();
  }

 private:
  App* m_app;
  AccessLog* m_log;
  Counters* m_counters;
  asio::io_context* m_worker;
  asio::thread_pool* m_blocking;
};

// Each worker thread runs its own io_context and its own single-threaded RESTinio server on
// the shared port (SO_REUSEPORT; the kernel spreads connections over them), as nginx's workers
// do: no strands, locks or cross-thread hand-offs in the request path.
struct Traits : restinio::single_thread_traits_t<restinio::asio_timer_manager_t,
                                                 restinio::null_logger_t, Handler> {
  using ip_blocker_t = IpGate;
  using connection_state_listener_t = ConnectionListener;
};
using HttpServer = restinio::http_server_t<Traits>;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

struct Shard {
  asio::io_context context{1};
  std::unique_ptr<HttpServer> server;
};

auto make_settings(App& app, const ServerOptions& options, AccessLog* log, Counters& counters,
                   asio::io_context& worker, asio::thread_pool& blocking) {
  // RESTinio's own limits are a backstop well above App's (which answer 414 / 431 politely);
  // a request past these is dropped by closing its connection.
  return restinio::server_settings_t<Traits>{}
      .address(options.host)
      .port(options.port)
      .request_handler(Handler(app, log, counters, worker, blocking))
      .ip_blocker(std::make_shared<IpGate>(app.connections()))
      .connection_state_listener(std::make_shared<ConnectionListener>(app.connections()))
      .acceptor_options_setter([](restinio::acceptor_options_t& acceptor) {
        acceptor.set_option(asio::ip::tcp::acceptor::reuse_address(true));
        acceptor.set_option(ReusePort(true));
      })
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(64 * 1024)
                                    .max_field_name_size(16 * 1024)
                                    .max_field_value_size(64 * 1024)
                                    .max_field_count(200)
                                    .max_body_size(32 * 1024 * 1024))
      .read_next_http_message_timelimit(std::chrono::seconds(30))
      .handle_request_timeout(options.request_timeout)
      .write_http_response_timelimit(std::chrono::seconds(10));
}

// SO_REUSEPORT would let a second server share a port that is taken; a plain bind first turns
// that into the usual "address already in use".
Result<void> check_port_free(const ServerOptions& options) {
  try {
    asio::io_context context;
    asio::ip::tcp::acceptor probe(context);
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(options.host), options.port);
    probe.open(endpoint.protocol());
    probe.set_option(asio::ip::tcp::acceptor::reuse_address(true));
    probe.bind(endpoint);
  } catch (const std::exception& e) {
    return fail(ErrorKind::internal, "serve.listen",
                fmt::format("cannot listen on {}:{}: {}", options.host, options.port, e.what()));
  }
  return {};
}

// Waits (without blocking a worker) until every server stopped accepting and no request is in
// flight, or the grace period is over, then stops every worker.
void drain_then_stop(std::vector<std::unique_ptr<Shard>>& shards, Counters& counters,
                     std::chrono::steady_clock::time_point deadline,
                     std::shared_ptr<asio::steady_timer> timer) {
  const bool drained = counters.closed.load() == shards.size() && counters.in_flight.load() <= 0;
  if (drained || std::chrono::steady_clock::now() >= deadline) {
    for (auto& shard : shards) {
      shard->context.stop();
    }
    return;
  }
  timer->expires_after(std::chrono::milliseconds(20));
  timer->async_wait([&shards, &counters, deadline, timer](const asio::error_code&) {
    drain_then_stop(shards, counters, deadline, timer);
  });
}

void flush_every_second(AccessLog& log, std::shared_ptr<asio::steady_timer> timer) {
  timer->expires_after(std::chrono::seconds(1));
  timer->async_wait([&log, timer](const asio::error_code& error) {
    log.flush();
    if (!error) {
      flush_every_second(log, timer);
    }
  });
}

// Each SIGHUP runs `on_reload` on `pool` and logs its line, then waits for the next.
void reload_on_hangup(asio::signal_set& hangup, asio::thread_pool& pool,
                      const std::function<std::string()>& on_reload, AccessLog& log) {
  hangup.async_wait([&](const asio::error_code& error, int) {
    if (error) {
      return;
    }
    asio::post(pool, [&] {
      log.write(on_reload ? on_reload() : std::string("rung serve: SIGHUP: nothing to reload\n"));
      log.flush();
    });
    reload_on_hangup(hangup, pool, on_reload, log);
  });
}

}  // namespace

std::optional<std::string> fit_open_files(ConnectionLimits& limits) {
  rlimit files{};
  if (limits.max_connections == 0 || ::getrlimit(RLIMIT_NOFILE, &files) != 0) {
    return std::nullopt;
  }
  const rlim_t wanted = static_cast<rlim_t>(limits.max_connections + k_spare_files);
  if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur < wanted) {
    rlimit raised = files;
    raised.rlim_cur = files.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, files.rlim_max);
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) {
      files = raised;
    }
  }
  if (files.rlim_cur == RLIM_INFINITY || files.rlim_cur >= wanted) {
    return std::nullopt;
  }
  const std::size_t fits =
      files.rlim_cur > k_spare_files * 2 ? files.rlim_cur - k_spare_files : files.rlim_cur / 2;
  const std::string note = fmt::format(
      "rung serve: the open-files limit is {} (ulimit -n), so --max-connections is {}, not {}",
      files.rlim_cur, fits, limits.max_connections);
  limits.max_connections = fits;
  return note;
}

Result<std::pair<std::string, std::uint16_t>> parse_listen(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  auto bad = [&] {
    return fail("serve.bad-listen",
                fmt::format("--listen '{}' is not HOST:PORT (e.g. 127.0.0.1:8080)", text));
  };
  if (colon == std::string_view::npos || colon == 0) {
    return bad();
  }
  std::string_view host = text.substr(0, colon);
  const std::string_view port_text = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
      port > 65535) {
    return bad();
  }
  if (host.starts_with('[') && host.ends_with(']')) {
    host = host.substr(1, host.size() - 2);
  }
  return std::pair{std::string(host), static_cast<std::uint16_t>(port)};
}

Result<void> serve(App& app, const ServerOptions& options,
                   const std::function<void()>& on_listening, std::ostream& log_stream) {
  const std::size_t threads =
      options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  RUNG_TRY(check_port_free(options));
  AccessLog log(log_stream);
  Counters counters;
  // Declared before the shards so that it is destroyed after them; joined below before they go.
  asio::thread_pool blocking(options.blocking_threads == 0 ? 1 : options.blocking_threads);
  std::vector<std::unique_ptr<Shard>> shards;
  try {
    for (std::size_t i = 0; i < threads; ++i) {
      auto shard = std::make_unique<Shard>();
      shard->server = std::make_unique<HttpServer>(
          restinio::external_io_context(shard->context),
          make_settings(app, options, options.access_log ? &log : nullptr, counters, shard->context,
                        blocking));
      shard->server->open_sync();
      shards.push_back(std::move(shard));
    }
  } catch (const std::exception& e) {
    return fail(ErrorKind::internal, "serve.listen",
                fmt::format("cannot listen on {}:{}: {}", options.host, options.port, e.what()));
  }
  asio::io_context& main_context = shards.front()->context;
  asio::signal_set signals(main_context, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& error, int signal) {
    if (error) {
      return;
    }
    log.write(fmt::format("rung serve: {}, finishing requests in flight\n",
                          signal == SIGTERM ? "SIGTERM" : "SIGINT"));
    for (auto& shard : shards) {
      shard->server->close_async([&counters] { counters.closed.fetch_add(1); },
                                 [&counters](std::exception_ptr) { counters.closed.fetch_add(1); });
    }
    drain_then_stop(shards, counters, std::chrono::steady_clock::now() + options.shutdown_grace,
                    std::make_shared<asio::steady_timer>(main_context));
  });
  asio::signal_set hangup(main_context, SIGHUP);
  reload_on_hangup(hangup, blocking, options.on_reload, log);
  flush_every_second(log, std::make_shared<asio::steady_timer>(main_context));
  on_listening();
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < shards.size(); ++i) {
    workers.emplace_back([&context = shards[i]->context] { context.run(); });
  }
  main_context.run();
  for (auto& worker : workers) {
    worker.join();
  }
  // Writes still running finish; their answers go nowhere (the workers have stopped).
  blocking.join();
  log.flush();
  return {};
}

}  // namespace rung::web
