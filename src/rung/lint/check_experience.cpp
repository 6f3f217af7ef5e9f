// L010 experience-order, L011 experience-gap, L012 experience-overlap, L016 missing-experience.
//
// What a range means: "min-max years" is the experience typical of people at a level, counted
// in whole years with both ends included, so "0-3" followed by "4-6" leaves no gap (someone in
// their fourth year sits at the top of one or the bottom of the other). An open range ("8+")
// states a minimum only. Each level is compared with the level directly below it, when both
// state experience.
// - L010 (error): a range whose maximum is below its minimum, or a level whose minimum is below
//   the minimum of the level below: experience that goes down as levels go up.
// - L011 (warning): the level below ends (bounded) and this level starts more than one year
//   later: people with the years in between fit no level of the track.
// - L012 (note): the two ranges share years, or ask for the same minimum. Overlap is common and
//   usually intended: people progress at different speeds, so neighbouring levels overlap on
//   purpose. It is therefore only a note, which never fails a run, even with --strict; it
//   shows the owner where experience does not separate two levels, which matters when it is
//   used to place people. An open range followed by a higher minimum ("4+" then "10+") is the
//   usual way to write minimums and is neither a gap nor an overlap.
// - L016 (warning): a level that states no experience in a track where other levels do: the
//   owner most likely forgot it (or an import lost it), and placing people by experience
//   finds no range for that level. A track where no level states experience is fine.
#include <algorithm>

#include <fmt/format.h>

#include "rung/lint/check.hpp"

namespace rung::lint {

namespace {

std::string format_range(const model::Experience& e) {
  if (!e.max_years) {
    return fmt::format("{}+ years", e.min_years);
  }
  if (*e.max_years == e.min_years) {
    return fmt::format("{} year{}", e.min_years, e.min_years == 1 ? "" : "s");
  }
  return fmt::format("{}-{} years", e.min_years, *e.max_years);
}

std::string format_years(int from, int to) {
  return from == to ? fmt::format("year {}", from) : fmt::format("years {}-{}", from, to);
}

model::SourceLoc where(const model::Level& level) {
  return level.experience && level.experience->loc.line > 0 ? level.experience->loc : level.loc;
}

// "Software Engineer II (swe-2, 2-6 years)"
std::string of_level(const model::Level& level) {
  const std::string range = format_range(*level.experience);
  return level.title.empty() ? fmt::format("{} ({})", level.id, range)
                             : fmt::format("{} ({}, {})", level.title, level.id, range);
}

// Calls `visit(below, above)` for every pair of consecutive levels that both state experience.
template <class Visit>
void for_each_pair(const Context& context, Visit visit) {
  for (const auto& track : context.ladder.tracks()) {
    for (std::size_t i = 1; i < track.levels.size(); ++i) {
      const model::Level& below = track.levels[i - 1];
      const model::Level& above = track.levels[i];
      if (below.experience && above.experience) {
        visit(below, above);
      }
    }
  }
}

bool inverted(const model::Experience& e) {
  return e.max_years && *e.max_years < e.min_years;
}

}  // namespace

void check_experience_order(const Context& context, Sink& sink) {
  for (const auto& track : context.ladder.tracks()) {
    for (const auto& level : track.levels) {
      if (level.experience && inverted(*level.experience)) {
        sink.report(
            where(level), level.id,
            fmt::format("the experience range of {} ends before it starts ({}-{})", describe(level),
                        level.experience->min_years, *level.experience->max_years),
            "write the smaller number first");
      }
    }
  }
  for_each_pair(context, [&](const model::Level& below, const model::Level& above) {
    if (above.experience->min_years < below.experience->min_years) {
      sink.report(where(above), above.id,
                  fmt::format("{} asks for less experience than the level below, {}",
                              of_level(above), of_level(below)),
                  "experience should not go down as levels go up; check the order of the levels "
                  "and their ranges");
    }
  });
}

void check_experience_gaps(const Context& context, Sink& sink) {
  for_each_pair(context, [&](const model::Level& below, const model::Level& above) {
    const model::Experience& low = *below.experience;
    const int start = above.experience->min_years;
    if (!low.max_years || inverted(low) || start <= *low.max_years + 1) {
      return;
    }
    sink.report(
        where(above), above.id,
        fmt::format("there is a gap between {} and the level below, {}: no level of the "
                    "track covers {}",
                    of_level(above), of_level(below), format_years(*low.max_years + 1, start - 1)),
        fmt::format("let {} start at {} years, or extend the range below", above.id,
                    *low.max_years + 1));
  });
}

void check_experience_overlap(const Context& context, Sink& sink) {
  for_each_pair(context, [&](const model::Level& below, const model::Level& above) {
    const model::Experience& low = *below.experience;
    const model::Experience& high = *above.experience;
    if (inverted(low) || inverted(high) || high.min_years < low.min_years) {
      return;
    }
    std::string message;
    if (high.min_years == low.min_years) {
      message = fmt::format("{} asks for the same experience as the level below, {}",
                            of_level(above), of_level(below));
    } else if (low.max_years && high.min_years <= *low.max_years) {
      const int to = std::min(*low.max_years, high.max_years.value_or(*low.max_years));
      message = fmt::format("{} overlaps the level below, {}, in {}", of_level(above),
                            of_level(below), format_years(high.min_years, to));
    } else {
      return;
    }
    sink.report(where(above), above.id, message,
                "overlap is often intended; if experience is used to place people, let the "
                "ranges meet instead (e.g. \"0-3\" then \"4-6\")");
  });
}

void check_missing_experience(const Context& context, Sink& sink) {
  for (const auto& track : context.ladder.tracks()) {
    const auto stated =
        std::count_if(track.levels.begin(), track.levels.end(),
                      [](const model::Level& l) { return l.experience.has_value(); });
    if (stated == 0) {
      continue;
    }
    for (std::size_t i = 0; i < track.levels.size(); ++i) {
      const model::Level& level = track.levels[i];
      if (level.experience) {
        continue;
      }
      std::vector<std::string> around;
      if (i > 0 && track.levels[i - 1].experience) {
        around.push_back(
            fmt::format("the level below says {}", format_range(*track.levels[i - 1].experience)));
      }
      if (i + 1 < track.levels.size() && track.levels[i + 1].experience) {
        around.push_back(
            fmt::format("the level above {}", format_range(*track.levels[i + 1].experience)));
      }
      sink.report(level.loc, level.id,
                  fmt::format("{} states no experience, while {} of the {} levels of track '{}' "
                              "do{}",
                              describe(level), stated, track.levels.size(), track.name,
                              around.empty() ? "" : " (" + join_list(around) + ")"),
                  "give it the years typical of the level, e.g. "
                  "`experience: {min_years: 3, max_years: 6}`");
    }
  }
}

}  // namespace rung::lint
