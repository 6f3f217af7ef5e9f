#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "rung/model/ladder.hpp"

namespace rung::importer {

// Readers for the single lines of the plain-text layout (docs/import-text.md). Each looks at
// one trimmed line and says whether it has that shape; none of them knows where it is.

// True when `text` is the keyword, case-insensitive, with an optional trailing ':'
// ("Level", "title:").
bool is_keyword(std::string_view text, std::string_view keyword);

// True for the detail pages' table header, a line that starts with "Level /"
// ("Level / Title / Experience Role and Competencies").
bool is_table_header(std::string_view text);

// "Individual Contributor Track - Software Engineer" -> {"Individual Contributor Track",
// "Software Engineer"}; "Manager Track" -> {"Manager Track", ""}. The family part ends with the
// word "Track" (any case); the separator is a hyphen, en dash or em dash with space around it.
// nullopt for any other line.
struct TrackHeader {
  std::string family;  // "Individual Contributor Track"
  std::string name;    // "" when the header names no track
};
std::optional<TrackHeader> parse_track_header(std::string_view text);

// Manager for a family header that contains a word starting with "manage" (Manager, Managers,
// Management; any case), individual contributor otherwise.
model::Family family_of(std::string_view header);

// "Persado General Ladder 2 3 4 5 6 7" -> organization "Persado", name "Persado General
// Ladder", grades {"2", ..., "7"}. The words "General Ladder" may be in any case.
struct GeneralLadderLine {
  std::string organization;
  std::string name;
  std::vector<std::string> grades;
};
std::optional<GeneralLadderLine> parse_general_ladder(std::string_view text);

// A positive whole number ("12"); nullopt for anything else (signs, spaces, "1.5", overflow).
std::optional<int> parse_positive_int(std::string_view text);

// "3" -> {3}; "3/4" -> {3, 4} (spaces around '/' allowed): numbers of levels that share one
// description, strictly increasing. nullopt for anything else.
std::optional<std::vector<int>> parse_level_numbers(std::string_view text);

// Years of experience: "0-3 years", "2–6 years" (en or em dash), "2 to 6 years", "8+ years",
// "4+", "10+ yrs". The unit (year, years, yr, yrs, y; any case) is optional; a bare number
// without '+' or a range is refused as ambiguous. Location is left empty.
std::optional<model::Experience> parse_experience(std::string_view text);

// The footer's "Written on <date> by <Name>, <Role>" line. The date is "December 17, 2019",
// "Dec 17, 2019", "17 December 2019" or "2019-12-17"; "by ..." is optional and names one
// author, the role after the first comma (the role may be absent).
struct WrittenOn {
  std::string date;  // ISO "2019-12-17"
  std::optional<model::Author> author;
};
// True when `text` starts with "Written on " (any case).
bool is_written_on(std::string_view text);
// The parsed line, or a message saying what was expected.
tl::expected<WrittenOn, std::string> parse_written_on(std::string_view text);

}  // namespace rung::importer
