// The assessment operations of ConnectionWriter (writer.hpp; migrations.cpp has the tables).
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rung/store/postgres/rows.hpp"
#include "rung/store/postgres/writer.hpp"

namespace rung::store::postgres {

namespace {

constexpr std::string_view k_cycle_columns =
    "SELECT id, name, starts, ends, tracks, status FROM review_cycle ";
// The status column holds draft or submitted; a withdrawn assessment is a submitted one with a
// row in assessment_withdrawal (schema 5, as in the SQLite store).
constexpr std::string_view k_assessment_columns =
    "SELECT id, person, author_role, author_account, author_person, level, cycle, "
    "CASE WHEN EXISTS (SELECT 1 FROM assessment_withdrawal w WHERE w.assessment = assessment.id) "
    "THEN 'withdrawn' ELSE status END, "
    "version, created_at, updated_at, submitted_at FROM assessment ";
constexpr std::string_view k_plan_columns =
    "SELECT id, person, target_level, created_at FROM growth_plan ";

// The ids as one PostgreSQL array literal ("{1,2,3}"), bound to `= ANY($1::bigint[])`: a list
// of any length in one prepared statement, never spliced into the SQL.
std::string id_array(std::span<const Id> ids) {
  std::string out = "{";
  for (const Id id : ids) {
    out += fmt::format("{}{}", out.size() > 1 ? "," : "", id);
  }
  return out + "}";
}

FrozenLadder read_frozen_ladder(Statement& row) {
  return FrozenLadder{row.column_text(0), row.column_text(1), row.column_int(2)};
}

void bind_cycle(Statement& statement, const ReviewCycle& cycle) {
  statement.bind(1, std::string_view(cycle.name))
      .bind(2, std::string_view(cycle.starts))
      .bind(3, std::string_view(cycle.ends))
      .bind(4, std::string_view(json_list(cycle.tracks)))
      .bind(5, to_string(cycle.status));
}

void bind_assessment(Statement& statement, const Assessment& a) {
  statement.bind(1, a.person)
      .bind(2, to_string(a.role))
      .bind(3, a.author_account)
      .bind(4, a.author_person)
      .bind(5, std::string_view(a.level))
      .bind(6, a.cycle)
      .bind(7, a.status == AssessmentStatus::withdrawn ? std::string_view("submitted")
                                                       : to_string(a.status))
      .bind(8, a.version)
      .bind(9, a.created_at)
      .bind(10, a.updated_at)
      .bind(11, a.submitted_at);
}

// Runs a write; a broken constraint becomes "store.conflict" with `message`.
Result<void> run_write(Query& query, const std::string& message) {
  if (auto done = query->run(); !done) {
    if (done.error().code == "store.conflict") {
      return fail(ErrorKind::conflict, "store.conflict", message);
    }
    return done;
  }
  return {};
}

std::string assessment_refs(const Assessment& a) {
  return fmt::format(
      "assessment of person {} by account {}: a person, account or cycle it names "
      "does not exist",
      a.person, a.author_account);
}

}  // namespace

Result<std::vector<ReviewCycle>> ConnectionWriter::cycles() {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_cycle_columns, "ORDER BY id")));
  return all_rows<ReviewCycle>(query, read_cycle);
}

Result<std::optional<ReviewCycle>> ConnectionWriter::cycle(Id id) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_cycle_columns, "WHERE id = $1")));
  query->bind(1, id);
  return one_row<ReviewCycle>(query, read_cycle);
}

Result<std::optional<Assessment>> ConnectionWriter::assessment(Id id) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_assessment_columns, "WHERE id = $1")));
  query->bind(1, id);
  return one_row<Assessment>(query, read_assessment);
}

Result<std::vector<Assessment>> ConnectionWriter::assessments_of(Id person) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(sql(k_assessment_columns, "WHERE person = $1 ORDER BY id")));
  query->bind(1, person);
  return all_rows<Assessment>(query, read_assessment);
}

Result<std::vector<Assessment>> ConnectionWriter::assessments_of_people(
    std::span<const Id> people) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_assessment_columns,
                                             "WHERE person = ANY($1::bigint[]) ORDER BY id")));
  const std::string ids = id_array(people);
  query->bind(1, std::string_view(ids));
  return all_rows<Assessment>(query, read_assessment);
}

Result<std::vector<Rating>> ConnectionWriter::ratings_of_assessments(
    std::span<const Id> assessments) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT assessment, statement, scale, updated_at FROM "
                                         "rating WHERE assessment = ANY($1::bigint[]) "
                                         "ORDER BY assessment, statement"));
  const std::string ids = id_array(assessments);
  query->bind(1, std::string_view(ids));
  return all_rows<Rating>(query, read_rating);
}

Result<std::vector<Rating>> ConnectionWriter::ratings(Id assessment) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT assessment, statement, scale, updated_at FROM "
                                         "rating WHERE assessment = $1 ORDER BY statement"));
  query->bind(1, assessment);
  return all_rows<Rating>(query, read_rating);
}

Result<std::vector<Evidence>> ConnectionWriter::evidence(Id assessment) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("SELECT id, assessment, statement, text, date, created_at FROM "
                             "evidence WHERE assessment = $1 ORDER BY id"));
  query->bind(1, assessment);
  return all_rows<Evidence>(query, [](Statement& row) {
    return Evidence{row.column_int(0),  row.column_int(1),  row.column_text(2),
                    row.column_text(3), row.column_text(4), row.column_int(5)};
  });
}

Result<std::optional<Snapshot>> ConnectionWriter::snapshot(Id assessment) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT assessment, content, created_at FROM "
                                         "assessment_snapshot WHERE assessment = $1"));
  query->bind(1, assessment);
  return one_row<Snapshot>(query, [](Statement& row) {
    return Snapshot{row.column_int(0), row.column_text(1), row.column_int(2)};
  });
}

Result<std::optional<FrozenLadder>> ConnectionWriter::frozen_ladder(std::string_view digest) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT digest, content, created_at FROM frozen_ladder "
                                         "WHERE digest = $1"));
  query->bind(1, digest);
  return one_row<FrozenLadder>(query, read_frozen_ladder);
}

Result<std::vector<FrozenLadder>> ConnectionWriter::frozen_ladders() {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT digest, content, created_at FROM frozen_ladder "
                                         "ORDER BY created_at, digest"));
  return all_rows<FrozenLadder>(query, read_frozen_ladder);
}

Result<std::vector<GrowthPlanRecord>> ConnectionWriter::growth_plans_of(Id person) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_plan_columns, "WHERE person = $1 ORDER BY id")));
  query->bind(1, person);
  return all_rows<GrowthPlanRecord>(query, read_plan);
}

Result<std::optional<GrowthPlanRecord>> ConnectionWriter::growth_plan(Id id) {
  RUNG_TRY_ASSIGN(auto query, m_db.query(sql(k_plan_columns, "WHERE id = $1")));
  query->bind(1, id);
  return one_row<GrowthPlanRecord>(query, read_plan);
}

Result<std::vector<PlanItem>> ConnectionWriter::plan_items(Id plan) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("SELECT plan, statement, done, evidence, note, target_date, done_by, done_at FROM "
                 "growth_plan_item WHERE plan = $1 ORDER BY statement"));
  query->bind(1, plan);
  return all_rows<PlanItem>(query, read_item);
}

Result<std::vector<GrowthPlanRecord>> ConnectionWriter::growth_plans_of_people(
    std::span<const Id> people) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query(sql(k_plan_columns, "WHERE person = ANY($1::bigint[]) ORDER BY id")));
  const std::string ids = id_array(people);
  query->bind(1, std::string_view(ids));
  return all_rows<GrowthPlanRecord>(query, read_plan);
}

Result<std::vector<PlanItem>> ConnectionWriter::plan_items_of_plans(std::span<const Id> plans) {
  RUNG_TRY_ASSIGN(
      auto query,
      m_db.query("SELECT plan, statement, done, evidence, note, target_date, done_by, done_at FROM "
                 "growth_plan_item WHERE plan = ANY($1::bigint[]) "
                 "ORDER BY plan, statement"));
  const std::string ids = id_array(plans);
  query->bind(1, std::string_view(ids));
  return all_rows<PlanItem>(query, read_item);
}

Result<Id> ConnectionWriter::insert_cycle(const ReviewCycle& cycle) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO review_cycle (id, name, starts, ends, "
                                         "tracks, status) VALUES ((SELECT coalesce(max(id), 0) "
                                         "+ 1 FROM review_cycle), $1, $2, $3, $4, $5) "
                                         "RETURNING id"));
  bind_cycle(*query, cycle);
  RUNG_TRY(run_write(query, "the review cycle breaks a rule of the store"));
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::update_cycle(const ReviewCycle& cycle) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("UPDATE review_cycle SET name = $1, starts = $2, "
                                         "ends = $3, tracks = $4, status = $5 WHERE id = $6"));
  bind_cycle(*query, cycle);
  query->bind(6, cycle.id);
  RUNG_TRY(run_write(query, "the review cycle breaks a rule of the store"));
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no review cycle with id {}", cycle.id));
  }
  return {};
}

Result<Id> ConnectionWriter::insert_assessment(const Assessment& a) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO assessment (id, person, author_role, author_account, "
                             "author_person, level, cycle, status, version, created_at, "
                             "updated_at, submitted_at) VALUES ((SELECT coalesce(max(id), 0) + 1 "
                             "FROM assessment), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
                             "RETURNING id"));
  bind_assessment(*query, a);
  RUNG_TRY(run_write(query, assessment_refs(a)));
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::update_assessment(const Assessment& a) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("UPDATE assessment SET person = $1, author_role = $2, "
                             "author_account = $3, author_person = $4, level = $5, cycle = $6, "
                             "status = $7, version = $8, created_at = $9, updated_at = $10, "
                             "submitted_at = $11 WHERE id = $12"));
  bind_assessment(*query, a);
  query->bind(12, a.id);
  RUNG_TRY(run_write(query, assessment_refs(a)));
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no assessment with id {}", a.id));
  }
  return {};
}

Result<void> ConnectionWriter::put_rating(const Rating& rating) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO rating (assessment, statement, scale, "
                                         "updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT "
                                         "(assessment, statement) DO UPDATE SET scale = "
                                         "excluded.scale, updated_at = excluded.updated_at"));
  query->bind(1, rating.assessment)
      .bind(2, std::string_view(rating.statement))
      .bind(3, std::string_view(rating.scale))
      .bind(4, rating.updated_at);
  return run_write(query, fmt::format("no assessment with id {}", rating.assessment));
}

Result<Id> ConnectionWriter::insert_evidence(const Evidence& e) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO evidence (id, assessment, statement, "
                                         "text, date, created_at) VALUES ((SELECT "
                                         "coalesce(max(id), 0) + 1 FROM evidence), $1, $2, $3, "
                                         "$4, $5) RETURNING id"));
  query->bind(1, e.assessment)
      .bind(2, std::string_view(e.statement))
      .bind(3, std::string_view(e.text))
      .bind(4, std::string_view(e.date))
      .bind(5, e.created_at);
  RUNG_TRY(run_write(query, fmt::format("no assessment with id {}", e.assessment)));
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::insert_snapshot(const Snapshot& snapshot) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO assessment_snapshot (assessment, content, "
                                         "created_at) VALUES ($1, $2, $3)"));
  query->bind(1, snapshot.assessment)
      .bind(2, std::string_view(snapshot.content))
      .bind(3, snapshot.created_at);
  return run_write(query, fmt::format("assessment {} already has a snapshot, or does not exist",
                                      snapshot.assessment));
}

Result<std::optional<Withdrawal>> ConnectionWriter::withdrawal(Id assessment) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT assessment, account, reason, at FROM "
                                         "assessment_withdrawal WHERE assessment = $1"));
  query->bind(1, assessment);
  return one_row<Withdrawal>(query, [](Statement& row) {
    return Withdrawal{row.column_int(0), row.column_int(1), row.column_text(2), row.column_int(3)};
  });
}

Result<void> ConnectionWriter::insert_withdrawal(const Withdrawal& withdrawal) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO assessment_withdrawal (assessment, account, "
                                         "reason, at) VALUES ($1, $2, $3, $4)"));
  query->bind(1, withdrawal.assessment)
      .bind(2, withdrawal.account)
      .bind(3, std::string_view(withdrawal.reason))
      .bind(4, withdrawal.at);
  return run_write(query, fmt::format("assessment {} was already withdrawn, or does not exist",
                                      withdrawal.assessment));
}

Result<std::vector<Agreement>> ConnectionWriter::agreements(Id self_assessment,
                                                            Id manager_assessment) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("SELECT self_assessment, manager_assessment, statement, "
                                         "scale, note, account, at FROM agreement WHERE "
                                         "self_assessment = $1 AND manager_assessment = $2 "
                                         "ORDER BY statement"));
  query->bind(1, self_assessment).bind(2, manager_assessment);
  return all_rows<Agreement>(query, [](Statement& row) {
    return Agreement{row.column_int(0),  row.column_int(1), row.column_text(2), row.column_text(3),
                     row.column_text(4), row.column_int(5), row.column_int(6)};
  });
}

Result<void> ConnectionWriter::put_agreement(const Agreement& agreement) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("INSERT INTO agreement (self_assessment, manager_assessment, "
                             "statement, scale, note, account, at) VALUES ($1, $2, "
                             "$3, $4, $5, $6, $7) ON CONFLICT (self_assessment, "
                             "manager_assessment, statement) DO UPDATE SET scale = "
                             "excluded.scale, note = excluded.note, account = "
                             "excluded.account, at = excluded.at"));
  query->bind(1, agreement.self_assessment)
      .bind(2, agreement.manager_assessment)
      .bind(3, std::string_view(agreement.statement))
      .bind(4, std::string_view(agreement.scale))
      .bind(5, std::string_view(agreement.note))
      .bind(6, agreement.account)
      .bind(7, agreement.at);
  return run_write(query, fmt::format("assessment {} or {}, or account {}, does not exist",
                                      agreement.self_assessment, agreement.manager_assessment,
                                      agreement.account));
}

Result<void> ConnectionWriter::put_frozen_ladder(const FrozenLadder& ladder) {
  RUNG_TRY_ASSIGN(const auto stored, frozen_ladder(ladder.digest));
  if (stored) {
    if (stored->content != ladder.content) {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("ladder {} is stored with other content", ladder.digest));
    }
    return {};
  }
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO frozen_ladder (digest, content, created_at) "
                                         "VALUES ($1, $2, $3)"));
  query->bind(1, std::string_view(ladder.digest))
      .bind(2, std::string_view(ladder.content))
      .bind(3, ladder.created_at);
  return run_write(query, fmt::format("ladder {} could not be stored", ladder.digest));
}

Result<Id> ConnectionWriter::insert_growth_plan(const GrowthPlanRecord& plan) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO growth_plan (id, person, target_level, "
                                         "created_at) VALUES ((SELECT coalesce(max(id), 0) + 1 "
                                         "FROM growth_plan), $1, $2, $3) RETURNING id"));
  query->bind(1, plan.person).bind(2, std::string_view(plan.target_level)).bind(3, plan.created_at);
  RUNG_TRY(run_write(query, fmt::format("no person with id {}", plan.person)));
  return m_db.last_insert_id();
}

Result<void> ConnectionWriter::put_plan_item(const PlanItem& item) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("INSERT INTO growth_plan_item (plan, statement, done, "
                                         "evidence, note, target_date, done_by, done_at) VALUES "
                                         "($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (plan, "
                                         "statement) DO UPDATE SET done = excluded.done, "
                                         "evidence = excluded.evidence, note = excluded.note, "
                                         "target_date = excluded.target_date, done_by = "
                                         "excluded.done_by, done_at = excluded.done_at"));
  query->bind(1, item.plan)
      .bind(2, std::string_view(item.statement))
      .bind_bool(3, item.done)
      .bind(4, std::string_view(json_list(item.evidence)))
      .bind(5, std::string_view(item.note))
      .bind(6, std::string_view(item.target_date))
      .bind(7, std::string_view(item.done_by))
      .bind(8, item.done_at);
  return run_write(query, fmt::format("no growth plan with id {}", item.plan));
}

Result<void> ConnectionWriter::delete_rating(Id assessment, std::string_view statement) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("DELETE FROM rating WHERE assessment = $1 AND statement = $2"));
  query->bind(1, assessment).bind(2, statement);
  return run_write(query, fmt::format("no assessment with id {}", assessment));
}

Result<void> ConnectionWriter::update_evidence(const Evidence& e) {
  RUNG_TRY_ASSIGN(auto query, m_db.query("UPDATE evidence SET statement = $1, text = $2, date = $3 "
                                         "WHERE id = $4"));
  query->bind(1, std::string_view(e.statement))
      .bind(2, std::string_view(e.text))
      .bind(3, std::string_view(e.date))
      .bind(4, e.id);
  RUNG_TRY(run_write(query, fmt::format("no evidence with id {}", e.id)));
  if (m_db.changes() == 0) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no evidence with id {}", e.id));
  }
  return {};
}

Result<void> ConnectionWriter::delete_plan_item(Id plan, std::string_view statement) {
  RUNG_TRY_ASSIGN(auto query,
                  m_db.query("DELETE FROM growth_plan_item WHERE plan = $1 AND statement = $2"));
  query->bind(1, plan).bind(2, statement);
  return run_write(query, fmt::format("no growth plan with id {}", plan));
}

}  // namespace rung::store::postgres
