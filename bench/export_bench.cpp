// Export of the built-in ladder in every format, against the practical limits measured in the
// same run: copying the same number of bytes in memory (for rendering to text) and writing
// them to a file all-or-nothing with core/fs.hpp (for exporting to a file). Read the ratio
// BM_ExportRender/<format> : BM_CopyBytes/<format>, and BM_ExportToFile/<format> :
// BM_WriteBytes/<format>; bytes_per_second is the output's size over time.
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "rung/builtin/builtin.hpp"
#include "rung/core/fs.hpp"
#include "rung/export/exporter.hpp"

namespace {

using rung::exports::Exporter;

constexpr const char* k_text_formats[] = {"md", "json", "yaml", "csv"};

const Exporter& exporter(const benchmark::State& state) {
  return rung::exports::exporters()[static_cast<std::size_t>(state.range(0))];
}

std::filesystem::path scratch_file(const Exporter& format) {
  return std::filesystem::temp_directory_path() /
         ("rung-export-bench-" + std::to_string(::getpid()) + "." + std::string(format.name));
}

std::string rendered(const Exporter& format) {
  return format.render(rung::builtin::engineering_ladder(), {});
}

void BM_ExportRender(benchmark::State& state) {
  const Exporter& format = exporter(state);
  const auto& ladder = rung::builtin::engineering_ladder();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = format.render(ladder, {});
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetLabel(std::string(format.name));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
}

void BM_CopyBytes(benchmark::State& state) {
  const Exporter& format = exporter(state);
  const std::string source = rendered(format);
  for (auto _ : state) {
    std::string copy = source;
    benchmark::DoNotOptimize(copy);
  }
  state.SetLabel(std::string(format.name));
  state.SetBytesProcessed(static_cast<std::int64_t>(source.size() * state.iterations()));
}

void BM_ExportToFile(benchmark::State& state) {
  const Exporter& format = exporter(state);
  const auto& ladder = rung::builtin::engineering_ladder();
  const std::filesystem::path path = scratch_file(format);
  for (auto _ : state) {
    auto written = rung::exports::export_to_file(format, ladder, {}, path);
    if (!written) {
      state.SkipWithError(written.error().message.c_str());
      break;
    }
  }
  state.SetLabel(std::string(format.name));
  state.SetBytesProcessed(
      static_cast<std::int64_t>(std::filesystem::file_size(path) * state.iterations()));
  std::filesystem::remove(path);
}

// The limit for BM_ExportToFile: the same number of bytes through write_file_atomic. For xlsx
// the bytes are the finished workbook's.
void BM_WriteBytes(benchmark::State& state) {
  const Exporter& format = exporter(state);
  const std::filesystem::path path = scratch_file(format);
  if (!rung::exports::export_to_file(format, rung::builtin::engineering_ladder(), {}, path)) {
    state.SkipWithError("export failed");
    return;
  }
  const std::string bytes(std::filesystem::file_size(path), 'x');
  for (auto _ : state) {
    if (!rung::write_file_atomic(path, bytes)) {
      state.SkipWithError("write failed");
      break;
    }
  }
  state.SetLabel(std::string(format.name));
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes.size() * state.iterations()));
  std::filesystem::remove(path);
}

void text_formats(benchmark::internal::Benchmark* bench) {
  const auto all = rung::exports::exporters();
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (const char* name : k_text_formats) {
      if (all[i].name == name) {
        bench->Arg(static_cast<std::int64_t>(i));
      }
    }
  }
}

void all_formats(benchmark::internal::Benchmark* bench) {
  for (std::size_t i = 0; i < rung::exports::exporters().size(); ++i) {
    bench->Arg(static_cast<std::int64_t>(i));
  }
}

BENCHMARK(BM_ExportRender)->Apply(text_formats)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CopyBytes)->Apply(text_formats)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ExportToFile)->Apply(all_formats)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_WriteBytes)->Apply(all_formats)->Unit(benchmark::kMicrosecond);

}  // namespace
