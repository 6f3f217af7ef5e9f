#include "rung/store/sqlite_store.hpp"

#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "rung/store/sqlite_backup.hpp"
#include "rung/store/sqlite_open.hpp"
#include "rung/store/sqlite_writer.hpp"

namespace rung::store {

namespace {

class SqliteStore final : public Store {
 public:
  SqliteStore(OpenedDatabase opened, const SqliteOptions& options)
      : m_file(opened.writer->file()),
        m_options(options),
        m_schema(opened.schema),
        m_writer(std::move(opened.writer)),
        m_watch(std::move(opened.watch)) {
    m_data_version = m_watch->query_int("PRAGMA data_version").value_or(0);
  }

  Result<std::vector<Person>> people() override {
    return read([](Reader& r) { return r.people(); });
  }
  Result<std::int64_t> people_version() override {
    return read([](Reader& r) { return r.people_version(); });
  }
  Result<std::optional<Person>> person(Id id) override {
    return read([&](Reader& r) { return r.person(id); });
  }
  Result<std::optional<Person>> person_by_email(std::string_view email) override {
    return read([&](Reader& r) { return r.person_by_email(email); });
  }
  Result<std::vector<Account>> accounts() override {
    return read([](Reader& r) { return r.accounts(); });
  }
  Result<std::optional<Account>> account(Id id) override {
    return read([&](Reader& r) { return r.account(id); });
  }
  Result<std::optional<Account>> account_by_login(std::string_view login) override {
    return read([&](Reader& r) { return r.account_by_login(login); });
  }
  Result<std::optional<Session>> session(std::string_view token_hash) override {
    return read([&](Reader& r) { return r.session(token_hash); });
  }
  Result<std::vector<AuditEntry>> audit(const AuditQuery& query) override {
    return read([&](Reader& r) { return r.audit(query); });
  }

  Result<std::vector<ReviewCycle>> cycles() override {
    return read([](Reader& r) { return r.cycles(); });
  }
  Result<std::optional<ReviewCycle>> cycle(Id id) override {
    return read([&](Reader& r) { return r.cycle(id); });
  }
  Result<std::optional<Assessment>> assessment(Id id) override {
    return read([&](Reader& r) { return r.assessment(id); });
  }
  Result<std::vector<Assessment>> assessments_of(Id person) override {
    return read([&](Reader& r) { return r.assessments_of(person); });
  }
  Result<std::vector<Rating>> ratings(Id assessment) override {
    return read([&](Reader& r) { return r.ratings(assessment); });
  }
  Result<std::vector<Evidence>> evidence(Id assessment) override {
    return read([&](Reader& r) { return r.evidence(assessment); });
  }
  Result<std::optional<Snapshot>> snapshot(Id assessment) override {
    return read([&](Reader& r) { return r.snapshot(assessment); });
  }
  Result<std::optional<FrozenLadder>> frozen_ladder(std::string_view digest) override {
    return read([&](Reader& r) { return r.frozen_ladder(digest); });
  }
  Result<std::vector<GrowthPlanRecord>> growth_plans_of(Id person) override {
    return read([&](Reader& r) { return r.growth_plans_of(person); });
  }
  Result<std::optional<GrowthPlanRecord>> growth_plan(Id id) override {
    return read([&](Reader& r) { return r.growth_plan(id); });
  }
  Result<std::vector<PlanItem>> plan_items(Id plan) override {
    return read([&](Reader& r) { return r.plan_items(plan); });
  }

  Result<void> write(const WriteBody& body) override {
    if (m_options.read_only) {
      return fail(ErrorKind::internal, "store.read-only",
                  fmt::format("the database at {} was opened read-only", m_file.string()));
    }
    std::lock_guard lock(m_write_mutex);
    RUNG_TRY(m_writer->exec("BEGIN IMMEDIATE"));
    SqliteWriter writer(*m_writer);
    Result<void> result;
    try {
      result = body(writer);
    } catch (...) {
      (void)m_writer->exec("ROLLBACK");
      throw;
    }
    if (result) {
      result = m_writer->exec("COMMIT");
    }
    if (!result) {
      (void)m_writer->exec("ROLLBACK");
    }
    return result;
  }

  Result<void> backup(const std::filesystem::path& to) override {
    auto lease = lease_reader();
    if (!lease) {
      return tl::unexpected(lease.error());
    }
    auto done = backup_database(**lease, to);
    give_back(std::move(*lease));
    return done;
  }

  std::uint64_t generation() const override {
    // PRAGMA data_version on a connection that never writes changes whenever any other
    // connection commits: this store's writer, or another process.
    std::lock_guard lock(m_watch_mutex);
    if (auto version = m_watch->query_int("PRAGMA data_version");
        version && *version != m_data_version) {
      m_data_version = *version;
      ++m_generation;
    }
    return m_generation;
  }

  std::string describe() const override {
    return fmt::format("sqlite {} (schema {})", m_file.string(), m_schema);
  }

 private:
  using Lease = std::unique_ptr<sqlite::Connection>;

  Result<Lease> lease_reader() {
    {
      std::lock_guard lock(m_pool_mutex);
      if (!m_idle.empty()) {
        Lease connection = std::move(m_idle.back());
        m_idle.pop_back();
        return connection;
      }
    }
    return open_reader(m_file, m_options);
  }

  void give_back(Lease connection) {
    std::lock_guard lock(m_pool_mutex);
    m_idle.push_back(std::move(connection));
  }

  // Runs one Reader call on a pooled read connection; the call is one statement, so it sees
  // one committed state.
  template <class F>
  auto read(F&& f) -> decltype(f(std::declval<Reader&>())) {
    auto lease = lease_reader();
    if (!lease) {
      return tl::unexpected(lease.error());
    }
    SqliteWriter reader(**lease);
    auto result = f(reader);
    give_back(std::move(*lease));
    return result;
  }

  std::filesystem::path m_file;
  SqliteOptions m_options;
  int m_schema = 0;

  std::mutex m_write_mutex;
  std::unique_ptr<sqlite::Connection> m_writer;

  std::mutex m_pool_mutex;
  std::vector<Lease> m_idle;

  mutable std::mutex m_watch_mutex;
  std::unique_ptr<sqlite::Connection> m_watch;
  mutable std::int64_t m_data_version = 0;
  mutable std::uint64_t m_generation = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> open_sqlite(const std::filesystem::path& file,
                                           const SqliteOptions& options) {
  RUNG_TRY_ASSIGN(auto opened, open_database(file, options));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(opened), options));
}

}  // namespace rung::store
