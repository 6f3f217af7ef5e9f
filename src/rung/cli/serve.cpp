#include <memory>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "rung/auth/accounts.hpp"
#include "rung/auth/oidc.hpp"
#include "rung/cli/command.hpp"
#include "rung/cli/commands_list.hpp"
#include "rung/cli/data_store.hpp"
#include "rung/cli/ladder_source.hpp"
#include "rung/core/clock.hpp"
#include "rung/core/fs.hpp"
#include "rung/core/text.hpp"
#include "rung/people/ladder_guard.hpp"
#include "rung/web/app.hpp"
#include "rung/web/http/cidr.hpp"
#include "rung/web/server.hpp"

namespace rung::cli {

namespace {

struct ServeOptions {
  std::string ladder_path;                // --ladder: ladder file; built-in ladder when empty
  std::string listen = "127.0.0.1:8080";  // --listen HOST:PORT
  std::string data_dir = "./var";         // --data: the store is DIR/rung.db
  std::size_t threads = 0;                // --threads: worker threads; 0 = one per core
  bool quiet = false;                     // --no-access-log
  bool public_ladder = false;             // --public-ladder: the ladder needs no sign-in
  bool secure_cookies = false;            // --secure-cookies: cookies only over HTTPS
  std::string sync = "full";              // --sync full|normal (store::sqlite::Sync)
  int busy_timeout = 60;                  // --busy-timeout SECONDS (SQLite)
  web::ConnectionLimits limits;           // --max-connections, --max-connections-per-address,
                                          // --max-requests-per-connection
  std::string auth_header;                // --auth-header NAME: sign-in by a proxy's header
  std::string trusted_proxy;              // --trusted-proxy CIDR[,CIDR]: whose header counts
  bool no_password_sign_in = false;       // --no-password-sign-in: only 'admin' uses a password
  std::string oidc_issuer;                // --oidc-issuer URL: sign-in at an OpenID provider
  std::string oidc_client_id;             // --oidc-client-id
  std::string oidc_secret_file;           // --oidc-client-secret-file PATH (never the secret)
  std::string oidc_redirect_url;          // --oidc-redirect-url: default from --listen (loopback)
  std::string oidc_name;                  // --oidc-name: "Sign in with NAME" (default: host)
};

// --auth-header, --trusted-proxy and --no-password-sign-in, checked together.
Result<web::ProxyAuthOptions> proxy_options(const ServeOptions& options) {
  web::ProxyAuthOptions out;
  if (options.auth_header.empty()) {
    if (!options.trusted_proxy.empty()) {
      return fail("serve.proxy", "--trusted-proxy is given without --auth-header", {},
                  "add --auth-header with the header your proxy puts the email in");
    }
    if (options.no_password_sign_in && options.oidc_issuer.empty()) {
      return fail("serve.proxy",
                  "--no-password-sign-in needs --auth-header or --oidc-issuer: nobody but "
                  "'admin' could sign in",
                  {},
                  "add --auth-header and --trusted-proxy, or --oidc-issuer, or drop "
                  "--no-password-sign-in");
    }
    return out;
  }
  if (options.trusted_proxy.empty()) {
    return fail("serve.proxy",
                fmt::format("--auth-header {} needs --trusted-proxy: without it anyone could "
                            "send that header and be signed in as anybody",
                            options.auth_header),
                {},
                "add --trusted-proxy with your proxy's address, e.g. --trusted-proxy "
                "127.0.0.1/32 or 10.0.0.0/8,fd00::/8");
  }
  for (const char c : options.auth_header) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) {
      return fail("serve.proxy",
                  fmt::format("'{}' is not a header name", options.auth_header.substr(0, 80)), {},
                  "letters, digits and '-', such as X-Forwarded-Email");
    }
  }
  RUNG_TRY_ASSIGN(out.trusted, web::parse_cidr_list(options.trusted_proxy));
  out.header = options.auth_header;
  return out;
}

// The host of an http(s) URL ("" when it has none).
std::string url_host(std::string_view url) {
  const std::size_t start = url.find("://");
  if (start == std::string_view::npos) {
    return "";
  }
  const std::string_view rest = url.substr(start + 3);
  return std::string(rest.substr(0, rest.find_first_of(":/?#")));
}

// --oidc-*, checked together; the secret read from its file. nullopt: OpenID Connect is off.
Result<std::optional<auth::OidcOptions>> oidc_options(
    const ServeOptions& options, const std::pair<std::string, std::uint16_t>& listen) {
  if (options.oidc_issuer.empty()) {
    if (!options.oidc_client_id.empty() || !options.oidc_secret_file.empty() ||
        !options.oidc_redirect_url.empty() || !options.oidc_name.empty()) {
      return fail("serve.oidc",
                  "--oidc-client-id, --oidc-client-secret-file, "
                  "--oidc-redirect-url and --oidc-name need --oidc-issuer",
                  {}, "add --oidc-issuer with your identity provider's issuer URL");
    }
    return std::nullopt;
  }
  if (!auth::acceptable_provider_url(options.oidc_issuer)) {
    return fail("serve.oidc",
                fmt::format("--oidc-issuer {} must be an https URL (http only to this machine, "
                            "for tests)",
                            options.oidc_issuer.substr(0, 200)),
                {}, "e.g. --oidc-issuer https://login.example.com/realms/staff");
  }
  if (options.oidc_client_id.empty() || options.oidc_secret_file.empty()) {
    return fail("serve.oidc", "--oidc-issuer needs --oidc-client-id and --oidc-client-secret-file",
                {}, "register Rung with your identity provider; it gives a client id and secret");
  }
  auth::OidcOptions out;
  out.issuer = options.oidc_issuer;
  out.client_id = options.oidc_client_id;
  auto secret = read_file(options.oidc_secret_file, ReadOptions{4096});
  if (!secret) {
    return fail("serve.oidc",
                fmt::format("cannot read the client secret from {}: {}", options.oidc_secret_file,
                            secret.error().message),
                {}, "put the secret alone in a file only rung's user can read");
  }
  out.client_secret = std::string(trim(*secret));
  if (out.client_secret.empty()) {
    return fail("serve.oidc", fmt::format("{} is empty: it should hold the client secret",
                                          options.oidc_secret_file));
  }
  out.redirect_url = options.oidc_redirect_url;
  if (out.redirect_url.empty()) {
    const std::string& host = listen.first;
    if (host != "localhost" && !host.starts_with("127.") && host != "::1") {
      return fail("serve.oidc",
                  "--oidc-redirect-url is needed when listening beyond this machine: the "
                  "address people's browsers reach Rung at",
                  {}, "e.g. --oidc-redirect-url https://rung.example.com/sign-in/oidc/callback");
    }
    out.redirect_url =
        fmt::format("http://{}:{}/sign-in/oidc/callback",
                    host.find(':') != std::string::npos ? "[" + host + "]" : host, listen.second);
  }
  if (!auth::acceptable_provider_url(out.redirect_url) ||
      !out.redirect_url.ends_with("/sign-in/oidc/callback")) {
    return fail("serve.oidc",
                fmt::format("--oidc-redirect-url {} must be an https URL (http only to this "
                            "machine) ending in /sign-in/oidc/callback",
                            out.redirect_url.substr(0, 200)));
  }
  out.name = options.oidc_name.empty() ? url_host(out.issuer) : options.oidc_name;
  return out;
}

store::sqlite::Sync sync_of(const std::string& name) {
  return name == "normal" ? store::sqlite::Sync::normal : store::sqlite::Sync::full;
}

std::string_view durability_line(store::sqlite::Sync sync) {
  return sync == store::sqlite::Sync::full ? "every save is on disk before it is acknowledged"
                                           : "--sync normal: a power loss can undo the last saves";
}

// SIGHUP: the ladder read again from `path` (the built-in one when empty), validated, and put in
// service; anything wrong keeps the current one. The line for the log.
std::string reload_line(web::App& app, const std::string& path) {
  const std::string source = path.empty() ? "the built-in ladder" : path;
  auto ladder = open_ladder(path);
  if (!ladder) {
    return fmt::format("rung serve: SIGHUP: kept the current ladder: {} does not load: {}\n",
                       source, app.reload_failed(ladder.error()));
  }
  auto report = app.reload(std::move(*ladder));
  if (!report) {
    return fmt::format("rung serve: SIGHUP: kept the current ladder: {}\n", report.error().message);
  }
  return fmt::format("rung serve: SIGHUP: reloaded {}: now serving {}\n", source, report->summary);
}

// On first run (no account yet) creates "admin" and prints its one-time password, once.
Result<void> first_run(store::Store& store, Io io) {
  RUNG_TRY_ASSIGN(const auto password, auth::bootstrap_admin(store, system_now()));
  if (password) {
    io.out << "rung serve: first run: created the account 'admin' with the one-time password\n"
           << "  " << *password << "\n"
           << "  Sign in with it and choose a new password. It is not shown again.\n"
           << std::flush;
  }
  return {};
}

Outcome serve(const ServeOptions& options, Io io) {
  RUNG_TRY_ASSIGN(const auto listen, web::parse_listen(options.listen));
  RUNG_TRY_ASSIGN(web::ProxyAuthOptions proxy, proxy_options(options));
  RUNG_TRY_ASSIGN(auto oidc, oidc_options(options, listen));
  RUNG_TRY_ASSIGN(model::Ladder ladder, open_ladder(options.ladder_path));
  RUNG_TRY_ASSIGN(const auto store,
                  open_data_store(options.data_dir, StoreAccess::read_write, sync_of(options.sync),
                                  std::chrono::seconds(options.busy_timeout)));
  RUNG_TRY(people::check_held_levels(ladder, *store));
  RUNG_TRY(first_run(*store, io));
  web::AppOptions app_options;
  app_options.public_ladder = options.public_ladder;
  app_options.secure_cookies = options.secure_cookies;
  app_options.connections = options.limits;
  app_options.sessions.password_sign_in = !options.no_password_sign_in;
  std::string trusted;
  for (const auto& block : proxy.trusted) {
    trusted += (trusted.empty() ? "" : ",") + block.text;
  }
  app_options.proxy = std::move(proxy);
  app_options.oidc = std::move(oidc);
  if (const auto note = web::fit_open_files(app_options.connections)) {
    io.err << *note << '\n';
  }
  RUNG_TRY_ASSIGN(const auto app, web::App::create(std::move(ladder), *store, app_options));
  web::ServerOptions server_options;
  server_options.host = listen.first;
  server_options.port = listen.second;
  server_options.threads = options.threads;
  server_options.access_log = !options.quiet;
  // A save may wait --busy-timeout for the file's write lock; it must not be cut off first.
  server_options.request_timeout = std::chrono::seconds(options.busy_timeout + 10);
  server_options.on_reload = [&served_app = *app, path = options.ladder_path] {
    return reload_line(served_app, path);
  };
  const std::string host =
      listen.first.find(':') != std::string::npos ? "[" + listen.first + "]" : listen.first;
  const model::Ladder& served = app->ladder();
  RUNG_TRY(web::serve(
      *app, server_options,
      [&] {
        io.out << fmt::format("rung serve: {} ({} levels) at http://{}:{}/  (Ctrl+C stops)\n",
                              served.data().meta.name, served.level_ids().size(), host,
                              listen.second)
               << fmt::format("rung serve: data in {} ({}); the ladder is {}\n", store->describe(),
                              is_database_uri(options.data_dir)
                                  ? "saves are as durable as the server's synchronous_commit"
                                  : durability_line(sync_of(options.sync)),
                              options.public_ladder ? "public" : "for signed-in people only");
        if (!options.oidc_issuer.empty()) {
          io.out << fmt::format(
              "rung serve: signing people in at {} (OpenID Connect; redirect URL {}); "
              "password sign-in {}\n",
              options.oidc_issuer, app->resources().oidc->options().redirect_url,
              options.no_password_sign_in ? "off (but for 'admin')" : "on");
        }
        if (!options.auth_header.empty()) {
          io.out << fmt::format(
              "rung serve: signing people in by the {} header from {}; password sign-in {}\n",
              options.auth_header, trusted,
              options.no_password_sign_in ? "off (but for 'admin')" : "on");
        }
        io.out << std::flush;
      },
      io.err));
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
  add_data_option(sub, options->data_dir);
  sub.add_option("--threads", options->threads, "Worker threads (default: one per core)");
  sub.add_flag("--no-access-log", options->quiet, "Do not log each request on stderr");
  sub.add_flag("--public-ladder", options->public_ladder,
               "Serve the ladder's pages and API to anyone, signed in or not");
  sub.add_flag("--secure-cookies", options->secure_cookies,
               "Mark cookies Secure (sent over HTTPS only): use behind a TLS proxy");
  sub.add_option("--sync", options->sync,
                 "When a save counts as done: full syncs it to disk first, so an acknowledged "
                 "save survives a power loss; normal is faster, and a power loss can undo the "
                 "last saves (never corrupt the database)")
      ->check(CLI::IsMember({"full", "normal"}))
      ->capture_default_str();
  sub.add_option("--busy-timeout", options->busy_timeout,
                 "Seconds a save waits for another process writing the same SQLite file (such "
                 "as `rung people import --apply`, one transaction) before it fails as busy")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  sub.add_option("--max-connections", options->limits.max_connections,
                 "Connections open at once from all clients; past it new ones get 503 (0: no "
                 "limit; rung raises its open-files limit to fit, as far as allowed)")
      ->capture_default_str();
  sub.add_option("--max-connections-per-address", options->limits.max_per_address,
                 "Connections open at once from one client address; past it its new ones get "
                 "503 (0: no limit; raise it behind a proxy, whose address all clients share)")
      ->capture_default_str();
  sub.add_option("--max-requests-per-connection", options->limits.max_requests_per_connection,
                 "Requests on one connection before the server closes it (0: no limit)")
      ->capture_default_str();
  sub.add_option("--auth-header", options->auth_header,
                 "Sign people in by the email an authenticating proxy (oauth2-proxy, Authelia, "
                 "nginx auth_request) puts in this header; needs --trusted-proxy")
      ->option_text("NAME");
  sub.add_option("--trusted-proxy", options->trusted_proxy,
                 "The proxy's addresses (the TCP peer, IPv4 or IPv6 blocks): the header counts "
                 "only from these; from anyone else it is ignored and logged")
      ->option_text("CIDR[,CIDR]");
  sub.add_flag("--no-password-sign-in", options->no_password_sign_in,
               "With --auth-header or --oidc-issuer: turn password sign-in off, but for the "
               "first-run 'admin'");
  sub.add_option("--oidc-issuer", options->oidc_issuer,
                 "Sign people in at this OpenID Connect provider (Okta, Entra ID, Google, "
                 "Keycloak): its issuer URL, https only (http only on loopback, for tests); "
                 "its discovery document and keys are fetched at start, or rung does not start")
      ->option_text("URL");
  sub.add_option("--oidc-client-id", options->oidc_client_id,
                 "The client id the provider gave Rung")
      ->option_text("ID");
  sub.add_option("--oidc-client-secret-file", options->oidc_secret_file,
                 "A file holding the client secret (never on the command line)")
      ->option_text("PATH");
  sub.add_option("--oidc-redirect-url", options->oidc_redirect_url,
                 "Rung's callback as registered at the provider, "
                 "https://HOST/sign-in/oidc/callback (default: from --listen, on loopback only)")
      ->option_text("URL");
  sub.add_option("--oidc-name", options->oidc_name,
                 "The provider's name on the sign-in page's button (default: the issuer's host)")
      ->option_text("NAME");
  sub.footer(
      "Serves the ladder in a browser and as a JSON API (/api/v1, described at\n"
      "/api/v1/openapi.json); people, accounts and sessions live in DIR/rung.db. The first\n"
      "run creates the account 'admin' and prints its one-time password. /healthz and\n"
      "/metrics for operators. SIGTERM or SIGINT stop it after the requests in flight finish.\n"
      "SIGHUP reloads the ladder file: it is validated first, and a file with a problem keeps\n"
      "the current ladder (the log and /healthz say why).\n"
      "Examples:\n"
      "  rung serve\n"
      "  rung serve --listen 0.0.0.0:8080 --ladder ladders/engineering.yaml --secure-cookies\n"
      "  rung serve --public-ladder --data /var/lib/rung\n"
      "  rung serve --auth-header X-Forwarded-Email --trusted-proxy 127.0.0.1/32\n"
      "  rung serve --oidc-issuer https://accounts.google.com --oidc-client-id ID \\\n"
      "    --oidc-client-secret-file /etc/rung/oidc-secret --oidc-name Google \\\n"
      "    --oidc-redirect-url https://rung.example.com/sign-in/oidc/callback");
  return [options, io] { return serve(*options, io); };
}

}  // namespace rung::cli
