#include "rung/web/app.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "rung/lint/lint.hpp"
#include "rung/lint/render.hpp"
#include "rung/web/assets.hpp"
#include "rung/web/encoding.hpp"
#include "rung/web/router.hpp"

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
  return fmt::format("{:08x}", fnv1a64(asset("static/rung.css").value_or("")) & 0xffffffffu);
}

bool is_api(std::string_view path) {
  return path == "/api/v1" || path.starts_with("/api/");
}

// An error in the shape the client expects: JSON under /api/, an HTML page elsewhere.
Response error_for(const Resources& resources, std::string_view path, int status,
                   std::string_view code, std::string_view message) {
  if (is_api(path)) {
    return json_error(status, code, message);
  }
  return message_page(resources, status, reason_phrase(status), message);
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

}  // namespace

Results<std::unique_ptr<App>> App::create(model::Ladder ladder, AppOptions options) {
  RUNG_TRY_ASSIGN(Pages pages, Pages::load());
  return std::unique_ptr<App>(new App(std::move(ladder), std::move(pages), options));
}

App::App(model::Ladder ladder, Pages pages, AppOptions options)
    : m_ladder(std::move(ladder)),
      m_similarity(m_ladder),
      m_search_index(m_ladder),
      m_lint_report(Json::parse(lint::to_json(lint::lint(m_ladder)))),
      m_pages(std::move(pages)),
      m_options(options),
      m_resources{m_ladder,
                  m_similarity,
                  m_search_index,
                  m_lint_report,
                  m_pages,
                  Links::server(stylesheet_version()),
                  stylesheet_version(),
                  [this] { return metrics_text(); }},
      m_cache(options.cache_max_entries, options.cache_max_bytes),
      m_metrics(route_names()) {}

Response App::handle(const Request& request) {
  const auto start = std::chrono::steady_clock::now();
  Response response;
  try {
    response = answer(request);
  } catch (const std::exception& e) {
    std::cerr << "rung serve: internal error answering " << request.method_name << ' '
              << request.target.substr(0, 200) << ": " << e.what() << '\n';
    const std::string_view route = response.route;
    response = text_response(500, "Internal server error\n", "text/plain; charset=utf-8");
    response.route = route;
  }
  if (request.method == Method::head) {
    response.body.clear();
    response.shared_body.reset();
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  m_metrics.record(response.route, response.status, elapsed.count());
  return response;
}

Response App::answer(const Request& request) {
  if (auto refused = check_limits(m_resources, request, m_options)) {
    return std::move(*refused);
  }
  auto target = parse_target(request.target);
  if (!target) {
    return error_for(m_resources, request.target, 400, "bad-request", target.error().message);
  }
  if ((request.method == Method::get || request.method == Method::head) && !request.body.empty()) {
    return error_for(m_resources, target->path, 400, "body-not-allowed",
                     "A GET or HEAD request may not carry a body.");
  }
  return route(request, *target);
}

Response App::route(const Request& request, const Target& target) {
  const RouteMatch match = match_route(routes(), request.method, target.path);
  if (match.route == nullptr) {
    if (match.other_method_known || request.method == Method::other) {
      Response out = error_for(m_resources, target.path, 405, "method-not-allowed",
                               fmt::format("{} is not allowed here; use GET or HEAD.",
                                           request.method_name.substr(0, 16)));
      out.headers.add("Allow", "GET, HEAD");
      return out;
    }
    if (is_api(target.path)) {
      return json_error(404, "not-found", fmt::format("no API resource at {}", target.path),
                        "see /api/v1/openapi.json");
    }
    return not_found_page(m_resources, target.path);
  }
  const Route& route = *match.route;
  if (auto problem = check_params(route, target.query)) {
    Response out = error_for(m_resources, target.path, 400, "bad-query", *problem);
    out.route = route.name;
    return out;
  }
  const Call call{request, target, match.params};
  if (!route.cacheable) {
    Response out = route.handler(m_resources, call);
    out.route = route.name;
    return out;
  }
  auto cached = m_cache.find(request.target);
  if (!cached) {
    Response fresh = route.handler(m_resources, call);
    if (fresh.status != 200) {
      fresh.route = route.name;
      return fresh;
    }
    cached = make_cached(std::move(fresh), m_options.gzip_min_bytes);
    m_cache.insert(request.target, cached);
  }
  Response out = serve_cached(cached, request);
  out.route = route.name;
  return out;
}

std::string App::metrics_text() const {
  return m_metrics.prometheus_text(
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
