// rung import of other layouts (docs/import.md) on the built-in ladder repeated 1, 10 and 100
// times (100x: 1,300 levels, 18,400 statements): the ladder is exported as CSV or XLSX, then
// imported back. BM_ImportCsvTable is the CSV parse alone, the floor of BM_ImportCsv; the rest
// is reading the table, building, and validating. max_bytes_used is the peak heap of one run.
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "rung/core/fs.hpp"
#include "rung/export/csv.hpp"
#include "rung/export/xlsx.hpp"
#include "rung/importer/csv_table.hpp"
#include "rung/importer/layout_import.hpp"

#include "scaled_ladder.hpp"

namespace {

rung::importer::TextImportOptions bench_import_options(const char* name) {
  rung::importer::TextImportOptions options;
  options.file_name = name;
  options.max_bytes = std::size_t{256} * 1024 * 1024;  // the 100x export is over the 4 MiB default
  return options;
}

std::string scaled_csv(int times) {
  return rung::exports::to_csv(rung::model::Ladder(rung::bench::scaled_ladder_data(times)), {});
}

void BM_ImportCsvTable(benchmark::State& state) {
  const std::string csv = scaled_csv(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto table = rung::importer::read_csv_table(csv, "bench.csv");
    benchmark::DoNotOptimize(table);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(csv.size() * state.iterations()));
}
BENCHMARK(BM_ImportCsvTable)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_ImportCsv(benchmark::State& state) {
  const std::string csv = scaled_csv(static_cast<int>(state.range(0)));
  const auto options = bench_import_options("bench.csv");
  for (auto _ : state) {
    auto imported = rung::importer::import_ladder(csv, options);
    if (!imported) {
      state.SkipWithError(imported.error().front().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(imported);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(csv.size() * state.iterations()));
}
BENCHMARK(BM_ImportCsv)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_ImportXlsx(benchmark::State& state) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("rung-import-bench-" + std::to_string(::getpid()) + ".xlsx");
  const rung::model::Ladder ladder(
      rung::bench::scaled_ladder_data(static_cast<int>(state.range(0))));
  auto written = rung::exports::write_xlsx(ladder, {}, path);
  auto bytes = written ? rung::read_file(path, rung::ReadOptions{std::size_t{256} << 20})
                       : rung::Result<std::string>(tl::unexpected(written.error()));
  std::filesystem::remove(path);
  if (!bytes) {
    state.SkipWithError(bytes.error().message.c_str());
    return;
  }
  const auto options = bench_import_options("bench.xlsx");
  for (auto _ : state) {
    auto imported = rung::importer::import_ladder(*bytes, options);
    if (!imported) {
      state.SkipWithError(imported.error().front().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(imported);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes->size() * state.iterations()));
}
BENCHMARK(BM_ImportXlsx)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
