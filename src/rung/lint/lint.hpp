#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "rung/lint/diagnostic.hpp"
#include "rung/model/ladder.hpp"

// The ladder linter: consistency checks a ladder's owner runs in CI (`rung lint`). Every rule
// has a stable code, a name and a default severity (lint/rules.hpp; docs/lint-rules.md says what
// each one finds and why). Rules read the model only; they never change it.
namespace rung::lint {

struct Options {
  // Rule codes ("L007") or names ("repeated-statement") turned off for this run, on top of the
  // ladder file's own `lint: {disable: [...]}`. Entries that name no rule are ignored here (the
  // CLI rejects them first, with find_rule). Default: none.
  std::vector<std::string> disabled;
  // L007: statements at consecutive levels count as "nearly" the same from this similarity of
  // their content words up (Jaccard, 0..1; see check_repeats.cpp). Default 0.9.
  double near_duplicate_similarity = 0.9;
  // L009: a level is flagged when at least this share of its content words occurs in no other
  // level of the ladder (see check_content.cpp). Default 0.6.
  double foreign_vocabulary_share = 0.6;
  // L009: ... and that share is at least this many times the median share of the other levels,
  // so that only a level that stands out from its own ladder is flagged. Default 2.
  double foreign_vocabulary_contrast = 2.0;
  // L005: a level is near-empty when it has fewer statements than this fraction of the median
  // count of the other levels of its track. Default 0.5.
  double thin_level_ratio = 0.5;
};

struct Report {
  std::string file;                     // LadderData::source_file ("" for a ladder built in code)
  std::vector<Diagnostic> diagnostics;  // sorted with comes_before
  std::vector<std::string> disabled;    // codes turned off (by the file or the run), sorted

  std::size_t count(Severity severity) const;
};

// Runs every rule that is not turned off and returns the sorted findings. Deterministic: the
// same ladder and options give the same report. Cost: linear in the ladder's size except where
// a rule says otherwise (L007 is quadratic only within each pair of consecutive levels).
// Works on any Ladder, valid or not (rules skip what they cannot judge). Thread-safe.
Report lint(const model::Ladder& ladder, const Options& options = {});

enum class Strict { no, yes };

// True when the report should not fail a CI run: no errors, and with Strict::yes no warnings
// either. Notes never fail a run.
bool passes(const Report& report, Strict strict);

}  // namespace rung::lint
