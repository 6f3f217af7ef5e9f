#pragma once

#include <cassert>
#include <functional>
#include <optional>
#include <utility>

#include "rung/store/store.hpp"

// What every Store implementation shares, so that a backend writes only what is its own.
//
// A Store is a Reader for callers (`store.people()`), but a backend already has a Reader: the
// Writer class it runs transactions with (memory::StateWriter over a state, sqlite's
// ConnectionWriter over a connection) implements every read, because a write body reads its
// own changes through it. What differs between backends is only *where* a read outside any
// transaction runs: the memory store reads its committed state under a lock, the SQLite store
// leases a read-only connection from its pool, a PostgreSQL store would take a pooled
// connection in autocommit. StoreBase implements every Reader read once, as "hand me a Reader
// that sees the last commit and run this read on it", and asks the backend for that one
// primitive, `read`.
//
// So a backend implements:
// - one Writer class: every read and write of store.hpp over its own handle (the SQL), not
//   beginning or ending transactions itself;
// - `read(body)`: run `body` once with such a Reader over the last committed state;
// - `write(body)`, `backup`, `generation`, `describe` of Store (its transactions and files).
// A new read is written in store.hpp (Reader), one line here, and once per
// backend's Writer class; nothing forwards it anywhere else.
//
// Thread safety is the backend's: `read` may be called from any thread at any time, also while
// a write() is in progress on another thread (and then sees the state before that write).
namespace rung::store {

class StoreBase : public Store {
 public:
  Result<std::vector<Person>> people() final { return read_one(&Reader::people); }
  Result<std::int64_t> people_version() final { return read_one(&Reader::people_version); }
  Result<std::optional<Person>> person(Id id) final { return read_one(&Reader::person, id); }
  Result<std::optional<Person>> person_by_email(std::string_view email) final {
    return read_one(&Reader::person_by_email, email);
  }

  Result<std::vector<Account>> accounts() final { return read_one(&Reader::accounts); }
  Result<std::optional<Account>> account(Id id) final { return read_one(&Reader::account, id); }
  Result<std::optional<Account>> account_by_login(std::string_view login) final {
    return read_one(&Reader::account_by_login, login);
  }

  Result<std::optional<Session>> session(std::string_view token_hash) final {
    return read_one(&Reader::session, token_hash);
  }

  Result<std::vector<AuditEntry>> audit(const AuditQuery& query) final {
    return read_one(&Reader::audit, query);
  }

  Result<std::optional<ApiToken>> api_token(Id id) final {
    return read_one(&Reader::api_token, id);
  }
  Result<std::optional<ApiToken>> api_token_by_hash(std::string_view token_hash) final {
    return read_one(&Reader::api_token_by_hash, token_hash);
  }
  Result<std::vector<ApiToken>> api_tokens_of(Id account) final {
    return read_one(&Reader::api_tokens_of, account);
  }
  Result<std::vector<ApiToken>> api_tokens() final { return read_one(&Reader::api_tokens); }
  Result<AccountReferences> account_references(Id account) final {
    return read_one(&Reader::account_references, account);
  }

  Result<std::vector<ReviewCycle>> cycles() final { return read_one(&Reader::cycles); }
  Result<std::optional<ReviewCycle>> cycle(Id id) final { return read_one(&Reader::cycle, id); }
  Result<std::optional<Assessment>> assessment(Id id) final {
    return read_one(&Reader::assessment, id);
  }
  Result<std::vector<Assessment>> assessments_of(Id person) final {
    return read_one(&Reader::assessments_of, person);
  }
  Result<std::vector<Assessment>> assessments_of_people(std::span<const Id> people) final {
    return read_one(&Reader::assessments_of_people, people);
  }
  Result<std::vector<Rating>> ratings_of_assessments(std::span<const Id> assessments) final {
    return read_one(&Reader::ratings_of_assessments, assessments);
  }
  Result<std::vector<Rating>> ratings(Id assessment) final {
    return read_one(&Reader::ratings, assessment);
  }
  Result<std::vector<Evidence>> evidence(Id assessment) final {
    return read_one(&Reader::evidence, assessment);
  }
  Result<std::optional<Snapshot>> snapshot(Id assessment) final {
    return read_one(&Reader::snapshot, assessment);
  }
  Result<std::optional<FrozenLadder>> frozen_ladder(std::string_view digest) final {
    return read_one(&Reader::frozen_ladder, digest);
  }
  Result<std::vector<FrozenLadder>> frozen_ladders() final {
    return read_one(&Reader::frozen_ladders);
  }
  Result<std::optional<Withdrawal>> withdrawal(Id assessment) final {
    return read_one(&Reader::withdrawal, assessment);
  }
  Result<std::vector<Agreement>> agreements(Id self_assessment, Id manager_assessment) final {
    return read_one(&Reader::agreements, self_assessment, manager_assessment);
  }
  Result<std::vector<GrowthPlanRecord>> growth_plans_of(Id person) final {
    return read_one(&Reader::growth_plans_of, person);
  }
  Result<std::optional<GrowthPlanRecord>> growth_plan(Id id) final {
    return read_one(&Reader::growth_plan, id);
  }
  Result<std::vector<PlanItem>> plan_items(Id plan) final {
    return read_one(&Reader::plan_items, plan);
  }
  Result<std::vector<GrowthPlanRecord>> growth_plans_of_people(std::span<const Id> people) final {
    return read_one(&Reader::growth_plans_of_people, people);
  }
  Result<std::vector<PlanItem>> plan_items_of_plans(std::span<const Id> plans) final {
    return read_one(&Reader::plan_items_of_plans, plans);
  }

  Result<std::optional<PromotionCase>> promotion_case(Id id) final {
    return read_one(&Reader::promotion_case, id);
  }
  Result<std::vector<PromotionCase>> promotion_cases_of_people(std::span<const Id> people) final {
    return read_one(&Reader::promotion_cases_of_people, people);
  }
  Result<std::vector<PromotionCase>> promotion_cases_in_cycle(Id cycle) final {
    return read_one(&Reader::promotion_cases_in_cycle, cycle);
  }

  Result<std::optional<CalibrationSession>> calibration_session(Id id) final {
    return read_one(&Reader::calibration_session, id);
  }
  Result<std::vector<CalibrationSession>> calibration_sessions() final {
    return read_one(&Reader::calibration_sessions);
  }
  Result<std::vector<PreVote>> pre_votes(Id session) final {
    return read_one(&Reader::pre_votes, session);
  }
  Result<std::vector<CalibrationDecision>> calibration_decisions(Id session) final {
    return read_one(&Reader::calibration_decisions, session);
  }

  // A backend whose read() already gives one state for the whole body (the memory store reads
  // under its lock) needs nothing more; the SQLite store overrides it with a read transaction.
  Result<void> read_together(const ReadBody& body) override { return read(body); }

 private:
  // The backend's primitive: calls `body` exactly once with a Reader that sees the last
  // committed state, and returns nothing else; or, without calling it, returns the error that
  // kept it from having a Reader (SQLite: a read connection that would not open). The Reader is
  // only valid during the call. Exceptions from `body` pass through.
  virtual Result<void> read(const ReadBody& body) = 0;

  // Runs `(reader.*operation)(args...)` through read().
  template <class T, class... Params, class... Args>
  Result<T> read_one(Result<T> (Reader::*operation)(Params...), const Args&... args) {
    std::optional<Result<T>> out;
    auto call = [&](Reader& reader) { out.emplace((reader.*operation)(args...)); };
    // std::ref: the std::function holds a pointer to `call`, so a read allocates nothing.
    RUNG_TRY(read(ReadBody(std::ref(call))));
    assert(out.has_value());
    return std::move(*out);
  }
};

}  // namespace rung::store
