// Rater statistics (review/raters.hpp, docs/raters.md) on data sets small enough to work out by
// hand. Each test writes the arithmetic next to the figures it checks; fractions are exact, the
// decimals are those fractions rounded.
#include "rung/review/raters.hpp"

#include <cmath>
#include <set>

#include <gtest/gtest.h>

namespace rung::review {
namespace {

constexpr double k_tolerance = 1e-9;
constexpr double k_z = 1.959963984540054;

RaterRating manager(std::int64_t rater, std::int64_t person, std::string statement,
                    std::size_t position) {
  return {rater, person, std::move(statement), RatingRole::manager, position};
}

RaterRating self(std::int64_t person, std::string statement, std::size_t position) {
  return {person, person, std::move(statement), RatingRole::self, position};
}

RaterOptions at_least(std::size_t people) {
  RaterOptions options;
  options.min_people = people;
  return options;
}

RaterReport report_of(const std::vector<RaterRating>& ratings, std::size_t scale = 4,
                      RaterOptions options = {}) {
  auto report = rater_statistics(ratings, scale, options);
  EXPECT_TRUE(report) << report.error().to_string();
  return report ? *report : RaterReport{};
}

const RaterStats& rater(const RaterReport& report, std::int64_t id) {
  for (const RaterStats& s : report.by_rater) {
    if (s.rater == id) {
      return s;
    }
  }
  ADD_FAILURE() << "no rater " << id;
  static const RaterStats none;
  return none;
}

// Rater 1 rates people 11 and 12, rater 2 people 21 and 22, on statements s1 and s2 of a
// 4-point scale (positions 0..3):
//   rater 1: 11/s1 2, 11/s2 3, 12/s1 1, 12/s2 2
//   rater 2: 21/s1 0, 21/s2 1, 22/s1 1, 22/s2 0
std::vector<RaterRating> two_raters() {
  return {manager(1, 11, "s1", 2), manager(1, 11, "s2", 3), manager(1, 12, "s1", 1),
          manager(1, 12, "s2", 2), manager(2, 21, "s1", 0), manager(2, 21, "s2", 1),
          manager(2, 22, "s1", 1), manager(2, 22, "s2", 0)};
}

TEST(Raters, LeniencyIsTheShrunkMeanDifferenceFromTheStatementMeans) {
  const RaterReport report = report_of(two_raters(), 4, at_least(2));
  // Statement means: s1 (2+1+0+1)/4 = 1, s2 (3+2+1+0)/4 = 1.5.
  // Residuals, rater 1: 1, 1.5, 0, 0.5 -> mean d1 = 0.75; rater 2: -1, -0.5, 0, -1.5 -> -0.75.
  // Within: squared deviations from d: rater 1 .0625+.5625+.5625+.0625 = 1.25, rater 2 1.25;
  //   sigma^2 = 2.5 / (N - R) = 2.5 / (8 - 2) = 5/12.
  // Between: MSB = (4 * .75^2 + 4 * .75^2) / (R - 1) = 4.5; n0 = (8 - (16+16)/8) / 1 = 4;
  //   tau^2 = (4.5 - 5/12) / 4 = 49/48.
  // k = sigma^2 / tau^2 = 20/49; weight = 4 / (4 + 20/49) = 49/54.
  // Leniency = 49/54 * 0.75 = 0.680556; posterior variance = w sigma^2 / n = 245/2592,
  //   sd 0.307444; 95% interval 0.680556 -/+ 1.96 * 0.307444 = 0.077977 .. 1.283134.
  ASSERT_EQ(report.by_rater.size(), 2U);
  EXPECT_NEAR(*report.shrinkage.within_variance, 5.0 / 12, k_tolerance);
  EXPECT_NEAR(*report.shrinkage.between_variance, 49.0 / 48, k_tolerance);
  EXPECT_NEAR(*report.shrinkage.k, 20.0 / 49, k_tolerance);
  const RaterStats& one = rater(report, 1);
  const RaterStats& two = rater(report, 2);
  EXPECT_NEAR(*one.mean_difference, 0.75, k_tolerance);
  EXPECT_NEAR(*one.weight, 49.0 / 54, k_tolerance);
  EXPECT_NEAR(*one.leniency, 0.75 * 49 / 54, k_tolerance);
  const double sd = std::sqrt(245.0 / 2592);
  EXPECT_NEAR(*one.leniency_low, 0.75 * 49 / 54 - k_z * sd, k_tolerance);
  EXPECT_NEAR(*one.leniency_high, 0.75 * 49 / 54 + k_z * sd, k_tolerance);
  EXPECT_NEAR(*one.leniency_low, 0.077977, 1e-6);
  EXPECT_NEAR(*one.leniency_high, 1.283134, 1e-6);
  EXPECT_NEAR(*two.leniency, -0.75 * 49 / 54, k_tolerance);
  EXPECT_NEAR(*two.leniency_high, -0.077977, 1e-6);
  EXPECT_EQ(one.ratings, 4U);
  EXPECT_EQ(one.people, 2U);
  EXPECT_FALSE(one.hidden);
  EXPECT_EQ(report.raters, 2U);
  EXPECT_EQ(report.people, 4U);
  EXPECT_EQ(report.ratings, 8U);
}

TEST(Raters, SpreadAndHaloAreStandardDeviations) {
  const RaterReport report = report_of(two_raters(), 4, at_least(2));
  // Spread, rater 1: 2 3 1 2, mean 2, squared deviations 0+1+1+0 = 2, /4 -> sqrt(0.5) = 0.707107.
  // Rater 2: 0 1 1 0, mean 0.5, 4 * 0.25 = 1, /4 -> sqrt(0.25) = 0.5.
  EXPECT_NEAR(*rater(report, 1).spread, std::sqrt(0.5), k_tolerance);
  EXPECT_NEAR(*rater(report, 2).spread, 0.5, k_tolerance);
  // Halo: each person got two ratings one step apart: SD 0.5 each, mean 0.5.
  EXPECT_NEAR(*rater(report, 1).halo, 0.5, k_tolerance);
  EXPECT_NEAR(*rater(report, 2).halo, 0.5, k_tolerance);
  // The organisation: all 8 ratings, mean 1.25, squared deviations 7.5, /8 -> sqrt(0.9375).
  EXPECT_NEAR(*report.spread, std::sqrt(0.9375), k_tolerance);
  EXPECT_NEAR(*report.halo, 0.5, k_tolerance);
}

TEST(Raters, HaloIsTheMeanOverPeopleOfTheirOwnSpread) {
  // Person 11: 0 0 3 -> mean 1, squared deviations 1+1+4 = 6, /3 -> sqrt(2) = 1.414214.
  // Person 12: 2 2 2 -> 0. Person 13: one rating only, left out. Halo = sqrt(2) / 2 = 0.707107.
  const RaterReport report =
      report_of({manager(1, 11, "a", 0), manager(1, 11, "b", 0), manager(1, 11, "c", 3),
                 manager(1, 12, "a", 2), manager(1, 12, "b", 2), manager(1, 12, "c", 2),
                 manager(1, 13, "a", 1)},
                4, at_least(1));
  EXPECT_NEAR(*rater(report, 1).halo, std::sqrt(2.0) / 2, k_tolerance);
  EXPECT_EQ(rater(report, 1).people, 3U);
}

TEST(Raters, FewRatingsAreShrunkHarder) {
  // One statement; every rating is of another person. Rater 1: 0 0 1 1 0 0 1 1 (mean 0.5),
  // rater 2: 0 1 1 2 0 1 1 2 (mean 1), rater 3: a single 0.
  // Mean of the 17 ratings: 12/17. d1 = 0.5 - 12/17 = -7/34, d2 = 1 - 12/17 = 5/17,
  //   d3 = -12/17.
  // Within: rater 1 8 * .25 = 2, rater 2 1+0+0+1+1+0+0+1 = 4, rater 3 0; sigma^2 = 6 / 14 = 3/7.
  // MSB = (8 (7/34)^2 + 8 (5/17)^2 + (12/17)^2) / 2 = 13/17; n0 = (17 - 129/17) / 2 = 80/17;
  //   tau^2 = (13/17 - 3/7) / (80/17) = 1/14; k = (3/7) / (1/14) = 6.
  // Weights: 8 ratings keep 8/14 = 4/7 of their difference, one rating only 1/7.
  std::vector<RaterRating> ratings;
  std::int64_t person = 100;
  for (std::size_t x : {0, 0, 1, 1, 0, 0, 1, 1}) {
    ratings.push_back(manager(1, ++person, "s", x));
  }
  for (std::size_t x : {0, 1, 1, 2, 0, 1, 1, 2}) {
    ratings.push_back(manager(2, ++person, "s", x));
  }
  ratings.push_back(manager(3, ++person, "s", 0));
  const RaterReport report = report_of(ratings, 4, at_least(1));
  EXPECT_NEAR(*report.shrinkage.within_variance, 3.0 / 7, k_tolerance);
  EXPECT_NEAR(*report.shrinkage.between_variance, 1.0 / 14, k_tolerance);
  EXPECT_NEAR(*report.shrinkage.k, 6.0, 1e-9);
  EXPECT_NEAR(*rater(report, 1).weight, 4.0 / 7, k_tolerance);
  EXPECT_NEAR(*rater(report, 3).weight, 1.0 / 7, k_tolerance);
  // Leniency: -7/34 * 4/7 = -2/17 = -0.117647; 5/17 * 4/7 = 20/119; -12/17 * 1/7 = -12/119:
  // the one-rating manager differs most from the organisation, and is shown the least.
  EXPECT_NEAR(*rater(report, 1).leniency, -2.0 / 17, k_tolerance);
  EXPECT_NEAR(*rater(report, 2).leniency, 20.0 / 119, k_tolerance);
  EXPECT_NEAR(*rater(report, 3).leniency, -12.0 / 119, k_tolerance);
  EXPECT_NEAR(*rater(report, 3).mean_difference, -12.0 / 17, k_tolerance);
  // Interval of rater 3: variance w sigma^2 / n = 1/7 * 3/7 = 3/49, sd 0.247436.
  EXPECT_NEAR(*rater(report, 3).leniency_high - *rater(report, 3).leniency,
              k_z * std::sqrt(3.0 / 49), k_tolerance);
}

TEST(Raters, NoRaterEffectBeyondChanceShrinksEveryoneToZero) {
  // Rater 1: 3 3 3 3 0 0 0 0, rater 2: 3 3 3 0 0 0 0 0, rater 3: 3. Mean 24/17.
  // sigma^2 = (18 + 16.875 + 0) / 14 = 279/112; MSB = 441/272 < sigma^2, so tau^2 would be
  // negative: it is 0, k is null, and every leniency is 0 with the interval 0..0.
  std::vector<RaterRating> ratings;
  std::int64_t person = 100;
  for (std::size_t x : {3, 3, 3, 3, 0, 0, 0, 0}) {
    ratings.push_back(manager(1, ++person, "s", x));
  }
  for (std::size_t x : {3, 3, 3, 0, 0, 0, 0, 0}) {
    ratings.push_back(manager(2, ++person, "s", x));
  }
  ratings.push_back(manager(3, ++person, "s", 3));
  const RaterReport report = report_of(ratings, 4, at_least(1));
  EXPECT_NEAR(*report.shrinkage.within_variance, 279.0 / 112, k_tolerance);
  EXPECT_EQ(*report.shrinkage.between_variance, 0.0);
  EXPECT_FALSE(report.shrinkage.k);
  for (const RaterStats& s : report.by_rater) {
    EXPECT_EQ(*s.weight, 0.0);
    EXPECT_EQ(*s.leniency, 0.0);
    EXPECT_EQ(*s.leniency_low, 0.0);
    EXPECT_EQ(*s.leniency_high, 0.0);
  }
  EXPECT_NEAR(*rater(report, 3).mean_difference, 3 - 24.0 / 17, k_tolerance);
}

// Rater 1's ten ratings of five people (two statements each) against the people's own:
//   (manager, self): (0,0) (0,1) (1,1) (1,1) (1,2) (2,2) (2,2) (2,1) (1,0) (2,1)
// on a 3-point scale.
std::vector<RaterRating> ten_pairs() {
  const std::vector<std::pair<std::size_t, std::size_t>> pairs{
      {0, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 2}, {2, 2}, {2, 2}, {2, 1}, {1, 0}, {2, 1}};
  std::vector<RaterRating> out;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const std::int64_t person = 11 + static_cast<std::int64_t>(i / 2);
    const std::string statement = i % 2 == 0 ? "a" : "b";
    out.push_back(manager(1, person, statement, pairs[i].first));
    out.push_back(self(person, statement, pairs[i].second));
  }
  return out;
}

TEST(Raters, KappaSelfIsQuadraticallyWeightedKappa) {
  const RaterReport report = report_of(ten_pairs(), 3);
  const RaterStats& one = rater(report, 1);
  // Observed: sum of (m - s)^2 = 0+1+0+0+1+0+0+1+1+1 = 5, over 10 pairs: 0.5.
  // Margins: manager 0:2 1:4 2:4; self 0:2 1:5 2:3. Expected sum over i, j of
  //   m_i s_j (i - j)^2 / n^2 = (2*5 + 4*2 + 4*3 + 4*5 + 4*(2*3 + 4*2)) / 100 = 106/100.
  // kappa = 1 - 0.5 / 1.06 = 28/53 = 0.528302 (sklearn's cohen_kappa_score, weights
  // "quadratic", labels 0..2, gives the same).
  ASSERT_TRUE(one.kappa_self);
  EXPECT_NEAR(*one.kappa_self, 28.0 / 53, k_tolerance);
  // Gap: (sum of manager 12 - sum of self 11) / 10 = 0.1.
  EXPECT_NEAR(*one.gap_self, 0.1, k_tolerance);
  EXPECT_EQ(one.self_pairs, 10U);
  EXPECT_EQ(one.self_people, 5U);
}

TEST(Raters, KappaNeedsTenPairs) {
  auto ratings = ten_pairs();
  ratings.pop_back();  // the last self rating: nine pairs left
  const RaterReport report = report_of(ratings, 3);
  const RaterStats& one = rater(report, 1);
  EXPECT_EQ(one.self_pairs, 9U);
  EXPECT_FALSE(one.kappa_self);
  // The gap needs one pair: ((12 - 2) - (11 - 1)) / 9 = 0.
  ASSERT_TRUE(one.gap_self);
  EXPECT_NEAR(*one.gap_self, 0.0, k_tolerance);
}

TEST(Raters, KappaAndGapNeedPairsFromEnoughPeople) {
  // Only persons 11 and 12 assessed themselves: 4 pairs from 2 people, under 4 people.
  std::vector<RaterRating> ratings;
  for (const RaterRating& r : ten_pairs()) {
    if (r.role == RatingRole::manager || r.person <= 12) {
      ratings.push_back(r);
    }
  }
  const RaterReport report = report_of(ratings, 3);
  const RaterStats& one = rater(report, 1);
  EXPECT_EQ(one.self_pairs, 4U);
  EXPECT_EQ(one.self_people, 2U);
  EXPECT_FALSE(one.gap_self);
  EXPECT_FALSE(one.kappa_self);
  EXPECT_FALSE(one.hidden) << "five people rated";
}

TEST(Raters, AllEqualRatingsHaveNoSpreadAndNoKappa) {
  // Ten pairs all at (1, 1): observed and expected disagreement are both 0, kappa is 0/0.
  std::vector<RaterRating> ratings;
  for (std::int64_t person = 11; person <= 15; ++person) {
    for (const char* statement : {"a", "b"}) {
      ratings.push_back(manager(1, person, statement, 1));
      ratings.push_back(self(person, statement, 1));
    }
  }
  const RaterReport report = report_of(ratings, 4);
  const RaterStats& one = rater(report, 1);
  EXPECT_EQ(*one.spread, 0.0);
  EXPECT_EQ(*one.halo, 0.0);
  EXPECT_EQ(one.self_pairs, 10U);
  EXPECT_FALSE(one.kappa_self);
  EXPECT_EQ(*one.gap_self, 0.0);
}

TEST(Raters, ConstantButDifferentRatingsAgreeNoBetterThanChance) {
  // Manager always 2, self always 1: observed = expected = 1 per pair, kappa 1 - 1 = 0.
  std::vector<RaterRating> ratings;
  for (std::int64_t person = 11; person <= 15; ++person) {
    for (const char* statement : {"a", "b"}) {
      ratings.push_back(manager(1, person, statement, 2));
      ratings.push_back(self(person, statement, 1));
    }
  }
  const RaterReport report = report_of(ratings, 4);
  const RaterStats& one = rater(report, 1);
  EXPECT_NEAR(*one.kappa_self, 0.0, k_tolerance);
  EXPECT_NEAR(*one.gap_self, 1.0, k_tolerance);
}

TEST(Raters, OneRaterHasNothingToBeComparedWith) {
  const RaterReport report = report_of(ten_pairs(), 3);
  EXPECT_FALSE(report.shrinkage.within_variance);
  EXPECT_FALSE(report.shrinkage.between_variance);
  const RaterStats& one = rater(report, 1);
  EXPECT_FALSE(one.leniency);
  EXPECT_FALSE(one.leniency_low);
  EXPECT_FALSE(one.weight);
  // Its residuals are its own deviations from itself: mean 0.
  EXPECT_NEAR(*one.mean_difference, 0.0, k_tolerance);
  EXPECT_TRUE(one.spread);
}

TEST(Raters, RatersOfFewerThanFourPeopleAreHiddenButStillCount) {
  const RaterReport report = report_of(two_raters());  // two people each; default 4
  ASSERT_EQ(report.by_rater.size(), 2U);
  for (const RaterStats& s : report.by_rater) {
    EXPECT_TRUE(s.hidden);
    EXPECT_EQ(s.people, 2U);
    EXPECT_EQ(s.ratings, 4U);
    EXPECT_FALSE(s.leniency);
    EXPECT_FALSE(s.mean_difference);
    EXPECT_FALSE(s.spread);
    EXPECT_FALSE(s.halo);
    EXPECT_EQ(s.self_pairs, 0U);
  }
  // The variance components still use everyone; organisation figures need 4 people: 4 here.
  EXPECT_NEAR(*report.shrinkage.k, 20.0 / 49, k_tolerance);
  EXPECT_TRUE(report.spread);
  const RaterReport three =
      report_of({manager(1, 11, "s", 0), manager(1, 12, "s", 1), manager(2, 13, "s", 2)});
  EXPECT_FALSE(three.spread) << "three people";
  EXPECT_FALSE(three.halo);
}

TEST(Raters, ALaterRatingReplacesAnEarlierOne) {
  auto ratings = two_raters();
  ratings.insert(ratings.begin(), manager(1, 11, "s1", 0));  // replaced by the 2 after it
  ratings.insert(ratings.begin(), self(11, "s1", 3));
  ratings.push_back(self(11, "s1", 2));  // replaces the 3
  const RaterReport report = report_of(ratings, 4, at_least(1));
  EXPECT_EQ(rater(report, 1).ratings, 4U);
  EXPECT_NEAR(*rater(report, 1).leniency, 0.75 * 49 / 54, k_tolerance);
  EXPECT_EQ(rater(report, 1).self_pairs, 1U);
  EXPECT_NEAR(*rater(report, 1).gap_self, 0.0, k_tolerance) << "2 - 2, not 2 - 3";
}

TEST(Raters, ASelfRatingsRaterIsThePerson) {
  auto ratings = ten_pairs();
  for (RaterRating& r : ratings) {
    if (r.role == RatingRole::self) {
      r.rater = 99;  // ignored: self ratings are the person's
    }
  }
  const RaterReport report = report_of(ratings, 3);
  ASSERT_EQ(report.by_rater.size(), 1U);
  EXPECT_NEAR(*rater(report, 1).kappa_self, 28.0 / 53, k_tolerance);
}

TEST(Raters, NoRatingsMakeAnEmptyReport) {
  const RaterReport report = report_of({}, 4);
  EXPECT_EQ(report.raters, 0U);
  EXPECT_TRUE(report.by_rater.empty());
  EXPECT_FALSE(report.spread);
  EXPECT_FALSE(report.shrinkage.k);
  // Self ratings alone name no rater.
  EXPECT_TRUE(report_of({self(1, "a", 1)}, 4).by_rater.empty());
}

TEST(Raters, RefusesABadScaleOrPosition) {
  EXPECT_EQ(rater_statistics({}, 1).error().code, "review.bad-scale");
  const std::vector<RaterRating> outside{manager(1, 2, "s", 4)};
  EXPECT_EQ(rater_statistics(outside, 4).error().code, "review.bad-position");
}

TEST(Raters, TheJsonHasTheDocumentedFieldNames) {
  const Json json = raters_json(report_of(two_raters(), 4, at_least(2)));
  std::set<std::string> keys;
  for (const auto& [key, value] : json.items()) {
    keys.insert(key);
  }
  EXPECT_EQ(keys, (std::set<std::string>{"scale_size", "min_people", "min_kappa_pairs", "raters",
                                         "people", "ratings", "shrinkage", "spread", "halo",
                                         "by_rater"}));
  const Json& one = json["by_rater"][0];
  std::set<std::string> fields;
  for (const auto& [key, value] : one.items()) {
    fields.insert(key);
  }
  EXPECT_EQ(fields, (std::set<std::string>{"rater", "people", "ratings", "hidden", "leniency",
                                           "leniency_low", "leniency_high", "mean_difference",
                                           "weight", "spread", "halo", "self_pairs", "self_people",
                                           "kappa_self", "gap_self"}));
  EXPECT_EQ(one["rater"], 1);
  EXPECT_EQ(one["ratings"], 4);
  EXPECT_TRUE(one["kappa_self"].is_null());
  EXPECT_NEAR(one["leniency"].get<double>(), 0.75 * 49 / 54, k_tolerance);
  EXPECT_NEAR(json["shrinkage"]["k"].get<double>(), 20.0 / 49, k_tolerance);
}

}  // namespace
}  // namespace rung::review
