#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/web/app.hpp"
#include "rung/web/server.hpp"

namespace rung::cli {

namespace {

struct ServeOptions {
  std::string ladder_path;                // --ladder: ladder file; built-in ladder when empty
  std::string listen = "127.0.0.1:8080";  // --listen HOST:PORT
  std::string data_dir = "./var";         // --data: where the server keeps its files
  std::size_t threads = 0;                // --threads: worker threads; 0 = one per core
  bool quiet = false;                     // --no-access-log
};

Result<void> prepare_data_dir(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error || !std::filesystem::is_directory(path)) {
    return fail("serve.data-dir", fmt::format("cannot use '{}' as the data directory: {}", path,
                                              error ? error.message() : "not a directory"));
  }
  return {};
}

int serve(const ServeOptions& options, Io io) {
  auto listen = web::parse_listen(options.listen);
  if (!listen) {
    print_errors(io.err, {listen.error()});
    return k_exit_unusable;
  }
  if (auto ready = prepare_data_dir(options.data_dir); !ready) {
    print_errors(io.err, {ready.error()});
    return k_exit_unusable;
  }
  auto ladder = open_ladder(options.ladder_path);
  if (!ladder) {
    print_errors(io.err, ladder.error());
    return k_exit_unusable;
  }
  auto app = web::App::create(std::move(*ladder));
  if (!app) {
    print_errors(io.err, app.error());
    return k_exit_unusable;
  }
  web::ServerOptions server_options;
  server_options.host = listen->first;
  server_options.port = listen->second;
  server_options.threads = options.threads;
  server_options.access_log = !options.quiet;
  const std::string host =
      listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;
  const model::Ladder& served = (*app)->ladder();
  auto served_ok = web::serve(
      **app, server_options,
      [&] {
        io.out << fmt::format("rung serve: {} ({} levels) at http://{}:{}/  (Ctrl+C stops)\n",
                              served.data().meta.name, served.level_ids().size(), host,
                              listen->second)
               << std::flush;
      },
      io.err);
  if (!served_ok) {
    print_errors(io.err, {served_ok.error()});
    return k_exit_unusable;
  }
  io.out << "rung serve: stopped\n";
  return k_exit_ok;
}

}  // namespace

Handler setup_serve(CLI::App& sub, Io io) {
  auto options = std::make_shared<ServeOptions>();
  add_ladder_option(sub, options->ladder_path);
  sub.add_option("--listen", options->listen, "Address and port to listen on")
      ->option_text("HOST:PORT")
      ->capture_default_str();
  sub.add_option("--data", options->data_dir, "Directory for the server's data (created)")
      ->option_text("DIR")
      ->capture_default_str();
  sub.add_option("--threads", options->threads, "Worker threads (default: one per core)");
  sub.add_flag("--no-access-log", options->quiet, "Do not log each request on stderr");
  sub.footer(
      "Serves the ladder in a browser and as a JSON API (/api/v1, described at\n"
      "/api/v1/openapi.json); /healthz and /metrics for operators. SIGTERM or SIGINT stop it\n"
      "after the requests in flight finish.\n"
      "Examples:\n"
      "  rung serve\n"
      "  rung serve --listen 0.0.0.0:8080 --ladder ladders/engineering.yaml");
  return [options, io] { return serve(*options, io); };
}

}  // namespace rung::cli
