#pragma once

#include <set>
#include <string>

#include "rung/importer/note.hpp"
#include "rung/importer/statement_match.hpp"
#include "rung/model/ladder.hpp"

namespace rung::importer {

// How statements fared against the previous version of the ladder file.
struct ReconcileSummary {
  int kept = 0;      // same level, area and text: same id
  int reworded = 0;  // same level and area, similar text: same id, new text
  int added = 0;     // no counterpart: a new id
  int removed = 0;   // statements of the previous file that the new one no longer has
};

struct ReconcileOptions {
  // Names of tracks / areas whose id the user set explicitly (--track-id, --area-id): those ids
  // win over the previous file's. Default: none.
  std::set<std::string, std::less<>> pinned_tracks;
  std::set<std::string, std::less<>> pinned_areas;
  // Least word-overlap similarity (statement_similarity) at which a changed statement counts as
  // the reworded previous one and keeps its id. Default k_reword_threshold.
  double reword_threshold = k_reword_threshold;
};

struct Reconciled {
  model::LadderData ladder;
  ReconcileSummary summary;
  Notes notes;
};

// Makes a freshly imported ladder keep the ids and the owner's decisions of `previous` (the
// ladder file it replaces), so that assessments that refer to ids survive a re-import:
// - tracks matched by name, areas by name, levels by (track, number) take the previous ids
//   (unless pinned); levels keep their previous grade;
// - statements in the same level and area are matched first by exact text, then by the best
//   word overlap at or above the threshold (greedy, most similar pair first); a matched
//   statement keeps its id and its previous refs (refs to levels that no longer exist are
//   dropped with a note);
// - every other statement gets "<level>-<area>-<k>" with k above every k the previous file or
//   the new one uses for that level and area, so no id that existed before is ever reused;
// - the general ladder's grades, the scale, the readiness policy and lint.disable are taken
//   from `previous`; a new level whose grade is not among those grades loses it, with a note.
// Unmatched tracks keep their fresh id and unmatched levels get "<track>-<n>", both made unique
// against every id `previous` has; an unmatched area gets the default slug of its name
// (ids.hpp area_slug) among the ids not taken. So nothing new takes an id that existed before.
Reconciled reconcile(model::LadderData fresh, const model::LadderData& previous,
                     const ReconcileOptions& options = {});

}  // namespace rung::importer
