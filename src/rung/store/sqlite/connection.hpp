#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "rung/core/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

// A thin RAII layer over the SQLite C API, used only inside store/. Values reach SQL through
// bound parameters, never through the SQL text.
namespace rung::store::sqlite {

// One prepared statement. Move-only; finalised on destruction.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQL ("?1").
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, std::optional<std::int64_t> value);  // nullopt binds NULL
  Statement& bind_bool(int index, bool value);                    // 0 or 1

  // Runs to the next row: true when a row is there to read, false when done. Errors carry the
  // code "store.conflict" for a broken constraint, "store.busy" when the database stayed locked
  // beyond the busy timeout, and "store.sqlite" otherwise; the SQLite result code is in
  // last_code().
  Result<bool> step();
  // step() for statements that return no rows.
  Result<void> run();

  std::int64_t column_int(int index) const;  // 0-based, as in the C API
  std::string column_text(int index) const;  // "" for NULL
  bool column_null(int index) const;

  // Clears bindings and ends the statement's read (so a reader does not pin an old snapshot).
  void reset();

  int last_code() const { return m_last_code; }  // extended SQLite result code of step()

 private:
  sqlite3* m_db;
  sqlite3_stmt* m_stmt;
  int m_last_code = 0;
};

// Resets a cached statement when it goes out of scope. Move-only.
class Query {
 public:
  explicit Query(Statement& statement) : m_statement(&statement) {}
  Query(Query&& other) noexcept : m_statement(std::exchange(other.m_statement, nullptr)) {}
  Query& operator=(Query&&) = delete;
  Query(const Query&) = delete;
  ~Query() {
    if (m_statement != nullptr) {
      m_statement->reset();
    }
  }
  Statement* operator->() { return m_statement; }
  Statement& operator*() { return *m_statement; }

 private:
  Statement* m_statement;
};

enum class OpenMode { read_write_create, read_write, read_only };

// One database connection with a cache of prepared statements. Not thread-safe: one thread
// uses it at a time (the store hands connections out under its own locks).
class Connection {
 public:
  // Opens `file`. A failure carries "store.sqlite" and SQLite's message (callers add the file).
  static Result<std::unique_ptr<Connection>> open(const std::filesystem::path& file, OpenMode mode);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // The cached statement for `sql` (prepared on first use), wrapped so that it is reset after.
  Result<Query> query(std::string_view sql);
  // Runs one or more statements without parameters (pragmas, BEGIN/COMMIT, migration scripts).
  Result<void> exec(std::string_view sql);
  // The integer that a one-column pragma or query returns.
  Result<std::int64_t> query_int(std::string_view sql);

  // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
  std::int64_t changes() const;
  // The rowid of the last successful INSERT on this connection.
  std::int64_t last_insert_id() const;
  // The extended SQLite result code of the last failed exec(), query() or query_int().
  int last_code() const { return m_last_failure; }
  void set_busy_timeout(int milliseconds);
  // A transaction is open (false after COMMIT, ROLLBACK, or an error that rolled it back).
  bool in_transaction() const;
  bool read_only() const;  // the main database is read-only (file permissions or mode)
  sqlite3* handle() { return m_db; }
  const std::filesystem::path& file() const { return m_file; }

 private:
  Connection(sqlite3* db, std::filesystem::path file) : m_db(db), m_file(std::move(file)) {}

  sqlite3* m_db;
  std::filesystem::path m_file;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_statements;
  int m_last_failure = 0;
};

// Maps a SQLite result code to a store error ("store.conflict", "store.busy", "store.sqlite").
Error sqlite_error(sqlite3* db, int code, std::string_view doing);

}  // namespace rung::store::sqlite
