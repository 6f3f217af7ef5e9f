#include "rung/store/sqlite/connection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace rung::store::sqlite {

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement::~Statement() {
  sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(m_stmt, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies the bytes, so the caller's buffer may go away before step().
  // A null data pointer would bind NULL; an empty string must stay an empty string.
  const char* data = value.data() != nullptr ? value.data() : "";
  sqlite3_bind_text64(m_stmt, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
  if (value) {
    sqlite3_bind_int64(m_stmt, index, *value);
  } else {
    sqlite3_bind_null(m_stmt, index);
  }
  return *this;
}

Statement& Statement::bind_bool(int index, bool value) {
  sqlite3_bind_int(m_stmt, index, value ? 1 : 0);
  return *this;
}

Result<bool> Statement::step() {
  m_last_code = sqlite3_step(m_stmt);
  if (m_last_code == SQLITE_ROW) {
    return true;
  }
  if (m_last_code == SQLITE_DONE) {
    return false;
  }
  m_last_code = sqlite3_extended_errcode(m_db);
  return tl::unexpected(sqlite_error(m_db, m_last_code, "running a statement"));
}

Result<void> Statement::run() {
  while (true) {
    RUNG_TRY_ASSIGN(const bool row, step());
    if (!row) {
      return {};
    }
  }
}

std::int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(m_stmt, index);
}

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(m_stmt, index);
  if (text == nullptr) {
    return {};
  }
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, index));
  return {reinterpret_cast<const char*>(text), size};
}

bool Statement::column_null(int index) const {
  return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

Result<std::unique_ptr<Connection>> Connection::open(const std::filesystem::path& file,
                                                     OpenMode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case OpenMode::read_write_create:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case OpenMode::read_write:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case OpenMode::read_only:
      flags |= SQLITE_OPEN_READONLY;
      break;
  }
  sqlite3* db = nullptr;
  const int code = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    auto error = fail(ErrorKind::internal, "store.sqlite",
                      db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    sqlite3_close(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Connection>(new Connection(db, file));
}

Connection::~Connection() {
  // Statements must be finalised before the connection closes.
  m_statements.clear();
  sqlite3_close(m_db);
}

Result<Query> Connection::query(std::string_view sql) {
  auto it = m_statements.find(sql);
  if (it == m_statements.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int code = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (code != SQLITE_OK) {
      m_last_failure = sqlite3_extended_errcode(m_db);
      return tl::unexpected(sqlite_error(m_db, code, "preparing a statement"));
    }
    it = m_statements.emplace(std::string(sql), std::make_unique<Statement>(m_db, stmt)).first;
  }
  return Query(*it->second);
}

Result<void> Connection::exec(std::string_view sql) {
  const std::string text(sql);
  const int code = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) {
    m_last_failure = sqlite3_extended_errcode(m_db);
    return tl::unexpected(sqlite_error(m_db, m_last_failure, "running SQL"));
  }
  return {};
}

bool Connection::in_transaction() const {
  return sqlite3_get_autocommit(m_db) == 0;
}

Result<std::int64_t> Connection::query_int(std::string_view sql) {
  RUNG_TRY_ASSIGN(auto query, this->query(sql));
  auto row = query->step();
  if (!row) {
    m_last_failure = query->last_code();
    return tl::unexpected(row.error());
  }
  return *row ? query->column_int(0) : 0;
}

std::int64_t Connection::changes() const {
  return sqlite3_changes64(m_db);
}

std::int64_t Connection::last_insert_id() const {
  return sqlite3_last_insert_rowid(m_db);
}

void Connection::set_busy_timeout(int milliseconds) {
  sqlite3_busy_timeout(m_db, milliseconds);
}

bool Connection::read_only() const {
  return sqlite3_db_readonly(m_db, "main") == 1;
}

Error sqlite_error(sqlite3* db, int code, std::string_view doing) {
  const int primary = code & 0xff;
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  if (primary == SQLITE_CONSTRAINT) {
    return Error{"store.conflict", std::move(detail), {}, {}, ErrorKind::conflict};
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    return Error{"store.busy",
                 fmt::format("the database stayed locked by another writer ({})", detail),
                 {},
                 "another rung process is writing; try again, or raise its busy timeout",
                 ErrorKind::unavailable};
  }
  return Error{
      "store.sqlite", fmt::format("{} failed: {}", doing, detail), {}, {}, ErrorKind::internal};
}

}  // namespace rung::store::sqlite
