#pragma once

#include <cstddef>
#include <string>

#include "rung/auth/viewer.hpp"
#include "rung/core/clock.hpp"
#include "rung/html/template.hpp"
#include "rung/model/ladder.hpp"
#include "rung/review/team.hpp"
#include "rung/web/team/query.hpp"

// Team readiness as a page, as JSON for the API and as CSV. Internal to web/team/.
namespace rung::web::team {

// Rows on one page; the CSV and the API hold them all.
inline constexpr std::size_t k_rows_per_page = 100;

// The address of the page of `person`'s team.
std::string readiness_url(store::Id person);

// The view of templates/team_readiness.html: the filters as chosen, the sortable column heads,
// what awaits the viewer, one page of rows with every figure in words and dates as "3 weeks
// ago" (as of `now`), the way on from each empty state, and the CSV link. No ids in the text.
Json page_view(const model::Ladder& ladder, const review::TeamReadiness& team,
               const TeamPageQuery& query, const auth::Viewer& viewer, Millis now);

// The API answer (openapi.json schema TeamReadiness): every row the filters keep.
Json api_json(const review::TeamReadiness& team);

// The same rows as CSV (RFC 4180 through exports::csv_field, CRLF, UTF-8): a header row, then
// one row per person; dates YYYY-MM-DD, empty cells where there is no figure.
std::string csv(const model::Ladder& ladder, const review::TeamReadiness& team);

}  // namespace rung::web::team
