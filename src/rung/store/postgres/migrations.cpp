#include "rung/store/postgres/migrations.hpp"

#include <array>

#include <fmt/format.h>

namespace rung::store::postgres {

namespace {

// The tables and columns are those of the SQLite store (sqlite/migrations.cpp), migration by
// migration; only the dialect differs. Ids and times (Millis) are BIGINT; ids are assigned by
// the store as the largest id + 1 inside the inserting transaction (so a rolled-back insert
// leaves no gap, as in SQLite), not by a sequence. Booleans stay 0/1 integers. Statement ids
// sort in byte order (COLLATE "C"), as SQLite sorts text, whatever the database's locale.

// Schema 1: people, accounts, sessions, audit.
constexpr std::string_view k_schema_1 = R"sql(
CREATE TABLE person (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  manager BIGINT REFERENCES person (id),
  track TEXT NOT NULL,
  level TEXT NOT NULL,
  start_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'left'))
);
CREATE INDEX person_manager ON person (manager);

CREATE TABLE account (
  id BIGINT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  admin INTEGER NOT NULL CHECK (admin IN (0, 1)),
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  account BIGINT NOT NULL REFERENCES account (id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX session_account ON session (account);

CREATE TABLE audit (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL
);
CREATE INDEX audit_actor ON audit (actor, id);
CREATE INDEX audit_subject ON audit (subject, id);
CREATE INDEX audit_at ON audit (at);
)sql";

// Schema 2: review cycles, assessments, ratings, evidence, snapshots, growth plans. Rows that
// are written once refuse UPDATE and DELETE through rung_refuse_change, which raises the
// message it is given (SQLSTATE P0001: a conflict to the store).
constexpr std::string_view k_schema_2 = R"sql(
CREATE FUNCTION rung_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

CREATE TABLE review_cycle (
  id BIGINT PRIMARY KEY,
  name TEXT NOT NULL,
  starts TEXT NOT NULL,
  ends TEXT NOT NULL,
  tracks TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
);

CREATE TABLE assessment (
  id BIGINT PRIMARY KEY,
  person BIGINT NOT NULL REFERENCES person (id),
  author_role TEXT NOT NULL CHECK (author_role IN ('self', 'manager')),
  author_account BIGINT NOT NULL REFERENCES account (id),
  author_person BIGINT REFERENCES person (id),
  level TEXT NOT NULL,
  cycle BIGINT REFERENCES review_cycle (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  submitted_at BIGINT NOT NULL
);
CREATE INDEX assessment_person ON assessment (person, id);

CREATE TABLE rating (
  assessment BIGINT NOT NULL REFERENCES assessment (id),
  statement TEXT COLLATE "C" NOT NULL,
  scale TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (assessment, statement)
);

CREATE TABLE evidence (
  id BIGINT PRIMARY KEY,
  assessment BIGINT NOT NULL REFERENCES assessment (id),
  statement TEXT NOT NULL,
  text TEXT NOT NULL,
  date TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX evidence_assessment ON evidence (assessment, id);

CREATE TABLE assessment_snapshot (
  assessment BIGINT PRIMARY KEY REFERENCES assessment (id),
  content TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TRIGGER assessment_snapshot_no_change BEFORE UPDATE OR DELETE ON assessment_snapshot
FOR EACH ROW EXECUTE FUNCTION rung_refuse_change('assessment snapshots are immutable');

CREATE TABLE growth_plan (
  id BIGINT PRIMARY KEY,
  person BIGINT NOT NULL REFERENCES person (id),
  target_level TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX growth_plan_person ON growth_plan (person, id);

CREATE TABLE growth_plan_item (
  plan BIGINT NOT NULL REFERENCES growth_plan (id),
  statement TEXT COLLATE "C" NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  evidence TEXT NOT NULL,
  PRIMARY KEY (plan, statement)
);
)sql";

// Schema 3: ladder versions stored once, and the counter of changes to people
// (Reader::people_version), moved by a statement trigger on person.
constexpr std::string_view k_schema_3 = R"sql(
CREATE TABLE frozen_ladder (
  digest TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TRIGGER frozen_ladder_no_change BEFORE UPDATE OR DELETE ON frozen_ladder
FOR EACH ROW EXECUTE FUNCTION rung_refuse_change('frozen ladders are immutable');

CREATE TABLE counter (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
CREATE FUNCTION rung_count_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO counter (name, value) VALUES ('people', 1)
  ON CONFLICT (name) DO UPDATE SET value = counter.value + 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER person_counted AFTER INSERT OR UPDATE OR DELETE ON person
FOR EACH STATEMENT EXECUTE FUNCTION rung_count_people();
)sql";

// Schema 4: promotion cases.
constexpr std::string_view k_schema_4 = R"sql(
CREATE TABLE promotion_case (
  id BIGINT PRIMARY KEY,
  person BIGINT NOT NULL REFERENCES person (id),
  from_track TEXT NOT NULL,
  from_level TEXT NOT NULL,
  target_track TEXT NOT NULL,
  target_level TEXT NOT NULL,
  cycle BIGINT REFERENCES review_cycle (id),
  opened_by_account BIGINT NOT NULL REFERENCES account (id),
  opened_by_person BIGINT REFERENCES person (id),
  manager_case TEXT NOT NULL,
  statement TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review', 'decided')),
  outcome TEXT CHECK (outcome IN ('approved', 'not_now', 'withdrawn')),
  rationale TEXT NOT NULL,
  decided_by BIGINT REFERENCES account (id),
  decided_at BIGINT NOT NULL,
  effective_date TEXT NOT NULL,
  published INTEGER NOT NULL CHECK (published IN (0, 1)),
  published_at BIGINT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX promotion_case_person ON promotion_case (person, id);
CREATE INDEX promotion_case_cycle ON promotion_case (cycle, id);
)sql";

// Schema 5: withdrawn assessments, written once (the status column keeps SQLite's values, so
// that both stores hold the same rows).
constexpr std::string_view k_schema_5 = R"sql(
CREATE TABLE assessment_withdrawal (
  assessment BIGINT PRIMARY KEY REFERENCES assessment (id),
  account BIGINT NOT NULL REFERENCES account (id),
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE TRIGGER assessment_withdrawal_no_change BEFORE UPDATE OR DELETE ON assessment_withdrawal
FOR EACH ROW EXECUTE FUNCTION rung_refuse_change('withdrawals are immutable');
)sql";

// Schema 6: calibration sessions (docs/calibration.md). A session's calibrators, levels and
// guideline are JSON lists (rung::review checks what they name); pre-votes are one per
// calibrator and subject; decisions are written once, like snapshots.
constexpr std::string_view k_schema_6 = R"sql(
CREATE TABLE calibration_session (
  id BIGINT PRIMARY KEY,
  cycle BIGINT NOT NULL REFERENCES review_cycle (id),
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('subtree', 'track', 'levels')),
  scope_person BIGINT REFERENCES person (id),
  scope_track TEXT NOT NULL,
  scope_levels TEXT NOT NULL,
  facilitator BIGINT NOT NULL REFERENCES account (id),
  calibrators TEXT NOT NULL,
  guideline TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('preparing', 'discussing', 'closed')),
  created_by BIGINT NOT NULL REFERENCES account (id),
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  opened_at BIGINT NOT NULL,
  closed_at BIGINT NOT NULL
);
CREATE INDEX calibration_session_cycle ON calibration_session (cycle, id);
CREATE TABLE pre_vote (
  session BIGINT NOT NULL REFERENCES calibration_session (id),
  calibrator BIGINT NOT NULL REFERENCES account (id),
  subject TEXT NOT NULL CHECK (subject IN ('outcome', 'case')),
  subject_id BIGINT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('agree', 'disagree', 'question')),
  note TEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (session, calibrator, subject, subject_id)
);
CREATE TABLE calibration_decision (
  id BIGINT PRIMARY KEY,
  session BIGINT NOT NULL REFERENCES calibration_session (id),
  person BIGINT NOT NULL REFERENCES person (id),
  assessment BIGINT NOT NULL REFERENCES assessment (id),
  statement TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  reason TEXT NOT NULL,
  account BIGINT NOT NULL REFERENCES account (id),
  at BIGINT NOT NULL
);
CREATE INDEX calibration_decision_session ON calibration_decision (session, id);
CREATE TRIGGER calibration_decision_no_change BEFORE UPDATE OR DELETE ON calibration_decision
FOR EACH ROW EXECUTE FUNCTION rung_refuse_change('calibration decisions are immutable');
)sql";

// Schema 7: personal access tokens for the API. Like sessions, only the digest of a token is
// kept. Times are Millis; 0 means "never" (expires, last used) or "not revoked".
constexpr std::string_view k_schema_7 = R"sql(
CREATE TABLE api_token (
  id BIGINT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account BIGINT NOT NULL REFERENCES account (id),
  name TEXT NOT NULL,
  read_only INTEGER NOT NULL CHECK (read_only IN (0, 1)),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL,
  revoked_at BIGINT NOT NULL
);
CREATE INDEX api_token_account ON api_token (account);
)sql";

// Schema 8: agreements of the conversation (as in the SQLite store); rows are replaced when
// recorded again. Written against schema 5 (6 and 7 are renumbered at merge).
constexpr std::string_view k_schema_8 = R"sql(
CREATE TABLE agreement (
  self_assessment BIGINT NOT NULL REFERENCES assessment (id),
  manager_assessment BIGINT NOT NULL REFERENCES assessment (id),
  statement TEXT NOT NULL,
  scale TEXT NOT NULL,
  note TEXT NOT NULL,
  account BIGINT NOT NULL REFERENCES account (id),
  at BIGINT NOT NULL,
  PRIMARY KEY (self_assessment, manager_assessment, statement)
);
)sql";

// Schema 9: growth plans people can work with: a note and a target date per item, and who
// ticked it and when (the account's login, as the audit log names actors; "" and 0 while not
// done).
constexpr std::string_view k_schema_9 = R"sql(
ALTER TABLE growth_plan_item ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE growth_plan_item ADD COLUMN target_date TEXT NOT NULL DEFAULT '';
ALTER TABLE growth_plan_item ADD COLUMN done_by TEXT NOT NULL DEFAULT '';
ALTER TABLE growth_plan_item ADD COLUMN done_at BIGINT NOT NULL DEFAULT 0;
)sql";

// Schema 10: OpenID Connect sign-ins under way (auth/oidc_sign_in.hpp): one row from the
// redirect to the provider until the browser comes back (taken once) or it expires (about 10
// minutes). In the store, not in memory, so that another instance behind the load balancer can
// take the callback. Not copied by `rung store copy`: a row lives minutes and a copy is made
// with the service stopped; a sign-in under way during a copy is simply begun again.
constexpr std::string_view k_schema_10 = R"sql(
CREATE TABLE login_state (
  state_hash TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  next TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX login_state_created_at ON login_state (created_at);
)sql";

// Schema 11: accounts an admin disables (docs/auth.md, "Disabled accounts"): when it was
// disabled, 0 while the account may sign in. Deleting an account needs no column (the store
// refuses while anything names it: store.hpp's AccountReferences).
constexpr std::string_view k_schema_11 = R"sql(
ALTER TABLE account ADD COLUMN disabled_at BIGINT NOT NULL DEFAULT 0;
)sql";

// Schema 12: what several `rung serve` processes on one database must share (docs/deploy.md).
// Failed sign-ins per throttle key (auth/throttle.hpp: a digest of the login or the client
// address), counted per millisecond, so that a lock made through one instance holds on all;
// pruned once they leave the window. CSV uploads waiting for Apply (web/shell/imports.hpp),
// found by the digest of an unguessable token, so that a dry run made on one instance can be
// applied on another; the content is emptied at apply and the row deleted when it expires (an
// hour). Neither is copied by `rung store copy`: both live minutes, and a copy is made with the
// service stopped.
constexpr std::string_view k_schema_12 = R"sql(
CREATE TABLE sign_in_failure (
  key TEXT NOT NULL,
  at BIGINT NOT NULL,
  failures BIGINT NOT NULL,
  PRIMARY KEY (key, at)
);
CREATE INDEX sign_in_failure_at ON sign_in_failure (at);

CREATE TABLE pending_import (
  token_hash TEXT PRIMARY KEY,
  actor TEXT NOT NULL,
  filename TEXT NOT NULL,
  content TEXT NOT NULL,
  people_version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  applied_at BIGINT NOT NULL
);
CREATE INDEX pending_import_created_at ON pending_import (created_at);
)sql";

constexpr std::array k_migrations{
    Migration{1, k_schema_1},   Migration{2, k_schema_2},   Migration{3, k_schema_3},
    Migration{4, k_schema_4},   Migration{5, k_schema_5},   Migration{6, k_schema_6},
    Migration{7, k_schema_7},   Migration{8, k_schema_8},   Migration{9, k_schema_9},
    Migration{10, k_schema_10}, Migration{11, k_schema_11}, Migration{12, k_schema_12},
};

// Any number: the key of the advisory lock rung's migrations take ("rung" in ASCII).
constexpr std::string_view k_lock = "SELECT pg_advisory_xact_lock(1920298599)";

Result<int> apply_pending(Connection& connection, std::span<const Migration> migrations,
                          std::string_view where) {
  RUNG_TRY(connection.exec(k_lock));
  RUNG_TRY(
      connection.exec("CREATE TABLE IF NOT EXISTS rung_schema (version INTEGER PRIMARY KEY, "
                      "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
  RUNG_TRY_ASSIGN(const int current, schema_version(connection));
  const int latest = latest_version(migrations);
  if (current > latest) {
    return fail(ErrorKind::internal, "store.too-new",
                fmt::format("the database at {} has schema {}; this rung knows up to {}", where,
                            current, latest),
                {}, "use a newer rung");
  }
  for (const auto& migration : migrations) {
    if (migration.version <= current) {
      continue;
    }
    if (auto applied = connection.exec(migration.sql); !applied) {
      return fail(ErrorKind::internal, "store.migration",
                  fmt::format("migrating the database at {} to schema {} failed: {}", where,
                              migration.version, applied.error().message),
                  {}, "nothing was changed; report this with the output of `rung --version`");
    }
    RUNG_TRY_ASSIGN(auto record, connection.query("INSERT INTO rung_schema (version) VALUES ($1)"));
    record->bind(1, std::int64_t{migration.version});
    RUNG_TRY(record->run());
  }
  return latest > current ? latest : current;
}

}  // namespace

std::span<const Migration> schema_migrations() {
  return k_migrations;
}

int latest_version(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<int> schema_version(Connection& connection) {
  RUNG_TRY_ASSIGN(const auto exists,
                  connection.query_int("SELECT count(*) FROM pg_catalog.pg_tables WHERE "
                                       "schemaname = current_schema() AND tablename = "
                                       "'rung_schema'"));
  if (exists == 0) {
    return 0;
  }
  RUNG_TRY_ASSIGN(const auto version,
                  connection.query_int("SELECT coalesce(max(version), 0) FROM rung_schema"));
  return static_cast<int>(version);
}

Result<int> migrate(Connection& connection, std::span<const Migration> migrations,
                    std::string_view where) {
  RUNG_TRY(connection.exec("BEGIN"));
  auto version = apply_pending(connection, migrations, where);
  if (!version) {
    (void)connection.exec("ROLLBACK");
    return version;
  }
  if (auto committed = connection.exec("COMMIT"); !committed) {
    (void)connection.exec("ROLLBACK");
    return tl::unexpected(committed.error());
  }
  return version;
}

}  // namespace rung::store::postgres
