// Promotion cases through review::Service (docs/promotions.md): who may open, read, write,
// decide and publish; the target level rules; the life of a case from draft to published, with
// the person's level changed in the publishing write; and every bad input refused with a clear
// error and the store exactly as it was.
#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::CaseOutcome;
using store::CaseStatus;
using testing::all_stores;
using testing::ReviewFixture;

// The small ladder with grades 1-4 (t-1..t-3 at 1..3) and a second track m (m-1..m-3 at 1..3).
model::Ladder graded_ladder() {
  model::LadderData data = assess::testing::small_ladder().data();
  data.general.grades = {"1", "2", "3", "4"};
  for (std::size_t i = 0; i < data.tracks[0].levels.size(); ++i) {
    data.tracks[0].levels[i].grade = std::to_string(i + 1);
  }
  model::Track m{"m", "Manager", model::Family::manager, {}, {}};
  for (int n = 1; n <= 3; ++n) {
    const std::string id = "m-" + std::to_string(n);
    model::Level level = assess::testing::level_of(id, n);
    level.grade = std::to_string(n);
    level.areas = {assess::testing::area_of(id, "alpha", 1)};
    m.levels.push_back(level);
  }
  data.tracks.push_back(m);
  return model::Ladder(std::move(data));
}

class Promotions : public ReviewFixture {
 protected:
  model::Ladder test_ladder() const override { return graded_ladder(); }

  store::ReviewCycle open_cycle(std::vector<std::string> tracks = {}) {
    auto cycle = service().open_cycle(
        admin, store::ReviewCycle{0, "2026 H2", "2026-07-01", "2026-12-31", std::move(tracks),
                                  store::CycleStatus::open});
    EXPECT_TRUE(cycle) << cycle.error().to_string();
    return cycle.value_or(store::ReviewCycle{});
  }

  CaseRequest request(std::string target = "t-2", std::optional<store::Id> cycle = {}) {
    return CaseRequest{id_of(ann), std::move(target), cycle, "Ann led the billing migration."};
  }

  store::PromotionCase open_for_ann(std::optional<store::Id> cycle = {}) {
    auto opened = service().open_case(lead, request("t-2", cycle));
    EXPECT_TRUE(opened) << opened.error().to_string();
    return opened.value_or(store::PromotionCase{});
  }

  // Opens, submits and decides ann's case; returns it as stored.
  store::PromotionCase decided(CaseOutcome outcome, std::optional<store::Id> cycle = {}) {
    auto c = open_for_ann(cycle);
    auto submitted = service().submit_case(lead, c.id, c.version);
    EXPECT_TRUE(submitted) << submitted.error().error.to_string();
    auto done =
        service().decide_case(admin, c.id, submitted->version,
                              Decision{outcome, "Consistent at t-2 for a year.", "2026-08-01"});
    EXPECT_TRUE(done) << done.error().error.to_string();
    return done.value_or(store::PromotionCase{});
  }

  std::string open_error(const auth::Viewer& viewer, const CaseRequest& r) {
    const auto before = state();
    auto opened = service().open_case(viewer, r);
    EXPECT_EQ(state(), before) << "a refused case changed the store";
    return opened ? "" : opened.error().code;
  }

  template <class T>
  std::string save_error(const SaveResult<T>& result) {
    return result ? "" : result.error().error.code;
  }

  std::vector<std::string> audit_actions() {
    store::AuditQuery query;
    query.action = "promotion.";
    std::vector<std::string> out;
    const auto entries = store().audit(query).value();
    for (const auto& entry : entries) {
      out.insert(out.begin(), entry.action);
    }
    return out;
  }
};

TEST_P(Promotions, AManagerAboveOrAnAdminOpensACaseForTheNextLevel) {
  const auto c = open_for_ann();
  EXPECT_EQ(c.person, id_of(ann));
  EXPECT_EQ(c.from_track, "t");
  EXPECT_EQ(c.from_level, "t-1");
  EXPECT_EQ(c.target_track, "t");
  EXPECT_EQ(c.target_level, "t-2");
  EXPECT_EQ(c.status, CaseStatus::draft);
  EXPECT_EQ(c.version, 1);
  EXPECT_EQ(c.opened_by_account, lead.account.id);
  EXPECT_EQ(c.opened_by_person, id_of(lead));
  EXPECT_EQ(store().promotion_case(c.id).value(), c);
  EXPECT_EQ(audit_actions(), (std::vector<std::string>{"promotion.open"}));

  // The boss (two levels up) opens one for lead; an admin for boss, in another track.
  EXPECT_TRUE(service().open_case(boss, CaseRequest{id_of(lead), "t-2", {}, ""}));
  const auto across = service().open_case(admin, CaseRequest{id_of(boss), "m-2", {}, ""});
  ASSERT_TRUE(across) << across.error().to_string();
  EXPECT_EQ(across->target_track, "m");
  EXPECT_EQ(across->opened_by_person, std::nullopt);
}

TEST_P(Promotions, OpeningRefusesBadInputAndChangesNothing) {
  const auto closed = open_cycle();
  ASSERT_TRUE(service().close_cycle(admin, closed.id));
  const auto m_only = open_cycle({"m"});
  EXPECT_EQ(open_error(ann, request()), "review.forbidden");       // oneself
  EXPECT_EQ(open_error(outsider, request()), "review.forbidden");  // outside the line
  EXPECT_EQ(open_error(lead, CaseRequest{4242, "t-2", {}, ""}), "review.not-found");
  EXPECT_EQ(open_error(lead, request("t-9")), "ladder.unknown-level");
  EXPECT_EQ(open_error(lead, request("t-1")), "review.bad-target");  // the current level
  EXPECT_EQ(open_error(lead, request("t-3")), "review.bad-target");  // not the next one
  EXPECT_EQ(open_error(lead, request("m-1")), "review.bad-target");  // the same grade
  EXPECT_EQ(open_error(lead, request("t-2", 4242)), "review.not-found");
  EXPECT_EQ(open_error(lead, request("t-2", closed.id)), "review.cycle-closed");
  EXPECT_EQ(open_error(lead, request("t-2", m_only.id)), "review.cycle-track");
  EXPECT_EQ(open_error(lead, CaseRequest{id_of(ann), "t-2", {}, "\xff"}), "review.bad-text");
  EXPECT_EQ(open_error(lead, CaseRequest{id_of(ann), "t-2", {}, std::string(20000, 'x')}),
            "review.text-too-large");

  // One open case per person; a decided one does not count.
  open_for_ann();
  EXPECT_EQ(open_error(boss, request("m-2")), "review.case-open");
}

TEST_P(Promotions, ADecidedCaseLetsANewOneBeOpened) {
  decided(CaseOutcome::not_now);
  EXPECT_TRUE(service().open_case(lead, request()));
}

TEST_P(Promotions, ThePersonTheLineAndAdminsReadTheCaseAndNoOneElse) {
  const auto c = open_for_ann();
  for (const auto* viewer : {&ann, &lead, &boss, &admin}) {
    const auto view = service().promotion_case(*viewer, c.id);
    ASSERT_TRUE(view) << viewer->account.login << ": " << view.error().to_string();
    EXPECT_EQ(view->promotion, c);
    EXPECT_EQ(view->person.id, id_of(ann));
    EXPECT_EQ(view->opened_by_login, lead.account.login);
  }
  EXPECT_EQ(service().promotion_case(outsider, c.id).error().code, "review.not-found");
  EXPECT_EQ(service().promotion_case(admin, 4242).error().code, "review.not-found");
  EXPECT_EQ(service().cases_of(outsider, id_of(ann)).error().code, "review.forbidden");
  EXPECT_EQ(service().cases_of(ann, id_of(ann)).value().size(), 1U);
  EXPECT_TRUE(service().cases_of(lead, id_of(lead)).value().empty());
  EXPECT_TRUE(service().case_belongs(id_of(ann), c.id).value());
  EXPECT_FALSE(service().case_belongs(id_of(lead), c.id).value());
  EXPECT_EQ(service().case_packet(outsider, c.id).error().code, "review.not-found");
}

TEST_P(Promotions, WhoMayDoWhatShowsInTheActions) {
  const auto c = open_for_ann();
  const auto as_ann = service().promotion_case(ann, c.id)->actions;
  EXPECT_TRUE(as_ann.edit_statement);
  EXPECT_FALSE(as_ann.edit_case || as_ann.submit || as_ann.decide);
  const auto as_lead = service().promotion_case(lead, c.id)->actions;
  EXPECT_TRUE(as_lead.edit_case && as_lead.submit);
  EXPECT_FALSE(as_lead.edit_statement || as_lead.decide || as_lead.start_review);
  const auto as_admin = service().promotion_case(admin, c.id)->actions;
  EXPECT_TRUE(as_admin.edit_case && as_admin.submit);
  EXPECT_FALSE(as_admin.decide);  // not before it is submitted
}

TEST_P(Promotions, TheLifeOfACaseFromDraftToAPublishedApproval) {
  const auto cycle = open_cycle();
  auto c = open_for_ann(cycle.id);
  c = service()
          .edit_case(lead, c.id, c.version, "Ann led the billing migration and on-call.")
          .value();
  EXPECT_EQ(c.version, 2);
  c = service().write_statement(ann, c.id, c.version, "I would like to grow into t-2.").value();
  c = service().submit_case(lead, c.id, c.version).value();
  EXPECT_EQ(c.status, CaseStatus::submitted);
  c = service().start_case_review(admin, c.id, c.version).value();
  EXPECT_EQ(c.status, CaseStatus::in_review);
  // The person may still write their statement while the case is in review.
  c = service().write_statement(ann, c.id, c.version, "I grew into t-2.").value();
  c = service()
          .decide_case(admin, c.id, c.version,
                       Decision{CaseOutcome::approved, "Met t-2 across the board.", "2026-08-01"})
          .value();
  EXPECT_EQ(c.status, CaseStatus::decided);
  EXPECT_EQ(c.outcome, CaseOutcome::approved);
  EXPECT_EQ(c.effective_date, "2026-08-01");
  EXPECT_EQ(c.decided_by, admin.account.id);
  EXPECT_GT(c.decided_at, 0);

  // Decided but not published: the level is unchanged, and only admins see the outcome.
  EXPECT_EQ(store().person(id_of(ann)).value()->level, "t-1");
  for (const auto* viewer : {&ann, &lead}) {
    const auto view = service().promotion_case(*viewer, c.id).value();
    EXPECT_FALSE(view.decision_visible);
    EXPECT_EQ(view.promotion.outcome, std::nullopt);
    EXPECT_EQ(view.promotion.rationale, "");
    EXPECT_EQ(view.promotion.effective_date, "");
    EXPECT_EQ(view.promotion.status, CaseStatus::decided);
  }
  EXPECT_EQ(service().promotion_case(admin, c.id)->promotion.outcome, CaseOutcome::approved);

  const auto published = service().publish_cycle(admin, cycle.id).value();
  ASSERT_EQ(published.cases.size(), 1U);
  EXPECT_EQ(published.promoted, 1U);
  const auto person = store().person(id_of(ann)).value().value();
  EXPECT_EQ(person.track, "t");
  EXPECT_EQ(person.level, "t-2");
  const auto seen = service().promotion_case(ann, c.id).value();
  EXPECT_TRUE(seen.decision_visible);
  EXPECT_EQ(seen.promotion.outcome, CaseOutcome::approved);
  EXPECT_EQ(seen.promotion.rationale, "Met t-2 across the board.");
  EXPECT_TRUE(seen.promotion.published);
  EXPECT_EQ(audit_actions(),
            (std::vector<std::string>{"promotion.open", "promotion.edit", "promotion.statement",
                                      "promotion.submit", "promotion.review", "promotion.statement",
                                      "promotion.decide", "promotion.publish"}));
  store::AuditQuery promote;
  promote.action = "person.promote";
  const auto entries = store().audit(promote).value();
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].subject, "person:" + std::to_string(id_of(ann)));
  EXPECT_NE(entries[0].before.find("\"level\":\"t-1\""), std::string::npos);
  EXPECT_NE(entries[0].after.find("\"level\":\"t-2\""), std::string::npos);

  // Publishing again publishes nothing new.
  const auto again = service().publish_cycle(admin, cycle.id).value();
  EXPECT_TRUE(again.cases.empty());
  EXPECT_EQ(store().person(id_of(ann)).value()->level, "t-2");
}

TEST_P(Promotions, AnApprovalToAnotherTrackMovesTheTrackToo) {
  auto c = service().open_case(lead, CaseRequest{id_of(ann), "m-2", {}, "Leads people."}).value();
  c = service().submit_case(lead, c.id, c.version).value();
  c = service()
          .decide_case(admin, c.id, c.version,
                       Decision{CaseOutcome::approved, "Ready to manage.", "2026-09-01"})
          .value();
  const auto published = service().publish_case(admin, c.id, c.version).value();
  EXPECT_EQ(published.promoted, 1U);
  const auto person = store().person(id_of(ann)).value().value();
  EXPECT_EQ(person.track, "m");
  EXPECT_EQ(person.level, "m-2");
}

TEST_P(Promotions, NotNowAndWithdrawnLeaveTheLevelAlone) {
  const auto cycle = open_cycle();
  decided(CaseOutcome::not_now, cycle.id);
  ASSERT_TRUE(service().publish_cycle(admin, cycle.id));
  EXPECT_EQ(store().person(id_of(ann)).value()->level, "t-1");
  const auto c = decided(CaseOutcome::withdrawn);
  EXPECT_EQ(c.effective_date, "");
  const auto published = service().publish_case(admin, c.id, c.version).value();
  EXPECT_EQ(published.promoted, 0U);
  EXPECT_EQ(store().person(id_of(ann)).value()->level, "t-1");
  EXPECT_EQ(service().promotion_case(ann, c.id)->promotion.outcome, CaseOutcome::withdrawn);
}

TEST_P(Promotions, ChangesRefusedForTheWrongPersonStateOrVersionChangeNothing) {
  const auto cycle = open_cycle();
  const auto c = open_for_ann(cycle.id);
  auto refused = [&](auto result) { return save_error(result); };
  auto before = state();
  EXPECT_EQ(refused(service().edit_case(ann, c.id, c.version, "mine")), "review.forbidden");
  EXPECT_EQ(refused(service().edit_case(outsider, c.id, c.version, "x")), "review.not-found");
  EXPECT_EQ(refused(service().write_statement(lead, c.id, c.version, "x")), "review.forbidden");
  EXPECT_EQ(refused(service().write_statement(ann, c.id, c.version, "\xc3")), "review.bad-text");
  EXPECT_EQ(refused(service().submit_case(ann, c.id, c.version)), "review.forbidden");
  EXPECT_EQ(refused(service().start_case_review(lead, c.id, c.version)), "review.forbidden");
  EXPECT_EQ(refused(service().start_case_review(admin, c.id, c.version)), "review.case-state");
  EXPECT_EQ(refused(service().decide_case(admin, c.id, c.version,
                                          Decision{CaseOutcome::not_now, "Not yet.", ""})),
            "review.case-state");  // a draft
  const auto stale = service().edit_case(lead, c.id, c.version + 3, "x");
  EXPECT_EQ(refused(stale), "review.conflict");
  ASSERT_TRUE(stale.error().conflict);
  EXPECT_EQ(stale.error().conflict->current_version, 1);
  EXPECT_EQ(stale.error().conflict->sent_version, 4);
  EXPECT_EQ(refused(service().edit_case(lead, 4242, 1, "x")), "review.not-found");
  EXPECT_EQ(state(), before);

  // Submitting needs the manager's text.
  const auto blank = service().edit_case(lead, c.id, c.version, "  ").value();
  before = state();
  EXPECT_EQ(refused(service().submit_case(lead, c.id, blank.version)), "review.case-empty");
  EXPECT_EQ(state(), before);
}

TEST_P(Promotions, ADecisionNeedsARationaleAndAnApprovalADateAndIsMadeOnce) {
  const auto cycle = open_cycle();
  auto c = open_for_ann(cycle.id);
  c = service().submit_case(lead, c.id, c.version).value();
  auto before = state();
  auto decide = [&](const auth::Viewer& viewer, Decision d) {
    return save_error(service().decide_case(viewer, c.id, c.version, std::move(d)));
  };
  EXPECT_EQ(decide(admin, Decision{CaseOutcome::approved, " ", "2026-08-01"}),
            "review.bad-decision");
  EXPECT_EQ(decide(admin, Decision{CaseOutcome::approved, "Ready.", ""}), "review.bad-decision");
  EXPECT_EQ(decide(admin, Decision{CaseOutcome::approved, "Ready.", "2026-13-45"}),
            "review.bad-decision");
  EXPECT_EQ(decide(lead, Decision{CaseOutcome::approved, "Ready.", "2026-08-01"}),
            "review.forbidden");
  EXPECT_EQ(state(), before);

  c = service()
          .decide_case(admin, c.id, c.version,
                       Decision{CaseOutcome::not_now, "Not across beta yet.", ""})
          .value();
  before = state();
  EXPECT_EQ(decide(admin, Decision{CaseOutcome::approved, "Changed my mind.", "2026-08-01"}),
            "review.case-decided");
  EXPECT_EQ(save_error(service().edit_case(lead, c.id, c.version, "more")), "review.case-decided");
  EXPECT_EQ(save_error(service().write_statement(ann, c.id, c.version, "more")),
            "review.case-decided");
  EXPECT_EQ(service().publish_case(admin, c.id, c.version).error().code, "review.case-in-cycle");
  EXPECT_EQ(service().publish_cycle(lead, cycle.id).error().code, "review.forbidden");
  EXPECT_EQ(service().publish_cycle(admin, 4242).error().code, "review.not-found");
  EXPECT_EQ(state(), before);
}

TEST_P(Promotions, InReviewLocksTheManagersText) {
  auto c = open_for_ann();
  c = service().submit_case(lead, c.id, c.version).value();
  c = service().start_case_review(admin, c.id, c.version).value();
  const auto before = state();
  EXPECT_EQ(save_error(service().edit_case(lead, c.id, c.version, "more")), "review.case-locked");
  EXPECT_EQ(state(), before);
}

TEST_P(Promotions, PublishingACaseOutsideACycleIsItsOwnAction) {
  auto c = open_for_ann();
  const auto before = state();
  EXPECT_EQ(service().publish_case(admin, c.id, c.version).error().code, "review.case-state");
  EXPECT_EQ(state(), before);
  c = service().submit_case(lead, c.id, c.version).value();
  c = service()
          .decide_case(admin, c.id, c.version,
                       Decision{CaseOutcome::approved, "Ready.", "2026-08-01"})
          .value();
  EXPECT_EQ(service().publish_case(lead, c.id, c.version).error().code, "review.forbidden");
  EXPECT_EQ(service().publish_case(admin, c.id, c.version + 1).error().code, "review.conflict");
  ASSERT_TRUE(service().publish_case(admin, c.id, c.version));
  EXPECT_EQ(store().person(id_of(ann)).value()->level, "t-2");
  const auto after = state();
  EXPECT_EQ(service().publish_case(admin, c.id, c.version + 1).error().code,
            "review.case-published");
  EXPECT_EQ(state(), after);
}

TEST_P(Promotions, AdminsListACyclesCases) {
  const auto cycle = open_cycle();
  const auto c = open_for_ann(cycle.id);
  ASSERT_TRUE(service().open_case(boss, CaseRequest{id_of(lead), "t-2", {}, ""}));
  const auto listed = service().cases_in_cycle(admin, cycle.id).value();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0].promotion.id, c.id);
  EXPECT_EQ(service().cases_in_cycle(lead, cycle.id).error().code, "review.forbidden");
  EXPECT_EQ(service().cases_in_cycle(admin, 4242).error().code, "review.not-found");
}

TEST_P(Promotions, ThePacketIsTheAssessmentPacketPlusReadinessForTheTarget) {
  auto self = draft(ann, ann, store::AuthorRole::self);
  const auto version = rate(ann, self, {{"t-1-alpha-1", "yes"}});
  ASSERT_TRUE(service().submit(ann, self.id, version));
  ASSERT_TRUE(service().add_evidence(lead, draft(lead, ann, store::AuthorRole::manager).id, 1,
                                     "t-1-alpha-1", "A draft's evidence", ""));
  const auto c = service().open_case(lead, request("m-2")).value();
  const auto packet = service().case_packet(ann, c.id).value();
  EXPECT_EQ(packet.packet.person.id, id_of(ann));
  EXPECT_EQ(packet.packet.level_id, "t-1");
  ASSERT_TRUE(packet.packet.self);
  EXPECT_EQ(packet.packet.self->assessment.id, self.id);
  EXPECT_FALSE(packet.packet.manager);  // drafts never
  EXPECT_EQ(packet.target.level_id, "m-2");
  EXPECT_FALSE(packet.target.ready);
  ASSERT_EQ(packet.target.areas.size(), 1U);
}

// The kinds web/ answers with (web/shell/error_status.hpp): 403, 404, 409, 413, 422.
TEST_P(Promotions, EachErrorHasTheKindItsStatusComesFrom) {
  auto kind = [](const auto& result) {
    return result ? std::string("ok") : std::string(to_string(result.error().kind));
  };
  EXPECT_EQ(kind(service().open_case(outsider, request())), "forbidden");
  EXPECT_EQ(kind(service().open_case(lead, CaseRequest{4242, "t-2", {}, ""})), "not_found");
  EXPECT_EQ(kind(service().open_case(lead, request("t-9"))), "not_found");
  EXPECT_EQ(kind(service().open_case(lead, request("t-3"))), "invalid");
  EXPECT_EQ(
      kind(service().open_case(lead, CaseRequest{id_of(ann), "t-2", {}, std::string(20000, 'x')})),
      "too_large");
  const auto c = open_for_ann();
  EXPECT_EQ(kind(service().open_case(boss, request())), "conflict");
  EXPECT_EQ(kind(service().promotion_case(outsider, c.id)), "not_found");
}

INSTANTIATE_TEST_SUITE_P(Stores, Promotions, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
