// L004 missing-area, L005 thin-level, L006 unused-area.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "rung/lint/check.hpp"

namespace rung::lint {

namespace {

std::set<std::string> areas_of(const model::Ladder& ladder, const model::Level& level) {
  std::set<std::string> areas;
  for (const auto& block : ladder.content_of(level)) {
    areas.insert(block.area);
  }
  return areas;
}

// Reports a level far smaller than its siblings; `count` > 0.
void check_level_size(const Context& context, const model::Track& track, const model::Level& level,
                      std::size_t count, Sink& sink) {
  std::vector<double> others;
  for (const auto& other : track.levels) {
    const std::size_t n = statement_count(context.ladder, other);
    if (&other != &level && other.shares.empty() && n > 0) {
      others.push_back(static_cast<double>(n));
    }
  }
  if (others.size() < 2) {
    return;
  }
  const double typical = median(others);
  if (static_cast<double>(count) < context.options.thin_level_ratio * typical) {
    sink.report(level.loc, level.id,
                fmt::format("{} has only {} statement{}; the other levels of track '{}' have {:g} "
                            "(median)",
                            describe(level), count, count == 1 ? "" : "s", track.id, typical),
                "a level this thin cannot tell people what is expected of them; describe it as "
                "fully as its neighbours");
  }
}

}  // namespace

void check_missing_areas(const Context& context, Sink& sink) {
  const model::Ladder& ladder = context.ladder;
  for (const auto& track : ladder.tracks()) {
    for (std::size_t i = 1; i < track.levels.size(); ++i) {
      const model::Level& below = track.levels[i - 1];
      const model::Level& level = track.levels[i];
      const std::set<std::string> here = areas_of(ladder, level);
      const std::set<std::string> there = areas_of(ladder, below);
      std::vector<std::string> missing;
      for (const auto& area : ladder.areas()) {
        if (there.contains(area.id) && !here.contains(area.id)) {
          missing.push_back(fmt::format("\"{}\"", area_name(ladder, area.id)));
        }
      }
      if (missing.empty() || here.empty()) {
        continue;
      }
      sink.report(level.loc, level.id,
                  fmt::format("{} has no statements in {}, which the level below, {}, has",
                              describe(level), join_list(missing, "or"), describe(below)),
                  "say what is expected at this level in every area the level below covers; an "
                  "area that stops reads as an expectation that no longer holds");
    }
  }
}

void check_thin_levels(const Context& context, Sink& sink) {
  for (const auto& track : context.ladder.tracks()) {
    for (const auto& level : track.levels) {
      if (!level.shares.empty()) {
        continue;
      }
      const std::size_t count = statement_count(context.ladder, level);
      if (count == 0) {
        sink.report(level.loc, level.id, fmt::format("{} has no statements", describe(level)),
                    "describe what is expected at this level, or point `shares` at the level "
                    "whose description it uses");
        continue;
      }
      check_level_size(context, track, level, count, sink);
      for (const auto& block : level.areas) {
        if (block.statements.empty()) {
          sink.report(block.loc, level.id,
                      fmt::format("area \"{}\" of {} has no statements",
                                  area_name(context.ladder, block.area), describe(level)),
                      "write its statements, or remove the empty area");
        }
      }
    }
  }
}

void check_unused_areas(const Context& context, Sink& sink) {
  std::set<std::string> used;
  for (const auto& track : context.ladder.tracks()) {
    for (const auto& level : track.levels) {
      for (const auto& block : level.areas) {
        used.insert(block.area);
      }
    }
  }
  for (const auto& area : context.ladder.areas()) {
    if (!used.contains(area.id)) {
      sink.report(area.loc, area.id,
                  fmt::format("area \"{}\" ({}) is declared but no level has statements in it",
                              area.name, area.id),
                  "remove it from `areas`, or write its statements");
    }
  }
}

}  // namespace rung::lint
