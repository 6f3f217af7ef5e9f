#include "rung/lint/render.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rung::lint {
namespace {

Report sample() {
  Report report;
  report.file = "ladder.yaml";
  report.diagnostics = {
      {"L015", Severity::warning, {}, "lint", "lint.disable names 'L99'", ""},
      {"L001", Severity::error, {12, 7}, "swe-2", "title \"X\" is used twice", "rename one"},
      {"L012", Severity::note, {13, 5}, "swe-2", "ranges overlap", "often intended"},
  };
  report.disabled = {"L007"};
  return report;
}

TEST(RenderText, PrintsCompilerStyleLinesHintsAndASummary) {
  EXPECT_EQ(to_text(sample()),
            "ladder.yaml: warning[L015]: lint.disable names 'L99'\n"
            "ladder.yaml:12:7: error[L001]: title \"X\" is used twice\n"
            "  hint: rename one\n"
            "ladder.yaml:13:5: note[L012]: ranges overlap\n"
            "  hint: often intended\n"
            "ladder.yaml: 1 error, 1 warning, 1 note (turned off: L007)\n");
}

TEST(RenderText, SaysSoWhenThereAreNoFindings) {
  Report report;
  report.file = "ladder.yaml";
  EXPECT_EQ(to_text(report), "ladder.yaml: no findings\n");
  report.file.clear();
  EXPECT_EQ(to_text(report), "ladder: no findings\n");
}

TEST(RenderJson, HasTheDocumentedShape) {
  const auto json = nlohmann::json::parse(to_json(sample()));
  EXPECT_EQ(json["file"], "ladder.yaml");
  ASSERT_EQ(json["diagnostics"].size(), 3u);
  const auto& d = json["diagnostics"][1];
  EXPECT_EQ(d["code"], "L001");
  EXPECT_EQ(d["rule"], "duplicate-title");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["file"], "ladder.yaml");
  EXPECT_EQ(d["line"], 12);
  EXPECT_EQ(d["column"], 7);
  EXPECT_EQ(d["element"], "swe-2");
  EXPECT_EQ(d["message"], "title \"X\" is used twice");
  EXPECT_EQ(d["hint"], "rename one");
  EXPECT_EQ(json["diagnostics"][0]["line"], 0);
  EXPECT_EQ(json["summary"], (nlohmann::json{{"errors", 1}, {"warnings", 1}, {"notes", 1}}));
  EXPECT_EQ(json["disabled"], nlohmann::json::array({"L007"}));
}

}  // namespace
}  // namespace rung::lint
