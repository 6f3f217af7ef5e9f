// Golden tests for `rung people import` (an HRIS export in CSV -> the plan, or its errors).
//
// Every folder tests/golden/people_import/<case>/ holds:
//   people.csv       the file given to `rung people import`
//   current.csv      (optional) the people already in rung: imported with --apply into a fresh
//                    data directory before the case runs
//   args             (optional) more arguments after the file, one per line ("--apply",
//                    "--format", "json"); lines starting with '#' are comments
//   expected.txt     what the command prints on stdout (the plan, or the problems of the rows)
//   expected.stderr  (optional) what it prints on stderr (a file that cannot be read as CSV);
//                    when absent it must print nothing there
//   expected.exit    (optional) its exit code: 1 when the rows have problems, 2 when the file
//                    cannot be used; 0 when absent
//   expected.list.txt (optional) what `rung people list` prints afterwards (for --apply cases)
// Each case runs in-process, from the repository root, against the built-in ladder and a fresh
// data directory, so paths in the output read "tests/golden/people_import/<case>/people.csv".
//
// To add a case, create the folder with people.csv (and current.csv, args), write its
// expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*PeopleImportGolden*'
// and read them line by line before committing.
//
// Two more tests feed 10 MB of generated garbage (random bytes; random text full of quotes and
// commas) and check that it is refused with a clear report and that nothing is imported.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli_golden.hpp"

namespace rung::golden {
namespace {

const std::string k_import_suite = "people_import";

// A data directory of its own for each case, removed afterwards.
class DataDir {
 public:
  explicit DataDir(const std::string& name)
      : m_path(fs::temp_directory_path() /
               ("rung-people-golden-" + name + "-" +
                std::to_string(::testing::UnitTest::GetInstance()->random_seed()))) {
    fs::remove_all(m_path);
  }
  ~DataDir() { fs::remove_all(m_path); }
  std::string path() const { return m_path.string(); }

 private:
  fs::path m_path;
};

class PeopleImportGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(PeopleImportGolden, Matches) {
  const fs::path relative = fs::path("tests/golden") / k_import_suite / GetParam();
  const fs::path dir = k_golden_dir / k_import_suite / GetParam();
  ASSERT_EQ(fs::current_path(), test_support::source_root())
      << "golden tests run from the repository root";
  DataDir data(GetParam());
  if (fs::exists(dir / "current.csv")) {
    const auto setup = run_rung({"people", "import", (relative / "current.csv").string(), "--apply",
                                 "--data", data.path()});
    ASSERT_EQ(setup.exit_code, 0) << setup.out << setup.err;
  }
  std::vector<std::string> args{"people", "import", (relative / "people.csv").string(), "--data",
                                data.path()};
  if (fs::exists(dir / "args")) {
    auto extra = read_args(dir / "args");
    args.insert(args.end(), extra.begin(), extra.end());
  }
  expect_outputs(dir, run_rung(args));
  if (fs::exists(dir / "expected.list.txt")) {
    const auto listed = run_rung({"people", "list", "--data", data.path()});
    EXPECT_TRUE(matches_golden(dir / "expected.list.txt", listed.out))
        << "people list after " << dir;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PeopleImportGolden,
                         ::testing::ValuesIn(case_folders(k_golden_dir / k_import_suite)),
                         param_name);

// Writes `text` to a temporary file and imports it with --apply: it must be refused with exit
// 2, a report on stderr naming the file, and an empty store afterwards.
void expect_refused(const std::string& name, const std::string& text) {
  DataDir data(name);
  const fs::path file = fs::temp_directory_path() / ("rung-" + name + ".csv");
  std::ofstream(file, std::ios::binary) << text;
  const auto outcome =
      run_rung({"people", "import", file.string(), "--apply", "--data", data.path()});
  fs::remove(file);
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_NE(outcome.err.find(file.string() + ":"), std::string::npos) << outcome.err;
  EXPECT_NE(outcome.err.find("nothing was changed"), std::string::npos) << outcome.err;
  const auto listed = run_rung({"people", "list", "--data", data.path(), "--format", "json"});
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_EQ(listed.out, "[]\n");
}

constexpr std::size_t k_ten_mb = 10 * 1024 * 1024;

TEST(PeopleImportGarbage, TenMegabytesOfRandomBytesAreRefused) {
  std::mt19937 random(42);
  std::string text(k_ten_mb, '\0');
  for (auto& c : text) {
    c = static_cast<char>(random() & 0xFF);
  }
  text.replace(0, 4, "Name");  // not a workbook signature: the reader itself must refuse it
  expect_refused("random-bytes", text);
}

TEST(PeopleImportGarbage, TenMegabytesOfQuotesCommasAndLinesAreRefused) {
  std::mt19937 random(7);
  const std::string alphabet = "\"\",,\n\r abcXYZ019@.-";
  std::string text = "Name,Email,Level\n";
  while (text.size() < k_ten_mb) {
    text.push_back(alphabet[random() % alphabet.size()]);
  }
  expect_refused("random-text", text);
}

}  // namespace
}  // namespace rung::golden
