#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "rung/store/store.hpp"

// The tables of the in-memory store and the Reader / Writer operations over them. Same rules
// as the SQLite schema: unique emails and logins, references that exist, a snapshot and a
// frozen ladder written once. Internal to store/memory/.
namespace rung::store::memory {

// Everything the store holds; the store copies it for a write and swaps the copy in at commit.
struct State {
  std::map<Id, Person> people;
  std::map<Id, Account> accounts;
  std::map<std::string, Session, std::less<>> sessions;
  std::vector<AuditEntry> audit;
  Id next_person = 1;
  Id next_account = 1;
  Id next_audit = 1;
  std::int64_t people_version = 0;

  std::map<Id, ReviewCycle> cycles;
  std::map<Id, Assessment> assessments;
  std::map<std::pair<Id, std::string>, Rating> ratings;
  std::map<Id, Evidence> evidence;
  std::map<Id, Snapshot> snapshots;
  std::map<std::string, FrozenLadder, std::less<>> frozen_ladders;
  std::map<Id, Withdrawal> withdrawals;
  std::map<std::tuple<Id, Id, std::string>, Agreement> agreements;
  std::map<Id, GrowthPlanRecord> plans;
  std::map<std::pair<Id, std::string>, PlanItem> items;
  Id next_cycle = 1;
  Id next_assessment = 1;
  Id next_evidence = 1;
  Id next_plan = 1;

  std::map<Id, PromotionCase> cases;
  Id next_case = 1;

  std::map<Id, CalibrationSession> calibration_sessions;
  // By (session, calibrator, subject, subject id): the order pre_votes() reads them in.
  std::map<std::tuple<Id, Id, VoteSubject, Id>, PreVote> pre_votes;
  std::map<Id, CalibrationDecision> calibration_decisions;
  Id next_calibration_session = 1;
  Id next_calibration_decision = 1;
  std::map<Id, ApiToken> api_tokens;
  Id next_api_token = 1;
  std::map<std::string, LoginState, std::less<>> login_states;  // by state_hash
  // Schema 12 (several instances): failures by key, then time (how many at that time); uploads
  // waiting for Apply by token_hash.
  std::map<std::string, std::map<Millis, std::int64_t>, std::less<>> sign_in_failures;
  std::map<std::string, PendingImport, std::less<>> pending_imports;
};

// Reads and writes one State, which it does not own; the store hands it the committed state
// (under a lock) for a read and a copy for a write. Not thread-safe. Review operations are in
// writer_review.cpp.
class StateWriter final : public Writer {
 public:
  explicit StateWriter(State& state) : m_state(state) {}

  Result<std::vector<Person>> people() override;
  Result<std::int64_t> people_version() override;
  Result<std::optional<Person>> person(Id id) override;
  Result<std::optional<Person>> person_by_email(std::string_view email) override;
  Result<std::vector<Account>> accounts() override;
  Result<std::optional<Account>> account(Id id) override;
  Result<std::optional<Account>> account_by_login(std::string_view login) override;
  Result<std::optional<Session>> session(std::string_view token_hash) override;
  Result<std::vector<AuditEntry>> audit(const AuditQuery& query) override;

  Result<Id> insert_person(const Person& person) override;
  Result<void> update_person(const Person& person) override;
  Result<Id> insert_account(const Account& account) override;
  Result<void> update_account(const Account& account) override;
  Result<void> delete_account(Id account) override;
  Result<AccountReferences> account_references(Id account) override;
  Result<void> insert_session(const Session& session) override;
  Result<void> touch_session(std::string_view token_hash, Millis at) override;
  Result<void> delete_session(std::string_view token_hash) override;
  Result<std::size_t> delete_sessions_of(Id account) override;
  Result<std::size_t> delete_expired_sessions(Millis created_before, Millis seen_before) override;
  Result<Id> append_audit(const AuditEntry& entry) override;

  Result<std::vector<ReviewCycle>> cycles() override;
  Result<std::optional<ReviewCycle>> cycle(Id id) override;
  Result<std::optional<Assessment>> assessment(Id id) override;
  Result<std::vector<Assessment>> assessments_of(Id person) override;
  Result<std::vector<Assessment>> assessments_of_people(std::span<const Id> people) override;
  Result<std::vector<Rating>> ratings_of_assessments(std::span<const Id> assessments) override;
  Result<std::vector<Rating>> ratings(Id assessment) override;
  Result<std::vector<Evidence>> evidence(Id assessment) override;
  Result<std::optional<Snapshot>> snapshot(Id assessment) override;
  Result<std::optional<FrozenLadder>> frozen_ladder(std::string_view digest) override;
  Result<std::vector<FrozenLadder>> frozen_ladders() override;
  Result<std::optional<Withdrawal>> withdrawal(Id assessment) override;
  Result<std::vector<Agreement>> agreements(Id self_assessment, Id manager_assessment) override;
  Result<std::vector<GrowthPlanRecord>> growth_plans_of(Id person) override;
  Result<std::optional<GrowthPlanRecord>> growth_plan(Id id) override;
  Result<std::vector<PlanItem>> plan_items(Id plan) override;
  Result<std::vector<GrowthPlanRecord>> growth_plans_of_people(std::span<const Id> people) override;
  Result<std::vector<PlanItem>> plan_items_of_plans(std::span<const Id> plans) override;

  Result<Id> insert_cycle(const ReviewCycle& cycle) override;
  Result<void> update_cycle(const ReviewCycle& cycle) override;
  Result<Id> insert_assessment(const Assessment& assessment) override;
  Result<void> update_assessment(const Assessment& assessment) override;
  Result<void> put_rating(const Rating& rating) override;
  Result<Id> insert_evidence(const Evidence& evidence) override;
  Result<void> insert_snapshot(const Snapshot& snapshot) override;
  Result<void> put_frozen_ladder(const FrozenLadder& ladder) override;
  Result<void> insert_withdrawal(const Withdrawal& withdrawal) override;
  Result<void> put_agreement(const Agreement& agreement) override;
  Result<Id> insert_growth_plan(const GrowthPlanRecord& plan) override;
  Result<void> put_plan_item(const PlanItem& item) override;
  // Moving work to a new ladder version (store.hpp).
  Result<void> delete_rating(Id assessment, std::string_view statement) override;
  Result<void> update_evidence(const Evidence& evidence) override;
  Result<void> delete_plan_item(Id plan, std::string_view statement) override;

  // writer_promotions.cpp
  Result<std::optional<PromotionCase>> promotion_case(Id id) override;
  Result<std::vector<PromotionCase>> promotion_cases_of_people(std::span<const Id> people) override;
  Result<std::vector<PromotionCase>> promotion_cases_in_cycle(Id cycle) override;
  Result<Id> insert_promotion_case(const PromotionCase& promotion) override;
  Result<void> update_promotion_case(const PromotionCase& promotion) override;

  // writer_calibration.cpp
  Result<std::optional<CalibrationSession>> calibration_session(Id id) override;
  Result<std::vector<CalibrationSession>> calibration_sessions() override;
  Result<std::vector<PreVote>> pre_votes(Id session) override;
  Result<std::vector<CalibrationDecision>> calibration_decisions(Id session) override;
  Result<Id> insert_calibration_session(const CalibrationSession& session) override;
  Result<void> update_calibration_session(const CalibrationSession& session) override;
  Result<std::size_t> delete_calibration_session(Id id) override;
  Result<void> put_pre_vote(const PreVote& vote) override;
  Result<Id> insert_calibration_decision(const CalibrationDecision& decision) override;
  // writer_tokens.cpp
  Result<std::optional<ApiToken>> api_token(Id id) override;
  Result<std::optional<ApiToken>> api_token_by_hash(std::string_view token_hash) override;
  Result<std::vector<ApiToken>> api_tokens_of(Id account) override;
  Result<std::vector<ApiToken>> api_tokens() override;
  Result<Id> insert_api_token(const ApiToken& token) override;
  Result<void> touch_api_token(Id id, Millis at) override;
  Result<void> revoke_api_token(Id id, Millis at) override;
  // writer_login_states.cpp
  Result<void> insert_login_state(const LoginState& state) override;
  Result<std::optional<LoginState>> take_login_state(std::string_view state_hash) override;
  Result<std::size_t> delete_login_states_before(Millis created_before) override;

  // writer_login_states.cpp, schema 12 (several instances)
  Result<SignInFailures> sign_in_failures(std::string_view key, Millis since) override;
  Result<void> add_sign_in_failure(std::string_view key, Millis at) override;
  Result<void> remove_sign_in_failure(std::string_view key, Millis at) override;
  Result<std::size_t> clear_sign_in_failures(std::string_view key) override;
  Result<std::size_t> delete_sign_in_failures_before(Millis at) override;
  Result<void> insert_pending_import(const PendingImport& upload) override;
  Result<std::optional<PendingImport>> pending_import(std::string_view token_hash) override;
  Result<void> update_pending_import(const PendingImport& upload) override;
  Result<std::size_t> delete_pending_imports_before(Millis created_before) override;

 private:
  Result<void> check_person(const Person& person) const;
  Result<void> check_account(const Account& account) const;
  Result<void> check_assessment(const Assessment& assessment) const;
  Result<void> check_assessment_exists(Id id) const;
  Result<void> check_case(const PromotionCase& promotion) const;
  Result<void> check_calibration_session(const CalibrationSession& session) const;

  State& m_state;
};

// A record a write refers to does not exist: "store.conflict", "no WHAT with id ID".
inline tl::unexpected<Error> missing(std::string_view what, Id id) {
  return fail(ErrorKind::conflict, "store.conflict", fmt::format("no {} with id {}", what, id));
}

// The value of `items` at `key`, or nullopt.
template <class Map, class Key>
std::optional<typename Map::mapped_type> find_in(const Map& items, const Key& key) {
  auto it = items.find(key);
  return it == items.end() ? std::nullopt : std::optional(it->second);
}

}  // namespace rung::store::memory
