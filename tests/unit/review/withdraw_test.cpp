// Withdrawing a submitted assessment: who may (its author and admins, nobody else), that a
// reason is required, that withdrawing twice or a draft is refused with the store exactly as it
// was, and that afterwards nothing counts it while its snapshot and the withdrawal stay.
#include <algorithm>

#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

class Withdraw : public ReviewFixture {
 protected:
  // Ann's assessment by `author`, two statements rated, submitted.
  store::Assessment submitted(const auth::Viewer& author, AuthorRole role) {
    return ReviewFixture::submitted(author, ann, role,
                                    {{"t-1-alpha-1", "yes"}, {"t-1-beta-1", "star"}});
  }
};

TEST_P(Withdraw, TheAuthorWithdrawsWithAReasonAndTheSnapshotStays) {
  const auto a = submitted(ann, AuthorRole::self);
  const auto done = service().withdraw(ann, a.id, "  submitted by mistake  ");
  ASSERT_TRUE(done) << done.error().to_string();
  EXPECT_EQ(done->status, store::AssessmentStatus::withdrawn);
  EXPECT_EQ(done->version, a.version + 1);
  const auto stored = store().assessment(a.id).value();
  ASSERT_TRUE(stored);
  EXPECT_EQ(*stored, *done);
  const auto why = service().withdrawal(lead, a.id).value();
  ASSERT_TRUE(why);
  EXPECT_EQ(why->reason, "submitted by mistake");
  EXPECT_EQ(why->account, ann.account.id);
  EXPECT_TRUE(store().snapshot(a.id).value());  // the audit trail keeps what was submitted
  EXPECT_EQ(store().ratings(a.id).value().size(), 2U);
  store::AuditQuery every;
  every.limit = 1000;
  const auto audit = store().audit(every).value();
  const auto entry = std::find_if(audit.begin(), audit.end(), [](const store::AuditEntry& e) {
    return e.action == "assessment.withdraw";
  });
  ASSERT_NE(entry, audit.end());
  EXPECT_EQ(entry->subject, "assessment:" + std::to_string(a.id));
  EXPECT_NE(entry->after.find("submitted by mistake"), std::string::npos);
  EXPECT_NE(entry->after.find("\"withdrawn\""), std::string::npos);
}

TEST_P(Withdraw, AnAdminMayWithdrawAnyoneElseMayNot) {
  const auto self = submitted(ann, AuthorRole::self);
  const auto manager = submitted(lead, AuthorRole::manager);
  const auto before = state();
  // Readers who did not write it (ann of the lead's, the lead and boss of ann's), and people
  // who may not even read it.
  for (const auto& [who, id] :
       std::vector<std::pair<const auth::Viewer*, store::Id>>{{&ann, manager.id},
                                                              {&lead, self.id},
                                                              {&boss, self.id},
                                                              {&boss, manager.id},
                                                              {&outsider, self.id}}) {
    const auto refused = service().withdraw(*who, id, "not mine");
    ASSERT_FALSE(refused) << who->account.login;
    EXPECT_EQ(refused.error().code, "review.forbidden") << who->account.login;
  }
  EXPECT_EQ(state(), before);
  EXPECT_FALSE(Service::may_withdraw(ann, manager));
  EXPECT_TRUE(Service::may_withdraw(lead, manager));
  EXPECT_TRUE(Service::may_withdraw(admin, self));
  const auto by_admin = service().withdraw(admin, manager.id, "rated the wrong person");
  ASSERT_TRUE(by_admin) << by_admin.error().to_string();
  EXPECT_EQ(service().withdrawal(ann, manager.id).value()->account, admin.account.id);
}

TEST_P(Withdraw, AMissingReasonTwiceOrADraftChangeNothing) {
  const auto a = submitted(ann, AuthorRole::self);
  const auto open = draft(ann, ann, AuthorRole::self, "t-2");
  const auto before = state();
  for (const std::string reason : {"", "   ", "\xff\xfe"}) {
    const auto refused = service().withdraw(ann, a.id, reason);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "review.bad-reason");
  }
  EXPECT_EQ(service().withdraw(ann, a.id, std::string(5000, 'x')).error().code,
            "review.bad-reason");
  EXPECT_EQ(service().withdraw(ann, open.id, "why").error().code, "review.not-submitted");
  EXPECT_EQ(service().withdraw(ann, 9999, "why").error().code, "review.not-found");
  EXPECT_EQ(state(), before);
  EXPECT_FALSE(service().withdrawal(ann, a.id).value());

  ASSERT_TRUE(service().withdraw(ann, a.id, "first"));
  const auto after_first = state();
  const auto twice = service().withdraw(ann, a.id, "second");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, "review.withdrawn");
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_EQ(service().withdraw(admin, a.id, "second").error().code, "review.withdrawn");
  EXPECT_EQ(state(), after_first);
  EXPECT_EQ(service().withdrawal(ann, a.id).value()->reason, "first");
  EXPECT_FALSE(Service::may_withdraw(ann, store().assessment(a.id).value().value()));
}

TEST_P(Withdraw, NothingCountsAWithdrawnAssessmentAndANewOneCanBeStarted) {
  const auto self = submitted(ann, AuthorRole::self);
  const auto manager = submitted(lead, AuthorRole::manager);
  ASSERT_TRUE(service().side_by_side(ann, id_of(ann), "").value().summary);
  ASSERT_TRUE(service().withdraw(lead, manager.id, "rated against the wrong level"));

  const auto side = service().side_by_side(ann, id_of(ann), "").value();
  EXPECT_FALSE(side.manager);
  EXPECT_FALSE(side.summary);
  EXPECT_TRUE(side.rows[0].manager_rating.empty());
  EXPECT_EQ(service().outcome(ann, manager.id).error().code, "review.not-submitted");
  // Still listed for its readers, as withdrawn (what the hub shows).
  const auto listed = service().assessments(ann, id_of(ann)).value();
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[1].status, store::AssessmentStatus::withdrawn);
  EXPECT_TRUE(service().read(ann, manager.id));
  // Team readiness counts neither a submitted manager assessment nor one in progress.
  const auto team = service().team_readiness(lead, id_of(lead), {}).value();
  ASSERT_EQ(team.rows.size(), 1U);
  EXPECT_EQ(team.rows[0].manager.state, StageState::not_started);
  EXPECT_EQ(team.rows[0].self.state, StageState::submitted);
  // A new manager assessment starts as a new draft.
  const auto again = service().start(lead, {id_of(ann), AuthorRole::manager, "", std::nullopt});
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_TRUE(again->created);
  EXPECT_NE(again->assessment.id, manager.id);
  (void)self;
}

TEST_P(Withdraw, TheStartFormOffersOnlyTheRolesTheViewerMayWrite) {
  using Roles = std::vector<AuthorRole>;
  EXPECT_EQ(service().authoring_roles(ann, id_of(ann)).value(), Roles{AuthorRole::self});
  EXPECT_EQ(service().authoring_roles(lead, id_of(ann)).value(), Roles{AuthorRole::manager});
  EXPECT_EQ(service().authoring_roles(boss, id_of(ann)).value(), Roles{AuthorRole::manager});
  EXPECT_EQ(service().authoring_roles(outsider, id_of(ann)).value(), Roles{});
  EXPECT_EQ(service().authoring_roles(admin, id_of(ann)).value(), Roles{});
  EXPECT_EQ(service().authoring_roles(ann, 9999).error().code, "review.not-found");
}

INSTANTIATE_TEST_SUITE_P(Review, Withdraw, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
