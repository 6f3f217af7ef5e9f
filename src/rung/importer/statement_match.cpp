#include "rung/importer/statement_match.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <tuple>

namespace rung::importer {

namespace {

using model::Statement;

std::set<std::string, std::less<>> word_set(std::string_view text) {
  std::set<std::string, std::less<>> words;
  std::string word;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0) {
      word.push_back(static_cast<char>(u < 0x80 ? std::tolower(u) : u));
    } else if (!word.empty()) {
      words.insert(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) {
    words.insert(std::move(word));
  }
  return words;
}

}  // namespace

double statement_similarity(std::string_view a, std::string_view b) {
  auto left = word_set(a);
  auto right = word_set(b);
  if (left.empty() || right.empty()) {
    return 0.0;
  }
  std::size_t shared = 0;
  for (const auto& word : left) {
    shared += right.contains(word) ? 1 : 0;
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(left.size() + right.size());
}

std::vector<std::optional<Match>> match_statements(const std::vector<Statement>& fresh,
                                                   const std::vector<Statement>& previous,
                                                   double threshold) {
  std::vector<std::optional<Match>> matches(fresh.size());
  std::vector<bool> used(previous.size(), false);
  for (std::size_t f = 0; f < fresh.size(); ++f) {
    for (std::size_t p = 0; p < previous.size(); ++p) {
      if (!used[p] && previous[p].text == fresh[f].text) {
        matches[f] = Match{p, false};
        used[p] = true;
        break;
      }
    }
  }
  std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
  for (std::size_t f = 0; f < fresh.size(); ++f) {
    for (std::size_t p = 0; p < previous.size(); ++p) {
      if (matches[f] || used[p]) {
        continue;
      }
      double similarity = statement_similarity(fresh[f].text, previous[p].text);
      if (similarity >= threshold) {
        pairs.emplace_back(similarity, p, f);
      }
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
  for (const auto& [similarity, p, f] : pairs) {
    if (!matches[f] && !used[p]) {
      matches[f] = Match{p, true};
      used[p] = true;
    }
  }
  return matches;
}

}  // namespace rung::importer
