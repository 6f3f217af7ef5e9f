// The radar SVG: accessible (role, title, a description with every figure), one axis per area,
// a bar chart below 3 areas, every ladder text escaped, labels inside the viewBox.
#include "rung/assess/radar.hpp"

#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "rung/assess/svg_canvas.hpp"
#include "rung/builtin/builtin.hpp"

#include "assess_ladder.hpp"
#include "support/text.hpp"

namespace rung::assess {
namespace {

using test_support::occurrences;

LevelFit fit_of(const model::Ladder& ladder, const std::string& level, const Ratings& ratings) {
  auto result = fit(ladder, level, ratings);
  EXPECT_TRUE(result);
  return *result;
}

// A ladder of one level with `areas` areas named by `name(i)`, one statement each (met for even i).
model::Ladder ladder_with_areas(int areas, const std::string& name_prefix) {
  model::LadderData data;
  data.scale = {{"no", "No", 0, "", {}}, {"yes", "Yes", 1, "", {}}};
  data.readiness = {"yes", 0.8, {}};
  model::Track track{"t", "T", model::Family::individual_contributor, {}, {}};
  model::Level level = testing::level_of("t-1", 1);
  for (int i = 0; i < areas; ++i) {
    const std::string id = "a" + std::to_string(i);
    data.areas.push_back({id, name_prefix + std::to_string(i), {}});
    level.areas.push_back(testing::area_of("t-1", id, 1));
  }
  track.levels = {level};
  data.tracks = {track};
  return model::Ladder(std::move(data));
}

TEST(AssessRadar, IsAnAccessibleImageDescribingEveryAreasFigure) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  const Ratings ratings{{"swe-2-role-1", "consistently"},
                        {"swe-2-role-2", "role-model"},
                        {"swe-2-role-3", "sometimes"}};
  const std::string svg = radar_svg(fit_of(ladder, "swe-2", ratings), ladder);
  EXPECT_EQ(svg.rfind(R"(<svg xmlns="http://www.w3.org/2000/svg")", 0), 0U);
  EXPECT_NE(svg.find(R"(role="img" aria-labelledby="radar-title radar-desc")"), std::string::npos);
  EXPECT_NE(
      svg.find(R"x(<title id="radar-title">Level fit: Software Engineer II (swe-2)</title>)x"),
      std::string::npos);
  for (const char* figure :
       {"Role Highlights: 2 of 5 met (40%).", "Domain Expertise: 0 of 3 met (0%).",
        "Programming / Problem Solving / Delivery: 0 of 9 met (0%).",
        "Communication: 0 of 5 met (0%).", "Overall: 2 of 22 met (9%)."}) {
    EXPECT_NE(svg.find(figure), std::string::npos) << figure;
  }
  EXPECT_NE(svg.find("Met means rated Consistently or above; readiness needs 80% in every area."),
            std::string::npos);
}

TEST(AssessRadar, DrawsOneAxisPerAreaAndBothRings) {
  const model::Ladder ladder = ladder_with_areas(7, "Area ");
  const std::string svg = radar_svg(fit_of(ladder, "t-1", Ratings{}), ladder);
  EXPECT_EQ(occurrences(svg, "<line x1=\"0.0\" y1=\"0.0\""), 7U);  // the axes
  // Rings at 25/50/75%, the 100% ring, the dashed threshold ring and the met polygon.
  EXPECT_EQ(occurrences(svg, "<polygon"), 6U);
  EXPECT_EQ(occurrences(svg, R"(stroke-dasharray="6 4")"),
            2U);  // the threshold ring and its legend
  EXPECT_NE(svg.find(R"x(fill="url(#radar-met)")x"), std::string::npos);
  EXPECT_EQ(occurrences(svg, "<circle"), 7U);
}

TEST(AssessRadar, BelowThreeAreasDrawsBars) {
  for (int areas : {0, 1, 2}) {
    const model::Ladder ladder = ladder_with_areas(areas, "Area ");
    const std::string svg = radar_svg(fit_of(ladder, "t-1", Ratings{{"t-1-a0-1", "yes"}}), ladder);
    EXPECT_EQ(occurrences(svg, "<polygon"), 0U) << areas;
    // Per area a hatched bar and its 100% frame; plus the legend's swatch and the background.
    EXPECT_EQ(occurrences(svg, "<rect"), 2U * static_cast<std::size_t>(areas) + 2U + 1U) << areas;
    EXPECT_EQ(occurrences(svg, R"(stroke-dasharray="6 4")"), 2U) << areas;
  }
}

TEST(AssessRadar, AnAreaWithEveryStatementMetReachesTheFullRing) {
  const model::Ladder ladder = ladder_with_areas(1, "Only ");
  const std::string svg = radar_svg(fit_of(ladder, "t-1", Ratings{{"t-1-a0-1", "yes"}}), ladder);
  // The hatched bar is as long as its frame: twice the radius.
  EXPECT_NE(svg.find(R"x(width="240.0" height="20.0" fill="url(#radar-met)")x"), std::string::npos);
  EXPECT_NE(svg.find("Only 0: 1 of 1 met (100%)."), std::string::npos);
}

TEST(AssessRadar, EscapesEveryTextFromTheLadder) {
  const model::Ladder ladder = ladder_with_areas(3, "R&D <script>\"x\" 'y' ");
  RadarOptions options;
  options.title = "Fit <b>&</b>";
  options.id_prefix = "p1";
  const std::string svg = radar_svg(fit_of(ladder, "t-1", Ratings{}), ladder, options);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("R&amp;D &lt;script&gt;&quot;x&quot; &#39;y&#39; 0"), std::string::npos);
  EXPECT_NE(svg.find(R"(<title id="p1-title">Fit &lt;b&gt;&amp;&lt;/b&gt;</title>)"),
            std::string::npos);
  EXPECT_NE(svg.find(R"x(fill="url(#p1-met)")x"), std::string::npos);
}

// Every line of label text, measured the way the layout measures it, lies inside the viewBox.
TEST(AssessRadar, LabelsFitInsideTheViewBox) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  for (const char* level : {"swe-2", "mgr-1", "sre-5"}) {
    const std::string svg = radar_svg(fit_of(ladder, level, Ratings{}), ladder);
    std::smatch box;
    ASSERT_TRUE(std::regex_search(svg, box, std::regex(R"x(viewBox="(\S+) (\S+) (\S+) (\S+)")x")));
    const double left = std::stod(box[1]);
    const double top = std::stod(box[2]);
    const double right = left + std::stod(box[3]);
    const double bottom = top + std::stod(box[4]);
    const std::regex text(R"x(<text x="(\S+)" text-anchor="(\w+)" font-size="(\S+)">(.*)</text>)x");
    const std::regex span(R"x(<tspan x="\S+" y="(\S+)">([^<]*)</tspan>)x");
    int lines = 0;
    for (auto t = std::sregex_iterator(svg.begin(), svg.end(), text); t != std::sregex_iterator();
         ++t) {
      const double x = std::stod((*t)[1]);
      const std::string anchor = (*t)[2];
      const double size = std::stod((*t)[3]);
      const std::string body = (*t)[4];
      for (auto s = std::sregex_iterator(body.begin(), body.end(), span);
           s != std::sregex_iterator(); ++s) {
        const double width = text_width((*s)[2].str(), size);
        const double from = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2;
        const double baseline = std::stod((*s)[1]);
        EXPECT_GE(from, left) << level << ": " << (*s)[2];
        EXPECT_LE(from + width, right) << level << ": " << (*s)[2];
        EXPECT_GE(baseline - size, top) << level << ": " << (*s)[2];
        EXPECT_LE(baseline, bottom) << level << ": " << (*s)[2];
        ++lines;
      }
    }
    EXPECT_GT(lines, 4) << level;
  }
}

TEST(AssessRadar, IsDeterministic) {
  const model::Ladder& ladder = builtin::engineering_ladder();
  const LevelFit level_fit = fit_of(ladder, "mgr-4", Ratings{{"mgr-3-role-1", "consistently"}});
  EXPECT_EQ(radar_svg(level_fit, ladder), radar_svg(level_fit, ladder));
}

TEST(AssessSvgCanvas, WrapsWordsAndFormatsNumbers) {
  EXPECT_EQ(wrap_words("Programming / Problem Solving / Delivery", 18),
            (std::vector<std::string>{"Programming /", "Problem Solving /", "Delivery"}));
  EXPECT_EQ(wrap_words("Extraordinarilylongword x", 5),
            (std::vector<std::string>{"Extraordinarilylongword", "x"}));
  EXPECT_EQ(wrap_words("", 5), (std::vector<std::string>{""}));
  EXPECT_EQ(svg_num(-0.04), "0.0");
  EXPECT_EQ(svg_num(-120.0), "-120.0");
  EXPECT_EQ(svg_num(1.25), "1.3");
  EXPECT_DOUBLE_EQ(text_width("äbc", 10), 18.0);  // three code points, 0.6 em each
}

}  // namespace
}  // namespace rung::assess
