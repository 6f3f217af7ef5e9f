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
  // create, tick, a link, untick: linking the same evidence again changed nothing, so it wrote
  // nothing.
  EXPECT_EQ(store().audit(query)->size(), 4U);
}

TEST_P(Growth, ATickSaysWhoTickedAndWhenAndAnUntickForgetsIt) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  const auto ticked = service().tick(lead, plan.id, "t-2-beta-1", true).value();
  EXPECT_EQ(ticked.done_by, lead.account.login);
  EXPECT_GT(ticked.done_at, 0);
  const auto list = service().checklist(ann, plan.id).value();
  EXPECT_EQ(list.items[2].done_by, "lead");  // the person's name, not the login
  EXPECT_EQ(list.items[2].done_at, ticked.done_at);
  EXPECT_EQ(list.items[0].done_by, "");

  // Ticking again keeps the first tick's author; the admin (no person) is named by login.
  EXPECT_EQ(service().tick(admin, plan.id, "t-2-beta-1", true)->done_by, lead.account.login);
  ASSERT_TRUE(service().tick(admin, plan.id, "t-2-beta-1", false));
  const auto by_admin = service().tick(admin, plan.id, "t-2-beta-1", true).value();
  EXPECT_EQ(service().checklist(boss, plan.id)->items[2].done_by, admin.account.login);
  const auto unticked = service().tick(ann, plan.id, "t-2-beta-1", false).value();
  EXPECT_EQ(unticked.done_by, "");
  EXPECT_EQ(unticked.done_at, 0);
  EXPECT_GT(by_admin.done_at, ticked.done_at);
}

TEST_P(Growth, ItemsKeepANoteAndATargetDateChangedTogetherInOneWrite) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  auto a = draft(ann, ann, AuthorRole::self);
  ASSERT_TRUE(service().add_evidence(ann, a.id, 1, "t-1-alpha-1", "Design doc", ""));
  const auto evidence = store().evidence(a.id).value().at(0).id;

  PlanItemChange first{"t-2-alpha-2", true, "Pair with Bo on the review", "2027-03-03", evidence};
  PlanItemChange second{"t-2-beta-3", std::nullopt, std::nullopt, "2027-06-30", std::nullopt};
  const auto saved = service().change_items(boss, plan.id, {first, second}).value();
  ASSERT_EQ(saved.size(), 2U);
  EXPECT_EQ(saved[0].note, "Pair with Bo on the review");
  EXPECT_EQ(saved[0].done_by, boss.account.login);
  EXPECT_EQ(saved[1].target_date, "2027-06-30");
  EXPECT_FALSE(saved[1].done);

  const auto list = service().checklist(ann, plan.id).value();
  ASSERT_EQ(list.items[1].statement_id, "t-2-alpha-2");
  EXPECT_EQ(list.items[1].note, "Pair with Bo on the review");
  EXPECT_EQ(list.items[1].target_date, "2027-03-03");
  EXPECT_EQ(list.items[1].evidence, (std::vector<store::Id>{evidence}));
  EXPECT_EQ(list.items[4].target_date, "2027-06-30");

  // Saving the same values again writes nothing; clearing the note and the date works.
  store::AuditQuery query;
  query.subject = "plan:" + std::to_string(plan.id);
  const auto audited = store().audit(query)->size();
  EXPECT_EQ(audited, 3U);  // create, two items
  ASSERT_TRUE(service().change_items(ann, plan.id, {first, second}));
  EXPECT_EQ(store().audit(query)->size(), audited);
  ASSERT_TRUE(service().change_items(ann, plan.id, {{"t-2-alpha-2", {}, "", "", {}}}));
  const auto cleared = service().checklist(ann, plan.id).value().items[1];
  EXPECT_EQ(cleared.note, "");
  EXPECT_EQ(cleared.target_date, "");
  EXPECT_TRUE(cleared.done);
  const auto entries = store().audit(query).value();
  EXPECT_EQ(entries.size(), audited + 1);
}

TEST_P(Growth, ARefusedItemChangeLeavesEveryItemAsItWas) {
  const auto plan = service().set_target(ann, id_of(ann), "t-2").value();
  ASSERT_TRUE(service().change_items(ann, plan.id, {{"t-2-beta-1", true, "kept", "", {}}}));
  const auto before = state();
  const auto before_items = store().plan_items(plan.id).value();
  store::AuditQuery query;
  const auto audited = store().audit(query)->size();

  const PlanItemChange good{"t-2-alpha-2", true, "a good note", "2027-01-31", std::nullopt};
  const auto refused = [&](const PlanItemChange& bad, const auth::Viewer* viewer = nullptr) {
    const auto result = service().change_items(viewer ? *viewer : ann, plan.id, {good, bad});
    EXPECT_FALSE(result);
    return result ? std::string("accepted") : result.error().code;
  };
  EXPECT_EQ(refused({"t-2-beta-1", {}, {}, "31/01/2027", {}}), "review.bad-date");
  EXPECT_EQ(refused({"t-2-beta-1", {}, {}, "2027-02-30x", {}}), "review.bad-date");
  EXPECT_EQ(refused({"t-2-beta-1", {}, std::string("\xff\xfe"), {}, {}}), "review.bad-note");
  EXPECT_EQ(refused({"t-2-beta-1", {}, std::string(5000, 'x'), {}, {}}), "review.bad-note");
  EXPECT_EQ(refused({"t-1-alpha-1", true, {}, {}, {}}), "assess.unknown-statement");
  EXPECT_EQ(refused({"t-2-beta-1", {}, {}, {}, store::Id{4242}}), "review.not-found");
  EXPECT_EQ(refused({"t-2-beta-1", false, {}, {}, {}}, &outsider), "review.forbidden");
  EXPECT_EQ(service().change_items(ann, plan.id, {}).error().code, "review.bad-items");
  EXPECT_EQ(service().change_items(ann, 4242, {good}).error().code, "review.not-found");

  EXPECT_EQ(state(), before);
  EXPECT_EQ(store().plan_items(plan.id).value(), before_items);
  EXPECT_EQ(store().audit(query)->size(), audited);
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
