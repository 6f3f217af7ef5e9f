// L008 placeholder-text and L009 foreign-vocabulary: content that is not really content.
//
// L008 looks for the markers people leave in unfinished text: TODO, TBD, TBA, TBC, FIXME and
// XXX written in capitals (in lower case they are ordinary words: "your todo list"), "lorem
// ipsum" in any case, "???", and "to be defined/determined/written/added".
//
// L009 catches what no list of markers can: filler or joke text ("You have laser eyes", "You
// can time travel"). Its measure is how foreign a level's wording is to the rest of the ladder:
// - take the content words of each statement (stop words and numbers left out, words stemmed,
//   see core/words.hpp);
// - a word is foreign to a level when no other level of the ladder uses it. Other statements of
//   the same level do not count: a level of filler cannot vouch for itself;
// - the level's foreign share is foreign words / content words, counted over all its statements
//   (so one long statement and several short ones weigh by their words).
// Real levels of one ladder share a vocabulary (team, code, systems, design, mentor, ...): on
// the built-in ladder, real levels score 0.05 to 0.34 (the highest are the most senior levels,
// which add new topics), the placeholder level 0.85. But how much levels share depends on how
// much text the ladder has: in a small ladder of one or two short statements per level most
// words occur once, and real levels score 0.6 to 1.0. So a level is flagged only when it stands
// out from its own ladder, on two counts:
// - its share is at least Options::foreign_vocabulary_share (0.6), and
// - at least Options::foreign_vocabulary_contrast (2) times the median share of the other
//   levels (the built-in ladder's filler level: 0.85 against a median of 0.18).
// A ladder whose levels share little wording (every share high) thus gets no finding: nothing
// stands out. The level needs at least 4 content words and the ladder at least 3 levels with
// statements (with fewer there is no "rest of the ladder" to compare with). Levels that share
// another level's description are measured once, as that level.
#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/core/words.hpp"
#include "rung/lint/check.hpp"
#include "rung/lint/words.hpp"

namespace rung::lint {

namespace {

constexpr std::size_t k_min_words = 4;
constexpr std::size_t k_min_levels = 3;
constexpr std::size_t k_example_words = 6;

bool all_caps(std::string_view word) {
  return std::none_of(word.begin(), word.end(),
                      [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; });
}

// `word` as written, `token` as tokenize_words read it.
bool is_marker(std::string_view word, const WordToken& token) {
  const char first = token.word.front();
  if (first != 'l' && first != 'i' && first != 't' && first != 'f' && first != 'x') {
    return false;  // no marker starts otherwise: skip folding most words
  }
  const std::string folded = fold(token.word);
  if (folded == "lorem" || folded == "ipsum") {
    return true;
  }
  if (!all_caps(word)) {
    return false;
  }
  if (folded.size() >= 3 &&
      std::all_of(folded.begin(), folded.end(), [](char c) { return c == 'x'; })) {
    return true;
  }
  return folded == "todo" || folded == "tbd" || folded == "tba" || folded == "tbc" ||
         folded == "fixme";
}

// The placeholder found in `text`, or "" when there is none.
std::string find_placeholder(std::string_view text) {
  const std::vector<WordToken> tokens = tokenize_words(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view word = written(text, tokens[i]);
    if (is_marker(word, tokens[i])) {
      return std::string(word);
    }
    if (i + 2 < tokens.size() && tokens[i].word == "to" && tokens[i + 1].word == "be") {
      const std::string what = fold(tokens[i + 2].word);
      if (what == "defined" || what == "determined" || what == "written" || what == "added") {
        return "to be " + what;
      }
    }
  }
  if (text.find("???") != std::string_view::npos) {
    return "???";
  }
  return {};
}

void check_text(std::string_view text, model::SourceLoc loc, const std::string& element,
                std::string_view what, Sink& sink) {
  const std::string marker = find_placeholder(text);
  if (!marker.empty()) {
    sink.report(loc, element, fmt::format("{} is placeholder text (\"{}\")", what, marker),
                "write the real text before publishing the ladder");
  }
}

// The levels that have statements of their own.
std::vector<const model::Level*> described_levels(const model::Ladder& ladder) {
  std::vector<const model::Level*> levels;
  for (const auto& track : ladder.tracks()) {
    for (const auto& level : track.levels) {
      if (level.shares.empty() && statement_count(ladder, level) > 0) {
        levels.push_back(&level);
      }
    }
  }
  return levels;
}

struct ContentWord {
  std::string folded;
  std::string stem;
};

// The content words of a level's own statements, in order, repeats kept.
std::vector<ContentWord> content_words(const model::Level& level) {
  std::vector<ContentWord> words;
  for (const auto& block : level.areas) {
    for (const auto& statement : block.statements) {
      for (const WordToken& token : tokenize_words(statement.text)) {
        std::string folded = fold(token.word);
        if (lint::is_content_word(folded)) {
          words.push_back(ContentWord{std::move(folded), stem(token.word)});
        }
      }
    }
  }
  return words;
}

struct Foreignness {
  std::size_t words = 0;
  std::size_t foreign = 0;
  std::vector<std::string> examples;  // folded foreign words, first seen first

  double share() const {
    return words == 0 ? 0.0 : static_cast<double>(foreign) / static_cast<double>(words);
  }
};

Foreignness measure(const std::vector<ContentWord>& words,
                    const std::unordered_map<std::string, std::size_t>& levels_using) {
  Foreignness result;
  result.words = words.size();
  for (const ContentWord& word : words) {
    if (levels_using.at(word.stem) > 1) {
      continue;
    }
    ++result.foreign;
    if (std::find(result.examples.begin(), result.examples.end(), word.folded) ==
        result.examples.end()) {
      result.examples.push_back(word.folded);
    }
  }
  return result;
}

// How foreign each level's wording is to the other levels, in the order of `levels`.
std::vector<Foreignness> measure_levels(const std::vector<const model::Level*>& levels) {
  std::vector<std::vector<ContentWord>> words;
  std::unordered_map<std::string, std::size_t> levels_using;
  for (const model::Level* level : levels) {
    words.push_back(content_words(*level));
    std::unordered_set<std::string_view> stems;
    for (const ContentWord& word : words.back()) {
      if (stems.insert(word.stem).second) {
        ++levels_using[word.stem];
      }
    }
  }
  std::vector<Foreignness> result;
  for (const auto& level_words : words) {
    result.push_back(measure(level_words, levels_using));
  }
  return result;
}

// The median share of the levels other than `skip` that have content words.
double typical_share(const std::vector<Foreignness>& all, std::size_t skip) {
  std::vector<double> shares;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i != skip && all[i].words > 0) {
      shares.push_back(all[i].share());
    }
  }
  return shares.empty() ? 1.0 : median(std::move(shares));
}

}  // namespace

void check_placeholders(const Context& context, Sink& sink) {
  for (const auto& area : context.ladder.areas()) {
    check_text(area.name, area.loc, area.id, fmt::format("the name of area '{}'", area.id), sink);
  }
  for (const auto& track : context.ladder.tracks()) {
    check_text(track.name, track.loc, track.id, fmt::format("the name of track '{}'", track.id),
               sink);
    for (const auto& level : track.levels) {
      check_text(level.title + " / " + level.detail_title, level.loc, level.id,
                 fmt::format("the title of level '{}'", level.id), sink);
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          check_text(statement.text, statement.loc, statement.id, "the statement", sink);
        }
      }
    }
  }
}

void check_foreign_vocabulary(const Context& context, Sink& sink) {
  const std::vector<const model::Level*> levels = described_levels(context.ladder);
  if (levels.size() < k_min_levels) {
    return;
  }
  const std::vector<Foreignness> measured = measure_levels(levels);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    Foreignness f = measured[i];
    const double typical = typical_share(measured, i);
    if (f.words < k_min_words || f.share() < context.options.foreign_vocabulary_share ||
        f.share() < context.options.foreign_vocabulary_contrast * typical) {
      continue;
    }
    const bool more = f.examples.size() > k_example_words;
    f.examples.resize(std::min(f.examples.size(), k_example_words));
    sink.report(levels[i]->loc, levels[i]->id,
                fmt::format("{}: {:.0f}% of its content words ({} of {}) occur in no other "
                            "level of the ladder, against {:.0f}% for the median level: {}{}",
                            describe(*levels[i]), 100.0 * f.share(), f.foreign, f.words,
                            100.0 * typical, join(f.examples), more ? ", ..." : ""),
                "this reads like filler or a joke; describe the level in the terms the rest of "
                "the ladder uses");
  }
}

}  // namespace rung::lint
