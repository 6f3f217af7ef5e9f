#pragma once

#include <cstddef>
#include <string>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/team.hpp"
#include "rung/web/http/url.hpp"

// The query string of the team readiness page, its CSV and its API: what a bookmark of a
// filtered, sorted view holds. Internal to web/team/.
namespace rung::web::team {

// The query parameters the three routes take (the page also takes "page").
inline constexpr std::string_view k_params = "cycle track level ready not_assessed sort order";
inline constexpr std::string_view k_page_params =
    "cycle track level ready not_assessed sort order page";

struct TeamPageQuery {
  review::TeamQuery team;
  std::size_t page = 1;  // of the page's rows, 1-based
};

// Reads `query`:
//   cycle=ID | all          the cycle whose assessments count (default: the open one)
//   track=ID, level=ID      only people on that track / at that level (ids of the ladder)
//   ready=1, not_assessed=1 only people ready for the next level / with nothing submitted
//   sort=COLUMN             review::team_column names (default name)
//   order=asc | desc        (default asc)
//   page=N                  1, 2, ...
// An empty value is the default (a form's "any" choice). Error "team.bad-query" with a
// message that names the parameter for anything else.
Result<TeamPageQuery> read_team_query(const QueryParams& query, const model::Ladder& ladder);

// The query string of `query` with only what differs from the defaults, "" or "?a=b&c=d";
// `with_page` adds the page when it is not 1.
std::string team_query_string(const TeamPageQuery& query, bool with_page);

}  // namespace rung::web::team
