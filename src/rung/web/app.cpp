#include "rung/web/app.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "rung/auth/accounts.hpp"
#include "rung/auth/api_tokens.hpp"
#include "rung/auth/viewer.hpp"
#include "rung/compare/ladder_diff.hpp"
#include "rung/core/clock.hpp"
#include "rung/core/text.hpp"
#include "rung/core/utc.hpp"
#include "rung/html/assets.hpp"
#include "rung/lint/lint.hpp"
#include "rung/lint/render.hpp"
#include "rung/people/ladder_guard.hpp"
#include "rung/store/memory/store.hpp"
#include "rung/web/http/cookies.hpp"
#include "rung/web/http/encoding.hpp"
#include "rung/web/http/router.hpp"
#include "rung/web/routes.hpp"
#include "rung/web/shell/access.hpp"
#include "rung/web/shell/bearer.hpp"
#include "rung/web/shell/gate.hpp"

namespace rung::web {

namespace {

std::vector<std::string_view> route_names() {
  std::vector<std::string_view> out;
  for (const Route& route : routes()) {
    out.push_back(route.name);
  }
  return out;
}

// Changes whenever the stylesheet does, so its URL can be cached for good.
std::string stylesheet_version() {
  return fmt::format("{:08x}", fnv1a64(html::asset("static/rung.css").value_or("")) & 0xffffffffu);
}

// Sizes and methods are checked before the target is even parsed.
std::optional<Response> check_limits(const Resources& resources, const Request& request,
                                     const AppOptions& options) {
  if (request.target.size() > options.max_target_bytes) {
    return error_for(resources, "/", 414, "uri-too-long",
                     fmt::format("The address is {} bytes long; at most {} are accepted.",
                                 request.target.size(), options.max_target_bytes));
  }
  std::size_t total = 0;
  for (const auto& [name, value] : request.headers.fields()) {
    total += name.size() + value.size();
    if (name.size() + value.size() > options.max_header_bytes) {
      return error_for(resources, "/", 431, "header-too-large",
                       fmt::format("The header field '{}' is longer than {} bytes.",
                                   name.substr(0, 64), options.max_header_bytes));
    }
  }
  if (total > options.max_all_headers_bytes) {
    return error_for(resources, "/", 431, "headers-too-large",
                     fmt::format("The header fields add up to more than {} bytes.",
                                 options.max_all_headers_bytes));
  }
  if (request.body.size() > options.max_body_bytes) {
    return error_for(
        resources, "/", 413, "body-too-large",
        fmt::format("The request body is larger than {} bytes.", options.max_body_bytes));
  }
  return std::nullopt;
}

// Query parameters the route does not take, or takes once but got twice: 400.
std::optional<std::string> check_params(const Route& route, const QueryParams& query) {
  std::vector<std::string_view> allowed;
  std::string_view list = route.params;
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    allowed.push_back(list.substr(0, space));
    list = space == std::string_view::npos ? std::string_view() : list.substr(space + 1);
  }
  for (std::size_t i = 0; i < query.size(); ++i) {
    const std::string& name = query[i].first;
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return allowed.empty()
                 ? fmt::format("Unknown query parameter '{}': this address takes none.", name)
                 : fmt::format("Unknown query parameter '{}': this address takes {}.", name,
                               route.params);
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (query[j].first == name) {
        return fmt::format("The query parameter '{}' is given more than once.", name);
      }
    }
  }
  return std::nullopt;
}

// "GET, HEAD" / "POST": the methods some route takes at `path`, for 405's Allow.
std::string allowed_methods(std::string_view path) {
  std::string out;
  PathParams params;
  for (const Route& route : routes()) {
    if (match_pattern(route.pattern, path, params)) {
      const std::string_view name =
          route.method == Method::get ? std::string_view("GET, HEAD") : to_string(route.method);
      if (out.find(name) == std::string::npos) {
        out += out.empty() ? std::string(name) : ", " + std::string(name);
      }
    }
  }
  return out.empty() ? std::string("GET, HEAD") : out;
}

// The response cache holds one answer per target and shape of viewer (ViewerShape): the header
// is drawn from the shape alone, and a cacheable route shows nothing else of its viewer
// (tests/unit/web/cache_viewers_test.cpp checks every one).
std::string cache_key(const Resources& resources, const Request& request,
                      const auth::Viewer* viewer) {
  return viewer_shape(resources, viewer).code() + '|' + request.target;
}

Clock clock_of(const AppOptions& options) {
  return options.sessions.clock ? options.sessions.clock : Clock(system_now);
}

review::Options review_options(const AppOptions& options) {
  review::Options out;
  out.clock = clock_of(options);
  return out;
}

// "Engineering Ladder (version 2027.1): 3 statements reworded, 1 new, 1 level renamed".
std::string reload_summary(const compare::LadderDiff& diff) {
  const auto& [name, version, published] = diff.after;
  std::string out = name + (version.empty() ? "" : " (version " + version + ")") + ": ";
  if (diff.unchanged()) {
    return out + "the same statements and levels as before";
  }
  std::vector<std::string> parts;
  const auto count = [&](std::size_t n, std::string_view one, std::string_view many) {
    if (n != 0) {
      parts.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
    }
  };
  std::size_t levels_changed = 0;
  for (const compare::LevelChange& level : diff.levels) {
    levels_changed += level.fate == compare::LevelFate::kept ? 0 : 1;
  }
  count(diff.counts.added, "statement new", "statements new");
  count(diff.counts.reworded, "reworded", "reworded");
  count(diff.counts.moved, "moved", "moved");
  count(diff.counts.dropped, "dropped", "dropped");
  count(levels_changed, "level added, removed or renamed", "levels added, removed or renamed");
  return out + (parts.empty() ? "the same statements, other details changed" : join(parts));
}

}  // namespace

// The ladder and everything computed from it once, with the Resources that point into it.
struct ServedLadder {
  ServedLadder(model::Ladder served, store::Store& store, review::Options options,
               std::uint64_t number)
      : ladder(std::move(served)),
        similarity(ladder),
        search_index(ladder),
        lint_report(Json::parse(lint::to_json(lint::lint(ladder)))),
        review(store, ladder, std::move(options)),
        generation(number) {}
  ServedLadder(const ServedLadder&) = delete;
  ServedLadder& operator=(const ServedLadder&) = delete;

  model::Ladder ladder;
  compare::Similarity similarity;
  search::Index search_index;
  Json lint_report;
  review::Service review;
  std::optional<Resources> resources;  // set by App::make_served; refers to the members above
  std::uint64_t generation = 0;        // 1 at start, one more per reload: part of cache keys
  Millis loaded_at = 0;
};

Results<std::unique_ptr<App>> App::create(model::Ladder ladder, store::Store& store,
                                          AppOptions options) {
  RUNG_TRY_ASSIGN(html::Pages pages, html::Pages::load());
  auto oidc = std::move(options.oidc);
  auto app = std::unique_ptr<App>(
      new App(std::move(ladder), std::move(pages), nullptr, store, std::move(options)));
  if (oidc) {
    auto started = auth::Oidc::start(store, app->m_sessions, std::move(*oidc));
    if (!started) {
      return tl::unexpected(Errors{started.error()});
    }
    app->m_oidc = std::move(*started);
    // Before the first request: later ladders (reloads) pick it up in make_served.
    app->served()->resources->oidc = app->m_oidc.get();
  }
  if (auto recorded = app->served()->review.record_served(); !recorded) {
    return tl::unexpected(Errors{recorded.error()});
  }
  return app;
}

Results<std::unique_ptr<App>> App::create(model::Ladder ladder, AppOptions options) {
  RUNG_TRY_ASSIGN(html::Pages pages, html::Pages::load());
  auto owned = store::memory::make_store();
  store::Store& store = *owned;
  auto app = std::unique_ptr<App>(
      new App(std::move(ladder), std::move(pages), std::move(owned), store, std::move(options)));
  if (auto recorded = app->served()->review.record_served(); !recorded) {
    return tl::unexpected(Errors{recorded.error()});
  }
  return app;
}

App::App(model::Ladder ladder, html::Pages pages, std::unique_ptr<store::Store> owned,
         store::Store& store, AppOptions options)
    : m_owned_store(std::move(owned)),
      m_store(store),
      m_pages(std::move(pages)),
      m_options(std::move(options)),
      m_stylesheet_version(stylesheet_version()),
      m_sessions(m_store, m_options.sessions),
      m_people(m_store),
      m_imports(m_store),
      m_cache(m_options.cache_max_entries, m_options.cache_max_bytes),
      m_metrics(route_names()),
      m_connections(m_options.connections),
      m_served(make_served(std::move(ladder), 1)) {}

std::shared_ptr<ServedLadder> App::make_served(model::Ladder ladder, std::uint64_t generation) {
  auto served = std::make_shared<ServedLadder>(std::move(ladder), m_store,
                                               review_options(m_options), generation);
  served->resources.emplace(
      Resources{served->ladder, served->similarity, served->search_index, served->lint_report,
                m_pages, html::Links::server(m_stylesheet_version), m_stylesheet_version,
                [this] { return metrics_text(); }, m_store, m_sessions, m_people, m_imports,
                served->review, m_options.secure_cookies, clock_of(m_options),
                [this] { return health_text(); }, m_oidc.get()});
  served->loaded_at = clock_of(m_options)();
  return served;
}

std::shared_ptr<ServedLadder> App::served() const {
  return m_served.load();
}

const model::Ladder& App::ladder() const {
  return served()->ladder;
}

const Resources& App::resources() const {
  return *served()->resources;
}

Result<ReloadReport> App::reload(model::Ladder ladder) {
  const std::lock_guard lock(m_reload_mutex);
  const std::shared_ptr<ServedLadder> current = served();
  auto checked = people::check_held_levels(ladder, m_store);
  if (checked) {
    auto next = make_served(std::move(ladder), current->generation + 1);
    checked = next->review.record_served();
    if (checked) {
      const compare::LadderDiff diff = compare::diff_ladders(current->ladder, next->ladder);
      m_served.store(next);
      m_cache.clear();
      {
        const std::lock_guard health(m_health_mutex);
        m_reload_failure.clear();
      }
      return ReloadReport{reload_summary(diff)};
    }
  }
  const std::lock_guard health(m_health_mutex);
  m_reload_failure = checked.error().message;
  m_reload_failed_at = clock_of(m_options)();
  return tl::unexpected(checked.error());
}

std::string App::reload_failed(const Errors& errors) {
  std::string why;
  for (const Error& error : errors) {
    const std::string where = format_location(error.where);
    why += (why.empty() ? "" : "; ") + (where.empty() ? "" : where + ": ") + error.message;
  }
  const std::lock_guard health(m_health_mutex);
  m_reload_failure = why;
  m_reload_failed_at = clock_of(m_options)();
  return why;
}

std::string App::health_text() const {
  const std::shared_ptr<ServedLadder> now_served = served();
  const model::Metadata& meta = now_served->ladder.data().meta;
  std::string out = fmt::format("ok\nladder: {}{}, served since {}\n", meta.name,
                                meta.version.empty() ? "" : " (version " + meta.version + ")",
                                utc_minute(now_served->loaded_at));
  const std::lock_guard health(m_health_mutex);
  if (!m_reload_failure.empty()) {
    out += fmt::format("last reload: failed at {}, kept the ladder above: {}\n",
                       utc_minute(m_reload_failed_at), m_reload_failure);
  }
  return out;
}

Response App::handle(const Request& request) {
  const auto start = std::chrono::steady_clock::now();
  Response response;
  try {
    const std::shared_ptr<ServedLadder> now_served = served();
    response = answer(*now_served, request);
  } catch (const std::exception& e) {
    std::cerr << "rung serve: internal error answering " << request.method_name << ' '
              << request.target.substr(0, 200) << ": " << e.what() << '\n';
    const std::string_view route = response.route;
    response = text_response(500, "Internal server error\n", "text/plain; charset=utf-8");
    response.route = route;
  }
  add_security_headers(response);
  if (request.method == Method::head) {
    response.body.clear();
    response.shared_body.reset();
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  m_metrics.record(response.route, response.status, elapsed.count());
  return response;
}

Response App::busy(const Request& request) {
  const std::shared_ptr<ServedLadder> now_served = served();
  const Resources& resources = *now_served->resources;
  const auto target = parse_target(request.target);
  const std::string path = target ? target->path : "/";
  Response response =
      error_for(resources, path, 503, "busy",
                "This computer has too many connections open to the server at once. Close some "
                "(or wait a moment) and try again.");
  response.headers.set("Retry-After", "2");
  add_security_headers(response);
  m_metrics.record(response.route, response.status, 0);
  m_connections.count_busy_answer();
  return response;
}

Response App::answer(const ServedLadder& served, const Request& request) {
  const Resources& resources = *served.resources;
  if (auto refused = check_limits(resources, request, m_options)) {
    return std::move(*refused);
  }
  auto target = parse_target(request.target);
  if (!target) {
    return error_for(resources, request.target, 400, "bad-request", target.error().message);
  }
  if ((request.method == Method::get || request.method == Method::head) && !request.body.empty()) {
    return error_for(resources, target->path, 400, "body-not-allowed",
                     "A GET or HEAD request may not carry a body.");
  }
  return route(served, request, *target);
}

Response App::route(const ServedLadder& served, const Request& request, const Target& target) {
  const Resources& resources = *served.resources;
  const RouteMatch match = match_route(routes(), request.method, target.path);
  if (match.route == nullptr) {
    if (match.other_method_known || request.method == Method::other) {
      const std::string allow = allowed_methods(target.path);
      Response out = error_for(
          resources, target.path, 405, "method-not-allowed",
          fmt::format("{} is not allowed here; use {}.", request.method_name.substr(0, 16), allow));
      out.headers.add("Allow", allow);
      return out;
    }
    if (is_api(target.path)) {
      return json_error(404, "not-found", fmt::format("no API resource at {}", target.path),
                        "see /api/v1/openapi.json");
    }
    // A signed-in person's 404 keeps their own navigation: no dead end.
    const auto token = cookie(request, k_session_cookie);
    const std::optional<auth::Viewer> viewer =
        token && !token->empty() ? m_sessions.viewer(*token) : std::nullopt;
    return not_found_page(resources, target.path, viewer ? &*viewer : nullptr);
  }
  const Route& route = *match.route;
  if (auto problem = check_params(route, target.query)) {
    Response out = error_for(resources, target.path, 400, "bad-query", *problem);
    out.route = route.name;
    return out;
  }
  // On the API an Authorization header decides alone: a bad token is refused, never taken
  // as "anonymous" or passed over for the cookie.
  const Bearer bearer = is_api(target.path) ? bearer_of(request) : Bearer{};
  std::optional<auth::Viewer> viewer;
  if (bearer.state != BearerState::absent) {
    if (bearer.state == BearerState::present) {
      auto found = auth::find_token_viewer(m_store, bearer.token, resources.now());
      if (!found) {
        throw std::runtime_error(found.error().message);
      }
      viewer = std::move(*found);
    }
    if (!viewer) {
      Response out = token_refused();
      out.route = route.name;
      return out;
    }
  }
  const auto token =
      bearer.state == BearerState::absent ? cookie(request, k_session_cookie) : std::nullopt;
  std::string new_session;
  if (!viewer && !m_options.proxy.header.empty() && bearer.state == BearerState::absent) {
    auto vouched = proxy_viewer(resources, request, target, token, new_session);
    if (auto* refused = std::get_if<Response>(&vouched)) {
      refused->route = route.name;
      return std::move(*refused);
    }
    viewer = std::move(std::get<std::optional<auth::Viewer>>(vouched));
  }
  if (!viewer && token && !token->empty()) {
    viewer = m_sessions.viewer(*token);
  }
  const auth::Viewer* who = viewer ? &*viewer : nullptr;
  Call call{request, target, match.params, who, nullptr};
  Response out = call_route(served, route, call, request);
  apply_cache_rules(out, route, who);
  if (!new_session.empty()) {
    out.headers.add("Set-Cookie", set_cookie(k_session_cookie, new_session,
                                             CookieOptions{m_options.secure_cookies,
                                                           std::chrono::seconds(7 * 24 * 3600)}));
  } else if (token && !viewer) {
    // An expired or unknown session: let the browser forget it.
    out.headers.add("Set-Cookie", clear_cookie(k_session_cookie, m_options.secure_cookies));
  }
  out.route = route.name;
  return out;
}

Response App::call_route(const ServedLadder& served, const Route& route, const Call& call,
                         const Request& request) {
  const Resources& resources = *served.resources;
  AccessContext context{m_options.public_ladder, nullptr};
  std::shared_ptr<const PeopleSnapshot> people;
  if (route.access == Access::person && call.viewer != nullptr && !call.viewer->admin()) {
    auto snapshot = m_people.get();
    if (!snapshot) {
      throw std::runtime_error(snapshot.error().message);
    }
    people = std::move(*snapshot);
    context.org = &people->org;
  }
  const Verdict verdict = check_access(route, call.viewer, call.param("id"), context);
  if (verdict != Verdict::allow) {
    return refusal(resources, request, call.target, verdict, call.viewer);
  }
  if (route.method != Method::get && call.viewer != nullptr && call.viewer->read_only()) {
    return read_only_refused();
  }
  if (route.method != Method::get && route.kind == Kind::json) {
    return call_api_write(resources, route, call, request);
  }
  if (route.method != Method::get) {
    auto form = parse_form(request);
    if (!form) {
      return error_for(resources, call.target.path, 400, "bad-form", form.error().message);
    }
    if (!csrf_ok(resources, route, request, *form, call.viewer)) {
      return error_for(resources, call.target.path, 403, "csrf",
                       "This form is out of date or came from another site. Go back, reload "
                       "the page and send it again.");
    }
    Call posted = call;
    posted.form = &*form;
    return route.handler(resources, posted);
  }
  if (!route.cacheable) {
    return route.handler(resources, call);
  }
  // The ladder's generation first: a page rendered from the ladder before a reload is never
  // served after it, even one a request in flight inserts after the cache was cleared.
  const std::string key =
      std::to_string(served.generation) + '|' + cache_key(resources, request, call.viewer);
  auto cached = m_cache.find(key);
  if (!cached) {
    Response fresh = route.handler(resources, call);
    if (fresh.status != 200) {
      return fresh;
    }
    cached = make_cached(std::move(fresh), m_options.gzip_min_bytes);
    m_cache.insert(key, cached);
  }
  return serve_cached(cached, request);
}

Response App::call_api_write(const Resources& resources, const Route& route, const Call& call,
                             const Request& request) {
  // The token comes in a header: a form on another site cannot set one, and JSON bodies
  // cannot be sent cross-site without a CORS preflight this server never grants.
  // A bearer token is itself the proof: a browser never adds an Authorization header on its
  // own, so another site cannot make one send it.
  const bool bearer = call.viewer != nullptr && call.viewer->by_token();
  if (!bearer && !csrf_header_ok(resources, request, call.viewer)) {
    return json_error(403, "csrf",
                      fmt::format("send the session's CSRF token in the {} header (GET /api/v1/me "
                                  "gives it)",
                                  k_csrf_header));
  }
  auto body = parse_json_body(request);
  if (!body) {
    const bool media = body.error().code == "http.unsupported-media-type";
    return json_error(media ? 415 : 400, media ? "unsupported-media-type" : "bad-json",
                      body.error().message);
  }
  Call posted = call;
  posted.json = &*body;
  return route.handler(resources, posted);
}

std::variant<std::optional<auth::Viewer>, Response> App::proxy_viewer(
    const Resources& resources, const Request& request, const Target& target,
    const std::optional<std::string>& session_token, std::string& new_session) {
  const ProxyIdentity identity = proxy_identity(request, m_options.proxy);
  if (identity.state == ProxyHeader::ignored) {
    // Never the value: it may be an address someone tried to pass for another.
    std::cerr << fmt::format("rung serve: ignored the {} header {}\n", m_options.proxy.header,
                             identity.reason);
  }
  if (identity.state != ProxyHeader::present) {
    return std::optional<auth::Viewer>();
  }
  if (session_token && !session_token->empty()) {
    auto current = m_sessions.viewer(*session_token);
    if (current && current->account.login == auth::normalize_login(identity.email)) {
      return current;
    }
  }
  auto signed_in = m_sessions.sign_in_vouched(identity.email, client_address(request), "proxy");
  if (!signed_in) {
    const Error& error = signed_in.error();
    if (error.kind != ErrorKind::not_found && error.kind != ErrorKind::forbidden &&
        error.kind != ErrorKind::invalid) {
      throw std::runtime_error(error.message);
    }
    const std::string message =
        error.code == "auth.unknown-person"
            ? fmt::format(
                  "Your identity provider signed you in as {}, but Rung has no person "
                  "with that email: ask an admin.",
                  auth::normalize_login(identity.email))
        : error.code == "auth.account-disabled"
            ? std::string("Your account is disabled; ask an admin to enable it again.")
            : error.message;
    Response out = error_for(resources, target.path, 403, "unknown-identity", message);
    out.headers.set("Cache-Control", "no-store");
    return out;
  }
  new_session = signed_in->token;
  return std::optional<auth::Viewer>(std::move(signed_in->viewer));
}

std::string App::metrics_text() const {
  return m_metrics.prometheus_text(
      m_connections.prometheus_text() +
      fmt::format("# HELP rung_cache_entries Rendered responses in the response cache.\n"
                  "# TYPE rung_cache_entries gauge\n"
                  "rung_cache_entries {}\n"
                  "# HELP rung_cache_bytes Bytes of rendered responses in the response cache.\n"
                  "# TYPE rung_cache_bytes gauge\n"
                  "rung_cache_bytes {}\n"
                  "# HELP rung_cache_hits_total Requests answered from the response cache.\n"
                  "# TYPE rung_cache_hits_total counter\n"
                  "rung_cache_hits_total {}\n"
                  "# HELP rung_cache_misses_total Requests that had to render their response.\n"
                  "# TYPE rung_cache_misses_total counter\n"
                  "rung_cache_misses_total {}\n",
                  m_cache.entries(), m_cache.bytes(), m_cache.hits(), m_cache.misses()));
}

}  // namespace rung::web
