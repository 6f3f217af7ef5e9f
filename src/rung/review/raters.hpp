#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "rung/core/error.hpp"
#include "rung/core/json.hpp"

// Rater statistics (docs/raters.md): how each manager who rated people in a review cycle rates,
// compared with the organisation and with their people's self-assessments. Pure computation
// over plain values: no store, no ladder, no I/O. Positions are 0-based points of the rating
// scale ("not yet" = 0, "sometimes" = 1, ...), so every figure is in steps of the scale.
//
// Figures per rater (a person who gave manager ratings), under the names of the JSON:
// - `leniency`: the mean of (their rating - the mean manager rating of the same statement over
//   the whole cycle), shrunk toward 0 by n/(n+k), with k = within-rater variance / between-rater
//   variance (one-way random-effects ANOVA, method of moments); `leniency_low`/`_high` the 95%
//   interval (1.96 posterior standard deviations).
// - `spread`: the standard deviation of their ratings (population, ddof 0).
// - `halo`: the mean over the people they rated (with two ratings or more) of the standard
//   deviation of that person's ratings.
// - `kappa_self`: Cohen's kappa with quadratic weights between their ratings and the people's
//   self ratings of the same statements, over the scale's K points; `gap_self` the mean of
//   (manager - self) over those pairs.
namespace rung::review {

enum class RatingRole { self, manager };

// One submitted rating of a cycle.
struct RaterRating {
  std::int64_t rater = 0;   // who rated: the manager, or the person themselves for a self rating
  std::int64_t person = 0;  // who was rated
  std::string statement;    // statement id
  RatingRole role = RatingRole::manager;
  std::size_t position = 0;  // 0-based point of the scale, below the scale's size
};

struct RaterOptions {
  std::size_t min_people = 4;        // a rater who rated fewer people gets no figures (hidden)
  std::size_t min_kappa_pairs = 10;  // kappa_self is null with fewer (manager, self) pairs
};

// The figures of one rater. Every optional is null when the rater is hidden; see each field
// for when it is null otherwise.
struct RaterStats {
  std::int64_t rater = 0;
  std::size_t people = 0;   // distinct people they rated
  std::size_t ratings = 0;  // manager ratings they gave
  bool hidden = false;      // people < min_people: the figures are withheld
  // Null also when the variance components cannot be estimated (fewer than 2 raters, or no
  // rater with two ratings).
  std::optional<double> leniency;
  std::optional<double> leniency_low;
  std::optional<double> leniency_high;
  std::optional<double> mean_difference;  // unshrunk: the mean residual
  std::optional<double> weight;           // n/(n+k): how much of mean_difference is kept
  std::optional<double> spread;
  std::optional<double> halo;        // null also when no person got two ratings from them
  std::size_t self_pairs = 0;        // their ratings with a self rating of the same statement
  std::size_t self_people = 0;       // people behind those pairs
  std::optional<double> kappa_self;  // null also: < min_kappa_pairs pairs, pairs from fewer
                                     // than min_people people, or no expected disagreement
                                     // (everyone at one point of the scale)
  std::optional<double> gap_self;    // null also: no pair, or pairs from < min_people people
};

// The variance components behind the shrinkage (null when not estimable).
struct Shrinkage {
  std::optional<double> within_variance;   // sigma^2: pooled variance of residuals per rater
  std::optional<double> between_variance;  // tau^2: variance of true rater effects, >= 0
  std::optional<double> k;                 // sigma^2 / tau^2; null when tau^2 is 0
};

struct RaterReport {
  std::size_t scale_size = 0;
  RaterOptions options;
  std::size_t raters = 0;            // raters with manager ratings, hidden ones included
  std::size_t people = 0;            // distinct people with a manager rating
  std::size_t ratings = 0;           // manager ratings in all
  Shrinkage shrinkage;               // computed from every rater, hidden ones included
  std::optional<double> spread;      // of every manager rating; null under min_people people
  std::optional<double> halo;        // mean within-person SD over every (rater, person)
  std::vector<RaterStats> by_rater;  // ordered by rater id
};

// The figures of every rater. Ratings with the same (rater, person, statement, role) are one
// rating: the last in `ratings` counts (pass them in submission order). Self ratings count
// only as the other side of kappa_self and gap_self; a self rating's `rater` is ignored.
// Errors "review.bad-scale" (scale_size < 2) and "review.bad-position" (a position outside
// the scale).
Result<RaterReport> rater_statistics(std::span<const RaterRating> ratings, std::size_t scale_size,
                                     const RaterOptions& options = {});

// The report as the API and `rung raters --format json` give it: {scale_size, min_people,
// min_kappa_pairs, raters, people, ratings, shrinkage {within_variance, between_variance, k},
// spread, halo, by_rater: [{rater, people, ratings, hidden, leniency, leniency_low,
// leniency_high, mean_difference, weight, spread, halo, self_pairs, self_people, kappa_self,
// gap_self}]}; null for every absent figure.
Json raters_json(const RaterReport& report);

}  // namespace rung::review
