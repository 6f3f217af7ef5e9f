#pragma once

#include <string>

#include "rung/compare/ladder_diff.hpp"
#include "rung/compare/report.hpp"

// A ladder diff (ladder_diff.hpp) for people and for programs.
namespace rung::compare {

// For a terminal: both versions named, the levels added, removed and renamed, the counts, then
// each level with a change and its changed statements, one a line: "~" reworded (with
// [-removed-] {+added+} words and the similarity), ">" moved (from where), "+" new, "-"
// dropped. Kept statements are counted, not listed. Ends with a newline.
std::string render_diff_text(const LadderDiff& diff, const TextOptions& options = {});

// Everything, kept statements included (a tool moving work to the new version needs every
// pair), as JSON (the shape is documented in docs/compare.md). Ends with a newline.
std::string render_diff_json(const LadderDiff& diff);

// For a pull request's review comment (GitHub-flavoured Markdown): a heading, the counts, the
// level changes, then a section per changed level with its changed statements; removed words
// struck through, added ones in bold. Every text from the ladders is escaped. Ends with a newline.
std::string render_diff_markdown(const LadderDiff& diff);

}  // namespace rung::compare
