#include "rung/store/store_base.hpp"

#include <cassert>
#include <utility>

namespace rung::store {

template <class T, class... Params, class... Args>
Result<T> StoreBase::read_one(Result<T> (Reader::*operation)(Params...), const Args&... args) {
  std::optional<Result<T>> out;
  auto call = [&](Reader& reader) { out.emplace((reader.*operation)(args...)); };
  // std::ref: the std::function holds a pointer to `call`, so a read allocates nothing.
  RUNG_TRY(read(ReadBody(std::ref(call))));
  assert(out.has_value());
  return std::move(*out);
}

Result<std::vector<Person>> StoreBase::people() {
  return read_one(&Reader::people);
}

Result<std::int64_t> StoreBase::people_version() {
  return read_one(&Reader::people_version);
}

Result<std::optional<Person>> StoreBase::person(Id id) {
  return read_one(&Reader::person, id);
}

Result<std::optional<Person>> StoreBase::person_by_email(std::string_view email) {
  return read_one(&Reader::person_by_email, email);
}

Result<std::vector<Account>> StoreBase::accounts() {
  return read_one(&Reader::accounts);
}

Result<std::optional<Account>> StoreBase::account(Id id) {
  return read_one(&Reader::account, id);
}

Result<std::optional<Account>> StoreBase::account_by_login(std::string_view login) {
  return read_one(&Reader::account_by_login, login);
}

Result<std::optional<Session>> StoreBase::session(std::string_view token_hash) {
  return read_one(&Reader::session, token_hash);
}

Result<std::vector<AuditEntry>> StoreBase::audit(const AuditQuery& query) {
  return read_one(&Reader::audit, query);
}

Result<std::vector<ReviewCycle>> StoreBase::cycles() {
  return read_one(&Reader::cycles);
}

Result<std::optional<ReviewCycle>> StoreBase::cycle(Id id) {
  return read_one(&Reader::cycle, id);
}

Result<std::optional<Assessment>> StoreBase::assessment(Id id) {
  return read_one(&Reader::assessment, id);
}

Result<std::vector<Assessment>> StoreBase::assessments_of(Id person) {
  return read_one(&Reader::assessments_of, person);
}

Result<std::vector<Rating>> StoreBase::ratings(Id assessment) {
  return read_one(&Reader::ratings, assessment);
}

Result<std::vector<Evidence>> StoreBase::evidence(Id assessment) {
  return read_one(&Reader::evidence, assessment);
}

Result<std::optional<Snapshot>> StoreBase::snapshot(Id assessment) {
  return read_one(&Reader::snapshot, assessment);
}

Result<std::optional<FrozenLadder>> StoreBase::frozen_ladder(std::string_view digest) {
  return read_one(&Reader::frozen_ladder, digest);
}

Result<std::vector<GrowthPlanRecord>> StoreBase::growth_plans_of(Id person) {
  return read_one(&Reader::growth_plans_of, person);
}

Result<std::optional<GrowthPlanRecord>> StoreBase::growth_plan(Id id) {
  return read_one(&Reader::growth_plan, id);
}

Result<std::vector<PlanItem>> StoreBase::plan_items(Id plan) {
  return read_one(&Reader::plan_items, plan);
}

}  // namespace rung::store
