// Inserting N people into a fresh SQLite file: through Store::write (one transaction, the
// store's prepared statements, conflict mapping, RETURNING id) against the practical limit
// measured in the same run: raw sqlite3 with the same schema and pragmas, one prepared
// statement, one transaction. Read the ratio BM_StoreInsertPeople/N : BM_RawSqliteInsert/N;
// items_per_second is people per second.
#include <filesystem>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include "rung/store/sqlite/migrations.hpp"
#include "rung/store/sqlite/store.hpp"

namespace {

std::filesystem::path scratch_db() {
  return std::filesystem::temp_directory_path() /
         ("rung-store-bench-" + std::to_string(::getpid()) + ".db");
}

void remove_db(const std::filesystem::path& file) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(file.string() + suffix);
  }
}

rung::store::Person person(std::int64_t i) {
  rung::store::Person p;
  p.name = "Person " + std::to_string(i);
  p.email = "person" + std::to_string(i) + "@example.com";
  p.track = "swe";
  p.level = "swe-3";
  p.start_date = "2024-01-15";
  return p;
}

void BM_StoreInsertPeople(benchmark::State& state) {
  const auto file = scratch_db();
  const auto n = state.range(0);
  std::unique_ptr<rung::store::Store> store;
  for (auto _ : state) {
    state.PauseTiming();
    store.reset();  // closing is outside the timing, as for the raw connection
    remove_db(file);
    auto opened = rung::store::sqlite::open_store(file);
    if (!opened) {
      state.SkipWithError(opened.error().message.c_str());
      break;
    }
    store = std::move(*opened);
    state.ResumeTiming();
    auto done = store->write([&](rung::store::Writer& w) -> rung::Result<void> {
      for (std::int64_t i = 0; i < n; ++i) {
        RUNG_TRY(w.insert_person(person(i)));
      }
      return {};
    });
    if (!done) {
      state.SkipWithError(done.error().message.c_str());
      break;
    }
  }
  store.reset();
  remove_db(file);
  state.SetItemsProcessed(state.iterations() * n);
}

// The same work by hand: schema and pragmas as the store sets them, then one statement.
void insert_raw(sqlite3* db, std::int64_t n) {
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO person (name, email, manager, track, level, start_date, "
                     "status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     -1, &stmt, nullptr);
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  for (std::int64_t i = 0; i < n; ++i) {
    const auto p = person(i);
    sqlite3_bind_text(stmt, 1, p.name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, p.email.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_null(stmt, 3);
    sqlite3_bind_text(stmt, 4, p.track.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 5, p.level.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 6, p.start_date.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 7, "active", -1, SQLITE_STATIC);
    sqlite3_step(stmt);
    sqlite3_reset(stmt);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_finalize(stmt);
}

void BM_RawSqliteInsert(benchmark::State& state) {
  const auto file = scratch_db();
  const auto n = state.range(0);
  const std::string schema(rung::store::sqlite::schema_migrations().front().sql);
  for (auto _ : state) {
    state.PauseTiming();
    remove_db(file);
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                 "PRAGMA synchronous = NORMAL;",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, schema.c_str(), nullptr, nullptr, nullptr);
    state.ResumeTiming();
    insert_raw(db, n);
    state.PauseTiming();
    sqlite3_close(db);
    state.ResumeTiming();
  }
  remove_db(file);
  state.SetItemsProcessed(state.iterations() * n);
}

}  // namespace

BENCHMARK(BM_StoreInsertPeople)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RawSqliteInsert)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
