// Rung's stemmer (core/words.hpp: Porter's steps 1 and 5, written here) against Snowball's
// English stemmer (Porter2, Debian's libstemmer), measured in one run on what stemming is for:
//  1. the judged pairs (tests/data/compare/judged_pairs.tsv): does each stemmer keep every
//     rewording at or above the pairing threshold and every house-word pair below it, and with
//     what margin;
//  2. every level of the built-in ladder compared with every other (compare_levels, the pairing
//     `rung compare`, `rung diff` and the ladder's history use): the pairs one stemmer makes and
//     the other does not, printed with their texts for a person to judge;
//  3. the ladder's vocabulary: how many stems each makes, which words only one of them merges;
//  4. time per word.
// Usage: rung_stemmer_eval tests/data/compare/judged_pairs.tsv   (`make stemmer-eval`)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <libstemmer.h>

#include "rung/builtin/builtin.hpp"
#include "rung/compare/compare.hpp"
#include "rung/compare/similarity.hpp"
#include "rung/core/words.hpp"

namespace {

using rung::compare::k_default_threshold;
using rung::compare::Similarity;

std::string snowball_stem(std::string_view word) {
  // One stemmer per thread: libstemmer's are not safe to share.
  thread_local sb_stemmer* stemmer = sb_stemmer_new("english", "UTF_8");
  const auto* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                    static_cast<int>(word.size()));
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer)));
}

std::string porter_stem(std::string_view word) {
  return rung::stem(word);
}

struct Candidate {
  const char* name;
  rung::compare::Stemmer stemmer;
};

const Candidate k_candidates[] = {{"rung (Porter 1+5)", &porter_stem},
                                  {"snowball (Porter2)", &snowball_stem}};

struct Judged {
  bool same = false;
  std::string a, b, why;
};

std::vector<Judged> read_judged(const char* path) {
  std::vector<Judged> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with('#')) {
      continue;
    }
    std::vector<std::string> f;
    std::size_t from = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', from)) {
      f.push_back(line.substr(from, tab - from));
      from = tab + 1;
    }
    f.push_back(line.substr(from));
    if (f.size() == 4) {
      out.push_back({f[0] == "yes", f[1], f[2], f[3]});
    }
  }
  return out;
}

void judged_report(const std::vector<Judged>& pairs, const std::vector<Similarity>& sims) {
  fmt::print("## 1. Judged pairs ({}), threshold {}\n\n", pairs.size(), k_default_threshold);
  for (std::size_t c = 0; c < sims.size(); ++c) {
    double min_same = 1, max_other = 0;
    std::size_t right = 0;
    for (const auto& p : pairs) {
      const double s = sims[c].score(p.a, p.b);
      if (p.same) {
        min_same = std::min(min_same, s);
      } else {
        max_other = std::max(max_other, s);
      }
      right += (s >= k_default_threshold) == p.same ? 1 : 0;
    }
    fmt::print(
        "{:<20} right {:>2}/{}  lowest rewording {:.3f}  highest house-word pair {:.3f}  "
        "margin {:+.3f}\n",
        k_candidates[c].name, right, pairs.size(), min_same, max_other, min_same - max_other);
  }
  fmt::print("\n{:>7} {:>7}  pair\n", "rung", "snowb.");
  for (const auto& p : pairs) {
    fmt::print("{:>7.3f} {:>7.3f}  {} {}\n", sims[0].score(p.a, p.b), sims[1].score(p.a, p.b),
               p.same ? "same " : "other", p.why);
  }
}

// Every pairing compare_levels makes over all ordered pairs of levels: (a text, b text) -> score.
std::map<std::pair<std::string, std::string>, double> pairings(const rung::model::Ladder& ladder,
                                                               const Similarity& similarity) {
  std::map<std::pair<std::string, std::string>, double> out;
  std::vector<std::string> levels;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      levels.push_back(level.id);
    }
  }
  for (const auto& a : levels) {
    for (const auto& b : levels) {
      if (a == b) {
        continue;
      }
      auto comparison = rung::compare::compare_levels(ladder, similarity, a, b);
      if (!comparison) {
        continue;
      }
      for (const auto& area : comparison->areas) {
        for (const auto& pair : area.pairs) {
          if (pair.change == rung::compare::Change::reworded) {
            out[{pair.a->text, pair.b->text}] = pair.similarity;
          }
        }
      }
    }
  }
  return out;
}

void pairing_report(const rung::model::Ladder& ladder, const std::vector<Similarity>& sims) {
  const auto porter = pairings(ladder, sims[0]);
  const auto snowball = pairings(ladder, sims[1]);
  std::set<std::pair<std::string, std::string>> seen;
  auto unordered = [](const std::pair<std::string, std::string>& p) {
    return p.first < p.second ? p : std::make_pair(p.second, p.first);
  };
  std::size_t only_porter = 0, only_snowball = 0;
  std::vector<std::string> lines;
  for (const auto& [texts, score] : porter) {
    if (!snowball.contains(texts) && seen.insert(unordered(texts)).second) {
      ++only_porter;
      lines.push_back(fmt::format("- only rung ({:.3f}, snowball {:.3f}): \"{}\" / \"{}\"", score,
                                  sims[1].score(texts.first, texts.second), texts.first,
                                  texts.second));
    }
  }
  for (const auto& [texts, score] : snowball) {
    if (!porter.contains(texts) && seen.insert(unordered(texts)).second) {
      ++only_snowball;
      lines.push_back(fmt::format("- only snowball ({:.3f}, rung {:.3f}): \"{}\" / \"{}\"", score,
                                  sims[0].score(texts.first, texts.second), texts.first,
                                  texts.second));
    }
  }
  fmt::print("\n## 2. Reworded pairings over every ordered pair of levels\n\n");
  fmt::print(
      "rung: {} pairings, snowball: {}; distinct text pairs only rung makes: {}, only "
      "snowball: {}\n\n",
      porter.size(), snowball.size(), only_porter, only_snowball);
  for (const auto& line : lines) {
    fmt::print("{}\n", line);
  }
}

void vocabulary_report(const rung::model::Ladder& ladder) {
  std::set<std::string> words;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& area : level.areas) {
        for (const auto& statement : area.statements) {
          for (const auto& token : rung::tokenize_words(statement.text)) {
            if (!rung::is_stop_word(token.word)) {
              words.insert(token.word);
            }
          }
        }
      }
    }
  }
  std::map<std::string, std::set<std::string>> groups[2];
  for (const auto& word : words) {
    groups[0][porter_stem(word)].insert(word);
    groups[1][snowball_stem(word)].insert(word);
  }
  fmt::print("\n## 3. Vocabulary: {} content words; rung makes {} stems, snowball {}\n\n",
             words.size(), groups[0].size(), groups[1].size());
  for (int c = 0; c < 2; ++c) {
    std::vector<std::string> merged;
    for (const auto& [stem, group] : groups[c]) {
      // A group this stemmer makes that the other splits.
      std::set<std::string> other;
      for (const auto& word : group) {
        other.insert(c == 0 ? snowball_stem(word) : porter_stem(word));
      }
      if (other.size() > 1) {
        merged.push_back(fmt::format("{{{}}}", fmt::join(group, ", ")));
      }
    }
    fmt::print("merged only by {} ({}): {}\n\n", k_candidates[c].name, merged.size(),
               fmt::join(merged, " "));
  }
  std::vector<std::string> list(words.begin(), words.end());
  for (const auto& candidate : k_candidates) {
    std::size_t sink = 0;
    const int rounds = 200;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r) {
      for (const auto& word : list) {
        sink += candidate.stemmer(word).size();
      }
    }
    const std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
    fmt::print("## 4. {}: {:.0f} ns per word ({} checksum)\n", candidate.name,
               took.count() / static_cast<double>(rounds * list.size()), sink % 997);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: rung_stemmer_eval tests/data/compare/judged_pairs.tsv\n";
    return 2;
  }
  const auto judged = read_judged(argv[1]);
  if (judged.empty()) {
    std::cerr << "rung_stemmer_eval: no judged pairs in " << argv[1] << "\n";
    return 1;
  }
  const rung::model::Ladder& ladder = rung::builtin::engineering_ladder();
  std::vector<Similarity> sims;
  for (const auto& candidate : k_candidates) {
    sims.emplace_back(ladder, candidate.stemmer);
  }
  fmt::print("# Stemmers compared on the built-in ladder\n\n");
  judged_report(judged, sims);
  pairing_report(ladder, sims);
  vocabulary_report(ladder);
  return 0;
}
