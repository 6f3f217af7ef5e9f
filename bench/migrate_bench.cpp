// `rung migrate plan` on the built-in ladder scaled up (bench/scaled_ladder.hpp: N copies of its
// tracks, 184 statements each; N = 100 is issue 15's 18,400 statements), to a next version
// where every level of every copy has its first statement reworded, its last one dropped and a
// new one added. Reports time and, with the memory manager, peak heap ("max_bytes_used").
//   BM_MigratePlan/N   make_plan(OLD, NEW) then render_map
#include <string>

#include <benchmark/benchmark.h>

#include "rung/migrate/map.hpp"
#include "rung/migrate/plan.hpp"

#include "scaled_ladder.hpp"

namespace {

using rung::model::Ladder;

rung::model::LadderData edited(rung::model::LadderData data) {
  int n = 0;
  for (auto& track : data.tracks) {
    for (auto& level : track.levels) {
      if (level.areas.empty()) {
        continue;
      }
      auto& first = level.areas.front().statements;
      auto& last = level.areas.back().statements;
      if (!first.empty()) {
        first.front().text += " in every project you join";
      }
      if (!last.empty()) {
        last.pop_back();
      }
      first.push_back(
          {level.id + "-new",
           "You chart quarterly roadmap milestone " + std::to_string(++n) + " with stakeholders",
           {},
           {}});
    }
  }
  return data;
}

void BM_MigratePlan(benchmark::State& state) {
  const auto data = rung::bench::scaled_ladder_data(static_cast<int>(state.range(0)));
  const Ladder before(data);
  const Ladder after(edited(data));
  std::size_t statements = 0;
  for (auto _ : state) {
    auto plan = rung::migrate::make_plan(before, after);
    auto map = rung::migrate::render_map(plan, before, after);
    benchmark::DoNotOptimize(map);
    statements += plan.entries.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(statements));
}
BENCHMARK(BM_MigratePlan)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
