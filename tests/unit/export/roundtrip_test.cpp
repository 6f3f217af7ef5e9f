// Export json / yaml, read the text back with format::parse_ladder_yaml (JSON is YAML's flow
// style), and expect the same model.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "rung/export/exporter.hpp"
#include "rung/format/ladder_yaml.hpp"
#include "rung/model/validate.hpp"

#include "../format/sample_ladder.hpp"
#include "support/golden.hpp"

namespace rung::exports {
namespace {

// Texts that a JSON or YAML writer must escape, or that a YAML reader might misread in a
// double-quoted scalar: JSON escapes (\" \\ \/ \b \f \n \r \t \u00XX), characters YAML 1.1
// counts as line breaks (NEL U+0085, LS U+2028, PS U+2029), a BOM inside text, four-byte UTF-8,
// and what looks like YAML syntax.
const std::vector<std::string> k_hard_texts = {
    "back\\slash \\n not a newline \\u0041",
    "a \"quoted\" word and a 'single' one",
    "line one\nline two\r\nline three\rend",
    "tab\there, form\ffeed, back\bspace, bell\a, escape\x1b, unit\x1fsep, del\x7f",
    "next line\xC2\x85, line\xE2\x80\xA8separator, paragraph\xE2\x80\xA9separator",
    "byte order mark \xEF\xBB\xBF inside, no\xC2\xA0"
    "break space",
    "emoji 😀 and 𝄞, CJK 漢字, RTL עברית, combining e\xCC\x81",
    "slash / and </script> and \\/ escaped",
    "{flow: [like, yaml]}, - dash, ? question, : colon, # hash, & anchor, * alias, ! tag",
    "  leading and trailing spaces  ",
    "%directive-looking and @at and `backtick`",
};

model::LadderData hard_ladder() {
  model::LadderData data = format::testing::full_ladder();
  auto& statements = data.tracks[0].levels[1].areas[0].statements;
  for (std::size_t i = 0; i < k_hard_texts.size(); ++i) {
    statements.push_back({"swe-2-hard-" + std::to_string(i + 1), k_hard_texts[i], {}, {}});
  }
  data.meta.name = k_hard_texts[3];
  data.areas[0].name = k_hard_texts[4];
  data.tracks[1].name = k_hard_texts[6];
  return data;
}

std::string render(std::string_view format, const model::LadderData& data) {
  const Exporter* exporter = find_exporter(format);
  EXPECT_NE(exporter, nullptr);
  return exporter->render(model::Ladder(data), Options{});
}

model::LadderData read_back(const std::string& text, std::string_view name) {
  auto loaded = format::parse_ladder_yaml(text, name);
  if (!loaded) {
    for (const auto& error : loaded.error()) {
      ADD_FAILURE() << error.to_string();
    }
    return {};
  }
  model::strip_locations(*loaded);
  return *loaded;
}

TEST(ExportRoundTrip, TheHardLadderIsValid) {
  EXPECT_TRUE(model::validate(hard_ladder()).empty());
}

TEST(ExportRoundTrip, JsonReadsBackAsTheSameModel) {
  const model::LadderData original = hard_ladder();
  const std::string json = render("json", original);
  EXPECT_EQ(read_back(json, "export.json"), original) << json;
}

TEST(ExportRoundTrip, JsonKeepsUtf8AsIsAndEscapesControlCharacters) {
  const std::string json = render("json", hard_ladder());
  EXPECT_NE(json.find("emoji 😀 and 𝄞"), std::string::npos);
  EXPECT_NE(json.find("tab\\there"), std::string::npos);
  EXPECT_NE(json.find("escape\\u001b"), std::string::npos);
  EXPECT_EQ(json.find('\t'), std::string::npos);
}

TEST(ExportRoundTrip, YamlReadsBackAsTheSameModel) {
  const model::LadderData original = hard_ladder();
  const std::string yaml = render("yaml", original);
  EXPECT_EQ(read_back(yaml, "export.yaml"), original) << yaml;
}

TEST(ExportRoundTrip, EachHardTextSurvivesJsonAlone) {
  for (const std::string& text : k_hard_texts) {
    model::LadderData original = format::testing::full_ladder();
    original.tracks[0].levels[1].areas[0].statements[0].text = text;
    EXPECT_EQ(read_back(render("json", original), "one.json"), original) << text;
  }
}

TEST(ExportRoundTrip, TheSpecialsFixtureRoundTripsThroughBothFormats) {
  const std::filesystem::path file =
      test_support::source_root() / "tests/golden/export/specials.yaml";
  auto loaded = format::load_ladder_file(file);
  ASSERT_TRUE(loaded);
  model::strip_locations(*loaded);
  EXPECT_EQ(read_back(render("json", *loaded), "specials.json"), *loaded);
  EXPECT_EQ(read_back(render("yaml", *loaded), "specials.yaml"), *loaded);
}

// JSON from other tools may escape every non-ASCII character, and characters beyond U+FFFF as
// UTF-16 surrogate pairs (Python's json.dump does by default); YAML's \u is one code point.
TEST(ExportRoundTrip, JsonWithAsciiEscapesReadsBack) {
  model::LadderData original = format::testing::full_ladder();
  original.meta.name = "Zoë’s ladder 😀 𝄞 and a back\\uD83D\\uDE00 slash";
  std::string json = render("json", original);
  json = nlohmann::ordered_json::parse(json).dump(2, ' ', /*ensure_ascii=*/true);
  ASSERT_NE(json.find("\\ud83d\\ude00"), std::string::npos) << json;
  ASSERT_NE(json.find("\\u00eb"), std::string::npos) << json;
  const model::LadderData back = read_back(json, "ascii.json");
  EXPECT_EQ(back, original) << format::to_yaml(back) << "\n---- expected:\n"
                            << format::to_yaml(original);
}

}  // namespace
}  // namespace rung::exports
