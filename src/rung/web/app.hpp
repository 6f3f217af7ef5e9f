#pragma once

#include <cstddef>
#include <memory>
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

  const Metrics& metrics() const { return m_metrics; }
  const ResponseCache& cache() const { return m_cache; }
  const model::Ladder& ladder() const { return m_ladder; }
  store::Store& store() { return m_store; }
  // What handlers get; tests call view functions (e.g. web::progress_svg) with it.
  const Resources& resources() const { return m_resources; }

 private:
  App(model::Ladder ladder, html::Pages pages, std::unique_ptr<store::Store> owned,
      store::Store& store, AppOptions options);

  Response answer(const Request& request);
  Response route(const Request& request, const Target& target);
  Response call_route(const Route& route, const Call& call, const Request& request);
  Response call_api_write(const Route& route, const Call& call, const Request& request);
  // The viewer an authenticating proxy vouches for (options.proxy), or nullopt; a new session's
  // cookie goes into `new_session`. A refusal (an email Rung does not know) is the Response.
  std::variant<std::optional<auth::Viewer>, Response> proxy_viewer(
      const Request& request, const Target& target, const std::optional<std::string>& session_token,
      std::string& new_session);
  std::string metrics_text() const;

  std::unique_ptr<store::Store> m_owned_store;  // only when created without a store
  store::Store& m_store;
  model::Ladder m_ladder;
  compare::Similarity m_similarity;
  search::Index m_search_index;
  Json m_lint_report;
  html::Pages m_pages;
  AppOptions m_options;
  auth::Sessions m_sessions;
  std::unique_ptr<auth::Oidc> m_oidc;  // when options.oidc
  PeopleCache m_people;
  PendingImports m_imports;
  review::Service m_review;
  Resources m_resources;
  ResponseCache m_cache;
  Metrics m_metrics;
  ConnectionGate m_connections;
};

}  // namespace rung::web
