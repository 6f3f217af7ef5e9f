#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "rung/assess/ratings.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/store/store.hpp"

// The snapshot frozen when an assessment is submitted: one JSON document that, with the ladder
// version it names, holds everything needed to recompute its figures, independent of the
// current ladder:
//
//   {"schema": "rung/assessment-snapshot/v2",
//    "assessment": {id, person, role, author_account, author_person, level, cycle, status,
//                   version, submitted_at},
//    "ladder_digest": "fnv1a64:<16 hex>",   // the store's FrozenLadder with this digest holds
//                                           // the whole ladder as format::to_json writes it
//    "ratings": {"<statement id>": "<scale id>", ...},
//    "evidence": [{"id", "statement", "text", "date"}, ...]}
//
// Version 1 (written before schema 3) carried the whole ladder in a "ladder" member instead of
// naming a stored one; it is still read.
namespace rung::review {

// A ladder as snapshots name it: its JSON text and the digest of that text.
struct LadderVersion {
  std::string digest;  // "fnv1a64:<16 hex>"
  std::string json;
};

LadderVersion ladder_version(const model::Ladder& ladder);

// The snapshot text of `assessment` (as submitted) with its ratings and evidence, under the
// ladder version `ladder_digest` (which the caller stores as a FrozenLadder in the same write).
std::string snapshot_json(std::string_view ladder_digest, const store::Assessment& assessment,
                          const assess::Ratings& ratings,
                          const std::vector<store::Evidence>& evidence);

// Ladder versions read back, parsed once per digest and kept: a version never changes, and
// there are few (one per ladder deployed while people submitted). Thread-safe.
class LadderVersions {
 public:
  // The ladder stored under `digest` ("review.bad-snapshot" when none is, or it does not
  // parse); `embedded` is the ladder JSON a version-1 snapshot carries ("" otherwise).
  Result<std::shared_ptr<const model::Ladder>> get(store::Reader& reader, std::string_view digest,
                                                   std::string_view embedded = {}) const;

 private:
  mutable std::mutex m_mutex;
  mutable std::map<std::string, std::shared_ptr<const model::Ladder>, std::less<>> m_ladders;
};

// A snapshot read back.
struct Frozen {
  std::shared_ptr<const model::Ladder> ladder;  // the ladder as it was at submit
  std::string ladder_digest;
  std::string level_id;
  assess::Ratings ratings;
  std::vector<store::Evidence> evidence;  // id, statement, text, date (assessment set)
};

// Reads a snapshot and its ladder version. Error "review.bad-snapshot" when the text is not one
// (hand-edited data) or its ladder version is missing.
Result<Frozen> read_snapshot(store::Reader& reader, const store::Snapshot& snapshot,
                             const LadderVersions& versions);

}  // namespace rung::review
