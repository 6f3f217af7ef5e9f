// The rater report as JSON, shared by the API and `rung raters --format json`.
#include "rung/review/raters.hpp"

namespace rung::review {

namespace {

Json number_or_null(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json rater_json(const RaterStats& s) {
  return Json{{"rater", s.rater},
              {"people", s.people},
              {"ratings", s.ratings},
              {"hidden", s.hidden},
              {"leniency", number_or_null(s.leniency)},
              {"leniency_low", number_or_null(s.leniency_low)},
              {"leniency_high", number_or_null(s.leniency_high)},
              {"mean_difference", number_or_null(s.mean_difference)},
              {"weight", number_or_null(s.weight)},
              {"spread", number_or_null(s.spread)},
              {"halo", number_or_null(s.halo)},
              {"self_pairs", s.self_pairs},
              {"self_people", s.self_people},
              {"kappa_self", number_or_null(s.kappa_self)},
              {"gap_self", number_or_null(s.gap_self)}};
}

}  // namespace

Json raters_json(const RaterReport& report) {
  Json by_rater = Json::array();
  for (const RaterStats& s : report.by_rater) {
    by_rater.push_back(rater_json(s));
  }
  return Json{{"scale_size", report.scale_size},
              {"min_people", report.options.min_people},
              {"min_kappa_pairs", report.options.min_kappa_pairs},
              {"raters", report.raters},
              {"people", report.people},
              {"ratings", report.ratings},
              {"shrinkage",
               {{"within_variance", number_or_null(report.shrinkage.within_variance)},
                {"between_variance", number_or_null(report.shrinkage.between_variance)},
                {"k", number_or_null(report.shrinkage.k)}}},
              {"spread", number_or_null(report.spread)},
              {"halo", number_or_null(report.halo)},
              {"by_rater", std::move(by_rater)}};
}

}  // namespace rung::review
