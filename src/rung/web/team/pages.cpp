// Team readiness: the page, its CSV, its API and the header's link.
#include <charconv>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "rung/review/service.hpp"
#include "rung/web/shell/error_status.hpp"
#include "rung/web/shell/gate.hpp"
#include "rung/web/shell/people_snapshot.hpp"
#include "rung/web/shell/support.hpp"
#include "rung/web/team/handlers.hpp"
#include "rung/web/team/views.hpp"

namespace rung::web::handlers {

namespace {

struct Loaded {
  review::TeamReadiness team;
  team::TeamPageQuery query;
};

// An error of the query or the service: a page, or JSON on the API (gate.hpp error_for).
Response refused(const Resources& resources, const Call& call, int status, std::string_view code,
                 const std::string& message) {
  if (status == 500) {
    throw std::runtime_error(message);
  }
  return error_for(resources, call.target.path, status, code, message);
}

// The query and the team of the route's {id} (access.cpp has let the viewer see that person).
tl::expected<Loaded, Response> load(const Resources& resources, const Call& call) {
  auto query = team::read_team_query(call.target.query, resources.ladder);
  if (!query) {
    return tl::unexpected(refused(resources, call, 400, "bad-query", query.error().message));
  }
  store::Id id = 0;
  const std::string_view text = call.param("id");
  (void)std::from_chars(text.data(), text.data() + text.size(), id);  // access.cpp parsed it
  const auto people = unwrap(resources.people.get());
  auto team = resources.review.team_readiness(*call.viewer, people->org, id, query->team);
  if (!team) {
    return tl::unexpected(refused(resources, call, http_status(team.error()), team.error().code,
                                  team.error().message));
  }
  return Loaded{std::move(*team), std::move(*query)};
}

}  // namespace

Response team_readiness(const Resources& resources, const Call& call) {
  auto loaded = load(resources, call);
  if (!loaded) {
    return std::move(loaded.error());
  }
  Json view =
      team::page_view(resources.ladder, loaded->team, loaded->query, *call.viewer, resources.now());
  // "Team" in the header is the viewer's own team; anyone else's is among "People".
  const bool own = call.viewer->person && call.viewer->person->id == loaded->team.person.id;
  const Json head =
      page_view(resources, fmt::format("Team readiness: {}", loaded->team.person.name),
                own ? "team" : "people");
  view["site"] = head["site"];
  view["page"] = head["page"];
  return page(resources, call, 200, "team_readiness", std::move(view));
}

Response team_readiness_csv(const Resources& resources, const Call& call) {
  auto loaded = load(resources, call);
  if (!loaded) {
    return std::move(loaded.error());
  }
  Response out =
      text_response(200, team::csv(resources.ladder, loaded->team), "text/csv; charset=utf-8");
  out.headers.add("Content-Disposition", "attachment; filename=\"team-readiness.csv\"");
  return out;
}

Response api_team_readiness(const Resources& resources, const Call& call) {
  auto loaded = load(resources, call);
  if (!loaded) {
    return std::move(loaded.error());
  }
  return json_response(200, team::api_json(loaded->team));
}

Response my_team(const Resources& resources, const Call& call) {
  if (!call.viewer->person) {
    return message_page(resources, 200, "No team of yours",
                        "Your account is not linked to anyone in the people directory, so "
                        "nobody reports to you here. Open a person from the people directory "
                        "to see the readiness of their team.");
  }
  return redirect(team::readiness_url(call.viewer->person->id));
}

}  // namespace rung::web::handlers
