#include "rung/store/memory_store.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "rung/store/memory_review.hpp"

namespace rung::store {

namespace {

struct State {
  std::map<Id, Person> people;
  std::map<Id, Account> accounts;
  std::map<std::string, Session, std::less<>> sessions;
  std::vector<AuditEntry> audit;
  memory::ReviewState review;
  Id next_person = 1;
  Id next_account = 1;
  Id next_audit = 1;
  std::int64_t people_version = 0;
};

template <class T>
std::optional<T> find_in(const std::map<Id, T>& items, Id id) {
  auto it = items.find(id);
  return it == items.end() ? std::nullopt : std::optional<T>(it->second);
}

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

// Reads and writes over one State; the store hands it a copy inside write().
class StateWriter final : public Writer {
 public:
  explicit StateWriter(State& state) : m_state(state) {}

  Result<std::vector<Person>> people() override {
    std::vector<Person> out;
    for (const auto& entry : m_state.people) {
      out.push_back(entry.second);
    }
    return out;
  }
  Result<std::optional<Person>> person(Id id) override { return find_in(m_state.people, id); }
  Result<std::int64_t> people_version() override { return m_state.people_version; }
  Result<std::optional<Person>> person_by_email(std::string_view email) override {
    for (const auto& entry : m_state.people) {
      if (entry.second.email == email) {
        return entry.second;
      }
    }
    return std::nullopt;
  }
  Result<std::vector<Account>> accounts() override {
    std::vector<Account> out;
    for (const auto& entry : m_state.accounts) {
      out.push_back(entry.second);
    }
    return out;
  }
  Result<std::optional<Account>> account(Id id) override { return find_in(m_state.accounts, id); }
  Result<std::optional<Account>> account_by_login(std::string_view login) override {
    for (const auto& entry : m_state.accounts) {
      if (entry.second.login == login) {
        return entry.second;
      }
    }
    return std::nullopt;
  }
  Result<std::optional<Session>> session(std::string_view token_hash) override {
    auto it = m_state.sessions.find(token_hash);
    return it == m_state.sessions.end() ? std::nullopt : std::optional<Session>(it->second);
  }
  Result<std::vector<AuditEntry>> audit(const AuditQuery& query) override {
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

  Result<Id> insert_person(const Person& person) override {
    Person stored = person;
    stored.id = m_state.next_person;
    RUNG_TRY(check_person(stored));
    m_state.people[stored.id] = stored;
    ++m_state.people_version;
    return m_state.next_person++;
  }
  Result<void> update_person(const Person& person) override {
    if (!m_state.people.contains(person.id)) {
      return fail(ErrorKind::not_found, "store.not-found",
                  fmt::format("no person with id {}", person.id));
    }
    RUNG_TRY(check_person(person));
    m_state.people[person.id] = person;
    ++m_state.people_version;
    return {};
  }
  Result<Id> insert_account(const Account& account) override {
    Account stored = account;
    stored.id = m_state.next_account;
    RUNG_TRY(check_account(stored));
    m_state.accounts[stored.id] = stored;
    return m_state.next_account++;
  }
  Result<void> update_account(const Account& account) override {
    if (!m_state.accounts.contains(account.id)) {
      return fail(ErrorKind::not_found, "store.not-found",
                  fmt::format("no account with id {}", account.id));
    }
    RUNG_TRY(check_account(account));
    m_state.accounts[account.id] = account;
    return {};
  }
  Result<void> insert_session(const Session& session) override {
    if (!m_state.accounts.contains(session.account)) {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("no account with id {}", session.account));
    }
    if (!m_state.sessions.emplace(session.token_hash, session).second) {
      return fail(ErrorKind::conflict, "store.conflict",
                  "a session with that token already exists");
    }
    return {};
  }
  Result<void> touch_session(std::string_view token_hash, Millis at) override {
    if (auto it = m_state.sessions.find(token_hash); it != m_state.sessions.end()) {
      it->second.last_seen_at = at;
    }
    return {};
  }
  Result<void> delete_session(std::string_view token_hash) override {
    if (auto it = m_state.sessions.find(token_hash); it != m_state.sessions.end()) {
      m_state.sessions.erase(it);
    }
    return {};
  }
  Result<std::size_t> delete_sessions_of(Id account) override {
    return std::erase_if(m_state.sessions,
                         [&](const auto& entry) { return entry.second.account == account; });
  }
  Result<std::size_t> delete_expired_sessions(Millis created_before, Millis seen_before) override {
    return std::erase_if(m_state.sessions, [&](const auto& entry) {
      return entry.second.created_at < created_before || entry.second.last_seen_at < seen_before;
    });
  }
  Result<Id> append_audit(const AuditEntry& entry) override {
    AuditEntry stored = entry;
    stored.id = m_state.next_audit++;
    m_state.audit.push_back(std::move(stored));
    return m_state.audit.back().id;
  }

  Result<std::vector<ReviewCycle>> cycles() override { return review().cycles(); }
  Result<std::optional<ReviewCycle>> cycle(Id id) override { return review().cycle(id); }
  Result<std::optional<Assessment>> assessment(Id id) override { return review().assessment(id); }
  Result<std::vector<Assessment>> assessments_of(Id person) override {
    return review().assessments_of(person);
  }
  Result<std::vector<Rating>> ratings(Id assessment) override {
    return review().ratings(assessment);
  }
  Result<std::vector<Evidence>> evidence(Id assessment) override {
    return review().evidence(assessment);
  }
  Result<std::optional<Snapshot>> snapshot(Id assessment) override {
    return review().snapshot(assessment);
  }
  Result<std::optional<FrozenLadder>> frozen_ladder(std::string_view digest) override {
    return review().frozen_ladder(digest);
  }
  Result<std::vector<GrowthPlanRecord>> growth_plans_of(Id person) override {
    return review().growth_plans_of(person);
  }
  Result<std::optional<GrowthPlanRecord>> growth_plan(Id id) override {
    return review().growth_plan(id);
  }
  Result<std::vector<PlanItem>> plan_items(Id plan) override { return review().plan_items(plan); }

  Result<Id> insert_cycle(const ReviewCycle& cycle) override {
    return review().insert_cycle(cycle);
  }
  Result<void> update_cycle(const ReviewCycle& cycle) override {
    return review().update_cycle(cycle);
  }
  Result<Id> insert_assessment(const Assessment& assessment) override {
    return review().insert_assessment(assessment);
  }
  Result<void> update_assessment(const Assessment& assessment) override {
    return review().update_assessment(assessment);
  }
  Result<void> put_rating(const Rating& rating) override { return review().put_rating(rating); }
  Result<Id> insert_evidence(const Evidence& evidence) override {
    return review().insert_evidence(evidence);
  }
  Result<void> insert_snapshot(const Snapshot& snapshot) override {
    return review().insert_snapshot(snapshot);
  }
  Result<void> put_frozen_ladder(const FrozenLadder& ladder) override {
    return review().put_frozen_ladder(ladder);
  }
  Result<Id> insert_growth_plan(const GrowthPlanRecord& plan) override {
    return review().insert_growth_plan(plan);
  }
  Result<void> put_plan_item(const PlanItem& item) override { return review().put_plan_item(item); }

 private:
  memory::ReviewTables review() {
    return memory::ReviewTables(
        m_state.review, memory::Refs{[this](Id id) { return m_state.people.contains(id); },
                                     [this](Id id) { return m_state.accounts.contains(id); }});
  }
  Result<void> check_person(const Person& person) const {
    for (const auto& [id, other] : m_state.people) {
      if (id != person.id && other.email == person.email) {
        return fail(ErrorKind::conflict, "store.conflict",
                    fmt::format("the email '{}' is already taken", person.email));
      }
    }
    if (person.manager && !m_state.people.contains(*person.manager) &&
        *person.manager != person.id) {
      return fail(ErrorKind::conflict, "store.conflict",
                  fmt::format("no manager with id {}", *person.manager));
    }
    return {};
  }
  Result<void> check_account(const Account& account) const {
    for (const auto& [id, other] : m_state.accounts) {
      if (id != account.id && other.login == account.login) {
        return fail(ErrorKind::conflict, "store.conflict",
                    fmt::format("the login '{}' is already taken", account.login));
      }
    }
    return {};
  }

  State& m_state;
};

class MemoryStore final : public Store {
  // Runs one read under the state lock (held only for the read itself, as a write works on a
  // copy; so a read inside a write body sees the last commit, as with SQLite).
  template <class F>
  auto read(F&& f) {
    std::lock_guard lock(m_state_mutex);
    StateWriter reader(m_state);
    return f(reader);
  }

 public:
  Result<std::vector<Person>> people() override {
    return read([](Reader& r) { return r.people(); });
  }
  Result<std::int64_t> people_version() override {
    return read([](Reader& r) { return r.people_version(); });
  }
  Result<std::optional<Person>> person(Id id) override {
    return read([&](Reader& r) { return r.person(id); });
  }
  Result<std::optional<Person>> person_by_email(std::string_view email) override {
    return read([&](Reader& r) { return r.person_by_email(email); });
  }
  Result<std::vector<Account>> accounts() override {
    return read([](Reader& r) { return r.accounts(); });
  }
  Result<std::optional<Account>> account(Id id) override {
    return read([&](Reader& r) { return r.account(id); });
  }
  Result<std::optional<Account>> account_by_login(std::string_view login) override {
    return read([&](Reader& r) { return r.account_by_login(login); });
  }
  Result<std::optional<Session>> session(std::string_view token_hash) override {
    return read([&](Reader& r) { return r.session(token_hash); });
  }
  Result<std::vector<AuditEntry>> audit(const AuditQuery& query) override {
    return read([&](Reader& r) { return r.audit(query); });
  }

  Result<std::vector<ReviewCycle>> cycles() override {
    return read([](Reader& r) { return r.cycles(); });
  }
  Result<std::optional<ReviewCycle>> cycle(Id id) override {
    return read([&](Reader& r) { return r.cycle(id); });
  }
  Result<std::optional<Assessment>> assessment(Id id) override {
    return read([&](Reader& r) { return r.assessment(id); });
  }
  Result<std::vector<Assessment>> assessments_of(Id person) override {
    return read([&](Reader& r) { return r.assessments_of(person); });
  }
  Result<std::vector<Rating>> ratings(Id assessment) override {
    return read([&](Reader& r) { return r.ratings(assessment); });
  }
  Result<std::vector<Evidence>> evidence(Id assessment) override {
    return read([&](Reader& r) { return r.evidence(assessment); });
  }
  Result<std::optional<Snapshot>> snapshot(Id assessment) override {
    return read([&](Reader& r) { return r.snapshot(assessment); });
  }
  Result<std::optional<FrozenLadder>> frozen_ladder(std::string_view digest) override {
    return read([&](Reader& r) { return r.frozen_ladder(digest); });
  }
  Result<std::vector<GrowthPlanRecord>> growth_plans_of(Id person) override {
    return read([&](Reader& r) { return r.growth_plans_of(person); });
  }
  Result<std::optional<GrowthPlanRecord>> growth_plan(Id id) override {
    return read([&](Reader& r) { return r.growth_plan(id); });
  }
  Result<std::vector<PlanItem>> plan_items(Id plan) override {
    return read([&](Reader& r) { return r.plan_items(plan); });
  }

  Result<void> write(const WriteBody& body) override {
    std::lock_guard write_lock(m_write_mutex);
    State copy = committed_state();
    StateWriter writer(copy);
    RUNG_TRY(body(writer));
    std::lock_guard lock(m_state_mutex);
    m_state = std::move(copy);
    ++m_generation;
    return {};
  }
  Result<void> backup(const std::filesystem::path&) override {
    return fail(ErrorKind::internal, "store.backup", "an in-memory store cannot be backed up");
  }
  std::uint64_t generation() const override { return m_generation; }
  std::string describe() const override { return "memory"; }

 private:
  State committed_state() {
    std::lock_guard lock(m_state_mutex);
    return m_state;
  }

  std::mutex m_write_mutex;  // one write at a time
  std::mutex m_state_mutex;  // guards m_state
  State m_state;
  std::atomic<std::uint64_t> m_generation{0};
};

}  // namespace

std::unique_ptr<Store> make_memory_store() {
  return std::make_unique<MemoryStore>();
}

}  // namespace rung::store
