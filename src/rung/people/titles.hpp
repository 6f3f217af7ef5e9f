#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/model/ladder.hpp"
#include "rung/people/csv.hpp"

// Job titles as an HR system writes them ("Senior Software Engineer", "Sr. SWE"), matched to
// the ladder's levels (docs/people-import.md, "Job titles"). A title matches a level when it
// is the level's title or detail title, compared without regard to case, spaces or punctuation;
// a title map (a small CSV of the company's own spellings) adds titles the ladder does not
// use, and decides titles the ladder gives to several levels.
namespace rung::people {

// "Sr. Software-Engineer " -> "sr software engineer": the key titles are compared by.
std::string title_key(std::string_view title);

// The company's own spellings: title key -> level id.
struct TitleMap {
  std::map<std::string, std::string, std::less<>> levels;
  std::vector<std::string> spellings;  // the titles as the map writes them, in row order
};

// Reads a title map: a CSV whose header names a title column ("Title", "Job Title") and a level
// column ("Level", "Level ID"), one row per spelling. Errors (all of them, at file:row):
// "titles.missing-columns", "titles.empty" (an empty title or level), "titles.unknown-level"
// (with the closest level id), "titles.duplicate" (one title twice, naming both rows, even when
// spelt differently: "Sr. SWE" and "sr swe" are one title), and the CSV reader's errors.
Results<TitleMap> read_title_map(const CsvTable& table, const model::Ladder& ladder);

// What a title names.
struct TitleMatch {
  std::vector<std::string> levels;  // level ids: one when the title decides the level
  bool from_map = false;            // the title map decided it
};

class TitleMatcher {
 public:
  // Every level's title and detail title, then the map's spellings (which win).
  TitleMatcher(const model::Ladder& ladder, const TitleMap& map = {});

  // The levels `title` names, within `track` when not null (an empty list when none).
  TitleMatch match(std::string_view title, const model::Track* track) const;
  // The titles known, as the ladder and the map write them, for "did you mean".
  const std::vector<std::string>& known() const { return m_known; }

 private:
  const model::Ladder& m_ladder;
  std::map<std::string, std::vector<std::string>, std::less<>> m_ladder_titles;  // key -> ids
  std::map<std::string, std::string, std::less<>> m_map;                         // key -> id
  std::vector<std::string> m_known;
};

}  // namespace rung::people
