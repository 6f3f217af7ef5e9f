#include "rung/format/rule_errors.hpp"

#include <algorithm>
#include <string_view>

#include "rung/model/validate.hpp"

namespace rung::format {

namespace {

enum class Scope {
  element,    // the validate error is at the broken element (or ladder-wide for kind "ladder")
  everywhere  // any validate error with this code
};

// A broken field (kind, key; key "" = the whole element) and the validate error it causes.
struct Consequence {
  std::string_view kind;
  std::string_view key;
  std::string_view code;
  Scope scope;
};

constexpr Consequence k_consequences[] = {
    {"ladder", "name", "ladder.missing-name", Scope::element},
    {"ladder", "tracks", "ladder.empty", Scope::element},
    {"ladder", "areas", "ladder.unknown-area", Scope::everywhere},
    {"ladder", "scale", "ladder.empty-scale", Scope::element},
    {"ladder", "scale", "ladder.unknown-scale-point", Scope::everywhere},
    {"ladder", "general_ladder", "ladder.unknown-grade", Scope::everywhere},
    {"general_ladder", "grades", "ladder.unknown-grade", Scope::everywhere},
    {"area", "", "ladder.unknown-area", Scope::everywhere},
    {"area", "id", "ladder.bad-id", Scope::element},
    {"area", "id", "ladder.unknown-area", Scope::everywhere},
    {"area", "name", "ladder.missing-name", Scope::element},
    {"scale point", "", "ladder.unknown-scale-point", Scope::everywhere},
    {"scale point", "id", "ladder.bad-id", Scope::element},
    {"scale point", "id", "ladder.unknown-scale-point", Scope::everywhere},
    {"scale point", "score", "ladder.scale-order", Scope::everywhere},
    {"scale point", "description", "ladder.bad-description", Scope::element},
    {"readiness", "met_at", "ladder.unknown-scale-point", Scope::element},
    {"readiness", "share_per_area", "ladder.bad-share", Scope::element},
    {"track", "", "ladder.unknown-level", Scope::everywhere},
    {"track", "id", "ladder.bad-id", Scope::element},
    {"track", "name", "ladder.missing-name", Scope::element},
    {"track", "levels", "ladder.empty-track", Scope::element},
    {"track", "levels", "ladder.unknown-level", Scope::everywhere},
    {"level", "", "ladder.unknown-level", Scope::everywhere},
    {"level", "id", "ladder.bad-id", Scope::element},
    {"level", "id", "ladder.unknown-level", Scope::everywhere},
    {"level", "number", "ladder.bad-number", Scope::element},
    {"level", "title", "ladder.missing-title", Scope::element},
    {"statement", "id", "ladder.bad-id", Scope::element},
    {"statement", "text", "ladder.empty-statement", Scope::element},
};

bool repeats(const Error& error, const BrokenField& field) {
  for (const auto& c : k_consequences) {
    if (c.kind != field.kind || c.key != field.key || c.code != error.code) {
      continue;
    }
    if (c.scope == Scope::everywhere) {
      return true;
    }
    const bool ladder_wide = field.kind == "ladder" && error.where.line == 0;
    if (ladder_wide ||
        (error.where.line == field.element.line && error.where.column == field.element.column)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Errors rule_errors(const LadderRead& read, const std::vector<BrokenField>& broken) {
  Errors kept;
  for (auto& error : model::validate(read.data)) {
    const bool repeated = std::any_of(broken.begin(), broken.end(),
                                      [&](const BrokenField& f) { return repeats(error, f); });
    if (repeated) {
      continue;
    }
    if (error.where.line == 0) {
      if (auto it = read.places.find(error.code); it != read.places.end()) {
        error.where.line = it->second.line;
        error.where.column = it->second.column;
      }
    }
    kept.push_back(std::move(error));
  }
  return kept;
}

}  // namespace rung::format
