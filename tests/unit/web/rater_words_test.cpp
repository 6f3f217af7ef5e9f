// The rater statistics in words (web/review/rater_words.hpp): every sentence the page can say,
// one figure at a time, including each reason a figure is missing.
#include "rung/web/review/rater_words.hpp"

#include <gtest/gtest.h>

namespace rung::web {
namespace {

namespace words = rater_words;

review::RaterStats shown(double leniency, double low, double high, double weight = 0.8) {
  review::RaterStats s;
  s.rater = 7;
  s.people = 6;
  s.ratings = 40;
  s.leniency = leniency;
  s.leniency_low = low;
  s.leniency_high = high;
  s.mean_difference = leniency / weight;
  s.weight = weight;
  s.spread = 0.8;
  return s;
}

review::RaterReport organisation() {
  review::RaterReport report;
  report.spread = 0.9;
  report.halo = 0.6;
  return report;
}

TEST(RaterWords, AmountsAreSaidInStepsOfTheScale) {
  EXPECT_EQ(words::amount(0.1), "slightly");
  EXPECT_EQ(words::amount(-0.3), "about a quarter of a step");
  EXPECT_EQ(words::amount(0.5), "about half a step");
  EXPECT_EQ(words::amount(0.8), "about three quarters of a step");
  EXPECT_EQ(words::amount(1.1), "about one step");
  EXPECT_EQ(words::amount(1.6), "about 1.5 steps");
  EXPECT_EQ(words::amount(-2.2), "about 2 steps");
  EXPECT_EQ(words::one_decimal(0.24), "0.2");
  EXPECT_EQ(words::one_decimal(-0.04), "0.0") << "never a negative zero";
  EXPECT_EQ(words::one_decimal(-0.26), "\u22120.3");
  EXPECT_EQ(words::signed_two(0.517), "+0.52");
  EXPECT_EQ(words::signed_two(-0.1), "\u22120.10");
  EXPECT_EQ(words::signed_two(0.001), "0.00");
}

TEST(RaterWords, LeniencySaysTheDirectionOnlyWhenTheIntervalLeavesZero) {
  EXPECT_EQ(words::leniency(shown(0.5, 0.2, 0.8)),
            "Rates about half a step above the organisation; 95% interval 0.2 to 0.8.");
  EXPECT_EQ(words::leniency(shown(-0.9, -1.3, -0.5)),
            "Rates about one step below the organisation; 95% interval \u22121.3 to \u22120.5.");
  EXPECT_EQ(words::leniency(shown(0.1, -0.2, 0.4)),
            "No clear difference from the organisation (+0.10 steps; 95% interval \u22120.2 to "
            "0.4).");
  EXPECT_EQ(words::leniency(shown(0, 0, 0, 0)),
            "In line with the organisation: in this cycle the managers differ no more than "
            "chance alone would make them differ.");
  review::RaterStats alone;
  alone.ratings = 12;
  EXPECT_EQ(words::leniency(alone),
            "Cannot be compared with the organisation: this cycle has too few managers, or too "
            "few ratings each, to tell a manager’s habit from chance.");
  EXPECT_EQ(words::leniency_detail(alone), "");
  EXPECT_EQ(words::leniency_detail(shown(0.4, 0.1, 0.7)),
            "Raw difference +0.50 steps over 40 ratings, 80% of it kept: the fewer the ratings, "
            "the more of a difference may be chance.");
}

TEST(RaterWords, SpreadAndHaloAreComparedWithTheOrganisation) {
  auto s = shown(0, 0, 0);
  EXPECT_EQ(words::spread(s, organisation()),
            "Their ratings vary by 0.80 steps (standard deviation); the organisation’s by 0.90.");
  s.spread = 0.3;
  EXPECT_EQ(words::spread(s, organisation()),
            "Their ratings vary by 0.30 steps (standard deviation); the organisation’s by 0.90: "
            "much narrower, most people get the same rating from them.");
  s.spread = 0.0;
  EXPECT_EQ(words::spread(s, organisation()), "Gave every rating the same point of the scale.");
  EXPECT_EQ(words::halo(s, organisation()),
            "No one got two ratings or more from them, so there is no halo to measure.");
  s.halo = 0.5;
  EXPECT_EQ(words::halo(s, organisation()),
            "Within one person, their ratings vary by 0.50 steps on average; across the "
            "organisation by 0.60.");
  s.halo = 0.2;
  EXPECT_TRUE(words::halo(s, organisation()).ends_with("(a halo)."));
  s.halo = 0.0;
  EXPECT_TRUE(words::halo(s, organisation()).starts_with("Each person got one and the same"));
}

TEST(RaterWords, SelfAgreementSaysWhyItIsMissing) {
  const review::RaterReport report = organisation();  // thresholds 4 people, 10 pairs
  auto s = shown(0, 0, 0);
  EXPECT_EQ(words::self_agreement(s, report),
            "None of their ratings has a self-assessment of the same statement to compare with.");
  EXPECT_EQ(words::self_gap(s), "");
  s.self_pairs = 6;
  s.self_people = 2;
  EXPECT_EQ(words::self_agreement(s, report),
            "Too few people with self-assessments to compare (2; 4 needed).");
  s.self_people = 5;
  s.gap_self = 0.52;
  EXPECT_EQ(words::self_agreement(s, report),
            "Too few shared ratings to compare with self-assessments (6; 10 needed).");
  EXPECT_EQ(words::self_gap(s),
            "Rates their people about half a step above their own self-assessments (mean "
            "difference +0.52 steps over 6 shared ratings).");
  s.self_pairs = 24;
  EXPECT_EQ(words::self_agreement(s, report),
            "They and their people chose one and the same point of the scale every time, so "
            "agreement beyond chance cannot be measured.");
  s.kappa_self = 0.53;
  EXPECT_EQ(words::self_agreement(s, report),
            "Agreement with their people’s self-assessments: moderate (weighted kappa 0.53 over "
            "24 shared ratings).");
  s.kappa_self = -0.1;
  EXPECT_TRUE(words::self_agreement(s, report).find("less than chance") != std::string::npos);
  s.gap_self = -0.05;
  EXPECT_EQ(words::self_gap(s),
            "Rates their people close to their own self-assessments (mean difference \u22120.05 "
            "steps over 24 shared ratings).");
}

}  // namespace
}  // namespace rung::web
