// The promotion case operations of StateWriter (writer.hpp).
#include <set>

#include <fmt/format.h>

#include "rung/store/memory/writer.hpp"

namespace rung::store::memory {

namespace {

template <class Keep>
std::vector<PromotionCase> select_cases(const std::map<Id, PromotionCase>& cases, Keep keep) {
  std::vector<PromotionCase> out;
  for (const auto& [id, promotion] : cases) {
    if (keep(promotion)) {
      out.push_back(promotion);
    }
  }
  return out;
}

}  // namespace

Result<std::optional<PromotionCase>> StateWriter::promotion_case(Id id) {
  return find_in(m_state.cases, id);
}

Result<std::vector<PromotionCase>> StateWriter::promotion_cases_of_people(
    std::span<const Id> people) {
  const std::set<Id> wanted(people.begin(), people.end());
  return select_cases(m_state.cases,
                      [&](const PromotionCase& c) { return wanted.contains(c.person); });
}

Result<std::vector<PromotionCase>> StateWriter::promotion_cases_in_cycle(Id cycle) {
  return select_cases(m_state.cases, [&](const PromotionCase& c) { return c.cycle == cycle; });
}

Result<void> StateWriter::check_case(const PromotionCase& c) const {
  if (!m_state.people.contains(c.person)) {
    return missing("person", c.person);
  }
  if (!m_state.accounts.contains(c.opened_by_account)) {
    return missing("account", c.opened_by_account);
  }
  if (c.opened_by_person && !m_state.people.contains(*c.opened_by_person)) {
    return missing("person", *c.opened_by_person);
  }
  if (c.decided_by && !m_state.accounts.contains(*c.decided_by)) {
    return missing("account", *c.decided_by);
  }
  if (c.cycle && !m_state.cycles.contains(*c.cycle)) {
    return missing("review cycle", *c.cycle);
  }
  return {};
}

Result<Id> StateWriter::insert_promotion_case(const PromotionCase& promotion) {
  RUNG_TRY(check_case(promotion));
  PromotionCase stored = promotion;
  stored.id = m_state.next_case++;
  m_state.cases[stored.id] = stored;
  return stored.id;
}

Result<void> StateWriter::update_promotion_case(const PromotionCase& promotion) {
  if (!m_state.cases.contains(promotion.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no promotion case with id {}", promotion.id));
  }
  RUNG_TRY(check_case(promotion));
  m_state.cases[promotion.id] = promotion;
  return {};
}

}  // namespace rung::store::memory
