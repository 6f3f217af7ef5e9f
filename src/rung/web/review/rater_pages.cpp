// The rater statistics of a review cycle, for admins: /admin/cycles/{cycle}/raters (the page,
// each figure in plain words through rater_words.hpp) and /api/v1/cycles/{cycle}/raters (the
// numbers, review::raters_json). Both ask review::Service::raters, which checks the viewer.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/review/service.hpp"
#include "rung/web/review/handlers.hpp"
#include "rung/web/review/page_support.hpp"
#include "rung/web/review/paths.hpp"
#include "rung/web/review/rater_words.hpp"
#include "rung/web/shell/http_errors.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

std::string name_of(const PeopleSnapshot& people, std::int64_t id) {
  const store::Person* person = people.org.find(id);
  return person != nullptr ? person->name : "A former colleague";
}

std::string scale_names(const model::Ladder& ladder) {
  std::vector<std::string> names;
  for (const auto& point : ladder.data().scale) {
    names.push_back(point.name);
  }
  return join(names, ", ");
}

Json rater_card(const review::RaterStats& s, const review::RaterReport& report,
                const PeopleSnapshot& people) {
  namespace words = rater_words;
  return Json{
      {"name", name_of(people, s.rater)},
      {"url", fmt::format("/people/{}", s.rater)},
      {"counts", fmt::format("{} {} rated, {} {}", s.people, s.people == 1 ? "person" : "people",
                             s.ratings, s.ratings == 1 ? "rating" : "ratings")},
      {"leniency", words::leniency(s)},
      {"leniency_detail", words::leniency_detail(s)},
      {"spread", words::spread(s, report)},
      {"halo", words::halo(s, report)},
      {"gap", words::self_gap(s)},
      {"agreement", words::self_agreement(s, report)}};
}

std::string summary(const review::RaterReport& report, const store::ReviewCycle& cycle) {
  return fmt::format("{} {} rated {} {} in {} ({} {}).", report.raters,
                     report.raters == 1 ? "manager" : "managers", report.people,
                     report.people == 1 ? "person" : "people", cycle.name, report.ratings,
                     report.ratings == 1 ? "rating" : "ratings");
}

Json raters_view(const Resources& resources, const Call& call, const store::ReviewCycle& cycle,
                 const review::RaterReport& report) {
  const auto people = unwrap(resources.people.get());
  Json view = admin_view(resources, call, fmt::format("Raters in {}", cycle.name), "cycles");
  view["cycle"] = Json{{"id", cycle.id},
                       {"name", cycle.name},
                       {"url", fmt::format("/admin/cycles#cycle-{}", cycle.id)}};
  view["empty"] = report.ratings == 0;
  view["summary"] = summary(report, cycle);
  view["scale"] = scale_names(resources.ladder);
  view["min_people"] = report.options.min_people;
  std::vector<const review::RaterStats*> shown;
  Json hidden = Json::array();
  for (const review::RaterStats& s : report.by_rater) {
    if (s.hidden) {
      hidden.push_back(Json{{"name", name_of(*people, s.rater)}, {"people", s.people}});
    } else {
      shown.push_back(&s);
    }
  }
  std::stable_sort(shown.begin(), shown.end(), [&](const auto* a, const auto* b) {
    return name_of(*people, a->rater) < name_of(*people, b->rater);
  });
  Json cards = Json::array();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    Json card = rater_card(*shown[i], report, *people);
    card["anchor"] = fmt::format("rater-{}", i + 1);
    cards.push_back(std::move(card));
  }
  view["raters"] = std::move(cards);
  view["hidden"] = std::move(hidden);
  return view;
}

std::optional<store::ReviewCycle> find_cycle(const Resources& resources, store::Id id) {
  for (store::ReviewCycle& cycle : unwrap(resources.review.cycles())) {
    if (cycle.id == id) {
      return std::move(cycle);
    }
  }
  return std::nullopt;
}

}  // namespace

Response admin_cycle_raters(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("cycle"));
  const auto cycle = id ? find_cycle(resources, *id) : std::nullopt;
  if (!cycle) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  auto report = resources.review.raters(*call.viewer, cycle->id);
  if (!report) {
    return review_pages::error_page(resources, report.error());
  }
  return page(resources, call, 200, "raters", raters_view(resources, call, *cycle, *report));
}

Response api_cycle_raters(const Resources& resources, const Call& call) {
  const auto id = parse_id(call.param("cycle"));
  if (!id) {
    return json_error(404, "not-found", fmt::format("no API resource at {}", call.target.path));
  }
  auto report = resources.review.raters(*call.viewer, *id);
  if (!report) {
    return review_json_error(report.error());
  }
  Json body{{"cycle", *id}};
  body.update(review::raters_json(*report));
  return json_response(200, body);
}

}  // namespace rung::web::handlers
