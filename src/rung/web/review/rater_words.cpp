#include "rung/web/review/rater_words.hpp"

#include <cmath>

#include <fmt/format.h>

namespace rung::web::rater_words {

namespace {

// Landis & Koch (1977), the usual reading of kappa.
std::string_view agreement(double kappa) {
  if (kappa < 0) {
    return "less than chance";
  }
  if (kappa <= 0.2) {
    return "slight";
  }
  if (kappa <= 0.4) {
    return "fair";
  }
  if (kappa <= 0.6) {
    return "moderate";
  }
  if (kappa <= 0.8) {
    return "substantial";
  }
  return "almost perfect";
}

std::string with_minus(std::string text) {
  if (!text.empty() && text.front() == '-') {
    text.replace(0, 1, "\u2212");
  }
  return text;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string amount(double steps) {
  const double a = std::fabs(steps);
  if (a < 0.125) {
    return "slightly";
  }
  if (a < 0.375) {
    return "about a quarter of a step";
  }
  if (a < 0.625) {
    return "about half a step";
  }
  if (a < 0.875) {
    return "about three quarters of a step";
  }
  if (a < 1.25) {
    return "about one step";
  }
  return fmt::format("about {:g} steps", std::round(a * 2) / 2);
}

std::string one_decimal(double value) {
  const double rounded = std::round(value * 10) / 10;
  return with_minus(fmt::format("{:.1f}", rounded == 0 ? 0.0 : rounded));
}

std::string signed_two(double value) {
  const double rounded = std::round(value * 100) / 100;
  if (rounded == 0) {
    return "0.00";
  }
  return with_minus(fmt::format("{:+.2f}", rounded));
}

std::string leniency(const review::RaterStats& rater) {
  if (!rater.leniency) {
    return "Cannot be compared with the organisation: this cycle has too few managers, or too "
           "few ratings each, to tell a manager’s habit from chance.";
  }
  if (rater.weight && *rater.weight == 0) {
    return "In line with the organisation: in this cycle the managers differ no more than "
           "chance alone would make them differ.";
  }
  const std::string interval = fmt::format(
      "95% interval {} to {}", one_decimal(*rater.leniency_low), one_decimal(*rater.leniency_high));
  if (*rater.leniency_low <= 0 && *rater.leniency_high >= 0) {
    return fmt::format("No clear difference from the organisation ({} steps; {}).",
                       signed_two(*rater.leniency), interval);
  }
  return fmt::format("Rates {} {} the organisation; {}.", amount(*rater.leniency),
                     *rater.leniency > 0 ? "above" : "below", interval);
}

std::string leniency_detail(const review::RaterStats& rater) {
  if (!rater.mean_difference || !rater.weight) {
    return "";
  }
  return fmt::format(
      "Raw difference {} steps over {}, {:.0f}% of it kept: the fewer the ratings, the more of "
      "a difference may be chance.",
      signed_two(*rater.mean_difference), plural(rater.ratings, "rating", "ratings"),
      *rater.weight * 100);
}

std::string spread(const review::RaterStats& rater, const review::RaterReport& report) {
  if (!rater.spread) {
    return "";
  }
  if (*rater.spread == 0) {
    return "Gave every rating the same point of the scale.";
  }
  std::string out =
      fmt::format("Their ratings vary by {:.2f} steps (standard deviation)", *rater.spread);
  if (report.spread) {
    out += fmt::format("; the organisation’s by {:.2f}", *report.spread);
    if (*rater.spread < 0.5 * *report.spread) {
      out += ": much narrower, most people get the same rating from them";
    }
  }
  return out + ".";
}

std::string halo(const review::RaterStats& rater, const review::RaterReport& report) {
  if (!rater.halo) {
    return "No one got two ratings or more from them, so there is no halo to measure.";
  }
  if (*rater.halo == 0) {
    return "Each person got one and the same rating on every statement from them (a strong "
           "halo: one impression of the person, not statement by statement).";
  }
  std::string out =
      fmt::format("Within one person, their ratings vary by {:.2f} steps on average", *rater.halo);
  if (report.halo) {
    out += fmt::format("; across the organisation by {:.2f}", *report.halo);
    if (*rater.halo < 0.5 * *report.halo) {
      out += ": each person tends to get the same rating on every statement (a halo)";
    }
  }
  return out + ".";
}

std::string self_agreement(const review::RaterStats& rater, const review::RaterReport& report) {
  const auto& options = report.options;
  if (rater.self_pairs == 0) {
    return "None of their ratings has a self-assessment of the same statement to compare with.";
  }
  if (rater.self_people < options.min_people) {
    return fmt::format("Too few people with self-assessments to compare ({}; {} needed).",
                       rater.self_people, options.min_people);
  }
  if (rater.self_pairs < options.min_kappa_pairs) {
    return fmt::format("Too few shared ratings to compare with self-assessments ({}; {} needed).",
                       rater.self_pairs, options.min_kappa_pairs);
  }
  if (!rater.kappa_self) {
    return "They and their people chose one and the same point of the scale every time, so "
           "agreement beyond chance cannot be measured.";
  }
  return fmt::format(
      "Agreement with their people’s self-assessments: {} (weighted kappa {:.2f} over {} shared "
      "ratings).",
      agreement(*rater.kappa_self), *rater.kappa_self, rater.self_pairs);
}

std::string self_gap(const review::RaterStats& rater) {
  if (!rater.gap_self) {
    return "";
  }
  const std::string mean =
      fmt::format("mean difference {} steps over {}", signed_two(*rater.gap_self),
                  plural(rater.self_pairs, "shared rating", "shared ratings"));
  if (std::fabs(*rater.gap_self) < 0.125) {
    return fmt::format("Rates their people close to their own self-assessments ({}).", mean);
  }
  return fmt::format("Rates their people {} {} their own self-assessments ({}).",
                     amount(*rater.gap_self), *rater.gap_self > 0 ? "above" : "below", mean);
}

}  // namespace rung::web::rater_words
