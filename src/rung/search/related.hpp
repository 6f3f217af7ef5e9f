#pragma once

#include <string>
#include <string_view>
#include <vector>

// Words that mean nearly the same in a job ladder, so that a search for one finds the others
// (the "related" match of index.hpp). The table is small and fixed, written for the subjects
// people search a ladder for and that ladders phrase in more than one way:
//   mentoring: mentor, coach, teach, "level up" ("You actively level up less-experienced
//              members of your team ..." is about mentoring without using the word);
//   hiring:    hire, recruit, recruitment, interview, candidate.
// Entries may be phrases of several words. Matching is by stem (core/words.hpp stem()).

namespace rung::search {

// A related word or phrase, as the stems of its words in order.
using StemPhrase = std::vector<std::string>;

// The phrases related to the word whose stem is `stem` (not including that word itself), or
// an empty list when the word is in no group. Thread-safe.
const std::vector<StemPhrase>& related_phrases(std::string_view stem);

}  // namespace rung::search
