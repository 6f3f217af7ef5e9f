#pragma once

#include <nlohmann/json.hpp>

#include "rung/model/ladder.hpp"

namespace rung::format {

using Json = nlohmann::ordered_json;

// The whole ladder as JSON, with exactly the keys and nesting of the YAML format
// (docs/ladder-format.md), so that schema/ladder.schema.json validates both and
// format::parse_ladder_yaml reads the JSON back (JSON is YAML's flow style).
Json to_json(const model::LadderData& data);

// The overview: ladder metadata, the general ladder, and every track's levels without their
// statements: {name, organization, general_ladder, tracks: [{id, name, family, levels: [{id,
// number, title, grade, experience}]}]}.
Json overview_json(const model::Ladder& ladder);

// One level with its track and statements grouped by area (shared content resolved):
// {id, number, title, grade, experience, shares, track: {id, name, family},
//  next_level, areas: [{id, name, statements: [{id, text, refs}]}]}.
Json level_json(const model::Ladder& ladder, const model::Level& level);

// {min_years, max_years} with max_years left out when open-ended.
Json experience_json(const model::Experience& experience);

}  // namespace rung::format
