#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "rung/auth/oidc.hpp"
#include "rung/auth/sessions.hpp"
#include "rung/core/error.hpp"
#include "rung/html/pages.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/service.hpp"
#include "rung/store/store.hpp"
#include "rung/web/http/cache.hpp"
#include "rung/web/http/connections.hpp"
#include "rung/web/http/http.hpp"
#include "rung/web/http/metrics.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/http/url.hpp"
#include "rung/web/shell/imports.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/proxy_auth.hpp"
#include "rung/web/shell/resources.hpp"

namespace rung::web {

struct AppOptions {
  std::size_t max_target_bytes = 2048;            // a longer request target gets 414
  std::size_t max_header_bytes = 8 * 1024;        // a longer header field (name + value) gets 431
  std::size_t max_all_headers_bytes = 32 * 1024;  // more header bytes in all get 431
  std::size_t cache_max_entries = 2048;           // rendered responses kept
  std::size_t cache_max_bytes = 64 << 20;         // bytes of rendered responses kept
  std::size_t gzip_min_bytes = 256;               // smaller bodies are sent as they are
  std::size_t max_body_bytes = 16 << 20;          // a larger POST body gets 413 (CSV upload)
  bool public_ladder = false;     // --public-ladder: the ladder's pages need no sign-in
  bool secure_cookies = false;    // --secure-cookies: cookies carry Secure (serve behind HTTPS)
  auth::SessionOptions sessions;  // session lifetimes, sign-in throttling, the clock
  ConnectionLimits connections;   // connections in all and per address (server.cpp enforces)
  ProxyAuthOptions proxy;         // --auth-header, --trusted-proxy: sign-in by a proxy's header
  // --oidc-issuer ...: sign-in at an OpenID Connect provider; create() fetches its discovery
  // document and keys, and fails when it cannot.
  std::optional<auth::OidcOptions> oidc;
};

// A ladder in service and what was computed from it: what the requests that started under it
// read (app.cpp). A reload makes a new one; requests in flight keep theirs.
struct ServedLadder;

// What a reload did, for the log.
struct ReloadReport {
  std::string summary;  // "Engineering Ladder 2027: 3 statements reworded, 1 new" or "unchanged"
};

// The web application without sockets: a request in, a response out. It checks the request
// (sizes, method, target, query parameter names), routes it, finds the viewer from the session
// cookie and enforces the route's Access (access.hpp) before anything else, parses a POST's
// form and checks its CSRF token, answers from the response cache when it can (ETag /
// If-None-Match, gzip), turns a handler's exception into a 500, and records metrics.
// server.cpp feeds it from RESTinio; tests call handle() directly.
// Thread-safe: handle() may run on many threads at once.
class App {
 public:
  // Compiles the pages for `ladder`; people, accounts and sessions live in `store` (which must
  // outlive the App). Errors only if an embedded template is broken.
  static Results<std::unique_ptr<App>> create(model::Ladder ladder, store::Store& store,
                                              AppOptions options = {});
  // With options.oidc, the provider is asked for its discovery document and keys first
  // (errors "oidc.*": the App is not made).
  // The same over a fresh in-memory store of its own (no accounts: nobody can sign in).
  static Results<std::unique_ptr<App>> create(model::Ladder ladder, AppOptions options = {});

  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Response handle(const Request& request);
  // The answer to a request on a connection past a connection limit: 503, Retry-After, in the
  // shape the client expects (JSON under /api/), recorded in the metrics.
  Response busy(const Request& request);
  ConnectionGate& connections() { return m_connections; }

  // Serves `ladder` from the next request on: refused ("serve.missing-levels") when it lacks a
  // level someone holds, else stored as a served version (the ladder's history), swapped in,
  // and the rendered pages dropped. Requests in flight finish on the ladder they started with.
  // On any error the current ladder stays, and /healthz says why until a reload succeeds.
  // One reload at a time; safe while requests run.
  Result<ReloadReport> reload(model::Ladder ladder);
  // Records that a reload failed before reaching reload() (the file did not load or validate),
  // for /healthz, and returns the reasons on one line ("ladder.yaml:3:1: ...; ...").
  std::string reload_failed(const Errors& errors);

  const Metrics& metrics() const { return m_metrics; }
  const ResponseCache& cache() const { return m_cache; }
  // The ladder served now, and what handlers get with it (tests call view functions, e.g.
  // web::progress_svg, with it). Both stay valid until the next reload.
  const model::Ladder& ladder() const;
  const Resources& resources() const;
  store::Store& store() { return m_store; }

 private:
  App(model::Ladder ladder, html::Pages pages, std::unique_ptr<store::Store> owned,
      store::Store& store, AppOptions options);

  std::shared_ptr<ServedLadder> make_served(model::Ladder ladder, std::uint64_t generation);
  std::shared_ptr<ServedLadder> served() const;  // the ladder served now
  std::string health_text() const;

  Response answer(const ServedLadder& served, const Request& request);
  Response route(const ServedLadder& served, const Request& request, const Target& target);
  Response call_route(const ServedLadder& served, const Route& route, const Call& call,
                      const Request& request);
  Response call_api_write(const Resources& resources, const Route& route, const Call& call,
                          const Request& request);
  // The viewer an authenticating proxy vouches for (options.proxy), or nullopt; a new session's
  // cookie goes into `new_session`. A refusal (an email Rung does not know) is the Response.
  std::variant<std::optional<auth::Viewer>, Response> proxy_viewer(
      const Resources& resources, const Request& request, const Target& target,
      const std::optional<std::string>& session_token, std::string& new_session);
  std::string metrics_text() const;

  std::unique_ptr<store::Store> m_owned_store;  // only when created without a store
  store::Store& m_store;
  html::Pages m_pages;
  AppOptions m_options;
  std::string m_stylesheet_version;
  auth::Sessions m_sessions;
  std::unique_ptr<auth::Oidc> m_oidc;  // when options.oidc
  PeopleCache m_people;
  PendingImports m_imports;
  ResponseCache m_cache;
  Metrics m_metrics;
  ConnectionGate m_connections;
  std::mutex m_reload_mutex;  // one reload at a time
  mutable std::mutex m_health_mutex;
  std::string m_reload_failure;  // why the last reload failed; "" after a good one
  store::Millis m_reload_failed_at = 0;
  // Last: it refers to the members above.
  std::atomic<std::shared_ptr<ServedLadder>> m_served;
};

}  // namespace rung::web
