#include "rung/web/people/handlers.hpp"

#include <charconv>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "rung/html/views.hpp"
#include "rung/review/service.hpp"
#include "rung/web/people/views.hpp"
#include "rung/web/shell/support.hpp"

namespace rung::web::handlers {

namespace {

constexpr std::size_t k_max_listed = 500;

std::shared_ptr<const PeopleSnapshot> snapshot_of(const Resources& resources) {
  auto snapshot = resources.people.get();
  if (!snapshot) {
    throw std::runtime_error(snapshot.error().message);
  }
  return std::move(*snapshot);
}

// The person the route's {id} names (access.cpp already decided the viewer may see them).
const store::Person* person_of(const PeopleSnapshot& snapshot, const Call& call) {
  const std::string_view text = call.param("id");
  store::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) {
    return nullptr;
  }
  return snapshot.org.find(id);
}

// The promotion section of the person page (views.hpp promotion_section): the cases the viewer
// may read, and the form to open one for someone above the person in the line, or an admin.
Json promotion_of(const Resources& resources, const auth::Viewer& viewer,
                  const PeopleSnapshot& snapshot, const store::Person& person) {
  auto cases = resources.review.cases_of(viewer, person.id);
  if (!cases) {
    return nullptr;
  }
  const bool is_self = viewer.person && viewer.person->id == person.id;
  const bool above = viewer.person && snapshot.org.is_above(viewer.person->id, person.id);
  const bool may_open =
      !is_self && (above || viewer.admin()) && person.status == store::PersonStatus::active;
  std::vector<std::string> targets;
  std::vector<store::ReviewCycle> cycles;
  if (may_open) {
    targets = review::promotion_targets(resources.ladder, person);
    cycles = unwrap(resources.review.cycles());
  }
  return promotion_section(resources.ladder, person, *cases, may_open, targets, cycles);
}

Json page_json(std::string title, std::string_view nav) {
  return Json{{"title", std::move(title)}, {"nav", {{std::string(nav), true}}}};
}

}  // namespace

Response people(const Resources& resources, const Call& call) {
  const auto snapshot = snapshot_of(resources);
  const std::string query(query_value(call.target.query, "q").value_or(""));
  const auto found = visible_people(*snapshot, resources.ladder, *call.viewer, query);
  Json rows = Json::array();
  for (std::size_t i = 0; i < found.size() && i < k_max_listed; ++i) {
    Json row = person_json(resources.ladder, *found[i]);
    row["url"] = "/people/" + std::to_string(found[i]->id);
    row["left"] = found[i]->status != store::PersonStatus::active;
    rows.push_back(std::move(row));
  }
  Json view;
  view["site"] = html::site_json(resources.ladder, resources.links);
  view["page"] = page_json("People", "people");
  view["query"] = query;
  view["people"] = std::move(rows);
  view["count"] = found.size();
  view["truncated"] = found.size() > k_max_listed;
  view["limit"] = k_max_listed;
  view["admin"] = call.viewer->admin();
  view["no_person"] = !call.viewer->admin() && !call.viewer->person;
  return page(resources, call, 200, "people", std::move(view));
}

Response person(const Resources& resources, const Call& call) {
  const auto snapshot = snapshot_of(resources);
  const store::Person* found = person_of(*snapshot, call);
  if (found == nullptr) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  Json view = person_view(*snapshot, resources.ladder, *call.viewer, *found);
  view["site"] = html::site_json(resources.ladder, resources.links);
  view["page"] = page_json(found->name, "people");
  view["promotion"] = promotion_of(resources, *call.viewer, *snapshot, *found);
  view["csrf"] = call.viewer->session.csrf_token;
  return page(resources, call, 200, "person", std::move(view));
}

Response team(const Resources& resources, const Call& call) {
  const auto snapshot = snapshot_of(resources);
  const store::Person* found = person_of(*snapshot, call);
  if (found == nullptr) {
    return not_found_page(resources, call.target.path, call.viewer);
  }
  Json view = team_view(*snapshot, resources.ladder, *found);
  view["site"] = html::site_json(resources.ladder, resources.links);
  view["page"] = page_json(fmt::format("Team of {}", found->name), "people");
  return page(resources, call, 200, "team", std::move(view));
}

Response api_me(const Resources& resources, const Call& call) {
  const auth::Viewer& viewer = *call.viewer;
  return json_response(
      200, Json{{"login", viewer.account.login},
                {"admin", viewer.admin()},
                {"must_change_password", viewer.account.must_change_password},
                {"csrf_token", viewer.session.csrf_token},
                {"person",
                 viewer.person ? person_json(resources.ladder, *viewer.person) : Json(nullptr)}});
}

Response api_people(const Resources& resources, const Call& call) {
  const auto snapshot = snapshot_of(resources);
  const auto found = visible_people(*snapshot, resources.ladder, *call.viewer,
                                    query_value(call.target.query, "q").value_or(""));
  Json list = Json::array();
  for (const store::Person* person : found) {
    list.push_back(person_json(resources.ladder, *person));
  }
  return json_response(200, Json{{"count", found.size()}, {"people", std::move(list)}});
}

Response api_person(const Resources& resources, const Call& call) {
  const auto snapshot = snapshot_of(resources);
  const store::Person* found = person_of(*snapshot, call);
  if (found == nullptr) {
    return json_error(404, "not-found", fmt::format("no person with id {}", call.param("id")));
  }
  Json out = person_json(resources.ladder, *found);
  out["chain"] = snapshot->org.chain(found->id);
  out["reports"] = snapshot->org.direct_reports(found->id);
  return json_response(200, out);
}

}  // namespace rung::web::handlers
