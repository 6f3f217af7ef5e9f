#include "rung/store/sqlite/migrations.hpp"

#include <array>

#include <fmt/format.h>

namespace rung::store::sqlite {

namespace {

// Schema 1: people, accounts, sessions, audit. Booleans are 0/1; times are Millis (UTC).
constexpr std::string_view k_schema_1 = R"sql(
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  manager INTEGER REFERENCES person (id),
  track TEXT NOT NULL,
  level TEXT NOT NULL,
  start_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'left'))
);
CREATE INDEX person_manager ON person (manager);

CREATE TABLE account (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  admin INTEGER NOT NULL CHECK (admin IN (0, 1)),
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  account INTEGER NOT NULL REFERENCES account (id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_account ON session (account);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
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

// Schema 2: review cycles, assessments (ratings, evidence, the snapshot frozen at submit) and
// growth plans. Lists (a cycle's tracks, an item's evidence ids) are JSON arrays in TEXT.
constexpr std::string_view k_schema_2 = R"sql(
CREATE TABLE review_cycle (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  starts TEXT NOT NULL,
  ends TEXT NOT NULL,
  tracks TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed'))
);

CREATE TABLE assessment (
  id INTEGER PRIMARY KEY,
  person INTEGER NOT NULL REFERENCES person (id),
  author_role TEXT NOT NULL CHECK (author_role IN ('self', 'manager')),
  author_account INTEGER NOT NULL REFERENCES account (id),
  author_person INTEGER REFERENCES person (id),
  level TEXT NOT NULL,
  cycle INTEGER REFERENCES review_cycle (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  submitted_at INTEGER NOT NULL
);
CREATE INDEX assessment_person ON assessment (person, id);

CREATE TABLE rating (
  assessment INTEGER NOT NULL REFERENCES assessment (id),
  statement TEXT NOT NULL,
  scale TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (assessment, statement)
) WITHOUT ROWID;

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  assessment INTEGER NOT NULL REFERENCES assessment (id),
  statement TEXT NOT NULL,
  text TEXT NOT NULL,
  date TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX evidence_assessment ON evidence (assessment, id);

CREATE TABLE assessment_snapshot (
  assessment INTEGER PRIMARY KEY REFERENCES assessment (id),
  content TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TRIGGER assessment_snapshot_no_update BEFORE UPDATE ON assessment_snapshot
BEGIN SELECT RAISE(ABORT, 'assessment snapshots are immutable'); END;
CREATE TRIGGER assessment_snapshot_no_delete BEFORE DELETE ON assessment_snapshot
BEGIN SELECT RAISE(ABORT, 'assessment snapshots are immutable'); END;

CREATE TABLE growth_plan (
  id INTEGER PRIMARY KEY,
  person INTEGER NOT NULL REFERENCES person (id),
  target_level TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX growth_plan_person ON growth_plan (person, id);

CREATE TABLE growth_plan_item (
  plan INTEGER NOT NULL REFERENCES growth_plan (id),
  statement TEXT NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  evidence TEXT NOT NULL,
  PRIMARY KEY (plan, statement)
) WITHOUT ROWID;
)sql";

// Schema 3: ladder versions stored once and shared by the snapshots submitted under them
// (a snapshot used to carry the whole ladder, ~44 KB for the built-in one, on every submit).
// Snapshots written before keep their embedded ladder and stay readable. And a counter of
// changes to people, kept by triggers, so that caches of the org chart notice another process's
// import without re-reading everyone after every rating saved (Reader::people_version).
constexpr std::string_view k_schema_3 = R"sql(
CREATE TABLE frozen_ladder (
  digest TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER frozen_ladder_no_update BEFORE UPDATE ON frozen_ladder
BEGIN SELECT RAISE(ABORT, 'frozen ladders are immutable'); END;
CREATE TRIGGER frozen_ladder_no_delete BEFORE DELETE ON frozen_ladder
BEGIN SELECT RAISE(ABORT, 'frozen ladders are immutable'); END;

CREATE TABLE counter (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER person_counted_insert AFTER INSERT ON person
BEGIN
  INSERT INTO counter (name, value) VALUES ('people', 1)
  ON CONFLICT (name) DO UPDATE SET value = value + 1;
END;
CREATE TRIGGER person_counted_update AFTER UPDATE ON person
BEGIN
  INSERT INTO counter (name, value) VALUES ('people', 1)
  ON CONFLICT (name) DO UPDATE SET value = value + 1;
END;
CREATE TRIGGER person_counted_delete AFTER DELETE ON person
BEGIN
  INSERT INTO counter (name, value) VALUES ('people', 1)
  ON CONFLICT (name) DO UPDATE SET value = value + 1;
END;
)sql";

// Schema 4: promotion cases (review::Service's promotions; docs/promotions.md). The person's
// track and level when the case was opened are kept, so an HRIS import that would set them back
// after an approval can be recognised.
constexpr std::string_view k_schema_4 = R"sql(
CREATE TABLE promotion_case (
  id INTEGER PRIMARY KEY,
  person INTEGER NOT NULL REFERENCES person (id),
  from_track TEXT NOT NULL,
  from_level TEXT NOT NULL,
  target_track TEXT NOT NULL,
  target_level TEXT NOT NULL,
  cycle INTEGER REFERENCES review_cycle (id),
  opened_by_account INTEGER NOT NULL REFERENCES account (id),
  opened_by_person INTEGER REFERENCES person (id),
  manager_case TEXT NOT NULL,
  statement TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'in_review', 'decided')),
  outcome TEXT CHECK (outcome IN ('approved', 'not_now', 'withdrawn')),
  rationale TEXT NOT NULL,
  decided_by INTEGER REFERENCES account (id),
  decided_at INTEGER NOT NULL,
  effective_date TEXT NOT NULL,
  published INTEGER NOT NULL CHECK (published IN (0, 1)),
  published_at INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX promotion_case_person ON promotion_case (person, id);
CREATE INDEX promotion_case_cycle ON promotion_case (cycle, id);
)sql";

// Schema 5: withdrawn assessments. A submitted assessment taken back (by its author or an
// admin, with a reason) keeps its row, ratings and snapshot; this row says it was withdrawn,
// and reads report the status "withdrawn" (the status column's CHECK cannot be widened in
// place). Written once, like snapshots.
constexpr std::string_view k_schema_5 = R"sql(
CREATE TABLE assessment_withdrawal (
  assessment INTEGER PRIMARY KEY REFERENCES assessment (id),
  account INTEGER NOT NULL REFERENCES account (id),
  reason TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TRIGGER assessment_withdrawal_no_update BEFORE UPDATE ON assessment_withdrawal
BEGIN SELECT RAISE(ABORT, 'withdrawals are immutable'); END;
CREATE TRIGGER assessment_withdrawal_no_delete BEFORE DELETE ON assessment_withdrawal
BEGIN SELECT RAISE(ABORT, 'withdrawals are immutable'); END;
)sql";

// Schema 6: calibration sessions (docs/calibration.md). A session's calibrators, levels and
// guideline are JSON lists (rung::review checks what they name); pre-votes are one per
// calibrator and subject; decisions are written once, like snapshots.
constexpr std::string_view k_schema_6 = R"sql(
CREATE TABLE calibration_session (
  id INTEGER PRIMARY KEY,
  cycle INTEGER NOT NULL REFERENCES review_cycle (id),
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('subtree', 'track', 'levels')),
  scope_person INTEGER REFERENCES person (id),
  scope_track TEXT NOT NULL,
  scope_levels TEXT NOT NULL,
  facilitator INTEGER NOT NULL REFERENCES account (id),
  calibrators TEXT NOT NULL,
  guideline TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('preparing', 'discussing', 'closed')),
  created_by INTEGER NOT NULL REFERENCES account (id),
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER NOT NULL
);
CREATE INDEX calibration_session_cycle ON calibration_session (cycle, id);
CREATE TABLE pre_vote (
  session INTEGER NOT NULL REFERENCES calibration_session (id),
  calibrator INTEGER NOT NULL REFERENCES account (id),
  subject TEXT NOT NULL CHECK (subject IN ('outcome', 'case')),
  subject_id INTEGER NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('agree', 'disagree', 'question')),
  note TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (session, calibrator, subject, subject_id)
) WITHOUT ROWID;
CREATE TABLE calibration_decision (
  id INTEGER PRIMARY KEY,
  session INTEGER NOT NULL REFERENCES calibration_session (id),
  person INTEGER NOT NULL REFERENCES person (id),
  assessment INTEGER NOT NULL REFERENCES assessment (id),
  statement TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  reason TEXT NOT NULL,
  account INTEGER NOT NULL REFERENCES account (id),
  at INTEGER NOT NULL
);
CREATE INDEX calibration_decision_session ON calibration_decision (session, id);
CREATE TRIGGER calibration_decision_no_update BEFORE UPDATE ON calibration_decision
BEGIN SELECT RAISE(ABORT, 'calibration decisions are immutable'); END;
CREATE TRIGGER calibration_decision_no_delete BEFORE DELETE ON calibration_decision
BEGIN SELECT RAISE(ABORT, 'calibration decisions are immutable'); END;
)sql";

// Schema 7: personal access tokens for the API. Like sessions, only the digest of a token is
// kept. Times are Millis; 0 means "never" (expires, last used) or "not revoked".
constexpr std::string_view k_schema_7 = R"sql(
CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account INTEGER NOT NULL REFERENCES account (id),
  name TEXT NOT NULL,
  read_only INTEGER NOT NULL CHECK (read_only IN (0, 1)),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL,
  revoked_at INTEGER NOT NULL
);
CREATE INDEX api_token_account ON api_token (account);
)sql";

// Schema 8: the conversation after both submitted. Per statement of a self and a manager
// assessment of the same level, the rating the two agreed on and a note, recorded by the
// manager (rung::review); recording again replaces the row, and each change is in the audit
// log. Written against schema 5 (6 and 7 come from parallel work and are renumbered at merge).
constexpr std::string_view k_schema_8 = R"sql(
CREATE TABLE agreement (
  self_assessment INTEGER NOT NULL REFERENCES assessment (id),
  manager_assessment INTEGER NOT NULL REFERENCES assessment (id),
  statement TEXT NOT NULL,
  scale TEXT NOT NULL,
  note TEXT NOT NULL,
  account INTEGER NOT NULL REFERENCES account (id),
  at INTEGER NOT NULL,
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
ALTER TABLE growth_plan_item ADD COLUMN done_at INTEGER NOT NULL DEFAULT 0;
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
  created_at INTEGER NOT NULL
);
CREATE INDEX login_state_created_at ON login_state (created_at);
)sql";

// Schema 11: accounts an admin disables (docs/auth.md, "Disabled accounts"): when it was
// disabled, 0 while the account may sign in. Deleting an account needs no column (the store
// refuses while anything names it: store.hpp's AccountReferences).
constexpr std::string_view k_schema_11 = R"sql(
ALTER TABLE account ADD COLUMN disabled_at INTEGER NOT NULL DEFAULT 0;
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
  at INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  PRIMARY KEY (key, at)
) WITHOUT ROWID;
CREATE INDEX sign_in_failure_at ON sign_in_failure (at);

CREATE TABLE pending_import (
  token_hash TEXT PRIMARY KEY,
  actor TEXT NOT NULL,
  filename TEXT NOT NULL,
  content TEXT NOT NULL,
  people_version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  applied_at INTEGER NOT NULL
);
CREATE INDEX pending_import_created_at ON pending_import (created_at);
)sql";

constexpr std::array k_migrations{
    Migration{1, k_schema_1},   Migration{2, k_schema_2},   Migration{3, k_schema_3},
    Migration{4, k_schema_4},   Migration{5, k_schema_5},   Migration{6, k_schema_6},
    Migration{7, k_schema_7},   Migration{8, k_schema_8},   Migration{9, k_schema_9},
    Migration{10, k_schema_10}, Migration{11, k_schema_11}, Migration{12, k_schema_12},
};

Result<int> apply_pending(Connection& connection, std::span<const Migration> migrations) {
  RUNG_TRY_ASSIGN(const auto current, connection.query_int("PRAGMA user_version"));
  const int latest = latest_version(migrations);
  if (current > latest) {
    return fail(ErrorKind::internal, "store.too-new",
                fmt::format("the database at {} has schema {}; this rung knows up to {}",
                            connection.file().string(), current, latest),
                {}, "use a newer rung");
  }
  for (const auto& migration : migrations) {
    if (migration.version <= current) {
      continue;
    }
    if (auto applied = connection.exec(migration.sql); !applied) {
      return fail(
          ErrorKind::internal, "store.migration",
          fmt::format("migrating the database at {} to schema {} failed: {}",
                      connection.file().string(), migration.version, applied.error().message),
          {}, "nothing was changed; report this with the output of `rung --version`");
    }
    // PRAGMA takes no parameters; the number comes from the list above, not from input.
    RUNG_TRY(connection.exec(fmt::format("PRAGMA user_version = {}", migration.version)));
  }
  return latest > current ? latest : static_cast<int>(current);
}

}  // namespace

std::span<const Migration> schema_migrations() {
  return k_migrations;
}

int latest_version(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<int> migrate(Connection& connection, std::span<const Migration> migrations) {
  RUNG_TRY(connection.exec("BEGIN IMMEDIATE"));
  auto version = apply_pending(connection, migrations);
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

}  // namespace rung::store::sqlite
