// Golden tests for the progress chart: points in, the SVG out.
//
// Every folder tests/golden/progress_chart/<case>/ holds:
//   points.txt    one point a line: "label | self|manager | met | total" ('#' starts a comment)
//   expected.svg  assess::progress_svg of those points (open it in a browser to look at it)
//
// To add a case, create the folder with its points.txt, write expected.svg with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*ProgressChartGolden*'
// then open the SVG and check every marker and the <desc> figures by hand before committing.
#include "rung/assess/progress_chart.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/core/text.hpp"

#include "support/golden.hpp"

namespace rung::golden {
namespace {

namespace fs = std::filesystem;

using test_support::case_folders;
using test_support::matches_golden;
using test_support::param_name;
using test_support::read_text;

const fs::path k_chart_suite = test_support::source_root() / "tests/golden/progress_chart";

std::vector<std::string> fields_of(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t bar = line.find('|');; bar = line.find('|', start)) {
    fields.emplace_back(trim(line.substr(start, bar - start)));
    if (bar == std::string_view::npos) {
      return fields;
    }
    start = bar + 1;
  }
}

std::vector<assess::ProgressChartPoint> read_points(const fs::path& path) {
  std::vector<assess::ProgressChartPoint> points;
  const std::string text = read_text(path);
  for (std::string_view line : split_lines(text)) {
    if (trim(line).empty() || trim(line).front() == '#') {
      continue;
    }
    const std::vector<std::string> fields = fields_of(line);
    EXPECT_EQ(fields.size(), 4U) << path << ": " << line;
    if (fields.size() != 4) {
      continue;
    }
    EXPECT_TRUE(fields[1] == "self" || fields[1] == "manager") << path << ": " << line;
    points.push_back(
        {fields[0], std::stoul(fields[2]), std::stoul(fields[3]),
         fields[1] == "self" ? assess::ProgressSeries::self : assess::ProgressSeries::manager});
  }
  return points;
}

class ProgressChartGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(ProgressChartGolden, MatchesExpectedSvg) {
  const fs::path dir = k_chart_suite / GetParam();
  const std::string svg = assess::progress_svg(read_points(dir / "points.txt"));
  EXPECT_TRUE(matches_golden(dir / "expected.svg", svg));
}

INSTANTIATE_TEST_SUITE_P(Cases, ProgressChartGolden,
                         ::testing::ValuesIn(case_folders(k_chart_suite)), param_name);

}  // namespace
}  // namespace rung::golden
