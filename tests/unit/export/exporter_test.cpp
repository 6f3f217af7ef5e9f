// Every format written to a file, and the failures: nothing may be left behind.
#include "rung/export/exporter.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "rung/core/fs.hpp"

#include "../format/sample_ladder.hpp"

namespace rung::exports {
namespace {

namespace fs = std::filesystem;

class ExportToFile : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir =
        fs::temp_directory_path() /
        ("rung-export-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(m_dir)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }

  fs::path m_dir;
  model::Ladder m_ladder{format::testing::full_ladder()};
};

TEST_F(ExportToFile, TheTableHasEveryFormatOnce) {
  std::vector<std::string> names;
  for (const Exporter& exporter : exporters()) {
    EXPECT_NE(exporter.render == nullptr, exporter.write == nullptr) << exporter.name;
    EXPECT_EQ(find_exporter(exporter.name), &exporter);
    names.emplace_back(exporter.name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"md", "json", "yaml", "csv", "xlsx", "html"}));
  EXPECT_EQ(find_exporter("pdf"), nullptr);
}

TEST_F(ExportToFile, TextFormatsWriteExactlyWhatTheyRender) {
  for (const char* name : {"md", "json", "yaml", "csv"}) {
    const Exporter& exporter = *find_exporter(name);
    const fs::path target = m_dir / (std::string("ladder.") + name);
    ASSERT_TRUE(export_to_file(exporter, m_ladder, {}, target)) << name;
    EXPECT_EQ(read(target), exporter.render(m_ladder, {})) << name;
  }
  EXPECT_EQ(entries().size(), 4u);
}

TEST_F(ExportToFile, XlsxWritesAZipFile) {
  const fs::path target = m_dir / "ladder.xlsx";
  ASSERT_TRUE(export_to_file(*find_exporter("xlsx"), m_ladder, {}, target));
  EXPECT_TRUE(read(target).starts_with("PK\x03\x04"));
  EXPECT_EQ(entries(), std::vector<std::string>{"ladder.xlsx"});
}

TEST_F(ExportToFile, AMissingDirectoryIsAClearErrorForEveryFormat) {
  for (const Exporter& exporter : exporters()) {
    const fs::path target = m_dir / "missing" / "out";
    auto result = export_to_file(exporter, m_ladder, {}, target);
    ASSERT_FALSE(result) << exporter.name;
    EXPECT_EQ(result.error().code, "file.unwritable");
    EXPECT_EQ(result.error().message,
              "cannot write '" + target.string() + "': No such file or directory");
  }
  EXPECT_TRUE(entries().empty());
}

TEST_F(ExportToFile, ADirectoryAsTargetIsAClearErrorAndIsLeftAlone) {
  fs::create_directory(m_dir / "out");
  for (const Exporter& exporter : exporters()) {
    if (exporter.name == "html") {
      continue;  // the static site is a directory (web/static_site.hpp; its tests cover it)
    }
    auto result = export_to_file(exporter, m_ladder, {}, m_dir / "out");
    ASSERT_FALSE(result) << exporter.name;
    EXPECT_EQ(result.error().message,
              "cannot write '" + (m_dir / "out").string() + "': Is a directory");
  }
  EXPECT_EQ(entries(), std::vector<std::string>{"out"});
  EXPECT_TRUE(fs::is_empty(m_dir / "out"));
}

TEST_F(ExportToFile, AnXlsxThatFailsHalfwayLeavesNothingAndKeepsTheOldFile) {
  model::LadderData data = format::testing::full_ladder();
  data.tracks[1].levels[0].areas[0].statements[0].text = std::string(40000, 'x');
  const fs::path target = m_dir / "ladder.xlsx";
  ASSERT_TRUE(write_file_atomic(target, "the old content"));
  auto result = export_to_file(*find_exporter("xlsx"), model::Ladder(data), {}, target);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "xlsx.write");
  EXPECT_EQ(result.error().message,
            "cannot export to '" + target.string() +
                "': sheet 'Manager', cell G2: String exceeds Excel's limit of 32,767 characters.");
  EXPECT_EQ(read(target), "the old content");
  EXPECT_EQ(entries(), std::vector<std::string>{"ladder.xlsx"});
}

}  // namespace
}  // namespace rung::exports
