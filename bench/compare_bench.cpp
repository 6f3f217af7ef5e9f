// Issue 3's compare and search figures, on the built-in ladder (13 levels, 184 statements) and
// on copies of it scaled up (bench/scaled_ladder.hpp), to show how the costs grow.
//   BM_Similarity_Build        learning idf weights from a ladder (once per ladder)
//   BM_Compare_AllPairs        rung compare for every ordered pair of levels (169 pairs)
//   BM_Search_IndexBuild/N     building the inverted index of a ladder N times the built-in one
//   BM_Search_Query/N          one query on that index; queries cycle through k_queries
#include <array>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "rung/builtin/builtin.hpp"
#include "rung/compare/compare.hpp"
#include "rung/search/index.hpp"

#include "scaled_ladder.hpp"

namespace {

using rung::model::Ladder;

constexpr std::array<std::string_view, 5> k_queries = {"mentor", "heart of the matter",
                                                       "system issues", "hire", "zzzq"};

Ladder scaled_ladder(int times) {
  return Ladder(rung::bench::scaled_ladder_data(times));
}

void BM_Similarity_Build(benchmark::State& state) {
  const Ladder& ladder = rung::builtin::engineering_ladder();
  for (auto _ : state) {
    rung::compare::Similarity similarity(ladder);
    benchmark::DoNotOptimize(similarity);
  }
}
BENCHMARK(BM_Similarity_Build);

void BM_Compare_AllPairs(benchmark::State& state) {
  const Ladder& ladder = rung::builtin::engineering_ladder();
  const rung::compare::Similarity similarity(ladder);
  const auto ids = ladder.level_ids();
  std::size_t pairs = 0;
  for (auto _ : state) {
    for (const auto& a : ids) {
      for (const auto& b : ids) {
        auto result = rung::compare::compare_levels(ladder, similarity, a, b);
        benchmark::DoNotOptimize(result);
        ++pairs;
      }
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(pairs));
}
BENCHMARK(BM_Compare_AllPairs)->Unit(benchmark::kMillisecond);

void BM_Search_IndexBuild(benchmark::State& state) {
  const Ladder ladder = scaled_ladder(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    rung::search::Index index(ladder);
    benchmark::DoNotOptimize(index);
  }
  state.counters["statements"] = static_cast<double>(ladder.statement_count());
}
BENCHMARK(BM_Search_IndexBuild)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);

void BM_Search_Query(benchmark::State& state) {
  const Ladder ladder = scaled_ladder(static_cast<int>(state.range(0)));
  const rung::search::Index index(ladder);
  std::size_t next = 0;
  for (auto _ : state) {
    auto result = index.search(k_queries[next++ % k_queries.size()]);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["statements"] = static_cast<double>(ladder.statement_count());
}
BENCHMARK(BM_Search_Query)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);

}  // namespace
