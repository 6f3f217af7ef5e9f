#include "raw_sqlite.hpp"

#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "rung/core/clock.hpp"

namespace save_bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* k_begin = "BEGIN IMMEDIATE";
constexpr const char* k_upsert =
    "INSERT OR REPLACE INTO rating (assessment, statement, scale, updated_at) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr const char* k_bump =
    "UPDATE assessment SET version = ?2, updated_at = ?3 WHERE id = ?1 AND version = ?2 - 1";
// The audit entry rung writes with every save (review/drafts.cpp): same table, same columns,
// the same JSON built by the same library.
constexpr const char* k_audit =
    "INSERT INTO audit (at, actor, action, subject, before, after) "
    "VALUES (?1, ?2, 'assessment.rate', ?3, '', ?4)";
constexpr const char* k_commit = "COMMIT";
constexpr const char* k_rollback = "ROLLBACK";

// The one connection and its statements; every use holds `mutex`.
class Database {
 public:
  ~Database() {
    for (sqlite3_stmt* s : {m_begin, m_upsert, m_bump, m_audit, m_commit, m_rollback}) {
      sqlite3_finalize(s);
    }
    sqlite3_close(m_db);
  }

  rung::Result<void> open(const std::filesystem::path& file, bool sync_full) {
    const char* pragmas = sync_full ? "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                                      "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;"
                                    : "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
                                      "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
    if (sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(m_db, pragmas, nullptr, nullptr, nullptr) != SQLITE_OK) {
      return rung::fail("bench.raw", fmt::format("{}: {}", file.string(), sqlite3_errmsg(m_db)));
    }
    for (auto [sql, stmt] : {std::pair{k_begin, &m_begin}, std::pair{k_upsert, &m_upsert},
                             std::pair{k_bump, &m_bump}, std::pair{k_audit, &m_audit},
                             std::pair{k_commit, &m_commit}, std::pair{k_rollback, &m_rollback}}) {
      if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, nullptr) !=
          SQLITE_OK) {
        return rung::fail("bench.raw", fmt::format("{}: {}", sql, sqlite3_errmsg(m_db)));
      }
    }
    return {};
  }

  // One save in its own transaction; an error message, or "" when it committed.
  std::string save(std::int64_t assessment, const Save& save, std::int64_t version,
                   const std::string& actor) {
    const std::int64_t now = rung::system_now();
    const std::string subject = fmt::format("assessment:{}", assessment);
    const std::string after = nlohmann::json{
        {"statement", save.statement},
        {"rating", save.scale},
        {"version", version}}.dump();
    std::lock_guard lock(mutex);
    if (!done(m_begin)) {
      return sqlite3_errmsg(m_db);
    }
    sqlite3_bind_int64(m_upsert, 1, assessment);
    sqlite3_bind_text(m_upsert, 2, save.statement.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(m_upsert, 3, save.scale.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int64(m_upsert, 4, now);
    sqlite3_bind_int64(m_bump, 1, assessment);
    sqlite3_bind_int64(m_bump, 2, version);
    sqlite3_bind_int64(m_bump, 3, now);
    sqlite3_bind_int64(m_audit, 1, now);
    sqlite3_bind_text(m_audit, 2, actor.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(m_audit, 3, subject.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(m_audit, 4, after.c_str(), -1, SQLITE_STATIC);
    std::string error;
    if (!done(m_upsert) || !done(m_bump)) {
      error = sqlite3_errmsg(m_db);
    } else if (sqlite3_changes(m_db) != 1) {
      error = fmt::format("assessment {} is not at version {}", assessment, version - 1);
    } else if (!done(m_audit) || !done(m_commit)) {
      error = sqlite3_errmsg(m_db);
    }
    if (!error.empty()) {
      done(m_rollback);
    }
    return error;
  }

  std::mutex mutex;

 private:
  static bool done(sqlite3_stmt* stmt) {
    const int code = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    return code == SQLITE_DONE;
  }

  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_begin = nullptr;
  sqlite3_stmt* m_upsert = nullptr;
  sqlite3_stmt* m_bump = nullptr;
  sqlite3_stmt* m_audit = nullptr;
  sqlite3_stmt* m_commit = nullptr;
  sqlite3_stmt* m_rollback = nullptr;
};

struct ThreadResult {
  WriterOutcome outcome;
  std::vector<std::chrono::nanoseconds> samples;
  Clock::time_point last_commit;
  bool failed = false;
};

void write_saves(Database& db, const Plan& plan, const Writer& writer, Clock::time_point deadline,
                 ThreadResult& result) {
  result.outcome.assessment = writer.assessment;
  result.samples.reserve(1 << 16);
  // A login of the form rung's audit entries name (bench/save/setup.cpp).
  const std::string actor = fmt::format("writer-{}@example.com", writer.person);
  for (std::int64_t k = 0; Clock::now() < deadline; ++k) {
    const Save save = nth_save(plan, k);
    const auto started = Clock::now();
    const std::string error = db.save(writer.assessment, save, result.outcome.version + 1, actor);
    result.last_commit = Clock::now();
    result.samples.push_back(result.last_commit - started);
    if (!error.empty()) {
      std::cerr << fmt::format("save-bench raw: assessment {}: {}\n", writer.assessment, error);
      result.failed = true;
      return;
    }
    ++result.outcome.acknowledged;
    ++result.outcome.version;
    result.outcome.last_rating[save.statement] = save.scale;
  }
}

}  // namespace

rung::Result<RunReport> run_raw(const Plan& plan, const RawOptions& options) {
  Database db;
  RUNG_TRY(db.open(options.database, options.sync_full));
  std::vector<ThreadResult> results(plan.writers.size());
  const auto start = Clock::now();
  const auto deadline = start + options.duration;
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < plan.writers.size(); ++i) {
      threads.emplace_back(write_saves, std::ref(db), std::cref(plan), std::cref(plan.writers[i]),
                           deadline, std::ref(results[i]));
    }
  }
  RunReport report;
  report.name = "raw-sqlite";
  std::vector<std::chrono::nanoseconds> samples;
  auto last = start;
  for (ThreadResult& r : results) {
    report.ok += r.outcome.acknowledged;
    report.rejected += r.failed ? 1 : 0;
    samples.insert(samples.end(), r.samples.begin(), r.samples.end());
    last = std::max(last, r.last_commit);
    report.writers.push_back(std::move(r.outcome));
  }
  report.seconds = std::chrono::duration<double>(last - start).count();
  report.latency = summarise(samples);
  return report;
}

}  // namespace save_bench
