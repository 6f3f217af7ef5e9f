// The Store contract for calibration sessions (schema 6), run against every store: every field
// of a session, a pre-vote and a decision round trips, an update replaces by id, a pre-vote is
// replaced by the next one of the same calibrator and subject, references must exist, the
// reads return what was asked in order, and a failed write leaves nothing behind.
#include <gtest/gtest.h>

#include "store_contract.hpp"

namespace rung::store {
namespace {

using testing::all_implementations;
using testing::implementation_name;
using testing::make_account;
using testing::make_person;
using testing::StoreFixture;

class CalibrationContract : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    m_ann = insert(make_person("ann"));
    m_boss = insert(make_person("boss"));
    m_admin = insert(make_account("admin@example.com"));
    m_calibrator = insert(make_account("cal@example.com"));
    m_cycle = write_id([](Writer& w) {
      return w.insert_cycle(ReviewCycle{0, "c", "2026-01-01", "2026-06-30", {}, CycleStatus::open});
    });
    m_assessment = write_id([&](Writer& w) {
      Assessment a;
      a.person = m_ann;
      a.role = AuthorRole::manager;
      a.author_account = m_calibrator;
      a.level = "swe-2";
      a.cycle = m_cycle;
      return w.insert_assessment(a);
    });
  }

  CalibrationSession session() const {
    CalibrationSession s;
    s.cycle = m_cycle;
    s.name = "Platform";
    s.scope = ScopeKind::subtree;
    s.scope_person = m_boss;
    s.facilitator = m_admin;
    s.calibrators = {m_calibrator, m_admin};
    s.guideline = {{"swe-2", 60}, {"swe-3", 40}};
    s.created_by = m_admin;
    s.created_at = 1000;
    s.updated_at = 1000;
    return s;
  }

  template <class F>
  Id write_id(F f) {
    Id id = 0;
    auto done = store().write([&](Writer& w) -> Result<void> {
      RUNG_TRY_ASSIGN(id, f(w));
      return {};
    });
    EXPECT_TRUE(done) << done.error().to_string();
    return id;
  }

  Id insert_session(const CalibrationSession& s) {
    return write_id([&](Writer& w) { return w.insert_calibration_session(s); });
  }

  Id m_ann = 0;
  Id m_boss = 0;
  Id m_admin = 0;
  Id m_calibrator = 0;
  Id m_cycle = 0;
  Id m_assessment = 0;
};

TEST_P(CalibrationContract, ASessionRoundTripsAndAnUpdateReplacesIt) {
  CalibrationSession s = session();
  s.id = insert_session(s);
  EXPECT_EQ(store().calibration_session(s.id).value(), s);

  s.name = "Levels 2 to 3";
  s.scope = ScopeKind::levels;
  s.scope_person = std::nullopt;
  s.scope_levels = {"swe-2", "swe-3"};
  s.guideline.clear();
  s.calibrators = {m_calibrator};
  s.state = SessionState::discussing;
  s.version = 2;
  s.updated_at = 2000;
  s.opened_at = 2000;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_calibration_session(s); }), "");
  EXPECT_EQ(store().calibration_session(s.id).value(), s);

  s.scope = ScopeKind::track;
  s.scope_levels.clear();
  s.scope_track = "sre";
  s.state = SessionState::closed;
  s.closed_at = 3000;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_calibration_session(s); }), "");
  EXPECT_EQ(store().calibration_session(s.id).value(), s);

  CalibrationSession ghost = s;
  ghost.id = 4242;
  EXPECT_EQ(error_of([&](Writer& w) { return w.update_calibration_session(ghost); }),
            "store.not-found");
  EXPECT_EQ(store().calibration_session(4242).value(), std::nullopt);
}

TEST_P(CalibrationContract, ASessionMustNameACycleAPersonAndAccountsThatExist) {
  auto refused = [&](CalibrationSession s) {
    return error_of([&](Writer& w) { return w.insert_calibration_session(s).map([](Id) {}); });
  };
  CalibrationSession s = session();
  s.cycle = 4242;
  EXPECT_EQ(refused(s), "store.conflict");
  s = session();
  s.scope_person = 4242;
  EXPECT_EQ(refused(s), "store.conflict");
  s = session();
  s.facilitator = 4242;
  EXPECT_EQ(refused(s), "store.conflict");
  s = session();
  s.created_by = 4242;
  EXPECT_EQ(refused(s), "store.conflict");
  EXPECT_TRUE(store().calibration_sessions().value().empty());
}

TEST_P(CalibrationContract, SessionsAreListedInIdOrder) {
  CalibrationSession a = session();
  a.id = insert_session(a);
  CalibrationSession b = session();
  b.name = "Reliability";
  b.scope = ScopeKind::track;
  b.scope_person = std::nullopt;
  b.scope_track = "sre";
  b.id = insert_session(b);
  EXPECT_EQ(store().calibration_sessions().value(), (std::vector{a, b}));
}

TEST_P(CalibrationContract, APreVoteIsReplacedByTheNextOneOfTheSameCalibratorAndSubject) {
  const Id s = insert_session(session());
  const PreVote first{s, m_calibrator, VoteSubject::outcome, m_ann, VoteChoice::agree, "", 1, 10};
  const PreVote on_case{s,
                        m_calibrator,
                        VoteSubject::promotion,
                        1,
                        VoteChoice::question,
                        "Scope of the migration?",
                        1,
                        11};
  const PreVote by_admin{
      s, m_admin, VoteSubject::outcome, m_ann, VoteChoice::disagree, "Rated high on delivery.",
      1, 12};
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_pre_vote(on_case));
              RUNG_TRY(w.put_pre_vote(first));
              return w.put_pre_vote(by_admin);
            }),
            "");
  // Ordered by calibrator, then outcome before case, then subject id.
  const Id low = std::min(m_admin, m_calibrator);
  auto votes = store().pre_votes(s).value();
  ASSERT_EQ(votes.size(), 3u);
  EXPECT_EQ(votes[0].calibrator, low);
  EXPECT_EQ(low == m_calibrator ? (std::vector{votes[0], votes[1], votes[2]})
                                : (std::vector{votes[1], votes[2], votes[0]}),
            (std::vector{first, on_case, by_admin}));

  PreVote changed = first;
  changed.vote = VoteChoice::question;
  changed.note = "Why Consistently on mentoring?";
  changed.version = 2;
  changed.updated_at = 20;
  EXPECT_EQ(error_of([&](Writer& w) { return w.put_pre_vote(changed); }), "");
  votes = store().pre_votes(s).value();
  EXPECT_EQ(votes.size(), 3u);
  EXPECT_NE(std::find(votes.begin(), votes.end(), changed), votes.end());
  EXPECT_TRUE(store().pre_votes(4242).value().empty());

  PreVote orphan = first;
  orphan.session = 4242;
  EXPECT_EQ(error_of([&](Writer& w) { return w.put_pre_vote(orphan); }), "store.conflict");
}

TEST_P(CalibrationContract, DecisionsRoundTripInIdOrderAndMustNameWhatExists) {
  const Id s = insert_session(session());
  CalibrationDecision rating{0,
                             s,
                             m_ann,
                             m_assessment,
                             "swe-2-delivery-1",
                             "sometimes",
                             "consistently",
                             "Seen across three projects.",
                             m_admin,
                             100};
  CalibrationDecision outcome{
      0, s, m_ann, m_assessment, "", "meets", "ready", "The team agreed.", m_admin, 200};
  rating.id = write_id([&](Writer& w) { return w.insert_calibration_decision(rating); });
  outcome.id = write_id([&](Writer& w) { return w.insert_calibration_decision(outcome); });
  EXPECT_EQ(store().calibration_decisions(s).value(), (std::vector{rating, outcome}));
  EXPECT_TRUE(store().calibration_decisions(4242).value().empty());

  auto refused = [&](CalibrationDecision d) {
    return error_of([&](Writer& w) { return w.insert_calibration_decision(d).map([](Id) {}); });
  };
  CalibrationDecision bad = rating;
  bad.session = 4242;
  EXPECT_EQ(refused(bad), "store.conflict");
  bad = rating;
  bad.person = 4242;
  EXPECT_EQ(refused(bad), "store.conflict");
  bad = rating;
  bad.assessment = 4242;
  EXPECT_EQ(refused(bad), "store.conflict");
  bad = rating;
  bad.account = 4242;
  EXPECT_EQ(refused(bad), "store.conflict");
  EXPECT_EQ(store().calibration_decisions(s).value().size(), 2u);
}

TEST_P(CalibrationContract, AFailedWriteLeavesTheSessionAndItsVotesAsTheyWere) {
  CalibrationSession s = session();
  s.id = insert_session(s);
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              CalibrationSession opened = s;
              opened.state = SessionState::discussing;
              opened.version = 2;
              RUNG_TRY(w.update_calibration_session(opened));
              RUNG_TRY(w.put_pre_vote(
                  {s.id, m_calibrator, VoteSubject::outcome, m_ann, VoteChoice::agree, "", 1, 1}));
              CalibrationDecision broken{0, s.id, m_ann, 4242, "", "a", "b", "r", m_admin, 1};
              return w.insert_calibration_decision(broken).map([](Id) {});
            }),
            "store.conflict");
  EXPECT_EQ(store().calibration_session(s.id).value(), s);
  EXPECT_TRUE(store().pre_votes(s.id).value().empty());
  EXPECT_TRUE(store().calibration_decisions(s.id).value().empty());
}

TEST_P(CalibrationContract, DeletingASessionRemovesItAndItsVotesOnly) {
  CalibrationSession s = session();
  s.id = insert_session(s);
  CalibrationSession other = session();
  other.id = insert_session(other);
  const PreVote vote{s.id, m_calibrator, VoteSubject::outcome, m_ann, VoteChoice::agree, "", 1, 1};
  PreVote kept = vote;
  kept.session = other.id;
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY(w.put_pre_vote(vote));
              RUNG_TRY(w.put_pre_vote({s.id, m_admin, VoteSubject::outcome, m_ann,
                                       VoteChoice::question, "Why?", 1, 2}));
              return w.put_pre_vote(kept);
            }),
            "");
  std::size_t removed = 0;
  EXPECT_EQ(error_of([&](Writer& w) -> Result<void> {
              RUNG_TRY_ASSIGN(removed, w.delete_calibration_session(s.id));
              return {};
            }),
            "");
  EXPECT_EQ(removed, 2u);
  EXPECT_FALSE(store().calibration_session(s.id).value().has_value());
  EXPECT_TRUE(store().pre_votes(s.id).value().empty());
  EXPECT_EQ(store().calibration_session(other.id).value(), other);
  EXPECT_EQ(store().pre_votes(other.id).value(), std::vector{kept});
  EXPECT_EQ(
      error_of([&](Writer& w) { return w.delete_calibration_session(4242).map([](auto) {}); }),
      "store.not-found");
  // A session with a decision is never deleted; the failed write leaves its votes.
  CalibrationDecision decision{
      0, other.id, m_ann, m_assessment, "", "meets", "ready", "The team agreed.", m_admin, 5};
  decision.id = write_id([&](Writer& w) { return w.insert_calibration_decision(decision); });
  EXPECT_EQ(
      error_of([&](Writer& w) { return w.delete_calibration_session(other.id).map([](auto) {}); }),
      "store.conflict");
  EXPECT_EQ(store().calibration_session(other.id).value(), other);
  EXPECT_EQ(store().pre_votes(other.id).value(), std::vector{kept});
  EXPECT_EQ(store().calibration_decisions(other.id).value(), std::vector{decision});
}

INSTANTIATE_TEST_SUITE_P(Store, CalibrationContract, all_implementations(), implementation_name);

}  // namespace
}  // namespace rung::store
