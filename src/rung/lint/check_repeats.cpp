// L007 repeated-statement: a statement that appears again, unchanged, at the next level up of a
// track says nothing about what changes there, so it gives no reason to promote anyone.
//
// Same or nearly the same:
// - word for word: normalise() gives the same string (case, punctuation and white space do not
//   count: "... to changing requirements." and "... to changing requirements" are the same);
// - nearly: the Jaccard similarity of the two statements' sets of content-word stems
//   (|A ∩ B| / |A ∪ B|, stop words left out, see core/words.hpp) is at least
//   Options::near_duplicate_similarity, 0.9 by default. Changing one word is how ladders state
//   progression ("an intermediate understanding" -> "a strong understanding" of the OS scores
//   0.75), so the threshold sits well above that: on the built-in ladder the closest pair of
//   consecutive-level statements that is not a repeat scores 0.77.
//
// Cost: only consecutive levels of one track are compared (the level below with the level
// above), every statement of one with every statement of the other. That is linear in the
// number of level pairs and quadratic only within a pair: a * b comparisons for levels of a and
// b statements. A ladder with 100 times as many tracks costs 100 times as much, not 10,000.
// Each statement is tokenised once.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>

#include <fmt/format.h>

#include "rung/core/words.hpp"
#include "rung/lint/check.hpp"
#include "rung/lint/words.hpp"

namespace rung::lint {

namespace {

// A statement ready for comparison: its normalised text (and that text's hash, to rule out
// most unequal pairs without comparing strings) and its content-word stems as numbers.
struct Prepared {
  const model::Statement* statement;
  std::string normalised;
  std::size_t hash = 0;
  std::vector<std::uint32_t> stems;  // ids from the StemIds of the run; sorted, unique
};

using StemIds = std::unordered_map<std::string, std::uint32_t>;

std::vector<Prepared> prepare(const model::Ladder& ladder, const model::Level& level,
                              StemIds& ids) {
  std::vector<Prepared> out;
  for (const auto& block : ladder.content_of(level)) {
    for (const auto& statement : block.statements) {
      Prepared prepared{&statement, {}, 0, {}};
      for (const WordToken& token : tokenize_words(statement.text)) {
        prepared.normalised += prepared.normalised.empty() ? "" : " ";
        std::string folded = fold(token.word);
        prepared.normalised += folded;
        if (lint::is_content_word(folded)) {
          auto next_id = static_cast<std::uint32_t>(ids.size());
          prepared.stems.push_back(ids.try_emplace(stem(token.word), next_id).first->second);
        }
      }
      prepared.hash = std::hash<std::string>{}(prepared.normalised);
      std::sort(prepared.stems.begin(), prepared.stems.end());
      prepared.stems.erase(std::unique(prepared.stems.begin(), prepared.stems.end()),
                           prepared.stems.end());
      out.push_back(std::move(prepared));
    }
  }
  return out;
}

bool same_text(const Prepared& a, const Prepared& b) {
  return a.hash == b.hash && a.normalised == b.normalised;
}

double similarity(const Prepared& a, const Prepared& b) {
  if (same_text(a, b)) {
    return 1.0;
  }
  if (a.stems.empty() || b.stems.empty()) {
    return 0.0;
  }
  std::size_t shared = 0;
  auto i = a.stems.begin();
  auto j = b.stems.begin();
  while (i != a.stems.end() && j != b.stems.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(shared) /
         static_cast<double>(a.stems.size() + b.stems.size() - shared);
}

std::string line_of(const model::Statement& statement) {
  return statement.loc.line > 0 ? fmt::format(" (line {})", statement.loc.line) : std::string();
}

void compare_levels(const Context& context, const model::Level& below,
                    const std::vector<Prepared>& lower, const model::Level& above,
                    const std::vector<Prepared>& higher, Sink& sink) {
  for (const Prepared& upper : higher) {
    const Prepared* best = nullptr;
    double best_score = 0.0;
    for (const Prepared& candidate : lower) {
      const double score = similarity(upper, candidate);
      if (score > best_score) {
        best = &candidate;
        best_score = score;
      }
    }
    if (best == nullptr || best_score < context.options.near_duplicate_similarity) {
      continue;
    }
    const bool exact = same_text(*best, upper);
    sink.report(
        upper.statement->loc, upper.statement->id,
        fmt::format("this statement {} '{}'{} of the level below, {}",
                    exact ? std::string("repeats, word for word,")
                          : fmt::format("nearly repeats (similarity {:.2f})", best_score),
                    best->statement->id, line_of(*best->statement), describe(below)),
        fmt::format("say what changes at {}, or drop the statement there: an expectation that "
                    "does not change shows no progression",
                    describe(above)));
  }
}

}  // namespace

void check_repeated_statements(const Context& context, Sink& sink) {
  for (const auto& track : context.ladder.tracks()) {
    StemIds ids;
    std::vector<Prepared> lower;
    for (std::size_t i = 0; i < track.levels.size(); ++i) {
      std::vector<Prepared> higher = prepare(context.ladder, track.levels[i], ids);
      if (i > 0 && track.levels[i].shares.empty()) {
        compare_levels(context, track.levels[i - 1], lower, track.levels[i], higher, sink);
      }
      lower = std::move(higher);
    }
  }
}

}  // namespace rung::lint
