#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rung/core/error.hpp"

struct pg_conn;
struct pg_result;

// A thin RAII layer over libpq, used only inside store/ (and by the store's tests). Every
// statement with values is prepared once per connection (PQprepare) and run with its values
// bound as parameters (PQexecPrepared), never spliced into the SQL text.
namespace rung::store::postgres {

class Connection;

// A PGresult, cleared on destruction.
struct ResultDeleter {
  void operator()(pg_result* result) const;
};
using ResultPtr = std::unique_ptr<pg_result, ResultDeleter>;

// One prepared statement of a connection: bind its parameters, then step() through its rows
// (the first step() runs it). Used through a Query, which resets it after.
class Statement {
 public:
  // `writes`: an INSERT, UPDATE or DELETE. Inside a write transaction such a statement runs
  // under a savepoint, so that when it fails (a duplicate email) the transaction goes on
  // without it, as in SQLite, instead of refusing every later statement.
  Statement(Connection& connection, std::string name, bool writes)
      : m_db(&connection), m_name(std::move(name)), m_writes(writes) {}

  // Parameters are 1-based, as in SQL ("$1").
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, std::optional<std::int64_t> value);  // nullopt binds NULL
  Statement& bind_bool(int index, bool value);                    // 0 or 1

  // Runs the statement on the first call; then true while a row is there to read. Errors:
  // "store.conflict" for a broken constraint (or a trigger's refusal), "store.retry" when
  // PostgreSQL could not serialise the transaction (Store::write tries again),
  // "store.unavailable" when the connection is lost, "store.invalid" for a value PostgreSQL
  // cannot hold (a NUL character, text that is not UTF-8), "store.postgres" otherwise. The
  // SQLSTATE is in last_state().
  Result<bool> step();
  // step() for statements that return no rows (or only the id of an INSERT ... RETURNING id,
  // kept for Connection::last_insert_id()).
  Result<void> run();

  std::int64_t column_int(int index) const;  // 0-based; 0 for NULL
  std::string column_text(int index) const;  // "" for NULL
  bool column_null(int index) const;

  void reset();
  const std::string& last_state() const { return m_state; }

 private:
  Connection* m_db;
  std::string m_name;
  bool m_writes = false;
  std::vector<std::optional<std::string>> m_params;
  ResultPtr m_result;
  int m_row = -1;
  std::string m_state;
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

// One connection with its prepared statements. Not thread-safe: the store's pool hands each
// connection to one thread at a time.
class Connection {
 public:
  // Connects with a libpq connection string or URI ("postgresql://host/db"). Errors
  // "store.open" (the message has the URI with any password masked).
  static Result<std::unique_ptr<Connection>> open(const std::string& uri);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // The cached statement for `sql` (prepared on first use), wrapped so that it is reset after.
  Result<Query> query(std::string_view sql);
  // Runs statements without parameters (BEGIN/COMMIT, migration scripts; several at once).
  Result<void> exec(std::string_view sql);
  // The integer in the first column of the first row of a query without parameters (0: none).
  Result<std::int64_t> query_int(std::string_view sql);
  // The text in the first column of the first row of a query without parameters ("": none).
  Result<std::string> query_text(std::string_view sql);

  // Rows changed by the last statement run on this connection.
  std::int64_t changes() const { return m_changes; }
  // The id returned (RETURNING id) by the last statement run on this connection.
  std::int64_t last_insert_id() const { return m_last_id; }
  // Whether a statement since the last clear_retry() failed because PostgreSQL could not
  // serialise the transaction (SQLSTATE 40001, or a deadlock, 40P01).
  bool must_retry() const { return m_must_retry; }
  void clear_retry() { m_must_retry = false; }
  // False once the connection to the server is lost; the pool then drops it.
  bool ok() const;
  // Connected, and not inside a transaction: fit to go back to the pool.
  bool idle() const;
  // Set by the store around a write transaction's body (see Statement's `writes`).
  void set_in_write(bool in_write) { m_in_write = in_write; }
  bool in_write() const { return m_in_write; }

  pg_conn* handle() { return m_db; }

  // The error of a failed result (or of the connection when there is no result), recording
  // the retry flag. Internal to Statement and Connection.
  Error error_of(const pg_result* result, std::string_view doing);
  void note_done(const pg_result* result, bool returning);

 private:
  explicit Connection(pg_conn* db) : m_db(db) {}

  pg_conn* m_db;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_statements;
  std::int64_t m_changes = 0;
  std::int64_t m_last_id = 0;
  bool m_must_retry = false;
  bool m_in_write = false;
};

}  // namespace rung::store::postgres
