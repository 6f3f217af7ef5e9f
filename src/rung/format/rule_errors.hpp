#pragma once

#include <vector>

#include "rung/core/error.hpp"
#include "rung/format/ladder_reader.hpp"
#include "rung/format/yaml_reader.hpp"

// Internal to rung::format: model::validate on a freshly read ladder.
namespace rung::format {

// Runs model::validate on `read.data` and returns its errors, minus those that only repeat a
// field the reader already reported as broken (a level whose title is missing has, for the
// model, an empty title: one problem, reported once), with a place filled in for the
// ladder-wide ones that come without one.
Errors rule_errors(const LadderRead& read, const std::vector<BrokenField>& broken);

}  // namespace rung::format
