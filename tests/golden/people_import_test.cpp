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
#include <random>

#include "cli_golden.hpp"

namespace rung::golden {
namespace {

const std::string k_suite = "people_import";

struct Outcome {
  int exit_code = 0;
  std::string out;
  std::string err;
};

Outcome run_rung(std::vector<std::string> args) {
  args.insert(args.begin(), "rung");
  std::vector<const char*> argv;
  for (const auto& arg : args) {
    argv.push_back(arg.c_str());
  }
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(static_cast<int>(argv.size()), argv.data(), cli::Io{out, err});
  return Outcome{code, out.str(), err.str()};
}

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
  const fs::path relative = fs::path("tests/golden") / k_suite / GetParam();
  const fs::path dir = k_root / relative;
  ASSERT_EQ(fs::current_path(), k_root) << "golden tests run from the repository root";
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
    args.insert(args.end(), extra.begin() + 1, extra.end());
  }
  const auto outcome = run_rung(args);
  const std::string exit_text =
      outcome.exit_code == 0 ? "" : std::to_string(outcome.exit_code) + "\n";
  const char* update = std::getenv("RUNG_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_or_remove(dir / "expected.txt", outcome.out, true);
    write_or_remove(dir / "expected.stderr", outcome.err, !outcome.err.empty());
    write_or_remove(dir / "expected.exit", exit_text, outcome.exit_code != 0);
  }
  ASSERT_TRUE(fs::exists(dir / "expected.txt"))
      << dir << " has no expected.txt; run with RUNG_UPDATE_GOLDEN=1 to write it";
  EXPECT_EQ(outcome.out, read_text(dir / "expected.txt")) << "stdout of " << dir;
  EXPECT_EQ(outcome.err, read_text(dir / "expected.stderr")) << "stderr of " << dir;
  EXPECT_EQ(exit_text, read_text(dir / "expected.exit")) << "exit code of " << dir;
  if (fs::exists(dir / "expected.list.txt")) {
    const auto listed = run_rung({"people", "list", "--data", data.path()});
    if (update != nullptr && std::string(update) == "1") {
      write_or_remove(dir / "expected.list.txt", listed.out, true);
    }
    EXPECT_EQ(listed.out, read_text(dir / "expected.list.txt")) << "people list after " << dir;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PeopleImportGolden, ::testing::ValuesIn(case_names(k_suite)),
                         test_name);

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
