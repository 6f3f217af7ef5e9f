// Drafts: starting and resuming, saving one rating or evidence at a time with optimistic
// concurrency, submitting, and every bad input leaving the store exactly as it was.
#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

class Drafts : public ReviewFixture {};

TEST_P(Drafts, StartingTwiceResumesTheSameDraft) {
  const auto first = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(first.level, "t-1");
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.status, store::AssessmentStatus::draft);
  EXPECT_EQ(first.author_person, id_of(ann));
  const auto again = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(again, first);
  // Another level is another draft ("how do I look against t-2?").
  EXPECT_NE(draft(ann, ann, AuthorRole::self, "t-2").id, first.id);
}

TEST_P(Drafts, StartSaysWhetherItCreatedOrResumed) {
  const StartRequest request{id_of(ann), AuthorRole::self, "", std::nullopt};
  const auto first = service().start(ann, request).value();
  EXPECT_TRUE(first.created);
  const auto again = service().start(ann, request).value();
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.assessment, first.assessment);
}

TEST_P(Drafts, RacingStartsCreateOneDraft) {
  const StartRequest request{id_of(ann), AuthorRole::self, "", std::nullopt};
  std::atomic<int> created{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> tabs;
  for (int i = 0; i < 6; ++i) {
    tabs.emplace_back([&] {
      auto started = service().start(ann, request);
      if (!started) {
        ++failed;
      } else if (started->created) {
        ++created;
      }
    });
  }
  for (auto& tab : tabs) {
    tab.join();
  }
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(created, 1);
  EXPECT_EQ(store().assessments_of(id_of(ann)).value().size(), 1U);
}

TEST_P(Drafts, ABatchOfRatingsIsOneVersionStep) {
  const auto a = draft(ann, ann, AuthorRole::self);
  const std::vector<RatingEdit> batch{{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "part"}};
  EXPECT_EQ(service().save_ratings(ann, a.id, 1, batch).value(), 2);
  EXPECT_EQ(service().read(ann, a.id).value().ratings,
            (assess::Ratings{{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "part"}}));
  store::AuditQuery query;
  query.action = "assessment.rate";
  EXPECT_EQ(store().audit(query).value().size(), 2U);  // one entry per rating
}

TEST_P(Drafts, ABatchWithOneBadRatingSavesNoneOfIt) {
  const auto a = draft(ann, ann, AuthorRole::self);
  const auto before = state();
  const std::vector<RatingEdit> bad_scale{{"t-1-alpha-1", "yes"}, {"t-1-alpha-2", "maybe"}};
  EXPECT_EQ(service().save_ratings(ann, a.id, 1, bad_scale).error().error.code,
            "assess.bad-rating");
  const std::vector<RatingEdit> bad_statement{{"t-1-alpha-1", "yes"}, {"t-9-nope", "yes"}};
  EXPECT_EQ(service().save_ratings(ann, a.id, 1, bad_statement).error().error.code,
            "assess.unknown-statement");
  EXPECT_EQ(service().save_ratings(ann, a.id, 1, {}).error().error.code, "review.bad-ratings");
  EXPECT_EQ(state(), before);
  // A stale batch is a conflict about its first rating.
  ASSERT_EQ(service().save_rating(ann, a.id, 1, "t-1-alpha-2", "no").value(), 2);
  const auto stale = service().save_ratings(ann, a.id, 1, {{"t-1-alpha-2", "yes"}});
  ASSERT_TRUE(stale.error().conflict);
  EXPECT_EQ(stale.error().conflict->statement, "t-1-alpha-2");
  EXPECT_EQ(stale.error().conflict->current_rating->scale, "no");
}

TEST_P(Drafts, AddedEvidenceNamesItsId) {
  const auto a = draft(ann, ann, AuthorRole::self);
  const auto first = service().add_evidence(ann, a.id, 1, "t-1-alpha-1", "Same text", "").value();
  const auto second = service().add_evidence(ann, a.id, 2, "t-1-alpha-1", "Same text", "").value();
  const auto stored = store().evidence(a.id).value();
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(first.evidence, stored[0].id);
  EXPECT_EQ(second.evidence, stored[1].id);
  EXPECT_EQ(second.version, 3);
}

TEST_P(Drafts, SavingBumpsTheVersionAndKeepsEveryRating) {
  const auto a = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(service().save_rating(ann, a.id, 1, "t-1-alpha-1", "yes").value(), 2);
  EXPECT_EQ(service().save_rating(ann, a.id, 2, "t-1-alpha-2", "part").value(), 3);
  EXPECT_EQ(service().save_rating(ann, a.id, 3, "t-1-alpha-1", "star").value(), 4);
  const auto view = service().read(ann, a.id).value();
  EXPECT_EQ(view.assessment.version, 4);
  EXPECT_EQ(view.ratings, (assess::Ratings{{"t-1-alpha-1", "star"}, {"t-1-alpha-2", "part"}}));
}

TEST_P(Drafts, AStaleVersionIsAConflictWithBothSidesAndChangesNothing) {
  const auto a = draft(ann, ann, AuthorRole::self);
  ASSERT_EQ(service().save_rating(ann, a.id, 1, "t-1-alpha-1", "yes").value(), 2);
  const auto before = state();
  // A second tab still at version 1.
  auto stale = service().save_rating(ann, a.id, 1, "t-1-alpha-1", "no");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().error.code, "review.conflict");
  ASSERT_TRUE(stale.error().conflict);
  const auto& conflict = *stale.error().conflict;
  EXPECT_EQ(conflict.current_version, 2);
  EXPECT_EQ(conflict.sent_version, 1);
  EXPECT_EQ(conflict.statement, "t-1-alpha-1");
  ASSERT_TRUE(conflict.current_rating);
  EXPECT_EQ(conflict.current_rating->scale, "yes");
  EXPECT_EQ(conflict.sent_scale, "no");
  EXPECT_EQ(state(), before);
  // A statement nobody rated yet: the conflict says so.
  auto unrated = service().save_rating(ann, a.id, 1, "t-1-beta-1", "no");
  ASSERT_TRUE(unrated.error().conflict);
  EXPECT_FALSE(unrated.error().conflict->current_rating);
  EXPECT_EQ(state(), before);
}

TEST_P(Drafts, ConcurrentSavesAgainstOneVersionLetExactlyOneThrough) {
  const auto a = draft(ann, ann, AuthorRole::self);
  const char* const scales[] = {"no", "part", "yes", "star"};
  std::atomic<int> saved{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> tabs;
  for (int i = 0; i < 8; ++i) {
    tabs.emplace_back([&, i] {
      auto result = service().save_rating(ann, a.id, 1, "t-1-alpha-1", scales[i % 4]);
      if (result) {
        ++saved;
      } else if (result.error().error.code == "review.conflict") {
        ++conflicts;
      }
    });
  }
  for (auto& tab : tabs) {
    tab.join();
  }
  EXPECT_EQ(saved, 1);
  EXPECT_EQ(conflicts, 7);
  EXPECT_EQ(store().assessment(a.id).value()->version, 2);
  EXPECT_EQ(store().ratings(a.id).value().size(), 1U);
  store::AuditQuery query;
  query.action = "assessment.rate";
  EXPECT_EQ(store().audit(query).value().size(), 1U);
}

TEST_P(Drafts, EvidenceIsSavedWithTheVersionRule) {
  const auto a = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(service()
                .add_evidence(ann, a.id, 1, "t-1-alpha-1", "Led the migration https://x/pr/1",
                              "2026-10-01")
                .value()
                .version,
            2);
  EXPECT_EQ(
      service().add_evidence(ann, a.id, 2, "t-1-alpha-1", "Paired with Zoë", "").value().version,
      3);
  const auto evidence = service().read(ann, a.id).value().evidence;
  ASSERT_EQ(evidence.size(), 2U);
  EXPECT_EQ(evidence[0].text, "Led the migration https://x/pr/1");
  EXPECT_EQ(evidence[0].date, "2026-10-01");
  EXPECT_EQ(evidence[1].statement, "t-1-alpha-1");
  const auto before = state();
  EXPECT_EQ(service().add_evidence(ann, a.id, 2, "t-1-alpha-1", "late", "").error().error.code,
            "review.conflict");
  EXPECT_EQ(state(), before);
}

// Each bad input: its error code, and the store exactly as it was.
TEST_P(Drafts, BadInputIsRefusedAndChangesNothing) {
  const auto a = draft(ann, ann, AuthorRole::self);
  const auto before = state();
  const auto rating_error = [&](std::string_view statement, std::string_view scale) {
    auto saved = service().save_rating(ann, a.id, 1, statement, scale);
    return saved ? "" : saved.error().error.code;
  };
  const auto evidence_error = [&](std::string_view statement, std::string_view text,
                                  std::string_view date) {
    auto saved = service().add_evidence(ann, a.id, 1, statement, text, date);
    return saved ? "" : saved.error().error.code;
  };
  EXPECT_EQ(rating_error("t-1-alpha-1", "always"), "assess.bad-rating");
  EXPECT_EQ(rating_error("t-1-alpha-1", ""), "assess.bad-rating");
  EXPECT_EQ(rating_error("t-2-alpha-1", "yes"), "assess.unknown-statement");
  EXPECT_EQ(rating_error("nope", "yes"), "assess.unknown-statement");
  EXPECT_EQ(evidence_error("t-2-alpha-1", "text", ""), "assess.unknown-statement");
  EXPECT_EQ(evidence_error("t-1-alpha-1", std::string(4097, 'x'), ""), "review.evidence-too-large");
  EXPECT_EQ(evidence_error("t-1-alpha-1", "   ", ""), "review.bad-evidence");
  EXPECT_EQ(evidence_error("t-1-alpha-1", "bad \xff byte", ""), "review.bad-evidence");
  EXPECT_EQ(evidence_error("t-1-alpha-1", "text", "2026-02-30"), "review.bad-date");
  EXPECT_EQ(evidence_error("t-1-alpha-1", "text", "yesterday"), "review.bad-date");
  auto missing = service().save_rating(ann, 4242, 1, "t-1-alpha-1", "yes");
  EXPECT_EQ(missing.error().error.code, "review.not-found");
  EXPECT_EQ(state(), before);
  // Exactly at the limit is fine.
  EXPECT_EQ(evidence_error("t-1-alpha-1", std::string(4096, 'x'), ""), "");
}

TEST_P(Drafts, SubmitFreezesTheAssessment) {
  const auto a = draft(ann, ann, AuthorRole::self);
  const auto version = rate(ann, a, {{"t-1-alpha-1", "yes"}, {"t-1-beta-1", "star"}});
  EXPECT_EQ(service().submit(ann, a.id, version - 1).error().error.code, "review.conflict");
  const auto submitted = service().submit(ann, a.id, version);
  ASSERT_TRUE(submitted) << submitted.error().error.to_string();
  EXPECT_EQ(submitted->status, store::AssessmentStatus::submitted);
  EXPECT_EQ(submitted->version, version + 1);
  EXPECT_GT(submitted->submitted_at, 0);
  ASSERT_TRUE(store().snapshot(a.id).value());
  // The ladder it was assessed under is stored once as a version the snapshot names.
  const auto ladder = ladder_version(this->ladder());
  EXPECT_NE(store().snapshot(a.id).value()->content.find(ladder.digest), std::string::npos);
  EXPECT_EQ(store().frozen_ladder(ladder.digest).value()->content, ladder.json);

  const auto before = state();
  EXPECT_EQ(service().save_rating(ann, a.id, version + 1, "t-1-alpha-2", "yes").error().error.code,
            "review.submitted");
  EXPECT_EQ(
      service().add_evidence(ann, a.id, version + 1, "t-1-alpha-2", "x", "").error().error.code,
      "review.submitted");
  EXPECT_EQ(service().submit(ann, a.id, version + 1).error().error.code, "review.submitted");
  EXPECT_EQ(state(), before);
  // A new draft starts afresh.
  EXPECT_NE(draft(ann, ann, AuthorRole::self).id, a.id);
}

TEST_P(Drafts, EveryChangeIsAudited) {
  const auto a = draft(ann, ann, AuthorRole::self);
  const auto version = rate(ann, a, {{"t-1-alpha-1", "yes"}});
  ASSERT_TRUE(service().add_evidence(ann, a.id, version, "t-1-alpha-1", "x", ""));
  ASSERT_TRUE(service().submit(ann, a.id, version + 1));
  store::AuditQuery query;
  query.subject = "assessment:" + std::to_string(a.id);
  std::vector<std::string> actions;
  const auto entries = store().audit(query).value();
  for (const auto& entry : entries) {
    actions.push_back(entry.action);
    EXPECT_EQ(entry.actor, "ann@example.com");
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"assessment.submit", "assessment.evidence",
                                               "assessment.rate", "assessment.start"}));
}

INSTANTIATE_TEST_SUITE_P(Review, Drafts, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
