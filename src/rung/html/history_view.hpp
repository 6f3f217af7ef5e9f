#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rung/compare/ladder_diff.hpp"
#include "rung/html/views.hpp"

// The view model of the ladder's history page (/ladder/history): every version served, newest
// first, each with what changed from the one before, in words.
namespace rung::html {

struct HistoryEntry {
  compare::VersionInfo version;                // its name, version label, published date
  std::string since;                           // when it was first served: "5 Dec 2026"
  bool current = false;                        // the version served now
  std::optional<compare::LadderDiff> changes;  // from the version before; none for the first
};

// `newest_first`: the versions to list. Each becomes a section with a heading ("Engineering
// Ladder 2027.1"), its date, counts of what changed, the levels added, removed or renamed, and
// the statements that changed grouped by level (reworded ones with the words marked).
Json history_view(const std::vector<HistoryEntry>& newest_first, const Links& links);

}  // namespace rung::html
