#include "rung/web/people/views.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include <fmt/format.h>

#include "rung/core/text.hpp"
#include "rung/web/shell/access.hpp"

namespace rung::web {

namespace {

std::string person_url(store::Id id) {
  return "/people/" + std::to_string(id);
}

// {id, name, email, url, level, level_title, grade, left}: a person as a line in a list. Every
// key is always set (null when unknown): the templates look names up through the enclosing
// contexts, so a missing "url" would pick up the page's own.
Json person_ref(const model::Ladder& ladder, const store::Person& person, bool linked) {
  const model::Level* level = ladder.find_level(person.level);
  return Json{{"id", person.id},
              {"name", person.name},
              {"email", person.email},
              {"url", linked ? Json(person_url(person.id)) : Json(nullptr)},
              {"level", person.level},
              {"level_title", level ? Json(level->title) : Json(nullptr)},
              {"grade", level && !level->grade.empty() ? Json(level->grade) : Json(nullptr)},
              {"left", person.status != store::PersonStatus::active}};
}

bool matches(const model::Ladder& ladder, const store::Person& person, const std::string& query) {
  if (query.empty()) {
    return true;
  }
  const model::Level* level = ladder.find_level(person.level);
  for (std::string_view text : {std::string_view(person.name), std::string_view(person.email),
                                std::string_view(person.level),
                                level ? std::string_view(level->title) : std::string_view()}) {
    if (ascii_lower(text).find(query) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

Json person_json(const model::Ladder& ladder, const store::Person& person) {
  const model::Level* level = ladder.find_level(person.level);
  return Json{{"id", person.id},
              {"name", person.name},
              {"email", person.email},
              {"manager", person.manager ? Json(*person.manager) : Json(nullptr)},
              {"track", person.track},
              {"level", person.level},
              {"level_title", level ? Json(level->title) : Json(nullptr)},
              {"grade", level && !level->grade.empty() ? Json(level->grade) : Json(nullptr)},
              {"start_date", person.start_date},
              {"status", store::to_string(person.status)}};
}

std::vector<const store::Person*> visible_people(const PeopleSnapshot& snapshot,
                                                 const model::Ladder& ladder,
                                                 const auth::Viewer& viewer,
                                                 std::string_view query) {
  const std::string needle = ascii_lower(trim(query));
  std::vector<const store::Person*> out;
  if (viewer.admin()) {
    for (const store::Person& person : snapshot.org.people()) {
      if (matches(ladder, person, needle)) {
        out.push_back(&person);
      }
    }
  } else if (viewer.person) {
    std::vector<store::Id> ids = snapshot.org.all_below(viewer.person->id);
    ids.insert(ids.begin(), viewer.person->id);
    for (store::Id id : ids) {
      const store::Person* person = snapshot.org.find(id);
      if (person != nullptr && matches(ladder, *person, needle)) {
        out.push_back(person);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const store::Person* a, const store::Person* b) {
    return a->name != b->name ? a->name < b->name : a->id < b->id;
  });
  return out;
}

// The calls to action that start an assessment (issue 13): for the person, against their level
// and the next; for a manager above them, against their level. The hub's start form decides
// nothing: it is preset with the level (/people/{id}/assessments?level=...#start).
Json assess_calls(const PeopleSnapshot& snapshot, const model::Ladder& ladder,
                  const auth::Viewer& viewer, const store::Person& person) {
  Json out = Json::array();
  const model::Level* level = ladder.find_level(person.level);
  if (level == nullptr || !viewer.person) {
    return out;
  }
  auto start = [&](const model::Level& at) {
    return fmt::format("{}/assessments?level={}#start", person_url(person.id), at.id);
  };
  if (viewer.person->id == person.id) {
    out.push_back(Json{{"label", fmt::format("Assess yourself against {}", level->title)},
                       {"note", "your level"},
                       {"url", start(*level)},
                       {"primary", true}});
    if (const model::Level* next = ladder.next_level(level->id)) {
      out.push_back(Json{{"label", fmt::format("Assess yourself against {}", next->title)},
                         {"note", "the next level"},
                         {"url", start(*next)},
                         {"primary", false}});
    }
  } else if (snapshot.org.is_above(viewer.person->id, person.id)) {
    out.push_back(Json{{"label", fmt::format("Assess {} against {}", person.name, level->title)},
                       {"note", "their level"},
                       {"url", start(*level)},
                       {"primary", true}});
  }
  return out;
}

Json person_view(const PeopleSnapshot& snapshot, const model::Ladder& ladder,
                 const auth::Viewer& viewer, const store::Person& person) {
  Json out = person_ref(ladder, person, true);
  out["start_date"] = person.start_date;
  out["is_self"] = viewer.person && viewer.person->id == person.id;
  out["assessments_url"] = person_url(person.id) + "/assessments";
  out["assess_cta"] = assess_calls(snapshot, ladder, viewer, person);
  if (const model::Level* level = ladder.find_level(person.level)) {
    out["level_url"] = "/levels/" + level->id;
    if (const model::Track* track = ladder.track_of(level->id)) {
      out["track_name"] = track->name;
      out["track_url"] = "/tracks/" + track->id;
    }
  }
  Json chain = Json::array();
  for (store::Id id : snapshot.org.chain(person.id)) {
    if (const store::Person* manager = snapshot.org.find(id)) {
      chain.push_back(person_ref(ladder, *manager, may_see_person(viewer, id, &snapshot.org)));
    }
  }
  out["chain"] = std::move(chain);
  Json reports = Json::array();
  for (store::Id id : snapshot.org.direct_reports(person.id)) {
    if (const store::Person* report = snapshot.org.find(id)) {
      reports.push_back(person_ref(ladder, *report, true));
    }
  }
  if (!reports.empty()) {
    out["team_url"] = person_url(person.id) + "/team";
    out["readiness_url"] = person_url(person.id) + "/team/readiness";
  }
  out["reports"] = std::move(reports);
  out["plans_url"] = person_url(person.id) + "/plans";
  return out;
}

Json team_view(const PeopleSnapshot& snapshot, const model::Ladder& ladder,
               const store::Person& root) {
  struct Entry {
    store::Id id;
    int depth;
  };
  std::vector<Entry> order;
  std::vector<Entry> todo{{root.id, 0}};
  std::unordered_set<store::Id> seen;
  while (!todo.empty()) {
    const Entry entry = todo.back();
    todo.pop_back();
    if (!seen.insert(entry.id).second) {
      continue;
    }
    order.push_back(entry);
    const std::vector<store::Id> reports = snapshot.org.direct_reports(entry.id);
    for (auto it = reports.rbegin(); it != reports.rend(); ++it) {
      todo.push_back({*it, entry.depth + 1});
    }
  }
  Json nodes = Json::array();
  for (std::size_t i = 0; i < order.size(); ++i) {
    const store::Person* person = snapshot.org.find(order[i].id);
    if (person == nullptr) {
      continue;
    }
    Json node = person_ref(ladder, *person, true);
    const int next_depth = i + 1 < order.size() ? order[i + 1].depth : 0;
    const bool opens = next_depth > order[i].depth;
    node["opens"] = opens;
    node["closes"] = Json::array();
    for (int close = 0; !opens && close < order[i].depth - next_depth; ++close) {
      node["closes"].push_back(close);
    }
    nodes.push_back(std::move(node));
  }
  Json out = person_ref(ladder, root, true);
  out["size"] = order.size() - 1;
  out["readiness_url"] = person_url(root.id) + "/team/readiness";
  out["nodes"] = std::move(nodes);
  return out;
}

namespace {

std::string case_status(const review::CaseView& view) {
  const store::PromotionCase& c = view.promotion;
  switch (c.status) {
    case store::CaseStatus::draft:
      return "draft";
    case store::CaseStatus::submitted:
      return "submitted, waiting for review";
    case store::CaseStatus::in_review:
      return "in review";
    case store::CaseStatus::decided:
      break;
  }
  if (!view.decision_visible || !c.outcome) {
    return "decided, to be published";
  }
  switch (*c.outcome) {
    case store::CaseOutcome::approved:
      return "approved";
    case store::CaseOutcome::not_now:
      return "not now";
    case store::CaseOutcome::withdrawn:
      return "withdrawn";
  }
  return "decided";
}

std::string title_of(const model::Ladder& ladder, const std::string& level) {
  const model::Level* found = ladder.find_level(level);
  return found != nullptr ? found->title : level;
}

}  // namespace

Json promotion_section(const model::Ladder& ladder, const store::Person& person,
                       const std::vector<review::CaseView>& cases, bool may_open,
                       const std::vector<std::string>& targets,
                       const std::vector<store::ReviewCycle>& cycles) {
  Json listed = Json::array();
  bool open_case = false;
  for (auto it = cases.rbegin(); it != cases.rend(); ++it) {
    const store::PromotionCase& c = it->promotion;
    open_case = open_case || c.status != store::CaseStatus::decided;
    listed.push_back(Json{{"url", fmt::format("/people/{}/cases/{}", c.person, c.id)},
                          {"target", title_of(ladder, c.target_level)},
                          {"status", case_status(*it)}});
  }
  Json out{{"cases", std::move(listed)}, {"url", fmt::format("/people/{}/cases", person.id)}};
  if (may_open && !open_case && !targets.empty()) {
    Json levels = Json::array();
    for (const auto& id : targets) {
      levels.push_back(Json{{"id", id}, {"title", title_of(ladder, id)}});
    }
    Json open_cycles = Json::array();
    for (const auto& cycle : cycles) {
      if (cycle.status == store::CycleStatus::open) {
        open_cycles.push_back(Json{{"id", cycle.id}, {"name", cycle.name}});
      }
    }
    out["form"] = Json{{"targets", std::move(levels)}, {"cycles", std::move(open_cycles)}};
  }
  return out;
}

}  // namespace rung::web
