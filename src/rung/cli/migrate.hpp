#pragma once

#include <memory>
#include <string>

#include "rung/cli/command.hpp"
#include "rung/core/error.hpp"
#include "rung/migrate/plan.hpp"
#include "rung/model/ladder.hpp"

// `rung migrate plan OLD NEW [-o MAP]`, `rung migrate check MAP [--old FILE] [--new FILE]` and
// `rung migrate apply MAP [--apply] [--data DIR] [--old FILE] [--new FILE]` (docs/migrate.md):
// migrate.cpp has plan and check, migrate_apply.cpp apply. Exit codes: 0 done; 1 the map has
// problems (each with file:line:col; nothing changed); 2 a file or the store cannot be used, or
// a ladder is not the version the map was made for.
namespace rung::cli {

// A map read and checked against its two versions (shared by check and apply).
struct CheckedMap {
  migrate::Plan plan;
  model::Ladder before;
  model::Ladder after;
};

// Reads MAP, opens the two ladders it names (or `before` / `after` when given) and checks that
// they are the versions the map was made for ("migrate.wrong-ladder"). The map's problems
// (read_map's, check_plan's) fail with all of them and exit code k_exit_findings; a file or
// ladder that cannot be used fails with its error.
tl::expected<CheckedMap, Failure> read_checked_map(const std::string& map_file,
                                                   const std::string& before,
                                                   const std::string& after);

// Adds `apply` to `rung migrate` (migrate_apply.cpp); it sets `chosen` when picked.
void setup_migrate_apply(CLI::App& sub, Io io, const std::shared_ptr<Handler>& chosen);

}  // namespace rung::cli
