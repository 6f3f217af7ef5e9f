// Saving ratings one at a time, as the web does on every change: through review::Service
// (one Store::write per save: find the draft, check the author against the reporting line,
// check the rating against the ladder, compare versions, upsert the rating, bump the version,
// append the audit entry, commit) against raw sqlite3 doing only the upsert through one
// prepared statement, one transaction per save, on the same schema and pragmas, in the same
// run. Read the ratio BM_ReviewSaveRatings/N : BM_RawRatingUpserts/N; items_per_second is
// saves per second. Both write to a fresh SQLite file in the temp directory.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include "rung/assess/ratings.hpp"
#include "rung/builtin/builtin.hpp"
#include "rung/review/service.hpp"
#include "rung/store/sqlite/store.hpp"

namespace {

namespace store = rung::store;

std::filesystem::path scratch_db() {
  return std::filesystem::temp_directory_path() /
         ("rung-review-bench-" + std::to_string(::getpid()) + ".db");
}

void remove_db(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(file.string() + suffix);
  }
}

const std::vector<std::string>& statements() {
  static const auto ids = [] {
    const auto& ladder = rung::builtin::engineering_ladder();
    return rung::assess::statement_ids_of(ladder, *ladder.find_level("swe-2"));
  }();
  return ids;
}

const char* scale_of(std::int64_t i) {
  static const char* const k_scale[] = {"not-yet", "sometimes", "consistently", "role-model"};
  return k_scale[i % 4];
}

// Adds one person and her account to a fresh store; returns her as a viewer.
rung::auth::Viewer prepare(store::Store& s) {
  store::Person ann{0, "Ann", "ann@example.com", std::nullopt, "swe", "swe-2", "", {}};
  store::Account account{0, "ann@example.com", "x", false, false, 0, 0};
  (void)s.write([&](store::Writer& w) -> rung::Result<void> {
    RUNG_TRY_ASSIGN(ann.id, w.insert_person(ann));
    RUNG_TRY_ASSIGN(account.id, w.insert_account(account));
    return {};
  });
  return rung::auth::Viewer{account, ann, {}, std::nullopt};
}

void BM_ReviewSaveRatings(benchmark::State& state) {
  const auto file = scratch_db();
  const auto n = state.range(0);
  const auto& ids = statements();
  for (auto _ : state) {
    state.PauseTiming();
    remove_db(file);
    auto opened = store::sqlite::open_store(file);
    if (!opened) {
      state.SkipWithError(opened.error().message.c_str());
      break;
    }
    const auto viewer = prepare(**opened);
    rung::review::Service service(**opened, rung::builtin::engineering_ladder());
    auto started = service.start(viewer, {viewer.person->id, store::AuthorRole::self, "", {}});
    const std::optional<store::Assessment> draft =
        started ? std::optional(started->assessment) : std::nullopt;
    std::int64_t version = draft ? draft->version : 0;
    state.ResumeTiming();
    for (std::int64_t i = 0; i < n; ++i) {
      auto saved =
          service.save_rating(viewer, draft->id, version, ids[i % ids.size()], scale_of(i));
      if (!saved) {
        state.SkipWithError(saved.error().error.message.c_str());
        break;
      }
      version = *saved;
    }
  }
  remove_db(file);
  state.SetItemsProcessed(state.iterations() * n);
}

void BM_RawRatingUpserts(benchmark::State& state) {
  const auto file = scratch_db();
  const auto n = state.range(0);
  const auto& ids = statements();
  for (auto _ : state) {
    state.PauseTiming();
    remove_db(file);
    store::Id assessment = 0;
    {
      auto opened = store::sqlite::open_store(file);  // the same schema, made by the migrations
      if (!opened) {
        state.SkipWithError(opened.error().message.c_str());
        break;
      }
      const auto viewer = prepare(**opened);
      rung::review::Service service(**opened, rung::builtin::engineering_ladder());
      assessment = service.start(viewer, {viewer.person->id, store::AuthorRole::self, "", {}})
                       .value()
                       .assessment.id;
    }
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                 "PRAGMA synchronous = NORMAL;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* upsert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT OR REPLACE INTO rating (assessment, statement, scale, updated_at) "
                       "VALUES (?1, ?2, ?3, ?4)",
                       -1, &upsert, nullptr);
    state.ResumeTiming();
    for (std::int64_t i = 0; i < n; ++i) {
      sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
      const auto& statement = ids[i % ids.size()];
      sqlite3_bind_int64(upsert, 1, assessment);
      sqlite3_bind_text(upsert, 2, statement.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(upsert, 3, scale_of(i), -1, SQLITE_STATIC);
      sqlite3_bind_int64(upsert, 4, i);
      sqlite3_step(upsert);
      sqlite3_reset(upsert);
      sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    state.PauseTiming();
    sqlite3_finalize(upsert);
    sqlite3_close(db);
    state.ResumeTiming();
  }
  remove_db(file);
  state.SetItemsProcessed(state.iterations() * n);
}

}  // namespace

BENCHMARK(BM_ReviewSaveRatings)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawRatingUpserts)->Arg(1000)->Unit(benchmark::kMillisecond);
