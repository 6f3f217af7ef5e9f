// Issue 2's figures: import of the company document, load of the built-in YAML, and load of a
// generated ladder 100 times its size (bench/scaled_ladder.hpp). Each benchmark also reports
// its peak heap (max_bytes_used, from bench/memory_manager.cpp). Run with `make bench`.
#include <string>

#include <benchmark/benchmark.h>

#include "rung/builtin/builtin.hpp"
#include "rung/core/fs.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/importer/text_import.hpp"
#include "rung/model/ladder.hpp"

#include "scaled_ladder.hpp"

namespace {

std::string company_document() {
  auto text = rung::read_file(RUNG_SOURCE_DIR "/tests/golden/import/engineering/input.txt");
  return text ? *text : std::string();
}

void BM_ImportCompanyDocument(benchmark::State& state) {
  const std::string text = company_document();
  rung::importer::TextImportOptions options;
  options.track_ids = {{"Software Engineer", "swe"},
                       {"Reliability Engineer", "sre"},
                       {"Software Engineering", "mgr"}};
  options.area_ids = {{"Programming / Problem Solving / Delivery", "delivery"}};
  for (auto _ : state) {
    auto imported = rung::importer::import_text_ladder(text, options);
    if (!imported) {
      state.SkipWithError("import failed");
      break;
    }
    benchmark::DoNotOptimize(imported);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ImportCompanyDocument)->Unit(benchmark::kMicrosecond);

void load_yaml(benchmark::State& state, const std::string& yaml) {
  for (auto _ : state) {
    auto data = rung::format::parse_ladder_yaml(yaml, "bench.yaml");
    if (!data) {
      state.SkipWithError("load failed");
      break;
    }
    rung::model::Ladder ladder(std::move(*data));
    benchmark::DoNotOptimize(ladder);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * yaml.size()));
}

void BM_LoadBuiltinYaml(benchmark::State& state) {
  load_yaml(state, std::string(rung::builtin::engineering_yaml()));
}
BENCHMARK(BM_LoadBuiltinYaml)->Unit(benchmark::kMicrosecond);

void BM_LoadScaledYaml(benchmark::State& state) {
  const int times = static_cast<int>(state.range(0));
  const std::string yaml = rung::format::to_yaml(rung::bench::scaled_ladder_data(times));
  load_yaml(state, yaml);
  state.counters["statements"] = static_cast<double>(184 * times);
  state.counters["yaml_bytes"] = static_cast<double>(yaml.size());
}
BENCHMARK(BM_LoadScaledYaml)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_SaveScaledYaml(benchmark::State& state) {
  const auto data = rung::bench::scaled_ladder_data(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    benchmark::DoNotOptimize(rung::format::to_yaml(data));
  }
}
BENCHMARK(BM_SaveScaledYaml)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
