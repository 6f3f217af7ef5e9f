#include "rung/store/postgres/connection.hpp"

#include <charconv>
#include <cstring>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "rung/store/postgres/uri.hpp"

namespace rung::store::postgres {

namespace {

// What libpq said, on one line.
std::string one_line(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
    text.pop_back();
  }
  std::string out;
  for (const char c : text) {
    const bool blank = c == '\n' || c == '\t' || c == ' ';
    if (!blank || (!out.empty() && out.back() != ' ')) {
      out += blank ? ' ' : c;
    }
  }
  return out;
}

// The primary keys of the tables whose ids the store assigns (largest + 1).
bool is_id_key(std::string_view constraint) {
  for (const std::string_view key :
       {"person_pkey", "account_pkey", "audit_pkey", "review_cycle_pkey", "assessment_pkey",
        "evidence_pkey", "growth_plan_pkey", "promotion_case_pkey"}) {
    if (constraint == key) {
      return true;
    }
  }
  return false;
}

bool succeeded(const PGresult* result) {
  const auto status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

}  // namespace

void ResultDeleter::operator()(pg_result* result) const {
  PQclear(result);
}

Statement& Statement::bind(int index, std::int64_t value) {
  m_params.resize(std::max<std::size_t>(m_params.size(), static_cast<std::size_t>(index)));
  m_params[static_cast<std::size_t>(index - 1)] = std::to_string(value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  m_params.resize(std::max<std::size_t>(m_params.size(), static_cast<std::size_t>(index)));
  m_params[static_cast<std::size_t>(index - 1)] = std::string(value);
  return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
  if (value) {
    return bind(index, *value);
  }
  m_params.resize(std::max<std::size_t>(m_params.size(), static_cast<std::size_t>(index)));
  m_params[static_cast<std::size_t>(index - 1)] = std::nullopt;
  return *this;
}

Statement& Statement::bind_bool(int index, bool value) {
  return bind(index, std::int64_t{value ? 1 : 0});
}

Result<bool> Statement::step() {
  if (!m_result) {
    // libpq takes parameters as C strings, and PostgreSQL's text cannot hold U+0000: refuse
    // such a value rather than store it cut short.
    for (const auto& param : m_params) {
      if (param && param->find('\0') != std::string::npos) {
        m_state = "22021";
        return fail(ErrorKind::invalid, "store.invalid",
                    "a text with a NUL character (U+0000) cannot be stored");
      }
    }
    const bool savepoint = m_writes && m_db->in_write();
    if (savepoint) {
      RUNG_TRY(m_db->exec("SAVEPOINT rung_statement"));
    }
    std::vector<const char*> values;
    values.reserve(m_params.size());
    for (const auto& param : m_params) {
      values.push_back(param ? param->c_str() : nullptr);
    }
    m_result.reset(PQexecPrepared(m_db->handle(), m_name.c_str(), static_cast<int>(values.size()),
                                  values.data(), nullptr, nullptr, 0));
    if (!succeeded(m_result.get())) {
      const char* state = m_result ? PQresultErrorField(m_result.get(), PG_DIAG_SQLSTATE) : nullptr;
      m_state = state != nullptr ? state : "";
      auto error = m_db->error_of(m_result.get(), "running a statement");
      m_result.reset();
      if (savepoint && m_db->ok()) {
        (void)m_db->exec("ROLLBACK TO SAVEPOINT rung_statement");
      }
      return tl::unexpected(std::move(error));
    }
    if (savepoint) {
      RUNG_TRY(m_db->exec("RELEASE SAVEPOINT rung_statement"));
    }
    m_state.clear();
    m_db->note_done(m_result.get(), false);
    m_row = -1;
  }
  ++m_row;
  return m_row < PQntuples(m_result.get());
}

Result<void> Statement::run() {
  RUNG_TRY(step());
  m_db->note_done(m_result.get(), true);
  return {};
}

std::int64_t Statement::column_int(int index) const {
  const char* text = PQgetvalue(m_result.get(), m_row, index);
  std::int64_t value = 0;
  std::from_chars(text, text + std::strlen(text), value);
  return value;
}

std::string Statement::column_text(int index) const {
  return {PQgetvalue(m_result.get(), m_row, index),
          static_cast<std::size_t>(PQgetlength(m_result.get(), m_row, index))};
}

bool Statement::column_null(int index) const {
  return PQgetisnull(m_result.get(), m_row, index) == 1;
}

void Statement::reset() {
  m_result.reset();
  m_row = -1;
  m_params.clear();
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& uri) {
  PGconn* db = PQconnectdb(uri.c_str());
  if (db == nullptr || PQstatus(db) != CONNECTION_OK) {
    const std::string detail =
        db != nullptr ? one_line(PQerrorMessage(db)) : std::string("out of memory");
    PQfinish(db);
    return fail(ErrorKind::unavailable, "store.open",
                fmt::format("cannot connect to the database at {}: {}", redact_uri(uri), detail),
                {},
                "check the URI given to --database (host, database, user) and that PostgreSQL "
                "is running and accepts this user");
  }
  // The server's notices ("there is no transaction in progress" after a failed COMMIT) are not
  // for rung's users: libpq would print them on stderr.
  PQsetNoticeProcessor(
      db, [](void*, const char*) {}, nullptr);
  auto connection = std::unique_ptr<Connection>(new Connection(db));
  RUNG_TRY(connection->exec("SET client_min_messages = warning"));
  return connection;
}

Connection::~Connection() {
  m_statements.clear();
  PQfinish(m_db);
}

bool Connection::ok() const {
  return PQstatus(m_db) == CONNECTION_OK;
}

bool Connection::idle() const {
  return ok() && PQtransactionStatus(m_db) == PQTRANS_IDLE;
}

Result<Query> Connection::query(std::string_view sql) {
  auto it = m_statements.find(sql);
  if (it == m_statements.end()) {
    const std::string name = fmt::format("rung_{}", m_statements.size() + 1);
    const std::string text(sql);
    ResultPtr prepared(PQprepare(m_db, name.c_str(), text.c_str(), 0, nullptr));
    if (!succeeded(prepared.get())) {
      return tl::unexpected(error_of(prepared.get(), "preparing a statement"));
    }
    const auto verb = text.substr(0, text.find(' '));
    const bool writes = verb == "INSERT" || verb == "UPDATE" || verb == "DELETE";
    it = m_statements.emplace(text, std::make_unique<Statement>(*this, name, writes)).first;
  }
  return Query(*it->second);
}

Result<void> Connection::exec(std::string_view sql) {
  const std::string text(sql);
  ResultPtr result(PQexec(m_db, text.c_str()));
  if (!succeeded(result.get())) {
    return tl::unexpected(error_of(result.get(), "running SQL"));
  }
  return {};
}

Result<std::string> Connection::query_text(std::string_view sql) {
  const std::string text(sql);
  ResultPtr result(PQexec(m_db, text.c_str()));
  if (!succeeded(result.get())) {
    return tl::unexpected(error_of(result.get(), "running SQL"));
  }
  if (PQntuples(result.get()) == 0 || PQnfields(result.get()) == 0) {
    return std::string();
  }
  return std::string(PQgetvalue(result.get(), 0, 0));
}

Result<std::int64_t> Connection::query_int(std::string_view sql) {
  RUNG_TRY_ASSIGN(const auto text, query_text(sql));
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void Connection::note_done(const pg_result* result, bool returning) {
  const char* tuples = PQcmdTuples(const_cast<PGresult*>(result));
  m_changes = 0;
  if (tuples != nullptr && *tuples != '\0') {
    std::from_chars(tuples, tuples + std::strlen(tuples), m_changes);
  }
  if (returning && PQntuples(result) > 0 && PQnfields(result) > 0) {
    const char* text = PQgetvalue(result, 0, 0);
    std::from_chars(text, text + std::strlen(text), m_last_id);
  }
}

Error Connection::error_of(const pg_result* result, std::string_view doing) {
  const char* field = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string state = field != nullptr ? field : "";
  const char* primary =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string detail = one_line(primary != nullptr ? primary : PQerrorMessage(m_db));
  if (state == "40001" || state == "40P01") {
    m_must_retry = true;
    return Error{"store.retry",
                 fmt::format("the database could not serialise this write ({})", detail),
                 {},
                 "another write touched the same records at the same time; try again",
                 ErrorKind::unavailable};
  }
  // Two transactions that both took the next id of a table (the largest + 1): the later one
  // tries again and takes the one after.
  const char* constraint =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME) : nullptr;
  if (state == "23505" && constraint != nullptr && is_id_key(constraint)) {
    m_must_retry = true;
    return Error{"store.retry",
                 fmt::format("another write took the same new id ({})", detail),
                 {},
                 "try again",
                 ErrorKind::unavailable};
  }
  if (state.starts_with("22")) {  // data exception: text that is not UTF-8, a number too large
    return Error{"store.invalid", std::move(detail), {}, {}, ErrorKind::invalid};
  }
  if (state.starts_with("23") || state == "P0001") {
    return Error{"store.conflict", std::move(detail), {}, {}, ErrorKind::conflict};
  }
  if (!ok() || state.starts_with("08") || state.starts_with("57P")) {
    return Error{
        "store.unavailable",
        fmt::format("{} failed: the connection to the database was lost ({})", doing, detail),
        {},
        "check that PostgreSQL is running; nothing of this write was kept",
        ErrorKind::unavailable};
  }
  return Error{
      "store.postgres", fmt::format("{} failed: {}", doing, detail), {}, {}, ErrorKind::internal};
}

}  // namespace rung::store::postgres
