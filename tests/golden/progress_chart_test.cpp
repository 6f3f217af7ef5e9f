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

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "rung/core/text.hpp"

namespace rung::golden {
namespace {

namespace fs = std::filesystem;

const fs::path k_suite = fs::path(RUNG_SOURCE_DIR) / "tests/golden/progress_chart";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

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
  const fs::path dir = k_suite / GetParam();
  const std::string svg = assess::progress_svg(read_points(dir / "points.txt"));
  if (std::getenv("RUNG_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(dir / "expected.svg", std::ios::binary) << svg;
    return;
  }
  EXPECT_EQ(svg, read_text(dir / "expected.svg")) << "differs from " << dir / "expected.svg";
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(k_suite)) {
    if (entry.is_directory()) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) {
    name += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, ProgressChartGolden, ::testing::ValuesIn(case_names()), test_name);

}  // namespace
}  // namespace rung::golden
