#pragma once

#include <string>
#include <vector>

#include "rung/assess/ratings.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/store/store.hpp"

// The snapshot frozen when an assessment is submitted: one JSON document that holds everything
// needed to recompute its figures, independent of the current ladder:
//
//   {"schema": "rung/assessment-snapshot/v1",
//    "assessment": {id, person, role, author_account, author_person, level, cycle, status,
//                   version, submitted_at},
//    "ladder_digest": "fnv1a64:<16 hex>",   // of the ladder JSON below: which ladder version
//    "ladder": {...},                       // the whole ladder as format::to_json writes it:
//                                           // statement texts, areas, scale, readiness policy
//    "ratings": {"<statement id>": "<scale id>", ...},
//    "evidence": [{"id", "statement", "text", "date"}, ...]}
namespace rung::review {

// The snapshot text of `assessment` (as submitted) with its ratings and evidence.
std::string snapshot_json(const model::Ladder& ladder, const store::Assessment& assessment,
                          const assess::Ratings& ratings,
                          const std::vector<store::Evidence>& evidence);

// A snapshot read back.
struct Frozen {
  model::Ladder ladder;  // the ladder as it was at submit
  std::string ladder_digest;
  std::string level_id;
  assess::Ratings ratings;
  std::vector<store::Evidence> evidence;  // id, statement, text, date (assessment set)
};

// Reads a snapshot. Error "review.bad-snapshot" when the text is not one (hand-edited data).
Result<Frozen> read_snapshot(const store::Snapshot& snapshot);

}  // namespace rung::review
