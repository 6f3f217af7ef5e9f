#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/store/calibration_records.hpp"
#include "rung/store/review_records.hpp"

// Rung's storage boundary: who works here, who may sign in, their sessions, the audit log, and
// assessments (review_records.hpp).
// Callers see only these value types and the Reader / Writer / Store interfaces; the SQLite
// implementation (sqlite/store.hpp) is the embedded default, the in-memory one
// (memory/store.hpp) serves unit tests, and a PostgreSQL one can follow without touching
// callers. Implementations build on store_base.hpp. Every operation returns its failure as a
// value (code "store.*").
namespace rung::store {

enum class PersonStatus { active, left };

std::string_view to_string(PersonStatus status);  // "active" / "left"

struct Person {
  Id id = 0;                  // assigned by the store on insert
  std::string name;           // as the HRIS spells it
  std::string email;          // unique, kept lower-case; the link to an Account's login
  std::optional<Id> manager;  // the Person this one reports to
  std::string track;          // ladder track id ("swe")
  std::string level;          // ladder level id ("swe-3")
  std::string start_date;     // "YYYY-MM-DD", or "" when unknown
  PersonStatus status = PersonStatus::active;

  friend bool operator==(const Person&, const Person&) = default;
};

// Someone who may sign in. An account belongs to the Person whose email equals its login (an
// admin need not be a person).
struct Account {
  Id id = 0;                          // assigned by the store on insert
  std::string login;                  // an email address, lower-case, unique
  std::string password_hash;          // libsodium's Argon2id string; never the password
  bool admin = false;                 // admin/HR: sees and changes everything
  bool must_change_password = false;  // set by a one-time or reset password
  Millis created_at = 0;
  Millis password_changed_at = 0;
  Millis disabled_at = 0;  // schema 11: when an admin disabled it; 0 while it may sign in

  bool disabled() const { return disabled_at != 0; }

  friend bool operator==(const Account&, const Account&) = default;
};

// A signed-in browser. The cookie holds a random token; the store keeps only its hash, so a
// leaked database does not sign anyone in, and any instance can check any session.
struct Session {
  std::string token_hash;  // hex digest of the cookie token
  Id account = 0;
  std::string csrf_token;   // echoed by every state-changing form of this session
  Millis created_at = 0;    // for the absolute expiry
  Millis last_seen_at = 0;  // for the idle expiry

  friend bool operator==(const Session&, const Session&) = default;
};

// A personal access token (schema 7): a script's way into /api/v1 with its owner's rights.
// Like a session, the store keeps only the digest of the token (auth::token_hash); the token
// itself is shown once, when it is made. A revoked or expired token stays listed.
struct ApiToken {
  Id id = 0;               // assigned by the store on insert
  std::string token_hash;  // hex digest of the token; unique
  Id account = 0;          // whose rights it carries
  std::string name;        // its owner's name for it ("CI export")
  bool read_only = false;  // refused on writes
  Millis created_at = 0;
  Millis expires_at = 0;    // 0: never expires
  Millis last_used_at = 0;  // 0: never used; written at most once a minute
  Millis revoked_at = 0;    // 0: not revoked

  friend bool operator==(const ApiToken&, const ApiToken&) = default;
};

// A sign-in at an OpenID Connect provider under way (schema 10; auth/oidc_sign_in.hpp): made
// when Rung sends the browser to the provider, taken (read and deleted at once) when the
// browser comes back, so that any instance can finish what another began, and only once. The
// store keeps the digest of the `state` parameter, never the state itself.
struct LoginState {
  std::string state_hash;     // hex digest of the state parameter; unique
  std::string nonce;          // the nonce the ID token must carry
  std::string code_verifier;  // PKCE: sent with the code, proves we began this sign-in
  std::string next;           // the local page to go to afterwards ("/" at least)
  Millis created_at = 0;      // for the expiry (auth: about 10 minutes)

  friend bool operator==(const LoginState&, const LoginState&) = default;
};

// --- Accounts an admin disables or deletes (schema 11) ---------------------------------------
// What names an account, and so keeps it from being deleted (Reader::account_references): the
// author of an assessment, a withdrawal, an agreement, a promotion case (opened or decided), a
// calibration session (facilitator, creator or calibrator), a pre-vote or a decision; who
// ticked a growth plan item (by login); and the actor of audit entries (by login). An account
// nothing names (made by a typo in a login) can go; any other can only be disabled.
struct AccountReferences {
  std::size_t assessments = 0;
  std::size_t withdrawals = 0;
  std::size_t agreements = 0;
  std::size_t promotion_cases = 0;
  std::size_t calibration_sessions = 0;
  std::size_t pre_votes = 0;
  std::size_t calibration_decisions = 0;
  std::size_t plan_ticks = 0;
  std::size_t audit_entries = 0;

  bool any() const {
    return assessments + withdrawals + agreements + promotion_cases + calibration_sessions +
               pre_votes + calibration_decisions + plan_ticks + audit_entries !=
           0;
  }
  friend bool operator==(const AccountReferences&, const AccountReferences&) = default;
};
// --- end of schema 11 -----------------------------------------------------------------------

// ---- Several instances on one store (schema 12; docs/deploy.md). State that lived in one
// process's memory before, kept here so that every `rung serve` on the store sees it. Grouped
// (here and in Writer) to keep merges simple.

// The failed sign-ins of one throttle key (auth/throttle.hpp) within a window.
struct SignInFailures {
  std::int64_t count = 0;  // failures after the window's start
  Millis oldest = 0;       // the oldest of them; 0 when there are none
};

// A CSV file an admin uploaded to /admin/people/import and saw the dry run of, waiting for
// Apply (web/shell/imports.hpp). Found by the digest of an unguessable token that only the
// uploader's page holds; the store never keeps the token itself.
struct PendingImport {
  std::string token_hash;           // hex digest of the token; unique
  std::string actor;                // the login of the admin who uploaded it
  std::string filename;             // as the browser sent it
  std::string content;              // the file's bytes, base64; "" once applied
  std::int64_t people_version = 0;  // Reader::people_version() of the dry run last shown
  Millis created_at = 0;            // for the expiry
  Millis applied_at = 0;            // 0: waiting; else when it was applied

  friend bool operator==(const PendingImport&, const PendingImport&) = default;
};

// ---- (end of schema 12's types)

// One change: who made it, when, to what, and the value before and after (JSON text).
struct AuditEntry {
  Id id = 0;  // assigned by the store; increases with time
  Millis at = 0;
  std::string actor;    // the login of who made it, or "cli:<os user>", or "system"
  std::string action;   // dotted verb: "person.create", "account.password-reset", ...
  std::string subject;  // what it changed: "person:12", "account:3"
  std::string before;   // JSON text; "" when the subject was created
  std::string after;    // JSON text; "" when the subject was removed

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// Which audit entries to read, newest first. Empty fields do not filter.
struct AuditQuery {
  std::string actor;    // exact login
  std::string action;   // exact action, or a prefix ending in '.' ("person.")
  std::string subject;  // exact subject
  Millis since = 0;     // entries at or after (0: no bound)
  Millis until = 0;     // entries before (0: no bound)
  Id before_id = 0;     // entries with a smaller id (paging; 0: no bound)
  std::size_t limit = 100;
};

// Reads. Implementations give a consistent view for the duration of one call.
class Reader {
 public:
  virtual ~Reader() = default;

  // Every person, ordered by id.
  virtual Result<std::vector<Person>> people() = 0;
  // A number that moves whenever a person is inserted or updated, by any process (SQLite: a
  // counter kept by triggers on the person table). Cheaper than generation() for caches of the
  // people alone: generation() also moves on every rating saved.
  virtual Result<std::int64_t> people_version() = 0;
  virtual Result<std::optional<Person>> person(Id id) = 0;
  virtual Result<std::optional<Person>> person_by_email(std::string_view email) = 0;

  virtual Result<std::vector<Account>> accounts() = 0;  // ordered by id
  virtual Result<std::optional<Account>> account(Id id) = 0;
  virtual Result<std::optional<Account>> account_by_login(std::string_view login) = 0;

  virtual Result<std::optional<Session>> session(std::string_view token_hash) = 0;

  // Schema 11: what names the account (all zero for an unknown id).
  virtual Result<AccountReferences> account_references(Id account) = 0;

  virtual Result<std::vector<AuditEntry>> audit(const AuditQuery& query) = 0;

  // API tokens (schema 7): one by id, one by the digest of its token, every token of an
  // account and every token (both ordered by id).
  virtual Result<std::optional<ApiToken>> api_token(Id id) = 0;
  virtual Result<std::optional<ApiToken>> api_token_by_hash(std::string_view token_hash) = 0;
  virtual Result<std::vector<ApiToken>> api_tokens_of(Id account) = 0;
  virtual Result<std::vector<ApiToken>> api_tokens() = 0;

  virtual Result<std::vector<ReviewCycle>> cycles() = 0;  // ordered by id
  virtual Result<std::optional<ReviewCycle>> cycle(Id id) = 0;

  virtual Result<std::optional<Assessment>> assessment(Id id) = 0;
  // Every assessment of a person, ordered by id.
  virtual Result<std::vector<Assessment>> assessments_of(Id person) = 0;
  virtual Result<std::vector<Rating>> ratings(Id assessment) = 0;     // ordered by statement
  virtual Result<std::vector<Evidence>> evidence(Id assessment) = 0;  // ordered by id
  virtual Result<std::optional<Snapshot>> snapshot(Id assessment) = 0;
  virtual Result<std::optional<FrozenLadder>> frozen_ladder(std::string_view digest) = 0;
  // Every ladder version stored, oldest first (by created_at, then digest): the history of
  // what the server has served and what snapshots were submitted under.
  virtual Result<std::vector<FrozenLadder>> frozen_ladders() = 0;
  // Why the assessment was withdrawn; none unless its status is withdrawn.
  virtual Result<std::optional<Withdrawal>> withdrawal(Id assessment) = 0;
  // What was agreed about the statements of a self and a manager assessment (schema 8),
  // ordered by statement.
  virtual Result<std::vector<Agreement>> agreements(Id self_assessment, Id manager_assessment) = 0;

  // Reads of many at once, for views of a whole team (one query, not one per person): the
  // assessments of every person in `people`, ordered by id; the ratings of every assessment in
  // `assessments`, ordered by assessment then statement. Unknown ids are skipped.
  virtual Result<std::vector<Assessment>> assessments_of_people(std::span<const Id> people) = 0;
  virtual Result<std::vector<Rating>> ratings_of_assessments(std::span<const Id> assessments) = 0;

  // Every growth plan of a person, ordered by id.
  virtual Result<std::vector<GrowthPlanRecord>> growth_plans_of(Id person) = 0;
  virtual Result<std::optional<GrowthPlanRecord>> growth_plan(Id id) = 0;
  virtual Result<std::vector<PlanItem>> plan_items(Id plan) = 0;  // ordered by statement
  // Likewise many at once: the plans of every person in `people`, ordered by id; the items of
  // every plan in `plans`, ordered by plan then statement.
  virtual Result<std::vector<GrowthPlanRecord>> growth_plans_of_people(
      std::span<const Id> people) = 0;
  virtual Result<std::vector<PlanItem>> plan_items_of_plans(std::span<const Id> plans) = 0;

  // Promotion cases (schema 4): one by id; every case of the people in `people`, ordered by
  // id; every case of a cycle, ordered by id (unknown ids: none).
  virtual Result<std::optional<PromotionCase>> promotion_case(Id id) = 0;
  virtual Result<std::vector<PromotionCase>> promotion_cases_of_people(
      std::span<const Id> people) = 0;
  virtual Result<std::vector<PromotionCase>> promotion_cases_in_cycle(Id cycle) = 0;

  // Calibration sessions (schema 6, calibration_records.hpp): one by id; every session,
  // ordered by id (a handful per cycle); a session's pre-votes, ordered by calibrator, subject
  // and subject id; its decision records, ordered by id. Unknown ids: none.
  virtual Result<std::optional<CalibrationSession>> calibration_session(Id id) = 0;
  virtual Result<std::vector<CalibrationSession>> calibration_sessions() = 0;
  virtual Result<std::vector<PreVote>> pre_votes(Id session) = 0;
  virtual Result<std::vector<CalibrationDecision>> calibration_decisions(Id session) = 0;
};

// Reads and writes inside one transaction (see Store::write). Writes that break a rule (a
// duplicate email or login, a manager id that does not exist) fail with "store.conflict".
class Writer : public Reader {
 public:
  virtual Result<Id> insert_person(const Person& person) = 0;
  virtual Result<void> update_person(const Person& person) = 0;  // by person.id

  virtual Result<Id> insert_account(const Account& account) = 0;
  virtual Result<void> update_account(const Account& account) = 0;  // by account.id
  // Schema 11: removes an account with its sessions and API tokens. "store.not-found" for an
  // unknown id; "store.conflict" when account_references names it (nothing is removed).
  virtual Result<void> delete_account(Id account) = 0;

  virtual Result<void> insert_session(const Session& session) = 0;
  virtual Result<void> touch_session(std::string_view token_hash, Millis at) = 0;
  virtual Result<void> delete_session(std::string_view token_hash) = 0;
  // Every session of the account ("sign out everywhere"); returns how many there were.
  virtual Result<std::size_t> delete_sessions_of(Id account) = 0;
  // Sessions created before `created_before` or last seen before `seen_before`.
  virtual Result<std::size_t> delete_expired_sessions(Millis created_before,
                                                      Millis seen_before) = 0;

  // "store.conflict" when the account does not exist or the digest is already stored.
  virtual Result<Id> insert_api_token(const ApiToken& token) = 0;
  // Sets last_used_at (nothing happens for an unknown id).
  virtual Result<void> touch_api_token(Id id, Millis at) = 0;
  // Sets revoked_at when it is 0 (a token stays revoked at its first revocation);
  // "store.not-found" for an unknown id.
  virtual Result<void> revoke_api_token(Id id, Millis at) = 0;

  // Sign-ins at an OpenID Connect provider under way (schema 10). insert: "store.conflict"
  // when the digest is stored. take: the state of that digest, deleted in the same call
  // (nullopt when there is none: unknown, or taken before). delete_login_states_before: those
  // made before `created_before` (expired); returns how many.
  virtual Result<void> insert_login_state(const LoginState& state) = 0;
  virtual Result<std::optional<LoginState>> take_login_state(std::string_view state_hash) = 0;
  virtual Result<std::size_t> delete_login_states_before(Millis created_before) = 0;

  // ---- Several instances on one store (schema 12). Sign-in failures by key (auth/throttle):
  // sign_in_failures counts those after `since` (one indexed read); add_sign_in_failure
  // records one at `at`; remove_sign_in_failure takes back one recorded at `at` (nothing when
  // there is none); clear_sign_in_failures forgets every failure of the key;
  // delete_sign_in_failures_before prunes those at or before `at`. Each returns how many rows
  // it removed where it says so.
  virtual Result<SignInFailures> sign_in_failures(std::string_view key, Millis since) = 0;
  virtual Result<void> add_sign_in_failure(std::string_view key, Millis at) = 0;
  virtual Result<void> remove_sign_in_failure(std::string_view key, Millis at) = 0;
  virtual Result<std::size_t> clear_sign_in_failures(std::string_view key) = 0;
  virtual Result<std::size_t> delete_sign_in_failures_before(Millis at) = 0;
  // Uploads waiting for Apply: insert ("store.conflict" when the digest is stored), one by
  // digest, update every field by digest ("store.not-found" for an unknown one), and delete
  // those made before `created_before` (expired); returns how many.
  virtual Result<void> insert_pending_import(const PendingImport& upload) = 0;
  virtual Result<std::optional<PendingImport>> pending_import(std::string_view token_hash) = 0;
  virtual Result<void> update_pending_import(const PendingImport& upload) = 0;
  virtual Result<std::size_t> delete_pending_imports_before(Millis created_before) = 0;
  // ---- (end of schema 12's operations)

  // Callers append the entry for each change in the same transaction as the change.
  virtual Result<Id> append_audit(const AuditEntry& entry) = 0;

  virtual Result<Id> insert_cycle(const ReviewCycle& cycle) = 0;
  virtual Result<void> update_cycle(const ReviewCycle& cycle) = 0;  // by cycle.id

  // "store.conflict" when the person, author account or author person, or cycle does not
  // exist. update_assessment writes every field as given (by id): the version rule is the
  // caller's (rung::review), checked inside the same write.
  virtual Result<Id> insert_assessment(const Assessment& assessment) = 0;
  virtual Result<void> update_assessment(const Assessment& assessment) = 0;
  // Inserts or replaces the rating of (assessment, statement). "store.conflict" when the
  // assessment does not exist.
  virtual Result<void> put_rating(const Rating& rating) = 0;
  virtual Result<Id> insert_evidence(const Evidence& evidence) = 0;
  // Written once: "store.conflict" when the assessment already has a snapshot or does not
  // exist. There is no update or delete.
  virtual Result<void> insert_snapshot(const Snapshot& snapshot) = 0;
  // Stores a ladder version once: nothing happens when the digest is stored with the same
  // content; "store.conflict" when it is stored with other content. No update or delete.
  virtual Result<void> put_frozen_ladder(const FrozenLadder& ladder) = 0;
  // Written once, beside update_assessment setting status withdrawn: "store.conflict" when the
  // assessment does not exist or already has a withdrawal. No update or delete.
  virtual Result<void> insert_withdrawal(const Withdrawal& withdrawal) = 0;
  // Inserts or replaces the agreement of (self, manager, statement). "store.conflict" when
  // either assessment or the account does not exist.
  virtual Result<void> put_agreement(const Agreement& agreement) = 0;

  // "store.conflict" when the person (or plan) does not exist.
  virtual Result<Id> insert_growth_plan(const GrowthPlanRecord& plan) = 0;
  // Inserts or replaces the item of (plan, statement).
  virtual Result<void> put_plan_item(const PlanItem& item) = 0;

  // "store.conflict" when the person, opening account or person, deciding account or cycle
  // does not exist. update_promotion_case writes every field as given (by id; "store.not-found"
  // for an unknown id): the version and status rules are rung::review's.
  virtual Result<Id> insert_promotion_case(const PromotionCase& promotion) = 0;
  virtual Result<void> update_promotion_case(const PromotionCase& promotion) = 0;

  // "store.conflict" when the cycle, a person or an account named does not exist (the list of
  // calibrators is a JSON list in the SQL stores, checked by rung::review, not by the store).
  // update_calibration_session writes every field as given (by id; "store.not-found" for an
  // unknown id): versions and states are rung::review's. put_pre_vote inserts or replaces the
  // vote of (session, calibrator, subject, subject_id). Decisions are written once: there is
  // no update or delete. delete_calibration_session removes a session and its pre-votes and
  // returns how many pre-votes went ("store.not-found" for an unknown id; "store.conflict"
  // when decisions name it: rung::review deletes only sessions still preparing).
  virtual Result<Id> insert_calibration_session(const CalibrationSession& session) = 0;
  virtual Result<void> update_calibration_session(const CalibrationSession& session) = 0;
  virtual Result<std::size_t> delete_calibration_session(Id id) = 0;
  virtual Result<void> put_pre_vote(const PreVote& vote) = 0;
  virtual Result<Id> insert_calibration_decision(const CalibrationDecision& decision) = 0;

  // --- Moving work to a new ladder version (review::Service::migrate, docs/migrate.md) ---
  // A rating or a plan item taken out of a draft or a plan (nothing happens when there is
  // none; the caller keeps its content in the move's audit entry), and evidence pointed at
  // another statement (update_evidence writes statement, text and date by id;
  // "store.not-found" for an unknown id).
  virtual Result<void> delete_rating(Id assessment, std::string_view statement) = 0;
  virtual Result<void> update_evidence(const Evidence& evidence) = 0;
  virtual Result<void> delete_plan_item(Id plan, std::string_view statement) = 0;
};

using WriteBody = std::function<Result<void>(Writer&)>;
using ReadBody = std::function<void(Reader&)>;

// A store. Thread-safe: any thread may read or write at any time; writes are serialised.
class Store : public Reader {
 public:
  // Runs `body` in one transaction: commits when it returns a value, rolls back (leaving
  // nothing of it) when it returns an error or throws. Returns body's error, or a store error.
  // Inside `body`, read through the Writer to see body's own changes; reads through the Store
  // see the last commit. Calling write() from inside `body` deadlocks.
  virtual Result<void> write(const WriteBody& body) = 0;

  // Runs `body` once with a Reader whose reads all see one committed state (SQLite: one read
  // transaction on one pooled connection), for a caller that needs several reads together and
  // wants them cheap: one lease and one snapshot instead of one per call. The Reader is valid
  // only during the call; `body` keeps its own results. Returns the error that kept the store
  // from giving a Reader (without calling `body`), or that of ending the read.
  virtual Result<void> read_together(const ReadBody& body) = 0;

  // A consistent copy of the whole store in a new file at `to` (which must not exist), while
  // other threads keep reading and writing. Error "store.backup".
  virtual Result<void> backup(const std::filesystem::path& to) = 0;

  // Increases with every committed write (cheap; for caches of derived data such as the org).
  virtual std::uint64_t generation() const = 0;

  // A short description for logs: "sqlite ./var/rung.db (schema 2)".
  virtual std::string describe() const = 0;
};

}  // namespace rung::store
