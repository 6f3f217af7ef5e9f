// The only translation unit that includes RESTinio and asio: it turns RESTinio's requests into
// web::Request, hands them to App::handle and writes the web::Response back.
#include "rung/web/server.hpp"

#include <atomic>
#include <charconv>
#include <csignal>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <restinio/all.hpp>

#include "rung/web/access_log.hpp"
#include "rung/web/app.hpp"

namespace rung::web {

namespace {

using Traits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
using HttpServer = restinio::http_server_t<Traits>;

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

// Counts requests from the moment the handler sees them until their response is written, so
// that shutdown can wait for them.
struct InFlight {
  std::atomic<int> count{0};
};

class Handler {
 public:
  Handler(App& app, AccessLog* log, InFlight& in_flight)
      : m_app(app), m_log(log), m_in_flight(in_flight) {}

  restinio::request_handling_status_t operator()(const restinio::request_handle_t& raw) const {
    m_in_flight.count.fetch_add(1);
    const auto start = std::chrono::steady_clock::now();
    const Request request = to_request(raw);
    Response response = m_app.handle(request);
    if (m_log != nullptr) {
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
      m_log->write(access_log_line(request, response, elapsed.count()));
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
    InFlight& in_flight = m_in_flight;
    builder.done([&in_flight](const asio::error_code&) { in_flight.count.fetch_sub(1); });
    return restinio::request_accepted();
  }

 private:
  App& m_app;
  AccessLog* m_log;
  InFlight& m_in_flight;
};

// Waits (without blocking a worker) until no request is in flight or the grace period is over,
// then stops the io_context.
void drain_then_stop(asio::io_context& context, InFlight& in_flight,
                     std::chrono::steady_clock::time_point deadline,
                     std::shared_ptr<asio::steady_timer> timer) {
  if (in_flight.count.load() <= 0 || std::chrono::steady_clock::now() >= deadline) {
    context.stop();
    return;
  }
  timer->expires_after(std::chrono::milliseconds(20));
  timer->async_wait([&context, &in_flight, deadline, timer](const asio::error_code&) {
    drain_then_stop(context, in_flight, deadline, timer);
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

auto make_settings(App& app, const ServerOptions& options, AccessLog* log, InFlight& in_flight) {
  // RESTinio's own limits are a backstop well above App's (which answer 414 / 431 politely);
  // a request past these is dropped by closing its connection.
  return restinio::server_settings_t<Traits>{}
      .address(options.host)
      .port(options.port)
      .request_handler(Handler(app, log, in_flight))
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(64 * 1024)
                                    .max_field_name_size(16 * 1024)
                                    .max_field_value_size(64 * 1024)
                                    .max_field_count(200)
                                    .max_body_size(1024 * 1024))
      .read_next_http_message_timelimit(std::chrono::seconds(30))
      .handle_request_timeout(std::chrono::seconds(10))
      .write_http_response_timelimit(std::chrono::seconds(10))
      .concurrent_accepts_count(options.threads)
      .separate_accept_and_create_connect(true);
}

}  // namespace

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
  ServerOptions settings = options;
  if (settings.threads == 0) {
    settings.threads = std::max(1u, std::thread::hardware_concurrency());
  }
  AccessLog log(log_stream);
  InFlight in_flight;
  asio::io_context context;
  HttpServer server{restinio::external_io_context(context),
                    make_settings(app, settings, options.access_log ? &log : nullptr, in_flight)};
  try {
    server.open_sync();
  } catch (const std::exception& e) {
    return fail("serve.listen",
                fmt::format("cannot listen on {}:{}: {}", settings.host, settings.port, e.what()));
  }
  asio::signal_set signals(context, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& error, int signal) {
    if (error) {
      return;
    }
    log.write(fmt::format("rung serve: {}, finishing requests in flight\n",
                          signal == SIGTERM ? "SIGTERM" : "SIGINT"));
    const auto deadline = std::chrono::steady_clock::now() + settings.shutdown_grace;
    server.close_async(
        [&context, &in_flight, deadline] {
          drain_then_stop(context, in_flight, deadline,
                          std::make_shared<asio::steady_timer>(context));
        },
        [&context](std::exception_ptr) { context.stop(); });
  });
  flush_every_second(log, std::make_shared<asio::steady_timer>(context));
  on_listening();
  std::vector<std::thread> workers;
  for (std::size_t i = 1; i < settings.threads; ++i) {
    workers.emplace_back([&context] { context.run(); });
  }
  context.run();
  for (auto& worker : workers) {
    worker.join();
  }
  log.flush();
  return {};
}

}  // namespace rung::web
