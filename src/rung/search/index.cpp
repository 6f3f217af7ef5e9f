#include "rung/search/index.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>

#include "rung/core/text.hpp"
#include "rung/search/related.hpp"

namespace rung::search {

struct Index::Term {
  std::string word;
  std::string stem;
  std::vector<StemPhrase> related;  // empty when related words are off
};

namespace {

using Postings = std::vector<std::uint32_t>;

// Start positions of every occurrence of `needle` in a sequence of `hay_size` words, the i-th
// of which is hay_at(i).
template <class Get>
std::vector<std::size_t> find_runs(std::size_t hay_size, Get hay_at,
                                   const std::vector<std::string>& needle) {
  std::vector<std::size_t> starts;
  if (needle.empty() || needle.size() > hay_size) {
    return starts;
  }
  for (std::size_t i = 0; i + needle.size() <= hay_size; ++i) {
    std::size_t k = 0;
    while (k < needle.size() && hay_at(i + k) == needle[k]) {
      ++k;
    }
    if (k == needle.size()) {
      starts.push_back(i);
    }
  }
  return starts;
}

void merge_highlights(std::vector<Highlight>& highlights) {
  std::sort(highlights.begin(), highlights.end(),
            [](const Highlight& x, const Highlight& y) { return x.begin < y.begin; });
  std::vector<Highlight> merged;
  for (const auto& h : highlights) {
    if (!merged.empty() && h.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, h.end);
    } else {
      merged.push_back(h);
    }
  }
  highlights = std::move(merged);
}

// Which terms of the query a statement has, and how; and where they are.
struct Assessment {
  bool all_exact = true;
  bool all_stem = true;
  bool all_related = true;
  std::vector<Highlight> highlights;
};

// A template only because Index::Entry and Index::Term are private to Index.
template <class Entry, class Term>
Assessment assess(const Entry& entry, const std::vector<Term>& terms) {
  Assessment out;
  const auto& tokens = entry.tokens;
  for (const auto& term : terms) {
    bool exact = false;
    bool by_stem = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (entry.stems[i] == term.stem) {
        by_stem = true;
        exact = exact || tokens[i].word == term.word;
        out.highlights.push_back({tokens[i].begin, tokens[i].end});
      }
    }
    bool related = false;
    for (const auto& phrase : term.related) {
      auto stem_at = [&](std::size_t i) -> const std::string& { return entry.stems[i]; };
      for (std::size_t start : find_runs(tokens.size(), stem_at, phrase)) {
        related = true;
        out.highlights.push_back({tokens[start].begin, tokens[start + phrase.size() - 1].end});
      }
    }
    out.all_exact = out.all_exact && exact;
    out.all_stem = out.all_stem && by_stem;
    out.all_related = out.all_related && (by_stem || related);
  }
  return out;
}

}  // namespace

std::string_view to_string(MatchKind kind) {
  switch (kind) {
    case MatchKind::phrase:
      return "phrase";
    case MatchKind::exact:
      return "exact";
    case MatchKind::stem:
      return "stem";
    case MatchKind::related:
      return "related";
  }
  return "exact";
}

Index::Index(const model::Ladder& ladder) {
  std::map<std::string, std::vector<std::string>, std::less<>> sharers;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      if (!level.shares.empty()) {
        sharers[level.shares].push_back(level.id);
      }
    }
  }
  std::set<std::string> vocabulary;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        const model::Area* area = ladder.find_area(block.area);
        for (const auto& statement : block.statements) {
          Entry entry;
          entry.hit = Hit{MatchKind::exact,
                          statement.id,
                          statement.text,
                          track.id,
                          track.name,
                          level.id,
                          level.title,
                          sharers[level.id],
                          block.area,
                          area != nullptr ? area->name : block.area,
                          {}};
          entry.tokens = tokenize_words(statement.text);
          const auto index = static_cast<std::uint32_t>(m_entries.size());
          for (const auto& token : entry.tokens) {
            entry.stems.push_back(stem(token.word));
            vocabulary.insert(token.word);
            Postings& postings = m_by_stem[entry.stems.back()];
            if (postings.empty() || postings.back() != index) {
              postings.push_back(index);
            }
          }
          m_entries.push_back(std::move(entry));
        }
      }
    }
  }
  m_vocabulary.assign(vocabulary.begin(), vocabulary.end());
}

std::vector<std::uint32_t> Index::candidates(const std::vector<Term>& terms) const {
  std::optional<Postings> result;
  for (const auto& term : terms) {
    Postings matching;
    std::vector<std::string_view> keys{term.stem};
    for (const auto& phrase : term.related) {
      keys.push_back(phrase.front());
    }
    for (auto key : keys) {
      auto it = m_by_stem.find(key);
      if (it != m_by_stem.end()) {
        Postings merged;
        std::set_union(matching.begin(), matching.end(), it->second.begin(), it->second.end(),
                       std::back_inserter(merged));
        matching = std::move(merged);
      }
    }
    if (result) {
      Postings both;
      std::set_intersection(result->begin(), result->end(), matching.begin(), matching.end(),
                            std::back_inserter(both));
      matching = std::move(both);
    }
    result = std::move(matching);
  }
  return result.value_or(Postings{});
}

std::vector<std::string> Index::suggest(const std::vector<Term>& terms) const {
  std::vector<std::string> suggestions;
  for (const auto& term : terms) {
    if (m_by_stem.find(term.stem) != m_by_stem.end()) {
      continue;
    }
    if (auto close = closest_match(term.word, m_vocabulary)) {
      suggestions.push_back(*close);
    }
  }
  return suggestions;
}

std::vector<Index::Term> Index::terms_of(const std::vector<std::string>& query_words,
                                         bool related) {
  const bool all_stop = std::all_of(query_words.begin(), query_words.end(), is_stop_word);
  std::vector<Term> terms;
  for (const auto& word : query_words) {
    const bool seen =
        std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.word == word; });
    if (seen || (!all_stop && is_stop_word(word))) {
      continue;
    }
    std::string word_stem = stem(word);
    std::vector<StemPhrase> phrases;
    if (related) {
      phrases = related_phrases(word_stem);
    }
    terms.push_back({word, std::move(word_stem), std::move(phrases)});
  }
  return terms;
}

std::optional<Hit> Index::match(const Entry& entry, const std::vector<Term>& terms,
                                const std::vector<std::string>& query_words) {
  auto word_at = [&](std::size_t i) -> const std::string& { return entry.tokens[i].word; };
  const auto phrase_runs = query_words.size() >= 2
                               ? find_runs(entry.tokens.size(), word_at, query_words)
                               : std::vector<std::size_t>{};
  Hit hit = entry.hit;
  if (!phrase_runs.empty()) {
    hit.match = MatchKind::phrase;
    for (std::size_t start : phrase_runs) {
      hit.highlights.push_back(
          {entry.tokens[start].begin, entry.tokens[start + query_words.size() - 1].end});
    }
  } else {
    Assessment found = assess(entry, terms);
    if (!found.all_related) {
      return std::nullopt;
    }
    hit.match = found.all_exact  ? MatchKind::exact
                : found.all_stem ? MatchKind::stem
                                 : MatchKind::related;
    hit.highlights = std::move(found.highlights);
  }
  merge_highlights(hit.highlights);
  return hit;
}

SearchResult Index::search(std::string_view query, const SearchOptions& options) const {
  SearchResult result;
  result.query = std::string(query);
  std::vector<std::string> query_words;
  for (auto& token : tokenize_words(query)) {
    query_words.push_back(std::move(token.word));
  }
  const std::vector<Term> terms = terms_of(query_words, options.related);
  for (const auto& term : terms) {
    result.words.push_back(term.word);
  }
  std::vector<Hit> hits;
  for (std::uint32_t index : candidates(terms)) {
    if (auto hit = match(m_entries[index], terms, query_words)) {
      hits.push_back(std::move(*hit));
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& x, const Hit& y) { return x.match < y.match; });
  for (const auto& hit : hits) {
    KindCounts& c = result.counts;
    ++(hit.match == MatchKind::phrase  ? c.phrase
       : hit.match == MatchKind::exact ? c.exact
       : hit.match == MatchKind::stem  ? c.stem
                                       : c.related);
  }
  result.total = hits.size();
  if (options.limit != 0 && hits.size() > options.limit) {
    hits.resize(options.limit);
  }
  result.hits = std::move(hits);
  if (result.total == 0) {
    result.suggestions = suggest(terms);
  }
  return result;
}

}  // namespace rung::search
