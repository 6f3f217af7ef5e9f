#include "support/postgres.hpp"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>

#include <fmt/format.h>
#include <unistd.h>

#include "rung/store/postgres/connection.hpp"

#include "support/golden.hpp"

namespace rung::test_support {

namespace {

struct Cluster {
  std::mutex mutex;
  bool tried = false;
  std::string socket_dir;
  std::string error;
  std::unique_ptr<store::postgres::Connection> admin;
};

Cluster& cluster() {
  static Cluster instance;
  return instance;
}

// Under cluster().mutex.
void start(Cluster& c) {
  c.tried = true;
  if (const char* dir = std::getenv("RUNG_TEST_POSTGRES"); dir != nullptr && *dir != '\0') {
    c.socket_dir = dir;
    return;
  }
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("rung-pg-{}", static_cast<long>(::getpid()));
  const auto script = source_root() / "tests/support/postgres_cluster.sh";
  const auto command = fmt::format("bash '{}' start '{}' {}", script.string(), dir.string(),
                                   static_cast<long>(::getpid()));
  if (std::system(command.c_str()) != 0) {
    c.error = fmt::format(
        "the PostgreSQL test cluster did not start ({}; its message is above). The PostgreSQL "
        "store's tests need Debian's postgresql-15: run scripts/install-deps.sh",
        command);
    return;
  }
  c.socket_dir = dir.string();
}

}  // namespace

Result<std::string> postgres_socket_dir() {
  auto& c = cluster();
  std::lock_guard lock(c.mutex);
  if (!c.tried) {
    start(c);
  }
  if (!c.error.empty()) {
    return fail(ErrorKind::unavailable, "test.postgres", c.error);
  }
  return c.socket_dir;
}

Result<std::string> postgres_test_uri() {
  RUNG_TRY_ASSIGN(const auto dir, postgres_socket_dir());
  const auto base = fmt::format("postgresql:///postgres?host={}&user=rung", dir);
  auto& c = cluster();
  std::lock_guard lock(c.mutex);
  if (c.admin == nullptr || !c.admin->ok()) {
    RUNG_TRY_ASSIGN(c.admin, store::postgres::Connection::open(base));
  }
  static std::mt19937_64 random(std::random_device{}());
  // The name is ours (random hex), not input: a schema name cannot be a bound parameter.
  const auto schema = fmt::format("t{:016x}", random());
  RUNG_TRY(c.admin->exec(fmt::format("CREATE SCHEMA {}", schema)));
  return fmt::format("{}&options=-csearch_path%3D{}", base, schema);
}

}  // namespace rung::test_support
