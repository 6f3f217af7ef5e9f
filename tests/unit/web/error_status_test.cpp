#include "rung/web/shell/error_status.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "rung/web/shell/http_errors.hpp"

namespace rung::web {
namespace {

TEST(ErrorStatus, EachKindHasOneStatus) {
  EXPECT_EQ(http_status(ErrorKind::invalid), 422);
  EXPECT_EQ(http_status(ErrorKind::not_found), 404);
  EXPECT_EQ(http_status(ErrorKind::forbidden), 403);
  EXPECT_EQ(http_status(ErrorKind::conflict), 409);
  EXPECT_EQ(http_status(ErrorKind::too_large), 413);
  EXPECT_EQ(http_status(ErrorKind::unavailable), 503);
  EXPECT_EQ(http_status(ErrorKind::internal), 500);
}

TEST(ErrorStatus, AnErrorWithoutAKindIsInvalid) {
  EXPECT_EQ(http_status(Error{"anything.new", "x"}), 422);
  EXPECT_EQ(http_status(fail("anything.new", "x").value()), 422);
}

// A code the table never heard of answers with its kind's status instead of a 500.
TEST(ErrorStatus, ANewCodeGetsTheStatusOfItsKind) {
  const Response gone =
      review_json_error(Error{"review.some-new-code", "gone", {}, "", ErrorKind::not_found});
  EXPECT_EQ(gone.status, 404);
  EXPECT_NE(gone.payload().find("review.some-new-code"), std::string::npos) << gone.payload();
  EXPECT_EQ(review_json_error(Error{"review.x", "taken", {}, "", ErrorKind::conflict}).status, 409);
  EXPECT_EQ(review_json_error(Error{"assess.x", "bad"}).status, 422);
}

TEST(ErrorStatus, AnUnavailableErrorCarriesRetryAfter) {
  const Response busy =
      review_json_error(Error{"store.busy", "locked", {}, "", ErrorKind::unavailable, 7});
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.headers.get("Retry-After").value_or(""), "7");
  const Response no_wait =
      review_json_error(Error{"store.busy", "locked", {}, "", ErrorKind::unavailable});
  EXPECT_FALSE(no_wait.headers.get("Retry-After"));
}

TEST(ErrorStatus, AnInternalErrorIsLeftToTheHandlerWrapper) {
  EXPECT_THROW(
      review_json_error(Error{"store.sqlite", "disk I/O error", {}, "", ErrorKind::internal}),
      std::runtime_error);
}

}  // namespace
}  // namespace rung::web
