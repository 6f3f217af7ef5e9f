#include "rung/store/postgres/store.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "rung/store/postgres/uri.hpp"
#include "rung/store/postgres/writer.hpp"
#include "rung/store/store_base.hpp"

namespace rung::store::postgres {

namespace {

// The channel every write notifies on commit; the payload is "<schema> <store token>", so a
// store counts the commits of others on its own schema (generation()).
constexpr std::string_view k_channel = "rung_writes";

std::string random_token() {
  std::random_device device;
  return fmt::format("{:08x}{:08x}", device(), device());
}

class PostgresStore final : public StoreBase {
 public:
  PostgresStore(std::string uri, const Options& options, int schema,
                std::unique_ptr<Connection> first, std::unique_ptr<Connection> watch,
                std::string scope)
      : m_uri(std::move(uri)),
        m_options(options),
        m_schema(schema),
        m_watch(std::move(watch)),
        m_payload(fmt::format("{} {}", scope, random_token())),
        m_scope(std::move(scope)) {
    m_idle.push_back(std::move(first));
  }

  Result<void> write(const WriteBody& body) override {
    if (m_options.read_only) {
      return fail(ErrorKind::internal, "store.read-only",
                  fmt::format("the database at {} was opened read-only", redact_uri(m_uri)));
    }
    const int attempts = std::max(1, m_options.attempts);
    for (int attempt = 1;; ++attempt) {
      RUNG_TRY_ASSIGN(auto lease, lease_connection());
      auto result = write_once(*lease.connection, body);
      const bool retry = lease.connection->must_retry();
      if (!retry) {
        if (result) {
          m_own_commits.fetch_add(1);
        }
        return result;
      }
      if (attempt >= attempts) {
        return fail(ErrorKind::unavailable, "store.busy",
                    fmt::format("the database could not serialise this write with others "
                                "running beside it, {} times in a row",
                                attempts),
                    {}, "many writes touch the same records at once; try again");
      }
      back_off(attempt);
    }
  }

  Result<void> backup(const std::filesystem::path& to) override {
    return fail(ErrorKind::invalid, "store.backup",
                fmt::format("rung backup copies SQLite databases; {} is not one (nothing was "
                            "written to {})",
                            redact_uri(m_uri), to.string()),
                {}, "back up a PostgreSQL database with pg_dump (docs/store.md)");
  }

  std::uint64_t generation() const override {
    std::lock_guard lock(m_watch_mutex);
    if (!m_watch->ok()) {
      // Commits may have been missed while the watch was down: move once, and listen again.
      ++m_foreign_commits;
      if (auto watch = Connection::open(m_uri); watch && (*watch)->exec("LISTEN rung_writes")) {
        m_watch = std::move(*watch);
      }
    }
    PQconsumeInput(m_watch->handle());
    while (PGnotify* notice = PQnotifies(m_watch->handle())) {
      const std::string_view payload = notice->extra != nullptr ? notice->extra : "";
      if (payload != m_payload && payload.substr(0, m_scope.size() + 1) == m_scope + " ") {
        ++m_foreign_commits;
      }
      PQfreemem(notice);
    }
    return m_own_commits.load() + m_foreign_commits;
  }

  std::string describe() const override {
    return fmt::format("postgresql {} (schema {})", redact_uri(m_uri), m_schema);
  }

 private:
  // A pooled connection, given back (or closed) when the lease ends.
  struct Lease {
    PostgresStore* store = nullptr;
    std::unique_ptr<Connection> connection;
    Lease(PostgresStore* owner, std::unique_ptr<Connection> held)
        : store(owner), connection(std::move(held)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease() {
      if (store != nullptr && connection != nullptr) {
        store->give_back(std::move(connection));
      }
    }
  };

  Result<Lease> lease_connection() {
    {
      std::lock_guard lock(m_pool_mutex);
      if (!m_idle.empty()) {
        auto connection = std::move(m_idle.back());
        m_idle.pop_back();
        return Lease(this, std::move(connection));
      }
    }
    RUNG_TRY_ASSIGN(auto connection, Connection::open(m_uri));
    return Lease(this, std::move(connection));
  }

  void give_back(std::unique_ptr<Connection> connection) {
    if (!connection->idle()) {
      return;  // lost, or left inside a transaction: closed, not reused
    }
    std::lock_guard lock(m_pool_mutex);
    if (m_idle.size() < m_options.pool_size) {
      m_idle.push_back(std::move(connection));
    }
  }

  Result<void> read(const ReadBody& body) override {
    RUNG_TRY_ASSIGN(auto lease, lease_connection());
    ConnectionWriter reader(*lease.connection);
    body(reader);
    return {};
  }

  // One try of a write: BEGIN, body, COMMIT (or ROLLBACK).
  Result<void> write_once(Connection& db, const WriteBody& body) {
    db.clear_retry();
    RUNG_TRY(db.exec("BEGIN ISOLATION LEVEL SERIALIZABLE"));
    ConnectionWriter writer(db);
    Result<void> result;
    db.set_in_write(true);
    try {
      result = body(writer);
    } catch (...) {
      db.set_in_write(false);
      (void)db.exec("ROLLBACK");
      throw;
    }
    db.set_in_write(false);
    if (result && !db.must_retry()) {
      result = notify(db);
    }
    if (result && !db.must_retry()) {
      result = db.exec("COMMIT");
      if (result) {
        return result;
      }
    }
    if (db.ok()) {
      (void)db.exec("ROLLBACK");
    }
    return result;
  }

  // Tells the other stores on this database that a write commits (delivered only if it does).
  Result<void> notify(Connection& db) {
    RUNG_TRY_ASSIGN(auto query, db.query("SELECT pg_notify('rung_writes', $1)"));
    query->bind(1, std::string_view(m_payload));
    return query->run();
  }

  static void back_off(int attempt) {
    thread_local std::minstd_rand random(std::random_device{}());
    const int ceiling = 1 << std::min(attempt, 6);  // up to 64 ms
    std::this_thread::sleep_for(
        std::chrono::milliseconds(1 + static_cast<int>(random() % static_cast<unsigned>(ceiling))));
  }

  std::string m_uri;
  Options m_options;
  int m_schema = 0;

  std::mutex m_pool_mutex;
  std::vector<std::unique_ptr<Connection>> m_idle;

  mutable std::mutex m_watch_mutex;
  mutable std::unique_ptr<Connection> m_watch;
  std::string m_payload;
  std::string m_scope;
  std::atomic<std::uint64_t> m_own_commits{0};
  mutable std::uint64_t m_foreign_commits = 0;
};

Result<int> check_schema(Connection& connection, const Options& options, const std::string& uri) {
  RUNG_TRY_ASSIGN(const int version, schema_version(connection));
  const int latest = latest_version(options.migrations);
  if (version == 0) {
    return fail(ErrorKind::not_found, "store.open",
                fmt::format("there is no rung database at {}", redact_uri(uri)), {},
                "check --database, or create the database with a command that writes");
  }
  if (version > latest) {
    return fail(ErrorKind::internal, "store.too-new",
                fmt::format("the database at {} has schema {}; this rung knows up to {}",
                            redact_uri(uri), version, latest),
                {}, "use a newer rung");
  }
  if (version < latest && !options.any_schema) {
    return fail(ErrorKind::internal, "store.old-schema",
                fmt::format("the database at {} has schema {}, older than this rung's {}",
                            redact_uri(uri), version, latest),
                {}, "run a command that writes, such as `rung serve`, once");
  }
  return version;
}

}  // namespace

Result<std::unique_ptr<Store>> open_store(const std::string& uri, const Options& options) {
  RUNG_TRY_ASSIGN(auto first, Connection::open(uri));
  int schema = 0;
  if (options.read_only) {
    RUNG_TRY_ASSIGN(schema, check_schema(*first, options, uri));
  } else {
    RUNG_TRY_ASSIGN(schema, migrate(*first, options.migrations, redact_uri(uri)));
  }
  RUNG_TRY_ASSIGN(auto scope, first->query_text("SELECT current_schema()"));
  RUNG_TRY_ASSIGN(auto watch, Connection::open(uri));
  RUNG_TRY(watch->exec(fmt::format("LISTEN {}", k_channel)));
  return std::unique_ptr<Store>(std::make_unique<PostgresStore>(
      uri, options, schema, std::move(first), std::move(watch), std::move(scope)));
}

Result<SchemaVersions> schema_versions(const std::string& uri, const Options& options) {
  RUNG_TRY_ASSIGN(auto connection, Connection::open(uri));
  RUNG_TRY_ASSIGN(const int version, schema_version(*connection));
  return SchemaVersions{version, latest_version(options.migrations)};
}

}  // namespace rung::store::postgres
