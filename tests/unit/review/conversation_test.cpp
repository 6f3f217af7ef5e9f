// The conversation after both submitted: the manager's form shows the person's submitted
// self-assessment, side by side carries both sides' evidence, the manager records the agreed
// rating and a note per statement (audited), the person sees it, and every refusal changes
// nothing.
#include <algorithm>

#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

class Conversation : public ReviewFixture {
 protected:
  // Ann's self-assessment (with evidence for alpha-1) and the lead's manager assessment, both
  // submitted: alpha-1 two steps apart, alpha-2 one step across "meets", alpha-3 the same,
  // beta-1 one step below "meets", alpha-4 rated by ann only.
  void both_submitted() {
    auto own = draft(ann, ann, AuthorRole::self);
    auto version = rate(ann, own,
                        {{"t-1-alpha-1", "star"},
                         {"t-1-alpha-2", "yes"},
                         {"t-1-alpha-3", "yes"},
                         {"t-1-alpha-4", "yes"},
                         {"t-1-beta-1", "part"}});
    const auto added =
        service().add_evidence(ann, own.id, version, "t-1-alpha-1", "Led the rewrite", "");
    ASSERT_TRUE(added) << added.error().error.to_string();
    ASSERT_TRUE(service().submit(ann, own.id, added->version));
    self = own;
    manager = submitted(lead, ann, AuthorRole::manager,
                        {{"t-1-alpha-1", "part"},
                         {"t-1-alpha-2", "part"},
                         {"t-1-alpha-3", "yes"},
                         {"t-1-beta-1", "no"}});
  }

  AgreementRequest request(std::string statement, std::string scale, std::string note = "") {
    return AgreementRequest{self.id, manager.id, std::move(statement), std::move(scale),
                            std::move(note)};
  }

  const SideBySideRow& row(const SideBySide& view, const std::string& statement) {
    return *std::find_if(view.rows.begin(), view.rows.end(),
                         [&](const SideBySideRow& r) { return r.statement_id == statement; });
  }

  store::Assessment self;
  store::Assessment manager;
};

TEST_P(Conversation, TheSummaryCountsAgreeOneStepAndTwoOrMoreApart) {
  both_submitted();
  const auto view = service().side_by_side(ann, id_of(ann), "").value();
  ASSERT_TRUE(view.summary);
  EXPECT_EQ(view.summary->statements, 10U);
  EXPECT_EQ(view.summary->agreed, 1U);    // alpha-3
  EXPECT_EQ(view.summary->one_step, 2U);  // alpha-2, beta-1
  EXPECT_EQ(view.summary->apart, 1U);     // alpha-1
  EXPECT_EQ(view.summary->unrated, 6U);   // alpha-4 rated by ann only, and 5 by nobody
  EXPECT_EQ(view.summary->flagged, 2U);   // alpha-1 (two steps) and alpha-2 (across "meets")
  EXPECT_EQ(view.summary->settled, 0U);
  EXPECT_TRUE(row(view, "t-1-alpha-2").across_meets);
  EXPECT_FALSE(row(view, "t-1-beta-1").flagged);  // part vs no: neither meets
  ASSERT_EQ(row(view, "t-1-alpha-1").self_evidence.size(), 1U);
  EXPECT_EQ(row(view, "t-1-alpha-1").self_evidence[0].text, "Led the rewrite");
  EXPECT_TRUE(row(view, "t-1-alpha-1").manager_evidence.empty());
  EXPECT_FALSE(view.may_agree);  // ann sees, the lead records
  EXPECT_TRUE(service().side_by_side(lead, id_of(ann), "").value().may_agree);
  EXPECT_FALSE(service().side_by_side(admin, id_of(ann), "").value().may_agree);
}

TEST_P(Conversation, TheManagerRecordsThePersonSeesAndTheAuditKeepsEachChange) {
  both_submitted();
  const auto first = service().agree(lead, request("t-1-alpha-1", "yes", "  Agreed: yes  "));
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(first->note, "Agreed: yes");
  EXPECT_EQ(first->account, lead.account.id);
  auto seen = service().side_by_side(ann, id_of(ann), "").value();
  ASSERT_TRUE(row(seen, "t-1-alpha-1").agreement);
  EXPECT_EQ(row(seen, "t-1-alpha-1").agreement->scale, "yes");
  EXPECT_EQ(seen.summary->settled, 1U);
  EXPECT_FALSE(row(seen, "t-1-alpha-2").agreement);

  // Recording again replaces; a note without a rating is kept as "not agreed yet".
  ASSERT_TRUE(service().agree(lead, request("t-1-alpha-1", "", "Talk again in March")));
  seen = service().side_by_side(ann, id_of(ann), "").value();
  EXPECT_EQ(row(seen, "t-1-alpha-1").agreement->scale, "");
  EXPECT_EQ(row(seen, "t-1-alpha-1").agreement->note, "Talk again in March");
  EXPECT_EQ(seen.summary->settled, 0U);
  // Anyone above ann records too.
  ASSERT_TRUE(service().agree(boss, request("t-1-alpha-2", "part")));

  store::AuditQuery query;
  query.action = "assessment.agree";
  const auto audit = store().audit(query).value();
  ASSERT_EQ(audit.size(), 3U);
  EXPECT_EQ(audit[1].subject, "assessment:" + std::to_string(manager.id));
  EXPECT_NE(audit[1].before.find("Agreed: yes"), std::string::npos);
  EXPECT_NE(audit[1].after.find("Talk again in March"), std::string::npos);
}

TEST_P(Conversation, RefusalsChangeNothing) {
  both_submitted();
  auto other = draft(lead, ann, AuthorRole::manager, "t-2");
  const auto before = state();
  const std::string long_note(5000, 'x');
  const std::vector<std::pair<const auth::Viewer*, std::pair<AgreementRequest, std::string>>> cases{
      {&ann, {request("t-1-alpha-1", "yes"), "review.forbidden"}},
      {&admin, {request("t-1-alpha-1", "yes"), "review.forbidden"}},
      {&outsider, {request("t-1-alpha-1", "yes"), "review.forbidden"}},
      {&lead, {request("t-1-alpha-1", "great"), "assess.bad-rating"}},
      {&lead, {request("t-2-alpha-1", "yes"), "assess.unknown-statement"}},
      {&lead, {request("t-1-alpha-1", "yes", long_note), "review.bad-note"}},
      {&lead, {request("t-1-alpha-1", "yes", "\xff"), "review.bad-note"}},
      {&lead, {AgreementRequest{manager.id, self.id, "t-1-alpha-1", "yes", ""}, "review.bad-pair"}},
      {&lead, {AgreementRequest{self.id, other.id, "t-1-alpha-1", "yes", ""}, "review.bad-pair"}},
      {&lead, {AgreementRequest{self.id, 4242, "t-1-alpha-1", "yes", ""}, "review.not-found"}},
  };
  for (const auto& [who, c] : cases) {
    const auto refused = service().agree(*who, c.first);
    ASSERT_FALSE(refused) << who->account.login << " " << c.second;
    EXPECT_EQ(refused.error().code, c.second) << who->account.login;
  }
  EXPECT_EQ(state(), before);
  EXPECT_TRUE(store().agreements(self.id, manager.id).value().empty());
}

TEST_P(Conversation, ADraftOrWithdrawnSideCannotBeAgreedOn) {
  auto own = draft(ann, ann, AuthorRole::self);
  rate(ann, own, {{"t-1-alpha-1", "yes"}});
  manager = submitted(lead, ann, AuthorRole::manager, {{"t-1-alpha-1", "yes"}});
  self = own;
  EXPECT_EQ(service().agree(lead, request("t-1-alpha-1", "yes")).error().code,
            "review.not-submitted");
  both_submitted();
  ASSERT_TRUE(service().withdraw(lead, manager.id, "rated the wrong level"));
  EXPECT_EQ(service().agree(lead, request("t-1-alpha-1", "yes")).error().code,
            "review.not-submitted");
}

TEST_P(Conversation, TheManagersFormShowsTheSubmittedSelfAssessment) {
  auto mine = draft(lead, ann, AuthorRole::manager);
  // Nothing submitted by ann yet: nothing beside.
  EXPECT_FALSE(service().self_beside(lead, mine.id).value());
  auto own = draft(ann, ann, AuthorRole::self);
  rate(ann, own, {{"t-1-alpha-1", "star"}});
  EXPECT_FALSE(service().self_beside(lead, mine.id).value());  // a draft stays ann's
  ASSERT_TRUE(service().submit(ann, own.id, 2));
  const auto beside = service().self_beside(lead, mine.id).value();
  ASSERT_TRUE(beside);
  EXPECT_EQ(beside->assessment.id, own.id);
  EXPECT_EQ(beside->ratings.at("t-1-alpha-1"), "star");
  // Only beside a manager assessment; and only for its readers.
  EXPECT_FALSE(service().self_beside(ann, own.id).value());
  EXPECT_EQ(service().self_beside(outsider, mine.id).error().code, "review.forbidden");
}

INSTANTIATE_TEST_SUITE_P(Review, Conversation, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
