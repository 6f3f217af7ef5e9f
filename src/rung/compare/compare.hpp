#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/compare/similarity.hpp"
#include "rung/compare/word_diff.hpp"
#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"

// A semantic diff of two levels: for each area, the statements of level A and level B paired
// by similarity (similarity.hpp). The result is a plain value for any front end to render
// (report.hpp renders it for a terminal and as JSON).
//
// Pairing, per area: every pair (a, b) whose words are the same (word_diff.hpp same_words) or
// whose score reaches the threshold is a candidate; candidates are taken greedily, identical
// words first, then by descending score (ties: earlier A, then earlier B), skipping statements
// already paired. Greedy rather than an optimal assignment on purpose: a reader expects the
// closest pair in an area to be shown together, while maximising the total score can trade one
// near-identical pair for two mediocre ones.
//
// The default threshold, 0.3, was set by reading every pair the measure scores between 0.2 and
// 0.45 when each level of the company ladder is compared with every other, and pinning the
// clear cases in tests/unit/compare/similarity_test.cpp. At 0.3 and above a reader accepts the
// pairing ("You verify your work by writing tests as well as the old fashioned manual way." /
// "You verify your work by testing it yourself before asking others to review it." 0.357;
// "You share your knowledge with your coworkers." / "You actively share your knowledge and seek
// opportunities to teach others about your domain." 0.363); the doubtful ones still share a
// subject ("You ensure high code quality in code reviews." / "You collect and incorporate
// feedback (such as code reviews) to ship your work." 0.344). Between 0.25 and 0.3 about half the
// pairs only share house words ("You understand scope of work before taking on tasks." / "You
// verify your work ..." 0.295; "... discussions and meetings ..." / "You have regular and
// effective 1:1 meetings with your team." 0.257), the other half are loose relatives ("You begin
// to understand how systems fail ..." / "You know how complex distributed systems fail ..."
// 0.271). Below the threshold such pairs show as new and only-at-A: a missed pairing costs the
// reader nothing they cannot see, a false one tells them something untrue.

namespace rung::compare {

inline constexpr double k_default_threshold = 0.3;

enum class Change {
  unchanged,  // the same words (at most case, punctuation or quote style differ)
  reworded,   // paired by similarity, words differ
  new_at_b,   // only level B has it
  only_at_a,  // only level A has it
};

// "unchanged", "reworded", "new_at_b", "only_at_a".
std::string_view to_string(Change change);

struct StatementText {
  std::string id;
  std::string text;

  friend bool operator==(const StatementText&, const StatementText&) = default;
};

struct StatementPair {
  Change change = Change::unchanged;
  std::optional<StatementText> a;  // absent for new_at_b
  std::optional<StatementText> b;  // absent for only_at_a
  // unchanged / reworded: the score of a against b. new_at_b / only_at_a: the best score the
  // statement reached against any statement of the other level in this area (below the
  // threshold, or its partner was taken by a closer statement); 0 when there was none.
  double similarity = 0;
  std::vector<DiffPiece> words;  // reworded only: diff_words(a, b)
};

struct AreaComparison {
  std::string id;     // area id
  std::string name;   // area name
  bool at_a = false;  // level A has statements in this area
  bool at_b = false;  // level B has statements in this area
  // Level B's statements in B's order (each unchanged, reworded or new_at_b), then those only
  // at A in A's order.
  std::vector<StatementPair> pairs;
};

struct LevelInfo {
  std::string id;
  std::string title;
  std::string track_id;
  std::string track_name;
  std::string shares;  // the level whose description it uses, when it shares one

  friend bool operator==(const LevelInfo&, const LevelInfo&) = default;
};

struct Counts {
  std::size_t unchanged = 0;
  std::size_t reworded = 0;
  std::size_t new_at_b = 0;
  std::size_t only_at_a = 0;

  friend bool operator==(const Counts&, const Counts&) = default;
};

struct Comparison {
  LevelInfo a;
  LevelInfo b;
  double threshold = k_default_threshold;
  std::vector<AreaComparison>
      areas;      // in the ladder's area order; areas neither level has are left out
  Counts counts;  // over all areas
};

struct CompareOptions {
  double threshold = k_default_threshold;  // lowest score at which two different texts pair
};

// Compares level `a_id` with level `b_id` (any two levels, also across tracks, also a level
// with itself). A level that shares another's description is compared by that description.
// Errors: "ladder.unknown-level" (see model::require_level).
Result<Comparison> compare_levels(const model::Ladder& ladder, const Similarity& similarity,
                                  std::string_view a_id, std::string_view b_id,
                                  const CompareOptions& options = {});

// Compares a level with the next level up in its track. Errors: "ladder.unknown-level", and
// "compare.top-of-track" when `a_id` is the highest level of its track.
Result<Comparison> compare_with_next(const model::Ladder& ladder, const Similarity& similarity,
                                     std::string_view a_id, const CompareOptions& options = {});

// Pairs the statements of one area as described above (exposed for tests and for callers that
// compare statements outside a ladder). Returns them in AreaComparison::pairs order.
std::vector<StatementPair> pair_statements(const Similarity& similarity,
                                           const std::vector<StatementText>& a,
                                           const std::vector<StatementText>& b, double threshold);

}  // namespace rung::compare
