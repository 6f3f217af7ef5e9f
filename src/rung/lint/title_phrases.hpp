#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rung/model/ladder.hpp"

// Finding job titles inside statement text (rule L003), without a list of the titles people
// might misspell: a title is recognised by its shape, then compared with the ladder's titles.
//
// Shape: a run of capitalised words ("Senior Software Developer"), where "of" may join two of
// them ("Director of Engineering"), "Sr."/"Jr." count as words, and a Roman numeral or number
// may follow ("Engineer II"). The run must contain a role noun (Engineer, Developer, Manager,
// Director, Lead, Architect, VP, ...) and, after leading function words ("You", "A", "Your")
// are dropped, at least two words: a bare "Engineers" at the start of a sentence is a common
// noun, not a title. A capitalised first word of a sentence that appears in no title of the
// ladder is dropped too ("Mentor Senior Engineers" -> "Senior Engineers").
namespace rung::lint {

struct TitlePhrase {
  std::string text;  // as written in the statement
  std::string key;   // normalised for comparison (see TitleIndex)
};

// The ladder's titles, detail titles and track names, normalised: words folded, "Sr." read as
// "Senior", a plural role noun made singular, and each name also known without a trailing
// Roman numeral or number ("Software Engineer II" also as "software engineer"). A detail title
// naming two levels ("Sr. Director of Engineering / VP Engineering") counts as both names.
class TitleIndex {
 public:
  explicit TitleIndex(const model::Ladder& ladder);

  bool knows(const TitlePhrase& phrase) const;
  // True when the folded word occurs in any title or track name.
  bool is_title_word(std::string_view folded) const;
  // The title (as written in the ladder) sharing the most words with the phrase, ties broken
  // by edit distance then ladder order; nullopt when no title shares a word with it.
  // `preferred` titles (e.g. of the levels a statement refs) are tried first.
  std::optional<std::string> closest(const TitlePhrase& phrase,
                                     const std::vector<std::string>& preferred = {}) const;

 private:
  void add(std::string_view name);

  std::set<std::string, std::less<>> m_keys;
  std::set<std::string, std::less<>> m_words;
  std::vector<std::string> m_titles;  // display forms, ladder order, no repeats
};

// The phrases of `text` that have the shape of a title; each phrase once, in text order.
std::vector<TitlePhrase> find_title_phrases(std::string_view text, const TitleIndex& index);

// The numbers of "level N" mentions in `text` ("Level 5", "level 3"), in text order.
std::vector<int> find_level_numbers(std::string_view text);

// Normalised comparison key of a title (see TitleIndex).
std::string title_key(std::string_view title);

}  // namespace rung::lint
