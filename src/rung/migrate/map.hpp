#pragma once

#include <string>
#include <string_view>

#include "rung/core/error.hpp"
#include "rung/migrate/plan.hpp"
#include "rung/model/ladder.hpp"

// The map file: a plan as YAML for a person to review and edit (docs/migrate.md has the
// shape). Comments carry the statements' texts and where they are; entries follow the old
// ladder's document order (track, level, area, statement), then the new statements.
namespace rung::migrate {

// The map of `plan` (its VersionRefs name the two versions), with the texts from the ladders.
std::string render_map(const Plan& plan, const model::Ladder& before, const model::Ladder& after);

// Reads a map back: the plan it holds, each entry with the place it is written at in `file`
// (the name used in locations). Errors ("migrate.bad-map") with file:line:col: not YAML, a
// missing or unknown key, a value of the wrong type, an unknown fate. Reading does not check
// the ids against the ladders: check_plan does.
Results<Plan> read_map(std::string_view text, const std::string& file);

}  // namespace rung::migrate
