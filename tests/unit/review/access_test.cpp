// The authorization matrix: self, a manager above the person (direct and skip-level), a
// manager outside the line, and an admin; for writing, reading, drafts and cycles. A refused
// operation changes nothing.
#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

class Access : public ReviewFixture {
 protected:
  std::string start_error(const auth::Viewer& who, AuthorRole role) {
    auto started = service().start(who, StartRequest{id_of(ann), role, "", std::nullopt});
    return started ? "" : started.error().code;
  }
};

TEST_P(Access, WhoMayStartWhichAssessment) {
  const auto before = state();
  EXPECT_EQ(start_error(lead, AuthorRole::self), "review.forbidden");
  EXPECT_EQ(start_error(outsider, AuthorRole::manager), "review.forbidden");
  EXPECT_EQ(start_error(admin, AuthorRole::manager), "review.forbidden");
  EXPECT_EQ(start_error(admin, AuthorRole::self), "review.forbidden");
  EXPECT_EQ(start_error(ann, AuthorRole::manager), "review.forbidden");  // not above herself
  EXPECT_EQ(state(), before);
  EXPECT_EQ(start_error(ann, AuthorRole::self), "");
  EXPECT_EQ(start_error(lead, AuthorRole::manager), "");
  EXPECT_EQ(start_error(boss, AuthorRole::manager), "");  // skip level
}

TEST_P(Access, OnlyTheAuthorSavesIntoADraft) {
  const auto mine = draft(lead, ann, AuthorRole::manager);
  const auto before = state();
  for (const auto* who : {&ann, &boss, &outsider, &admin}) {
    auto saved = service().save_rating(*who, mine.id, 1, "t-1-alpha-1", "yes");
    ASSERT_FALSE(saved);
    EXPECT_EQ(saved.error().error.code, "review.forbidden") << who->account.login;
  }
  EXPECT_EQ(service().submit(outsider, mine.id, 1).error().error.code, "review.forbidden");
  EXPECT_EQ(state(), before);
}

TEST_P(Access, AManagerWhoLeavesTheLineCanNoLongerRate) {
  const auto a = draft(lead, ann, AuthorRole::manager);
  // ann now reports to the outsider: lead is no longer above her.
  auto moved = store().write([&](store::Writer& w) {
    auto person = *ann.person;
    person.manager = id_of(outsider);
    return w.update_person(person);
  });
  ASSERT_TRUE(moved);
  const auto before = state();
  EXPECT_EQ(service().save_rating(lead, a.id, 1, "t-1-alpha-1", "yes").error().error.code,
            "review.forbidden");
  EXPECT_EQ(state(), before);
  EXPECT_EQ(start_error(outsider, AuthorRole::manager), "");
}

TEST_P(Access, AnInactiveManagerEndsTheLineAsInTheOrgChart) {
  // lead leaves: the line above ann stops there, as people::Org draws it, so boss is no longer
  // above her (until the next import gives ann a new manager).
  auto left = store().write([&](store::Writer& w) {
    auto person = *lead.person;
    person.status = store::PersonStatus::left;
    return w.update_person(person);
  });
  ASSERT_TRUE(left);
  EXPECT_EQ(start_error(boss, AuthorRole::manager), "review.forbidden");
  EXPECT_EQ(start_error(outsider, AuthorRole::manager), "review.forbidden");
}

TEST_P(Access, DraftsAreReadByTheirAuthorAndAdminsOnly) {
  const auto self = draft(ann, ann, AuthorRole::self);
  const auto manager = draft(lead, ann, AuthorRole::manager);
  EXPECT_TRUE(service().read(ann, self.id));
  EXPECT_TRUE(service().read(admin, self.id));
  EXPECT_EQ(service().read(lead, self.id).error().code, "review.forbidden");
  EXPECT_EQ(service().read(boss, self.id).error().code, "review.forbidden");
  EXPECT_EQ(service().read(ann, manager.id).error().code, "review.forbidden");
  EXPECT_EQ(service().read(outsider, manager.id).error().code, "review.forbidden");
  EXPECT_EQ(service().read(ann, 4242).error().code, "review.not-found");
}

TEST_P(Access, SubmittedAssessmentsAreReadByThePersonTheLineAndAdmins) {
  const auto a = draft(lead, ann, AuthorRole::manager);
  ASSERT_TRUE(service().submit(lead, a.id, 1));
  for (const auto* who : {&ann, &lead, &boss, &admin}) {
    EXPECT_TRUE(service().read(*who, a.id)) << who->account.login;
    EXPECT_TRUE(service().outcome(*who, a.id)) << who->account.login;
    EXPECT_TRUE(service().side_by_side(*who, id_of(ann), "")) << who->account.login;
    EXPECT_TRUE(service().progress(*who, id_of(ann))) << who->account.login;
  }
  EXPECT_EQ(service().read(outsider, a.id).error().code, "review.forbidden");
  EXPECT_EQ(service().outcome(outsider, a.id).error().code, "review.forbidden");
  EXPECT_EQ(service().side_by_side(outsider, id_of(ann), "").error().code, "review.forbidden");
  EXPECT_EQ(service().progress(outsider, id_of(ann)).error().code, "review.forbidden");
  // The lead cannot read the boss's assessments (the line only goes down).
  EXPECT_EQ(service().side_by_side(lead, id_of(boss), "").error().code, "review.forbidden");
}

TEST_P(Access, OnlyAdminsOpenAndCloseCycles) {
  const store::ReviewCycle cycle{0, "H2", "2026-07-01", "2026-12-31", {}, store::CycleStatus::open};
  const auto before = state();
  EXPECT_EQ(service().open_cycle(lead, cycle).error().code, "review.forbidden");
  EXPECT_EQ(state(), before);
  const auto opened = service().open_cycle(admin, cycle);
  ASSERT_TRUE(opened);
  EXPECT_EQ(service().close_cycle(boss, opened->id).error().code, "review.forbidden");
  EXPECT_EQ(service().close_cycle(admin, opened->id)->status, store::CycleStatus::closed);
}

INSTANTIATE_TEST_SUITE_P(Review, Access, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
