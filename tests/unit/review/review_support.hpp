#pragma once

// The fixture of the review service tests, run against the in-memory store and SQLite.
// The org:   boss  <-  lead  <-  ann        outsider (a manager elsewhere: no one above ann)
// Accounts:  one per person (login = email) plus "admin" (an admin who is not a person).
// The ladder is the small hand-checkable one of the assess tests (assess_ladder.hpp): levels
// t-1 (alpha 5, beta 1, gamma 4), t-2 (alpha 2, beta 3), t-3 shares t-2; scale no < part <
// yes < star; met at "yes"; 80% per area. Everyone is at t-1.
#include <atomic>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "rung/auth/viewer.hpp"
#include "rung/review/service.hpp"

#include "../assess/assess_ladder.hpp"
#include "../store/store_contract.hpp"

namespace rung::review::testing {

using store::testing::Implementation;

// Everything a test can compare before and after an operation that must change nothing.
struct StoreState {
  std::vector<store::Assessment> assessments;
  std::vector<store::Rating> ratings;
  std::vector<store::Evidence> evidence;
  std::vector<std::optional<store::Snapshot>> snapshots;
  std::vector<store::ReviewCycle> cycles;
  std::vector<store::Person> people;
  std::vector<store::PromotionCase> cases;
  std::vector<store::CalibrationSession> sessions;
  std::vector<store::PreVote> votes;
  std::vector<store::CalibrationDecision> decisions;
  std::size_t audit = 0;

  friend bool operator==(const StoreState&, const StoreState&) = default;
};

class ReviewFixture : public ::testing::TestWithParam<Implementation> {
 protected:
  void SetUp() override {
    m_store = GetParam().open(m_dir);
    ASSERT_NE(m_store, nullptr);
    m_ladder = test_ladder();
    boss = add_person("boss", std::nullopt);
    lead = add_person("lead", id_of(boss));
    ann = add_person("ann", id_of(lead));
    outsider = add_person("outsider", std::nullopt);
    admin = viewer_of("admin", std::nullopt, true);
    m_service = std::make_unique<Service>(*m_store, m_ladder, options());
  }

  // The ladder the service is built with; a fixture may use another.
  virtual model::Ladder test_ladder() const { return assess::testing::small_ladder(); }

  Options options() {
    Options out;
    out.clock = [this] { return ++m_now; };
    return out;
  }

  auth::Viewer viewer_of(const std::string& login, std::optional<store::Person> person,
                         bool is_admin = false) {
    store::Account account = store::testing::make_account(login);
    account.admin = is_admin;
    auto done = m_store->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(account.id, w.insert_account(account));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return auth::Viewer{account, std::move(person), {}, std::nullopt};
  }

  auth::Viewer add_person(const std::string& name, std::optional<store::Id> manager) {
    store::Person person = store::testing::make_person(name, manager);
    person.track = "t";
    person.level = "t-1";
    auto done = m_store->write([&](store::Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(person.id, w.insert_person(person));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return viewer_of(person.email, person);
  }

  store::Id id_of(const auth::Viewer& viewer) const { return viewer.person->id; }

  // Starts a draft and fails the test on an error.
  store::Assessment draft(const auth::Viewer& author, const auth::Viewer& of,
                          store::AuthorRole role, const std::string& level = "") {
    auto started = service().start(author, StartRequest{id_of(of), role, level, std::nullopt});
    EXPECT_TRUE(started) << started.error().to_string();
    return started ? started->assessment : store::Assessment{};
  }

  // Rates every statement given as "id=scale" pairs in order, and returns the last version.
  std::int64_t rate(const auth::Viewer& author, const store::Assessment& a,
                    const std::vector<std::pair<std::string, std::string>>& ratings) {
    std::int64_t version = a.version;
    for (const auto& [statement, scale] : ratings) {
      auto saved = service().save_rating(author, a.id, version, statement, scale);
      EXPECT_TRUE(saved) << saved.error().error.to_string();
      version = saved ? *saved : version;
    }
    return version;
  }

  // Starts (or resumes) an assessment of `of` by `author`, rates it as given and submits it;
  // returns the submitted assessment and fails the test on any error.
  store::Assessment submitted(const auth::Viewer& author, const auth::Viewer& of,
                              store::AuthorRole role,
                              const std::vector<std::pair<std::string, std::string>>& ratings,
                              std::optional<store::Id> cycle = std::nullopt,
                              const std::string& level = "") {
    auto started = service().start(author, StartRequest{id_of(of), role, level, cycle});
    EXPECT_TRUE(started) << started.error().to_string();
    if (!started) {
      return store::Assessment{};
    }
    const auto version = rate(author, started->assessment, ratings);
    auto done = service().submit(author, started->assessment.id, version);
    EXPECT_TRUE(done) << done.error().error.to_string();
    return done ? *done : store::Assessment{};
  }

  StoreState state() {
    StoreState out;
    const auto people = m_store->people().value();
    for (const auto& person : people) {
      const auto assessments = m_store->assessments_of(person.id).value();
      for (const auto& a : assessments) {
        out.assessments.push_back(a);
        const auto ratings = m_store->ratings(a.id).value();
        out.ratings.insert(out.ratings.end(), ratings.begin(), ratings.end());
        const auto evidence = m_store->evidence(a.id).value();
        out.evidence.insert(out.evidence.end(), evidence.begin(), evidence.end());
        out.snapshots.push_back(m_store->snapshot(a.id).value());
      }
    }
    out.cycles = m_store->cycles().value();
    out.people = people;
    std::vector<store::Id> ids;
    for (const auto& person : people) {
      ids.push_back(person.id);
    }
    out.cases = m_store->promotion_cases_of_people(ids).value();
    out.sessions = m_store->calibration_sessions().value();
    for (const auto& session : out.sessions) {
      const auto votes = m_store->pre_votes(session.id).value();
      out.votes.insert(out.votes.end(), votes.begin(), votes.end());
      const auto decisions = m_store->calibration_decisions(session.id).value();
      out.decisions.insert(out.decisions.end(), decisions.begin(), decisions.end());
    }
    store::AuditQuery every;
    every.limit = 100000;
    out.audit = m_store->audit(every).value().size();
    return out;
  }

  Service& service() { return *m_service; }
  store::Store& store() { return *m_store; }
  const model::Ladder& ladder() const { return m_ladder; }

  auth::Viewer boss, lead, ann, outsider, admin;

 private:
  store::testing::ScratchDir m_dir;
  std::unique_ptr<store::Store> m_store;
  model::Ladder m_ladder = assess::testing::small_ladder();
  std::atomic<store::Millis> m_now{1'700'000'000'000};  // atomic: tests save from threads
  std::unique_ptr<Service> m_service;
};

inline auto all_stores() {
  return store::testing::all_implementations();
}

}  // namespace rung::review::testing
