// Growth plans: the checklist is the gaps of the latest submitted ratings against the target
// level; ticks and evidence links are stored per statement; bad input changes nothing.
#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

class Growth : public ReviewFixture {};

std::vector<std::string> ids(const Checklist& list) {
  std::vector<std::string> out;
  for (const auto& item : list.items) {
    out.push_back(item.statement_id);
  }
  return out;
}

TEST_P(Growth, TheChecklistIsTheGapsOfTheLatestSubmittedRatings) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  EXPECT_EQ(plan.target_level, "t-2");
  EXPECT_EQ(ids(service().checklist(ann, plan.id).value()),
            (std::vector<std::string>{"t-2-alpha-1", "t-2-alpha-2", "t-2-beta-1", "t-2-beta-2",
                                      "t-2-beta-3"}));

  // ann assesses herself against t-2; a draft does not count until submitted.
  auto a = draft(ann, ann, AuthorRole::self, "t-2");
  const auto version = rate(ann, a, {{"t-2-alpha-1", "yes"}, {"t-2-beta-2", "part"}});
  EXPECT_EQ(service().checklist(ann, plan.id)->items.size(), 5U);
  ASSERT_TRUE(service().submit(ann, a.id, version));
  const auto list = service().checklist(lead, plan.id).value();
  EXPECT_EQ(ids(list),
            (std::vector<std::string>{"t-2-alpha-2", "t-2-beta-1", "t-2-beta-2", "t-2-beta-3"}));
  EXPECT_EQ(list.items[2].rating, "part");
  EXPECT_EQ(list.items[0].area_id, "alpha");
  EXPECT_EQ(list.items[0].text, "Text of t-2-alpha-2");
}

TEST_P(Growth, TicksAndEvidenceLinksAreKept) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  auto a = draft(ann, ann, AuthorRole::self);
  ASSERT_TRUE(service().add_evidence(ann, a.id, 1, "t-1-alpha-1", "Design doc", ""));
  const auto evidence = store().evidence(a.id).value().at(0).id;

  const auto ticked = service().tick(ann, plan.id, "t-2-beta-1", true);
  ASSERT_TRUE(ticked);
  EXPECT_TRUE(ticked->done);
  EXPECT_EQ(ticked->statement, "t-2-beta-1");
  ASSERT_TRUE(service().link_evidence(lead, plan.id, "t-2-beta-1", evidence));
  const auto linked = service().link_evidence(ann, plan.id, "t-2-beta-1", evidence);  // once only
  ASSERT_TRUE(linked);
  EXPECT_EQ(linked->evidence, (std::vector<store::Id>{evidence}));
  EXPECT_TRUE(linked->done);
  const auto list = service().checklist(ann, plan.id).value();
  ASSERT_EQ(list.items.size(), 5U);
  EXPECT_TRUE(list.items[2].done);
  EXPECT_EQ(list.items[2].evidence, (std::vector<store::Id>{evidence}));
  EXPECT_FALSE(list.items[0].done);

  ASSERT_TRUE(service().tick(ann, plan.id, "t-2-beta-1", false));
  EXPECT_FALSE(service().checklist(ann, plan.id)->items[2].done);
  store::AuditQuery query;
  query.subject = "plan:" + std::to_string(plan.id);
  EXPECT_EQ(store().audit(query)->size(), 5U);  // create, tick, 2 links, untick
}

TEST_P(Growth, BadInputChangesNothing) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  auto theirs = draft(lead, lead, AuthorRole::self);
  ASSERT_TRUE(service().add_evidence(lead, theirs.id, 1, "t-1-alpha-1", "Not ann's", ""));
  const auto others = store().evidence(theirs.id).value().at(0).id;
  const auto before = state();
  const auto before_items = store().plan_items(plan.id).value();

  EXPECT_EQ(service().set_target(ann, id_of(ann), "t-9").error().code, "ladder.unknown-level");
  EXPECT_EQ(service().set_target(outsider, id_of(ann), "t-2").error().code, "review.forbidden");
  EXPECT_EQ(service().set_target(ann, 4242, "t-2").error().code, "review.not-found");
  EXPECT_EQ(service().tick(ann, plan.id, "t-1-alpha-1", true).error().code,
            "assess.unknown-statement");
  EXPECT_EQ(service().tick(outsider, plan.id, "t-2-beta-1", true).error().code, "review.forbidden");
  EXPECT_EQ(service().tick(ann, 4242, "t-2-beta-1", true).error().code, "review.not-found");
  EXPECT_EQ(service().link_evidence(ann, plan.id, "t-2-beta-1", others).error().code,
            "review.not-found");
  EXPECT_EQ(service().checklist(outsider, plan.id).error().code, "review.forbidden");
  EXPECT_EQ(state(), before);
  EXPECT_EQ(store().plan_items(plan.id).value(), before_items);
  EXPECT_EQ(store().growth_plans_of(id_of(ann))->size(), 1U);
}

TEST_P(Growth, PlansAreListedToThePersonsReadersOnly) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  for (const auto* viewer : {&ann, &lead, &boss, &admin}) {
    const auto plans = service().plans(*viewer, id_of(ann));
    ASSERT_TRUE(plans) << viewer->account.login;
    ASSERT_EQ(plans->size(), 1U);
    EXPECT_EQ(plans->front().id, plan.id);
  }
  EXPECT_EQ(service().plans(outsider, id_of(ann)).error().code, "review.forbidden");
  EXPECT_EQ(service().plans(ann, 4242).error().code, "review.not-found");
}

TEST_P(Growth, AUrlsIdsBelongTogetherOrNotAtAll) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  const auto a = draft(ann, ann, AuthorRole::self);
  EXPECT_TRUE(service().plan_belongs(id_of(ann), plan.id).value());
  EXPECT_FALSE(service().plan_belongs(id_of(lead), plan.id).value());
  EXPECT_FALSE(service().plan_belongs(id_of(ann), 4242).value());
  EXPECT_TRUE(service().assessment_belongs(id_of(ann), a.id).value());
  EXPECT_FALSE(service().assessment_belongs(id_of(lead), a.id).value());
  EXPECT_FALSE(service().assessment_belongs(id_of(ann), 4242).value());
}

INSTANTIATE_TEST_SUITE_P(Review, Growth, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
