#include "rung/store/sqlite/store.hpp"

#include <mutex>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "rung/store/sqlite/backup.hpp"
#include "rung/store/sqlite/group_commit.hpp"
#include "rung/store/sqlite/migrations.hpp"
#include "rung/store/sqlite/open.hpp"
#include "rung/store/sqlite/writer.hpp"
#include "rung/store/store_base.hpp"

namespace rung::store::sqlite {

namespace {

// Writes committed together at most (group_commit.hpp): enough to share one sync among every
// request a busy server has in flight, few enough that one batch stays short.
constexpr std::size_t k_max_batch = 64;

Result<void> run_cached(Connection& connection, std::string_view sql) {
  RUNG_TRY_ASSIGN(auto query, connection.query(sql));
  return query->run();
}

class SqliteStore final : public StoreBase {
 public:
  SqliteStore(OpenedDatabase opened, const Options& options)
      : m_file(opened.writer->file()),
        m_options(options),
        m_schema(opened.schema),
        m_writer(std::move(opened.writer)),
        m_watch(std::move(opened.watch)) {
    m_data_version = m_watch->query_int("PRAGMA data_version").value_or(0);
  }

  Result<void> write(const WriteBody& body) override {
    if (m_options.read_only) {
      return fail(ErrorKind::internal, "store.read-only",
                  fmt::format("the database at {} was opened read-only", m_file.string()));
    }
    return m_queue.submit(
        body, [this](std::span<PendingWrite* const> batch) { run_batch(*m_writer, batch); });
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
  using Lease = std::unique_ptr<Connection>;

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

  // A read on a pooled read connection: each Reader call is one statement, so it sees one
  // committed state.
  Result<void> read(const ReadBody& body) override {
    RUNG_TRY_ASSIGN(auto lease, lease_reader());
    ConnectionWriter reader(*lease);
    body(reader);
    give_back(std::move(lease));
    return {};
  }

  // Several reads in one read transaction: one snapshot, and the connection's page cache
  // stays valid from one statement to the next.
  Result<void> read_together(const ReadBody& body) override {
    RUNG_TRY_ASSIGN(auto lease, lease_reader());
    RUNG_TRY(run_cached(*lease, "BEGIN"));
    ConnectionWriter reader(*lease);
    body(reader);
    auto ended = run_cached(*lease, "COMMIT");
    give_back(std::move(lease));
    return ended;
  }

  std::filesystem::path m_file;
  Options m_options;
  int m_schema = 0;

  std::unique_ptr<Connection> m_writer;  // used only by the thread running a batch
  WriteQueue m_queue{k_max_batch};

  std::mutex m_pool_mutex;
  std::vector<Lease> m_idle;

  mutable std::mutex m_watch_mutex;
  std::unique_ptr<Connection> m_watch;
  mutable std::int64_t m_data_version = 0;
  mutable std::uint64_t m_generation = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& file,
                                          const Options& options) {
  RUNG_TRY_ASSIGN(auto opened, open_database(file, options));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(opened), options));
}

Result<SchemaVersions> schema_versions(const std::filesystem::path& file, const Options& options) {
  Options reading = options;
  reading.read_only = true;
  reading.any_schema = true;
  RUNG_TRY_ASSIGN(const auto opened, open_database(file, reading));
  return SchemaVersions{opened.schema, latest_version(options.migrations)};
}

}  // namespace rung::store::sqlite
