#include <fmt/format.h>

#include "rung/compare/compare.hpp"
#include "rung/compare/report.hpp"
#include "rung/core/text.hpp"
#include "rung/html/tool_views.hpp"
#include "rung/search/report.hpp"
#include "rung/web/ladder/handlers.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

constexpr std::size_t k_max_query_bytes = 200;
constexpr std::size_t k_max_hits = 100;

struct Problem {
  int status;
  std::string message;
};

// The comparison the query asks for: a and b, or a and the level above it when b is absent.
tl::expected<Json, Problem> comparison_for(const Resources& resources, const Call& call) {
  const auto a = query_value(call.target.query, "a");
  const auto b = query_value(call.target.query, "b");
  if (!a || a->empty()) {
    return tl::unexpected(Problem{
        400, "Pick the level to compare from: the query parameter 'a' is missing or empty."});
  }
  auto result = b && !b->empty()
                    ? compare::compare_levels(resources.ladder, resources.similarity, *a, *b)
                    : compare::compare_with_next(resources.ladder, resources.similarity, *a);
  if (!result) {
    const Error& error = result.error();
    return tl::unexpected(Problem{400, error.hint.empty()
                                           ? error.message
                                           : fmt::format("{} ({})", error.message, error.hint)});
  }
  return Json::parse(compare::render_json(*result));
}

tl::expected<Json, Problem> search_for(const Resources& resources, std::string_view query) {
  if (query.size() > k_max_query_bytes) {
    return tl::unexpected(
        Problem{400, fmt::format("The search is {} bytes long; at most {} are accepted.",
                                 query.size(), k_max_query_bytes)});
  }
  search::SearchOptions options;
  options.limit = k_max_hits;
  return Json::parse(search::render_json(resources.search_index.search(query, options)));
}

}  // namespace

Response compare(const Resources& resources, const Call& call) {
  const std::string a(query_value(call.target.query, "a").value_or(""));
  const std::string b(query_value(call.target.query, "b").value_or(""));
  if (call.target.query.empty()) {
    const Json view = html::compare_view(resources.ladder, resources.links, nullptr, "", "");
    return page(resources, call, 200, "compare", view);
  }
  auto comparison = comparison_for(resources, call);
  if (!comparison) {
    const Json view = html::compare_view(resources.ladder, resources.links, nullptr, a, b,
                                         comparison.error().message);
    return page(resources, call, comparison.error().status, "compare", view);
  }
  const Json view = html::compare_view(resources.ladder, resources.links, *comparison, a,
                                       (*comparison)["b"]["id"].get<std::string>());
  return page(resources, call, 200, "compare", view);
}

Response search(const Resources& resources, const Call& call) {
  const std::string query(query_value(call.target.query, "q").value_or(""));
  if (trim(query).empty()) {
    const Json view = html::search_view(resources.ladder, resources.links, nullptr, query);
    return page(resources, call, 200, "search", view);
  }
  auto result = search_for(resources, query);
  if (!result) {
    const Json view = html::search_view(resources.ladder, resources.links, nullptr,
                                        query.substr(0, k_max_query_bytes), result.error().message);
    return page(resources, call, result.error().status, "search", view);
  }
  const Json view = html::search_view(resources.ladder, resources.links, *result, query);
  return page(resources, call, 200, "search", view);
}

Response lint(const Resources& resources, const Call& call) {
  const Json view = html::lint_view(resources.ladder, resources.links, resources.lint_report);
  return page(resources, call, 200, "lint", view);
}

Response api_compare(const Resources& resources, const Call& call) {
  auto comparison = comparison_for(resources, call);
  if (!comparison) {
    return json_error(comparison.error().status, "bad-query", comparison.error().message);
  }
  return json_response(200, *comparison);
}

Response api_search(const Resources& resources, const Call& call) {
  const auto query = query_value(call.target.query, "q");
  if (!query || trim(*query).empty()) {
    return json_error(400, "bad-query", "Give the words to find in the query parameter 'q'.");
  }
  auto result = search_for(resources, *query);
  if (!result) {
    return json_error(result.error().status, "bad-query", result.error().message);
  }
  return json_response(200, *result);
}

Response api_lint(const Resources& resources, const Call&) {
  return json_response(200, resources.lint_report);
}

}  // namespace rung::web::handlers
