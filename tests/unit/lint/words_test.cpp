#include "rung/lint/words.hpp"

#include <gtest/gtest.h>

namespace rung::lint {
namespace {

TEST(StopWords, AreFunctionWordsOnly) {
  EXPECT_TRUE(is_stop_word("the"));
  EXPECT_TRUE(is_stop_word("your"));
  EXPECT_TRUE(is_stop_word("dont"));
  EXPECT_FALSE(is_stop_word("team"));
  EXPECT_FALSE(is_stop_word("mentor"));
  EXPECT_FALSE(is_content_word("2019"));
  EXPECT_FALSE(is_content_word("e"));
  EXPECT_TRUE(is_content_word("code"));
}

TEST(StopWords, NumbersTheTokeniserKeepsWholeAreNotContentWords) {
  EXPECT_FALSE(is_content_word("1:1"));
  EXPECT_FALSE(is_content_word("6-12"));
  EXPECT_TRUE(is_content_word("2fa"));
}

}  // namespace
}  // namespace rung::lint
