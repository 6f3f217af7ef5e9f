// `rung assess export` run in-process: bad arguments and a missing store are refused with a
// clear error (exit 2, nothing written); -o writes exactly what stdout would show. The packet
// itself is covered by the golden suite tests/golden/assess_export.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/cli/command.hpp"
#include "rung/cli/data_store.hpp"

#include "../store/store_support.hpp"

namespace rung::cli {
namespace {

using store::testing::ScratchDir;

struct Ran {
  int code = -1;
  std::string out;
  std::string err;
};

Ran run_rung(std::vector<std::string> args) {
  args.insert(args.begin(), "rung");
  std::vector<const char*> argv;
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  std::ostringstream out;
  std::ostringstream err;
  Ran ran;
  ran.code = run(static_cast<int>(argv.size()), argv.data(), Io{out, err});
  ran.out = out.str();
  ran.err = err.str();
  return ran;
}

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
  ASSERT_EQ(shown.code, 0) << shown.err;
  EXPECT_NE(shown.out.find("# Promotion packet: ann"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("- Self-assessment: none submitted"), std::string::npos);

  const auto file = (m_dir.path() / "packet.md").string();
  const auto written =
      run_rung({"assess", "export", "ann@example.com", "--data", data(), "-o", file});
  ASSERT_EQ(written.code, 0) << written.err;
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
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("error[review.not-found]: no person with the email "
                             "'bob@example.com'"),
            std::string::npos)
      << unknown.err;
  EXPECT_FALSE(std::filesystem::exists(file));

  const auto level =
      run_rung({"assess", "export", "ann@example.com", "--data", data(), "--level", "swe-99"});
  EXPECT_EQ(level.code, 2);
  EXPECT_NE(level.err.find("error[ladder.unknown-level]"), std::string::npos) << level.err;
  EXPECT_EQ(level.out, "");

  const auto format =
      run_rung({"assess", "export", "ann@example.com", "--data", data(), "--format", "pdf"});
  EXPECT_EQ(format.code, 2);
  EXPECT_EQ(format.out, "");

  const auto nowhere = (m_dir.path() / "nowhere").string();
  const auto missing = run_rung({"assess", "export", "ann@example.com", "--data", nowhere});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("error[store.open]: there is no database at"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(std::filesystem::exists(nowhere));
}

}  // namespace
}  // namespace rung::cli
