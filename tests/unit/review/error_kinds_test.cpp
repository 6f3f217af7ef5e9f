// The kind of each error the review service gives: what web/ answers it with (the HTTP status of
// web/error_status.hpp), so a code is never matched by its text there.
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "review_support.hpp"

namespace rung::review {
namespace {

using store::AuthorRole;
using testing::all_stores;
using testing::ReviewFixture;

class ErrorKinds : public ReviewFixture {};

// "code kind", or "ok" when there was no error.
template <class T>
std::string code_and_kind(const Result<T>& result) {
  return result ? "ok" : result.error().code + " " + std::string(to_string(result.error().kind));
}

template <class T>
std::string code_and_kind(const SaveResult<T>& result) {
  return result
             ? "ok"
             : result.error().error.code + " " + std::string(to_string(result.error().error.kind));
}

TEST_P(ErrorKinds, WhoMayNotAndWhatIsNotThere) {
  const auto a = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(code_and_kind(service().read(outsider, a.id)), "review.forbidden forbidden");
  EXPECT_EQ(code_and_kind(service().open_cycle(lead, {0, "Q", "2026-01-01", "2026-03-31", {}, {}})),
            "review.forbidden forbidden");
  EXPECT_EQ(code_and_kind(service().read(ann, 4242)), "review.not-found not_found");
  EXPECT_EQ(code_and_kind(service().save_rating(ann, 4242, 1, "t-1-alpha-1", "yes")),
            "review.not-found not_found");
  EXPECT_EQ(code_and_kind(service().close_cycle(admin, 4242)), "review.not-found not_found");
  EXPECT_EQ(code_and_kind(service().set_target(ann, id_of(ann), "t-9")),
            "ladder.unknown-level not_found");
  EXPECT_EQ(code_and_kind(service().side_by_side(ann, id_of(ann), "t-9")),
            "ladder.unknown-level not_found");
}

TEST_P(ErrorKinds, BadInputIsInvalidAndTooMuchIsTooLarge) {
  const auto a = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(code_and_kind(service().save_rating(ann, a.id, 1, "t-1-alpha-1", "always")),
            "assess.bad-rating invalid");
  EXPECT_EQ(code_and_kind(service().save_rating(ann, a.id, 1, "nope", "yes")),
            "assess.unknown-statement invalid");
  EXPECT_EQ(code_and_kind(service().add_evidence(ann, a.id, 1, "t-1-alpha-1", "   ", "")),
            "review.bad-evidence invalid");
  EXPECT_EQ(code_and_kind(service().add_evidence(ann, a.id, 1, "t-1-alpha-1", "x", "yesterday")),
            "review.bad-date invalid");
  EXPECT_EQ(code_and_kind(service().open_cycle(admin, {0, "", "2026-01-01", "2026-06-30", {}, {}})),
            "review.bad-cycle invalid");
  EXPECT_EQ(code_and_kind(
                service().add_evidence(ann, a.id, 1, "t-1-alpha-1", std::string(4097, 'x'), "")),
            "review.evidence-too-large too_large");
}

TEST_P(ErrorKinds, WhatClashesWithTheStoredStateIsAConflict) {
  const auto a = draft(ann, ann, AuthorRole::self);
  EXPECT_EQ(code_and_kind(service().outcome(ann, a.id)), "review.not-submitted conflict");
  const auto version = rate(ann, a, {{"t-1-alpha-1", "yes"}});
  EXPECT_EQ(code_and_kind(service().save_rating(ann, a.id, version - 1, "t-1-alpha-1", "no")),
            "review.conflict conflict");
  ASSERT_TRUE(service().submit(ann, a.id, version));
  EXPECT_EQ(code_and_kind(service().save_rating(ann, a.id, version + 1, "t-1-alpha-1", "no")),
            "review.submitted conflict");

  const auto cycle = service().open_cycle(admin, {0, "Q", "2026-01-01", "2026-03-31", {}, {}});
  ASSERT_TRUE(cycle);
  ASSERT_TRUE(service().close_cycle(admin, cycle->id));
  EXPECT_EQ(code_and_kind(service().start(
                lead, StartRequest{id_of(ann), AuthorRole::manager, "", cycle->id})),
            "review.cycle-closed conflict");
}

TEST_P(ErrorKinds, ACycleThatDoesNotCoverTheTrackIsInvalid) {
  store::Id other = 0;
  ASSERT_TRUE(store().write([&](store::Writer& w) -> Result<void> {
    RUNG_TRY_ASSIGN(other, w.insert_cycle({0, "U", "2026-01-01", "2026-03-31", {"u"}, {}}));
    return {};
  }));
  EXPECT_EQ(
      code_and_kind(service().start(ann, StartRequest{id_of(ann), AuthorRole::self, "", other})),
      "review.cycle-track invalid");
}

INSTANTIATE_TEST_SUITE_P(Review, ErrorKinds, all_stores(), store::testing::implementation_name);

}  // namespace
}  // namespace rung::review
