// Lint of the built-in ladder, and of ladders 10 and 100 times its size.
//
// A ladder N times the built-in one is generated in code (bench/scaled_ladder.hpp): copy k of every
// track (k = 2..N) gets fresh ids, "c<k>-" put in front of every track, level and statement id
// ("c2-swe", "c2-swe-1", "c2-swe-1-role-1") and of every `shares` and `refs` target, so the copy
// is a valid ladder with N times the tracks, levels and statements and the same texts. Titles
// stay as they are: titles are unique per track, so the copies add no duplicate-title findings.
//
// What to look for: BM_LintScaled reports its complexity against the number of statements
// (Complexity(oN)); lint, the near-duplicate rule (L007) included, must grow linearly, because
// L007 only compares the statements of consecutive levels of one track. The time per statement
// at N = 100 should stay close to the time per statement at N = 1.
//
// The practical limits measured in the same run, to read the lint times against:
// - BM_LintFloor: tokenising and folding every statement once, the least any linter of the
//   statements' wording must do (lint reads each statement in about five rules);
// - BM_LoadBuiltin: parsing the built-in ladder's YAML, which every `rung lint FILE` does first.
//
// Run with `make bench` (the lead wires this file into bench/CMakeLists.txt with the others).
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "rung/builtin/builtin.hpp"
#include "rung/core/words.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/lint/lint.hpp"
#include "rung/model/ladder.hpp"
#include "scaled_ladder.hpp"

namespace {

rung::model::Ladder scaled_ladder(int times) {
  return rung::model::Ladder(rung::bench::scaled_ladder_data(times));
}

void BM_LintFloor(benchmark::State& state) {
  const rung::model::Ladder ladder = scaled_ladder(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    std::size_t words = 0;
    for (const auto& track : ladder.tracks()) {
      for (const auto& level : track.levels) {
        for (const auto& block : level.areas) {
          for (const auto& statement : block.statements) {
            for (const auto& token : rung::tokenize_words(statement.text)) {
              words += rung::fold(token.word).size() > 0 ? 1 : 0;
            }
          }
        }
      }
    }
    benchmark::DoNotOptimize(words);
  }
  state.counters["statements"] = static_cast<double>(ladder.statement_count());
}
BENCHMARK(BM_LintFloor)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_LoadBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(rung::format::parse_ladder_yaml(rung::builtin::engineering_yaml(),
                                                             rung::builtin::k_builtin_file));
  }
}
BENCHMARK(BM_LoadBuiltin)->Unit(benchmark::kMillisecond);

void BM_LintBuiltin(benchmark::State& state) {
  const rung::model::Ladder& ladder = rung::builtin::engineering_ladder();
  for (auto _ : state) {
    benchmark::DoNotOptimize(rung::lint::lint(ladder));
  }
  state.counters["statements"] = static_cast<double>(ladder.statement_count());
}
BENCHMARK(BM_LintBuiltin)->Unit(benchmark::kMillisecond);

void BM_LintScaled(benchmark::State& state) {
  const rung::model::Ladder ladder = scaled_ladder(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(rung::lint::lint(ladder));
  }
  state.SetComplexityN(static_cast<benchmark::IterationCount>(ladder.statement_count()));
  state.counters["statements"] = static_cast<double>(ladder.statement_count());
  state.counters["time_per_statement"] = benchmark::Counter(
      static_cast<double>(ladder.statement_count()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_LintScaled)
    ->Arg(1)
    ->Arg(10)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace
