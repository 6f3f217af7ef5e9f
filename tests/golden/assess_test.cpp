// Golden tests for the assess core: a person's ratings in, the figures out.
//
// Every folder tests/golden/assess/<case>/ holds:
//   setup         "key: value" lines: `level:` the level to measure the fit against (required),
//                 `target:` the level for readiness and the growth plan (default: the next
//                 level of the same track), `ladder:` a ladder file in the folder (default: the
//                 built-in engineering ladder). Lines starting with '#' are comments.
//   ratings.txt   the ratings, one "statement-id: scale-point-id" a line (assess/ratings_text.hpp)
//   expected.txt  the fit, readiness and growth-plan reports (assess/report.hpp), or the errors
//                 when ratings.txt does not read
//   expected.svg  the radar chart of the fit (absent when ratings.txt does not read)
//
// To add a case, create the folder with its setup and ratings, write the expected files with
//   RUNG_UPDATE_GOLDEN=1 build/test/tests/rung_tests --gtest_filter='*AssessGolden*'
// and check every figure by hand before committing (the README.md of each case says how).
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "rung/assess/fit.hpp"
#include "rung/assess/gaps.hpp"
#include "rung/assess/radar.hpp"
#include "rung/assess/ratings_text.hpp"
#include "rung/assess/readiness.hpp"
#include "rung/assess/report.hpp"
#include "rung/builtin/builtin.hpp"
#include "rung/core/text.hpp"
#include "rung/format/ladder_yaml.hpp"

#include "support/golden.hpp"

namespace rung::golden {
namespace {

namespace fs = std::filesystem;

using test_support::case_folders;
using test_support::Expected;
using test_support::matches_golden;
using test_support::param_name;
using test_support::read_key_values;
using test_support::read_text;

const fs::path k_assess_suite = test_support::source_root() / "tests/golden/assess";

std::string errors_text(const Errors& errors) {
  std::string out;
  for (const Error& error : errors) {
    out += error.to_string() + "\n";
  }
  return out;
}

std::string target_of(const model::Ladder& ladder,
                      const std::map<std::string, std::string>& setup) {
  if (auto given = setup.find("target"); given != setup.end()) {
    return given->second;
  }
  auto next = assess::next_level(ladder, setup.at("level"));
  return next && *next != nullptr ? (*next)->id : std::string();
}

// The three reports of one case, or why one of them could not be made.
std::string reports(const model::Ladder& ladder, const std::map<std::string, std::string>& setup,
                    const assess::Ratings& ratings, std::string& svg) {
  auto fit = assess::fit(ladder, setup.at("level"), ratings);
  if (!fit) {
    return errors_text({fit.error()});
  }
  svg = assess::radar_svg(*fit, ladder);
  std::string out = assess::fit_text(ladder, *fit, ratings);
  const std::string target = target_of(ladder, setup);
  if (target.empty()) {
    return out + "\n" + setup.at("level") + " is the top of its track: no next level.\n";
  }
  auto ready = assess::readiness(ladder, target, ratings);
  auto plan = assess::gaps(ladder, target, ratings);
  if (!ready || !plan) {
    return out + "\n" + errors_text({ready ? plan.error() : ready.error()});
  }
  out += "\n" + assess::readiness_text(ladder, *ready, ratings);
  return out + "\n" + assess::growth_plan_text(ladder, *plan);
}

class AssessGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(AssessGolden, MatchesExpectedReports) {
  const fs::path dir = k_assess_suite / GetParam();
  const auto setup = read_key_values(dir / "setup");
  ASSERT_TRUE(setup.contains("level")) << dir / "setup"
                                       << " has no 'level:' line";
  std::optional<model::Ladder> own;
  if (auto file = setup.find("ladder"); file != setup.end()) {
    auto data = format::load_ladder_file(dir / file->second);
    ASSERT_TRUE(data) << errors_text(data.error());
    own.emplace(std::move(*data));
  }
  const model::Ladder& ladder = own ? *own : builtin::engineering_ladder();
  auto ratings = assess::parse_ratings(read_text(dir / "ratings.txt"), "ratings.txt", ladder);
  std::string text;
  std::string svg;
  text = ratings ? reports(ladder, setup, *ratings, svg) : errors_text(ratings.error());
  EXPECT_TRUE(matches_golden(dir / "expected.txt", text, Expected::empty_if_absent));
  EXPECT_TRUE(matches_golden(dir / "expected.svg", svg, Expected::empty_if_absent));
}

INSTANTIATE_TEST_SUITE_P(Cases, AssessGolden, ::testing::ValuesIn(case_folders(k_assess_suite)),
                         param_name);

}  // namespace
}  // namespace rung::golden
