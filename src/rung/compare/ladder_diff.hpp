#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/compare/compare.hpp"
#include "rung/model/ladder.hpp"

// What changed between two versions of a ladder: its levels (added, removed, renamed) and every
// statement (kept, reworded, moved, new, dropped), as a plain value that ladder_diff_report.hpp
// renders for a terminal, as JSON and as Markdown for a review comment.
//
// How statements are paired, in three passes, each taking only what the passes before left:
// 1. Same level id in both versions: the level's statements in all its areas are paired as
//    compare::pair_statements pairs one area (same words first, then by similarity at or above
//    the threshold). A pair in the same area is kept (same words) or reworded; a pair across
//    areas is moved to another area.
// 2. Across levels, what pass 1 left on each side is paired the same way with a stricter
//    threshold (k_move_threshold, at least the threshold): a statement that left one level and
//    arrived at another with the same or nearly the same words moved. Loosely related
//    statements of two different levels are not a move, so the bar is higher here.
// 3. What is left is new (only the new version has it) or dropped (only the old one had it).
// Statements are told apart by their text, not their ids: an importer may give a reworded
// statement a new id, and an id kept for different words is a rewording all the same.
namespace rung::compare {

inline constexpr double k_move_threshold = 0.6;

enum class Fate {
  kept,      // same level, same area, same words
  reworded,  // same level and area, words changed
  moved,     // another level or another area (words the same or changed)
  added,     // only the new version has it
  dropped,   // only the old version had it
};

// "kept", "reworded", "moved", "new", "dropped".
std::string_view to_string(Fate fate);

// A statement where one version has it.
struct Placed {
  std::string id;
  std::string text;
  std::string level;      // level id
  std::string area;       // area id
  std::string area_name;  // the area's name in that version

  friend bool operator==(const Placed&, const Placed&) = default;
};

struct StatementChange {
  Fate fate = Fate::kept;
  std::optional<Placed> before;  // absent for added
  std::optional<Placed> after;   // absent for dropped
  double similarity = 0;         // of a pair; 0 for added and dropped
  std::vector<DiffPiece> words;  // when the words changed: diff_words(before, after)
};

enum class LevelFate { kept, renamed, added, removed };

// "kept", "renamed", "added", "removed".
std::string_view to_string(LevelFate fate);

struct LevelChange {
  LevelFate fate = LevelFate::kept;
  std::string id;
  std::string track;      // track name (the new version's, or the old one's for a removed level)
  std::string old_title;  // empty for added
  std::string new_title;  // empty for removed
};

struct FateCounts {
  std::size_t kept = 0;
  std::size_t reworded = 0;
  std::size_t moved = 0;
  std::size_t added = 0;
  std::size_t dropped = 0;

  friend bool operator==(const FateCounts&, const FateCounts&) = default;
};

struct VersionInfo {
  std::string name;       // the ladder's name
  std::string version;    // its version label; may be empty
  std::string published;  // its date; may be empty
};

struct LadderDiff {
  VersionInfo before;
  VersionInfo after;
  double threshold = k_default_threshold;
  std::vector<LevelChange> levels;  // the new version's levels in order, then removed ones
  // Grouped by level: for each level of the new version in order, its statements in its order
  // (kept, reworded, moved in from elsewhere, new), then those it dropped; then the statements
  // of removed levels that went nowhere. A move is listed under the level it moved to.
  std::vector<StatementChange> statements;
  FateCounts counts;

  bool unchanged() const;  // no level and no statement changed
};

// The level a change is listed under: where the statement is now, or where it was if dropped.
std::string_view level_of(const StatementChange& change);

LadderDiff diff_ladders(const model::Ladder& before, const model::Ladder& after,
                        double threshold = k_default_threshold);

}  // namespace rung::compare
