#include "rung/store/sqlite/open.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace rung::store::sqlite {

namespace {

std::string directory_of(const std::filesystem::path& file) {
  const auto parent = file.parent_path();
  return parent.empty() ? "." : parent.string();
}

Error cannot_write(const std::filesystem::path& file, std::string_view detail) {
  return Error{"store.open",
               fmt::format("cannot write the database at {}: {}", file.string(), detail),
               {},
               fmt::format("rung writes the file and, beside it in {}, its -wal and -shm "
                           "files: check that both are writable and the disk is not full",
                           directory_of(file)),
               ErrorKind::internal};
}

// Turns what SQLite said while opening or migrating into an error a person can act on.
Error open_error(const std::filesystem::path& file, const Options& options, int code,
                 const Error& error) {
  const int primary = code & 0xff;
  if (error.code != "store.sqlite" && error.code != "store.busy") {
    return error;  // already in rung's words
  }
  if (primary == SQLITE_NOTADB) {
    return Error{"store.open",
                 fmt::format("{} is not a SQLite database", file.string()),
                 {},
                 "check that --data names rung's data directory; if the file is damaged, "
                 "restore it from a copy made with `rung backup`",
                 ErrorKind::internal};
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Error{"store.open",
                 fmt::format("the database at {} is locked by another writer (waited {} ms)",
                             file.string(), options.busy_timeout.count()),
                 {},
                 "another rung command (or a sqlite3 shell) is writing to it; let it finish "
                 "or stop it, then try again",
                 ErrorKind::unavailable};
  }
  if (primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM ||
      primary == SQLITE_IOERR || primary == SQLITE_FULL) {
    return cannot_write(file, error.message);
  }
  return Error{"store.open",
               fmt::format("cannot open the database at {}: {}", file.string(), error.message),
               {},
               {},
               ErrorKind::internal};
}

Result<void> set_pragmas(Connection& connection, Sync sync) {
  // journal_mode=WAL is stored in the file; the others hold per connection.
  RUNG_TRY(connection.exec("PRAGMA journal_mode = WAL"));
  RUNG_TRY(connection.exec("PRAGMA foreign_keys = ON"));
  return connection.exec(sync == Sync::full ? "PRAGMA synchronous = FULL"
                                            : "PRAGMA synchronous = NORMAL");
}

Result<int> prepare_writer(Connection& connection, const Options& options) {
  if (connection.read_only()) {
    return tl::unexpected(cannot_write(connection.file(), "the file is read-only"));
  }
  RUNG_TRY(set_pragmas(connection, options.sync));
  return migrate(connection, options.migrations);
}

Result<int> check_schema(Connection& connection, const Options& options) {
  RUNG_TRY_ASSIGN(const auto version, connection.query_int("PRAGMA user_version"));
  const int latest = latest_version(options.migrations);
  if (version > latest) {
    return fail(ErrorKind::internal, "store.too-new",
                fmt::format("the database at {} has schema {}; this rung knows up to {}",
                            connection.file().string(), version, latest),
                {}, "use a newer rung");
  }
  if (version < latest && !options.any_schema) {
    return fail(ErrorKind::internal, "store.old-schema",
                fmt::format("the database at {} has schema {}, older than this rung's {}",
                            connection.file().string(), version, latest),
                {},
                "upgrade it first with `rung upgrade` (which keeps a copy of it as it was), or "
                "run a command that writes, such as `rung serve`, once");
  }
  return static_cast<int>(version);
}

}  // namespace

Result<OpenedDatabase> open_database(const std::filesystem::path& file, const Options& options) {
  if (options.read_only && !std::filesystem::exists(file)) {
    return fail(ErrorKind::not_found, "store.open",
                fmt::format("there is no database at {}", file.string()), {},
                "check --data, or create the database with a command that writes");
  }
  const auto mode = options.read_only ? OpenMode::read_only : OpenMode::read_write_create;
  auto writer = Connection::open(file, mode);
  if (!writer) {
    return tl::unexpected(open_error(file, options, SQLITE_CANTOPEN, writer.error()));
  }
  auto& connection = **writer;
  connection.set_busy_timeout(static_cast<int>(options.busy_timeout.count()));
  auto schema =
      options.read_only ? check_schema(connection, options) : prepare_writer(connection, options);
  if (!schema) {
    const int code =
        connection.read_only() && !options.read_only ? SQLITE_READONLY : connection.last_code();
    return tl::unexpected(open_error(file, options, code, schema.error()));
  }
  RUNG_TRY_ASSIGN(auto watch, open_reader(file, options));
  return OpenedDatabase{std::move(*writer), std::move(watch), *schema};
}

Result<std::unique_ptr<Connection>> open_reader(const std::filesystem::path& file,
                                                const Options& options) {
  const auto mode = options.read_only ? OpenMode::read_only : OpenMode::read_write;
  RUNG_TRY_ASSIGN(auto connection, Connection::open(file, mode));
  connection->set_busy_timeout(static_cast<int>(options.busy_timeout.count()));
  RUNG_TRY(connection->exec("PRAGMA query_only = ON"));
  return connection;
}

}  // namespace rung::store::sqlite
