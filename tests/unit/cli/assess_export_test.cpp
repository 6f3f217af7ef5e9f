// `rung assess export` run in-process: bad arguments and a missing store are refused with a
// clear error (exit 2, nothing written); -o writes exactly what stdout would show. The packet
// itself is covered by the golden suite tests/golden/assess_export.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/cli/data_store.hpp"

#include "../store/store_support.hpp"
#include "support/run_rung.hpp"

namespace rung::cli {
namespace {

using store::testing::ScratchDir;

using test_support::run_rung;

class AssessExportCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = open_data_store(data());
    ASSERT_TRUE(store) << store.error().to_string();
    auto done = (*store)->write([](store::Writer& w) {
      return w.insert_person(store::testing::make_person("ann")).map([](store::Id) {});
    });
    ASSERT_TRUE(done) << done.error().to_string();
  }
  std::string data() const { return m_dir.path().string(); }

  ScratchDir m_dir;
};

TEST_F(AssessExportCommand, WritesThePacketToStdoutOrAFile) {
  const auto shown = run_rung({"assess", "export", "ann@example.com", "--data", data()});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("# Promotion packet: ann"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("- Self-assessment: none submitted"), std::string::npos);

  const auto file = (m_dir.path() / "packet.md").string();
  const auto written =
      run_rung({"assess", "export", "ann@example.com", "--data", data(), "-o", file});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_EQ(written.out, "");
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), shown.out);
}

TEST_F(AssessExportCommand, BadInputIsAClearErrorAndWritesNothing) {
  const auto file = (m_dir.path() / "packet.json").string();
  const auto unknown = run_rung(
      {"assess", "export", "bob@example.com", "--data", data(), "--format", "json", "-o", file});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("error[review.not-found]: no person with the email "
                             "'bob@example.com'"),
            std::string::npos)
      << unknown.err;
  EXPECT_FALSE(std::filesystem::exists(file));

  const auto level =
      run_rung({"assess", "export", "ann@example.com", "--data", data(), "--level", "swe-99"});
  EXPECT_EQ(level.exit_code, 2);
  EXPECT_NE(level.err.find("error[ladder.unknown-level]"), std::string::npos) << level.err;
  EXPECT_EQ(level.out, "");

  const auto format =
      run_rung({"assess", "export", "ann@example.com", "--data", data(), "--format", "pdf"});
  EXPECT_EQ(format.exit_code, 2);
  EXPECT_EQ(format.out, "");

  const auto nowhere = (m_dir.path() / "nowhere").string();
  const auto missing = run_rung({"assess", "export", "ann@example.com", "--data", nowhere});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("error[store.open]: there is no database at"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(std::filesystem::exists(nowhere));
}

}  // namespace
}  // namespace rung::cli
