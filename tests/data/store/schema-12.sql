-- Rung's SQLite schema 12, as `sqlite3 rung.db .schema` prints a database that rung created
-- (less SQLite's own sqlite_sequence). Never edit: the migration tests upgrade from it.
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
, disabled_at INTEGER NOT NULL DEFAULT 0);
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
  evidence TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', target_date TEXT NOT NULL DEFAULT '', done_by TEXT NOT NULL DEFAULT '', done_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (plan, statement)
) WITHOUT ROWID;
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
CREATE TABLE login_state (
  state_hash TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  next TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX login_state_created_at ON login_state (created_at);
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
PRAGMA user_version = 12;
