#include "rung/store/memory/writer.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rung::store::memory {

namespace {

bool matches(const AuditEntry& entry, const AuditQuery& query) {
  if (!query.actor.empty() && entry.actor != query.actor) {
    return false;
  }
  if (!query.action.empty()) {
    const bool prefix = query.action.ends_with('.');
    if (prefix ? !entry.action.starts_with(query.action) : entry.action != query.action) {
      return false;
    }
  }
  if (!query.subject.empty() && entry.subject != query.subject) {
    return false;
  }
  return (query.since == 0 || entry.at >= query.since) &&
         (query.until == 0 || entry.at < query.until) &&
         (query.before_id == 0 || entry.id < query.before_id);
}

}  // namespace

Result<std::vector<Person>> StateWriter::people() {
  std::vector<Person> out;
  for (const auto& entry : m_state.people) {
    out.push_back(entry.second);
  }
  return out;
}

Result<std::optional<Person>> StateWriter::person(Id id) {
  return find_in(m_state.people, id);
}

Result<std::int64_t> StateWriter::people_version() {
  return m_state.people_version;
}

Result<std::optional<Person>> StateWriter::person_by_email(std::string_view email) {
  for (const auto& entry : m_state.people) {
    if (entry.second.email == email) {
      return entry.second;
    }
  }
  return std::nullopt;
}

Result<std::vector<Account>> StateWriter::accounts() {
  std::vector<Account> out;
  for (const auto& entry : m_state.accounts) {
    out.push_back(entry.second);
  }
  return out;
}

Result<std::optional<Account>> StateWriter::account(Id id) {
  return find_in(m_state.accounts, id);
}

Result<std::optional<Account>> StateWriter::account_by_login(std::string_view login) {
  for (const auto& entry : m_state.accounts) {
    if (entry.second.login == login) {
      return entry.second;
    }
  }
  return std::nullopt;
}

Result<std::optional<Session>> StateWriter::session(std::string_view token_hash) {
  return find_in(m_state.sessions, token_hash);
}

Result<std::vector<AuditEntry>> StateWriter::audit(const AuditQuery& query) {
  std::vector<AuditEntry> out;
  for (auto it = m_state.audit.rbegin(); it != m_state.audit.rend(); ++it) {
    if (out.size() >= query.limit) {
      break;
    }
    if (matches(*it, query)) {
      out.push_back(*it);
    }
  }
  return out;
}

Result<Id> StateWriter::insert_person(const Person& person) {
  Person stored = person;
  stored.id = m_state.next_person;
  RUNG_TRY(check_person(stored));
  m_state.people[stored.id] = stored;
  ++m_state.people_version;
  return m_state.next_person++;
}

Result<void> StateWriter::update_person(const Person& person) {
  if (!m_state.people.contains(person.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no person with id {}", person.id));
  }
  RUNG_TRY(check_person(person));
  m_state.people[person.id] = person;
  ++m_state.people_version;
  return {};
}

Result<Id> StateWriter::insert_account(const Account& account) {
  Account stored = account;
  stored.id = m_state.next_account;
  RUNG_TRY(check_account(stored));
  m_state.accounts[stored.id] = stored;
  return m_state.next_account++;
}

Result<void> StateWriter::update_account(const Account& account) {
  if (!m_state.accounts.contains(account.id)) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no account with id {}", account.id));
  }
  RUNG_TRY(check_account(account));
  m_state.accounts[account.id] = account;
  return {};
}

// Schema 11: what names an account (store.hpp's AccountReferences).
Result<AccountReferences> StateWriter::account_references(Id account) {
  AccountReferences out;
  const auto found = m_state.accounts.find(account);
  if (found == m_state.accounts.end()) {
    return out;
  }
  const std::string& login = found->second.login;
  auto count = [](const auto& rows, auto&& names) {
    return static_cast<std::size_t>(std::count_if(
        rows.begin(), rows.end(), [&](const auto& row) { return names(row.second); }));
  };
  out.assessments =
      count(m_state.assessments, [&](const Assessment& a) { return a.author_account == account; });
  out.withdrawals =
      count(m_state.withdrawals, [&](const Withdrawal& w) { return w.account == account; });
  out.agreements =
      count(m_state.agreements, [&](const Agreement& a) { return a.account == account; });
  out.promotion_cases = count(m_state.cases, [&](const PromotionCase& c) {
    return c.opened_by_account == account || c.decided_by == account;
  });
  out.calibration_sessions = count(m_state.calibration_sessions, [&](const CalibrationSession& s) {
    return s.facilitator == account || s.created_by == account ||
           std::find(s.calibrators.begin(), s.calibrators.end(), account) != s.calibrators.end();
  });
  out.pre_votes =
      count(m_state.pre_votes, [&](const PreVote& v) { return v.calibrator == account; });
  out.calibration_decisions =
      count(m_state.calibration_decisions,
            [&](const CalibrationDecision& d) { return d.account == account; });
  out.plan_ticks = count(
      m_state.items, [&](const PlanItem& i) { return !i.done_by.empty() && i.done_by == login; });
  out.audit_entries = static_cast<std::size_t>(
      std::count_if(m_state.audit.begin(), m_state.audit.end(),
                    [&](const AuditEntry& e) { return e.actor == login; }));
  return out;
}

Result<void> StateWriter::delete_account(Id account) {
  const auto found = m_state.accounts.find(account);
  if (found == m_state.accounts.end()) {
    return fail(ErrorKind::not_found, "store.not-found",
                fmt::format("no account with id {}", account));
  }
  RUNG_TRY_ASSIGN(const auto references, account_references(account));
  if (references.any()) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("the account '{}' is named by what it did", found->second.login));
  }
  std::erase_if(m_state.sessions,
                [&](const auto& entry) { return entry.second.account == account; });
  std::erase_if(m_state.api_tokens,
                [&](const auto& entry) { return entry.second.account == account; });
  m_state.accounts.erase(found);
  return {};
}

Result<void> StateWriter::insert_session(const Session& session) {
  if (!m_state.accounts.contains(session.account)) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("no account with id {}", session.account));
  }
  if (!m_state.sessions.emplace(session.token_hash, session).second) {
    return fail(ErrorKind::conflict, "store.conflict", "a session with that token already exists");
  }
  return {};
}

Result<void> StateWriter::touch_session(std::string_view token_hash, Millis at) {
  if (auto it = m_state.sessions.find(token_hash); it != m_state.sessions.end()) {
    it->second.last_seen_at = at;
  }
  return {};
}

Result<void> StateWriter::delete_session(std::string_view token_hash) {
  if (auto it = m_state.sessions.find(token_hash); it != m_state.sessions.end()) {
    m_state.sessions.erase(it);
  }
  return {};
}

Result<std::size_t> StateWriter::delete_sessions_of(Id account) {
  return std::erase_if(m_state.sessions,
                       [&](const auto& entry) { return entry.second.account == account; });
}

Result<std::size_t> StateWriter::delete_expired_sessions(Millis created_before,
                                                         Millis seen_before) {
  return std::erase_if(m_state.sessions, [&](const auto& entry) {
    return entry.second.created_at < created_before || entry.second.last_seen_at < seen_before;
  });
}

Result<Id> StateWriter::append_audit(const AuditEntry& entry) {
  AuditEntry stored = entry;
  stored.id = m_state.next_audit++;
  m_state.audit.push_back(std::move(stored));
  return m_state.audit.back().id;
}

Result<void> StateWriter::check_person(const Person& person) const {
  for (const auto& [id, other] : m_state.people) {
    if (id != person.id && other.email == person.email) {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("the email '{}' is already taken", person.email));
    }
  }
  if (person.manager && !m_state.people.contains(*person.manager) && *person.manager != person.id) {
    return fail(ErrorKind::conflict, "store.conflict",
                fmt::format("no manager with id {}", *person.manager));
  }
  return {};
}

Result<void> StateWriter::check_account(const Account& account) const {
  for (const auto& [id, other] : m_state.accounts) {
    if (id != account.id && other.login == account.login) {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("the login '{}' is already taken", account.login));
    }
  }
  return {};
}

}  // namespace rung::store::memory
