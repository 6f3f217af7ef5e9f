#include "scaled_ladder.hpp"

#include <string>

#include <fmt/format.h>

#include "rung/builtin/builtin.hpp"

namespace rung::bench {

namespace {

std::string fresh(const std::string& id, int copy) {
  return fmt::format("c{}-{}", copy, id);
}

model::Track copy_track(model::Track track, int copy) {
  track.id = fresh(track.id, copy);
  for (auto& level : track.levels) {
    level.id = fresh(level.id, copy);
    if (!level.shares.empty()) {
      level.shares = fresh(level.shares, copy);
    }
    for (auto& block : level.areas) {
      for (auto& statement : block.statements) {
        statement.id = fresh(statement.id, copy);
        for (auto& ref : statement.refs) {
          ref = fresh(ref, copy);
        }
      }
    }
  }
  return track;
}

}  // namespace

model::LadderData scaled_ladder_data(int times) {
  const model::LadderData& original = builtin::engineering_ladder().data();
  model::LadderData data = original;
  for (int copy = 2; copy <= times; ++copy) {
    for (const auto& track : original.tracks) {
      data.tracks.push_back(copy_track(track, copy));
    }
  }
  return data;
}

}  // namespace rung::bench
