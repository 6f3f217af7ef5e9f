#include "verify.hpp"

#include <map>
#include <optional>

#include <fmt/format.h>
#include <sqlite3.h>

namespace save_bench {

namespace {

using Ratings = std::map<std::string, std::string>;

class ReadOnly {
 public:
  ~ReadOnly() {
    sqlite3_finalize(m_version);
    sqlite3_finalize(m_ratings);
    sqlite3_finalize(m_audit);
    sqlite3_close(m_db);
  }

  rung::Result<void> open(const std::filesystem::path& file) {
    if (sqlite3_open_v2(file.c_str(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        !prepare("SELECT version FROM assessment WHERE id = ?1", &m_version) ||
        !prepare("SELECT statement, scale FROM rating WHERE assessment = ?1", &m_ratings) ||
        !prepare("SELECT count(*) FROM audit WHERE action = 'assessment.rate' AND subject = ?1",
                 &m_audit)) {
      return rung::fail("bench.verify", fmt::format("{}: {}", file.string(), sqlite3_errmsg(m_db)));
    }
    return {};
  }

  std::optional<std::int64_t> version(std::int64_t assessment) {
    sqlite3_bind_int64(m_version, 1, assessment);
    std::optional<std::int64_t> out;
    if (sqlite3_step(m_version) == SQLITE_ROW) {
      out = sqlite3_column_int64(m_version, 0);
    }
    sqlite3_reset(m_version);
    return out;
  }

  Ratings ratings(std::int64_t assessment) {
    sqlite3_bind_int64(m_ratings, 1, assessment);
    Ratings out;
    while (sqlite3_step(m_ratings) == SQLITE_ROW) {
      out[text(m_ratings, 0)] = text(m_ratings, 1);
    }
    sqlite3_reset(m_ratings);
    return out;
  }

  std::int64_t audit_entries(std::int64_t assessment) {
    const std::string subject = fmt::format("assessment:{}", assessment);
    sqlite3_bind_text(m_audit, 1, subject.c_str(), -1, SQLITE_TRANSIENT);
    std::int64_t out = 0;
    if (sqlite3_step(m_audit) == SQLITE_ROW) {
      out = sqlite3_column_int64(m_audit, 0);
    }
    sqlite3_reset(m_audit);
    return out;
  }

 private:
  bool prepare(const char* sql, sqlite3_stmt** stmt) {
    return sqlite3_prepare_v2(m_db, sql, -1, stmt, nullptr) == SQLITE_OK;
  }

  static std::string text(sqlite3_stmt* stmt, int column) {
    const auto* p = sqlite3_column_text(stmt, column);
    return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p));
  }

  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_version = nullptr;
  sqlite3_stmt* m_ratings = nullptr;
  sqlite3_stmt* m_audit = nullptr;
};

std::string describe(const Ratings& ratings) {
  std::string out;
  for (const auto& [statement, scale] : ratings) {
    out += fmt::format("{}{}={}", out.empty() ? "" : ", ", statement, scale);
  }
  return out.empty() ? "none" : out;
}

// The checks of one writer; adds what does not match to `verdict`.
void verify_writer(ReadOnly& db, const Plan& plan, const WriterOutcome& w, Verdict& verdict) {
  const auto where = fmt::format("assessment {}", w.assessment);
  const auto stored = db.version(w.assessment);
  if (!stored) {
    verdict.mismatches.push_back(fmt::format("{}: not in the database", where));
    return;
  }
  const std::int64_t saves = *stored - 1;
  verdict.saves_stored += saves;
  Ratings expected = w.last_rating;
  if (saves == w.acknowledged + 1 && w.unanswered == 1) {
    const Save extra = nth_save(plan, w.acknowledged);
    expected[extra.statement] = extra.scale;
  } else if (saves != w.acknowledged) {
    verdict.mismatches.push_back(fmt::format("{}: version {} but {} saves acknowledged{}", where,
                                             *stored, w.acknowledged,
                                             w.unanswered ? " (+1 unanswered)" : ""));
  }
  const Ratings ratings = db.ratings(w.assessment);
  if (ratings != expected) {
    verdict.mismatches.push_back(fmt::format("{}: stored ratings [{}], acknowledged [{}]", where,
                                             describe(ratings), describe(expected)));
  }
  const std::int64_t entries = db.audit_entries(w.assessment);
  verdict.audit_entries += entries;
  if (entries != saves) {
    verdict.mismatches.push_back(fmt::format(
        "{}: {} audit entries 'assessment.rate' for {} stored saves", where, entries, saves));
  }
}

}  // namespace

rung::Result<Verdict> verify(const std::filesystem::path& database, const Plan& plan,
                             const RunReport& report) {
  ReadOnly db;
  RUNG_TRY(db.open(database));
  Verdict verdict;
  if (report.writers.size() != plan.writers.size()) {
    verdict.mismatches.push_back(fmt::format("the run reports {} writers, the plan has {}",
                                             report.writers.size(), plan.writers.size()));
  }
  for (const WriterOutcome& w : report.writers) {
    verify_writer(db, plan, w, verdict);
  }
  return verdict;
}

}  // namespace save_bench
