// Export of the built-in ladder in every format, against the practical limits measured in the
// same run: copying the same number of bytes in memory (for rendering to text) and writing
// them to a file all-or-nothing with core/fs.hpp (for exporting to a file). Read the ratio
// BM_ExportRender/<format> : BM_CopyBytes/<format>, and BM_ExportToFile/<format> :
// BM_WriteBytes/<format>; bytes_per_second is the output's size over time.
#include <filesystem>
#include <string>
#include <utility>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "rung/builtin/builtin.hpp"
#include "rung/core/fs.hpp"
#include "rung/export/exporter.hpp"

namespace {

using rung::exports::Exporter;

constexpr const char* k_text_formats[] = {"md", "json", "yaml", "csv"};

std::filesystem::path scratch_file(const Exporter& format) {
  return std::filesystem::temp_directory_path() /
         ("rung-export-bench-" + std::to_string(::getpid()) + "." + std::string(format.name));
}

std::string rendered(const Exporter& format) {
  return format.render(rung::builtin::engineering_ladder(), {});
}

void BM_ExportRender(benchmark::State& state, const Exporter& format) {
  const auto& ladder = rung::builtin::engineering_ladder();
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out = format.render(ladder, {});
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
}

void BM_CopyBytes(benchmark::State& state, const Exporter& format) {
  const std::string source = rendered(format);
  for (auto _ : state) {
    std::string copy = source;
    benchmark::DoNotOptimize(copy);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(source.size() * state.iterations()));
}

void BM_ExportToFile(benchmark::State& state, const Exporter& format) {
  const auto& ladder = rung::builtin::engineering_ladder();
  const std::filesystem::path path = scratch_file(format);
  for (auto _ : state) {
    auto written = rung::exports::export_to_file(format, ladder, {}, path);
    if (!written) {
      state.SkipWithError(written.error().message.c_str());
      break;
    }
  }
  state.SetBytesProcessed(
      static_cast<std::int64_t>(std::filesystem::file_size(path) * state.iterations()));
  std::filesystem::remove(path);
}

// The limit for BM_ExportToFile: the same number of bytes through write_file_atomic. For xlsx
// the bytes are the finished workbook's.
void BM_WriteBytes(benchmark::State& state, const Exporter& format) {
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
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes.size() * state.iterations()));
  std::filesystem::remove(path);
}

bool is_text_format(const Exporter& format) {
  for (const char* name : k_text_formats) {
    if (format.name == name) {
      return true;
    }
  }
  return false;
}

// Named by format ("BM_ExportRender/md"), so that the report reads without the index.
const bool g_registered = [] {
  const auto all = rung::exports::exporters();
  using Function = void (*)(benchmark::State&, const Exporter&);
  const std::pair<const char*, Function> text_only[] = {{"BM_ExportRender", BM_ExportRender},
                                                        {"BM_CopyBytes", BM_CopyBytes}};
  const std::pair<const char*, Function> every[] = {{"BM_ExportToFile", BM_ExportToFile},
                                                    {"BM_WriteBytes", BM_WriteBytes}};
  for (const auto& [name, function] : text_only) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (is_text_format(all[i])) {
        benchmark::RegisterBenchmark((std::string(name) + "/" + std::string(all[i].name)).c_str(),
                                     function, all[i])
            ->Unit(benchmark::kMicrosecond);
      }
    }
  }
  for (const auto& [name, function] : every) {
    for (std::size_t i = 0; i < all.size(); ++i) {
      benchmark::RegisterBenchmark((std::string(name) + "/" + std::string(all[i].name)).c_str(),
                                   function, all[i])
          ->Unit(benchmark::kMicrosecond);
    }
  }
  return true;
}();

}  // namespace
