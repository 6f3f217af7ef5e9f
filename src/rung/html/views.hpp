#pragma once

#include <string_view>

#include "rung/compare/similarity.hpp"
#include "rung/format/ladder_json.hpp"
#include "rung/html/links.hpp"
#include "rung/model/ladder.hpp"

// View models: the JSON each page template renders. Each starts from the JSON view the API
// returns for the same thing (format/ladder_json.hpp) and adds what a page needs on top (URLs,
// labels, neighbours), so the page and the API cannot disagree about the ladder.
//
// Every view has "site" (ladder name, navigation URLs, whether this is the static site) and
// "page" ({title, nav}: the <title> text and which navigation entry is current).
namespace rung::html {

using format::Json;

Json site_json(const model::Ladder& ladder, const Links& links);

// The tracks × grades grid (the figure at the top of the ladder document) and track summaries.
Json overview_view(const model::Ladder& ladder, const Links& links);

// One track: its levels in order, each with grade, experience, statement count and a link to
// what changes at the next level.
Json track_view(const model::Ladder& ladder, const model::Track& track, const Links& links);

// One level: statements by area, grade, experience, the levels of other tracks at the same
// grade with how many statements each has alike (same or reworded, by compare/), and links to
// the previous and next levels and to the comparison with the next.
Json level_view(const model::Ladder& ladder, const model::Level& level, const Links& links,
                const compare::Similarity& similarity);

// The 404 page: what was asked for and the closest level or track, when one is close.
Json not_found_view(const model::Ladder& ladder, std::string_view path, const Links& links);

// A 400 page or any other message page: {status, heading, message}.
Json message_view(const model::Ladder& ladder, int status, std::string_view heading,
                  std::string_view message, const Links& links);

// "0–3 years", "8+ years"; "" when the level has no experience range.
std::string experience_text(const model::Level& level);

// "Individual contributor" / "Manager".
std::string_view family_label(model::Family family);

}  // namespace rung::html
