#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/compare/ladder_diff.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

// Moving work to a new version of the ladder (docs/migrate.md): for every statement of the old
// version, what became of it in the new one. A plan is proposed by make_plan, written to a map
// file a person reviews and edits (map.hpp), read back and checked before it is applied
// (review::Service::migrate).
//
// make_plan builds on compare::diff_ladders, the pairing `rung diff` and /ladder/history show:
// its kept, reworded and moved pairs are taken as they are. Then what the diff left unpaired is
// looked at once more, only against statements of the same level (both versions), for the two
// fates a one-to-one pairing cannot see:
// - split: a new statement the diff calls new whose closest old statement of its level (at or
//   above k_split_threshold) is already paired: that old statement became several new ones;
// - merged: an old statement the diff calls dropped whose closest new statement of its level
//   (at or above the threshold) is already paired: several old statements became that one.
// The rest stays new or dropped. Candidates are the statements of one level, so the cost grows
// with the largest level, not with the whole ladder.
namespace rung::migrate {

// At or above this similarity a statement the diff left unpaired is taken as a part of a split
// or a merge with the closest statement of its level. Higher than compare's pairing threshold:
// a new statement that shares some words with an old one is more often new than a split.
inline constexpr double k_split_threshold = 0.4;

enum class Fate {
  kept,      // same level and area, same words
  reworded,  // same level and area, words changed
  moved,     // another level or area
  split,     // one old statement -> several new ones
  merged,    // several old statements -> one new one
  dropped,   // gone
};

// "kept", "reworded", "moved", "split", "merged", "dropped".
std::string_view to_string(Fate fate);
std::optional<Fate> fate_from(std::string_view text);

// What became of one old statement.
struct Entry {
  std::string old_id;
  Fate fate = Fate::kept;
  std::vector<std::string> targets;  // new statement ids: one (kept, reworded, moved, merged),
                                     // several (split; in the new order), none (dropped)
  double score = 0;                  // similarity of the pair found (split: the closest part)
  Location where;                    // where a map file wrote it (read_map); empty when made
};

// One ladder version as a map names it.
struct VersionRef {
  std::string file;    // as given on the command line ("builtin" for the built-in ladder)
  std::string digest;  // review::ladder_version's digest ("fnv1a64:...")
};

struct Plan {
  VersionRef before;
  VersionRef after;
  std::vector<Entry> entries;         // every old statement, in the old ladder's document order
  std::vector<std::string> added;     // new statements no entry targets, in the new one's order
  std::vector<Location> added_where;  // read_map: where each of `added` is written
  Location statements_where;          // read_map: the `statements` key
  Location added_key_where;           // read_map: the `added` key (or the document end)
};

struct FateCounts {
  std::size_t kept = 0, reworded = 0, moved = 0, split = 0, merged = 0, dropped = 0, added = 0;
};
FateCounts count(const Plan& plan);

// Progress for big ladders: a stage ("pairing", "splits and merges") and how far it is.
using Progress = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

// Proposes the plan from `before` to `after` (VersionRefs left empty: the caller names them).
Plan make_plan(const model::Ladder& before, const model::Ladder& after,
               const Progress& progress = {});

// Checks a plan (usually read from a map) against the two versions: every old statement has
// exactly one entry, every id is known, each fate has targets that fit it, every new statement
// is a target or listed as added, and once only. Every problem is reported, each with the place
// the map wrote it (codes "migrate.unknown-statement", "migrate.mapped-twice",
// "migrate.unmapped", "migrate.bad-targets").
Errors check_plan(const Plan& plan, const model::Ladder& before, const model::Ladder& after);

}  // namespace rung::migrate
