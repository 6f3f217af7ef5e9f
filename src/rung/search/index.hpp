#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/words.hpp"
#include "rung/model/ladder.hpp"

// Full-text search over a ladder's statements.
//
// A query is split into words like the statements are (core/words.hpp). Its search words are
// those that are not stop words ("you", "the", ...), or all of them when every word is a stop
// word. A statement matches when it has every search word, in one of these ways, and ranks by
// the weakest way it needed (best first):
//   phrase   the query's words (stop words included) appear in it consecutively and in order,
//            ignoring case and punctuation: "heart of the matter"; only for queries of two or
//            more words;
//   exact    every search word appears as written: "mentor" finds "You help mentor new hires.";
//   stem     every search word appears in some form (same stem): "mentor" finds "mentors" and
//            "mentoring" (not "mentee", which stem() keeps apart);
//   related  some search word appears only as a related word or phrase (related.hpp): "mentor"
//            finds "You actively level up less-experienced members of your team ...".
// Within a rank, statements keep the ladder's order (tracks, levels, areas as the file has
// them). A level that shares another's description adds no statements of its own: the hit is
// the shared statement, with the sharing levels listed in `also_levels`.
//
// The Index is built once per ladder (an inverted index from stems to statements) and is
// immutable afterwards: search() is const and thread-safe, so a server keeps one per ladder.

namespace rung::search {

enum class MatchKind { phrase, exact, stem, related };

// "phrase", "exact", "stem", "related".
std::string_view to_string(MatchKind kind);

// A byte range [begin, end) of a statement's text to highlight.
struct Highlight {
  std::size_t begin = 0;
  std::size_t end = 0;

  friend bool operator==(const Highlight&, const Highlight&) = default;
};

struct Hit {
  MatchKind match = MatchKind::exact;
  std::string statement_id;
  std::string text;
  std::string track_id;
  std::string track_name;
  std::string level_id;
  std::string level_title;
  std::vector<std::string> also_levels;  // levels that share this statement's description
  std::string area_id;
  std::string area_name;
  std::vector<Highlight> highlights;  // the words that matched; sorted, not overlapping
};

// How many statements matched in each way (before any limit).
struct KindCounts {
  std::size_t phrase = 0;
  std::size_t exact = 0;
  std::size_t stem = 0;
  std::size_t related = 0;

  friend bool operator==(const KindCounts&, const KindCounts&) = default;
};

struct SearchOptions {
  std::size_t limit = 0;  // at most this many hits; 0 = all (default)
  bool related = true;    // also match related words (default on)
};

struct SearchResult {
  std::string query;               // as given
  std::vector<std::string> words;  // the search words, lower-cased
  std::vector<Hit> hits;           // best first, at most options.limit
  std::size_t total = 0;           // matches before the limit
  KindCounts counts;               // matches per kind before the limit
  // When nothing matched: words of the ladder close to search words that the ladder does not
  // have ("mentro" -> "mentor"), for a "did you mean".
  std::vector<std::string> suggestions;
};

class Index {
 public:
  // Indexes every statement of `ladder`. The index copies what it needs; the ladder may go.
  explicit Index(const model::Ladder& ladder);

  // Every statement matching `query`, ranked as described above. A query with no words gives
  // an empty result.
  SearchResult search(std::string_view query, const SearchOptions& options = {}) const;

  std::size_t statement_count() const { return m_entries.size(); }

 private:
  struct Entry {
    Hit hit;                         // everything but `match` and `highlights`
    std::vector<WordToken> tokens;   // the text's words
    std::vector<std::string> stems;  // stem of each token
  };
  struct Term;

  static std::vector<Term> terms_of(const std::vector<std::string>& query_words, bool related);
  static std::optional<Hit> match(const Entry& entry, const std::vector<Term>& terms,
                                  const std::vector<std::string>& query_words);
  std::vector<std::uint32_t> candidates(const std::vector<Term>& terms) const;
  std::vector<std::string> suggest(const std::vector<Term>& terms) const;

  std::vector<Entry> m_entries;  // in ladder order
  // stem -> indexes into m_entries of the statements that contain it, ascending.
  std::map<std::string, std::vector<std::uint32_t>, std::less<>> m_by_stem;
  std::vector<std::string> m_vocabulary;  // every distinct word of the ladder, sorted
};

}  // namespace rung::search
