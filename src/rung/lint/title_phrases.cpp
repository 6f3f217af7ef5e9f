#include "rung/lint/title_phrases.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>

#include "rung/core/text.hpp"
#include "rung/core/words.hpp"
#include "rung/lint/words.hpp"

namespace rung::lint {

namespace {

// Nouns that name a job. Sorted, for binary search.
constexpr auto k_role_nouns = std::to_array<std::string_view>({
    "administrator", "analyst",   "architect",  "ceo",       "cio",  "cto",    "designer",
    "developer",     "director",  "engineer",   "head",      "lead", "leader", "manager",
    "officer",       "president", "programmer", "scientist", "vp",
});
static_assert(std::is_sorted(k_role_nouns.begin(), k_role_nouns.end()));

bool is_role_noun(std::string_view folded) {
  return std::binary_search(k_role_nouns.begin(), k_role_nouns.end(), folded);
}

std::string singular(std::string folded) {
  if (folded.size() > 2 && folded.back() == 's' &&
      is_role_noun(std::string_view(folded).substr(0, folded.size() - 1))) {
    folded.pop_back();
  }
  return folded;
}

bool is_numeral(std::string_view folded) {
  static constexpr auto k_roman = std::to_array<std::string_view>(
      {"i", "ii", "iii", "iv", "ix", "v", "vi", "vii", "viii", "x"});
  if (std::binary_search(k_roman.begin(), k_roman.end(), folded)) {
    return true;
  }
  return !folded.empty() && std::all_of(folded.begin(), folded.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::vector<std::string> key_words(std::string_view title) {
  std::vector<std::string> words;
  for (const WordToken& token : tokenize_words(title)) {
    std::string word = fold(token.word);
    if (word == "sr") {
      word = "senior";
    } else if (word == "jr") {
      word = "junior";
    }
    words.push_back(std::move(word));
  }
  if (!words.empty()) {
    words.back() = singular(std::move(words.back()));
  }
  return words;
}

bool is_capitalised(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word.front())) != 0;
}

bool only_spaces(std::string_view gap) {
  return trim(gap).empty();
}

bool ends_sentence(std::string_view gap) {
  return gap.find_first_of(".!?:") != std::string_view::npos;
}

// Collects one run of capitalised words at a time and turns it into a phrase when it has the
// shape of a title.
class PhraseFinder {
 public:
  PhraseFinder(std::string_view text, const TitleIndex& index)
      : m_text(text), m_index(index), m_tokens(tokenize_words(text)) {}

  std::vector<TitlePhrase> run() {
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
      step(i);
    }
    flush();
    return std::move(m_phrases);
  }

 private:
  std::string_view gap_before(std::size_t i) const {
    const std::size_t from = i == 0 ? 0 : m_tokens[i - 1].end;
    return m_text.substr(from, m_tokens[i].begin - from);
  }

  // True when token i continues the current run across the characters before it.
  bool joins(std::size_t i) const {
    const std::string_view gap = gap_before(i);
    if (only_spaces(gap) || gap == "-") {
      return true;
    }
    if (trim(gap) != ".") {
      return false;
    }
    const std::string& previous = m_tokens[i - 1].word;
    return previous == "sr" || previous == "jr";
  }

  void step(std::size_t i) {
    const std::string_view word = written(m_text, m_tokens[i]);
    if (!m_run.empty() && !joins(i)) {
      flush();
    }
    // Only capitalised words, "of" and numbers can be part of a title: most words are neither.
    const bool numeral_after_title = !m_run.empty() && !is_capitalised(word) && is_numeral(word);
    const bool connector = word == "of" && !m_run.empty() && i + 1 < m_tokens.size() &&
                           is_capitalised(written(m_text, m_tokens[i + 1])) && joins(i + 1);
    if (is_capitalised(word) || numeral_after_title || connector) {
      m_run.push_back(i);
    } else {
      flush();
    }
  }

  void flush() {
    if (m_run.empty()) {
      return;
    }
    std::vector<std::size_t> run = std::move(m_run);
    m_run.clear();
    if (ends_sentence_before(run.front()) &&
        !m_index.is_title_word(fold(m_tokens[run.front()].word))) {
      run.erase(run.begin());
    }
    while (!run.empty() && lint::is_stop_word(fold(m_tokens[run.front()].word))) {
      run.erase(run.begin());
    }
    std::size_t words = 0;
    bool has_role = false;
    for (std::size_t i : run) {
      const std::string folded = fold(m_tokens[i].word);
      words += folded == "of" ? 0 : 1;
      has_role = has_role || is_role_noun(singular(folded));
    }
    if (words < 2 || !has_role) {
      return;
    }
    const std::size_t begin = m_tokens[run.front()].begin;
    TitlePhrase phrase{std::string(m_text.substr(begin, m_tokens[run.back()].end - begin)), {}};
    phrase.key = title_key(phrase.text);
    const bool seen = std::any_of(m_phrases.begin(), m_phrases.end(),
                                  [&](const TitlePhrase& p) { return p.key == phrase.key; });
    if (!seen) {
      m_phrases.push_back(std::move(phrase));
    }
  }

  bool ends_sentence_before(std::size_t i) const { return i == 0 || ends_sentence(gap_before(i)); }

  std::string_view m_text;
  const TitleIndex& m_index;
  std::vector<WordToken> m_tokens;
  std::vector<std::size_t> m_run;
  std::vector<TitlePhrase> m_phrases;
};

std::size_t shared_words(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t shared = 0;
  for (const auto& word : a) {
    shared += std::find(b.begin(), b.end(), word) != b.end() ? 1 : 0;
  }
  return shared;
}

}  // namespace

std::string title_key(std::string_view title) {
  const std::vector<std::string> words = key_words(title);
  return join(words, " ");
}

TitleIndex::TitleIndex(const model::Ladder& ladder) {
  for (const auto& track : ladder.tracks()) {
    add(track.name);
    for (const auto& level : track.levels) {
      add(level.title);
      add(level.detail_title);
    }
  }
}

void TitleIndex::add(std::string_view name) {
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t slash = name.find('/', start);
    const std::string_view part =
        trim(name.substr(start, slash == std::string_view::npos ? name.npos : slash - start));
    start = slash == std::string_view::npos ? name.size() + 1 : slash + 1;
    std::vector<std::string> words = key_words(part);
    if (words.empty()) {
      continue;
    }
    m_keys.insert(join(words, " "));
    m_words.insert(words.begin(), words.end());
    if (words.size() > 1 && is_numeral(words.back())) {
      words.pop_back();
      m_keys.insert(join(words, " "));
    }
    if (std::find(m_titles.begin(), m_titles.end(), part) == m_titles.end()) {
      m_titles.emplace_back(part);
    }
  }
}

bool TitleIndex::knows(const TitlePhrase& phrase) const {
  return m_keys.contains(phrase.key);
}

bool TitleIndex::is_title_word(std::string_view folded) const {
  return m_words.contains(folded);
}

std::optional<std::string> TitleIndex::closest(const TitlePhrase& phrase,
                                               const std::vector<std::string>& preferred) const {
  const std::vector<std::string> words = key_words(phrase.text);
  auto best_of = [&](const std::vector<std::string>& titles) -> std::optional<std::string> {
    std::optional<std::string> best;
    std::tuple<double, std::size_t> best_score{0.0, 0};
    for (const auto& title : titles) {
      const std::vector<std::string> title_words = key_words(title);
      const std::size_t shared = shared_words(words, title_words);
      if (shared == 0) {
        continue;
      }
      const double jaccard = static_cast<double>(shared) /
                             static_cast<double>(words.size() + title_words.size() - shared);
      const std::size_t distance = edit_distance(phrase.key, title_key(title));
      if (!best || jaccard > std::get<0>(best_score) ||
          (jaccard == std::get<0>(best_score) && distance < std::get<1>(best_score))) {
        best = title;
        best_score = {jaccard, distance};
      }
    }
    return best;
  };
  if (auto best = best_of(preferred)) {
    return best;
  }
  return best_of(m_titles);
}

std::vector<TitlePhrase> find_title_phrases(std::string_view text, const TitleIndex& index) {
  return PhraseFinder(text, index).run();
}

std::vector<int> find_level_numbers(std::string_view text) {
  const std::vector<WordToken> tokens = tokenize_words(text);
  std::vector<int> numbers;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::size_t end = tokens[i].end;
    if (tokens[i].word != "level" || !only_spaces(text.substr(end, tokens[i + 1].begin - end))) {
      continue;
    }
    // The word's leading digits: all of "5", the "5" of "5-6" or "5.2" (the tokeniser keeps
    // such numbers whole), none of "5g".
    const std::string_view next = tokens[i + 1].word;
    const std::size_t digits = std::min(next.find_first_not_of("0123456789"), next.size());
    const bool whole = digits == next.size() ||
                       std::string_view(":-/.,").find(next[digits]) != std::string_view::npos;
    if (digits > 0 && digits <= 4 && whole) {
      numbers.push_back(std::stoi(std::string(next.substr(0, digits))));
    }
  }
  return numbers;
}

}  // namespace rung::lint
