#pragma once

// A small ladder built in code for the assess tests, so that each figure is easy to check by
// hand:
//   scale: no (0) < part (1) < yes (2) < star (3); met at "yes"; 80% per area.
//   t-1: alpha 5 statements, beta 1, gamma 4        (10 statements)
//   t-2: alpha 2, beta 3 -- no gamma                 (t-1 has an area t-2 lacks)
//   t-3: shares t-2 (no statements of its own)
// Statement ids are "<level>-<area>-<n>", e.g. "t-1-alpha-3".
#include <string>

#include "rung/model/ladder.hpp"

namespace rung::assess::testing {

inline model::AreaStatements area_of(const std::string& level, const std::string& area, int count) {
  model::AreaStatements result;
  result.area = area;
  for (int n = 1; n <= count; ++n) {
    const std::string id = level + "-" + area + "-" + std::to_string(n);
    result.statements.push_back(model::Statement{id, "Text of " + id, {}, {}});
  }
  return result;
}

inline model::Level level_of(const std::string& id, int number) {
  model::Level level;
  level.id = id;
  level.number = number;
  level.title = "Tester " + std::to_string(number);
  return level;
}

inline model::Ladder small_ladder(double share_per_area = 0.8) {
  model::LadderData data;
  data.meta.name = "Test ladder";
  data.areas = {{"alpha", "Alpha", {}}, {"beta", "Beta", {}}, {"gamma", "Gamma", {}}};
  data.scale = {{"no", "No", 0, "", {}},
                {"part", "Partly", 1, "", {}},
                {"yes", "Yes", 2, "", {}},
                {"star", "Star", 3, "", {}}};
  data.readiness = {"yes", share_per_area, {}};
  model::Track track{"t", "Tester", model::Family::individual_contributor, {}, {}};
  model::Level one = level_of("t-1", 1);
  one.areas = {area_of("t-1", "alpha", 5), area_of("t-1", "beta", 1), area_of("t-1", "gamma", 4)};
  model::Level two = level_of("t-2", 2);
  two.areas = {area_of("t-2", "alpha", 2), area_of("t-2", "beta", 3)};
  model::Level three = level_of("t-3", 3);
  three.shares = "t-2";
  track.levels = {one, two, three};
  data.tracks = {track};
  return model::Ladder(std::move(data));
}

}  // namespace rung::assess::testing
