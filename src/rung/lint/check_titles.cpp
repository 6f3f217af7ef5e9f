// L001 duplicate-title, L002 title-mismatch, L003 unknown-title.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "rung/core/words.hpp"
#include "rung/lint/check.hpp"
#include "rung/lint/title_phrases.hpp"

namespace rung::lint {

namespace {

struct NamedBy {
  const model::Level* level;
  bool detail;  // the name is the level's detail_title, not its title
};

std::string named_by(const NamedBy& who) {
  return who.detail ? fmt::format("the detail page of {}", describe(*who.level))
                    : describe(*who.level);
}

bool shares_with(const model::Level& a, const model::Level& b) {
  return a.shares == b.id || b.shares == a.id;
}

std::vector<std::pair<std::string, bool>> names_of(const model::Level& level) {
  std::vector<std::pair<std::string, bool>> names{{level.title, false}};
  if (!level.detail_title.empty() && normalise(level.detail_title) != normalise(level.title)) {
    names.emplace_back(level.detail_title, true);
  }
  return names;
}

std::string duplicate_hint(const model::Level& a, const model::Level& b) {
  if (normalise(a.title) != normalise(b.title)) {
    return fmt::format(
        "the overview already tells them apart as \"{}\" and \"{}\"; use those titles everywhere "
        "(drop detail_title)",
        a.title, b.title);
  }
  return fmt::format("give each level of a track its own title, e.g. \"{} I\" and \"{} II\"",
                     a.title, b.title);
}

void check_track_titles(const model::Track& track, Sink& sink) {
  std::map<std::string, NamedBy> seen;
  std::set<std::pair<const model::Level*, const model::Level*>> reported;
  for (const auto& level : track.levels) {
    for (const auto& [name, detail] : names_of(level)) {
      const std::string key = normalise(name);
      if (key.empty()) {
        continue;
      }
      auto [it, inserted] = seen.emplace(key, NamedBy{&level, detail});
      const model::Level& other = *it->second.level;
      if (inserted || &other == &level || shares_with(other, level) ||
          !reported.emplace(&other, &level).second) {
        continue;
      }
      sink.report(level.loc, level.id,
                  fmt::format("title \"{}\" is used twice in track '{}': by {} and by {}", name,
                              track.id, named_by(it->second), named_by({&level, detail})),
                  duplicate_hint(other, level));
    }
  }
}

void check_statement_titles(const model::Ladder& ladder, const TitleIndex& index,
                            const model::Track& track, const model::Statement& statement,
                            Sink& sink) {
  std::vector<std::string> referred;
  for (const auto& ref : statement.refs) {
    if (const model::Level* level = ladder.find_level(ref)) {
      referred.push_back(level->title);
    }
  }
  for (const TitlePhrase& phrase : find_title_phrases(statement.text, index)) {
    if (index.knows(phrase)) {
      continue;
    }
    auto best = index.closest(phrase, referred);
    sink.report(
        statement.loc, statement.id,
        fmt::format("statement names \"{}\", which is not a title in this ladder", phrase.text),
        best ? fmt::format("did you mean \"{}\"?", *best)
             : std::string("use one of the ladder's titles, or describe the skills"));
  }
  for (int number : find_level_numbers(statement.text)) {
    const bool exists = std::any_of(track.levels.begin(), track.levels.end(),
                                    [number](const auto& l) { return l.number == number; });
    if (!exists) {
      sink.report(
          statement.loc, statement.id,
          fmt::format("statement names level {}, which track '{}' does not have", number, track.id),
          fmt::format("the levels of track '{}' are numbered 1 to {}", track.id,
                      track.levels.empty() ? 0 : track.levels.back().number));
    }
  }
}

// True when a detail page's title is the level's title, or lists it among the titles of the
// levels the page describes together ("Sr. Director of Engineering / VP Engineering").
bool agrees(std::string_view detail_title, std::string_view title) {
  const std::string wanted = normalise(title);
  std::size_t start = 0;
  while (start <= detail_title.size()) {
    const std::size_t slash = std::min(detail_title.find('/', start), detail_title.size());
    if (normalise(detail_title.substr(start, slash - start)) == wanted) {
      return true;
    }
    start = slash + 1;
  }
  return false;
}

}  // namespace

void check_duplicate_titles(const Context& context, Sink& sink) {
  for (const auto& track : context.ladder.tracks()) {
    check_track_titles(track, sink);
  }
}

void check_title_mismatch(const Context& context, Sink& sink) {
  for (const auto& track : context.ladder.tracks()) {
    for (const auto& level : track.levels) {
      if (level.detail_title.empty() || agrees(level.detail_title, level.title)) {
        continue;
      }
      sink.report(level.loc, level.id,
                  fmt::format("the overview calls level '{}' \"{}\", its detail page \"{}\"",
                              level.id, level.title, level.detail_title),
                  "give the level one title in both places, then drop detail_title");
    }
  }
}

void check_unknown_titles(const Context& context, Sink& sink) {
  const TitleIndex index(context.ladder);
  for (const auto& track : context.ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        for (const auto& statement : block.statements) {
          check_statement_titles(context.ladder, index, track, statement, sink);
        }
      }
    }
  }
}

}  // namespace rung::lint
