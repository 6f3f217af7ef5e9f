// The promotion case operations of ConnectionWriter (writer.hpp; migrations.cpp, schema 4).
#include <string>

#include <fmt/format.h>

#include "rung/store/postgres/rows.hpp"
#include "rung/store/postgres/writer.hpp"

namespace rung::store::postgres {

namespace {

constexpr std::string_view k_case_columns =
    "SELECT id, person, from_track, from_level, target_track, target_level, cycle, "
    "opened_by_account, opened_by_person, manager_case, statement, status, outcome, rationale, "
    "decided_by, decided_at, effective_date, published, published_at, version, created_at, "
    "updated_at FROM promotion_case ";

void bind_case(Statement& statement, const PromotionCase& c) {
  statement.bind(1, c.person)
      .bind(2, std::string_view(c.from_track))
      .bind(3, std::string_view(c.from_level))
      .bind(4, std::string_view(c.target_track))
      .bind(5, std::string_view(c.target_level))
      .bind(6, c.cycle)
      .bind(7, c.opened_by_account)
      .bind(8, c.opened_by_person)
      .bind(9, std::string_view(c.manager_case))
      .bind(10, std::string_view(c.statement))
      .bind(11, to_string(c.status));
  if (c.outcome) {
    statement.bind(12, to_string(*c.outcome));
  } else {
    statement.bind(12, std::optional<Id>());
  }
  statement.bind(13, std::string_view(c.rationale))
      .bind(14, c.decided_by)
      .bind(15, c.decided_at)
      .bind(16, std::string_view(c.effective_date))
      .bind_bool(17, c.published)
      .bind(18, c.published_at)
      .bind(19, c.version)
      .bind(20, c.created_at)
      .bind(21, c.updated_at);
}

Result<void> run_case_write(Query& query, const PromotionCase& c) {
  if (auto done = query->run(); !done) {
    if (done.error().code == "store.conflict") {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("promotion case of person {}: a person, account or cycle it names "
                              "does not exist",
                              c.person));
    }
    return done;
  }
  return {};
}

}  // namespace

Result<std::optional<PromotionCase>> ConnectionWriter::promotion_case(Id id) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(fmt::format("{}WHERE id = $1", k_case_columns)));
  query->bind(1, id);
  return one_row<PromotionCase>(query, read_case);
}

Result<std::vector<PromotionCase>> ConnectionWriter::promotion_cases_of_people(
    std::span<const Id> people) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query(fmt::format("{}WHERE person = ANY($1::bigint[]) ORDER BY id", k_case_columns)));
  std::string ids = "{";
  for (const Id id : people) {
    ids += fmt::format("{}{}", ids.size() > 1 ? "," : "", id);
  }
  ids += "}";
  query->bind(1, std::string_view(ids));
  return all_rows<PromotionCase>(query, read_case);
}

Result<std::vector<PromotionCase>> ConnectionWriter::promotion_cases_in_cycle(Id cycle) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(fmt::format("{}WHERE cycle = $1 ORDER BY id", k_case_columns)));
  query->bind(1, cycle);
  return all_rows<PromotionCase>(query, read_case);
}

Result<Id> ConnectionWriter::insert_promotion_case(const PromotionCase& c) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("INSERT INTO promotion_case (id, person, from_track, from_level, target_track, "
                 "target_level, cycle, opened_by_account, opened_by_person, manager_case, "
                 "statement, status, outcome, rationale, decided_by, decided_at, effective_date, "
                 "published, published_at, version, created_at, updated_at) VALUES ((SELECT "
                 "coalesce(max(id), 0) + 1 FROM promotion_case), $1, $2, $3, $4, $5, $6, $7, $8, "
                 "$9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id"));
  bind_case(*query, c);
  RUNG_TRY(run_case_write(query, c));
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::update_promotion_case(const PromotionCase& c) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("UPDATE promotion_case SET person = $1, from_track = $2, from_level = $3, "
                 "target_track = $4, target_level = $5, cycle = $6, opened_by_account = $7, "
                 "opened_by_person = $8, manager_case = $9, statement = $10, status = $11, "
                 "outcome = $12, rationale = $13, decided_by = $14, decided_at = $15, "
                 "effective_date = $16, published = $17, published_at = $18, version = $19, "
                 "created_at = $20, updated_at = $21 WHERE id = $22"));
  bind_case(*query, c);
  query->bind(22, c.id);
  RUNG_TRY(run_case_write(query, c));
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no promotion case with id {}", c.id));
  }
  return {};
}

}  // namespace rung::store::postgres
