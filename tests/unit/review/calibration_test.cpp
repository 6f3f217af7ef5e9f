// Calibration sessions through review::Service (docs/calibration.md): who may create, read and
// run a session; pre-votes hidden from the other calibrators until the discussion opens; the
// lock on the manager assessments of the session's people while it discusses; calibrated
// ratings and outcomes as decision records over an unchanged snapshot; the distribution and
// its small-group threshold; and every bad input refused with the store exactly as it was.
#include <gtest/gtest.h>

#include "rung/review/packet.hpp"

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::SessionState;
using store::VoteChoice;
using store::VoteSubject;
using testing::all_stores;
using testing::ReviewFixture;

// Every statement of t-1 ("yes" meets it: 5 alpha, 1 beta, 4 gamma).
std::vector<std::pair<std::string, std::string>> all_of_t1(const std::string& scale) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [area, n] : {std::pair{"alpha", 5}, {"beta", 1}, {"gamma", 4}}) {
    for (int i = 1; i <= n; ++i) {
      out.emplace_back("t-1-" + std::string(area) + "-" + std::to_string(i), scale);
    }
  }
  return out;
}

class Calibration : public ReviewFixture {
 protected:
  void SetUp() override {
    ReviewFixture::SetUp();
    cal_a = add_person("cala", std::nullopt);
    cal_b = add_person("calb", std::nullopt);
    facilitator = viewer_of("fac@example.com", std::nullopt);
    auto opened = service().open_cycle(
        admin,
        store::ReviewCycle{0, "2026 H2", "2026-07-01", "2026-12-31", {}, store::CycleStatus::open});
    ASSERT_TRUE(opened) << opened.error().to_string();
    cycle = *opened;
    ann_manager = submitted(lead, ann, store::AuthorRole::manager, all_of_t1("yes"), cycle.id);
  }

  SessionRequest request() const {
    SessionRequest r;
    r.cycle = cycle.id;
    r.name = "Boss's org";
    r.scope = store::ScopeKind::subtree;
    r.scope_person = id_of(boss);
    r.facilitator = facilitator.account.login;
    r.calibrators = {cal_a.account.login, cal_b.account.login};
    return r;
  }

  store::CalibrationSession create() {
    auto made = service().create_session(admin, request());
    EXPECT_TRUE(made) << made.error().to_string();
    return made.value_or(store::CalibrationSession{});
  }

  store::CalibrationSession opened(const store::CalibrationSession& s) {
    auto done = service().open_discussion(facilitator, s.id, s.version);
    EXPECT_TRUE(done) << done.error().error.to_string();
    return done.value_or(s);
  }

  SaveResult<store::PreVote> vote_on_ann(const auth::Viewer& who, store::Id session,
                                         VoteChoice choice, std::int64_t expected = 0) {
    return service().vote(
        who, session, VoteRequest{VoteSubject::outcome, id_of(ann), choice, "a note", expected});
  }

  const SessionPerson* row_of(const SessionView& view, const auth::Viewer& who) {
    for (const auto& row : view.people) {
      if (row.person.id == id_of(who)) {
        return &row;
      }
    }
    return nullptr;
  }

  // The error code of `result`, checking that the store did not change.
  template <class F>
  std::string refused(F f) {
    const auto before = state();
    std::string code = f();
    EXPECT_EQ(state(), before) << "a refused change (" << code << ") changed the store";
    return code;
  }

  template <class T>
  static std::string code_of(const Result<T>& r) {
    return r ? "" : r.error().code;
  }
  template <class T>
  static std::string code_of(const SaveResult<T>& r) {
    return r ? "" : r.error().error.code;
  }

  auth::Viewer cal_a, cal_b, facilitator;
  store::ReviewCycle cycle;
  store::Assessment ann_manager;
};

TEST_P(Calibration, AnAdminCreatesASessionOverATeamAndOnlyItsMembersReadIt) {
  EXPECT_EQ(code_of(service().create_session(lead, request())), "review.forbidden");
  const auto s = create();
  EXPECT_EQ(s.state, SessionState::preparing);
  EXPECT_EQ(s.calibrators, (std::vector{cal_a.account.id, cal_b.account.id}));

  auto view = service().session(cal_a, s.id);
  ASSERT_TRUE(view) << view.error().to_string();
  // Everyone below boss: lead and ann, not boss, not the outsider.
  ASSERT_EQ(view->people.size(), 2u);
  EXPECT_NE(row_of(*view, lead), nullptr);
  const auto* ann_row = row_of(*view, ann);
  ASSERT_NE(ann_row, nullptr);
  ASSERT_TRUE(ann_row->assessment.has_value());
  EXPECT_EQ(ann_row->assessment->id, ann_manager.id);
  EXPECT_EQ(ann_row->outcome, "meets");
  EXPECT_EQ(view->facilitator, "fac@example.com");
  EXPECT_TRUE(view->actions.vote);
  EXPECT_FALSE(view->actions.open);

  for (const auto* who : {&outsider, &lead, &ann}) {
    EXPECT_EQ(code_of(service().session(*who, s.id)), "review.not-found") << who->account.login;
    EXPECT_TRUE(service().sessions_in_cycle(*who, cycle.id).value().empty());
  }
  EXPECT_EQ(service().sessions_in_cycle(cal_b, cycle.id).value().size(), 1u);
  EXPECT_EQ(service().sessions_in_cycle(admin, cycle.id).value().size(), 1u);
  EXPECT_EQ(service().my_sessions(facilitator).value().size(), 1u);
  EXPECT_TRUE(service().my_sessions(admin).value().empty());
  EXPECT_EQ(code_of(service().sessions_in_cycle(admin, 4242)), "review.not-found");
}

TEST_P(Calibration, PreVotesAreHiddenFromTheOtherCalibratorsUntilTheDiscussionOpens) {
  auto s = create();
  ASSERT_TRUE(vote_on_ann(cal_a, s.id, VoteChoice::disagree));
  ASSERT_TRUE(vote_on_ann(cal_b, s.id, VoteChoice::agree));

  auto seen_by_b = service().session(cal_b, s.id).value();
  const auto* row = row_of(seen_by_b, ann);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->vote_count, 2u);
  ASSERT_EQ(row->votes.size(), 1u);
  EXPECT_EQ(row->votes[0].calibrator, cal_b.account.id);
  EXPECT_FALSE(seen_by_b.votes_visible);

  // The facilitator and admins see how many, not what.
  for (const auto* who : {&facilitator, &admin}) {
    auto view = service().session(*who, s.id).value();
    EXPECT_EQ(view.votes_cast, 2u);
    EXPECT_TRUE(row_of(view, ann)->votes.empty());
    EXPECT_TRUE(view.actions.open);
    EXPECT_FALSE(view.actions.vote);
  }

  // A changed vote carries the version it was made against.
  EXPECT_EQ(code_of(vote_on_ann(cal_b, s.id, VoteChoice::question)), "review.conflict");
  auto changed = vote_on_ann(cal_b, s.id, VoteChoice::question, 1);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->version, 2);

  s = opened(s);
  seen_by_b = service().session(cal_b, s.id).value();
  EXPECT_TRUE(seen_by_b.votes_visible);
  EXPECT_EQ(row_of(seen_by_b, ann)->votes.size(), 2u);
  EXPECT_EQ(row_of(service().session(facilitator, s.id).value(), ann)->votes.size(), 2u);
}

TEST_P(Calibration, WhileDiscussingTheManagerAssessmentsOfItsPeopleAreLocked) {
  auto s = create();
  const auto lead_draft = draft(boss, lead, store::AuthorRole::manager);
  // The draft above is outside the cycle; one in the cycle:
  auto in_cycle =
      service().start(boss, StartRequest{id_of(lead), store::AuthorRole::manager, "", cycle.id});
  ASSERT_TRUE(in_cycle);
  const auto self_draft =
      service().start(ann, StartRequest{id_of(ann), store::AuthorRole::self, "", cycle.id});
  ASSERT_TRUE(self_draft);
  s = opened(s);

  const auto& locked = in_cycle->assessment;
  EXPECT_EQ(
      refused([&] {
        return code_of(service().save_rating(boss, locked.id, locked.version, "t-1-beta-1", "yes"));
      }),
      "review.locked");
  EXPECT_EQ(refused([&] { return code_of(service().submit(boss, locked.id, locked.version)); }),
            "review.locked");
  EXPECT_EQ(refused([&] {
              return code_of(service().withdraw(lead, ann_manager.id, "submitted by mistake"));
            }),
            "review.locked");
  // Not locked: a manager draft outside the cycle, and self-assessments.
  EXPECT_TRUE(service().save_rating(boss, lead_draft.id, lead_draft.version, "t-1-beta-1", "yes"));
  EXPECT_TRUE(service().save_rating(ann, self_draft->assessment.id, self_draft->assessment.version,
                                    "t-1-beta-1", "yes"));

  // Closing unlocks.
  ASSERT_TRUE(service().close_session(facilitator, s.id, s.version));
  EXPECT_TRUE(service().save_rating(boss, locked.id, locked.version, "t-1-beta-1", "yes"));
  EXPECT_TRUE(service().withdraw(lead, ann_manager.id, "submitted by mistake"));
}

TEST_P(Calibration, CalibratingWritesADecisionAndLeavesTheSnapshotAsItWas) {
  auto s = opened(create());
  const auto snapshot = store().snapshot(ann_manager.id).value();
  const auto ratings = store().ratings(ann_manager.id).value();

  auto rating = service().calibrate(
      facilitator, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "part", "One project only."});
  ASSERT_TRUE(rating) << rating.error().to_string();
  EXPECT_EQ(rating->before, "yes");
  EXPECT_EQ(rating->after, "part");
  EXPECT_EQ(rating->assessment, ann_manager.id);
  EXPECT_EQ(rating->account, facilitator.account.id);

  EXPECT_EQ(store().snapshot(ann_manager.id).value(), snapshot);
  EXPECT_EQ(store().ratings(ann_manager.id).value(), ratings);

  auto view = service().session(cal_a, s.id).value();
  const auto* row = row_of(view, ann);
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->outcome, "meets");
  EXPECT_EQ(row->calibrated_outcome, "below");  // beta has one statement, now not met
  ASSERT_EQ(row->decisions.size(), 1u);
  for (const auto& r : row->ratings) {
    if (r.statement == "t-1-beta-1") {
      EXPECT_EQ(r.submitted, "yes");
      EXPECT_EQ(r.calibrated, "part");
    }
  }

  // A second change starts from the calibrated value; the outcome can be set directly.
  auto again = service().calibrate(
      admin, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "star", "Seen again in review."});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->before, "part");
  auto outcome = service().calibrate(
      facilitator, s.id, CalibrateRequest{id_of(ann), "", "ready", "Ready for t-2 by consensus."});
  ASSERT_TRUE(outcome) << outcome.error().to_string();
  EXPECT_EQ(outcome->before, "meets");
  EXPECT_EQ(row_of(service().session(admin, s.id).value(), ann)->calibrated_outcome, "ready");

  store::AuditQuery query;
  query.action = "calibration.decide";
  EXPECT_EQ(store().audit(query).value().size(), 3u);
}

TEST_P(Calibration, CalibratedFiguresAppearWhereverTheSubmittedOnesDo) {
  // Nothing calibrated yet: no layer anywhere.
  EXPECT_TRUE(service().side_by_side(lead, id_of(ann), "").value().calibration.empty());
  auto s = opened(create());
  ASSERT_TRUE(service().calibrate(facilitator, s.id,
                                  CalibrateRequest{id_of(ann), "t-1-beta-1", "part", "First."}));
  ASSERT_TRUE(service().calibrate(
      admin, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "star", "Seen again."}));
  ASSERT_TRUE(
      service().calibrate(facilitator, s.id, CalibrateRequest{id_of(ann), "", "ready", "Agreed."}));
  // One read over the decisions: the first "before", the last "after" and its reason.
  const auto layer = read_calibrations(store(), {ann_manager.id, 4242}).value();
  ASSERT_EQ(layer.size(), 1u);
  const auto& c = layer.at(ann_manager.id);
  ASSERT_NE(c.rating("t-1-beta-1"), nullptr);
  EXPECT_EQ(c.rating("t-1-beta-1")->submitted, "yes");
  EXPECT_EQ(c.rating("t-1-beta-1")->calibrated, "star");
  EXPECT_EQ(c.rating("t-1-beta-1")->reason, "Seen again.");
  EXPECT_EQ(c.rating("t-1-beta-1")->session, "Boss's org");
  ASSERT_TRUE(c.outcome.has_value());
  EXPECT_EQ(c.outcome->submitted, "meets");
  EXPECT_EQ(c.outcome->calibrated, "ready");

  // Side by side, team readiness and the packet carry the same layer; the submitted figures
  // are unchanged.
  const auto side = service().side_by_side(lead, id_of(ann), "").value();
  EXPECT_EQ(side.calibration, c);
  for (const auto& row : side.rows) {
    if (row.statement_id == "t-1-beta-1") {
      EXPECT_EQ(row.manager_rating, "yes");
    }
  }
  TeamQuery query;
  query.cycle = cycle.id;
  const auto team = service().team_readiness(lead, id_of(lead), query).value();
  ASSERT_EQ(team.rows.size(), 1u);
  ASSERT_TRUE(team.rows[0].calibration.has_value());
  EXPECT_EQ(*team.rows[0].calibration, c);
  const auto packet = build_packet(store(), ladder(), "ann@example.com", "").value();
  EXPECT_EQ(packet.calibration, c);
  const std::string markdown = packet_markdown(ladder(), packet);
  EXPECT_NE(markdown.find("(submitted) → **"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("Seen again."), std::string::npos);
  const auto json = nlohmann::json::parse(packet_json(ladder(), packet));
  EXPECT_EQ(json["calibration"]["outcome"]["calibrated"], "ready");

  // Changed back to what was submitted: no longer calibrated.
  ASSERT_TRUE(
      service().calibrate(admin, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "yes", "Back."}));
  EXPECT_EQ(
      read_calibrations(store(), {ann_manager.id}).value().at(ann_manager.id).rating("t-1-beta-1"),
      nullptr);
}

TEST_P(Calibration, OpeningTheDiscussionTakesUpTheSubmittedCasesOfItsPeople) {
  auto opened_case = service().open_case(lead, CaseRequest{id_of(ann), "t-2", cycle.id, "Ready."});
  ASSERT_TRUE(opened_case) << opened_case.error().to_string();
  auto submitted_case = service().submit_case(lead, opened_case->id, opened_case->version);
  ASSERT_TRUE(submitted_case);
  auto s = create();
  ASSERT_TRUE(service().vote(
      cal_a, s.id,
      VoteRequest{VoteSubject::promotion, opened_case->id, VoteChoice::question, "Scope?", 0}));
  s = opened(s);
  EXPECT_EQ(store().promotion_case(opened_case->id).value()->status, store::CaseStatus::in_review);
  auto view = service().session(cal_b, s.id).value();
  const auto* row = row_of(view, ann);
  ASSERT_TRUE(row->promotion.has_value());
  EXPECT_EQ(row->votes.size(), 1u);
}

TEST_P(Calibration, TheDistributionHidesGroupsUnderTheThreshold) {
  // Everyone at t-1 except the outsider, moved to t-2: six people in the band.
  auto moved = store().person(id_of(outsider)).value().value();
  moved.level = "t-2";
  ASSERT_TRUE(store().write([&](store::Writer& w) { return w.update_person(moved); }));
  auto r = request();
  r.scope = store::ScopeKind::levels;
  r.scope_levels = {"t-1", "t-2"};
  r.guideline = {{"t-1", 70}, {"t-2", 30}};
  auto s = service().create_session(admin, r);
  ASSERT_TRUE(s) << s.error().to_string();
  auto view = service().session(admin, s->id).value();
  EXPECT_EQ(view.people.size(), 6u);
  ASSERT_EQ(view.distribution.size(), 2u);
  EXPECT_EQ(view.distribution[0].level, "t-1");
  EXPECT_EQ(view.distribution[0].people, 5u);
  EXPECT_EQ(view.distribution[0].percent, 83);
  EXPECT_EQ(view.distribution[0].guideline, 70);
  EXPECT_EQ(view.distribution[1].people, std::nullopt);  // one person: withheld
  EXPECT_EQ(view.distribution[1].percent, std::nullopt);
  EXPECT_EQ(view.distribution[1].guideline, 30);

  // A session of two people shows no distribution at all.
  auto small = service().session(admin, create().id).value();
  EXPECT_TRUE(small.distribution.empty());
}

TEST_P(Calibration, BadInputIsRefusedAndChangesNothing) {
  auto s = create();
  // A vote in a session one is not part of.
  EXPECT_EQ(refused([&] { return code_of(vote_on_ann(outsider, s.id, VoteChoice::agree)); }),
            "review.not-found");
  EXPECT_EQ(refused([&] { return code_of(vote_on_ann(facilitator, s.id, VoteChoice::agree)); }),
            "review.forbidden");
  // A vote on someone outside the session.
  EXPECT_EQ(refused([&] {
              return code_of(service().vote(
                  cal_a, s.id,
                  VoteRequest{VoteSubject::outcome, id_of(outsider), VoteChoice::agree, "", 0}));
            }),
            "review.bad-vote");
  // A guideline that does not add up to 100%, or names a level twice or one not on the ladder.
  auto r = request();
  r.guideline = {{"t-1", 60}, {"t-2", 30}};
  EXPECT_EQ(refused([&] { return code_of(service().create_session(admin, r)); }),
            "review.bad-guideline");
  r.guideline = {{"t-1", 50}, {"t-1", 50}};
  EXPECT_EQ(refused([&] { return code_of(service().create_session(admin, r)); }),
            "review.bad-guideline");
  r.guideline = {{"x-9", 100}};
  EXPECT_EQ(refused([&] { return code_of(service().create_session(admin, r)); }),
            "review.bad-guideline");
  // A calibrator no account has; no calibrators; no name.
  r = request();
  r.calibrators = {"nobody@example.com"};
  EXPECT_EQ(refused([&] { return code_of(service().create_session(admin, r)); }),
            "review.bad-session");
  r.calibrators = {};
  EXPECT_EQ(refused([&] { return code_of(service().create_session(admin, r)); }),
            "review.bad-session");
  r = request();
  r.name = "  ";
  EXPECT_EQ(refused([&] { return code_of(service().create_session(admin, r)); }),
            "review.bad-session");
  // Calibrating before the discussion opens; only the facilitator or an admin opens it.
  EXPECT_EQ(refused([&] {
              return code_of(service().calibrate(
                  facilitator, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "part", "Why"}));
            }),
            "review.session-state");
  EXPECT_EQ(refused([&] { return code_of(service().open_discussion(cal_a, s.id, s.version)); }),
            "review.forbidden");
  EXPECT_EQ(refused([&] { return code_of(service().open_discussion(admin, s.id, 99)); }),
            "review.conflict");

  s = opened(s);
  // A vote after the discussion opened: refused (pre-votes are independent, before it).
  EXPECT_EQ(refused([&] { return code_of(vote_on_ann(cal_a, s.id, VoteChoice::agree)); }),
            "review.session-state");
  // A calibration without a reason, of nothing that changes, of an unknown scale point.
  EXPECT_EQ(refused([&] {
              return code_of(service().calibrate(
                  facilitator, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "part", " "}));
            }),
            "review.bad-reason");
  EXPECT_EQ(refused([&] {
              return code_of(service().calibrate(
                  facilitator, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "yes", "Same"}));
            }),
            "review.bad-calibration");
  EXPECT_EQ(refused([&] {
              return code_of(service().calibrate(
                  facilitator, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "huge", "No"}));
            }),
            "review.bad-calibration");
  EXPECT_EQ(refused([&] {
              return code_of(service().calibrate(
                  facilitator, s.id, CalibrateRequest{id_of(lead), "", "ready", "No assessment"}));
            }),
            "review.bad-calibration");
  EXPECT_EQ(refused([&] {
              return code_of(service().calibrate(
                  cal_a, s.id, CalibrateRequest{id_of(ann), "t-1-beta-1", "part", "Calibrator"}));
            }),
            "review.forbidden");

  // A session on a closed cycle.
  ASSERT_TRUE(service().close_cycle(admin, cycle.id));
  EXPECT_EQ(refused([&] { return code_of(service().create_session(admin, request())); }),
            "review.cycle-closed");
}

TEST_P(Calibration, AnAdminChangesAPreparedSessionAndTheChangeIsAudited) {
  const auto s = create();
  auto r = request();
  r.name = "Platform, renamed";
  r.scope = store::ScopeKind::levels;
  r.scope_levels = {"t-1"};
  r.calibrators = {cal_b.account.login};
  r.guideline = {{"t-1", 100}};
  // Only admins change a session; the facilitator may not.
  EXPECT_EQ(
      refused([&] { return code_of(service().edit_session(facilitator, s.id, s.version, r)); }),
      "review.forbidden");
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(cal_a, s.id, s.version, r)); }),
            "review.forbidden");
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(outsider, s.id, s.version, r)); }),
            "review.not-found");
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(admin, s.id, 99, r)); }),
            "review.conflict");
  auto edited = service().edit_session(admin, s.id, s.version, r);
  ASSERT_TRUE(edited) << edited.error().error.to_string();
  EXPECT_EQ(edited->name, "Platform, renamed");
  EXPECT_EQ(edited->version, s.version + 1);
  EXPECT_EQ(edited->cycle, s.cycle);
  EXPECT_EQ(edited->scope, store::ScopeKind::levels);
  EXPECT_FALSE(edited->scope_person.has_value());
  EXPECT_EQ(edited->calibrators, std::vector{cal_b.account.id});
  EXPECT_EQ(store().calibration_session(s.id).value(), *edited);
  // A calibrator taken off the session no longer reads it.
  EXPECT_EQ(code_of(service().session(cal_a, s.id)), "review.not-found");
  EXPECT_TRUE(service().session(cal_b, s.id));

  store::AuditQuery query;
  query.action = "calibration.edit";
  const auto entries = store().audit(query).value();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].subject, "calibration:" + std::to_string(s.id));
}

TEST_P(Calibration, BadEditsAreRefusedAndChangeNothing) {
  const auto s = create();
  auto r = request();
  r.guideline = {{"t-1", 60}, {"t-2", 30}};
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(admin, s.id, s.version, r)); }),
            "review.bad-guideline");
  r = request();
  r.calibrators = {"nobody@example.com"};
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(admin, s.id, s.version, r)); }),
            "review.bad-session");
  r = request();
  r.name = " ";
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(admin, s.id, s.version, r)); }),
            "review.bad-session");
  r = request();
  r.scope = store::ScopeKind::track;
  r.scope_track = "no-such-track";
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(admin, s.id, s.version, r)); }),
            "review.bad-session");
  EXPECT_EQ(refused([&] { return code_of(service().edit_session(admin, 999, 1, request())); }),
            "review.not-found");
  // Once the discussion opened, neither an edit nor a delete: the decisions are records.
  const auto open = opened(s);
  EXPECT_EQ(refused([&] {
              return code_of(service().edit_session(admin, open.id, open.version, request()));
            }),
            "review.session-state");
  EXPECT_EQ(
      refused([&] { return code_of(service().delete_session(admin, open.id, open.version)); }),
      "review.session-state");
  ASSERT_TRUE(service().calibrate(facilitator, open.id,
                                  CalibrateRequest{id_of(ann), "t-1-beta-1", "part", "Why"}));
  auto closed = service().close_session(facilitator, open.id, open.version);
  ASSERT_TRUE(closed);
  EXPECT_EQ(refused([&] {
              return code_of(service().delete_session(admin, closed->id, closed->version));
            }),
            "review.session-state");
  EXPECT_EQ(refused([&] {
              return code_of(service().edit_session(admin, closed->id, closed->version, request()));
            }),
            "review.session-state");
}

TEST_P(Calibration, DeletingAPreparedSessionRemovesItsPreVotesAndIsAudited) {
  const auto s = create();
  const auto other = create();
  ASSERT_TRUE(vote_on_ann(cal_a, s.id, VoteChoice::agree));
  ASSERT_TRUE(vote_on_ann(cal_b, s.id, VoteChoice::question));
  ASSERT_TRUE(vote_on_ann(cal_a, other.id, VoteChoice::disagree));
  EXPECT_EQ(
      refused([&] { return code_of(service().delete_session(facilitator, s.id, s.version)); }),
      "review.forbidden");
  EXPECT_EQ(refused([&] { return code_of(service().delete_session(cal_a, s.id, s.version)); }),
            "review.forbidden");
  EXPECT_EQ(refused([&] { return code_of(service().delete_session(outsider, s.id, s.version)); }),
            "review.not-found");
  EXPECT_EQ(refused([&] { return code_of(service().delete_session(admin, s.id, 99)); }),
            "review.conflict");
  auto removed = service().delete_session(admin, s.id, s.version);
  ASSERT_TRUE(removed) << removed.error().error.to_string();
  EXPECT_EQ(*removed, 2u);
  EXPECT_FALSE(store().calibration_session(s.id).value().has_value());
  EXPECT_TRUE(store().pre_votes(s.id).value().empty());
  // The other session and its vote stay.
  EXPECT_EQ(store().pre_votes(other.id).value().size(), 1u);
  EXPECT_EQ(code_of(service().session(admin, s.id)), "review.not-found");

  store::AuditQuery query;
  query.action = "calibration.delete";
  const auto entries = store().audit(query).value();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_NE(entries[0].before.find("\"pre_votes\":2"), std::string::npos) << entries[0].before;
}

INSTANTIATE_TEST_SUITE_P(Store, Calibration, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
