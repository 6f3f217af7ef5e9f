#include "rung/core/fs.hpp"

#include <gtest/gtest.h>

#include "../store/store_support.hpp"

namespace rung {
namespace {

using store::testing::ScratchDir;

class PublishNewFile : public ::testing::TestWithParam<PublishWay> {
 protected:
  ScratchDir dir;
  std::filesystem::path from = dir / "copy.tmp";
  std::filesystem::path to = dir / "copy.db";

  void SetUp() override { ASSERT_TRUE(write_file_atomic(from, "the new file")); }
};

// Each way (the later ones are what file systems without hard links get) puts the file in
// place and leaves no temporary behind.
TEST_P(PublishNewFile, MovesTheFileIntoPlace) {
  const auto published = publish_new_file(from, to, GetParam());
  ASSERT_TRUE(published) << published.error().to_string();
  EXPECT_EQ(read_file(to).value(), "the new file");
  EXPECT_FALSE(std::filesystem::exists(from));
}

TEST_P(PublishNewFile, NeverReplacesAFileThatExists) {
  ASSERT_TRUE(write_file_atomic(to, "someone else's"));
  const auto published = publish_new_file(from, to, GetParam());
  ASSERT_FALSE(published);
  EXPECT_EQ(published.error().code, "file.exists");
  EXPECT_EQ(published.error().kind, ErrorKind::conflict);
  EXPECT_EQ(read_file(to).value(), "someone else's");
  EXPECT_FALSE(std::filesystem::exists(from));
}

TEST_P(PublishNewFile, AMissingDirectoryNamesTheTarget) {
  const auto published = publish_new_file(from, dir / "no" / "copy.db", GetParam());
  ASSERT_FALSE(published);
  EXPECT_EQ(published.error().code, "file.unwritable");
  EXPECT_NE(published.error().message.find("no/copy.db"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(from));
}

INSTANTIATE_TEST_SUITE_P(EveryWay, PublishNewFile,
                         ::testing::Values(PublishWay::hard_link, PublishWay::rename_noreplace,
                                           PublishWay::exclusive_rename));

}  // namespace
}  // namespace rung
