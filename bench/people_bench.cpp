// The HRIS import at company scale: a generated export of 100,000 people (a manager tree 8
// levels deep, six reports per manager, rows shuffled so reports often come before their
// managers) imported into a fresh SQLite store, against the sqlite3 shell's own
// `.import --csv` of the same file into a table, in the same run.
//   BM_People_Import_Sqlite3Shell   `sqlite3 DB ".import --csv FILE people"` (a child process:
//                                   no validation, no audit, text columns)
//   BM_People_Import_PlanAndApply   read_csv + plan_import (every rule) + apply_import (one
//                                   write: 100,000 inserts and 100,000 audit entries) into a
//                                   new rung.db; counters x_sqlite3 = its wall time / the
//                                   shell's, x_sqlite3_cpu = its CPU time / the shell's
//   BM_People_Plan_Only             read_csv + plan_import against an empty store (no writes)
// Peak heap (max_bytes_used) counts C++ allocations: rung's side, not SQLite's own cache.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rung/builtin/builtin.hpp"
#include "rung/people/csv.hpp"
#include "rung/people/import.hpp"
#include "rung/store/memory/store.hpp"
#include "rung/store/sqlite/store.hpp"

namespace {

namespace fs = std::filesystem;

constexpr int k_people = 100'000;
constexpr int k_reports_per_manager = 6;  // 1 + 6 + ... + 6^7 > 100,000: 8 levels

const fs::path& work_dir() {
  static const fs::path dir = [] {
    fs::path path = fs::temp_directory_path() / fmt::format("rung-people-bench-{}", ::getpid());
    fs::create_directories(path);
    return path;
  }();
  return dir;
}

std::string level_of(int index, int depth) {
  if (index * k_reports_per_manager + 1 < k_people) {  // has reports: a manager
    return fmt::format("mgr-{}", std::max(1, 4 - depth / 2));
  }
  return index % 3 == 0 ? fmt::format("sre-{}", 1 + index % 5)
                        : fmt::format("swe-{}", 1 + index % 4);
}

// The export, written once: person i reports to person (i - 1) / 6.
const fs::path& export_file() {
  static const fs::path file = [] {
    std::vector<std::string> rows;
    rows.reserve(k_people);
    std::vector<int> depth(k_people, 0);
    for (int i = 0; i < k_people; ++i) {
      const int manager = i == 0 ? -1 : (i - 1) / k_reports_per_manager;
      depth[i] = manager < 0 ? 0 : depth[manager] + 1;
      rows.push_back(fmt::format(
          "{},\"Person {}, Bench\",person{}@bench.example,{},{},20{:02}-{:02}-{:02},Active,R&D\r\n",
          10000 + i, i, i, manager < 0 ? "" : fmt::format("person{}@bench.example", manager),
          level_of(i, depth[i]), 10 + i % 15, 1 + i % 12, 1 + i % 28));
    }
    std::shuffle(rows.begin(), rows.end(), std::mt19937(2026));
    const fs::path path = work_dir() / "people.csv";
    std::ofstream out(path, std::ios::binary);
    out << "Employee ID,Full Name,Work Email,Manager Email,Job Level,Hire Date,Employment "
           "Status,Department\r\n";
    for (const auto& row : rows) {
      out << row;
    }
    return path;
  }();
  return file;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU seconds (user + system) used so far by this process, or by its finished children.
double cpu_seconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The last sqlite3 shell run, for the ratios: wall clock, and CPU (which a loaded machine
// distorts less).
double g_shell_seconds = 0;
double g_shell_cpu_seconds = 0;

void BM_People_Import_Sqlite3Shell(benchmark::State& state) {
  const fs::path& file = export_file();
  for (auto _ : state) {
    const fs::path db = work_dir() / "shell.db";
    fs::remove(db);
    const std::string command =
        fmt::format("sqlite3 '{}' \".import --csv '{}' people\"", db.string(), file.string());
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds(RUSAGE_CHILDREN);
    if (std::system(command.c_str()) != 0) {
      state.SkipWithError("the sqlite3 shell failed (is the sqlite3 package installed?)");
      return;
    }
    g_shell_seconds = seconds_since(start);
    g_shell_cpu_seconds = cpu_seconds(RUSAGE_CHILDREN) - cpu_start;
    state.counters["cpu_s"] = g_shell_cpu_seconds;
    state.SetIterationTime(g_shell_seconds);
    fs::remove(db);
  }
  state.counters["people"] = k_people;
}
BENCHMARK(BM_People_Import_Sqlite3Shell)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(3);

void BM_People_Import_PlanAndApply(benchmark::State& state) {
  const fs::path& file = export_file();
  const auto& ladder = rung::builtin::engineering_ladder();
  int run = 0;
  for (auto _ : state) {
    const fs::path dir = work_dir() / fmt::format("rung-{}", run++);
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds(RUSAGE_SELF);
    auto store = rung::store::sqlite::open_store(dir / "rung.db");
    auto table = rung::people::read_csv_file(file);
    if (!store || !table) {
      state.SkipWithError("the store or the file did not open");
      return;
    }
    auto plan = rung::people::plan_import(ladder, *(*store)->people(), std::move(*table));
    if (!plan.errors.empty()) {
      state.SkipWithError(plan.errors.front().message.c_str());
      return;
    }
    auto applied = rung::people::apply_import(**store, plan, "bench", 0);
    if (!applied || applied->created != static_cast<std::size_t>(k_people)) {
      state.SkipWithError("the import did not apply");
      return;
    }
    const double seconds = seconds_since(start);
    state.SetIterationTime(seconds);
    store->reset();
    fs::remove_all(dir);
    const double cpu = cpu_seconds(RUSAGE_SELF) - cpu_start;
    state.counters["cpu_s"] = cpu;
    if (g_shell_seconds > 0 && g_shell_cpu_seconds > 0) {
      state.counters["x_sqlite3"] = seconds / g_shell_seconds;
      state.counters["x_sqlite3_cpu"] = cpu / g_shell_cpu_seconds;
    }
  }
  state.counters["people"] = k_people;
}
BENCHMARK(BM_People_Import_PlanAndApply)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(3);

void BM_People_Plan_Only(benchmark::State& state) {
  const fs::path& file = export_file();
  const auto& ladder = rung::builtin::engineering_ladder();
  for (auto _ : state) {
    auto table = rung::people::read_csv_file(file);
    auto plan = rung::people::plan_import(ladder, {}, std::move(*table));
    benchmark::DoNotOptimize(plan.changes.size());
  }
  state.counters["people"] = k_people;
}
BENCHMARK(BM_People_Plan_Only)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
