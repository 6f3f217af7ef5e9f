// L013 grade-order, L014 scale-readiness, L015 unknown-rule.
#include <cmath>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/lint/check.hpp"

namespace rung::lint {

namespace {

model::SourceLoc scale_loc(const model::LadderData& data) {
  return data.scale.empty() ? model::SourceLoc{} : data.scale.front().loc;
}

void check_scale(const model::LadderData& data, Sink& sink) {
  if (data.scale.size() < 2) {
    sink.report(scale_loc(data), "scale",
                fmt::format("the rating scale has {} point{}; it needs at least 2 to tell a met "
                            "statement from one that is not",
                            data.scale.size(), data.scale.size() == 1 ? "" : "s"),
                "declare the points from lowest to highest, e.g. not-yet, sometimes, "
                "consistently, role-model");
  }
  for (std::size_t i = 1; i < data.scale.size(); ++i) {
    if (data.scale[i].score <= data.scale[i - 1].score) {
      sink.report(data.scale[i].loc, data.scale[i].id,
                  fmt::format("scale point '{}' scores {}, not above '{}' ({}): \"at or above "
                              "met_at\" has no clear meaning",
                              data.scale[i].id, data.scale[i].score, data.scale[i - 1].id,
                              data.scale[i - 1].score),
                  "give the points strictly increasing scores, lowest first");
    }
  }
}

void check_met_at(const model::LadderData& data, Sink& sink) {
  const model::Readiness& readiness = data.readiness;
  std::size_t index = 0;
  while (index < data.scale.size() && data.scale[index].id != readiness.met_at) {
    ++index;
  }
  if (index == data.scale.size()) {
    std::vector<std::string> ids;
    for (const auto& point : data.scale) {
      ids.push_back(point.id);
    }
    sink.report(
        readiness.loc, "readiness",
        fmt::format("readiness.met_at '{}' is not a point of the rating scale", readiness.met_at),
        fmt::format("use one of: {}", join(ids)));
  } else if (index == 0 && data.scale.size() >= 2) {
    sink.report(readiness.loc, "readiness",
                fmt::format("readiness.met_at '{}' is the lowest point of the rating scale: "
                            "every statement counts as met, so everyone is ready for every level",
                            readiness.met_at),
                fmt::format("set met_at to a higher point, e.g. '{}'", data.scale[1].id));
  }
}

void check_share(const model::Readiness& readiness, Sink& sink) {
  const double share = readiness.share_per_area;
  if (std::isnan(share) || share > 1.0) {
    sink.report(readiness.loc, "readiness",
                fmt::format("readiness.share_per_area is {:g}: more than all of an area's "
                            "statements, so nobody can ever be ready",
                            share),
                "use a share between 0 and 1, e.g. 0.8");
  } else if (share <= 0.0) {
    sink.report(readiness.loc, "readiness",
                fmt::format("readiness.share_per_area is {:g}: no statement needs to be met, so "
                            "everyone is ready for every level",
                            share),
                "use a share between 0 and 1, e.g. 0.8");
  }
}

}  // namespace

void check_grade_order(const Context& context, Sink& sink) {
  const model::Ladder& ladder = context.ladder;
  for (const auto& track : ladder.tracks()) {
    for (std::size_t i = 1; i < track.levels.size(); ++i) {
      const model::Level& below = track.levels[i - 1];
      const model::Level& above = track.levels[i];
      auto low = ladder.grade_index(below.grade);
      auto high = ladder.grade_index(above.grade);
      if (!low || !high || *high >= *low) {
        continue;
      }
      sink.report(above.loc, above.id,
                  fmt::format("{} has grade {}, lower than grade {} of the level below, {}",
                              describe(above), above.grade, below.grade, describe(below)),
                  "grades should not go down as levels go up; check each level's grade");
    }
  }
}

void check_scale_readiness(const Context& context, Sink& sink) {
  const model::LadderData& data = context.ladder.data();
  check_scale(data, sink);
  if (!data.scale.empty()) {
    check_met_at(data, sink);
  }
  check_share(data.readiness, sink);
}

void check_disabled_codes(const Context& context, Sink& sink) {
  std::vector<std::string> known;
  for (const RuleInfo& rule : rules()) {
    known.emplace_back(rule.code);
    known.emplace_back(rule.name);
  }
  for (const auto& entry : context.ladder.data().lint_disabled) {
    if (find_rule(entry) != nullptr) {
      continue;
    }
    auto best = closest_match(entry, known);
    sink.report({}, "lint", fmt::format("lint.disable names '{}', which is not a lint rule", entry),
                best ? fmt::format("did you mean '{}'? (rung lint --list-rules)", *best)
                     : std::string("rung lint --list-rules shows the rules"));
  }
}

}  // namespace rung::lint
