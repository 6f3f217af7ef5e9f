#pragma once

#include "rung/store/sqlite/connection.hpp"
#include "rung/store/store.hpp"

namespace rung::store::sqlite {

// The Reader and Writer operations as prepared statements on one connection. It neither
// begins nor ends transactions: the SQLite store wraps reads in a single statement each and
// writes in BEGIN IMMEDIATE ... COMMIT. Used by one thread at a time, like its connection.
class ConnectionWriter final : public Writer {
 public:
  explicit ConnectionWriter(Connection& connection) : m_db(connection) {}

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

  // writer_review.cpp
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
  Connection& m_db;
};

}  // namespace rung::store::sqlite
