#include "rung/store/copy/copy.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <sodium.h>

#include "rung/store/postgres/connection.hpp"
#include "rung/store/postgres/store.hpp"
#include "rung/store/postgres/uri.hpp"
#include "rung/store/sqlite/connection.hpp"
#include "rung/store/sqlite/store.hpp"

namespace rung::store::copy {

namespace {

using Value = std::optional<std::string>;
using Row = std::vector<Value>;

struct Table {
  std::string_view name;
  std::string_view columns;  // as in both schemas; person's manager is the 4th
};

// Every table of schema 8 with rows of its own, parents before children. Not copied: the
// counter of people changes (each store keeps its own as the rows go in), the schema's own
// bookkeeping (each store has migrated itself), and login_state (schema 10: OpenID Connect
// sign-ins under way, each alive for minutes; a copy is made with the service stopped, and a
// sign-in cut by it is simply begun again), nor sign_in_failure and pending_import (schema 12:
// failed sign-ins within the last 15 minutes and uploads waiting an hour at most for Apply;
// after a copy, made with the service stopped, a throttle starts afresh and an admin uploads
// the file again).
constexpr std::array<Table, 19> k_tables{{
    {"person", "id, name, email, manager, track, level, start_date, status"},
    {"account",
     "id, login, password_hash, admin, must_change_password, created_at, password_changed_at, "
     "disabled_at"},
    {"session", "token_hash, account, csrf_token, created_at, last_seen_at"},
    {"audit", "id, at, actor, action, subject, before, after"},
    {"review_cycle", "id, name, starts, ends, tracks, status"},
    {"assessment",
     "id, person, author_role, author_account, author_person, level, cycle, status, version, "
     "created_at, updated_at, submitted_at"},
    {"rating", "assessment, statement, scale, updated_at"},
    {"evidence", "id, assessment, statement, text, date, created_at"},
    {"assessment_snapshot", "assessment, content, created_at"},
    {"frozen_ladder", "digest, content, created_at"},
    {"growth_plan", "id, person, target_level, created_at"},
    {"growth_plan_item", "plan, statement, done, evidence, note, target_date, done_by, done_at"},
    {"promotion_case",
     "id, person, from_track, from_level, target_track, target_level, cycle, opened_by_account, "
     "opened_by_person, manager_case, statement, status, outcome, rationale, decided_by, "
     "decided_at, effective_date, published, published_at, version, created_at, updated_at"},
    {"assessment_withdrawal", "assessment, account, reason, at"},
    {"calibration_session",
     "id, cycle, name, scope, scope_person, scope_track, scope_levels, facilitator, calibrators, "
     "guideline, state, created_by, version, created_at, updated_at, opened_at, closed_at"},
    {"pre_vote", "session, calibrator, subject, subject_id, vote, note, version, updated_at"},
    {"calibration_decision",
     "id, session, person, assessment, statement, before, after, reason, account, at"},
    {"api_token",
     "id, token_hash, account, name, read_only, created_at, expires_at, last_used_at, revoked_at"},
    {"agreement", "self_assessment, manager_assessment, statement, scale, note, account, at"},
}};
constexpr std::size_t k_manager = 3;

std::size_t column_count(const Table& table) {
  return static_cast<std::size_t>(std::count(table.columns.begin(), table.columns.end(), ',')) + 1;
}

Error copy_error(std::string message, std::string hint = {}) {
  return Error{"store.copy", std::move(message), {}, std::move(hint), ErrorKind::invalid};
}

// The digest of a table's rows (sorted, so the same rows give the same digest in any order).
std::string digest_of(const std::vector<Row>& rows) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
  for (const auto& row : rows) {
    for (const auto& value : row) {
      // Each value framed by its length, NULL apart from "": no two tables of rows collide.
      const std::string frame = value ? fmt::format("v{}:", value->size()) : std::string("n:");
      crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(frame.data()),
                                frame.size());
      if (value) {
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value->data()),
                                  value->size());
      }
    }
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(";"), 1);
  }
  std::array<unsigned char, crypto_generichash_BYTES> out{};
  crypto_generichash_final(&state, out.data(), out.size());
  std::string hex;
  for (const unsigned char byte : out) {
    hex += fmt::format("{:02x}", byte);
  }
  return hex;
}

// One store seen as tables of text values, over its own connection type.
class Side {
 public:
  virtual ~Side() = default;
  virtual Result<void> exec(std::string_view sql) = 0;
  virtual Result<std::vector<Row>> rows(const Table& table) = 0;
  virtual Result<std::int64_t> count(const Table& table) = 0;
  virtual Result<void> insert(const Table& table, const std::vector<Row>& rows) = 0;
  std::string shown;  // for messages
  std::string_view begin_read;
  std::string_view begin_write;
};

template <class Db>
class SideOf final : public Side {
 public:
  SideOf(std::unique_ptr<Db> db, char mark) : m_db(std::move(db)), m_mark(mark) {}

  Result<void> exec(std::string_view sql) override { return m_db->exec(sql); }

  Result<std::vector<Row>> rows(const Table& table) override {
    RUNG_TRY_ASSIGN(auto query,
                    m_db->query(fmt::format("SELECT {} FROM {}", table.columns, table.name)));
    const auto columns = column_count(table);
    std::vector<Row> out;
    while (true) {
      RUNG_TRY_ASSIGN(const bool more, query->step());
      if (!more) {
        break;
      }
      Row row;
      row.reserve(columns);
      for (std::size_t i = 0; i < columns; ++i) {
        const int index = static_cast<int>(i);
        row.push_back(query->column_null(index) ? Value() : Value(query->column_text(index)));
      }
      out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  Result<std::int64_t> count(const Table& table) override {
    RUNG_TRY_ASSIGN(auto query, m_db->query(fmt::format("SELECT count(*) FROM {}", table.name)));
    RUNG_TRY_ASSIGN(const bool row, query->step());
    return row ? query->column_int(0) : 0;
  }

  // The people go in without their managers first (a manager may have a larger id than the
  // person), then the managers are set.
  Result<void> insert(const Table& table, const std::vector<Row>& rows) override {
    const bool people = table.name == "person";
    std::string marks;
    for (std::size_t i = 1; i <= column_count(table); ++i) {
      marks += fmt::format("{}{}{}", i > 1 ? ", " : "", m_mark, i);
    }
    RUNG_TRY_ASSIGN(auto query, m_db->query(fmt::format("INSERT INTO {} ({}) VALUES ({})",
                                                        table.name, table.columns, marks)));
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        const int index = static_cast<int>(i) + 1;
        if (row[i] && !(people && i == k_manager)) {
          query->bind(index, std::string_view(*row[i]));
        } else {
          query->bind(index, std::optional<std::int64_t>());
        }
      }
      RUNG_TRY(query->run());
      query->reset();
    }
    if (!people) {
      return {};
    }
    RUNG_TRY_ASSIGN(auto manager, m_db->query(fmt::format(
                                      "UPDATE person SET manager = {0}1 WHERE id = {0}2", m_mark)));
    for (const auto& row : rows) {
      if (row[k_manager]) {
        manager->bind(1, std::string_view(*row[k_manager])).bind(2, std::string_view(*row[0]));
        RUNG_TRY(manager->run());
        manager->reset();
      }
    }
    return {};
  }

 private:
  std::unique_ptr<Db> m_db;
  char m_mark;
};

struct Address {
  bool postgres = false;
  std::string where;  // the file, or the URI
};

Result<Address> parse_address(std::string_view text) {
  if (postgres::is_postgres_uri(text)) {
    return Address{true, std::string(text)};
  }
  if (text.substr(0, 7) == "sqlite:" && text.size() > 7) {
    return Address{false, std::string(text.substr(7))};
  }
  return tl::unexpected(
      copy_error(fmt::format("'{}' names no store", postgres::redact_uri(text)),
                 "give sqlite:PATH (a rung.db file) or a PostgreSQL URI (postgresql://...)"));
}

// Opens the store at `address` as rung does (the source read-only with the current schema; the
// target created or migrated), then one plain connection for the copy.
Result<std::unique_ptr<Side>> open_side(const Address& address, bool target) {
  std::unique_ptr<Side> side;
  if (address.postgres) {
    postgres::Options options;
    options.read_only = !target;
    RUNG_TRY(postgres::open_store(address.where, options));
    RUNG_TRY_ASSIGN(auto db, postgres::Connection::open(address.where));
    side = std::make_unique<SideOf<postgres::Connection>>(std::move(db), '$');
    side->shown = postgres::redact_uri(address.where);
    side->begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
    side->begin_write = "BEGIN ISOLATION LEVEL SERIALIZABLE";
  } else {
    sqlite::Options options;
    options.read_only = !target;
    RUNG_TRY(sqlite::open_store(address.where, options));
    RUNG_TRY_ASSIGN(auto db,
                    sqlite::Connection::open(address.where, target ? sqlite::OpenMode::read_write
                                                                   : sqlite::OpenMode::read_only));
    db->set_busy_timeout(5000);
    RUNG_TRY(db->exec("PRAGMA foreign_keys = ON"));
    side = std::make_unique<SideOf<sqlite::Connection>>(std::move(db), '?');
    side->shown = address.where;
    side->begin_read = "BEGIN";
    side->begin_write = "BEGIN IMMEDIATE";
  }
  return side;
}

// Inside the target's transaction: refuse rows already there, copy, read back and compare.
Result<std::vector<TableCopy>> copy_tables(Side& from, Side& to) {
  for (const auto& table : k_tables) {
    RUNG_TRY_ASSIGN(const auto rows, to.count(table));
    if (rows > 0) {
      return tl::unexpected(
          copy_error(fmt::format("the target {} is not empty: its table {} has {} rows", to.shown,
                                 table.name, rows),
                     "copy into a new SQLite file or an empty PostgreSQL database or schema"));
    }
  }
  std::vector<TableCopy> out;
  for (const auto& table : k_tables) {
    RUNG_TRY_ASSIGN(const auto rows, from.rows(table));
    RUNG_TRY(to.insert(table, rows));
    out.push_back(TableCopy{std::string(table.name), static_cast<std::int64_t>(rows.size()),
                            digest_of(rows)});
  }
  for (std::size_t i = 0; i < k_tables.size(); ++i) {
    RUNG_TRY_ASSIGN(const auto copied, to.rows(k_tables[i]));
    const auto digest = digest_of(copied);
    if (static_cast<std::int64_t>(copied.size()) != out[i].rows || digest != out[i].digest) {
      return tl::unexpected(copy_error(
          fmt::format("table {} reads back differently from the target ({} rows, digest {}) "
                      "than from the source ({} rows, digest {}); nothing was written",
                      k_tables[i].name, copied.size(), digest.substr(0, 16), out[i].rows,
                      out[i].digest.substr(0, 16)),
          "report this with both stores' versions"));
    }
  }
  return out;
}

}  // namespace

Result<std::vector<TableCopy>> copy_store(std::string_view from_text, std::string_view to_text) {
  RUNG_TRY_ASSIGN(const auto from_address, parse_address(from_text));
  RUNG_TRY_ASSIGN(const auto to_address, parse_address(to_text));
  if (from_address.postgres == to_address.postgres && from_address.where == to_address.where) {
    return tl::unexpected(copy_error("the source and the target are the same store"));
  }
  RUNG_TRY_ASSIGN(auto from, open_side(from_address, false));
  RUNG_TRY_ASSIGN(auto to, open_side(to_address, true));
  RUNG_TRY(from->exec(from->begin_read));
  if (auto begun = to->exec(to->begin_write); !begun) {
    (void)from->exec("ROLLBACK");
    return tl::unexpected(begun.error());
  }
  auto copied = copy_tables(*from, *to);
  (void)from->exec("ROLLBACK");
  if (!copied) {
    (void)to->exec("ROLLBACK");
    return copied;
  }
  if (auto committed = to->exec("COMMIT"); !committed) {
    (void)to->exec("ROLLBACK");
    return tl::unexpected(committed.error());
  }
  return copied;
}

}  // namespace rung::store::copy
