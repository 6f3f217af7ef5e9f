#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "rung/format/ladder_yaml.hpp"
#include "rung/model/defaults.hpp"

#include "sample_ladder.hpp"
#include "support/golden.hpp"

namespace rung::format {
namespace {

const std::filesystem::path k_fixtures = test_support::source_root() / "tests/fixtures/yaml";

std::vector<std::string> codes(const Errors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) {
    out.push_back(e.code);
  }
  return out;
}

// Statement swe-1-role-1 starts on line 12, column 15 (its "- id:" line, at "id").
constexpr const char* k_ladder = R"(schema: rung/ladder/v1
name: Located
areas:
  - {id: role, name: Role}
tracks:
  - id: swe
    name: Software Engineer
    levels:
      - id: swe-1
        number: 1
        title: Engineer
        experience: {min_years: 0, max_years: 3}
        statements:
          role:
            - id: swe-1-role-1
              text: You build features
)";

TEST(Reader, LoadsAMinimalLadderWithDefaults) {
  auto loaded = load_ladder_file(k_fixtures / "valid/minimal.yaml");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->meta.name, "Minimal Ladder");
  EXPECT_EQ(loaded->scale.size(), model::default_scale().size());
  EXPECT_EQ(loaded->readiness.met_at, model::default_readiness().met_at);
  EXPECT_EQ(loaded->readiness.share_per_area, model::default_readiness().share_per_area);
  EXPECT_EQ(loaded->tracks[0].family, model::Family::individual_contributor);
  EXPECT_TRUE(loaded->general.grades.empty());
  EXPECT_EQ(loaded->source_file, (k_fixtures / "valid/minimal.yaml").string());
}

TEST(Reader, FillsEverySourceLocFromTheFirstKeyOfTheElement) {
  auto loaded = parse_ladder_yaml(k_ladder, "loc.yaml");
  ASSERT_TRUE(loaded);
  const model::Track& track = loaded->tracks[0];
  const model::Level& level = track.levels[0];
  EXPECT_EQ(loaded->areas[0].loc, (model::SourceLoc{4, 6}));
  EXPECT_EQ(track.loc, (model::SourceLoc{6, 5}));
  EXPECT_EQ(level.loc, (model::SourceLoc{9, 9}));
  EXPECT_EQ(level.experience->loc, (model::SourceLoc{12, 22}));
  EXPECT_EQ(level.areas[0].loc, (model::SourceLoc{14, 11}));
  EXPECT_EQ(level.areas[0].statements[0].loc, (model::SourceLoc{15, 15}));
}

TEST(Reader, ModelRuleErrorsCarryTheFileAndPlace) {
  std::string text = k_ladder;
  text += "            - id: swe-1-role-1\n              text: Again\n";
  auto loaded = parse_ladder_yaml(text, "dup.yaml");
  ASSERT_FALSE(loaded);
  ASSERT_EQ(codes(loaded.error()), std::vector<std::string>{"ladder.duplicate-id"});
  EXPECT_EQ(loaded.error()[0].where, (Location{"dup.yaml", 17, 15}));
}

TEST(Reader, SkipsModelRulesWhenAskedTo) {
  std::string text = k_ladder;
  text += "            - id: swe-1-role-1\n              text: Again\n";
  auto loaded = parse_ladder_yaml(text, "dup.yaml", {.validate = false});
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->tracks[0].levels[0].areas[0].statements.size(), 2u);
}

TEST(Reader, ColumnsCountCharacters) {
  auto loaded = parse_ladder_yaml(
      "schema: rung/ladder/v1\nname: x\nareas: [{name: “Rôle”, id: role, extra: 1}]\n"
      "tracks: [{id: t, name: T, levels: [{id: t-1, number: 1, title: T}]}]\n",
      "cols.yaml");
  ASSERT_FALSE(loaded);
  ASSERT_EQ(codes(loaded.error()), std::vector<std::string>{"yaml.unknown-key"});
  // Counted in characters, as an editor shows them: "areas: [{name: “Rôle”, id: role, " is 33.
  EXPECT_EQ(loaded.error()[0].where.column, 34);
}

TEST(Reader, AcceptsAByteOrderMarkAndCrLfLineEnds) {
  auto loaded = load_ladder_file(k_fixtures / "valid/crlf-and-bom.yaml");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->meta.name, "“Windows” Ladder");
  EXPECT_EQ(loaded->tracks[0].levels[0].title, "Ingénieur");
  EXPECT_EQ(loaded->tracks[0].levels[0].areas[0].statements[0].loc, (model::SourceLoc{15, 16}));
}

TEST(Reader, ReadsHandwrittenStyles) {
  auto loaded = load_ladder_file(k_fixtures / "valid/handwritten.yaml");
  ASSERT_TRUE(loaded);
  const auto& ic = loaded->tracks[0];
  EXPECT_EQ(loaded->meta.published, "2021-03-01");
  EXPECT_EQ(loaded->meta.authors[0].role, "");
  EXPECT_EQ(loaded->readiness.share_per_area, 1.0);
  EXPECT_EQ(ic.levels[0].areas[0].statements[1].refs, std::vector<std::string>{"ic-2"});
  EXPECT_EQ(ic.levels[1].experience->max_years, std::nullopt);
  EXPECT_EQ(ic.levels[1].areas[0].statements[0].text, "You deliver features on your own");
  EXPECT_EQ(loaded->tracks[1].family, model::Family::manager);
  EXPECT_EQ(loaded->tracks[1].levels[1].shares, "mgr-1");
  EXPECT_EQ(loaded->lint_disabled, std::vector<std::string>{"repeated-statement"});
}

TEST(Reader, TheCanonicalFixtureIsTheSampleLadder) {
  auto loaded = load_ladder_file(k_fixtures / "valid/full.yaml");
  ASSERT_TRUE(loaded);
  model::strip_locations(*loaded);
  EXPECT_EQ(*loaded, testing::full_ladder());
}

TEST(Reader, TheExampleInTheDocumentationLoads) {
  const std::string doc =
      test_support::read_text(test_support::source_root() / "docs/ladder-format.md");
  const auto section = doc.find("## A small complete ladder");
  const auto start = doc.find("```yaml\n", section);
  ASSERT_NE(section, std::string::npos);
  ASSERT_NE(start, std::string::npos);
  const auto body = start + 8;
  const std::string example = doc.substr(body, doc.find("```", body) - body);
  auto loaded = parse_ladder_yaml(example, "docs/ladder-format.md");
  ASSERT_TRUE(loaded) << loaded.error()[0].to_string();
  EXPECT_EQ(loaded->tracks.size(), 2u);
  EXPECT_EQ(loaded->tracks[1].levels[1].shares, "mgr-1");
}

TEST(Reader, ReadsNumbersAsYamlWritesThem) {
  std::string text = k_ladder;
  text.replace(text.find("number: 1"), 9, "number: +2");
  text.replace(text.find("max_years: 3"), 12, "max_years: !!int 3");
  auto loaded = parse_ladder_yaml(text, "numbers.yaml");
  ASSERT_TRUE(loaded) << loaded.error()[0].to_string();
  EXPECT_EQ(loaded->tracks[0].levels[0].number, 2);
  EXPECT_EQ(loaded->tracks[0].levels[0].experience->max_years, 3);
  for (const char* bad : {"number: +-2", "number: 2.0", "number: '2'", "number: 0x2"}) {
    std::string wrong = k_ladder;
    wrong.replace(wrong.find("number: 1"), 9, bad);
    auto refused = parse_ladder_yaml(wrong, "numbers.yaml");
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error()[0].code, "yaml.wrong-type") << bad;
  }
}

TEST(Reader, AnEmptyOptionalValueCountsAsAbsent) {
  std::string text = k_ladder;
  text.insert(text.find("areas:"), "organization:\ncredits:\nscale:\n");
  auto loaded = parse_ladder_yaml(text, "empty-values.yaml");
  ASSERT_TRUE(loaded) << loaded.error()[0].to_string();
  EXPECT_EQ(loaded->meta.organization, "");
  EXPECT_EQ(loaded->scale, model::default_scale());
}

TEST(Reader, ScalePointsCarryAnOptionalDescriptionThatWritesBack) {
  std::string text = k_ladder;
  text.insert(text.find("tracks:"),
              "scale:\n"
              "  - {id: no, name: No, score: 0}\n"
              "  - {id: yes, name: Yes, score: 1, description: \"Does it: “always”, #1\"}\n"
              "readiness: {met_at: yes, share_per_area: 1}\n");
  auto loaded = parse_ladder_yaml(text, "described.yaml");
  ASSERT_TRUE(loaded) << loaded.error()[0].to_string();
  EXPECT_EQ(loaded->scale[0].description, "");
  EXPECT_EQ(loaded->scale[1].description, "Does it: “always”, #1");
  const std::string yaml = to_yaml(*loaded);
  const auto first = yaml.find("description: ");
  ASSERT_NE(first, std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("description: ", first + 1), std::string::npos) << yaml;  // one only
  auto again = parse_ladder_yaml(yaml, "again.yaml");
  ASSERT_TRUE(again) << again.error()[0].to_string();
  EXPECT_EQ(again->scale[1].description, loaded->scale[1].description);
  EXPECT_EQ(again->scale[0].description, "");
  // Rung's default scale says what each point means.
  for (const auto& point : model::default_scale()) {
    EXPECT_FALSE(point.description.empty()) << point.id;
  }
}

TEST(Reader, AScaleDescriptionIsOneLine) {
  std::string text = k_ladder;
  text.insert(text.find("tracks:"),
              "scale:\n"
              "  - id: no\n"
              "    name: No\n"
              "    score: 0\n"
              "    description: |\n"
              "      two\n"
              "      lines\n"
              "readiness: {met_at: no, share_per_area: 1}\n");
  auto loaded = parse_ladder_yaml(text, "two-lines.yaml");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error()[0].code, "ladder.bad-description");
  EXPECT_GE(loaded.error()[0].where.line, 6);  // at the scale point, not nowhere
}

TEST(Reader, ReportsErrorsInFileOrderAndStopsAtTheLimit) {
  std::string text = "schema: rung/ladder/v1\nname: x\n";
  for (int i = 0; i < 10; ++i) {
    text += "unknown" + std::to_string(i) + ": 1\n";
  }
  text += "areas: [{id: a, name: A}]\ntracks: []\n";
  auto all = parse_ladder_yaml(text, "many.yaml");
  ASSERT_FALSE(all);
  ASSERT_EQ(all.error().size(), 11u);
  for (std::size_t i = 1; i < all.error().size(); ++i) {
    EXPECT_LT(all.error()[i - 1].where.line, all.error()[i].where.line);
  }
  auto capped = parse_ladder_yaml(text, "many.yaml", {.max_errors = 3});
  ASSERT_FALSE(capped);
  EXPECT_EQ(codes(capped.error()),
            (std::vector<std::string>{"yaml.unknown-key", "yaml.unknown-key", "yaml.unknown-key",
                                      "yaml.too-many-errors"}));
}

TEST(Reader, RefusesAliasesThatMultiplyTheLadder) {
  // Each level holds 200 statements and each track 200 levels, all through aliases: a few
  // hundred bytes that would expand to millions of statements.
  std::string text = "schema: rung/ladder/v1\nname: Bomb\nareas: [{id: a, name: A}]\n";
  text += "s: &s {id: s, text: t}\n";
  std::string statements = "[";
  std::string levels = "[";
  for (int i = 0; i < 200; ++i) {
    statements += "*s, ";
    levels += "*l, ";
  }
  text += "x: &l {id: l, number: 1, title: T, statements: {a: " + statements + "]}}\n";
  text += "tracks: [";
  for (int i = 0; i < 200; ++i) {
    text += "{id: t, name: T, levels: " + levels + "]}, ";
  }
  text += "]\n";
  // A small budget keeps the test quick; the default (500000) takes the same path.
  auto loaded = parse_ladder_yaml(text, "bomb.yaml", {.max_elements = 20000});
  ASSERT_FALSE(loaded);
  bool refused = false;
  for (const auto& error : loaded.error()) {
    refused = refused || error.code == "yaml.too-complex";
  }
  EXPECT_TRUE(refused);
  EXPECT_LT(loaded.error().size(), 10u) << "no model rule errors for a ladder not fully read";
}

TEST(Reader, NeverThrowsOnTruncatedOrDamagedInput) {
  const std::string text = test_support::read_text(k_fixtures / "valid/handwritten.yaml");
  for (std::size_t size = 0; size <= text.size(); size += 7) {
    EXPECT_NO_THROW((void)parse_ladder_yaml(text.substr(0, size), "cut.yaml")) << size;
  }
  unsigned state = 12345;
  const std::string noise = ":-[]{}#&*!|>'\"% \n\t,?";
  for (int round = 0; round < 300; ++round) {
    std::string damaged = text;
    for (int k = 0; k < 3; ++k) {
      state = state * 1103515245u + 12345u;
      damaged[(state >> 8) % damaged.size()] = noise[(state >> 20) % noise.size()];
    }
    EXPECT_NO_THROW((void)parse_ladder_yaml(damaged, "damaged.yaml")) << damaged;
  }
}

// yaml-cpp 0.7's LoadAll loops forever on these (jbeder/yaml-cpp#1040); Load ignores the tail.
TEST(Reader, AStrayCommaIsAnErrorNotAHang) {
  for (const char* text : {",", ", b\n", "[a], b\n", "{schema: x}, {}\n"}) {
    auto loaded = parse_ladder_yaml(text, "comma.yaml");
    ASSERT_FALSE(loaded) << text;
    EXPECT_EQ(loaded.error()[0].code, "yaml.syntax") << text;
    EXPECT_EQ(loaded.error()[0].message, "malformed YAML: unexpected ','") << text;
  }
}

TEST(Reader, TellsAnEmptyFileFromANullDocument) {
  for (const char* text : {"", "\n\n", "# comment\n", "---\n", "---\n...\n"}) {
    auto loaded = parse_ladder_yaml(text, "empty.yaml");
    ASSERT_FALSE(loaded) << text;
    EXPECT_EQ(loaded.error()[0].code, "yaml.empty") << text;
  }
  auto null = parse_ladder_yaml("# nothing but\nnull\n", "null.yaml");
  ASSERT_FALSE(null);
  EXPECT_EQ(null.error()[0].code, "yaml.wrong-type");
  EXPECT_EQ(null.error()[0].where, (Location{"null.yaml", 2, 1}));
}

TEST(Reader, StopsAtADifferentSchemaVersion) {
  auto loaded = parse_ladder_yaml("schema: rung/ladder/v9\nname: x\nbogus: 1\n", "v9.yaml");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(codes(loaded.error()), std::vector<std::string>{"yaml.schema-version"});
}

}  // namespace
}  // namespace rung::format
